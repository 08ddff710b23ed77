"""The one way XML comes in, and the one way outputs go out.

**In.** Every XML document teikit reads — TEI, registers, schemas, configs' registers, FO it made
itself — is parsed here, by lxml with a parser that never resolves entities, never loads a DTD,
never touches the network and never expands XInclude. Other engines only ever see what this module
gives them:

- Saxon (rendering, Schematron) gets the *parsed* root element re-serialised, so no DOCTYPE
  reaches it, and its own parser is configured to refuse any DOCTYPE, external entity or URI
  other than a local file on top of that (:func:`saxon_processor`, :func:`saxon_document`);
- jing gets the file itself when it has no DOCTYPE and is UTF-8, else a UTF-8 copy whose
  DOCTYPE was located by a parser (expat) and blanked out, checked by parsing it again
  (:func:`jing_copy`);
- xmlschema gets the parsed lxml tree, with location hints switched off;
- FOP gets only XSL-FO produced by teikit's own stylesheets.

A document is refused (one-line message) when its DOCTYPE declares entities, when it uses an
entity that only a DTD could define (``&xxe;``), when it nests elements deeper than
:data:`MAX_DEPTH`, or when it is not a regular file (devices, FIFOs and directories are refused
before anything is read).

**Out.** Writing goes to a temporary file in the target directory that is checked, then renamed
into place, so a failed or interrupted run leaves the previous output as it was and no temporary
file behind; new outputs get the mode a new file gets under the umask (0644 with the usual 022),
an existing output keeps its mode; an output that would overwrite one of the inputs is refused.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tempfile
import threading
import xml.parsers.expat
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.errors import InputError, OutputError

if TYPE_CHECKING:
    from saxonche import PySaxonProcessor, PyXdmNode

# Deepest element nesting teikit accepts: libxml2's own limit without XML_PARSE_HUGE. Saxon's
# parser (100 by default, jdk.xml.maxElementDepth) is raised to the same value.
MAX_DEPTH = 256

# Memory a parsed document needs per byte of the file, measured (a 200 MB TEI validated in 4 GB,
# rendered in 4.4 GB) with a margin: larger files are refused before they exhaust the memory.
XML_MEMORY_FACTOR = 25

# One lock for everything that touches the shared Saxon processor.
SAXON_LOCK = threading.RLock()


# ------------------------------------------------------------------------- reading files

def read_input_bytes(path: Path | str, *, memory_factor: int = 0) -> bytes:
    """Read an input file, turning OS errors into one-line messages.

    Only regular files are read: a directory, FIFO, socket or device is refused before anything
    is opened for reading (a FIFO would block, ``/dev/zero`` would never end). With
    ``memory_factor`` (bytes of memory the work needs per byte of input), a file whose work
    would not fit in the memory available is refused with its size and the estimate.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="check the path") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror}") from None
    _require_regular(path, info.st_mode)
    if memory_factor:
        check_memory(path, info.st_size, memory_factor)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening does not hang
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror}") from None
    try:
        _require_regular(path, os.fstat(descriptor).st_mode)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read()
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror}") from None
    finally:
        os.close(descriptor)


def _require_regular(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError(f"{path}: is a directory, expected a file")
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
    raise InputError(f"{path}: is {kind}, not a regular file", hint="give the path of a file")


def available_memory() -> int | None:
    """Bytes of memory available to a new allocation (Linux ``MemAvailable`` + free swap)."""
    try:
        fields = dict(line.split(":", 1) for line in
                      Path("/proc/meminfo").read_text(encoding="ascii").splitlines()
                      if ":" in line)
        kib = (int(fields["MemAvailable"].split()[0])
               + int(fields.get("SwapFree", "0 kB").split()[0]))
    except (OSError, KeyError, ValueError):
        return None
    return kib * 1024


# Work that needs less than this is never refused for memory (nor is the free memory looked
# up for it: a read of /proc/meminfo costs more than checking a small document)
ALWAYS_AFFORDABLE = 64 * 2**20


def check_memory(path: Path, size: int, factor: int) -> None:
    """Refuse a file whose processing (``factor`` × its size) would exceed the free memory."""
    needed = size * factor
    if needed <= ALWAYS_AFFORDABLE:
        return
    available = available_memory()
    if available is not None and needed > available:
        raise InputError(
            f"{path}: is {_size(size)}; processing it needs about {_size(needed)} of memory and "
            f"{_size(available)} is available",
            hint="split the file, or run on a machine with more memory")


def _size(count: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if count < 1024 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "bytes" else f"{count:.1f} {unit}"
        count /= 1024  # type: ignore[assignment]
    return f"{count} bytes"


# ------------------------------------------------------------------------- parsing

def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """A fresh parser that resolves no entities, loads no DTD and never uses the network.

    ``huge_tree`` lifts libxml2's limit on the size of one text node or attribute (10 MB),
    which guards against entity expansion — and entities are never expanded here; nesting is
    limited by :func:`check_depth` instead. Each parse needs its own parser so that its
    ``error_log`` holds only that parse's errors; ``recover=True`` is for callers that have
    already judged the errors (see teikit.validate).
    """
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        attribute_defaults=False,
        remove_blank_text=False,
        huge_tree=True,
        recover=recover,
    )


def parse_xml_bytes(data: bytes, name: str = "<input>") -> etree._ElementTree:
    """Parse XML bytes safely; errors name the parser's line and column.

    Refuses entity declarations, references to entities only a DTD could define, and nesting
    deeper than :data:`MAX_DEPTH`."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise InputError(f"{name}: the file is empty", hint="expected an XML document")
    parser = safe_parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (0, 0)
        entries = list(parser.error_log)
        if entries and all(e.type_name in ("DTD_ID_REDEFINED", "DTD_XMLID_VALUE")
                           for e in entries):
            first = entries[0]
            value = first.message.strip().removeprefix("ID ").removesuffix(" already defined")
            problem = (f"xml:id {value!r} is used more than once"
                       if first.type_name == "DTD_ID_REDEFINED" else first.message.strip())
            raise InputError(f"{name}:{first.line}:{first.column}: {problem}",
                             hint="each xml:id must be a unique name; "
                                  "`teikit validate` lists them all") from None
        message = _syntax_message(error)
        raise InputError(f"{name}:{line}:{column}: not well-formed XML: {message}") from None
    except ValueError as error:   # e.g. a str with an encoding declaration
        raise InputError(f"{name}: not well-formed XML: {error}") from None
    tree = root.getroottree()
    check_safe(tree, name)
    return tree


def parse_xml_file(path: Path | str, *, memory_factor: int = XML_MEMORY_FACTOR
                   ) -> etree._ElementTree:
    """Parse an XML file safely (see :func:`parse_xml_bytes`)."""
    data = read_input_bytes(path, memory_factor=memory_factor)
    return parse_xml_bytes(data, str(path))


TEI_ROOTS = ("{http://www.tei-c.org/ns/1.0}TEI", "{http://www.tei-c.org/ns/1.0}teiCorpus")


def require_tei(tree: etree._ElementTree, name: str) -> etree._ElementTree:
    """Refuse a document whose root is not TEI's ``TEI`` or ``teiCorpus`` (XHTML, another
    namespace, no namespace …): outputs made from it would be empty or meaningless."""
    root = tree.getroot()
    if root.tag not in TEI_ROOTS:
        qualified = etree.QName(root)
        where = f"in the namespace {qualified.namespace}" if qualified.namespace \
            else "in no namespace"
        raise InputError(f"{name}: not a TEI document (root element <{qualified.localname}> "
                         f"{where})",
                         hint="expected <TEI> or <teiCorpus> in http://www.tei-c.org/ns/1.0")
    return tree


def parse_tei_file(path: Path | str) -> etree._ElementTree:
    """Parse a TEI file safely and check that it is TEI (see :func:`require_tei`)."""
    return require_tei(parse_xml_file(path), str(path))


def _syntax_message(error: etree.XMLSyntaxError) -> str:
    message = (error.msg or str(error)).strip()
    head, sep, _ = message.rpartition(", line ")
    return head if sep and head else message


def declares_entities(tree: etree._ElementTree) -> bool:
    """Whether the document's DOCTYPE declares entities (XXE, "billion laughs" …)."""
    dtd = tree.docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def entity_references(root: etree._Element) -> list[str]:
    """Names of the entity references left in a tree (entities only a DTD could define)."""
    return sorted({str(node.name) for node in root.iter(etree.Entity)})


def nests_deeper_than(root: etree._Element, limit: int) -> bool:
    """Whether elements nest more than ``limit`` deep in ``root``'s document (libxml2 looks,
    in C, for an element ``limit + 1`` steps down, one level at a time: every element is
    visited once, a fraction of :func:`max_depth`'s walk)."""
    return bool(_element_below(int(limit) + 1)(root))


@cache
def _element_below(depth: int) -> etree.XPath:
    return etree.XPath("boolean(/" + "/".join(["*"] * depth) + ")")


def max_depth(root: etree._Element) -> int:
    """How deep elements nest under ``root`` (the root alone is 1)."""
    depth = deepest = 0
    for event, _ in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def check_depth(root: etree._Element, name: str) -> None:
    if not nests_deeper_than(root, MAX_DEPTH):
        return
    depth = max_depth(root)
    if depth > MAX_DEPTH:
        raise InputError(f"{name}: elements nest {depth} deep; teikit reads at most "
                         f"{MAX_DEPTH} levels", hint="flatten the nesting")


def check_safe(tree: etree._ElementTree, name: str) -> None:
    """Raise :class:`InputError` unless ``tree`` is safe to hand to the other engines."""
    if declares_entities(tree):
        raise InputError(
            f"{name}: the document declares entities in its DOCTYPE",
            hint="teikit never expands or fetches entities; remove the declarations")
    references = entity_references(tree.getroot())
    if references:
        shown = ", ".join(f"&{reference};" for reference in references[:3])
        raise InputError(
            f"{name}: the document uses entities that only its DTD defines ({shown})",
            hint="teikit never loads a DTD; write the characters themselves")
    check_depth(tree.getroot(), name)


# ------------------------------------------------------------------------- Saxon

# Saxon's parser (the JDK's Xerces): no DOCTYPE at all, no external entities, no DTD, our depth
_SAXON_PARSER_FEATURES = {
    "http://apache.org/xml/features/disallow-doctype-decl": "true",
    "http://xml.org/sax/features/external-general-entities": "false",
    "http://xml.org/sax/features/external-parameter-entities": "false",
    "http://apache.org/xml/features/nonvalidating/load-external-dtd": "false",
    "http://apache.org/xml/features/xinclude": "false",
}
_SAXON_PARSER_PROPERTIES = {
    "http://www.oracle.com/xml/jaxp/properties/maxElementDepth": str(MAX_DEPTH + 1),
}


@cache
def saxon_processor() -> PySaxonProcessor:
    """The process's one Saxon processor, configured never to read a DTD or leave the machine.

    Stylesheets may only read local files (``allowedProtocols``): ``doc('http://…')`` and
    ``unparsed-text('http://…')`` fail."""
    from saxonche import PySaxonProcessor

    from teikit.resources import xslt_path

    processor = PySaxonProcessor(license=False)
    for feature, value in _SAXON_PARSER_FEATURES.items():
        processor.set_configuration_property(
            f"http://saxon.sf.net/feature/parserFeature?uri={feature}", value)
    for name, value in _SAXON_PARSER_PROPERTIES.items():
        processor.set_configuration_property(
            f"http://saxon.sf.net/feature/parserProperty?uri={name}", value)
    # teikit's catalog (``urn:teikit:xslt:…`` for project stylesheets) must be set before the
    # protocols are restricted; ``urn`` is what the catalog resolves
    processor.set_catalog_files([str(xslt_path("catalog.xml"))])
    processor.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols",
                                         "file,urn")
    processor.set_configuration_property("http://saxon.sf.net/feature/xinclude-aware", "false")
    return processor


def saxon_document(source: etree._ElementTree | etree._Element, name: str = "<input>"
                   ) -> PyXdmNode:
    """Hand a parsed (and checked) tree to Saxon: its root element re-serialised, no DOCTYPE."""
    return _saxon_parse(_saxon_text(source), name)


def readable_as_is(tree: etree._ElementTree) -> bool:
    """Whether another parser (Saxon, jing) may read the file ``tree`` was parsed from as it is:
    UTF-8 (or ASCII) with no DOCTYPE, so nothing in it for that parser to fetch or expand."""
    encoding = (tree.docinfo.encoding or "UTF-8").upper()
    return tree.docinfo.doctype == "" and tree.docinfo.internalDTD is None and \
        encoding in ("UTF-8", "US-ASCII", "ASCII")


def saxon_document_of(data: bytes, tree: etree._ElementTree, name: str = "<input>"
                      ) -> PyXdmNode:
    """A document parsed here (``data``, which gave ``tree``) handed to Saxon: its own text when
    it is :func:`readable_as_is` (as for jing, :func:`jing_copy`), which spares re-serialising
    it; else as :func:`saxon_document`."""
    if readable_as_is(tree):
        try:
            return _saxon_parse(data.decode("utf-8").removeprefix("\ufeff"), name)
        except UnicodeDecodeError:
            pass
    return saxon_document(tree, name)


def _saxon_text(source: etree._ElementTree | etree._Element) -> str:
    root = source.getroot() if isinstance(source, etree._ElementTree) else source
    return etree.tostring(root, encoding="unicode")


def _saxon_parse(text: str, name: str) -> PyXdmNode:
    with SAXON_LOCK:
        try:
            return saxon_processor().parse_xml(xml_text=text)
        except Exception as error:  # saxonche's PySaxonApiError has no stable import path
            detail = " ".join(str(error).split())[:300]
            raise InputError(f"{name}: Saxon cannot read the document: {detail}") from None


# The characters the stylesheets show as code points ($tk:unprintable in xslt/common/text.xsl:
# control characters other than tab, line feed and carriage return).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def saxon_input(source: etree._ElementTree | etree._Element, name: str = "<input>"
                ) -> tuple[PyXdmNode, bool]:
    """As :func:`saxon_document`, and whether the document holds a control character at all
    (other than white space): the stylesheets test each text node only when it may."""
    return saxon_input_text(_saxon_text(source), name)


def saxon_input_text(text: str, name: str = "<input>") -> tuple[PyXdmNode, bool]:
    """As :func:`saxon_input`, from a document's text that holds no DOCTYPE: one that teikit
    serialised itself, never one from outside."""
    return _saxon_parse(text, name), _CONTROL_CHARACTERS.search(text) is not None


# ------------------------------------------------------------------------- jing

def jing_copy(data: bytes, tree: etree._ElementTree, name: str) -> bytes | None:
    """What jing may read for a document parsed here: ``None`` for the file itself (UTF-8 and no
    DOCTYPE), else a UTF-8 copy without the DOCTYPE, lines and columns kept.

    The DOCTYPE's extent comes from a parser (expat's events), not from searching the bytes, so
    a ``<!DOCTYPE`` inside a comment or a file in UTF-16 cannot hide the real one. The copy is
    parsed again to make sure no DOCTYPE is left."""
    if readable_as_is(tree):
        return None
    encoding = (tree.docinfo.encoding or "UTF-8").upper()
    try:
        text = data.decode(_python_codec(encoding, data))
    except (LookupError, UnicodeDecodeError):
        raise InputError(f"{name}: cannot re-encode the document from {encoding} for jing",
                         hint="save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    if text.startswith("<?xml"):
        end = text.index("?>") + 2   # the XML declaration cannot contain "?>" (names only)
        text = _blank(text[:end]) + text[end:]
    utf8 = text.encode("utf-8")
    span = _doctype_span(utf8, name)
    if span is not None:
        start, end = span
        utf8 = utf8[:start] + bytes(b if b in b"\r\n" else 0x20 for b in utf8[start:end]) \
            + utf8[end:]
    check = etree.fromstring(utf8, safe_parser(recover=False)).getroottree()
    if check.docinfo.doctype or check.docinfo.internalDTD is not None:
        raise InputError(f"{name}: the DOCTYPE could not be removed for jing")
    return utf8


def _python_codec(encoding: str, data: bytes) -> str:
    if encoding in ("UTF-16", "UTF-16LE", "UTF-16BE"):
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        return encoding.lower().replace("utf-16", "utf-16-")
    return encoding.lower()


def _blank(text: str) -> str:
    return "".join(c if c in "\r\n" else " " for c in text)


def _doctype_span(utf8: bytes, name: str) -> tuple[int, int] | None:
    """Byte range of the DOCTYPE declaration in a UTF-8 document, from expat's events."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    before_doctype = 0          # end of the last piece of the prolog before the DOCTYPE
    found: dict[str, int] = {}

    def piece(text: str) -> None:
        if "start" not in found:
            nonlocal before_doctype
            before_doctype = parser.CurrentByteIndex + len(text.encode("utf-8"))

    def start(*_: object) -> None:
        found["start"] = before_doctype

    def end() -> None:
        found["end"] = parser.CurrentByteIndex + 1
        prolog_over()

    def prolog_over(*_: object) -> None:
        # the rest is parsed at C speed, without calls back into Python
        parser.DefaultHandler = None
        parser.StartElementHandler = None

    parser.DefaultHandler = piece   # the XML declaration, comments, PIs, white space: raw
    parser.StartDoctypeDeclHandler = start
    parser.EndDoctypeDeclHandler = end
    parser.StartElementHandler = prolog_over
    try:
        parser.Parse(utf8, True)
    except xml.parsers.expat.ExpatError as error:
        if "start" not in found or "end" not in found:   # later errors are lxml's business
            raise InputError(f"{name}: the prolog cannot be read: {error}") from None
    if "start" not in found:
        return None
    if "end" not in found or utf8[found["end"] - 1:found["end"]] != b">" \
            or not utf8[found["start"]:].lstrip().startswith(b"<!DOCTYPE"):
        raise InputError(f"{name}: the DOCTYPE could not be located for jing")
    return found["start"], found["end"]


# ------------------------------------------------------------------------- writing

def check_not_an_input(output: Path, inputs: Iterable[Path | None]) -> None:
    for source in inputs:
        if source is None:
            continue
        try:
            same = Path(output).resolve() == Path(source).resolve()
        except OSError:
            same = False
        if same:
            raise OutputError(
                f"{output}: refusing to overwrite the input file {source}",
                hint="choose another output path with -o")


def new_file_mode() -> int:
    """The mode ``open()`` gives a new file under the current umask (0644 under 022)."""
    with _UMASK_LOCK:
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


_UMASK_LOCK = threading.Lock()


def temporary_path(output: Path) -> Path:
    """An empty temporary file beside ``output`` (the caller removes it on every path)."""
    directory = output.parent if str(output.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{output}: directory {directory} does not exist",
                          hint="create it first or choose another path")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp",
                                             dir=directory)
    except OSError as error:
        raise OutputError(f"{output}: cannot write in {directory}: {error.strerror}") from None
    os.close(handle)
    return Path(temporary)


def replace_output(temporary: Path, output: Path) -> None:
    """Give ``temporary`` the output's mode and rename it over ``output``."""
    try:
        if output.is_dir():
            raise OutputError(f"{output}: is a directory", hint="give a file name")
        mode = stat.S_IMODE(output.stat().st_mode) if output.exists() else new_file_mode()
        os.chmod(temporary, mode)
        os.replace(temporary, output)
    except OSError as error:
        raise OutputError(f"{output}: cannot be written: {error.strerror}") from None


def write_bytes_atomically(output: Path, data: bytes, inputs: Iterable[Path | None] = (), *,
                           check: Callable[[Path], None] | None = None) -> Path:
    """Write ``data`` to ``output`` via a temporary file and an atomic rename.

    Empty data is refused; ``check`` (given the temporary file) may raise to keep the old
    output. The temporary file is removed on every path, exceptions and signals included."""
    output = Path(output)
    check_not_an_input(output, inputs)
    if not data:
        raise OutputError(f"{output}: refusing to write an empty file")
    temporary = temporary_path(output)
    try:
        try:
            temporary.write_bytes(data)
        except OSError as error:
            raise OutputError(f"{output}: cannot be written: {error.strerror}") from None
        if check is not None:
            check(temporary)
        replace_output(temporary, output)
    finally:
        temporary.unlink(missing_ok=True)
    return output


def write_text_atomically(output: Path, text: str, inputs: Iterable[Path | None] = (), *,
                          check: Callable[[Path], None] | None = None) -> Path:
    return write_bytes_atomically(output, text.encode("utf-8"), inputs, check=check)


def serialize_tei(tree: etree._ElementTree) -> bytes:
    """Serialise a TEI tree as UTF-8 with an XML declaration and a final newline."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
