"""The printed source's page numbers in the text — "[Page 55]", "[p. 55]", "|55|" — as ``pb``.

The marker becomes an empty page break: its ``@n`` the page's number, its ``@rend`` the marks
it was printed in (:data:`teikit.convert.conventions.PAGE_MARKS`), from which read-back gives
the marker again. Page markers are read in the running text: paragraphs, the headnote, a
dialogue's turns, quotations and verse set apart, notes and a postscript; an editor's brackets
are not read as a gloss where they hold a page number (:mod:`teikit.convert.passes.editorial`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from teikit.convert.conventions import PAGE_MARKS
from teikit.convert.model import BlockKind, Span, Transcription
from teikit.convert.page_marks import page_markers
from teikit.convert.passes.base import NoOptions, PassResult, clashes

CONCERN = "pages"
PRIORITY = 95      # a page break stands inside whatever runs over it
_PAGED = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADNOTE, BlockKind.AFTERWORD, BlockKind.TURN,
                    BlockKind.QUOTATION, BlockKind.VERSE, BlockKind.FOOTNOTE,
                    BlockKind.POSTSCRIPT, BlockKind.POEM})


def run(doc: Transcription, earlier: Sequence[Span], options: NoOptions) -> PassResult:
    by_block: dict[int, list[Span]] = defaultdict(list)
    for span in earlier:
        by_block[span.block].append(span)
    spans = []
    for block in doc.blocks:
        if block.kind not in _PAGED:
            continue
        for start, end, number, rend in page_markers(block.text):
            if clashes(start, end, by_block[block.index]):
                continue
            closing = PAGE_MARKS[rend][1]
            spans.append(Span(block.index, start, end, "pb", {"n": number, "rend": rend},
                              open_len=end - start - len(closing), close_len=len(closing),
                              priority=PRIORITY, concern=CONCERN))
    return PassResult(tuple(spans))
