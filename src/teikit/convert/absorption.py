"""Absorb hand edits: turn the mark-up an editor changed in ``tei/NAME.xml`` into corrections.

    edited TEI ─┐
                ├─ compare block by block ─▶ corrections (appended to corrections/NAME.toml)
    source ─convert (same register, config, corrections)─┘        │
                                  convert again with them ─▶ compare the whole text again

1. Blocks are paired by their id (``xml:id``; footnotes by their place). A paragraph that became
   a block quotation, or the reverse, is a ``block``/``paragraph`` correction; a block
   quotation's changed ``@source`` a ``block`` correction.
2. Within a pair whose *text* is the same, the elements corrections can express
   (:data:`~teikit.convert.corrections.ELEMENTS`) are compared by the text they hold: one only
   in the conversion is untagged, one only in the edited file is tagged, one with another name
   or attributes is changed. A block whose text differs is a *text edit*: reported as a change
   to make in the source, and nothing is written for it.
3. The text is converted again with the new corrections and compared with the edited file,
   element by element (the editor's ``@resp`` and the header's record of the corrections
   aside). What still differs cannot be expressed as a correction (a new ``div``, a changed
   header) and is listed.

When nothing is left over, the edited file is replaced by the new conversion (which reproduces
its mark-up, and carries a fingerprint again); otherwise the file is kept as it is.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from teikit import XML_NS
from teikit.config import find_config, load_config
from teikit.convert.corrections import ELEMENTS, Corrections, load_corrections, occurrence_at
from teikit.convert.ingest import ingest_file
from teikit.convert.paragraphs import block_ids
from teikit.convert.pipeline import Conversion, convert_transcription
from teikit.convert.readback import _child_text, inline_text
from teikit.errors import InputError
from teikit.fingerprint import stamp
from teikit.resources import resource_dir
from teikit.tree import local_name, qname
from teikit.xmlio import (
    parse_xml_bytes,
    parse_xml_file,
    serialize_tei,
    write_bytes_atomically,
    write_text_atomically,
)

XML_ID = f"{{{XML_NS}}}id"
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass
class Item:
    """An element of a block, placed by its content in the block's read-back text."""

    tag: str
    start: int
    end: int
    attrs: dict[str, str]


@dataclass
class AbsorbReport:
    tei: Path
    corrections_path: Path
    written: list[str] = field(default_factory=list)        # the corrections, as TOML tables
    text_edits: list[str] = field(default_factory=list)     # to make in the source
    inexpressible: list[str] = field(default_factory=list)  # left over after rebuilding
    replaced: bool = False

    def lines(self) -> list[str]:
        out = [f"{len(self.written)} correction{'s' if len(self.written) != 1 else ''} "
               f"written to {self.corrections_path}" if self.written else
               "no mark-up differences to absorb"]
        if self.text_edits:
            out.append(f"{len(self.text_edits)} text edit(s), not absorbed: make them in the "
                       "source transcription")
            out.extend(f"  {edit}" for edit in self.text_edits)
        if self.inexpressible:
            out.append(f"{len(self.inexpressible)} difference(s) corrections cannot express "
                       "(not absorbed):")
            out.extend(f"  {difference}" for difference in self.inexpressible)
        if self.replaced:
            out.append(f"{self.tei} now is the conversion with the corrections (same mark-up)")
        else:
            out.append(f"{self.tei} kept as it is")
        return out


def absorb(tei: Path, *, config_path: Path | None = None, source: Path | None = None,
           encoding: str | None = None) -> AbsorbReport:
    """Write the mark-up edits of ``tei`` into its text's corrections file (see the module)."""
    tei = Path(tei)
    edited = parse_xml_file(tei)
    config = load_config(config_path if config_path is not None else find_config(tei))
    if source is None:
        source = config.sources_dir / f"{tei.stem}.txt"
    if not Path(source).is_file():
        raise InputError(f"{source}: the source of {tei} is not there",
                         hint="name it with --source")
    doc = ingest_file(Path(source), encoding)
    settings = config.settings_for(doc.name)
    if settings.corrections_path is None:
        settings = replace(settings,
                           corrections_path=tei.parent / "corrections" / f"{doc.name}.toml")
    corrections_path = Path(settings.corrections_path)  # type: ignore[arg-type]
    schema_href = os.path.relpath(resource_dir("schema"), tei.resolve().parent).replace(os.sep,
                                                                                         "/")
    report = AbsorbReport(tei, corrections_path)

    def convert(extra: list[str]) -> tuple[Conversion, Corrections]:
        text = _file_text(corrections_path) + "".join(extra)
        corrections = _parse_corrections(text, corrections_path)
        conversion = convert_transcription(doc, settings, schema_href, corrections)
        # compare what would be written, not the tree in memory
        conversion.tree = parse_xml_bytes(serialize_tei(conversion.tree))
        conversion.elements = _reparsed_elements(conversion)
        return conversion, corrections

    fresh, corrections = convert([])
    before = fresh.tree
    # 1. block kinds first: the inline comparison needs the same kind of block on both sides
    block_level = list(_block_corrections(fresh, edited))
    if block_level:
        fresh, corrections = convert(block_level)
    inline: list[str] = []
    for address, ours, theirs in _pairs(fresh, edited):
        ours_text, theirs_text = inline_text(ours), inline_text(theirs)
        if ours_text != theirs_text:
            report.text_edits.append(f"{address}: {_first_difference(ours_text, theirs_text)}")
            continue
        inline.extend(_inline_corrections(address, ours_text, _items(ours), _items(theirs),
                                          corrections.editor_ref))
    report.written = block_level + inline
    final, corrections = convert(report.written)
    # the blocks with text edits differ, and are reported as such
    edited_blocks = [f"[{edit.split(':')[0]}]" for edit in report.text_edits]
    report.inexpressible = [d for d in _differences(final.tree, before, edited,
                                                    corrections.editor_ref)
                            if not any(block in d.split(":")[0] for block in edited_blocks)]
    if report.written:
        _write(corrections_path, report.written)
    if not report.text_edits and not report.inexpressible:
        write_bytes_atomically(tei, stamp(serialize_tei(final.tree)), [Path(source)])
        report.replaced = True
    return report


# ---- reading both sides -----------------------------------------------------------------------


def _file_text(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def _parse_corrections(text: str, path: Path) -> Corrections:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / path.name
        probe.write_text(text, encoding="utf-8")
        loaded = load_corrections(probe)
    return Corrections(path, loaded.editor_id, loaded.editor_name, loaded.entries, loaded.items)


def _reparsed_elements(conversion: Conversion) -> dict[int, etree._Element]:
    """The block elements in the re-parsed tree (found by id, or by their place)."""
    ids = block_ids(conversion.transcription)
    root = conversion.tree.getroot()
    by_id = {e.get(XML_ID): e for e in root.iter() if isinstance(e.tag, str) and e.get(XML_ID)}
    out: dict[int, etree._Element] = {}
    for index, address in ids.items():
        if address in by_id:
            out[index] = by_id[address]
        elif address.startswith("fn-"):
            note = root.find(f".//{qname('note')}[@type='footnote'][@n='{address[3:]}']")
            if note is not None:
                out[index] = note
    return out


def _pairs(fresh: Conversion, edited: etree._ElementTree
           ) -> Iterator[tuple[str, etree._Element, etree._Element]]:
    ids = block_ids(fresh.transcription)
    root = edited.getroot()
    by_id = {e.get(XML_ID): e for e in root.iter() if isinstance(e.tag, str) and e.get(XML_ID)}
    for index, ours in fresh.elements.items():
        address = ids.get(index, "")
        theirs = by_id.get(address)
        if theirs is None and address.startswith("fn-"):
            theirs = root.find(f".//{qname('note')}[@type='footnote'][@n='{address[3:]}']")
        if theirs is not None and local_name(theirs) == local_name(ours):
            yield address, ours, theirs


def _block_corrections(fresh: Conversion, edited: etree._ElementTree) -> Iterator[str]:
    ids = block_ids(fresh.transcription)
    by_id = {e.get(XML_ID): e for e in edited.getroot().iter()
             if isinstance(e.tag, str) and e.get(XML_ID)}
    for index, ours in fresh.elements.items():
        address = ids.get(index, "")
        theirs = by_id.get(address)
        if theirs is None:
            continue
        ours_quote = local_name(ours) == "quote" and ours.get("type") == "block"
        theirs_quote = local_name(theirs) == "quote" and theirs.get("type") == "block"
        if local_name(ours) == "p" and theirs_quote:
            attrs = _block_attrs(theirs)
            yield correction_table({"action": "block", "paragraph": address}, set_=attrs)
        elif ours_quote and local_name(theirs) == "p":
            yield correction_table({"action": "paragraph", "paragraph": address})
        elif ours_quote and theirs_quote:
            mine, yours = _block_attrs(ours), _block_attrs(theirs)
            if _without_resp(mine) != _without_resp(yours):
                changed = {k: v for k, v in yours.items() if mine.get(k) != v and k != "resp"}
                gone = [k for k in mine if k not in yours and k != "resp"]
                yield correction_table({"action": "block", "paragraph": address}, set_=changed,
                             unset=gone)


def _block_attrs(element: etree._Element) -> dict[str, str]:
    return {k: v for k, v in element.attrib.items() if k not in (XML_ID, "n", "type")}


def _without_resp(attrs: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in attrs.items() if k != "resp"}


def _items(block: etree._Element) -> list[Item]:
    """The correctable elements inside ``block``, placed by their content in its read-back."""
    items: list[Item] = []

    def visit(element: etree._Element, offset: int) -> int:
        """Walk ``element``'s content starting at ``offset``; return the offset after it."""
        position = offset + len(element.text or "")
        for child in element:
            shown = _child_text(child, False)
            name = local_name(child)
            if name == "note" and child.get("type") == "footnote":
                pass    # a marker: the note's text is a block of its own
            elif name in ELEMENTS or (name and name not in {"choice", "gap", "lb", "pb", "cb"}
                                    and len(child)):
                content = inline_text(child)
                opening = shown.find(content) if content else len(shown)
                if name in ELEMENTS:
                    items.append(Item(name, position + opening,
                                      position + opening + len(content),
                                      {k: v for k, v in child.attrib.items() if k != XML_ID}))
                visit(child, position + opening)
            position += len(shown) + len(child.tail or "")
        return position

    visit(block, 0)
    return items


# ---- writing corrections ---------------------------------------------------------------------


def _inline_corrections(address: str, text: str, ours: list[Item], theirs: list[Item],
                        editor_ref: str) -> Iterator[str]:
    def key(item: Item) -> tuple[int, int, str]:
        return item.start, item.end, item.tag

    def target(item: Item) -> dict[str, object]:
        part = text[item.start:item.end]
        out: dict[str, object] = {"paragraph": address, "text": part}
        occurrence = occurrence_at(text, part, item.start)
        if occurrence != 1:
            out["occurrence"] = occurrence
        return out

    def clean(attrs: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in attrs.items() if not (k == "resp" and v == editor_ref)}

    remaining = list(theirs)
    unmatched: list[Item] = []
    for item in ours:
        same = next((t for t in remaining if key(t) == key(item)), None)
        if same is not None:
            remaining.remove(same)
            mine, yours = clean(item.attrs), clean(same.attrs)
            if mine != yours:
                yield _change(target(item), item.tag, "", mine, yours)
            continue
        unmatched.append(item)
    for item in unmatched:
        other = next((t for t in remaining if (t.start, t.end) == (item.start, item.end)), None)
        if other is not None:
            remaining.remove(other)
            yield _change(target(item), item.tag, other.tag, clean(item.attrs),
                          clean(other.attrs))
        else:
            yield correction_table({"action": "untag", **target(item), "element": item.tag})
    for item in remaining:
        yield correction_table({"action": "tag", **target(item), "element": item.tag},
                     set_=clean(item.attrs))


def _change(where: dict[str, object], tag: str, to: str, mine: dict[str, str],
            yours: dict[str, str]) -> str:
    changed = {k: v for k, v in yours.items() if mine.get(k) != v}
    gone = [k for k in mine if k not in yours]
    head: dict[str, object] = {"action": "change", **where, "element": tag}
    if to:
        head["to"] = to
    return correction_table(head, set_=changed, unset=gone)


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key)


def correction_table(values: dict[str, object], set_: dict[str, str] | None = None,
                     unset: list[str] | None = None) -> str:
    """One ``[[correction]]`` table as TOML (after a blank line), keys in the order given."""
    lines = ["", "[[correction]]"]
    for name, value in values.items():
        shown = str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)
        lines.append(f"{name} = {shown}")
    if set_:
        pairs = ", ".join(f"{_toml_key(k)} = {json.dumps(v, ensure_ascii=False)}"
                          for k, v in set_.items())
        lines.append(f"set = {{ {pairs} }}")
    if unset:
        lines.append(f"unset = [{', '.join(json.dumps(u) for u in unset)}]")
    return "\n".join(lines) + "\n"


def _write(path: Path, tables: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = _file_text(path)
    if not text:
        text = ("# Corrections to the automatic mark-up (see docs/corrections.md).\n"
                "[editor]\nid = \"corrector\"\nname = \"The editor of this edition\"\n")
    write_text_atomically(path, text + "".join(tables))


# ---- comparing whole documents ---------------------------------------------------------------


def _first_difference(ours: str, theirs: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(ours, theirs, strict=False)) if a != b),
              min(len(ours), len(theirs)))
    lo = max(0, at - 20)
    return (f"the source has “…{ours[lo:at + 30]}…”, the edited file "
            f"“…{theirs[lo:at + 30]}…”")


def _differences(ours: etree._ElementTree, before: etree._ElementTree,
                 theirs: etree._ElementTree, editor_ref: str) -> list[str]:
    """Where the edited document differs from the rebuilt one (its ``text``) and from the
    conversion before absorbing (its header: what the corrections add to the header, such as a
    calendar a corrected date now uses, is not an edit); at most 20."""
    out: list[str] = []
    for name in ("teiHeader", "text"):
        source = before if name == "teiHeader" else ours
        mine, yours = source.getroot().find(qname(name)), theirs.getroot().find(qname(name))
        if mine is None or yours is None:
            if (mine is None) != (yours is None):
                out.append(f"<{name}> is missing on one side")
            continue
        if name == "teiHeader":
            mine, yours = _header_without_records(mine, editor_ref), \
                _header_without_records(yours, editor_ref)
        _compare(mine, yours, editor_ref, out, "")
    return out[:20]


def _header_without_records(header: etree._Element, editor_ref: str) -> etree._Element:
    import copy

    header = copy.deepcopy(header)
    editor = editor_ref[1:]
    for element in list(header.iter(qname("respStmt"), qname("change"))):
        records = element.get("who") == editor_ref or any(
            child.get(XML_ID) == editor for child in element)
        parent = element.getparent()
        if records and parent is not None:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = element.tail
            else:
                parent.text = element.tail
            parent.remove(element)
    return header


def _compare(mine: etree._Element, yours: etree._Element, editor_ref: str, out: list[str],
             where: str) -> None:
    here = f"{where}/{local_name(mine)}"
    place = mine.get(XML_ID) or mine.get("n")
    if place:
        here += f"[{place}]"
    if local_name(mine) != local_name(yours):
        out.append(f"{here}: <{local_name(yours)}> in the edited file")
        return
    ignore = {"resp"} if mine.get("resp") == editor_ref else set()
    a = {k: v for k, v in mine.attrib.items() if k not in ignore}
    b = {k: v for k, v in yours.attrib.items() if k not in ignore}
    if a != b:
        out.append(f"{here}: attributes {b} in the edited file, {a} after rebuilding")
    if (mine.text or "") != (yours.text or ""):
        out.append(f"{here}: text “{(yours.text or '')[:40]}” in the edited file")
    children_a = [c for c in mine if isinstance(c.tag, str)]
    children_b = [c for c in yours if isinstance(c.tag, str)]
    if len(children_a) != len(children_b):
        added = Counter(map(local_name, children_b)) - Counter(map(local_name, children_a))
        gone = Counter(map(local_name, children_a)) - Counter(map(local_name, children_b))
        out.append(f"{here}: {len(children_b)} child elements in the edited file, "
                   f"{len(children_a)} after rebuilding"
                   + (f"; added: {', '.join(f'<{n}>' for n in sorted(added))}" if added else "")
                   + (f"; removed: {', '.join(f'<{n}>' for n in sorted(gone))}" if gone else ""))
        return
    for child_a, child_b in zip(children_a, children_b, strict=True):
        _compare(child_a, child_b, editor_ref, out, here)
        if (child_a.tail or "") != (child_b.tail or ""):
            out.append(f"{here}/{local_name(child_a)}: the text after it differs")
