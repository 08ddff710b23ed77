"""Read-back: TEI → plain text, the inverse of conversion.

For teikit's own files the result reproduces the source transcription (modulo whitespace, and in
the ``corrected`` reading with the recorded repairs applied): delimiters that markup replaced are
restored from attributes using :mod:`teikit.convert.conventions`. For TEI made elsewhere it gives a
sensible plain text: block elements become paragraphs, ``choice`` gives one reading.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teikit import TEI_NS
from teikit.convert.conventions import (
    BRACKETS,
    BRACKETS_REND,
    FOOTNOTE_MARKER,
    NOTE_LABELS,
    NOTE_SIGNS,
    PAGE_MARKS,
    QUOTE_MARKS,
    SIGNATURE_DASH,
    SIGNATURE_DASHES,
    SIGNATURES,
    STAGE_MARKS,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPT_REND,
)
from teikit.tree import local_name
from teikit.xmlio import parse_tei_file

_T = f"{{{TEI_NS}}}"

# elements that hold blocks rather than text: read-back descends into them; every other
# element met at block level is one block of text
CONTAINER_TAGS = frozenset({
    "text", "front", "body", "back", "group", "div", "div1", "div2", "div3", "div4", "div5",
    "div6", "div7", "titlePage", "docTitle", "opener", "closer", "list", "listBibl", "table",
    "row", "lg", "sp", "castList", "castGroup", "figure", "floatingText", "spGrp", "cit",
    "listPerson", "listPlace", "listOrg", "listEvent", "divGen", "epigraph", "argument",
    "postscript",
})
# never part of the text
SKIPPED_TAGS = frozenset({"teiHeader", "standOff", "facsimile"})
# elements of other projects' TEI (teikit writes none) whose parts the source printed apart but
# the markup often writes with nothing between them: "<forename>Arthur</forename><surname>
# Schnitzler</surname>", a dictionary entry's form and sense, a bibliography's author and title
NAME_PARTS = frozenset({"forename", "surname", "roleName", "addName", "genName", "nameLink"})
PARTS_READ_APART = frozenset({"entry", "form", "gramGrp", "sense", "biblStruct", "monogr",
                              "analytic", "imprint", "msIdentifier", "msItem", "castItem"})
# an apparatus entry reads as its lemma followed by the other readings and their witnesses,
# "morning [B: evening; C: early]" (teikit writes none; other editions' TEI has them)
READING_TAGS = frozenset({"lem", "rdg"})
# for choice: (original reading, corrected reading)
READINGS = (("sic", "corr"), ("orig", "reg"), ("abbr", "expan"))


def inline_text(element: etree._Element, corrected: bool = False) -> str:
    """The text of ``element``'s content with recorded delimiters restored."""
    parts: list[str] = [element.text or ""]
    apart = local_name(element) in PARTS_READ_APART
    previous: etree._Element | None = None
    for child in element:
        touching = previous is not None and not previous.tail
        if touching and (apart or {local_name(child), local_name(previous)} <= NAME_PARTS):
            parts.append(" ")
        parts.append(_child_text(child, corrected))
        parts.append(child.tail or "")
        previous = child
    return "".join(parts)


def _child_text(child: etree._Element, corrected: bool) -> str:
    name = local_name(child)
    if not name or name in SKIPPED_TAGS:
        return ""
    rend = (child.get("rend") or "").split()
    if name == "gap":
        return " ".join(rend)
    if name == "choice":
        return _choice_text(child, corrected)
    if name == "app":
        return _apparatus_text(child, corrected)
    if name == "note" and child.get("type") == "footnote" and child.get("n"):
        if "unanchored" in rend:
            return ""  # its text is read back with the notes section; it had no marker
        number = child.get("n", "")
        if number in NOTE_SIGNS:
            return number       # "the old price.*": the sign is the marker
        if SUPERSCRIPT_REND in rend:
            return "".join(SUPERSCRIPT_DIGITS[int(d)] for d in number)
        return f"{FOOTNOTE_MARKER[0]}{number}{FOOTNOTE_MARKER[1]}"
    if name in {"lb", "cb"}:
        joined = child.get("break") == "no" or "hyphenInWord" in (child.get("type") or "")
        return "" if joined else "\n"
    if name == "pb":
        # the source's page marker as printed ("[Page 55]"); another project's page break, ""
        page_marks = next((PAGE_MARKS[token] for token in rend if token in PAGE_MARKS), None)
        return f"{page_marks[0]}{child.get('n', '')}{page_marks[1]}" if page_marks else ""
    content = inline_text(child, corrected)
    if name == "note" and not child.get("type") and not rend:
        # another project's note inside the text: its words apart from the words around it
        return f" {content.strip()} "
    if name == "note" and BRACKETS_REND in rend:
        signature = _signature(rend)
        return f"{BRACKETS[0]}{content}{signature}{BRACKETS[1]}"
    stage_marks = next((STAGE_MARKS[token] for token in rend if token in STAGE_MARKS), None)
    if name == "stage" and stage_marks:
        return f"{stage_marks[0]}{content}{stage_marks[1]}"
    marks = next((QUOTE_MARKS[token] for token in rend if token in QUOTE_MARKS), None)
    if marks and name in {"quote", "q", "soCalled", "title", "said", "mentioned", "term"}:
        return f"{marks[0]}{content}{marks[1]}"
    if name == "label" and child.getparent() is not None and local_name(child.getparent()) == "p":
        return content
    return content


def _signature(rend: list[str]) -> str:
    """" – Ed.", " - Trans." … as the note's @rend records it ("" if unsigned)."""
    word = next((SIGNATURES[token][0] for token in rend if token in SIGNATURES), None)
    if word is None:
        return ""
    dash = next((SIGNATURE_DASHES[token] for token in rend if token in SIGNATURE_DASHES),
                SIGNATURE_DASH)
    return f" {dash} {word}"


def _choice_text(choice: etree._Element, corrected: bool) -> str:
    children = {local_name(c): c for c in choice}
    for original, correction in READINGS:
        if original in children or correction in children:
            pick = children.get(correction if corrected else original)
            if pick is None:
                # the other reading, whichever there is (an element without children is falsy:
                # test for None, not truth)
                other = children.get(original)
                pick = other if other is not None else children.get(correction)
            return inline_text(pick, corrected) if pick is not None else ""
    return inline_text(choice[0], corrected) if len(choice) else ""


def _apparatus_text(app: etree._Element, corrected: bool) -> str:
    readings = [r for r in app.iter(f"{_T}lem", f"{_T}rdg")]
    lemma = next((r for r in readings if local_name(r) == "lem"), None)
    shown = lemma if lemma is not None else (readings[0] if readings else None)
    others = []
    for reading in readings:
        if reading is shown:
            continue
        witnesses = " ".join(w.lstrip("#") for w in (reading.get("wit") or "").split())
        text = inline_text(reading, corrected).strip() or "om."
        others.append(f"{witnesses}: {text}" if witnesses else text)
    main = inline_text(shown, corrected) if shown is not None else ""
    return main + (f" [{'; '.join(others)}]" if others else "")


def read_back(root: etree._Element, corrected: bool = False) -> str:
    """The document's text as a plain transcription, blocks separated by blank lines."""
    text = root.find(f"{_T}text")
    if text is None:
        text = root
    blocks: list[str] = []
    _collect_blocks(text, blocks, corrected, _notes_by_division(text))
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


Divisions = dict[etree._Element, list[etree._Element]]


def _notes_by_division(text: etree._Element) -> Divisions:
    """The footnotes each notes division (``divGen``) reads back, in order: those marked before
    it since the division before (a chapter's notes stand under the chapter), and those
    without a marker set after it. A note marked twice holds its words at its first marker;
    its second marker (an empty note of the same number) is no note of its own."""
    divisions: Divisions = {}
    pending: list[etree._Element] = []
    numbers: set[str] = set()
    division: etree._Element | None = None
    for element in text.iter(f"{_T}note", f"{_T}divGen"):
        if element.tag == f"{_T}divGen":
            if element.get("type") == "notes":
                division, divisions[element], pending, numbers = element, pending, [], set()
            continue
        number = element.get("n")
        if element.get("type") != "footnote" or not number:
            continue
        if number in numbers and not len(element) and not (element.text or "").strip():
            continue
        numbers.add(number)
        unanchored = "unanchored" in (element.get("rend") or "").split()
        (divisions[division] if unanchored and division is not None else pending).append(element)
    if division is not None:
        divisions[division].extend(pending)     # (marked after the last division)
    return divisions


def _collect_blocks(element: etree._Element, blocks: list[str], corrected: bool,
                    footnotes: Divisions) -> None:
    if (element.text or "").strip():
        blocks.append(element.text or "")
    for child in element:
        name = local_name(child)
        if name and name not in SKIPPED_TAGS:
            _collect_block(child, name, blocks, corrected, footnotes)
        if (child.tail or "").strip():
            blocks.append(child.tail or "")


def _collect_block(child: etree._Element, name: str, blocks: list[str], corrected: bool,
                   footnotes: Divisions) -> None:
    if name == "quote":     # a block quotation, an epigraph's: with the marks @rend records
        rend = (child.get("rend") or "").split()
        marks = next((QUOTE_MARKS[t] for t in rend if t in QUOTE_MARKS), ("", ""))
        blocks.append(marks[0] + inline_text(child, corrected) + marks[1])
    elif name == "divGen" and child.get("type") == "notes":
        _collect_blocks(child, blocks, corrected, footnotes)
        template = child.get("rend") or "[n]"
        for note in footnotes.get(child, []):
            own = next((t for t in (note.get("rend") or "").split() if t in NOTE_LABELS), None)
            label = (own or template).replace("n", note.get("n", ""))
            blocks.append(f"{label} {inline_text(note, corrected)}")
    elif name in CONTAINER_TAGS:
        _collect_blocks(child, blocks, corrected, footnotes)
    elif name in ("stage", "pb"):
        blocks.append(_child_text(child, corrected))    # its marks restored
    else:
        blocks.append(inline_text(child, corrected))


def read_back_file(path: Path, corrected: bool = False) -> str:
    tree = parse_tei_file(path)
    return read_back(tree.getroot(), corrected)


def comparable(text: str) -> str:
    """Whitespace-normalised form used to compare a read-back with its source."""
    return re.sub(r"\s+", " ", text).strip()
