"""The printed source's page numbers in the text — "[Page 55]", "[p. 55]", "|55|" — as ``pb``.

The marker becomes an empty page break: its ``@n`` the page's number, its ``@rend`` the marks
it was printed in (:data:`teikit.convert.conventions.PAGE_MARKS`), from which read-back gives
the marker again. Page markers are read in the running text: paragraphs, the headnote, a
dialogue's turns, quotations and verse set apart, notes and a postscript; an editor's brackets
are not read as a gloss where they hold a page number (:mod:`teikit.convert.passes.editorial`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teikit.config import TextSettings
from teikit.convert.conventions import PAGE_MARKS
from teikit.convert.model import BlockKind, Span, Transcription
from teikit.convert.page_marks import page_markers
from teikit.convert.passes.base import PassResult, clashes
from teikit.register.entries import Register

CONCERN = "pages"
PRIORITY = 95      # a page break stands inside whatever runs over it
_PAGED = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADNOTE, BlockKind.TURN,
                    BlockKind.QUOTATION, BlockKind.VERSE, BlockKind.FOOTNOTE,
                    BlockKind.POSTSCRIPT})


@dataclass(frozen=True)
class PageOptions:
    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> PageOptions:
        return cls()


def run(doc: Transcription, earlier: Sequence[Span], options: PageOptions) -> PassResult:
    spans = []
    for block in doc.blocks:
        if block.kind not in _PAGED:
            continue
        mine = [span for span in earlier if span.block == block.index]
        for start, end, number, rend in page_markers(block.text):
            if clashes(start, end, mine):
                continue
            closing = PAGE_MARKS[rend][1]
            spans.append(Span(block.index, start, end, "pb", {"n": number, "rend": rend},
                              open_len=end - start - len(closing), close_len=len(closing),
                              priority=PRIORITY, concern=CONCERN))
    return PassResult(tuple(spans))
