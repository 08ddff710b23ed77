"""W3C XML Schema validation with ``xmlschema``, reported in plain language.

Used for the project's ``schema/edition.xsd`` and for any ``.xsd`` a user names. Each problem
names the rule it breaks: ``xsd:content:<type>`` (an element in the wrong place or missing),
``xsd:attribute-not-allowed``, ``xsd:attribute-required``, ``xsd:type:<simple type>`` (a value
outside a value list or datatype), ``xsd:id-unique``, ``xsd:root``.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import threading
import warnings
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import xmlschema
from lxml import etree
from xmlschema.validators import (
    XMLSchemaBase,
    XsdAttribute,
    XsdAttributeGroup,
    XsdElement,
    XsdEnumerationFacets,
    XsdSimpleType,
)

from teikit.cache import cache_dir
from teikit.errors import InputError
from teikit.validate.report import Problem
from teikit.validate.source import XML_NS, Source
from teikit.xmlio import write_bytes_atomically

_XSD_ID = "{http://www.w3.org/2001/XMLSchema}ID"

_lock = threading.Lock()


@cache
def load_xsd(path: Path) -> XMLSchemaBase:
    """Load (once per process) the schema at ``path``; a broken schema is an input error.

    The built schema is also kept between runs in the user's cache (see :func:`cache_dir`):
    building ``edition.xsd`` takes ~0.3 s, reading it back ~0.03 s. A cache entry records the
    SHA-256 of every file the schema was built from and is ignored when any of them changed.
    """
    with _lock:
        cached = _read_cache(path)
        if cached is not None:
            return cached
        try:
            # local files only, and its defused parser: no entities, no DTD, no network
            with warnings.catch_warnings():
                warnings.simplefilter("error", xmlschema.XMLSchemaImportWarning)
                warnings.simplefilter("error", xmlschema.XMLSchemaIncludeWarning)
                schema = xmlschema.XMLSchema(str(path), allow="local", defuse="always")
        except (xmlschema.XMLSchemaImportWarning, xmlschema.XMLSchemaIncludeWarning) as error:
            message = str(error).strip().splitlines()[0]
            raise InputError(f"{path}: a schema it includes or imports cannot be read "
                             f"(teikit reads only local files): {message}") from None
        except (xmlschema.XMLSchemaException, OSError, etree.XMLSyntaxError) as error:
            message = str(error).strip().splitlines()[0]
            raise InputError(f"{path}: not a usable W3C XML Schema: {message}") from None
        _write_cache(path, schema)
        return schema




def _cache_file(path: Path) -> Path | None:
    directory = cache_dir()
    if directory is None:
        return None
    key = hashlib.sha256(f"{path}|{xmlschema.__version__}|{sys.version}".encode()).hexdigest()
    return directory / f"xsd-{key[:32]}.pickle"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_cache(path: Path) -> XMLSchemaBase | None:
    entry = _cache_file(path)
    if entry is None or not entry.is_file():
        return None
    try:
        # the cache directory is the user's own (created 0700); see _write_cache
        sources, schema = pickle.loads(entry.read_bytes())
        if all(_digest(Path(source)) == digest for source, digest in sources):
            return schema if isinstance(schema, XMLSchemaBase) else None
    except Exception:  # a stale, truncated or foreign entry: rebuild
        return None
    return None


def _write_cache(path: Path, schema: xmlschema.XMLSchema) -> None:
    entry = _cache_file(path)
    if entry is None:
        return
    try:
        sources = sorted({unquote(urlparse(s.url).path) for s in schema.maps.iter_schemas()
                          if s.url and s.url.startswith("file:")} | {str(path)})
        data = pickle.dumps(([(s, _digest(Path(s))) for s in sources], schema))
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_bytes_atomically(entry, data)
    except Exception:  # the cache is an optimisation: never fail validation over it
        return


def validate_xsd(source: Source, schema_path: Path) -> list[Problem]:
    schema = load_xsd(Path(schema_path).resolve())
    root = source.root
    roots = {element.name for element in schema.elements.values()}
    if root.tag not in roots:
        line, column = source.position(root)
        local = etree.QName(root).localname
        same_name = [name for name in roots if etree.QName(name).localname == local]
        if same_name:
            namespace = etree.QName(same_name[0]).namespace or "no namespace"
            message = (f"the root element <{local}> is not in the namespace {namespace}"
                       f" (add xmlns=\"{namespace}\")")
        else:
            allowed = ", ".join(f"<{_local(name)}>" for name in sorted(roots))
            message = f"the root element <{local}> is not allowed; expected {allowed}"
        return [Problem(source.name, line, column, "error", message, "xsd:root")]
    problems = []
    for error in schema.iter_errors(source.tree, use_location_hints=False):
        problems.append(_problem(source, error))
    return problems


def _problem(source: Source, error: xmlschema.XMLSchemaValidationError) -> Problem:
    element = error.elem if isinstance(error.elem, etree._Element) else None
    message, rule = _explain(error, element)
    target = getattr(error, "invalid_child", None)
    if not isinstance(target, etree._Element):
        target = element
    line, column = source.position(target)
    if not line and error.sourceline:
        line, column = error.sourceline, 1
    return Problem(source.name, line, column, "error", message, rule, xpath=source.xpath(target))


def _explain(error: xmlschema.XMLSchemaValidationError, element: etree._Element | None
             ) -> tuple[str, str]:
    """Message and rule, from the error's class, validator and value (never its English text,
    which only tells apart two attributes that the typed attributes leave equally possible)."""
    where = f"<{_local(element.tag)}>" if element is not None else "the element"
    reason = str(error.reason or error.message or "").strip()
    validator = error.validator
    if isinstance(error, xmlschema.XMLSchemaChildrenValidationError):
        owner = _type_name(validator, element)
        expected = _expected(error)
        if error.invalid_tag is not None:
            child = _local(str(error.invalid_tag))
            message = f"element <{child}> is not allowed here inside {where}"
            if expected:
                message += f"; expected {expected}"
        else:
            message = f"{where} is incomplete"
            message += f"; expected {expected}" if expected else ""
        return message, f"xsd:content:{owner}"
    if isinstance(validator, XsdAttributeGroup):
        given = dict(error.obj) if isinstance(error.obj, Mapping) else {}
        missing = [name for name in validator.iter_required() if name not in given]
        extra = [] if None in validator else [name for name in given if name not in validator]
        name = _the_one_meant(missing + extra, reason)
        if name in missing:
            return f"{where} needs the attribute @{_xml_name(name)}", "xsd:attribute-required"
        return (f"attribute @{_xml_name(name)} is not allowed on {where}",
                "xsd:attribute-not-allowed")
    if _is_id_type(validator) and not isinstance(error, xmlschema.XMLSchemaDecodeError):
        return (f"xml:id {_raw(error.obj)!r} is used more than once; each xml:id must be unique",
                "xsd:id-unique")
    type_name, documentation = _simple_type(validator)
    attribute, value = _attribute_and_value(error, element, reason)
    subject = f"attribute @{_local(attribute)}={value!r} on {where}" if attribute else \
        f"the content of {where}"
    if isinstance(validator, XsdEnumerationFacets):
        expected = ", ".join(map(str, validator.enumeration))
        return f"{subject} is not one of the allowed values: {expected}", f"xsd:type:{type_name}"
    if type_name and documentation:
        expected = documentation[0].lower() + documentation[1:]
        return f"{subject} is not valid: expected {expected}", f"xsd:type:{type_name}"
    if type_name:
        return f"{subject} is not a valid {type_name}", f"xsd:type:{type_name}"
    return f"{where}: {reason}", "xsd:other"


def _the_one_meant(names: list[str], reason: str) -> str:
    """Of the attributes an error may concern, the one it names (the first if it names none)."""
    if not names:
        return "?"
    return next((name for name in names if repr(name) in reason), names[0])


def _is_id_type(validator: Any) -> bool:
    """Is ``validator`` xs:ID or a type derived from it?"""
    node = validator if isinstance(validator, XsdSimpleType) else None
    while node is not None:
        if node.name == _XSD_ID:
            return True
        node = getattr(node, "base_type", None)
    return False


def _raw(value: Any) -> str:
    """An attribute value as written, from what the validator decoded (a list is a token list)."""
    if isinstance(value, list | tuple):
        return " ".join(map(str, value))
    return str(value)


def _attribute_and_value(error: xmlschema.XMLSchemaValidationError,
                         element: etree._Element | None, reason: str) -> tuple[str, str]:
    """The attribute whose value the validator refused (none when it is the element's content)."""
    if element is None or isinstance(error.obj, etree._Element):
        return "", ""
    value = _raw(error.obj)
    holding = [name for name, given in element.attrib.items() if " ".join(given.split()) == value]
    if not holding:   # one item of a token list ("brackets italic")
        holding = [name for name, given in element.attrib.items() if value in given.split()]
    if not holding:
        return "", ""
    name = _the_one_meant(holding, reason)
    return _xml_name(name), value


def _xml_name(name: str) -> str:
    """``{http://www.w3.org/XML/1998/namespace}id`` as ``xml:id``; other names as they are."""
    if name.startswith(f"{{{XML_NS}}}"):
        return "xml:" + name.split("}", 1)[1]
    return _local(name)


def _expected(error: Any) -> str:
    names: list[str] = []
    for particle in error.expected or ():
        name = getattr(particle, "name", None)
        if name and isinstance(particle, XsdElement):
            names.append(f"<{_local(name)}>")
    if not names:
        return ""
    return names[0] if len(names) == 1 else "one of " + ", ".join(dict.fromkeys(names))


def _type_name(validator: Any, element: etree._Element | None) -> str:
    node = validator
    while node is not None:
        name = getattr(node, "name", None)
        if name and not isinstance(node, XsdElement | XsdAttribute):
            return _local(name)
        type_name = getattr(node.type, "name", None) if isinstance(node, XsdElement) else None
        if type_name:
            return _local(type_name)
        node = getattr(node, "parent", None)
    return _local(element.tag) if element is not None else "?"


def _simple_type(validator: Any) -> tuple[str, str]:
    node = validator
    while node is not None:
        name = getattr(node, "name", None)
        if name and not isinstance(node, XsdAttribute | XsdElement):
            documentation = ""
            annotation = getattr(node, "annotation", None)
            if annotation is not None and annotation.documentation:
                documentation = (annotation.documentation[0].text or "").strip().rstrip(".")
            return _local(name), documentation
        node = getattr(node, "parent", None)
    return "", ""


def _local(name: str) -> str:
    if name.startswith("xml:"):
        return name
    return name.split("}", 1)[-1].split(":", 1)[-1] if name.startswith("{") or ":" in name \
        else name
