"""Which language a text is written in: English, German or French, by their function words.

The family's texts come in these three languages (marxists.org, /deutsch, /francais). Each is
told by the short words every sentence of it uses — articles, pronouns, conjunctions,
prepositions, auxiliaries — counted in the text; the language whose words are most frequent, by
a clear margin, is the text's. Words two of the languages share ("in", "die" in English, "des"
in German and French, "a") count for none of them. A text too short to tell, or in none of the
three, is left undecided (``None``), and the caller keeps its default.

This is deliberately a table rather than a statistical detector from PyPI: three languages that
differ in their commonest words are told apart reliably by a hundred words, the decision can be
explained in a sentence (:meth:`Decision.explain`), and nothing has to be downloaded or trained. The
name finder asks the same table whether a text has German in it
(:mod:`teikit.register.candidates`), so there is one list of German words, not two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass


def _table(text: str) -> frozenset[str]:
    return frozenset(text.split())


# the function words of each language, lower case; none of them a common word of the others
# ("die" is the German article far more often than the English verb)
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _table("""
        the and of to that is was with for not are this have which from they his their be by
        were had has would been but who what will there when them its our or it we you she
        her him an these those than then also shall should could upon into only
        """),
    "de": _table("""
        und nicht ist wir sich auch oder für über dass daß werden sind eine einer wissen aber
        noch nach unter gegen mit dem der die das den ein einen einem eines zu zum zur im vom auf
        aus bei es sie ihr ihre sein seine wird wurde wurden haben hatte hatten kann können
        muss müssen nur schon wie wenn weil diese dieser dieses durch ich uns unsere
        """),
    "fr": _table("""
        le la les du et est une un que qui dans pour pas sur ne nous vous sont ce cette ces avec
        au aux par il elle ils elles leur leurs mais ou où donc été était sa son ses mon
        notre nos se lui très tout tous fait être avoir comme même aussi
        """),
}
LANGUAGES = tuple(FUNCTION_WORDS)
# a language is the text's when its words are at least this many and this many times those of
# the next language
MINIMUM_WORDS = 3
MARGIN = 2.0

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Decision:
    """The language of a text (``None``: the text does not say) and the counts it rests on."""

    language: str | None
    counts: dict[str, int]

    def explain(self) -> str:
        counts = ", ".join(f"{code} {count}" for code, count in sorted(
            self.counts.items(), key=lambda item: -item[1]))
        return f"function words: {counts}" if self.counts else "no function words"


def words(text: str) -> list[str]:
    """The lower-case words of ``text``; an elision is two words ("c'est" → "c", "est")."""
    return _WORD.findall(text.lower())


def count(text: str, language: str) -> int:
    """How many of the words of ``text`` are function words of ``language``."""
    vocabulary = FUNCTION_WORDS[language]
    return sum(1 for word in words(text) if word in vocabulary)


def decide(texts: Iterable[str]) -> Decision:
    """The language of the text made of ``texts`` (its paragraphs), by its function words."""
    counts: Counter[str] = Counter()
    for text in texts:
        for word in words(text):
            for language, vocabulary in FUNCTION_WORDS.items():
                if word in vocabulary:
                    counts[language] += 1
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < MINIMUM_WORDS:
        return Decision(None, dict(counts))
    best, best_count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return Decision(best if best_count >= MARGIN * runner_up else None, dict(counts))
