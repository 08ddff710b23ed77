"""Page numbers of the printed source that a transcription carries in its text: "[Page 55]",
"[p. 55]", "|55|" (the marks of :data:`teikit.convert.conventions.PAGE_MARKS`) around a page's
number, in digits or, for a front matter, in small roman numerals ("[p. xiv]").
"""

from __future__ import annotations

import re
from functools import cache

from teikit.convert.conventions import PAGE_MARKS

_NUMBER = r"(?P<n>[1-9][0-9]{0,3}|[ivxlc]{1,7})"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # bars stand between words or against them, never doubled ("||", a table's rule)
    return tuple((rend, re.compile(rf"(?<![|\w]){re.escape(opening)}{_NUMBER}"
                                   rf"{re.escape(closing)}(?![|\w])"))
                 for rend, (opening, closing) in PAGE_MARKS.items())


def page_markers(text: str) -> list[tuple[int, int, str, str]]:
    """The page markers in ``text``: (start, end, the page's number, the marks' ``@rend``), in
    order; where two would overlap, the first."""
    if not any(opening[0] in text for opening, _ in PAGE_MARKS.values()):
        return []       # most paragraphs: no mark that opens a page number
    found = sorted((match.start(), match.end(), match.group("n"), rend)
                   for rend, pattern in _patterns() for match in pattern.finditer(text))
    markers: list[tuple[int, int, str, str]] = []
    for marker in found:
        if not markers or marker[0] >= markers[-1][1]:
            markers.append(marker)
    return markers


def is_page_marker(text: str) -> bool:
    """Whether ``text`` is one page marker and nothing else."""
    return any(pattern.fullmatch(text) for _, pattern in _patterns())
