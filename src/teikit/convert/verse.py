"""Verse: lines short enough to have been broken by the poet, not by the width of the page.

A run of text is verse when it has two lines or more, none longer than :data:`VERSE_WIDTH`
characters — well under the 60 to 75 columns at which the family's plain-text copies wrap
their prose, so that a hard-wrapped paragraph is never read as verse — and none of them is
something else that sets short lines apart:

- a table of figures ("1913    287"): columns parted by two spaces or more, or a tab;
- a list ("1. …", "• …": :mod:`teikit.convert.lists` decides, and lists win);
- dialogue, whose turns open with a dash ("– Yes, he said.");
- prose wrapped narrower still: a word broken at a line's end ("revolu-" / "tion"), or lines
  that each were full (the next line's first word would not have fitted on them) and run on in
  lower case — verse breaks where the sense does, so some of its lines stop short.

Where verse may stand (set in from the prose, quoted whole, after a colon) is ingest's
decision; this module knows the shape only. Blank lines part the stanzas of a verse block:
:func:`verse_stanzas` gives each stanza's lines, as ranges of the block's text.
"""

from __future__ import annotations

import re
from itertools import pairwise

from teikit.convert.lists import list_items

# the longest line of verse: the family's prose wraps at 60 columns or more
VERSE_WIDTH = 55
_TABLE_GAP = re.compile(r"\S(?: {2,}|\t)\S")        # "1913    287"
_DIALOGUE = re.compile(r"[–—-]\s")                  # "– Yes, he said."
_BROKEN_WORD = re.compile(r"[^\W\d_]-$")             # "revolu-" at a line's end

Line = tuple[int, int]   # a line's text in the block: its start and end (white space stripped)


def verse_stanzas(text: str) -> list[list[Line]]:
    """The stanzas of ``text`` (parted by blank lines), each the ranges of its lines."""
    stanzas: list[list[Line]] = [[]]
    position = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        if raw.strip():
            stanzas[-1].append((position + lead, position + len(raw.rstrip())))
        elif stanzas[-1]:
            stanzas.append([])
        position += len(raw) + 1
    return [stanza for stanza in stanzas if stanza]


def is_verse(text: str) -> bool:
    """Whether ``text`` has the shape of verse (see the module)."""
    lines = [text[start:end] for stanza in verse_stanzas(text) for start, end in stanza]
    if len(lines) < 2 or any(len(line) > VERSE_WIDTH for line in lines):
        return False
    if any(_TABLE_GAP.search(line) or _BROKEN_WORD.search(line) for line in lines):
        return False
    if _DIALOGUE.match(lines[0]) or list_items(text) is not None:
        return False
    return not _wrapped_prose(lines)


def _wrapped_prose(lines: list[str]) -> bool:
    """Prose wrapped at a narrow width: every line but the last was full — it and the next
    line's first word would have been longer than the longest line — and a line runs on in
    lower case ("In the social production of their life," / "men enter into …")."""
    longest = max(len(line) for line in lines)
    full = all(len(line) + 1 + len(following.split()[0]) > longest
               for line, following in pairwise(lines))
    return full and any(line[0].islower() for line in lines[1:])
