"""Compile a TEI ODD customisation into a RELAX NG grammar by pruning ``tei_all.rng``.

Only the constructs that select from or narrow TEI P5 are compiled; each of them is a change to
a copy of the official grammar (lxml, no network, no TEI Stylesheets):

- ``moduleRef/@key`` (all elements of the module, or ``@include`` / ``@except``),
  ``elementRef/@key``: the elements kept; every other element's definition becomes
  ``notAllowed``;
- ``elementSpec[@mode='delete']``: the element is removed;
- ``constraintSpec[@scheme='schematron']`` (in ``schemaSpec`` or in an ``elementSpec``): its
  rules, asserts and reports become a Schematron schema checked beside the grammar, each check
  named by the constraintSpec's ``@ident``;
- ``elementSpec[@mode='change']/attList/attDef[@mode='delete']``: the attribute is removed from
  that element (inherited attributes are first copied into the element);
- ``attDef[@mode='change' or 'replace']/valList[@type='closed']``: the attribute takes only the
  listed values (a space-separated list when the TEI datatype is a list).

Anything else (new elements, content models, classSpec, macroSpec, ``@source``,
external modules, …) raises :class:`OddError` naming the construct and its line, so a schema
is never silently different from what the ODD says.

``tei_all.rng`` says nothing about modules, so the module of each element comes from the
Guidelines chapter its documentation cites, with :data:`MODULE_OF` for the elements whose first
cited chapter is not their module's.
"""

from __future__ import annotations

import copy
import hashlib
import re
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, OddError
from teikit.xmlio import parse_xml_file

TEI_NS = "http://www.tei-c.org/ns/1.0"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
ANNOTATION_NS = "http://relaxng.org/ns/compatibility/annotations/1.0"
_R = f"{{{RNG_NS}}}"
_T = f"{{{TEI_NS}}}"
_S = f"{{{SCH_NS}}}"


# Guidelines chapter (TEI P5 4.x numbering) → module
CHAPTER_MODULE: dict[int, str] = {
    1: "tagdocs", 2: "header", 3: "core", 4: "textstructure", 5: "gaiji", 6: "verse",
    7: "drama", 8: "spoken", 9: "cmc", 10: "dictionaries", 11: "msdescription", 12: "transcr",
    13: "textcrit", 14: "namesdates", 15: "figures", 16: "corpus", 17: "linking",
    18: "analysis", 19: "iso-fs", 20: "nets", 22: "certainty", 23: "tagdocs",
}

# elements whose documentation cites another chapter first, or none
MODULE_OF: dict[str, str] = {
    **dict.fromkeys(("desc", "unclear", "rs", "measureGrp", "head", "teiCorpus"), "core"),
    **dict.fromkeys(("idno", "biblFull", "citeStructure", "citeData", "prefixDef",
                     "listPrefixDef", "catDesc", "geoDecl", "handNote", "scriptNote"), "header"),
    "TEI": "textstructure", "mapping": "gaiji", "metDecl": "verse", "metSym": "verse",
    "castGroup": "drama", "gramGrp": "dictionaries",
    **dict.fromkeys(("depth", "decoDesc", "bindingDesc", "sealDesc"), "msdescription"),
    **dict.fromkeys(("zone", "path", "addSpan", "handNotes"), "transcr"),
    **dict.fromkeys(("affiliation", "birth", "death", "education", "langKnowledge", "langKnown",
                     "listPlace", "nationality", "occupation", "personGrp", "residence",
                     "socecStatus"), "namesdates"),
    **dict.fromkeys(("anchor", "joinGrp", "altGrp", "listAnnotation", "annotation"), "linking"),
    **dict.fromkeys(("vRange", "vDefault", "then", "iff", "vMerge", "fLib"), "iso-fs"),
    **dict.fromkeys(("eTree", "triangle", "eLeaf"), "nets"),
    **dict.fromkeys(("egXML", "ident", "schemaSpec", "specGrpRef", "equiv", "altIdent",
                     "modelSequence", "modelGrp", "interleave", "constraintDecl", "attList",
                     "dataFacet", "valDesc", "valList"), "tagdocs"),
}

MODULES = frozenset(CHAPTER_MODULE.values()) | {"tei"}
# children of schemaSpec / elementSpec / attDef that only document
_DOCUMENTATION = {"desc", "gloss", "remarks", "listRef", "exemplum", "note", "p", "equiv"}
_CITED = re.compile(r"\[([^\]]*)\]\s*$")
_CHAPTER = re.compile(r"(?:^|\s)(\d+)\.")

_lock = threading.Lock()
_compiled: dict[tuple[str, str], Path] = {}
_scratch: tempfile.TemporaryDirectory[str] | None = None
_grammars: dict[Path, etree._ElementTree] = {}


def _fail(odd: Path, node: etree._Element, what: str) -> OddError:
    return OddError(f"{odd}:{node.sourceline}: {what}",
                    hint="teikit compiles moduleRef, elementRef, elementSpec delete, and "
                         "attDef delete / closed valList in elementSpec change")


def element_modules(grammar: etree._ElementTree) -> dict[str, str]:
    """Element name → TEI module, for every element ``grammar`` defines."""
    modules = {}
    for define in grammar.getroot().iter(f"{_R}define"):
        element = define.find(f"{_R}element")
        name = define.get("name", "")
        if element is None or element.get("name") != name:
            continue
        module = MODULE_OF.get(name)
        if module is None:
            doc = element.findtext(f"{{{ANNOTATION_NS}}}documentation") or ""
            cited = _CITED.search(doc)
            chapters = _CHAPTER.findall(cited[1]) if cited else []
            module = CHAPTER_MODULE.get(int(chapters[0])) if chapters else None
        if module is not None:
            modules[name] = module
    return modules


def _tei_all_tree(tei_all: Path) -> etree._ElementTree:
    if tei_all not in _grammars:
        _grammars[tei_all] = parse_xml_file(tei_all)
    return _grammars[tei_all]


def compile_odd(odd: Path, tei_all: Path) -> Path:
    """The path of the RELAX NG grammar ``odd`` defines (compiled once per process)."""
    odd = Path(odd)
    data = odd.read_bytes() if odd.is_file() else b""
    if not data:
        raise InputError(f"{odd}: ODD file not found or empty")
    tei_all = Path(tei_all).resolve()
    path = _written_once((hashlib.sha256(data).hexdigest(), str(tei_all)), f"{odd.name}.rng",
                         lambda: build_grammar(odd, tei_all))
    assert path is not None  # a grammar is always built (or an OddError raised)
    return path


def compile_odd_rules(odd: Path) -> Path | None:
    """The path of a Schematron schema holding the ODD's Schematron constraints, or ``None``
    when it has none (written once per process, beside the compiled grammar)."""
    odd = Path(odd)
    return _written_once((hashlib.sha256(odd.read_bytes()).hexdigest(), "rules"),
                         f"{odd.stem}.sch", lambda: build_rules(odd))


def _written_once(key: tuple[str, str], filename: str,
                  build: Callable[[], etree._ElementTree | None]) -> Path | None:
    """What ``build`` makes, written once per process and ``key`` into a private temporary
    folder (jing reads files); ``None`` when it makes nothing."""
    global _scratch
    with _lock:
        if key in _compiled and _compiled[key].is_file():
            return _compiled[key]
        tree = build()
        if tree is None:
            return None
        if _scratch is None:
            _scratch = tempfile.TemporaryDirectory(prefix="teikit-odd-")
        target = Path(_scratch.name) / key[0][:16] / filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
        _compiled[key] = target
        return target


def build_rules(odd: Path) -> etree._ElementTree | None:
    """The ODD's Schematron constraints as one ISO Schematron schema (``None`` if it has none):
    one pattern per check, schema-level ``let`` and ``ns`` kept, the ``tei`` prefix declared."""
    tree = parse_xml_file(odd)
    schema = etree.Element(f"{_S}schema", nsmap={"sch": SCH_NS}, queryBinding="xslt3")
    etree.SubElement(schema, f"{_S}ns", prefix="tei", uri=TEI_NS)
    patterns = []
    for spec in tree.getroot().iter(f"{_T}constraintSpec"):
        owner = spec.getparent()
        element = (owner.get("ident") if owner is not None
                   and etree.QName(owner).localname == "elementSpec" else None)
        for check in _constraint_checks(odd, spec, element):
            if etree.QName(check).localname in ("ns", "let"):
                if not any(etree.tostring(check) == etree.tostring(old) for old in schema):
                    schema.append(check)
            else:
                patterns.append(check)
    if not patterns:
        return None
    schema.extend(patterns)
    return etree.ElementTree(schema)


def _constraint_checks(odd: Path, spec: etree._Element,
                       element: str | None) -> list[etree._Element]:
    """A constraintSpec's Schematron as schema parts: patterns (a bare rule gets a pattern of
    its own; a bare assert or report gets a rule on its ``element``), ``ns`` and ``let``."""
    if spec.get("scheme", "schematron") not in ("schematron", "isoschematron"):
        raise _fail(odd, spec, f"<constraintSpec scheme='{spec.get('scheme')}'> is not "
                               "supported (only Schematron constraints are)")
    ident = spec.get("ident", "")
    parts: list[etree._Element] = []
    for constraint in spec.iterchildren(f"{_T}constraint"):
        for node in constraint.iterchildren(etree.Element):
            if etree.QName(node).namespace != SCH_NS:
                raise _fail(odd, node, f"<{node.tag}> in constraintSpec '{ident}' is not "
                                       "Schematron")
            node = copy.deepcopy(node)
            local = etree.QName(node).localname
            for check in node.iter(f"{_S}assert", f"{_S}report"):
                check.set("id", check.get("id") or ident)
            if local in ("assert", "report"):
                if element is None:
                    raise _fail(odd, node, f"<sch:{local}> in constraintSpec '{ident}' has no "
                                           "context: put it in a rule or an elementSpec")
                node = _wrap(f"{_S}rule", node, context=f"tei:{element}")
                local = "rule"
            if local == "rule":
                node = _wrap(f"{_S}pattern", node, id=ident)
            elif local not in ("pattern", "ns", "let"):
                raise _fail(odd, node, f"<sch:{local}> in constraintSpec '{ident}' is not "
                                       "supported")
            parts.append(node)
    return parts


def _wrap(tag: str, child: etree._Element, **attributes: str) -> etree._Element:
    wrapper = etree.Element(tag, attributes)
    wrapper.append(child)
    return wrapper


def build_grammar(odd: Path, tei_all: Path) -> etree._ElementTree:
    """The pruned copy of ``tei_all`` that the ODD at ``odd`` describes."""
    tree = parse_xml_file(odd)
    specs = tree.getroot().xpath("//tei:schemaSpec", namespaces={"tei": TEI_NS})
    if len(specs) != 1:
        raise OddError(f"{odd}: an ODD customisation needs exactly one <schemaSpec>, "
                       f"found {len(specs)}")
    spec = specs[0]
    base = _tei_all_tree(tei_all)
    modules = element_modules(base)
    by_module: dict[str, set[str]] = {}
    for name, module in modules.items():
        by_module.setdefault(module, set()).add(name)

    for attribute in ("source", "ns"):
        if spec.get(attribute) and not (attribute == "ns" and spec.get("ns") == TEI_NS):
            raise _fail(odd, spec, f"<schemaSpec @{attribute}> is not supported")

    kept: set[str] = set()
    deleted: set[str] = set()
    changes: list[etree._Element] = []
    for child in spec.iterchildren(etree.Element):
        local = etree.QName(child).localname
        if etree.QName(child).namespace != TEI_NS:
            raise _fail(odd, child, f"<{child.tag}> in schemaSpec is not supported")
        if local in _DOCUMENTATION:
            continue
        if local == "constraintSpec":
            _constraint_checks(odd, child, None)  # refused here when not Schematron
        elif local == "moduleRef":
            kept |= _module_elements(odd, child, by_module)
        elif local == "elementRef":
            name = child.get("key", "")
            if name not in modules:
                raise _fail(odd, child, f"<elementRef key='{name}'>: no such TEI element")
            kept.add(name)
        elif local == "elementSpec":
            mode = child.get("mode", "add")
            name = child.get("ident", "")
            if name not in modules:
                raise _fail(odd, child, f"<elementSpec ident='{name}' mode='{mode}'> defines a "
                                        "new element, which is not supported")
            if mode == "delete":
                deleted.add(name)
            elif mode == "change":
                changes.append(child)
            else:
                raise _fail(odd, child, f"<elementSpec mode='{mode}'> (ident='{name}') is not "
                                        "supported")
        else:
            raise _fail(odd, child, f"<{local}> is not supported")
    kept -= deleted

    grammar = copy.deepcopy(base)
    defines = {d.get("name", ""): d for d in grammar.getroot().iter(f"{_R}define")}
    for name in modules:
        if name not in kept:
            _make_not_allowed(defines[name])
    for change in changes:
        name = change.get("ident", "")
        if name not in kept:
            raise _fail(odd, change, f"<elementSpec ident='{name}' mode='change'>: the element "
                                     "is not selected by any moduleRef or elementRef")
        _apply_change(odd, change, defines, defines[name].find(f"{_R}element"))
    start = spec.get("start")
    roots = start.split() if start else ["TEI", "teiCorpus"]
    for root in roots:
        if root not in modules:
            raise _fail(odd, spec, f"<schemaSpec start='{start}'>: {root} is not a TEI element")
    roots = [r for r in roots if r in kept]
    if not roots:
        raise _fail(odd, spec, "no root element: none of "
                               f"{', '.join(start.split() if start else ['TEI', 'teiCorpus'])}"
                               " is selected")
    start_element = grammar.getroot().find(f"{_R}start")
    for old in list(start_element):
        start_element.remove(old)
    choice = etree.SubElement(start_element, f"{_R}choice")
    for root in roots:
        etree.SubElement(choice, f"{_R}ref", name=root)
    return grammar


def _module_elements(odd: Path, ref: etree._Element,
                     by_module: dict[str, set[str]]) -> set[str]:
    if ref.get("url"):
        raise _fail(odd, ref, "<moduleRef url=…> (an external schema) is not supported")
    key = ref.get("key", "")
    if key not in MODULES:
        raise _fail(odd, ref, f"<moduleRef key='{key}'>: no such TEI module")
    members = by_module.get(key, set())
    include, exclude = ref.get("include"), ref.get("except")
    if include is not None and exclude is not None:
        raise _fail(odd, ref, f"<moduleRef key='{key}'> has both @include and @except")
    named = (include or exclude or "").split()
    strangers = [n for n in named if n not in members]
    if strangers:
        raise _fail(odd, ref, f"<moduleRef key='{key}'>: not in module {key}: "
                              f"{', '.join(strangers)}")
    if include is not None:
        return set(named)
    return members - set(named)


def _make_not_allowed(define: etree._Element) -> None:
    for child in list(define):
        define.remove(child)
    etree.SubElement(define, f"{_R}notAllowed")


def _apply_change(odd: Path, change: etree._Element, defines: dict[str, etree._Element],
                  element: etree._Element) -> None:
    name = change.get("ident", "")
    for part in change.iterchildren(etree.Element):
        local = etree.QName(part).localname
        if local in _DOCUMENTATION:
            continue
        if local == "constraintSpec":
            _constraint_checks(odd, part, name)
            continue
        if local != "attList":
            raise _fail(odd, part, f"<{local}> in <elementSpec ident='{name}' mode='change'> "
                                   "is not supported")
        for att_def in part.iterchildren(etree.Element):
            att_local = etree.QName(att_def).localname
            if att_local != "attDef":
                raise _fail(odd, att_def, f"<{att_local}> in attList is not supported")
            _change_attribute(odd, name, att_def, defines, element)


def _inline_attribute_classes(element: etree._Element,
                              defines: dict[str, etree._Element]) -> None:
    """Replace refs to attribute definitions in ``element`` by copies of what they define."""
    while True:
        refs = [r for r in element.iter(f"{_R}ref")
                if r.get("name", "").startswith("att.") and r.getparent() is not None
                and ".attribute" in r.get("name", "")]
        if not refs:
            return
        for ref in refs:
            parent = ref.getparent()
            index = parent.index(ref)
            parent.remove(ref)
            for offset, child in enumerate(defines[ref.get("name", "")].iterchildren(
                    etree.Element)):
                parent.insert(index + offset, copy.deepcopy(child))


def _attributes_named(element: etree._Element, name: str) -> list[etree._Element]:
    return [a for a in element.iter(f"{_R}attribute") if a.get("name") == name]


def _change_attribute(odd: Path, owner: str, att_def: etree._Element,
                      defines: dict[str, etree._Element], element: etree._Element) -> None:
    ident = att_def.get("ident", "")
    mode = att_def.get("mode", "add")
    _inline_attribute_classes(element, defines)
    found = _attributes_named(element, ident)
    if mode not in ("delete", "change", "replace") or not found:
        what = "adds a new attribute" if not found else f"mode='{mode}'"
        raise _fail(odd, att_def, f"<attDef ident='{ident}' mode='{mode}'> on {owner} {what}, "
                                  "which is not supported")
    if mode == "delete":
        for attribute in found:
            _remove_pattern(attribute)
        return
    val_lists = [c for c in att_def.iterchildren(etree.Element)
                 if etree.QName(c).localname not in _DOCUMENTATION]
    if len(val_lists) != 1 or etree.QName(val_lists[0]).localname != "valList" \
            or val_lists[0].get("type") != "closed":
        what = etree.QName(val_lists[0]).localname if val_lists else "nothing"
        if val_lists and etree.QName(val_lists[0]).localname == "valList":
            what = f"valList type='{val_lists[0].get('type', 'open')}'"
        raise _fail(odd, val_lists[0] if val_lists else att_def,
                    f"<attDef ident='{ident}' mode='{mode}'> on {owner} changes {what}; only a "
                    "closed valList is supported")
    values = [str(v) for v in val_lists[0].xpath("tei:valItem/@ident",
                                                  namespaces={"tei": TEI_NS})]
    if not values:
        raise _fail(odd, val_lists[0], f"<valList> for @{ident} on {owner} has no valItem")
    for attribute in found:
        is_list = attribute.find(f".//{_R}list") is not None
        for child in list(attribute):
            if child.tag != f"{{{ANNOTATION_NS}}}documentation":
                attribute.remove(child)
        choice = etree.Element(f"{_R}choice")
        for value in values:
            etree.SubElement(choice, f"{_R}value").text = value
        if is_list:
            wrapper = etree.SubElement(attribute, f"{_R}list")
            etree.SubElement(wrapper, f"{_R}oneOrMore").append(choice)
        else:
            attribute.append(choice)


def _remove_pattern(attribute: etree._Element) -> None:
    """Remove ``attribute``; an ``optional`` left empty goes too, a required one becomes empty."""
    node = attribute
    parent = node.getparent()
    while parent is not None and parent.tag == f"{_R}optional" and \
            len([c for c in parent if isinstance(c.tag, str)]) == 1:
        node, parent = parent, parent.getparent()
    if parent is None:
        return
    parent.replace(node, etree.Element(f"{_R}empty"))

