"""Markup passes: each knows one concern and proposes spans; none builds XML.

A pass is any object with a ``concern`` name and a ``propose`` method. Passes run in order and
each sees the spans proposed before it (read-only), so that, say, the editorial pass can tell an
omission inside a quotation from one in the narrative. :func:`teikit.convert.weave.weave`
resolves what they propose.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from teikit.config import TextSettings
from teikit.convert.model import Span, Transcription


class MarkupPass(Protocol):
    concern: str
    warnings: list[str]  # problems met in the last run (e.g. unbalanced quotation marks)

    def propose(self, doc: Transcription, earlier: Sequence[Span]) -> Iterable[Span]:
        """Return the spans this concern finds in ``doc``."""
        ...


def run_passes(doc: Transcription, passes: Iterable[MarkupPass]) -> list[Span]:
    spans: list[Span] = []
    for markup_pass in passes:
        spans.extend(markup_pass.propose(doc, tuple(spans)))
    return spans


def default_passes(settings: TextSettings) -> list[MarkupPass]:
    """The passes a conversion runs, in order (each sees what the earlier ones proposed)."""
    from teikit.convert.passes.dates import DatePass
    from teikit.convert.passes.editorial import EditorialPass
    from teikit.convert.passes.encoding import EncodingRepairPass
    from teikit.convert.passes.entities import EntityPass
    from teikit.convert.passes.quotes import QuotePass
    from teikit.register.entries import register_for

    register = register_for(settings)
    return [
        EncodingRepairPass(),
        QuotePass(register),
        EditorialPass(settings.editor_ref),
        DatePass(settings.year, settings.calendar),
        EntityPass(register),
    ]
