"""Markup passes: each knows one concern and proposes spans; none builds XML.

A pass is a function of (document, earlier spans, options) that returns a
:class:`~teikit.convert.passes.base.PassResult` — its spans and its warnings — and keeps nothing
between runs (see :mod:`teikit.convert.passes.base`). Passes run in the order of :data:`PASSES`,
declared here and nowhere else, and each sees the spans proposed before it (read-only), so that,
say, the editorial pass can tell an omission inside a quotation from one in the narrative.
:func:`teikit.convert.weave.weave` resolves what they propose.
"""

from __future__ import annotations

from typing import Any

from teikit.config import TextSettings
from teikit.convert.model import BlockKind, Span, Transcription
from teikit.convert.passes import (
    dates,
    editorial,
    encoding,
    entities,
    money,
    pages,
    quotes,
    stage,
)
from teikit.convert.passes.base import MarkupPass, NoOptions, PassResult
from teikit.register.entries import Register

__all__ = ["PASSES", "MarkupPass", "PassResult", "run_passes"]

# the order matters: a page number is no editor's gloss, no date and no amount; names, dates
# and amounts stay out of what encoding repairs and editorial
# notes hold, an omission inside a quotation is not the editor's, a stage direction holds the
# cries it quotes (and is no direction inside a quotation), and a year is a date before it is
# an amount
PASSES: tuple[MarkupPass[Any], ...] = (
    MarkupPass(encoding.CONCERN, encoding.EncodingOptions, encoding.run),
    MarkupPass(pages.CONCERN, NoOptions, pages.run),
    MarkupPass(quotes.CONCERN, quotes.QuoteOptions, quotes.run),
    MarkupPass(editorial.CONCERN, editorial.EditorialOptions, editorial.run),
    MarkupPass(stage.CONCERN, NoOptions, stage.run),
    MarkupPass(dates.CONCERN, dates.DateOptions, dates.run),
    MarkupPass(money.CONCERN, NoOptions, money.run),
    MarkupPass(entities.CONCERN, entities.EntityOptions, entities.run),
)
# the web page's navigation is not the text: no pass marks it up (its characters are repaired)
UNMARKED_KINDS = frozenset({BlockKind.NAVIGATION})


def run_passes(doc: Transcription, settings: TextSettings, register: Register,
               passes: tuple[MarkupPass[Any], ...] = PASSES) -> PassResult:
    """Run ``passes`` in order with the options ``settings`` give; gather spans and warnings."""
    spans: list[Span] = []
    warnings: list[str] = []
    for markup_pass in passes:
        result = markup_pass.run_with(doc, tuple(spans), settings, register)
        spans.extend(span for span in result.spans if span.concern == encoding.CONCERN
                     or doc.blocks[span.block].kind not in UNMARKED_KINDS)
        warnings.extend(result.warnings)
    return PassResult(tuple(spans), tuple(warnings))
