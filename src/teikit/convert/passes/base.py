"""What every markup pass is: a function of (document, earlier spans, options).

A pass keeps nothing between runs. Its settings are a frozen options dataclass (built from the
text's :class:`~teikit.config.TextSettings` and register by ``options_class.from_settings``), and
its findings — spans and warnings — are the :class:`PassResult` it returns. The sequence of
passes is declared once, in :mod:`teikit.convert.passes`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, Self, TypeVar

from teikit.config import TextSettings
from teikit.convert.model import Span, Transcription
from teikit.register.entries import Register


@dataclass(frozen=True)
class PassResult:
    """The spans a pass proposes and the problems it met (e.g. an unbalanced quotation mark)."""

    spans: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()


class PassOptions(Protocol):
    """A pass's settings: a frozen dataclass that knows how to read them from a text's settings."""

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> Self: ...


OptionsT = TypeVar("OptionsT", bound=PassOptions)


@dataclass(frozen=True)
class NoOptions:
    """The options of a pass that has no settings (money, stage directions, page breaks)."""

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> Self:
        return cls()


@dataclass(frozen=True)
class MarkupPass(Generic[OptionsT]):
    """One concern of the markup: its name, its options class and the function that runs it."""

    concern: str
    options_class: type[OptionsT]
    run: Callable[[Transcription, Sequence[Span], OptionsT], PassResult]

    def run_with(self, doc: Transcription, earlier: Sequence[Span], settings: TextSettings,
                 register: Register) -> PassResult:
        """Run with the options ``settings`` and ``register`` give."""
        return self.run(doc, earlier, self.options_class.from_settings(settings, register))


def clashes(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Would an element over ``start..end`` collide with one of ``spans`` (of the same block)?

    It may lie inside another element's content (an amount inside a quotation) or beside it;
    it may not cross one, hold one, sit on its delimiters or enter an atomic one (a repair)."""
    for span in spans:
        if span.tag is None or span.end <= start or end <= span.start:
            continue
        inner_start, inner_end = span.inner
        if not span.atomic and inner_start <= start and end <= inner_end:
            continue
        return True
    return False
