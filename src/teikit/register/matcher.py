"""Finding a register's name forms in text: leftmost, then longest, on word boundaries.

The entity pass and the quotation pass (a speaker named before a quotation) both match with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from teikit.convert.model import Block
from teikit.register.entries import Entry, Register

APOSTROPHES = "'’"


def form_pattern(form: str) -> str:
    """A regex for ``form``: any run of spaces for a space, either apostrophe for one."""
    parts: list[str] = []
    for char in form:
        if char in APOSTROPHES:
            parts.append("['’]")
        elif char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def form_key(text: str) -> str:
    """A name form as the matcher compares it: one space for any run, a curly apostrophe."""
    return " ".join(text.replace("'", "’").split())


@lru_cache(maxsize=8)
def forms_pattern(forms: frozenset[str]) -> re.Pattern[str] | None:
    """One regex for all ``forms``, the longest tried first; made once for a register (every
    text of an edition, and both passes that match, share it)."""
    if not forms:
        return None
    alternatives = "|".join(form_pattern(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


@dataclass(frozen=True)
class Mention:
    block: int
    start: int
    end: int
    form: str
    candidates: tuple[Entry, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


@dataclass
class FormMatcher:
    """Finds register forms in text: leftmost, then longest, on word boundaries."""

    register: Register
    _index: dict[str, tuple[Entry, ...]] = field(init=False)

    def __post_init__(self) -> None:
        # a one-letter form ("A", "I") would match everywhere: never a usable name form
        self._index = {
            form_key(form): tuple(entries) for form, entries in self.register.forms().items()
            if len(form.strip()) >= 2
        }

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        return forms_pattern(frozenset(self._index))

    def find(self, block: Block) -> list[Mention]:
        if self.pattern is None:
            return []
        found: list[Mention] = []
        for match in self.pattern.finditer(block.text):
            entries = self._index.get(form_key(match.group()))
            if entries:
                found.append(Mention(block.index, match.start(), match.end(), match.group(),
                                     entries))
        return found
