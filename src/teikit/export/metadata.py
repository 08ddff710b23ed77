"""What a TEI document says about itself, read once for every metadata format.

Dublin Core, DataCite, the JSON export and the package manifest all describe a text by the same
facts — title, authors, contributors, dates, language, rights, source, the entities it names —
so they are read here, from any TEI (teikit's own or another project's), and each format only
maps them. Names given in parts (``forename``/``surname``/``roleName``) read in natural order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit import TEI_NS, XML_NS
from teikit.errors import InputError
from teikit.register import EntityKind, Register, register_from_tree

NS = {"tei": TEI_NS}
_SPACE = re.compile(r"\s+")
# the order parts of a structured name are read in, whatever their order in the file
_NAME_PARTS = ("roleName", "forename", "nameLink", "surname", "genName", "addName")


@dataclass(frozen=True)
class Agent:
    """A person or body credited with the text: its name, its role and its authority URIs."""

    name: str
    role: str = ""
    uris: tuple[str, ...] = ()
    is_person: bool = True


@dataclass(frozen=True)
class Licence:
    text: str
    url: str = ""
    applies_to: str = ""  # "encoding", "text" or "" when the TEI does not say


@dataclass(frozen=True)
class TextMetadata:
    identifier: str
    title: str
    subtitle: str = ""
    authors: tuple[Agent, ...] = ()
    contributors: tuple[Agent, ...] = ()
    publisher: str = ""
    published: str = ""            # the digital edition's date (ISO)
    created: str = ""              # when the text was written (ISO, or a range "1925/1928")
    first_published: str = ""      # when it first appeared in print (ISO)
    languages: tuple[str, ...] = ()
    licences: tuple[Licence, ...] = ()
    source: str = ""               # the printed source, as one line
    persistent_ids: tuple[str, ...] = ()
    register: Register = field(default_factory=lambda: Register({}))
    mentioned: dict[str, int] = field(default_factory=dict)  # entry id → mentions in the text

    @property
    def year(self) -> str:
        for value in (self.published, self.first_published, self.created):
            if value[:4].isdigit():
                return value[:4]
        return ""

    def entries_of(self, kind: EntityKind) -> list[str]:
        """Names of the register entries of ``kind`` that the text mentions, most used first."""
        used = sorted(self.mentioned.items(), key=lambda item: (-item[1], item[0]))
        names = []
        for entry_id, _count in used:
            entry = self.register.get(entry_id)
            if entry is not None and entry.kind is kind:
                names.append(entry.name)
        return names


def normalised(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def text_of(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return normalised("".join(element.itertext()))


def display_name(element: etree._Element) -> str:
    """A name as a reader says it: "Immanuel Kant" for ``<surname>Kant</surname>
    <forename>Immanuel</forename>``; a name without parts as it is written."""
    parts = {etree.QName(child).localname: child for child in element
             if isinstance(child.tag, str)}
    if not any(name in parts for name in ("forename", "surname")):
        return text_of(element)
    words = []
    for part in _NAME_PARTS:
        for child in element.findall(f"tei:{part}", NS):
            words.append(text_of(child))
    return normalised(" ".join(w for w in words if w))


def _agent_name(element: etree._Element) -> tuple[str, etree._Element]:
    """The name inside an author/editor/respStmt child, and the element that carries it."""
    for tag in ("persName", "orgName", "name"):
        named = element.find(f"tei:{tag}", NS)
        if named is not None:
            return display_name(named), named
    return display_name(element), element


def _uris(element: etree._Element, register: Register) -> tuple[str, ...]:
    ref = element.get("ref", "")
    found: list[str] = []
    for token in ref.split():
        if token.startswith("#"):
            entry = register.get(token[1:])
            if entry is not None:
                found.extend(entry.authority_uris())
        elif token.startswith(("http://", "https://")):
            found.append(token)
    return tuple(dict.fromkeys(found))


def _iso(date: etree._Element | None) -> str:
    if date is None:
        return ""
    when = date.get("when") or date.get("notBefore") or ""
    if when:
        return when
    start, end = date.get("from", ""), date.get("to", "")
    if start and end:
        return f"{start}/{end}"
    return start or end


def read_metadata(tree: etree._ElementTree, name: str = "") -> TextMetadata:
    """The facts every export format needs, from any TEI document."""
    root = tree.getroot()
    header = root.find("tei:teiHeader", NS)
    if header is None:
        header = etree.Element(f"{{{TEI_NS}}}teiHeader")
    try:
        register = register_from_tree(tree, name or "<tei>")
    except InputError:  # a text without a register of its own
        register = Register({})
    file_desc = header.find("tei:fileDesc", NS)
    title_stmt = file_desc.find("tei:titleStmt", NS) if file_desc is not None else None
    titles = title_stmt.findall("tei:title", NS) if title_stmt is not None else []
    main = next((t for t in titles if t.get("type") in (None, "main")), None)
    sub = next((t for t in titles if t.get("type") == "sub"), None)
    authors = []
    contributors = []
    if title_stmt is not None:
        for author in title_stmt.findall("tei:author", NS):
            person, named = _agent_name(author)
            if person:
                authors.append(Agent(person, "author", _uris(named, register),
                                     etree.QName(named).localname != "orgName"))
        for editor in title_stmt.findall("tei:editor", NS):
            person, named = _agent_name(editor)
            if person:
                contributors.append(Agent(person, editor.get("role") or "editor",
                                          _uris(named, register)))
        for resp_stmt in title_stmt.findall("tei:respStmt", NS):
            role = "; ".join(text_of(r) for r in resp_stmt.findall("tei:resp", NS))
            for named in resp_stmt:
                local = etree.QName(named).localname if isinstance(named.tag, str) else ""
                if local in ("persName", "orgName", "name") and named.get("type") != "software":
                    contributors.append(Agent(display_name(named), role,
                                              _uris(named, register), local == "persName"))
    pub_stmt = file_desc.find("tei:publicationStmt", NS) if file_desc is not None else None
    publisher = ""
    published = ""
    licences: list[Licence] = []
    ids: list[str] = []
    if pub_stmt is not None:
        publisher = text_of(pub_stmt.find("tei:publisher", NS)) or text_of(
            pub_stmt.find("tei:authority", NS))
        published = _iso(pub_stmt.find("tei:date", NS))
        for licence in pub_stmt.iterfind(".//tei:licence", NS):
            licences.append(Licence(text_of(licence), licence.get("target", ""),
                                    licence.get("n", "")))
        for idno in pub_stmt.findall("tei:idno", NS):
            if text_of(idno):
                ids.append(text_of(idno))
    source_desc = file_desc.find("tei:sourceDesc", NS) if file_desc is not None else None
    first_published = ""
    source = ""
    if source_desc is not None:
        first = source_desc.find("tei:bibl[@type='firstPublication']", NS)
        first_published = _iso(first.find(".//tei:date", NS)) if first is not None else ""
        printed = next((b for b in source_desc if isinstance(b.tag, str)
                        and b.get("type") != "firstPublication"), None)
        source = text_of(printed)
        if not first_published and printed is not None:
            first_published = _iso(printed.find(".//tei:imprint/tei:date", NS))
    profile = header.find("tei:profileDesc", NS)
    created = ""
    languages: list[str] = []
    if profile is not None:
        created = _iso(profile.find("tei:creation//tei:date", NS))
        languages = [lang.get("ident", "") for lang in
                     profile.findall("tei:langUsage/tei:language", NS) if lang.get("ident")]
    root_lang = root.get(f"{{{XML_NS}}}lang")
    if root_lang and root_lang not in languages:
        languages.insert(0, root_lang)
    identifier = root.get(f"{{{XML_NS}}}id") or (ids[0] if ids else "") or name
    mentioned: dict[str, int] = {}
    text = root.find("tei:text", NS)
    if text is not None:
        for element in text.iter():
            for token in element.get("ref", "").split() if isinstance(element.tag, str) else ():
                if token.startswith("#") and register.get(token[1:]) is not None:
                    mentioned[token[1:]] = mentioned.get(token[1:], 0) + 1
    return TextMetadata(
        identifier=identifier, title=text_of(main) or (text_of(titles[0]) if titles else name),
        subtitle=text_of(sub), authors=tuple(authors), contributors=tuple(contributors),
        publisher=publisher, published=published, created=created,
        first_published=first_published, languages=tuple(languages), licences=tuple(licences),
        source=source, persistent_ids=tuple(ids), register=register, mentioned=mentioned)


def metadata_of_file(path: Path) -> TextMetadata:
    from teikit.xmlio import parse_xml_file

    return read_metadata(parse_xml_file(path), path.stem)
