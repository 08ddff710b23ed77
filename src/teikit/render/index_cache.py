"""The pages of the index, remembered between builds (see :mod:`teikit.cache`).

The key is the FO that cites every mention (its generated ids, which depend on how many
documents Saxon parsed before, are normalised) and the FOP configuration; the value is the list
of mentions the index cited. It is only a guess: the layout that uses it reports the pages of
the mentions itself, and a guess it does not confirm costs one more layout, never a wrong index.
"""

from __future__ import annotations

import json
import re

from teikit import cache
from teikit.render.fo import MENTION_ID

_GENERATED_ID = re.compile(r"\bd\d+e(\d+)")
_KIND = "index"


def key(draft_fo: str) -> str:
    from teikit.render.pdf import fop_config

    try:
        config = fop_config().read_bytes()
    except OSError:
        config = b""
    return cache.digest("fo-index/1", _GENERATED_ID.sub(r"e\1", draft_fo), config)


def read(entry: str) -> list[str] | None:
    data = cache.read_entry(_KIND, entry, ".json")
    if data is None:
        return None
    try:
        cited = json.loads(data)
    except ValueError:
        return None
    if not isinstance(cited, list) or not all(isinstance(c, str) and MENTION_ID.match(c)
                                              for c in cited):
        return None
    return cited


def write(entry: str, cited: list[str]) -> None:
    cache.write_entry(_KIND, entry, ".json", json.dumps(cited).encode("utf-8"))
