"""Names in an edition: what a TEI file mentions (``teikit entities report``) and what a new
transcription will need in its register (``teikit entities suggest``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from teikit.convert.model import Block, BlockKind, Transcription
from teikit.errors import InputError
from teikit.register.candidates import candidates_not_in, find_candidates
from teikit.register.entries import (
    EMPTY_REGISTER,
    XML_ID,
    EntityKind,
    register_from_tree,
)
from teikit.tree import local_name, qname
from teikit.xmlio import parse_tei_file

ENTITY_TAGS = {"persName": EntityKind.PERSON, "orgName": EntityKind.ORG,
               "placeName": EntityKind.PLACE, "title": EntityKind.TITLE}
_BLOCK_TAGS = {"p", "head", "quote", "note", "signed", "salute", "dateline", "label", "item"}
CONTEXT_CHARS = 50


@dataclass
class EntityUse:
    id: str
    kind: str
    name: str
    count: int = 0
    contexts: list[str] = field(default_factory=list)


@dataclass
class NameHit:
    surface: str
    kind: str
    context: str
    count: int = 1
    confident: bool = False


@dataclass
class ReviewItem:
    """A mention or date the converter was unsure about, and the correction that changes it."""

    paragraph: str               # the block's id (p-2.3, hn-1, fn-4)
    text: str
    element: str
    reason: str                  # "year inferred", "kind guessed", "shared form", …
    correction: str              # a [[correction]] table to add to corrections/NAME.toml


@dataclass
class DateHit:
    """A date whose year or calendar the converter inferred (``@cert``): for an editor to check."""

    surface: str
    value: str
    cert: str
    paragraph: int          # 1-based, among the text's blocks (paragraphs, headings, notes …)
    context: str


@dataclass
class EntitiesReport:
    """Every register entity a TEI file uses, the mentions left for review, unknown names, the
    dates whose year or calendar was inferred, and what to review with the correction for each."""

    entities: list[EntityUse]
    ambiguous: list[NameHit]
    unknown: list[NameHit]
    dates: list[DateHit] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"{len(self.entities)} entities, "
               f"{sum(e.count for e in self.entities)} mentions with @ref"]
        for use in self.entities:
            out.append(f"  #{use.id} ({use.kind}) {use.name}: {use.count}")
            out.extend(f"      … {context} …" for context in use.contexts)
        out.append(f"{len(self.ambiguous)} mentions left for review (no @ref)")
        out.extend(f"  {hit.surface} ({hit.kind}): … {hit.context} …" for hit in self.ambiguous)
        out.append(f"{len(self.unknown)} capitalised names the register does not know")
        out.extend(f"  {hit.surface} ({hit.kind}{', confident' if hit.confident else ''}) "
                   f"×{hit.count}: … {hit.context} …" for hit in self.unknown)
        out.append(f"{len(self.dates)} dates whose year or calendar was inferred (@cert)")
        out.extend(f"  paragraph {hit.paragraph}: {hit.surface} → {hit.value} "
                   f"(cert {hit.cert}): … {hit.context} …" for hit in self.dates)
        out.append(f"{len(self.review)} mentions and dates to review, with the correction to "
                   "add to the text's corrections file (adjust the values)")
        for item in self.review:
            out.append(f"  {item.paragraph}: <{item.element}> “{item.text}” ({item.reason})")
            out.extend(f"      {line}" for line in item.correction.strip().splitlines())
        return out

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _walk_offsets(block: etree._Element) -> tuple[str, dict[etree._Element, tuple[int, int]]]:
    """The block's text and, for each descendant element, its (start, end) in that text."""
    parts: list[str] = []
    places: dict[etree._Element, tuple[int, int]] = {}
    length = 0

    def visit(element: etree._Element) -> None:
        nonlocal length
        start = length
        name = local_name(element)
        if name in {"gap", "choice"}:
            # the omission sign as printed; the reading as transcribed
            shown = element.get("rend", "") if name == "gap" else "".join(
                next((c for c in element if local_name(c) in {"sic", "orig"}), element).itertext())
            parts.append(shown)
            length += len(shown)
            places[element] = (start, length)
            return
        if element.text:
            parts.append(element.text)
            length += len(element.text)
        for child in element:
            if isinstance(child.tag, str):
                visit(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        places[element] = (start, length)

    visit(block)
    return "".join(parts), places


def context_around(text: str, start: int, end: int) -> str:
    before = text[max(0, start - CONTEXT_CHARS):start]
    after = text[end:end + CONTEXT_CHARS]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def entities_report(path: Path, contexts: int = 3) -> EntitiesReport:
    """Report on the names of a TEI file (see :class:`EntitiesReport`)."""

    if contexts < 0:
        raise InputError(f"--contexts must be 0 or more, not {contexts}")
    root = parse_tei_file(Path(path)).getroot()
    try:
        register = register_from_tree(root, str(path))
    except InputError:
        register = EMPTY_REGISTER
    text_root = root.find(qname("text"))
    if text_root is None:
        raise InputError(f"{path}: no <text> element", hint="expected a TEI document")
    uses: dict[str, EntityUse] = {}
    ambiguous: list[NameHit] = []
    review: list[ReviewItem] = []
    shared = {form for form, entries in register.forms().items() if len(entries) > 1}
    dates: list[DateHit] = []
    blocks: list[Block] = []
    tagged: dict[int, list[tuple[int, int]]] = {}
    for block in text_root.iter(*(qname(tag) for tag in _BLOCK_TAGS)):
        if any(local_name(a) in _BLOCK_TAGS
               and not (local_name(a) == "quote" and a.get("type") != "block")
               for a in block.iterancestors()):
            continue
        text, places = _walk_offsets(block)
        blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, text, 0, len(blocks) + 1))
        address = _address(block)
        for element, (start, end) in places.items():
            if address:
                review.extend(_to_review(element, text, start, end, address, shared))
            name = local_name(element)
            if name == "date" and element.get("cert"):
                dates.append(DateHit(text[start:end], _date_value(element), element.get("cert", ""),
                                     len(blocks), context_around(text, start, end)))
                continue
            if name not in ENTITY_TAGS and not (name == "name" and element.get("type") == "event"):
                continue
            kind = ENTITY_TAGS.get(name, EntityKind.EVENT).value
            tagged.setdefault(len(blocks) - 1, []).append((start, end))
            ref = element.get("ref", "")
            if name == "title" and not ref and not element.get("cert"):
                continue
            if not ref.startswith("#"):
                ambiguous.append(NameHit(text[start:end], kind, context_around(text, start, end)))
                continue
            entry = register.get(ref[1:])
            use = uses.setdefault(ref[1:], EntityUse(ref[1:], entry.kind.value if entry else kind,
                                                     entry.name if entry else text[start:end]))
            use.count += 1
            if len(use.contexts) < contexts:
                use.contexts.append(context_around(text, start, end))
    doc = Transcription(Path(path).stem, "", tuple(blocks), "utf-8", True)
    candidates = []
    for candidate in find_candidates(doc):
        # a name inside a tagged one ("Congress" of "Fourth Congress") is not unknown
        candidate.occurrences = [
            (b, s, e) for b, s, e in candidate.occurrences
            if not any(ts < e and s < te for ts, te in tagged.get(b, []))]
        if candidate.occurrences:
            candidates.append(candidate)
    unknown = [
        NameHit(c.form, c.kind.value,
                context_around(blocks[c.occurrences[0][0]].text, *c.occurrences[0][1:]), c.count,
                c.confident)
        for c in candidates_not_in(candidates, register)
        if c.confident or not c.initial_only
    ]
    ordered = sorted(uses.values(), key=lambda u: (-u.count, u.id))
    dates.sort(key=lambda hit: hit.paragraph)
    return EntitiesReport(ordered, ambiguous, unknown, dates, review)


_YEAR = re.compile(r"\b\d{4}\b")


def _address(block: etree._Element) -> str:
    """The id a correction addresses ``block`` by (see teikit's paragraph ids)."""
    if block.get(XML_ID):
        return str(block.get(XML_ID))
    if local_name(block) == "note" and block.get("type") == "footnote" and block.get("n"):
        return f"fn-{block.get('n')}"
    return ""


def _to_review(element: etree._Element, text: str, start: int, end: int, address: str,
               shared: set[str]) -> list[ReviewItem]:
    """Why ``element`` needs an editor's look, and the correction that would settle it."""
    from teikit.convert import correction_table

    name = local_name(element)
    surface = text[start:end]
    if name == "date":
        reasons = []
        when = element.get("when") or element.get("from") or ""
        if _YEAR.match(when) and not _YEAR.search(surface):
            reasons.append(f"year {when[:4]} inferred")
        if element.get("datingMethod") == "#julian":
            reasons.append("read as Old Style")
        if element.get("cert"):
            reasons.append(f"cert {element.get('cert')}")
        decided = element.get("resp", "#teikit") != "#teikit"
        if not reasons or decided:
            return []
        # Old Style read where the author meant New Style: the calendar; otherwise the value
        table: dict[str, object] = {"action": "date", "paragraph": address, "text": surface}
        values = {}
        if element.get("datingMethod") == "#julian":
            table["calendar"] = "gregorian"
        elif "inferred" in reasons[0]:
            values = {"when": when}
        return [ReviewItem(address, surface, name, ", ".join(reasons),
                           _with_occurrence(table, text, surface, start, correction_table,
                                            values))]
    if name not in ENTITY_TAGS and not (name == "name" and element.get("type") == "event"):
        return []
    if name == "title" and not element.get("ref") and not element.get("cert"):
        return []
    reasons = []
    if element.get("cert") in ("low", "medium"):
        reasons.append("kind guessed" if not element.get("ref") else f"cert {element.get('cert')}")
    elif not element.get("ref"):
        reasons.append("no register entry")
    if surface in shared:
        reasons.append("shared form, decided by context" if element.get("ref")
                       else "shared form, undecided")
    if not reasons or element.get("resp", "#teikit") != "#teikit":
        return []
    table = {"action": "change", "paragraph": address, "text": surface, "element": name}
    values = {"ref": element.get("ref") or "#ENTRY-ID"}
    unset = ["cert", "resp"] if element.get("cert") else None
    return [ReviewItem(address, surface, name, ", ".join(reasons),
                       _with_occurrence(table, text, surface, start, correction_table, values,
                                        unset))]


def _with_occurrence(table: dict[str, object], text: str, surface: str, start: int,
                     render: Callable[..., str], values: dict[str, str],
                     unset: list[str] | None = None) -> str:
    from teikit.convert import occurrence_at

    occurrence = occurrence_at(text, surface, start)
    if occurrence != 1:
        items = list(table.items())
        items.insert(3, ("occurrence", occurrence))
        table = dict(items)
    return str(render(table, set_=values or None, unset=unset))


def _date_value(date: etree._Element) -> str:
    """"1918-01-18 (Old Style 1918-01-05)", "1918-03-11/1918-03-20"."""
    value = date.get("when") or "/".join(
        v for v in (date.get("from") or date.get("notBefore"),
                    date.get("to") or date.get("notAfter")) if v)
    written = date.get("when-custom") or "/".join(
        v for v in (date.get("from-custom") or date.get("notBefore-custom"),
                    date.get("to-custom") or date.get("notAfter-custom")) if v)
    return f"{value} (Old Style {written})" if written else value
