"""ISO Schematron without Java: compile the schema to XSLT 3.0, run it in Saxon (saxonche).

The compiler handles the parts of ISO Schematron that rule files commonly use: ``ns``, ``let``
(schema, pattern and rule level), ``pattern``/``rule``/``assert``/``report`` with ``@id``,
``@role`` and ``@flag``, and messages with ``value-of`` and ``name``. As the standard says, a node
is checked only by the first rule of a pattern whose context it matches. Abstract patterns and
rules, ``extends``, ``phase`` and ``diagnostics`` are refused with a clear message.

The compiled stylesheet writes SVRL; each ``failed-assert`` or ``successful-report`` carries the
XPath ``path()`` of the node, which :func:`validate_schematron` maps back to the element in the
parsed document, hence to its line and column in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker
from saxonche import PySaxonProcessor, PyXsltExecutable

from teikit.cache import computed_once
from teikit.errors import InputError
from teikit.validate.report import Problem, Severity
from teikit.validate.source import Source
from teikit.xmlio import SAXON_LOCK, safe_parser, saxon_document_of, saxon_processor

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XSL_NS = "http://www.w3.org/1999/XSL/Transform"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
_SCH = f"{{{SCH_NS}}}"
_SVRL = f"{{{SVRL_NS}}}"

_WARNING_ROLES = {"warning", "warn", "info", "information", "information-only"}
_UNSUPPORTED = ("phase", "diagnostics", "extends", "include", "param")

_lock = SAXON_LOCK


@dataclass(frozen=True)
class Finding:
    """One SVRL result: which rule, how severe, what it says, and the node's ``path()``."""

    rule: str
    severity: Severity
    message: str
    location: str


# ------------------------------------------------------------------------- compiling

def compile_schematron(schema: etree._ElementTree, name: str = "<schematron>") -> bytes:
    """Translate an ISO Schematron document into an XSLT 3.0 stylesheet (serialised)."""
    root = schema.getroot()
    if root.tag != f"{_SCH}schema":
        raise InputError(f"{name}: not an ISO Schematron schema (root is not sch:schema)")
    binding = (root.get("queryBinding") or "xslt3").lower()
    if binding not in {"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}:
        raise InputError(f"{name}: queryBinding {binding!r} is not supported; use xslt3")
    for unsupported in _UNSUPPORTED:
        if root.find(f".//{_SCH}{unsupported}") is not None:
            raise InputError(f"{name}: Schematron <{unsupported}> is not supported by teikit")
    if root.find(f".//{_SCH}*[@abstract='true']") is not None:
        raise InputError(f"{name}: abstract Schematron patterns and rules are not supported")

    namespaces = {ns.get("prefix"): ns.get("uri") for ns in root.iter(f"{_SCH}ns")}
    nsmap = {"xsl": XSL_NS, "svrl": SVRL_NS, "xs": "http://www.w3.org/2001/XMLSchema",
             **{prefix: uri for prefix, uri in namespaces.items() if prefix and uri}}
    xsl = ElementMaker(namespace=XSL_NS, nsmap=nsmap)
    svrl = ElementMaker(namespace=SVRL_NS, nsmap=nsmap)

    stylesheet = xsl.stylesheet(version="3.0")
    stylesheet.append(xsl.output(method="xml", indent="no"))
    for let in root.findall(f"{_SCH}let"):
        stylesheet.append(_variable(xsl, let, "param"))

    patterns = root.findall(f"{_SCH}pattern")
    start = xsl.template(match="/")
    output = svrl("schematron-output")
    start.append(output)
    for index, pattern in enumerate(patterns):
        mode = f"pattern-{index}"
        output.append(svrl("active-pattern", id=pattern.get("id") or mode))
        pattern_lets = pattern.findall(f"{_SCH}let")
        rules = pattern.findall(f"{_SCH}rule")
        contexts = [rule.get("context") or "" for rule in rules]
        if not all(contexts):
            raise InputError(f"{name}: a <rule> in pattern {mode} has no @context")
        # the nodes a rule may match, found by path (:func:`_selection`), each then given to
        # its first rule (the templates' priorities); the walk over every node of the
        # document for each pattern
        # is kept for contexts whose meaning would change as a path ("." or current())
        selected = all(_selectable(context) for context in contexts)
        if selected:
            output.append(xsl("apply-templates", mode=mode, select=_selection(contexts)))
            stylesheet.append(xsl.mode(name=mode, **{"on-no-match": "deep-skip"}))
        else:
            output.append(xsl("apply-templates", select="/", mode=mode))
            stylesheet.append(xsl.mode(name=mode, **{"on-no-match": "shallow-skip"}))
        for position, (rule, context) in enumerate(zip(rules, contexts, strict=True)):
            template = xsl.template(match=context, mode=mode, priority=str(len(rules) - position))
            for let in [*pattern_lets, *rule.findall(f"{_SCH}let")]:
                template.append(_variable(xsl, let, "variable"))
            for check in rule:
                if check.tag in (f"{_SCH}assert", f"{_SCH}report"):
                    template.append(_check(xsl, svrl, check, name))
            if not selected:
                template.append(xsl("apply-templates", select="@*|node()", mode="#current"))
            stylesheet.append(template)
    stylesheet.append(start)
    return etree.tostring(stylesheet, xml_declaration=True, encoding="UTF-8")


def _selection(contexts: list[str]) -> str:
    """The path that finds every node the rules' ``contexts`` may match: ``//(context)`` for
    each, except that the contexts made of attributes alone are found in one walk together
    (``//(@ref | @who)``): attributes have no index, so each ``//`` of them walks every
    node (elements of a name Saxon finds quicker apart, measured)."""
    attributes = [c for c in contexts if all(a.startswith("@") for a in _union(c))]
    paths = [f"//({c})" for c in contexts if c not in attributes]
    if attributes:
        paths.append("//(" + " | ".join(attributes) + ")")
    return " | ".join(paths)


def _union(context: str) -> list[str]:
    """The alternatives of a union at the top of ``context`` (``a | b[@x = '|']``: two)."""
    parts, depth, quote, start = [], 0, "", 0
    for index, character in enumerate(context):
        if quote:
            quote = "" if character == quote else quote
        elif character in "'\"":
            quote = character
        elif character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == "|" and depth == 0:
            parts.append(context[start:index].strip())
            start = index + 1
    parts.append(context[start:].strip())
    return [part for part in parts if part]


def _selectable(context: str) -> bool:
    """Whether ``//(context)`` selects exactly the nodes the pattern ``context`` matches: not
    when the pattern speaks of the node itself (``.``) or of ``current()``, which a path reads
    differently."""
    stripped = context.strip()
    return not stripped.startswith(".") and "current()" not in stripped


def _variable(xsl: ElementMaker, let: etree._Element, kind: str) -> etree._Element:
    if let.get("value") is None:
        raise InputError("a Schematron <let> without @value is not supported")
    return xsl(kind, name=let.get("name", ""), select=let.get("value", ""))


def _check(xsl: ElementMaker, svrl: ElementMaker, check: etree._Element,
           name: str) -> etree._Element:
    test = check.get("test")
    if not test:
        raise InputError(f"{name}: an <{etree.QName(check).localname}> has no @test")
    is_assert = check.tag == f"{_SCH}assert"
    result = svrl("failed-assert" if is_assert else "successful-report", test=test)
    result.append(xsl.attribute(name="location", select="path()"))
    for attribute in ("id", "role", "flag"):
        if check.get(attribute):
            result.set(attribute, check.get(attribute, ""))
    text = svrl.text()
    _copy_message(xsl, check, text)
    result.append(text)
    return xsl("if", result, test=f"not({test})" if is_assert else test)


def _copy_message(xsl: ElementMaker, source: etree._Element, target: etree._Element) -> None:
    if source.text:
        target.append(xsl.text(source.text))
    for child in source:
        if child.tag == f"{_SCH}value-of":
            target.append(xsl("value-of", select=child.get("select", ".")))
        elif child.tag == f"{_SCH}name":
            target.append(xsl("value-of", select=f"name({child.get('path', '.')})"))
        elif isinstance(child.tag, str):
            _copy_message(xsl, child, target)  # emph, dir, span: keep their text
        if child.tail:
            target.append(xsl.text(child.tail))


# ------------------------------------------------------------------------- running

def _processor() -> PySaxonProcessor:
    return saxon_processor()


@computed_once
def _compiled(path: Path, mtime_ns: int) -> PyXsltExecutable:
    stylesheet, from_cache = _stylesheet(path)
    if from_cache:
        try:
            return _compile(stylesheet)
        except Exception:  # a damaged cache entry: translate the rules again
            stylesheet = _translate(path)
    try:
        return _compile(stylesheet)
    except Exception as error:  # saxonche's PySaxonApiError
        detail = " ".join(str(error).split())[:300]
        raise InputError(f"{path}: the Schematron rules do not compile: {detail}") from None


def _compile(stylesheet: bytes) -> PyXsltExecutable:
    with _lock:
        compiler = _processor().new_xslt30_processor()
        return compiler.compile_stylesheet(stylesheet_text=stylesheet.decode("utf-8"))


def _stylesheet(path: Path) -> tuple[bytes, bool]:
    """The XSLT of the rules at ``path``, and whether it came from the user's cache.

    The translation is kept between runs (:mod:`teikit.cache`), keyed by the SHA-256 of the
    rules and of this compiler's own source, so an edit to either translates again.
    """
    from teikit import cache

    try:
        key = cache.digest("schematron-xslt/1", path.read_bytes(), Path(__file__).read_bytes())
    except OSError:
        raise InputError(f"{path}: Schematron file not found") from None
    cached = cache.read_entry("schematron", key, ".xsl")
    if cached is not None and cached.startswith(b"<?xml") and b"</xsl:stylesheet>" in cached:
        return cached, True
    stylesheet = _translate(path)
    cache.write_entry("schematron", key, ".xsl", stylesheet)
    return stylesheet, False


def _translate(path: Path) -> bytes:
    from teikit.xmlio import parse_xml_file

    return compile_schematron(parse_xml_file(path), str(path))


def compiled_schematron(path: Path) -> PyXsltExecutable:
    """The XSLT for the Schematron file at ``path``, compiled once per process (and per edit)."""
    path = Path(path).resolve()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        raise InputError(f"{path}: Schematron file not found") from None
    return _compiled(path, mtime)


def run_schematron(source: Source, schema_path: Path) -> list[Finding]:
    executable = compiled_schematron(schema_path)
    # Saxon reads no DOCTYPE, so nothing for it to fetch (teikit.xmlio.saxon_document_of);
    # only the document's bytes, never its tree: this may run beside a check of the tree
    document = saxon_document_of(source.data, source.tree, source.name)
    with _lock:
        try:
            svrl = executable.transform_to_string(xdm_node=document)
        except Exception as error:  # a dynamic error in a rule's XPath
            detail = " ".join(str(error).split())[:300]
            raise InputError(f"{schema_path}: the Schematron rules failed on "
                             f"{source.name}: {detail}") from None
    if not svrl:
        return []
    report = etree.fromstring(svrl.encode("utf-8"), safe_parser())
    findings = []
    for result in report:
        if result.tag not in (f"{_SVRL}failed-assert", f"{_SVRL}successful-report"):
            continue
        role = (result.get("role") or "").lower()
        severity: Severity = "warning" if role in _WARNING_ROLES else "error"
        message = " ".join("".join(result.itertext()).split())
        rule = result.get("id") or result.get("test", "")
        findings.append(Finding(rule, severity, message, result.get("location", "")))
    return findings


def validate_schematron(source: Source, schema_path: Path,
                        findings: list[Finding] | None = None) -> list[Problem]:
    """Run the rules in ``schema_path`` on ``source`` (or take their ``findings``, from
    :func:`run_schematron`); each problem at its element's position."""
    problems = []
    found = run_schematron(source, schema_path) if findings is None else findings
    for finding in found:
        element = element_at(source.root, finding.location)
        line, column = source.position(element)
        problems.append(Problem(source.name, line, column, finding.severity, finding.message,
                                f"sch:{finding.rule}", xpath=source.xpath(element)))
    return problems


_STEP = re.compile(
    r"/(?:(?P<attr>@)?(?:Q\{(?P<uri>[^}]*)\})?(?P<name>[\w.\-]+|\*)(?:\[(?P<pos>\d+)\])?"
    r"|(?P<kind>text|comment|processing-instruction)\([^)]*\)(?:\[\d+\])?)"
)


def element_at(root: etree._Element, location: str) -> etree._Element | None:
    """The element a ``path()`` location designates (an attribute's or text's parent element)."""
    current: etree._Element | None = None
    for match in _STEP.finditer(location):
        if match["attr"] or match["kind"]:
            break
        tag = f"{{{match['uri']}}}{match['name']}" if match["uri"] else match["name"]
        position = int(match["pos"] or 1)
        if current is None:
            if root.tag != tag:
                return None
            current = root
            continue
        same = [child for child in current if child.tag == tag]
        if position > len(same):
            return current
        current = same[position - 1]
    return current
