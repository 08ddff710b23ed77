"""Reading XML safely and writing outputs atomically.

- Parsing never resolves entities, never loads a DTD, never touches the network; a document that
  declares entities (XXE, "billion laughs") is rejected with a clear message.
- Writing goes to a temporary file in the target directory and is renamed into place, so a
  failed run leaves no partial file; an output that would overwrite one of the inputs is refused.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, OutputError


def parse_xml_bytes(data: bytes, name: str = "<input>") -> etree._ElementTree:
    """Parse XML bytes, refusing entity declarations; errors name the parser's line and column."""
    if not data.strip():
        raise InputError(f"{name}: the file is empty", hint="expected an XML document")
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser()))
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (0, 0)
        message = error.msg or str(error)
        raise InputError(f"{name}:{line}:{column}: not well-formed XML: {message}") from None
    if declares_entities(tree):
        raise InputError(
            f"{name}: the document declares entities in its DOCTYPE",
            hint="teikit never expands or fetches entities; remove the declarations",
        )
    return tree


def parse_xml_file(path: Path) -> etree._ElementTree:
    """Parse an XML file safely (see :func:`parse_xml_bytes`)."""
    data = read_input_bytes(path)
    tree = parse_xml_bytes(data, str(path))
    return tree


def read_input_bytes(path: Path) -> bytes:
    """Read an input file, turning OS errors into one-line messages."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", hint="check the path") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read: {error.strerror}") from None


def check_not_an_input(output: Path, inputs: Iterable[Path]) -> None:
    for source in inputs:
        try:
            same = Path(output).resolve() == Path(source).resolve()
        except OSError:
            same = False
        if same:
            raise OutputError(
                f"{output}: refusing to overwrite the input file",
                hint="choose another output path with -o",
            )


def write_bytes_atomically(output: Path, data: bytes, inputs: Iterable[Path] = ()) -> Path:
    """Write ``data`` to ``output`` via a temporary file and an atomic rename."""
    output = Path(output)
    check_not_an_input(output, inputs)
    directory = output.parent if str(output.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"{output}: directory {directory} does not exist",
                          hint="create it first or choose another path")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp",
                                             dir=directory)
    except OSError as error:
        raise OutputError(f"{output}: cannot write in {directory}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        mode = output.stat().st_mode & 0o777 if output.exists() else 0o644
        os.chmod(temporary, mode)
        os.replace(temporary, output)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(f"{output}: cannot be written: {error.strerror}") from None
    return output


def write_text_atomically(output: Path, text: str, inputs: Iterable[Path] = ()) -> Path:
    return write_bytes_atomically(output, text.encode("utf-8"), inputs)


def serialize_tei(tree: etree._ElementTree) -> bytes:
    """Serialise a TEI tree as UTF-8 with an XML declaration and a final newline."""
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """A fresh parser that resolves no entities, loads no DTD and never uses the network.

    Each parse needs its own parser so that its ``error_log`` holds only that parse's errors;
    ``recover=True`` is for callers that have already judged the errors (see teikit.validate).
    """
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        dtd_validation=False,
        remove_blank_text=False,
        huge_tree=False,
        recover=recover,
    )


def declares_entities(tree: etree._ElementTree) -> bool:
    """Whether the document's DOCTYPE declares entities (XXE, "billion laughs" …)."""
    dtd = tree.docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())
