"""A behaviours table for CETEIcean, the TEI Consortium's browser renderer, so that teikit's TEI
shows there as in teikit's own edition: quotation marks from ``@rend``, an editor's brackets and
signature around a gloss, the parentheses around a speech's stage direction, a page number of
the printed source in its marks, the omission sign of a gap, names linked to their register
entry.

CETEIcean's behaviours are data (element → CSS selector → the strings before and after), so
the table is built from the same conventions the converter and read-back use, and written as
JSON for a page to pass to ``addBehaviors``.
"""

from __future__ import annotations

import json
from itertools import product
from typing import Any

from teikit.convert.conventions import (
    BRACKETS,
    PAGE_MARKS,
    QUOTE_MARKS,
    SIGNATURE_DASHES,
    SIGNATURES,
    STAGE_MARKS,
)

NAME_ELEMENTS = ("persName", "orgName", "placeName", "name", "title", "rs")
QUOTING_ELEMENTS = ("q", "quote", "soCalled", "title")
DEFAULT_DASH = "–"


def _marks_rules() -> list[list[Any]]:
    return [[f"[rend~={rend}]", [opening, closing]] for rend, (opening, closing)
            in QUOTE_MARKS.items()]


def _gloss_rules() -> list[list[Any]]:
    opening, closing = BRACKETS
    rules: list[list[Any]] = []
    dashes = [*SIGNATURE_DASHES.items(), ("", DEFAULT_DASH)]
    for (token, (signature, _role)), (dash_token, dash) in product(SIGNATURES.items(), dashes):
        selector = f"[rend~=brackets][rend~={token}]" + (f"[rend~={dash_token}]"
                                                          if dash_token else "")
        rules.append([selector, [opening, f" {dash} {signature}{closing}"]])
    rules.append(["[rend~=brackets]", [opening, closing]])
    return rules


def behaviors() -> dict[str, Any]:
    tei: dict[str, Any] = {}
    for element in QUOTING_ELEMENTS:
        tei[element] = _marks_rules()
    for element in NAME_ELEMENTS:
        link = [["[ref^='#']", ["<a href=\"$@ref\">", "</a>"]]]
        tei[element] = link + tei.get(element, [])
    tei["note"] = _gloss_rules()
    tei["stage"] = [[f"[rend~={rend}]", [opening, closing]]
                    for rend, (opening, closing) in STAGE_MARKS.items()]
    # the printed source's page number in the marks the transcription gave it
    tei["pb"] = [[f"[rend~={rend}]", [f"<span class=\"pb\">{opening}$@n{closing}</span>"]]
                 for rend, (opening, closing) in PAGE_MARKS.items()]
    # the omission sign as printed (wrapped: CETEIcean fills in "$@…" only after the start)
    tei["gap"] = [["[rend]", ["<span class=\"gap\">$@rend</span>"]]]
    # a repaired reading shows the repair; the damaged one stays in the page, hidden
    tei["sic"] = [["tei-choice > tei-sic", ["<span hidden>", "</span>"]]]
    tei["orig"] = [["tei-choice > tei-orig", ["<span hidden>", "</span>"]]]
    return {"tei": tei}


def behaviors_json() -> str:
    return json.dumps(behaviors(), ensure_ascii=False, indent=2) + "\n"
