"""A table of figures: lines whose cells are parted by runs of spaces, at the same columns.

    Table: Output of coal, in million tons        ← the caption, when simple: the table's head

        District        Pits     Men              ← a row of words over figures: the label row
        Durham           212   150,000
        South Wales      320   200,000

A run of text is a table when it has two lines or more, each splitting at runs of two spaces or
more (or a tab) into the same number of cells (two or more), and

- each column stands at the same place on every line: its cells overlap, give or take
  :data:`_SLACK` columns, as typed in a monospaced copy (tabs count to the next stop of eight);
- no line is parted only where a sentence ends and the next begins ("They came.  We left.");
- most cells are short (at most :data:`CELL_WIDTH` characters): lines of prose are no cells;
- a column holds figures all through ("287", "150,000", "12.5%", "–" for none), or the columns
  line up exactly, each starting or ending at one column on every line.

A prose paragraph typed with two spaces after its full stops has sentences where cells would
be: they neither line up nor are short, and no column of it is figures. A caption right before
the table ("Table: …", "Table 3. …", on a line of its own) is its head; a longer one stays a
paragraph (ingest decides where the caption stands; this module knows the shapes only).
"""

from __future__ import annotations

import re
from itertools import pairwise

CELL_WIDTH = 30
_SLACK = 2
_GAP = re.compile(r"(?: {2,}|\t)[ \t]*")
# a figure: "287", "150,000", "12.5%", "£3 10s" is not; "(41)", "-3", "1913–14"; a dash or
# dots for none
FIGURE = re.compile(r"^(?:[(]?[-+–−±]?[£$€]?\d[\d,.]*(?:[–-]\d+)?%?[)]?|[–—-]|\.{2,}|…)$")
# "Table: Output of coal", "Table 3. Wages", "Table IV – Strikes"
CAPTION = re.compile(r"^Table(?:\s+(?:\d{1,3}|[IVXLC]{1,6}))?\s*[.:–—-]\s*\S.{0,98}$")

Cell = tuple[int, int]   # a cell's text in the block: its start and end


def _cells(line: str, position: int) -> list[Cell]:
    """The cells of one line that starts at ``position`` in the block."""
    start, end = len(line) - len(line.lstrip()), len(line.rstrip())
    cells: list[Cell] = []
    for gap in _GAP.finditer(line, start, end):
        cells.append((position + start, position + gap.start()))
        start = gap.end()
    if end > start:
        cells.append((position + start, position + end))
    return cells


def table_layout(text: str) -> tuple[Cell | None, list[list[Cell]]]:
    """The parts of ``text`` as a table: the caption's line (or None), each row's cells."""
    head: Cell | None = None
    rows: list[list[Cell]] = []
    position = 0
    for raw in text.split("\n"):
        cells = _cells(raw, position)
        if cells and head is None and not rows and is_caption(raw.strip()):
            head = cells[0][0], cells[-1][1]
        elif cells:
            rows.append(cells)
        position += len(raw) + 1
    return head, rows


def is_table(text: str, indent: int = 0) -> bool:
    """Whether ``text`` is a table (see the module); ``indent``: the column of its first
    character in the source (a block's text starts after the white space that sets it in)."""
    rows = table_layout(text)[1]
    if len(rows) < 2 or len(rows[0]) < 2 or any(len(row) != len(rows[0]) for row in rows):
        return False
    words = [[text[lo:hi] for lo, hi in row] for row in rows]
    if all(_sentences(row) for row in words):
        return False          # every line parted where one sentence ends and the next begins
    cells = [cell for row in words for cell in row]
    if sum(len(cell) <= CELL_WIDTH for cell in cells) * 4 < len(cells) * 3:
        return False
    columns = list(zip(*(_columns(text, row, indent) for row in rows), strict=True))
    for column in columns:
        if max(lo for lo, _ in column) > min(hi for _, hi in column) + _SLACK:
            return False      # a column's cells do not overlap: they stand at different places
    exact = all(len({lo for lo, _ in column}) == 1 or len({hi for _, hi in column}) == 1
                for column in columns)
    return exact or bool(figure_columns(words))


def _sentences(row: list[str]) -> bool:
    """A line of prose typed with two spaces after a full stop: a cell ends a sentence and the
    next one opens another ("They came.  We stayed.")."""
    return any(cell[-1] in ".!?" and following[0].isupper()
               for cell, following in pairwise(row))


def _columns(text: str, row: list[Cell], indent: int) -> list[tuple[int, int]]:
    """Where the cells of ``row`` stand on their line, in columns (tabs to stops of eight)."""
    first = text.rfind("\n", 0, row[0][0]) + 1
    lead = " " * indent if first == 0 else ""
    return [(len((lead + text[first:lo]).expandtabs(8)), len((lead + text[first:hi]).expandtabs(8)))
            for lo, hi in row]


def is_figure(cell: str) -> bool:
    return FIGURE.match(cell) is not None


def figure_columns(rows: list[list[str]]) -> list[int]:
    """The columns that hold figures in every row (the label row apart)."""
    data = rows[1:] if has_label_row(rows) else rows
    return [index for index in range(len(rows[0]))
            if all(is_figure(row[index]) for row in data)
            and any(any(c.isdigit() for c in row[index]) for row in data)]


def has_label_row(rows: list[list[str]]) -> bool:
    """A first row of words over a column where every other row has a figure: the labels."""
    if len(rows) < 2 or any(is_figure(cell) or not any(c.isalpha() for c in cell)
                            for cell in rows[0]):
        return False
    return any(all(is_figure(row[index]) and any(c.isdigit() for c in row[index])
                   for row in rows[1:]) for index in range(len(rows[0])))


def is_caption(text: str) -> bool:
    """A simple caption over a table: one line, "Table: …" or "Table 3. …"."""
    return "\n" not in text and CAPTION.match(text) is not None
