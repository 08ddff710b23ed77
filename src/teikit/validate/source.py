"""Reading a document to validate: safely, keeping where each element starts.

The parse uses :mod:`teikit.xmlio`'s safe settings (no entities, no DTD, no network). libxml2
refuses a duplicate or malformed ``xml:id`` while parsing; that is a validity problem, not a
well-formedness one, so such a document is parsed again in recovery mode and the clashes are
reported as problems, like every other rule violation.
"""

from __future__ import annotations

import xml.parsers.expat
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit import TEI_NS
from teikit.errors import InputError, UnreadableError
from teikit.validate.report import Problem
from teikit.xmlio import (
    MAX_DEPTH,
    XML_MEMORY_FACTOR,
    declares_entities,
    entity_references,
    max_depth,
    nests_deeper_than,
    read_input_bytes,
    safe_parser,
)

XML_NS = "http://www.w3.org/XML/1998/namespace"
XINCLUDE_NS = "http://www.w3.org/2001/XInclude"
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"

# libxml2 errors that concern xml:id values, not the XML syntax
_ID_ERRORS = {"DTD_ID_REDEFINED", "DTD_XMLID_VALUE"}


@dataclass
class Source:
    """A parsed document plus what reading it taught us."""

    name: str
    data: bytes
    tree: etree._ElementTree
    problems: list[Problem] = field(default_factory=list)
    # xml:id problems inside TEI examples (egXML), which tei_all does not count
    example_problems: list[Problem] = field(default_factory=list)
    _positions: dict[etree._Element, tuple[int, int]] | None = None

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def position(self, element: etree._Element | None) -> tuple[int, int]:
        """1-based (line, column) of the ``<`` of ``element``'s start tag; (0, 0) if unknown."""
        if element is None:
            return (0, 0)
        if self._positions is None:
            self._positions = _start_tag_positions(self.data, self.root)
        found = self._positions.get(element)
        if found is not None:
            return found
        line = element.sourceline or 0
        return (line, 1 if line else 0)

    def xpath(self, element: etree._Element | None) -> str:
        """An XPath to ``element``: ``tei:`` steps for TEI elements, ``Q{uri}name`` for others,
        a position where siblings share the name; "" for no element."""
        if element is None:
            return ""
        steps = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            step = _step_name(node)
            if parent is not None:
                same = [child for child in parent if child.tag == node.tag]
                if len(same) > 1:
                    step += f"[{same.index(node) + 1}]"
            steps.append(step)
            node = parent
        return "/" + "/".join(reversed(steps))

    def has_xinclude(self) -> bool:
        return next(self.root.iter(f"{{{XINCLUDE_NS}}}include"), None) is not None


def read_source(path: Path | str, data: bytes | None = None) -> Source:
    """Read and parse ``path`` (or ``data`` under that name).

    Raises :class:`~teikit.errors.UnreadableError` when the document cannot be checked at all."""
    name = str(path)
    if data is None:
        try:
            data = read_input_bytes(Path(path), memory_factor=XML_MEMORY_FACTOR)
        except InputError as error:
            raise UnreadableError(_fatal(name, 0, 0, error.message, "io")) from None
    if not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise UnreadableError(
            _fatal(name, 0, 0, "the file is empty; expected an XML document", "io"))
    id_entries: list[etree._LogEntry] = []
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        entries = list(parser.error_log)
        if entries and all(e.type_name in _ID_ERRORS for e in entries):
            root = etree.fromstring(data, safe_parser(recover=True))
            id_entries = entries
        else:
            line, column = error.position if error.position else (0, 0)
            message = _syntax_message(error)
            raise UnreadableError(_fatal(name, line, column, f"not well-formed XML: {message}",
                                    "xml:well-formed")) from None
    if root is None:
        raise UnreadableError(_fatal(name, 0, 0, "no XML element found", "xml:well-formed"))
    tree = root.getroottree()
    if declares_entities(tree):
        raise UnreadableError(_fatal(
            name, 1, 1,
            "the document declares entities in its DOCTYPE; teikit never expands or fetches "
            "entities (this guards against XXE and entity-expansion attacks): remove the "
            "declarations", "xml:no-entities"))
    references = entity_references(root)
    if references:
        shown = ", ".join(f"&{reference};" for reference in references[:3])
        raise UnreadableError(_fatal(
            name, 1, 1,
            f"the document uses entities that only its DTD defines ({shown}); teikit never "
            "loads a DTD: write the characters themselves", "xml:no-entities"))
    depth = max_depth(root) if nests_deeper_than(root, MAX_DEPTH) else 0
    if depth > MAX_DEPTH:
        raise UnreadableError(_fatal(name, 1, 1, f"elements nest {depth} deep; teikit reads at "
                                     f"most {MAX_DEPTH} levels", "xml:depth"))
    source = Source(name, data, tree)
    for entry in id_entries:
        problem = _id_problem(name, entry)
        if _in_example(root, entry.line):
            source.example_problems.append(problem)
        else:
            source.problems.append(problem)
    return source


def _step_name(element: etree._Element) -> str:
    name = etree.QName(element)
    if name.namespace == TEI_NS:
        return f"tei:{name.localname}"
    return f"Q{{{name.namespace}}}{name.localname}" if name.namespace else name.localname


def _in_example(root: etree._Element, line: int) -> bool:
    """Whether the elements with an xml:id on ``line`` all sit inside a TEI example."""
    on_line = [e for e in root.iter(etree.Element)
               if e.sourceline == line and f"{{{XML_NS}}}id" in e.attrib]
    return bool(on_line) and all(
        etree.QName(e).namespace == EXAMPLES_NS
        or any(etree.QName(a).namespace == EXAMPLES_NS for a in e.iterancestors())
        for e in on_line)


def _fatal(name: str, line: int, column: int, message: str, rule: str) -> Problem:
    return Problem(name, line, column, "error", message, rule, fatal=True)


def _syntax_message(error: etree.XMLSyntaxError) -> str:
    message = error.msg or str(error)
    # libxml2 appends ", line L, column C" that the location prefix already says
    head, sep, _ = message.rpartition(", line ")
    return head if sep and head else message


def _id_problem(name: str, entry: etree._LogEntry) -> Problem:
    text = entry.message.strip()
    if entry.type_name == "DTD_ID_REDEFINED":
        value = text.removeprefix("ID ").removesuffix(" already defined")
        message = f"xml:id {value!r} is used more than once; each xml:id must be unique"
        rule = "xml:id-unique"
    else:
        message = f"{text.removeprefix('xml:id : ')}; an xml:id must be a name (NCName)"
        rule = "xml:id-ncname"
    return Problem(name, entry.line, entry.column, "error", message, rule)


def _start_tag_positions(data: bytes,
                         root: etree._Element) -> dict[etree._Element, tuple[int, int]]:
    """Match expat's start-tag positions to the lxml elements, both in document order."""
    positions: list[tuple[int, int]] = []
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def start(_name: str, _attrs: object) -> None:
        positions.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return {}
    elements = list(root.iter(etree.Element))
    if len(elements) != len(positions):
        return {}
    return dict(zip(elements, positions, strict=True))
