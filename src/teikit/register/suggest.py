"""Suggestions for the edition's register (``teikit entities suggest``).

:func:`suggest` reads the transcriptions of an edition together, finds the names they use
(:func:`teikit.register.candidates.find_candidates`) and proposes what the register lacks:

- a **new entry** for each name found with a clear kind, with every form of it the texts use
  (full name, surname, initials, acronym), marked unreviewed (``@cert``, ``@resp="#teikit"``)
  and with a note that gives the evidence for its kind and the confidence;
- an entry with ``@sameAs`` for a **new form of an existing entry** (the surname of a full name
  the register has, an acronym of one of its organisations): the existing entry is not touched,
  and the matcher reads the new form as that entry's;
- nothing for a name the register already knows;
- a **review list** of names whose kind the evidence does not decide: they are not added.

:func:`merge_into_register` adds the new entries to a register file without changing one byte
of what is there (they go in new lists before the end of its ``standOff``), so the editor's
work is never lost; running it again over the same texts adds nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit import TEI_NS
from teikit.convert.model import Transcription
from teikit.errors import InputError
from teikit.register.candidates import Candidate, find_candidates, slug
from teikit.register.entries import (
    EMPTY_REGISTER,
    KINDS,
    XML_ID,
    EntityKind,
    Entry,
    Register,
    register_from_tree,
)
from teikit.register.matcher import form_key
from teikit.register.report import context_around
from teikit.tree import qname
from teikit.xmlio import parse_xml_bytes, serialize_tei, write_bytes_atomically

SOFTWARE = "#teikit"


@dataclass
class Suggestion:
    """One entry to add: a new name, or new forms of an entry the register has."""

    entry: Entry
    confidence: float
    evidence: list[str]
    count: int
    context: str
    same_as: str = ""            # id of the existing entry these forms belong to

    @property
    def cert(self) -> str:
        return "medium" if self.confidence >= 0.7 else "low"


@dataclass
class Suggestions:
    new: list[Suggestion] = field(default_factory=list)
    review: list[Candidate] = field(default_factory=list)
    known: int = 0               # names the register already has
    contexts: dict[str, str] = field(default_factory=dict)   # review form → first context

    @property
    def entries(self) -> list[Entry]:
        return [s.entry for s in self.new]

    def lines(self) -> list[str]:
        out = [f"{len(self.new)} entries to add, {self.known} names already in the register, "
               f"{len(self.review)} left for review"]
        for s in self.new:
            target = f" = #{s.same_as}" if s.same_as else ""
            out.append(f"  + {s.entry.kind.value} #{s.entry.id}{target}: "
                       f"{' | '.join(s.entry.forms)} (×{s.count}, confidence {s.confidence:.2f}; "
                       f"{'; '.join(s.evidence[:3])})")
        for c in self.review:
            kinds = ", ".join(f"{k.value} {v:.1f}" for k, v in c.ranked()) or "no evidence"
            out.append(f"  ? {c.form!s} ×{c.count} ({kinds}): … {self.contexts.get(c.key, '')} …")
        return out


def suggest(docs: Transcription | Sequence[Transcription],
            register: Register = EMPTY_REGISTER) -> Suggestions:
    """What the register lacks for ``docs`` (read together as one corpus)."""
    docs = [docs] if isinstance(docs, Transcription) else list(docs)
    by_name = {d.name: d for d in docs}
    candidates = find_candidates(docs)
    known_forms = {form_key(f): entries for f, entries in register.forms().items()}
    used_ids = set(register.entries)
    groups: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.status != "accepted":
            continue
        groups.setdefault(candidate.same_as or candidate.key, []).append(candidate)
    out = Suggestions()
    for key, members in groups.items():
        main = next((c for c in members if c.key == key), members[0])
        forms = _forms(main, members)
        new_forms = [f for f in forms if f not in known_forms]
        if not new_forms:
            out.known += 1
            continue
        existing = next((known_forms[f] for f in forms if f in known_forms), None)
        target = existing[0] if existing and len(existing) == 1 else None
        if target is None and len(new_forms) == len(forms):
            target = _existing_full_name(new_forms, main.kind, register)
        if existing and target is None:
            continue   # a form several entries share: the register decides, not a guess
        entry_id = _unique(slug(new_forms[0] if target else forms[0]), used_ids)
        kind = target.kind if target else main.kind
        level = (target.level if target else main.title_level) if kind is EntityKind.TITLE \
            else ""
        count = sum(c.count for c in members)
        note = _note(main, count, target)
        entry = Entry(entry_id, kind, tuple(new_forms), new_forms[0], note=note, level=level,
                      same_as=target.id if target else "")
        out.new.append(Suggestion(entry, main.confidence, list(main.evidence), count,
                                  _context(main, by_name), target.id if target else ""))
    for candidate in candidates:
        if candidate.status != "review" or candidate.key in known_forms:
            continue
        # a surname or an acronym the register knows in full: a form of that entry
        kind = EntityKind.ORG if candidate.form.isupper() else EntityKind.PERSON
        target = _existing_full_name([candidate.key], kind, register)
        if target is not None and candidate.scores.get(EntityKind.PLACE, 0.0) < 1.5:
            entry_id = _unique(slug(candidate.key), used_ids)
            entry = Entry(entry_id, target.kind, (candidate.key,), candidate.key,
                          note=_note(candidate, candidate.count, target), same_as=target.id)
            out.new.append(Suggestion(entry, candidate.confidence, list(candidate.evidence),
                                      candidate.count, _context(candidate, by_name), target.id))
            continue
        out.review.append(candidate)
        out.contexts[candidate.key] = _context(candidate, by_name)
    return out


def _forms(main: Candidate, members: list[Candidate]) -> list[str]:
    forms = [form_key(main.form)]
    for member in sorted(members, key=lambda c: -len(c.form)):
        key = form_key(member.form)
        if key not in forms:
            forms.append(key)
    return forms


def _existing_full_name(forms: list[str], kind: EntityKind, register: Register) -> Entry | None:
    """The one register entry whose full name ends in this surname (or spells this acronym)."""
    if len(forms) != 1 or " " in forms[0]:
        return None
    form = forms[0]
    matches = []
    for entry in register.entries.values():
        if entry.same_as:
            continue
        for known in entry.forms:
            words = known.split()
            if kind is EntityKind.PERSON and entry.kind is EntityKind.PERSON and len(words) > 1 \
                    and words[-1] == form:
                matches.append(entry)
                break
            if form.isupper() and entry.kind is EntityKind.ORG and len(words) > 1 and "".join(
                    w[0] for w in words if w[0].isupper()) == form:
                matches.append(entry)
                break
    return matches[0] if len(matches) == 1 else None


def _unique(base: str, used: set[str]) -> str:
    entry_id, suffix = base, 2
    while entry_id in used:
        entry_id, suffix = f"{base}-{suffix}", suffix + 1
    used.add(entry_id)
    return entry_id


def _note(candidate: Candidate, count: int, target: Entry | None) -> str:
    occurrences = f"{count} occurrence{'s' if count != 1 else ''}"
    if target is not None:
        return (f"Suggested by teikit, not reviewed: {occurrences} of another form of "
                f"#{target.id}.")
    evidence = "; ".join(candidate.evidence[:4]) or "no evidence"
    titles = f" Titles seen before it: {', '.join(candidate.titles)}." if candidate.titles else ""
    return (f"Suggested by teikit, not reviewed: {occurrences}; {candidate.kind.value} "
            f"(confidence {candidate.confidence:.2f}) from: {evidence}.{titles}")


def _context(candidate: Candidate, docs: dict[str, Transcription]) -> str:
    block_index, start, end = candidate.occurrences[0]
    for doc in docs.values():
        if doc.name in candidate.docs and block_index < len(doc.blocks):
            text = doc.blocks[block_index].text
            if text[start:end] == candidate.form:
                return context_around(text, start, end)
    return candidate.form


# --- writing ----------------------------------------------------------------------------------


def suggestion_lists(suggestions: Suggestions) -> list[etree._Element]:
    """``listPerson``/``listOrg``/… holding the new entries, each marked unreviewed."""
    lists: dict[EntityKind, etree._Element] = {}
    for suggestion in suggestions.new:
        entry = suggestion.entry
        spec = KINDS[entry.kind]
        target = lists.get(entry.kind)
        if target is None:
            target = lists[entry.kind] = etree.Element(qname(spec.list_tag), nsmap={None: TEI_NS})
            target.set("type", "suggested")
            target.set("resp", SOFTWARE)
        element = etree.SubElement(target, qname(spec.entry_tag))
        element.set(XML_ID, entry.id)
        element.set("cert", suggestion.cert)
        element.set("resp", SOFTWARE)
        if suggestion.same_as:
            element.set("sameAs", f"#{suggestion.same_as}")
        for index, form in enumerate(entry.forms):
            child = etree.SubElement(element, qname(spec.name_tag))
            child.text = form
            if index == 0 and not suggestion.same_as:
                child.set("type", "reg")
            if entry.kind is EntityKind.TITLE:
                child.set("level", entry.level or "m")
        etree.SubElement(element, qname("note")).text = entry.note
        element.addprevious(etree.Comment(_comment("first seen: " + suggestion.context)))
    return [lists[kind] for kind in EntityKind if kind in lists]


def _comment(text: str) -> str:
    return " " + " ".join(text.replace("--", "- -").split()).rstrip("-") + " "


def new_register(suggestions: Suggestions, title: str) -> etree._ElementTree:
    """A register document holding only the suggestions (for a text without a register)."""
    root = etree.Element(qname("TEI"), nsmap={None: TEI_NS})
    header = etree.SubElement(root, qname("teiHeader"))
    file_desc = etree.SubElement(header, qname("fileDesc"))
    etree.SubElement(etree.SubElement(file_desc, qname("titleStmt")), qname("title")).text = title
    etree.SubElement(etree.SubElement(file_desc, qname("publicationStmt")),
                     qname("p")).text = "Unpublished working register."
    etree.SubElement(etree.SubElement(file_desc, qname("sourceDesc")),
                     qname("p")).text = "Compiled for the texts of this edition."
    stand_off = etree.SubElement(root, qname("standOff"))
    for list_element in suggestion_lists(suggestions):
        stand_off.append(list_element)
    etree.indent(root, space="  ")
    return etree.ElementTree(root)


_STANDOFF_END = re.compile(rb"</(?:[\w.-]+:)?standOff\s*>")
_HEADER_END = re.compile(rb"</(?:[\w.-]+:)?teiHeader\s*>")


def merged_register_bytes(original: bytes, suggestions: Suggestions, name: str) -> bytes:
    """``original`` (a register file) with the new entries inserted; every byte of the original
    is kept, in order. The new lists go before the end of the last ``standOff`` (a new
    ``standOff`` after the ``teiHeader`` when there is none)."""
    tree = parse_xml_bytes(original, name)
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if etree.QName(root).namespace != TEI_NS:
        raise InputError(f"{name}: not a TEI document", hint="expected a TEI register")
    if not re.match(rb"(?:\xef\xbb\xbf)?(?:<\?xml[^>]*encoding=[\"'](?:utf-8|UTF-8)[\"']|"
                    rb"<\?xml(?![^>]*encoding)|(?!<\?xml))", original):
        raise InputError(f"{name}: only a UTF-8 register can be added to",
                         hint="write the suggestions elsewhere with -o")
    if not suggestions.new:
        return original
    lists = suggestion_lists(suggestions)
    default_tei = root.nsmap.get(None) == TEI_NS
    pieces = []
    for list_element in lists:
        etree.indent(list_element, space="  ", level=2)
        text = etree.tostring(list_element, encoding="unicode")
        if default_tei:
            text = text.replace(f' xmlns="{TEI_NS}"', "", 1)
        pieces.append(text)
    comment = (f"<!-- {len(suggestions.new)} entries suggested by teikit, not reviewed: "
               "check each kind and form, then delete @cert and @resp -->")
    ends = list(_STANDOFF_END.finditer(original))
    if ends:
        position = ends[-1].start()
        line_start = original.rfind(b"\n", 0, position) + 1
        indent = original[line_start:position]
        if indent.strip():
            indent = b""
            line_start = position
        inner = indent + b"  "
        block = b"".join(inner + p.encode("utf-8") + b"\n"
                         for p in [comment, *pieces])
        if line_start == position:
            block = b"\n" + block + indent
        merged = original[:line_start] + block + original[line_start:]
    else:
        header = _HEADER_END.search(original)
        if header is None:
            raise InputError(f"{name}: no teiHeader or standOff to add entries to",
                             hint="write the suggestions elsewhere with -o")
        position = header.end()
        block = ("\n  <standOff>\n" + "".join(f"    {p}\n" for p in [comment, *pieces])
                 + "  </standOff>").encode("utf-8")
        if not default_tei:
            raise InputError(f"{name}: the register does not use the TEI namespace by default",
                             hint="write the suggestions elsewhere with -o")
        merged = original[:position] + block + original[position:]
    check = parse_xml_bytes(merged, name)
    register_from_tree(check, name)
    return merged


def load_or_empty(path: Path | None) -> tuple[Register, bytes | None]:
    if path is None or not Path(path).exists():
        return EMPTY_REGISTER, None
    data = Path(path).read_bytes()
    return register_from_tree(parse_xml_bytes(data, str(path)), str(path), Path(path)), data


def merge_into_register(path: Path, docs: Sequence[Transcription],
                        inputs: Sequence[Path] = (), dry_run: bool = False) -> Suggestions:
    """Add what ``docs`` need to the register at ``path`` (created when missing)."""
    register, original = load_or_empty(path)
    suggestions = suggest(docs, register)
    if dry_run or not suggestions.new:
        return suggestions
    if original is None:
        data = serialize_tei(new_register(suggestions, "Register of the edition"))
    else:
        data = merged_register_bytes(original, suggestions, str(path))
    write_bytes_atomically(Path(path), data, list(inputs))
    return suggestions


def suggest_register(doc: Transcription | Sequence[Transcription], title: str | None = None
                     ) -> tuple[etree._ElementTree, list[Entry]]:
    """A register of suggestions for transcriptions that have none yet."""
    docs = [doc] if isinstance(doc, Transcription) else list(doc)
    suggestions = suggest(docs)
    name = docs[0].name if len(docs) == 1 else "the edition"
    tree = new_register(suggestions, title or f"Suggested register for {name}")
    return tree, suggestions.entries
