"""A list written as lines that each open with a marker: "1. …", "2) …", "(a) …", "• …", "- …".

A paragraph is a list when its first line and at least one more open with a marker of one kind
(numbers counting up from the first, letters likewise from "a", or the same bullet; not a dash,
which opens a turn of dialogue); a line without a marker continues the item before it (a
hard-wrapped item). Each item keeps its marker as
printed, as a ``label`` before it (``list/label``, ``list/item``).

A chronology is a list too: lines that each open with a date and a dash ("February 23 – Women
textile workers strike."), the date and the dash its item's label.
"""

from __future__ import annotations

import re

from teikit.convert.dates.forms import find_expressions

# a marker and the space after it, at the start of a line
_MARKER = re.compile(r"(?P<marker>(?P<number>\d{1,2})[.)]|\((?P<pnumber>\d{1,2})\)|"
                     r"(?P<letter>[a-z])\)|\((?P<pletter>[a-z])\)|(?P<bullet>[•·▪◦*-]))[ \t]+")

Item = tuple[int, int, int, int]   # the label's start and end, the item's start and end


def _value(match: re.Match[str]) -> tuple[str, int | str]:
    """The marker's kind and what it counts: ("number", 3), ("letter", 2), ("bullet", "•")."""
    number = match.group("number") or match.group("pnumber")
    if number:
        return ("number" if match.group("number") else "pnumber"), int(number)
    letter = match.group("letter") or match.group("pletter")
    if letter:
        return ("letter" if match.group("letter") else "pletter"), ord(letter) - ord("a") + 1
    return "bullet", match.group("bullet")


# what parts a chronology's date from its event: a dash or a colon (kept in the label)
_AFTER_DATE = re.compile(r"[ \t]*(?P<sign>[–—:-])[ \t]+(?=\S)")


def list_items(text: str) -> list[Item] | None:
    """The items of ``text`` when it is a list (see the module), else ``None``."""
    return _marked_items(text) or _dated_items(text)


def _dated_items(text: str) -> list[Item] | None:
    """A chronology's items: every line opens with a date, then a dash, then the event."""
    items: list[Item] = []
    position = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        dates = find_expressions(line)
        after = _AFTER_DATE.match(line, dates[0].end) if dates and dates[0].start == lead \
            else None
        if after is None:
            return None
        items.append((position + lead, position + after.end("sign"), position + after.end(),
                      position + len(line.rstrip())))
        position += len(line) + 1
    return items if len(items) >= 2 else None


def _marked_items(text: str) -> list[Item] | None:
    lines: list[tuple[int, str]] = []
    position = 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    items: list[list[int]] = []
    kind: tuple[str, int | str] | None = None
    for start, line in lines:
        lead = len(line) - len(line.lstrip())
        match = _MARKER.match(line, lead)
        value = _value(match) if match else None
        expected = None if kind is None else (
            kind if kind[0] == "bullet" else (kind[0], int(kind[1]) + len(items)))
        if match and value is not None and (kind is None or value == expected):
            if kind is None:
                kind = value
            items.append([start + lead, start + match.end("marker"), start + match.end(),
                          start + len(line.rstrip())])
        elif items and line.strip():
            items[-1][3] = start + len(line.rstrip())    # the item runs on
        elif not items:
            return None
    if len(items) < 2 or kind is None:
        return None
    if kind[0] in ("letter", "pletter") and kind[1] != 1:
        return None                         # "c) … d) …" is text that happens to break there
    return [(a, b, c, d) for a, b, c, d in items]
