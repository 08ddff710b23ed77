"""Reading a printed book back: poppler's pdftotext/pdffonts/pdfinfo, and the TEI facts to
compare it with (computed from the TEI here, independently of the stylesheet)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lxml import etree

TEI = "http://www.tei-c.org/ns/1.0"
FO = "http://www.w3.org/1999/XSL/Format"
NS = {"t": TEI, "fo": FO}


@cache
def pdf_text(pdf: Path, first: int | None = None, last: int | None = None,
             layout: bool = False) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if first is not None:
        command += ["-f", str(first)]
    if last is not None:
        command += ["-l", str(last)]
    if layout:
        command.append("-layout")
    command += [str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


# The running head and the folio lie outside the body region: margin + head space above,
# margin + foot space below (xslt/fo/fo.xsl), in PDF points.
MM = 72 / 25.4
HEAD_AND_FOOT = {"A5": ((12 + 10) * MM, (12 + 8) * MM), "A4": ((18 + 12) * MM, (18 + 10) * MM)}


@cache
def body_text(pdf: Path, first: int, last: int) -> str:
    """The text of the body region of pages first..last: no running heads, no folios."""
    width, height = page_size_points(pdf)
    head, foot = HEAD_AND_FOOT["A4" if width > 500 else "A5"]
    pages = []
    for page in range(first, last + 1):
        pages.append(subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page),
             "-x", "0", "-y", str(int(head) - 2), "-W", str(int(width) + 1),
             "-H", str(int(height - head - foot) + 4), str(pdf), "-"],
            capture_output=True, text=True, check=True).stdout)
    return "\n".join(pages)


def reading_stream(pdf: Path, footnotes: list[str]) -> str:
    """The letters of the running text as a reader follows it from page to page: the body
    region of every page, without the footnotes that close it (given as their texts)."""
    notes = sorted({letters(note) for note in footnotes if letters(note)}, key=len, reverse=True)
    stream = []
    for page in range(1, page_count(pdf) + 1):
        text = letters(body_text(pdf, page, page))
        stripped = True
        while stripped:
            stripped = False
            for note in notes:
                if text.endswith(note):
                    text = text[: -len(note)]
                    stripped = True
                    break
        stream.append(text)
    return "".join(stream)


@cache
def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


@cache
def page_size_points(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.MULTILINE)
    assert match, info
    return float(match.group(1)), float(match.group(2))


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool


def pdf_fonts(pdf: Path) -> list[FontRow]:
    output = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                            check=True).stdout
    rows = []
    for line in output.splitlines()[2:]:
        fields = line.split()
        # name type… encoding emb sub uni object ID: read emb from the right end
        rows.append(FontRow(name=fields[0], embedded=fields[-5] == "yes"))
    return rows


def letters(text: str) -> str:
    """Only the letters, lower-cased: immune to line breaks, hyphenation, ligatures and footnote
    markers (pdftotext puts a raised marker wherever its line ends, even inside a word)."""
    text = unicodedata.normalize("NFKC", text).lower()
    return "".join(re.findall(r"[^\W\d_]", text))


def words(text: str) -> list[str]:
    """The letter runs of a text (see :func:`letters`); numbers are checked by :func:`numbers`."""
    return re.findall(r"[^\W\d_]+", unicodedata.normalize("NFKC", text).lower())


def numbers(text: str) -> list[str]:
    return re.findall(r"\d+", unicodedata.normalize("NFKC", text))


def first_missing_in_order(expected: list[str], stream: str) -> int | None:
    """Index of the first expected word that does not occur after the previous one in ``stream``
    (a :func:`letters` string), or None when all occur in order."""
    position = 0
    for index, word in enumerate(expected):
        found = stream.find(word, position)
        if found < 0:
            return index
        position = found + len(word)
    return None


# ------------------------------------------------------------------ facts from the TEI


def parse(path: Path) -> etree._ElementTree:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))


def is_numbered_note(note: etree._Element) -> bool:
    """Notes printed as footnotes: all but paraphrases and other inline notes (docs/encoding.md)."""
    if note.get("type") == "paraphrase":
        return False
    if note.get("type") not in ("gloss", "footnote", "endnote") and note.get("place") in (
            "inline", "none"):
        return False
    return not any(is_numbered_note(a) for a in note.iterancestors(f"{{{TEI}}}note"))


def numbered_notes(tree: etree._ElementTree) -> list[etree._Element]:
    return [n for n in tree.iterfind(".//t:text//t:note", NS) if is_numbered_note(n)]


_LEFT_OUT = {f"{{{TEI}}}{name}" for name in ("sic", "orig", "abbr")}


def running_text(element: etree._Element) -> str:
    """The text a reader meets in the running text: without footnotes (printed at the foot) and
    without the readings a choice does not show."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag == f"{{{TEI}}}note" and is_numbered_note(node):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag in _LEFT_OUT and node.getparent() is not None and \
                node.getparent().tag == f"{{{TEI}}}choice":
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tail:
                parts.append(child.tail)
        if node.tail and node is not element:
            parts.append(node.tail)

    walk(element)
    return " ".join(parts)


def note_text(note: etree._Element) -> str:
    return " ".join(note.itertext())


@dataclass(frozen=True)
class Entity:
    id: str
    kind: str
    label: str
    surface_forms: frozenset[str]


def mentioned_entities(tree: etree._ElementTree) -> list[Entity]:
    """Persons, organisations and places of the standOff register that the text mentions."""
    kinds = {f"{{{TEI}}}person": "person", f"{{{TEI}}}org": "org", f"{{{TEI}}}place": "place"}
    register = {}
    for entry in tree.iterfind(".//t:standOff//*[@{http://www.w3.org/XML/1998/namespace}id]", NS):
        if entry.tag in kinds:
            register[entry.get("{http://www.w3.org/XML/1998/namespace}id")] = entry
    forms: dict[str, set[str]] = {}
    for mention in tree.iterfind(".//t:text//*[@ref]", NS):
        target = (mention.get("ref") or "").split()[0] if mention.get("ref") else ""
        if target.startswith("#") and target[1:] in register:
            forms.setdefault(target[1:], set()).add(" ".join("".join(mention.itertext()).split()))
    entities = []
    for identifier, surface in forms.items():
        entry = register[identifier]
        names = [n for n in entry if n.tag in (f"{{{TEI}}}persName", f"{{{TEI}}}orgName",
                                               f"{{{TEI}}}placeName", f"{{{TEI}}}name")]
        preferred = [n for n in names if n.get("type") != "full"] or names
        label = " ".join("".join(preferred[0].itertext()).split()) if preferred else identifier
        entities.append(Entity(identifier, kinds[entry.tag], label, frozenset(surface)))
    return entities


# ------------------------------------------------------------------ reading the book's pages


def folio(page_layout_text: str) -> int | None:
    """The arabic page number printed on a page: in the running head or centred at the foot."""
    lines = [line for line in page_layout_text.splitlines() if line.strip()]
    if not lines:
        return None
    head = re.match(r"^\s*(\d+)\s{2,}\S", lines[0]) or re.search(r"\S\s{2,}(\d+)\s*$", lines[0])
    if head:
        return int(head.group(1))
    foot = re.match(r"^\s*(\d+)\s*$", lines[-1])
    return int(foot.group(1)) if foot else None


def physical_offset(pdf: Path) -> int:
    """Physical page index minus printed page number, the same on every numbered page."""
    offsets = set()
    for page in range(1, page_count(pdf) + 1):
        number = folio(pdf_text(pdf, page, page, layout=True))
        if number is not None:
            offsets.add(page - number)
    assert len(offsets) == 1, f"inconsistent page numbering: offsets {sorted(offsets)}"
    return offsets.pop()


INDEX_LINE = re.compile(r"^(?P<label>.+?)\s+(?P<pages>\d+(?:,\s*\d+)*)$")


def index_entries(pdf: Path) -> tuple[int, dict[str, dict[str, list[int]]]]:
    """The physical page where the index starts and its entries: kind heading → label → pages.

    The index is set in two columns: each page is read from its layout, left column first.
    """
    pages = page_count(pdf)
    start = next(p for p in range(1, pages + 1)
                 if pdf_text(pdf, p, p).lstrip().startswith("Index\nPersons")
                 or re.match(r"\s*Index\s*\n\s*(Persons|Organisations|Places)\b",
                             pdf_text(pdf, p, p)))
    cells: list[str] = []
    for page in range(start, pages + 1):
        lines = [line for line in pdf_text(pdf, page, page, layout=True).splitlines()
                 if line.strip()]
        if page != start:
            lines = lines[1:]  # the running head
        elif lines and re.fullmatch(r"\s*\d+\s*", lines[-1]):
            lines = lines[:-1]  # the folio at the foot of the index's first page
        width = max((len(line) for line in lines), default=0)
        left, right = [], []
        for line in lines:
            for cell in re.finditer(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)", line):
                (left if cell.start() < width / 2 - 2 else right).append(cell.group())
        cells += left + right
    sections: dict[str, dict[str, list[int]]] = {}
    current = None
    entries: list[str] = []
    headings = ("Index", "Persons", "Organisations", "Places")
    for cell in cells:
        previous = entries[-1] if entries else None
        if previous is not None and previous not in headings and (
                previous.endswith(",") or not INDEX_LINE.match(previous)):
            entries[-1] += " " + cell  # an entry that runs on to the next line
        else:
            entries.append(cell)
    for entry in entries:
        if entry in ("Persons", "Organisations", "Places"):
            current = sections.setdefault(entry, {})
            continue
        match = INDEX_LINE.match(entry)
        if current is not None and match:
            label = unicodedata.normalize("NFKC", match.group("label"))
            current[label] = [int(n) for n in match.group("pages").split(",")]
    return start, sections
