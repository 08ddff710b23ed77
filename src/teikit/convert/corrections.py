"""An editor's corrections to the automatic mark-up of one text (``tei/corrections/NAME.toml``).

The converter applies them on every run, after the passes and before weaving, in the order of
the file (see docs/corrections.md for the format and the workflow):

    ingest → passes → spans ─apply corrections─▶ spans → assemble + weave → TEI (+ record)

A correction addresses its target by the block's stable id (:mod:`.paragraphs`), the exact text
of the element's content and its occurrence in that block, never by a character offset. A
correction whose target is gone (the text changed, the converter no longer proposes that
element) raises :class:`CorrectionError` naming the correction and the block: it is never dropped
silently. Every element a correction creates or changes carries ``@resp`` pointing at the
editor (a note keeps its own ``@resp``, the author of its text); the header names the editor in a
``respStmt`` and lists every correction in a ``change``, untaggings included.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lxml import etree

from teikit.convert.model import QUOTED_KINDS, Block, BlockKind, Span, Transcription
from teikit.convert.paragraphs import block_ids
from teikit.errors import CorrectionError
from teikit.register.entries import EntityKind, Entry
from teikit.tree import el, qname

CONCERN = "corrections"
ACTIONS = ("untag", "change", "tag", "date", "block", "paragraph")
# elements a correction may create, change or remove
ELEMENTS = frozenset({"persName", "orgName", "placeName", "name", "title", "date", "quote", "q",
                      "soCalled", "note"})
# elements whose @resp says who decided the mark-up (a note's @resp is its text's author)
RESP_ELEMENTS = frozenset(ELEMENTS - {"note"})
# attributes each quotation kind admits; others are dropped when the kind changes
QUOTATION_ATTRIBUTES: dict[str, frozenset[str]] = {
    "quote": frozenset({"rend", "source"}),
    "q": frozenset({"rend", "who", "source"}),
    "soCalled": frozenset({"rend"}),
    "title": frozenset({"rend", "level", "ref", "cert"}),
}
_ID = re.compile(r"^[A-Za-z_][\w.-]*$")


@dataclass(frozen=True)
class Correction:
    """One ``[[correction]]`` table."""

    number: int                          # its position in the file, from 1
    action: str
    paragraph: str
    text: str = ""
    occurrence: int = 1
    element: str = ""                    # untag/change/date: which element; tag: the new one
    to: str = ""                         # change: the new element
    set: Mapping[str, str] = field(default_factory=dict)
    unset: tuple[str, ...] = ()
    calendar: str = ""                   # date: "julian" or "gregorian"
    entry: str = ""                      # tag: the id of an [[entry]] of the file

    def describe(self) -> str:
        what = f"{self.action} {self.element or self.to or ''}".strip()
        target = f"“{self.text}”" + (f" (occurrence {self.occurrence})"
                                     if self.occurrence != 1 else "") if self.text else ""
        return f"correction {self.number} ({what} {target} in {self.paragraph})".replace("  ", " ")


@dataclass(frozen=True)
class Corrections:
    path: Path | None = None
    editor_id: str = "corrector"
    editor_name: str = "The editor of this edition"
    entries: tuple[Entry, ...] = ()
    items: tuple[Correction, ...] = ()

    @property
    def editor_ref(self) -> str:
        return f"#{self.editor_id}"

    def __len__(self) -> int:
        return len(self.items)


NO_CORRECTIONS = Corrections()


def load_corrections(path: Path | None) -> Corrections:
    """Read a corrections file; a missing file is no corrections."""
    if path is None or not Path(path).is_file():
        return Corrections(path)
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise CorrectionError(f"{path}: not a valid TOML corrections file: {error}") from None
    editor = data.get("editor", {})
    if not isinstance(editor, dict):
        raise CorrectionError(f"{path}: [editor] must be a table")
    editor_id = str(editor.get("id", "corrector"))
    if not _ID.match(editor_id):
        raise CorrectionError(f"{path}: [editor] id {editor_id!r} is not a valid xml:id")
    entries = tuple(_entry(path, n, table) for n, table in enumerate(data.get("entry", []), 1))
    items = tuple(_correction(path, n, table)
                  for n, table in enumerate(data.get("correction", []), 1))
    return Corrections(Path(path), editor_id, str(editor.get("name", NO_CORRECTIONS.editor_name)),
                       entries, items)


def _entry(path: Path, number: int, table: Any) -> Entry:
    try:
        kind = EntityKind(str(table.get("kind", "")))
        entry_id, name = str(table["id"]), str(table["name"])
    except (KeyError, ValueError, AttributeError):
        raise CorrectionError(
            f"{path}: [[entry]] {number} needs id, name and kind "
            f"({', '.join(k.value for k in EntityKind)})") from None
    if not _ID.match(entry_id):
        raise CorrectionError(f"{path}: [[entry]] {number}: {entry_id!r} is not a valid xml:id")
    forms = (name, *(str(f) for f in table.get("forms", []) if str(f) != name))
    return Entry(entry_id, kind, forms, name, note=str(table.get("note", "")),
                 level=str(table.get("level", "m" if kind is EntityKind.TITLE else "")))


def _correction(path: Path, number: int, table: Any) -> Correction:
    def fail(problem: str) -> CorrectionError:
        return CorrectionError(f"{path}: correction {number}: {problem}")

    if not isinstance(table, dict):
        raise fail("must be a table")
    action = str(table.get("action", ""))
    if action not in ACTIONS:
        raise fail(f"action must be one of {', '.join(ACTIONS)}")
    if not table.get("paragraph"):
        raise fail("paragraph (the block's id, e.g. p-2.3) is missing")
    if action not in ("block", "paragraph") and not table.get("text"):
        raise fail("text (the exact words of the element) is missing")
    for key in ("element", "to"):
        if table.get(key) and str(table[key]) not in ELEMENTS:
            raise fail(f"{key} must be one of {', '.join(sorted(ELEMENTS))}")
    if action == "tag" and not table.get("element"):
        raise fail("a tag correction names the new element (element = \"persName\", …)")
    values = table.get("set", {})
    if not isinstance(values, dict):
        raise fail("set must be a table of attribute = value")
    calendar = str(table.get("calendar", ""))
    if calendar not in ("", "julian", "gregorian"):
        raise fail("calendar must be julian or gregorian")
    occurrence = table.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise fail("occurrence must be a whole number from 1")
    return Correction(number, action, str(table["paragraph"]), str(table.get("text", "")),
                      occurrence, str(table.get("element", "")), str(table.get("to", "")),
                      MappingProxyType({str(k): str(v) for k, v in values.items()}),
                      tuple(str(u) for u in table.get("unset", [])), calendar,
                      str(table.get("entry", "")))


# ---- applying ---------------------------------------------------------------------------------


@dataclass
class Applied:
    correction: Correction
    summary: str


def apply_corrections(doc: Transcription, spans: Sequence[Span], corrections: Corrections
                      ) -> tuple[Transcription, list[Span], list[Applied]]:
    """Apply ``corrections`` in order; return the corrected document, spans and a record."""
    if not corrections.items:
        return doc, list(spans), []
    ids = {value: index for index, value in block_ids(doc).items()}
    entries = {entry.id: entry for entry in corrections.entries}
    work = _Work(doc, list(spans), corrections)
    applied: list[Applied] = []
    for correction in corrections.items:
        index = ids.get(correction.paragraph)
        if index is None:
            raise work.stale(correction, f"there is no block {correction.paragraph}")
        applied.append(Applied(correction, work.apply(correction, index, entries)))
    return work.doc, work.spans, applied


class _Work:
    def __init__(self, doc: Transcription, spans: list[Span], corrections: Corrections) -> None:
        self.doc, self.spans, self.corrections = doc, spans, corrections

    def stale(self, correction: Correction, problem: str) -> CorrectionError:
        return CorrectionError(
            f"{self.corrections.path}: {correction.describe()} no longer matches: {problem}",
            hint=f"fix or remove the correction, or check paragraph {correction.paragraph} "
                 "of the source")

    def apply(self, correction: Correction, index: int, entries: Mapping[str, Entry]) -> str:
        block = self.doc.blocks[index]
        if correction.action == "block":
            return self._block(correction, block)
        if correction.action == "paragraph":
            return self._paragraph(correction, block)
        start, end = self._find(correction, block)
        if correction.action == "tag":
            return self._tag(correction, block, start, end, entries)
        position = self._target(correction, block, start, end)
        span = self.spans[position]
        if correction.action == "untag":
            del self.spans[position]
            return f"untagged <{span.tag}> “{correction.text}” in {correction.paragraph}"
        attrs = dict(span.attrs)
        tag = correction.to or span.tag or ""
        if correction.action == "date":
            attrs = self._calendar(correction, attrs)
        if tag != span.tag and tag in QUOTATION_ATTRIBUTES:
            attrs = {k: v for k, v in attrs.items()
                     if k in QUOTATION_ATTRIBUTES[tag] or k in correction.set}
        for key in correction.unset:
            attrs.pop(key, None)
        attrs.update(correction.set)
        if tag in RESP_ELEMENTS:
            attrs["resp"] = self.corrections.editor_ref
        self.spans[position] = replace(span, tag=tag, attrs=attrs)
        changed = f"<{span.tag}> → <{tag}>" if tag != span.tag else f"<{tag}>"
        return f"changed {changed} “{correction.text}” in {correction.paragraph}"

    def _find(self, correction: Correction, block: Block) -> tuple[int, int]:
        """Where the correction's text stands in the block (the inverse of
        :func:`occurrence_at`)."""
        start, found = -1, 0
        while found < correction.occurrence:
            start = block.text.find(correction.text, start + 1)
            if start < 0:
                raise self.stale(correction, f"“{correction.text}” occurs {found} time"
                                             f"{'' if found == 1 else 's'} in the block")
            found += 1
        return start, start + len(correction.text)

    def _target(self, correction: Correction, block: Block, start: int, end: int) -> int:
        wanted = correction.element
        candidates = [
            (position, span) for position, span in enumerate(self.spans)
            if span.block == block.index and span.tag is not None and span.inner == (start, end)
            and span.tag in ELEMENTS and (not wanted or span.tag == wanted)]
        if correction.action == "date":
            candidates = [(p, s) for p, s in candidates if s.tag == "date"]
        if not candidates:
            raise self.stale(correction, f"no <{wanted or 'element'}> holds exactly "
                                         f"“{correction.text}” there")
        return max(candidates, key=lambda item: (item[1].priority, -item[0]))[0]

    def _tag(self, correction: Correction, block: Block, start: int, end: int,
             entries: Mapping[str, Entry]) -> str:
        attrs = dict(correction.set)
        if correction.entry:
            if correction.entry not in entries:
                raise CorrectionError(f"{self.corrections.path}: {correction.describe()}: no "
                                      f"[[entry]] with id {correction.entry!r} in the file")
            attrs.setdefault("ref", f"#{correction.entry}")
        if correction.element in RESP_ELEMENTS:
            attrs["resp"] = self.corrections.editor_ref
        if any(span.block == block.index and span.tag == correction.element
               and span.inner == (start, end) for span in self.spans):
            raise self.stale(correction, f"<{correction.element}> already holds "
                                         f"“{correction.text}”: change it (action = \"change\")")
        opening, closing = delimiters(correction.element, attrs)
        lo, hi = start - len(opening), end + len(closing)
        if lo < 0 or block.text[lo:start] != opening or block.text[end:hi] != closing:
            raise self.stale(correction, f"the text is not enclosed in {opening}…{closing}, "
                                         "as the attributes say")
        self.spans.append(Span(block.index, lo, hi, correction.element, attrs,
                               open_len=len(opening), close_len=len(closing), concern=CONCERN))
        return f"tagged <{correction.element}> “{correction.text}” in {correction.paragraph}"

    def _calendar(self, correction: Correction, attrs: dict[str, str]) -> dict[str, str]:
        if not correction.calendar:
            return attrs
        from teikit.convert.passes.dates import julian_to_gregorian

        written = attrs.get("when-custom") or attrs.get("when", "")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", written):
            raise CorrectionError(
                f"{self.corrections.path}: {correction.describe()}: the calendar of a date that "
                f"is not a single day ({written or 'no @when'}) is set with set = {{…}}")
        # the editor decides the calendar: the converter's inference (how sure, from what) goes
        out = {k: v for k, v in attrs.items()
               if k not in ("when", "when-custom", "datingMethod", "calendar", "cert",
                            "evidence")}
        if correction.calendar == "gregorian":
            return {"when": written, "calendar": "#gregorian", **out}
        year, month, day = (int(part) for part in written.split("-"))
        return {"when": julian_to_gregorian(year, month, day).isoformat(), "when-custom": written,
                "datingMethod": "#julian", "calendar": "#julian", **out}

    def _replace_block(self, block: Block, new: Block, shift: int) -> None:
        blocks = list(self.doc.blocks)
        blocks[block.index] = new
        self.doc = replace(self.doc, blocks=tuple(blocks))
        moved = []
        for span in self.spans:
            if span.block != block.index:
                moved.append(span)
            elif span.tag is None:
                if new.kind in QUOTED_KINDS:
                    moved.append(span)
            else:
                moved.append(replace(span, start=span.start + shift, end=span.end + shift))
        self.spans = moved

    def _block(self, correction: Correction, block: Block) -> str:
        """Make a paragraph a block quotation, or change a block quotation's (or verse's)
        attributes."""
        if block.kind is not BlockKind.PARAGRAPH and block.kind not in QUOTED_KINDS:
            raise self.stale(correction, f"the block is a {block.kind.value}, not a paragraph")
        attrs: dict[str, str] = {}
        if block.kind in QUOTED_KINDS:
            for span in self.spans:
                if span.block == block.index and span.tag is None:
                    attrs.update(span.attrs)
        key = correction.set.get("rend", "" if "rend" in correction.unset or
                                 block.kind is BlockKind.PARAGRAPH else block.key)
        kind = block.kind if block.kind in QUOTED_KINDS else BlockKind.QUOTATION
        self._replace_block(block, replace(block, kind=kind, key=key), 0)
        self.spans = [s for s in self.spans if not (s.block == block.index and s.tag is None)]
        for name in correction.unset:
            attrs.pop(name, None)
        attrs.update({k: v for k, v in correction.set.items() if k != "rend"})
        attrs["resp"] = self.corrections.editor_ref
        self.spans.append(Span(block.index, 0, 0, None, attrs, concern=CONCERN))
        if block.kind in QUOTED_KINDS:
            return f"changed the block quotation {correction.paragraph}"
        return f"made {correction.paragraph} a block quotation"

    def _paragraph(self, correction: Correction, block: Block) -> str:
        """Make a block quotation (or verse, its lines then the paragraph's) a paragraph."""
        if block.kind not in QUOTED_KINDS:
            raise self.stale(correction, f"the block is a {block.kind.value}, not a block "
                                         "quotation")
        new = replace(block, kind=BlockKind.PARAGRAPH, text=block.prefix + block.text
                      + block.suffix, offset=block.offset - len(block.prefix), prefix="",
                      suffix="", key="")
        self._replace_block(block, new, len(block.prefix))
        return f"made {correction.paragraph} a paragraph, not a block quotation"


def delimiters(tag: str, attrs: Mapping[str, str]) -> tuple[str, str]:
    """The characters an element with these attributes stands for around its content
    (quotation marks from ``@rend``, a note's brackets and signature), as read-back restores
    them."""
    from teikit.convert.readback import _child_text
    from teikit.convert.weave import make_element

    probe = make_element(tag, dict(attrs), "\ue000")
    opening, _, closing = _child_text(probe, False).partition("\ue000")
    return opening, closing


# ---- recording --------------------------------------------------------------------------------


def record_corrections(root: etree._Element, corrections: Corrections, applied: list[Applied],
                       when: str) -> None:
    """Name the editor in the header and list the corrections in a ``change``."""
    if not applied:
        return
    statement = root.find(f"{qname('teiHeader')}/{qname('fileDesc')}/{qname('titleStmt')}")
    if statement is not None:
        if any(e.get("{http://www.w3.org/XML/1998/namespace}id") == corrections.editor_id
               for e in root.iter()):
            raise CorrectionError(f"{corrections.path}: the editor's id "
                                  f"{corrections.editor_id!r} is already used in the document",
                                  hint="choose another [editor] id")
        resp = el("respStmt", el("resp", "Corrections to the automatic mark-up"),
                  el("persName", corrections.editor_name, xml_id=corrections.editor_id))
        _insert_after(statement.findall(qname("respStmt")), resp, statement)
    revisions = root.find(f"{qname('teiHeader')}/{qname('revisionDesc')}")
    if revisions is None:
        return
    name = corrections.path.name if corrections.path else "the corrections file"
    items = "; ".join(f"{record.correction.number}. {record.summary}" for record in applied)
    change = el("change", f"{len(applied)} correction{'s' if len(applied) > 1 else ''} of the "
                          f"automatic mark-up applied from {name}: {items}.",
                when=when or None, who=corrections.editor_ref)
    _insert_after(list(revisions), change, revisions)


def _insert_after(siblings: list[etree._Element], new: etree._Element,
                  parent: etree._Element) -> None:
    """Append ``new`` after the last of ``siblings``, indented as they are."""
    if not siblings:
        parent.append(new)
        return
    last = siblings[-1]
    new.tail = last.tail
    last.tail = (siblings[-2].tail if len(siblings) > 1 else parent.text) or last.tail
    last.addnext(new)


def new_entries(corrections: Corrections) -> dict[str, Entry]:
    return {entry.id: entry for entry in corrections.entries}


def occurrence_at(text: str, part: str, start: int) -> int:
    """Which occurrence of ``part`` in ``text`` the one at ``start`` is (1 for the first): how a
    correction addresses the text it changes, robust to edits elsewhere in the block."""
    count, found = 0, -1
    while True:
        found = text.find(part, found + 1)
        if found < 0 or found > start:
            return max(count, 1)
        count += 1
        if found == start:
            return count
