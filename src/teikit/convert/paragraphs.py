"""Stable identifiers of the blocks an editor cites and corrects.

Every heading and paragraph of the body gets an ``xml:id`` and an ``n`` from its *section* and
its *position within the section*:

    h-S      the heading of section S (sections of the body numbered 1, 2, … in order)
    h-S.J    the J-th line of that heading when it runs over several (J ≥ 2): a heading right
             after a heading ("CHAPTER I" / "The Scene Has Changed") heads the same section
    p-S.K    the K-th block after the heading of section S (paragraph, block quotation,
             verse, a letter's dateline, salute, signature, postscript, a separator "* * *",
             a list, a table, a dialogue's turn, a speech's stage direction standing alone);
             ``n`` is "S.K"

Position, not content: an id derived from the words would change whenever a word is corrected,
and two identical paragraphs ("Anything goes!") would need a collision rule; a position changes
only when a block is inserted *before it in the same section*. Inserting or editing a paragraph
leaves every id before it and every id of the other sections as it was, so a citation "¶ 3.12"
or a link ``#p-3.12`` (HTML) survives a rebuild. Only a new heading renumbers the sections after it.

Blocks outside the body have addresses too, for corrections (see docs/corrections.md):
``hn-K`` is the K-th paragraph (or signature) of the headnote, written as its ``xml:id``;
``after-K`` the K-th paragraph of the editor's note after the text, likewise; ``fn-N`` is the
text of footnote N (not written: the note already carries ``n``).
"""

from __future__ import annotations

import re

from teikit.convert.model import Block, BlockKind, Transcription
from teikit.convert.page_marks import is_page_marker

# a separator ("* * *") keeps the place it had as a paragraph, so that the ids after it stay
BODY_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTATION, BlockKind.VERSE,
                        BlockKind.POSTSCRIPT, BlockKind.DATELINE, BlockKind.SALUTE,
                        BlockKind.SIGNED, BlockKind.SEPARATOR, BlockKind.LIST,
                        BlockKind.TABLE, BlockKind.STAGE, BlockKind.TURN, BlockKind.POEM})


def headnote_end(doc: Transcription) -> int:
    return max((b.index for b in doc.blocks if b.kind is BlockKind.HEADNOTE), default=-1)


def in_body(doc: Transcription, block: Block) -> bool:
    """Whether ``block`` becomes a block of the body (as :mod:`.assemble` places it)."""
    if block.kind is BlockKind.HEADING:
        return True
    if block.kind not in BODY_KINDS:
        return False
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTATION) and doc.in_notes(block.index):
        return False
    return not (block.kind is BlockKind.SIGNED and block.index <= headnote_end(doc) + 1)


# the words that head a text's parts and the chapters within them, before a number: "PART ONE",
# "Book II", "Teil 1", "Partie I" over "Chapter 1", "KAPITEL III", "Chapitre 2"
DIVISION_WORDS: dict[str, str] = {
    "part": "part", "book": "part", "teil": "part", "buch": "part", "partie": "part",
    "livre": "part", "chapter": "chapter", "kapitel": "chapter", "chapitre": "chapter"}
_NUMBER = (r"(?:[IVXLC]+|\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
           r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eins|zwei|drei|"
           r"vier|fünf|un|deux|trois|quatre|cinq|premier|première|erster|erstes|zweiter)")
_DIVISION = re.compile(rf"(?P<word>[^\W\d_]+)\s+{_NUMBER}(?![\w’'-])", re.IGNORECASE)


def division_level(block: Block) -> str | None:
    """"part" or "chapter" for a heading that opens one by its word and number, else None."""
    match = _DIVISION.match(block.text) if block.kind is BlockKind.HEADING else None
    return DIVISION_WORDS.get(match.group("word").lower()) if match else None


def nests_chapters(doc: Transcription) -> bool:
    """Whether the text's chapters stand in its parts: it has headings of both, and no notes
    section but the text's last (a chapter's notes stand between the chapters)."""
    levels = {division_level(b) for b in doc.of_kind(BlockKind.HEADING)}
    return {"part", "chapter"} <= levels and not any(
        doc.stands_in_the_text(notes) for notes in doc.notes_sections)


def is_subheading(doc: Transcription, block: Block) -> bool:
    """A heading right after another heading, or after a heading and its epigraph: a further
    line of that section's heading, so that "PART TWO" / "CHAPTER III" / "The Social
    Democracy" is one section, not two empty ones — unless the text's parts hold its chapters
    (:func:`nests_chapters`): then "CHAPTER III" opens a chapter of part two."""
    if block.kind is not BlockKind.HEADING:
        return False
    before = block.index - 1
    while before >= 0 and doc.blocks[before].kind in _EPIGRAPH_KINDS:
        before -= 1
    if before < 0 or doc.blocks[before].kind is not BlockKind.HEADING:
        return False
    # a chapter's heading under its part's opens the chapter, where parts hold chapters (and the
    # part's heading opens the part: it is no further line of a heading above it)
    part = doc.blocks[before]
    return not (division_level(part) == "part" and division_level(block) == "chapter"
                and nests_chapters(doc) and not is_subheading(doc, part))


_EPIGRAPH_KINDS = {BlockKind.EPIGRAPH, BlockKind.EPIGRAPH_SOURCE}


def block_ids(doc: Transcription) -> dict[int, str]:
    """The address of every block that has one: body ids, ``hn-K``, ``after-K``, ``fn-N``."""
    ids: dict[int, str] = {}
    section, position, headnote, afterword, heading_line = 0, 0, 0, 0, 1
    end = headnote_end(doc)
    for block in doc.blocks:
        if block.kind is BlockKind.HEADNOTE or (
                block.kind is BlockKind.SIGNED and end >= 0 and block.index <= end + 1):
            headnote += 1
            ids[block.index] = f"hn-{headnote}"
        elif block.kind is BlockKind.AFTERWORD:
            afterword += 1
            ids[block.index] = f"after-{afterword}"
        elif block.kind is BlockKind.FOOTNOTE and block.key:
            ids.setdefault(block.index, f"fn-{block.key}")
        elif in_body(doc, block):
            if is_subheading(doc, block):
                heading_line += 1
                ids[block.index] = f"h-{section}.{heading_line}"
                continue
            if block.kind is BlockKind.HEADING:
                section, position, heading_line = section + 1, 0, 1
                ids[block.index] = f"h-{section}"
                continue
            if is_page_break(block):
                continue        # "[Page 55]" alone: a page break, no paragraph of the text
            if section == 0:
                section = 1     # the body opens without a heading
            position += 1
            ids[block.index] = f"p-{section}.{position}"
    return ids


def is_page_break(block: Block) -> bool:
    """Whether ``block`` is a paragraph of a page marker alone ("[Page 55]"): the printed
    source's page break between paragraphs, a ``pb`` of the section."""
    return block.kind is BlockKind.PARAGRAPH and is_page_marker(block.text.strip())


def written_ids(doc: Transcription) -> dict[int, str]:
    """The ids written into the TEI as ``xml:id`` (all but the footnotes')."""
    return {index: id_ for index, id_ in block_ids(doc).items() if not id_.startswith("fn-")}


def citation_number(block_id: str) -> str:
    """The ``n`` of a body block: "3.12" for ``p-3.12``; "" for others."""
    return block_id[2:] if block_id.startswith("p-") else ""


def heading_key(text: str) -> str:
    """A heading's words as a table of contents names them, case and spacing aside."""
    return " ".join(text.casefold().split()).rstrip(".")
