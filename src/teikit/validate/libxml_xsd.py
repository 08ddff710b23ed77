"""W3C XML Schema validation at libxml2 speed: the verdict, not the explanation.

lxml's ``XMLSchema`` compiles ``edition.xsd`` in milliseconds and validates a document in about
one; ``xmlschema`` (pure Python) takes a few hundred milliseconds to import and tens to validate,
but explains a failure far better. So a document is first checked here; only one that fails is
handed to :mod:`teikit.validate.xsd`, which says why in plain language.

libxml2 is given a schema only when every file it includes or imports is local (nothing is ever
fetched); an import of the XML namespace without a location gets teikit's own declaration of the
``xml:`` attributes (``schema/xml-namespace.xsd``), as xmlschema has built in. A schema libxml2
cannot use is left to xmlschema alone (:func:`compiled_xsd` returns ``None``).
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit.resources import schema_path
from teikit.validate.source import XML_NS, Source
from teikit.xmlio import safe_parser

XSD_NS = "http://www.w3.org/2001/XMLSchema"
_REFERENCES = tuple(f"{{{XSD_NS}}}{name}" for name in ("import", "include", "redefine"))
_lock = threading.Lock()


def compiled_xsd(path: Path) -> etree.XMLSchema | None:
    """The schema at ``path`` compiled by libxml2, once per process (and per edit), or ``None``
    when it refers to a file that is not local or libxml2 refuses it."""
    path = Path(path).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        return None
    return _compiled(path, mtime)


@cache
def _compiled(path: Path, mtime_ns: int) -> etree.XMLSchema | None:
    try:
        document = _local_schema(path, set())
    except (OSError, etree.XMLSyntaxError):
        return None
    if document is None:
        return None
    with _lock:
        try:
            return etree.XMLSchema(document)
        except etree.XMLSchemaParseError:
            return None


def _local_schema(path: Path, seen: set[Path]) -> etree._ElementTree | None:
    """``path`` parsed safely, or ``None`` unless every schema it refers to is a local file."""
    tree = etree.parse(str(path), safe_parser())
    seen.add(path)
    for reference in tree.getroot().iter(*_REFERENCES):
        location = reference.get("schemaLocation")
        if location is None:
            if reference.get("namespace") == XML_NS:
                reference.set("schemaLocation", schema_path("xml-namespace.xsd").as_uri())
                continue
            return None
        parsed = urlparse(location)
        if parsed.scheme not in ("", "file") or parsed.netloc:
            return None
        target = (path.parent / unquote(parsed.path)).resolve()
        if not target.is_file():
            return None
        if target not in seen and _local_schema(target, seen) is None:
            return None
    return tree


def is_valid(source: Source, path: Path) -> bool | None:
    """libxml2's verdict on ``source``; ``None`` when it cannot judge this schema."""
    schema = compiled_xsd(path)
    if schema is None:
        return None
    with _lock:
        return bool(schema.validate(source.tree))


def libxml_messages(source: Source, path: Path) -> list[tuple[int, str]]:
    """libxml2's own (line, message) list for ``source``: for the rare document it refuses and
    xmlschema accepts."""
    schema = compiled_xsd(path)
    if schema is None:
        return []
    with _lock:
        schema.validate(source.tree)
        return [(entry.line, entry.message) for entry in schema.error_log]
