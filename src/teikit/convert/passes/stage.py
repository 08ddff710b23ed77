"""Stage directions of a speech's record — "(Applause.)", "(Cries of “Shame!”)" — in its
paragraphs, as ``stage``.

Only in the record of what was said — a speech
(:attr:`~teikit.convert.model.Transcription.is_speech`: its header says where it was delivered)
or a dialogue (minutes, an interview: turns opened by their speakers) —, only in the paragraphs
and turns of its body, and only a parenthesis that opens with a
word of :data:`teikit.convert.directions.DIRECTIONS`; a direction that is a paragraph of its
own is a block of the text already (ingest). The parentheses are the element's delimiters
(``@rend="parentheses"``, as an editor's brackets are a note's), the direction's kind its
``@type``. A direction holds what earlier passes marked inside it — the cries it quotes, a
repair — but stands inside none: one within a quotation or an editor's note is their text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from teikit.convert.conventions import STAGE_MARKS
from teikit.convert.directions import stage_directions
from teikit.convert.model import BlockKind, Span, Transcription
from teikit.convert.paragraphs import in_body
from teikit.convert.passes.base import NoOptions, PassResult

CONCERN = "stage"
PRIORITY = 60      # above quotations: a direction holds the cries it quotes
_SPOKEN = frozenset({BlockKind.PARAGRAPH, BlockKind.TURN})


def run(doc: Transcription, earlier: Sequence[Span], options: NoOptions) -> PassResult:
    if not doc.is_speech and not any(b.kind is BlockKind.TURN for b in doc.blocks):
        return PassResult()
    marked: dict[int, list[Span]] = defaultdict(list)
    for span in earlier:
        if span.tag is not None:
            marked[span.block].append(span)
    spans = []
    for block in doc.blocks:
        if block.kind not in _SPOKEN or not in_body(doc, block):
            continue
        for start, end, kind, rend in stage_directions(block.text):
            opening, closing = STAGE_MARKS[rend]
            if _holds_or_misses(start, end, (opening, closing), marked[block.index]):
                spans.append(Span(block.index, start, end, "stage",
                                  {"type": kind, "rend": rend},
                                  open_len=len(opening), close_len=len(closing),
                                  priority=PRIORITY, concern=CONCERN))
    return PassResult(tuple(spans))


def _holds_or_misses(start: int, end: int, marks: tuple[str, str], spans: Sequence[Span]
                     ) -> bool:
    """Whether each of ``spans`` lies inside the marks at ``start..end`` or apart."""
    inner_start, inner_end = start + len(marks[0]), end - len(marks[1])
    return all(span.end <= start or end <= span.start
               or (inner_start <= span.start and span.end <= inner_end) for span in spans)
