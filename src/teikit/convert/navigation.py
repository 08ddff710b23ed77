"""The web page's navigation that a copy of it brings along: lines such as "Next: Chapter 4 |
Contents | Top of the page", "Back to the Trotsky Internet Archive", "<< Previous | Next >>"
at the end of the text, and a trail such as "Marxists Internet Archive > Trotsky > 1924"
before its title.

They are the page's chrome, not the text: ingest looks for them only at the end of the text
(and, with their separators, at its start), and the converter keeps them apart from the
text's blocks. A line is navigation when each of its parts, between the separators ("|", and
">" or "»" in a trail), is one of the family's navigation phrases (:data:`PHRASES`), the name
of one of the archive's pages in capitals, or a year beside them; a trail opens with the
archive's name and has short parts.
"""

from __future__ import annotations

import re

# the phrases of the family's navigation, each a pattern for a whole part of the line (any
# case; the arrows around a part, "<<", ">>", "«", "»", "←", "→", "↑", stripped first)
PHRASES: tuple[str, ...] = (
    r"(?:back to |go to |return to )?(?:the )?top(?: of (?:the )?page)?",
    r"(?:next|previous|prev|forward|back|up)(?: ?[:–—-] ?.{1,60})?",
    r"(?:back to|return to|up to) (?:the )?.{0,50}\b(?:archive|index|contents|works|home ?page|"
    r"home|library|section|page|list|writers|reference)",
    r"(?:table of )?contents|index|home(?: ?page)?|search|print(?:able version)?|"
    r"marxists\.org|mia|marxists'? internet archive",
)
# a page of the archive named in capitals: "Trotsky Internet Archive", "Lenin Works Archive",
# "Subject Index" (not "the workers' own archive", which a sentence may end with)
_PAGE_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:(?:of|the|and|on|for|in)\s+)?){0,6}"
                        r"(?:Internet Archive|Archive|Index|Works|Library|Encyclopedia)")
# a year, or years, beside the phrases ("Lenin Works Archive | 1917"): never a line alone
_YEARS = re.compile(r"\d{4}(?:\s*[–—-]\s*\d{2,4})?")
_PHRASE = re.compile("|".join(f"(?:{phrase})" for phrase in PHRASES), re.IGNORECASE)
_ARROWS = "<>«»←→↑^ \t"
# a trail of the pages above this one: the archive first, then short parts
_TRAIL_SEPARATOR = re.compile(r"\s(?:>|»|›)\s")
_ARCHIVE = re.compile(r"(?:marxists'? internet archive|mia|marxists\.org|home)",
                      re.IGNORECASE)
_TRAIL_PART_WORDS, _LINE_WIDTH = 6, 160


def _navigation_part(part: str) -> bool:
    part = part.strip(_ARROWS)
    return bool(_PHRASE.fullmatch(part) or _PAGE_NAME.fullmatch(part))


def is_navigation_line(line: str, *, at_start: bool = False) -> bool:
    """Whether ``line`` is a line of the page's navigation (see the module); at the start of the
    text only a line with separators is ("Contents" there heads the text's own contents)."""
    line = line.strip()
    if not line or len(line) > _LINE_WIDTH:
        return False
    trail = _TRAIL_SEPARATOR.split(line)
    if len(trail) > 1:
        return bool(_ARCHIVE.fullmatch(trail[0].strip(_ARROWS))) and all(
            0 < len(part.split()) <= _TRAIL_PART_WORDS for part in trail)
    parts = [part.strip(_ARROWS) for part in line.split("|")]
    if len(parts) == 1:
        return not at_start and _navigation_part(parts[0])
    if not all(parts) or not any(_navigation_part(part) for part in parts):
        return False
    return all(_navigation_part(part) or _YEARS.fullmatch(part) for part in parts)
