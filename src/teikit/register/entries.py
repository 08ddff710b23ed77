"""The register of people, organisations, places, titles and events: a plain TEI document.

Any TEI document works as a register if it holds ``listPerson``, ``listOrg``, ``listPlace``,
``listBibl`` or ``listEvent`` in ``standOff``, ``back`` or ``sourceDesc``. Each entry has an
``xml:id`` and one or more name children; *every* name child is a surface form to match in the
text (``type="reg"`` marks the display name, ``type="full"`` the full name). ``relation``
elements (``name="affiliation"|"partOf"|"location"``, ``active``/``passive`` pointers) tie
entries together; the entity pass uses them to decide forms that several entries share.

:func:`load_register` reads a register, :func:`register_lists` copies the entries a text uses
into ``standOff`` lists, :func:`build_register` writes a register (``entities suggest``).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from lxml import etree

from teikit import TEI_NS
from teikit.config import TextSettings
from teikit.convert.model import Span
from teikit.errors import InputError
from teikit.register.authority import uri_of
from teikit.tree import local_name, qname
from teikit.xmlio import parse_xml_file

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


class EntityKind(StrEnum):
    PERSON = "person"
    ORG = "org"
    PLACE = "place"
    TITLE = "title"
    EVENT = "event"


@dataclass(frozen=True)
class KindSpec:
    """How one kind of entry is written: list element, entry element, name element."""

    list_tag: str
    entry_tag: str
    name_tag: str       # the name child in the register, and the element in the text


KINDS: dict[EntityKind, KindSpec] = {
    EntityKind.PERSON: KindSpec("listPerson", "person", "persName"),
    EntityKind.ORG: KindSpec("listOrg", "org", "orgName"),
    EntityKind.PLACE: KindSpec("listPlace", "place", "placeName"),
    EntityKind.TITLE: KindSpec("listBibl", "bibl", "title"),
    EntityKind.EVENT: KindSpec("listEvent", "event", "eventName"),
}
_KIND_OF_ENTRY = {spec.entry_tag: kind for kind, spec in KINDS.items()}
_KIND_OF_ENTRY["personGrp"] = EntityKind.PERSON
_KIND_OF_ENTRY["biblStruct"] = EntityKind.TITLE
# name children accepted as forms, per entry element (other projects use plain <name>)
_FORM_TAGS = {"persName", "orgName", "placeName", "title", "eventName", "name", "label",
              "geogName", "settlement", "country", "region", "forename", "surname"}
# where a register's lists may live: teikit writes standOff; other projects keep them in back,
# in the header (sourceDesc, particDesc, settingDesc) or, for a register file of its own, in body
_CONTAINERS = ("standOff", "back", "sourceDesc", "particDesc", "settingDesc", "body")


@dataclass(frozen=True)
class Entry:
    """One register entry: what the entity pass matches and what the edition links to."""

    id: str
    kind: EntityKind
    forms: tuple[str, ...]
    name: str                        # display name (type="reg", else the first form)
    full_name: str = ""
    note: str = ""
    level: str = ""                  # titles: m (book), j (periodical), a (article)
    idnos: tuple[tuple[str, str], ...] = ()
    related: tuple[str, ...] = ()    # ids this entry is tied to by a relation
    same_as: str = ""                # another entry this one only adds forms to (@sameAs)
    element: etree._Element | None = field(default=None, compare=False, repr=False)

    def authority_uris(self) -> tuple[str, ...]:
        """The entry's authority ids as URIs (Wikidata, GND, VIAF, GeoNames, …), in order."""
        uris = [uri_of(scheme, value) for scheme, value in self.idnos]
        return tuple(dict.fromkeys(uri for uri in uris if uri))

    @property
    def element_name(self) -> str:
        """The element that tags a mention of this entry in the text."""
        if self.kind is EntityKind.EVENT:
            return "name"
        return KINDS[self.kind].name_tag


@dataclass(frozen=True)
class Register:
    entries: Mapping[str, Entry]
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def forms(self) -> dict[str, list[Entry]]:
        """Every surface form → the entries that have it (several: an ambiguous form).

        An entry with ``@sameAs`` pointing at another entry lends its forms to that entry (a
        suggested "Lenin" for a curated "Vladimir Lenin" that lacks the form)."""
        index: dict[str, list[Entry]] = {}
        for alias in self.entries.values():
            entry = self.entries.get(alias.same_as, alias) if alias.same_as else alias
            for form in alias.forms:
                bucket = index.setdefault(form, [])
                if entry not in bucket:
                    bucket.append(entry)
        return index

    def neighbours(self, entry_id: str) -> set[str]:
        """Entries that make ``entry_id`` likely when mentioned nearby.

        The entry itself, what it is tied to (its party, its city), and whatever else is tied to
        those (the party's members and organs): the context that decides a shared form.
        """
        entry = self.entries.get(entry_id)
        if entry is None:
            return set()
        near = {entry_id, *entry.related}
        for other in self.entries.values():
            if near & set(other.related) and other.kind is not EntityKind.PLACE:
                near.add(other.id)
        return near


EMPTY_REGISTER = Register({})
_CACHE: dict[tuple[Path, int], Register] = {}


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def load_register(path: Path) -> Register:
    """Read a TEI register (entries in ``standOff``, ``back`` or ``sourceDesc``)."""
    tree = parse_xml_file(Path(path))
    return register_from_tree(tree, str(path), Path(path))


def register_for(settings: TextSettings) -> Register:
    """The register a conversion uses: ``settings.register_path`` (read once per process and
    file version), or the empty register when none is configured."""
    path = settings.register_path
    if path is None:
        return EMPTY_REGISTER
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        raise InputError(f"{path}: register not found",
                         hint="fix the register path in the edition config or --register") from None
    key = (path.resolve(), stamp)
    if key not in _CACHE:
        _CACHE[key] = load_register(path)
    return _CACHE[key]


def pointers_used(spans: Iterable[Span], register: Register) -> list[str]:
    """Register ids that spans point at (``@ref``, ``@who``, ``@source``), in first-use order."""
    used: dict[str, None] = {}
    for span in spans:
        for attribute in ("ref", "who", "source"):
            value = span.attrs.get(attribute, "")
            for token in value.split():
                if token.startswith("#") and token[1:] in register:
                    used.setdefault(token[1:], None)
    return list(used)


def register_from_tree(tree: etree._ElementTree | etree._Element, name: str = "<register>",
                       path: Path | None = None) -> Register:
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    if etree.QName(root).namespace != TEI_NS:
        raise InputError(f"{name}: not a TEI document",
                         hint="expected elements in the TEI namespace")
    candidates = [el for tag in _CONTAINERS for el in root.iter(qname(tag))]
    if local_name(root) in _CONTAINERS:
        candidates.append(root)
    lists = {qname(spec.list_tag) for spec in KINDS.values()} | {qname("listRelation")}
    containers = [c for c in candidates if next(c.iter(*lists), None) is not None]
    entries: dict[str, Entry] = {}
    relations: dict[str, set[str]] = {}
    seen: set[int] = set()
    for container in containers:
        for relation in container.iter(qname("relation")):
            _collect_relation(relation, relations)
        for element in container.iter(*(qname(tag) for tag in _KIND_OF_ENTRY)):
            if id(element) in seen or not _in_list(element):
                continue
            seen.add(id(element))
            entry = _entry(element, name)
            if entry is None:
                continue
            if entry.id in entries:
                raise InputError(f"{name}: two register entries have xml:id {entry.id!r}")
            entries[entry.id] = entry
    for affiliation in (el for c in containers for el in c.iter(qname("affiliation"))):
        owner = affiliation.getparent()
        ref = affiliation.get("ref", "")
        if owner is not None and owner.get(XML_ID) and ref.startswith("#"):
            relations.setdefault(owner.get(XML_ID), set()).add(ref[1:])
    final = {
        entry_id: _with_related(entry, relations.get(entry_id, set()), entries)
        for entry_id, entry in entries.items()
    }
    if not final and containers:
        raise InputError(f"{name}: the register holds no entries with an xml:id and a name")
    if not containers:
        raise InputError(f"{name}: no standOff, back, body or header holding register lists",
                         hint="put listPerson/listOrg/listPlace/listBibl in standOff")
    return Register(final, path)


def _in_list(element: etree._Element) -> bool:
    parent = element.getparent()
    return parent is not None and local_name(parent).startswith("list")


def _collect_relation(relation: etree._Element, relations: dict[str, set[str]]) -> None:
    if relation.get("name") not in {"affiliation", "partOf", "location", "memberOf"}:
        return
    active = [ref[1:] for ref in relation.get("active", "").split() if ref.startswith("#")]
    passive = [ref[1:] for ref in relation.get("passive", "").split() if ref.startswith("#")]
    for a in active:
        relations.setdefault(a, set()).update(passive)


def _with_related(entry: Entry, related: set[str], entries: Mapping[str, Entry]) -> Entry:
    known = tuple(sorted(r for r in related if r in entries and r != entry.id))
    return Entry(entry.id, entry.kind, entry.forms, entry.name, entry.full_name, entry.note,
                 entry.level, entry.idnos, known, entry.same_as, entry.element)


def _entry(element: etree._Element, name: str) -> Entry | None:
    entry_id = element.get(XML_ID)
    kind = _KIND_OF_ENTRY[local_name(element)]
    names = [child for child in element if local_name(child) in _FORM_TAGS]
    if kind is EntityKind.TITLE:
        names = [child for child in element.iter(qname("title"))]
    if not entry_id or not names:
        return None
    forms: list[str] = []
    display = full = ""
    level = ""
    for child in names:
        text = _text(child)
        if not text:
            continue
        if child.get("type") == "reg" and not display:
            display = text
        if child.get("type") == "full" and not full:
            full = text
        if kind is EntityKind.TITLE and not level:
            level = child.get("level", "")
        if text not in forms:
            forms.append(text)
    if not forms:
        return None
    notes = [_text(n) for n in element if local_name(n) == "note"]
    idnos = tuple((i.get("type", ""), _text(i)) for i in element if local_name(i) == "idno")
    same_as = element.get("sameAs", "").split()
    return Entry(entry_id, kind, tuple(forms), display or forms[0], full,
                 notes[0] if notes else "", level or ("m" if kind is EntityKind.TITLE else ""),
                 idnos, (), same_as[0][1:] if same_as and same_as[0].startswith("#") else "",
                 element)


# --- writing ----------------------------------------------------------------------------------


def entry_element(entry: Entry) -> etree._Element:
    """The TEI element for ``entry`` (a copy of the register's own element when there is one)."""
    if entry.element is not None:
        element = copy.deepcopy(entry.element)
        for child in list(element):
            if local_name(child) == "affiliation":
                element.remove(child)
        for descendant in element.iter():
            if isinstance(descendant.tag, str) and descendant is not element:
                descendant.attrib.pop(XML_ID, None)
        element.tail = None
        _add_authority_uris(element, entry)
        return element
    spec = KINDS[entry.kind]
    element = etree.Element(qname(spec.entry_tag), nsmap={None: TEI_NS})
    element.set(XML_ID, entry.id)
    forms = [entry.name, *(f for f in entry.forms if f != entry.name)]
    for index, form in enumerate(forms):
        child = etree.SubElement(element, qname(spec.name_tag))
        child.text = form
        if index == 0:
            child.set("type", "reg")
        if entry.kind is EntityKind.TITLE:
            child.set("level", entry.level or "m")
    if entry.full_name and entry.full_name not in forms:
        child = etree.SubElement(element, qname(spec.name_tag))
        child.text = entry.full_name
        child.set("type", "full")
        if entry.kind is EntityKind.TITLE:
            child.set("level", entry.level or "m")
    for idno_type, value in entry.idnos:
        idno = etree.SubElement(element, qname("idno"))
        idno.set("type", idno_type)
        idno.text = value
    _add_authority_uris(element, entry)
    if entry.note:
        etree.SubElement(element, qname("note")).text = entry.note
    return element


def _add_authority_uris(element: etree._Element, entry: Entry) -> None:
    """Give every short authority id (``idno type="wikidata"`` Q1394) its URI as well
    (``idno type="URI" subtype="wikidata"``), after the last idno, so that linked-data tools
    need no table of prefixes."""
    written = {_text(i) for i in element if local_name(i) == "idno"}
    idnos = [i for i in element if local_name(i) == "idno"]
    anchor = idnos[-1] if idnos else None
    for scheme, value in entry.idnos:
        uri = uri_of(scheme, value)
        if uri is None or uri in written:
            continue
        idno = etree.Element(qname("idno"))
        idno.set("type", "URI")
        idno.set("subtype", scheme)
        idno.text = uri
        if anchor is not None:
            anchor.addnext(idno)
            idno.tail = anchor.tail
        else:
            element.append(idno)
        anchor = idno
        written.add(uri)


def register_lists(register: Register, used: Iterable[str]) -> list[etree._Element]:
    """``listPerson``/``listOrg``/… holding the entries ``used`` (in register order), plus the
    relations among them. Ready to append to a ``standOff``."""
    wanted = set(used)
    lists: dict[EntityKind, etree._Element] = {}
    for entry in register.entries.values():
        if entry.id not in wanted:
            continue
        target = lists.get(entry.kind)
        if target is None:
            target = lists[entry.kind] = etree.Element(qname(KINDS[entry.kind].list_tag),
                                                       nsmap={None: TEI_NS})
        target.append(entry_element(entry))
    relations = [(e.id, r) for e in register.entries.values() if e.id in wanted
                 for r in e.related if r in wanted]
    ordered = [lists[kind] for kind in EntityKind if kind in lists]
    if relations:
        list_relation = etree.Element(qname("listRelation"), nsmap={None: TEI_NS})
        for active, passive in relations:
            relation = etree.SubElement(list_relation, qname("relation"))
            relation.set("name", _relation_name(register, active, passive))
            relation.set("active", f"#{active}")
            relation.set("passive", f"#{passive}")
        ordered.append(list_relation)
    return ordered


def _relation_name(register: Register, active: str, passive: str) -> str:
    a, p = register.entries[active], register.entries[passive]
    if p.kind is EntityKind.PLACE:
        return "location"
    if a.kind is EntityKind.PERSON:
        return "affiliation"
    return "partOf"


def build_register(entries: Iterable[Entry], title: str,
                   comments: Mapping[str, str] | None = None) -> etree._ElementTree:
    """A complete TEI register document holding ``entries`` in ``standOff``.

    ``comments`` (id → text) are written as XML comments before each entry, e.g. the first
    contexts a suggested entry was found in, for the editor who reviews it.
    """
    entries = list(entries)
    root = etree.Element(qname("TEI"), nsmap={None: TEI_NS})
    header = etree.SubElement(root, qname("teiHeader"))
    file_desc = etree.SubElement(header, qname("fileDesc"))
    title_stmt = etree.SubElement(file_desc, qname("titleStmt"))
    etree.SubElement(title_stmt, qname("title")).text = title
    publication = etree.SubElement(file_desc, qname("publicationStmt"))
    etree.SubElement(publication, qname("p")).text = "Unpublished working register."
    source = etree.SubElement(file_desc, qname("sourceDesc"))
    etree.SubElement(source, qname("p")).text = "Compiled for the texts of this edition."
    stand_off = etree.SubElement(root, qname("standOff"))
    register = Register({e.id: e for e in entries})
    for list_element in register_lists(register, register.entries):
        for entry in list_element:
            entry_id = entry.get(XML_ID)
            if comments and entry_id in comments:
                entry.addprevious(etree.Comment(_comment_text(comments[entry_id])))
        stand_off.append(list_element)
    etree.indent(root, space="  ")
    return etree.ElementTree(root)


def _comment_text(text: str) -> str:
    """Text safe inside an XML comment (no "--", no trailing "-")."""
    return " " + " ".join(text.replace("--", "- -").split()).rstrip("-") + " "
