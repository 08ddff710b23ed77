"""Write ``schema/edition.odd``: the edition customisation as a TEI ODD, from the XSD and rules.

The ODD is generated rather than hand-kept so that it cannot drift: it lists exactly the
elements of ``edition.xsd`` (as ``moduleRef/@include``), its closed value lists (as
``valList type="closed"``), and every assertion of ``edition.sch`` as a ``constraintSpec`` with
the Schematron rule embedded. Regenerate with ``python -m teikit.validate.odd``.
"""

from __future__ import annotations

import copy
import sys
from collections import defaultdict
from pathlib import Path

from lxml import etree
from lxml.builder import ElementMaker

from teikit.resources import schema_path

TEI_NS = "http://www.tei-c.org/ns/1.0"
XS_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
XML_NS = "http://www.w3.org/XML/1998/namespace"

# TEI P5 module of each element the edition uses
MODULES: dict[str, tuple[str, ...]] = {
    "tei": (),
    "header": ("teiHeader", "fileDesc", "titleStmt", "publicationStmt", "sourceDesc",
               "refsDecl", "citeStructure", "availability", "licence", "idno", "encodingDesc",
               "editorialDecl", "correction",
               "normalization", "quotation", "hyphenation", "segmentation", "interpretation",
               "punctuation", "profileDesc", "creation", "langUsage", "language",
               "calendarDesc", "calendar", "correspDesc", "correspAction", "revisionDesc",
               "change"),
    "core": ("p", "title", "author", "editor", "respStmt", "resp", "name", "publisher",
             "sp", "speaker",
             "pubPlace", "date", "biblScope", "biblStruct", "analytic", "monogr", "imprint",
             "bibl", "listBibl", "note", "gap", "choice", "sic", "corr", "q", "quote",
             "soCalled", "head", "label", "lb", "address", "addrLine", "measure", "divGen",
             "list", "item", "lg", "l", "stage", "pb", "ref"),
    "textstructure": ("TEI", "text", "front", "body", "back", "div", "titlePage",
                      "docAuthor", "docTitle", "titlePart", "opener", "closer", "postscript",
                      "dateline", "salute", "signed", "epigraph"),
    "figures": ("table", "row", "cell"),
    "linking": ("standOff", "ab"),
    "transcr": ("fw",),
    "namesdates": ("persName", "orgName", "placeName", "listPerson", "person", "listOrg", "org",
                   "listPlace", "place", "listEvent", "event", "eventName", "listRelation",
                   "relation"),
}


def xsd_elements(xsd: etree._ElementTree) -> set[str]:
    return set(xsd.xpath("//xs:element/@name", namespaces={"xs": XS_NS}))


def xsd_value_lists(xsd: etree._ElementTree) -> dict[tuple[str, str], list[str]]:
    """(element, attribute) → closed list of values, from enumerated attribute types."""
    ns = {"xs": XS_NS}
    named = {}
    for simple in xsd.xpath("/xs:schema/xs:simpleType[@name]", namespaces=ns):
        values = simple.xpath(".//xs:enumeration/@value", namespaces=ns)
        if values:
            named[f"tei:{simple.get('name')}"] = [str(v) for v in values]
    for simple in xsd.xpath("/xs:schema/xs:simpleType[@name]", namespaces=ns):
        items = simple.xpath(".//xs:list/@itemType", namespaces=ns)
        if items and str(items[0]) in named:  # a list of tokens from a closed list
            named[f"tei:{simple.get('name')}"] = named[str(items[0])]
    types_of_elements: dict[str, set[str]] = defaultdict(set)
    for element in xsd.xpath("//xs:element[@name][@type]", namespaces=ns):
        types_of_elements[element.get("type").removeprefix("tei:")].add(element.get("name"))
    # an element declared with several types (a header title, a register's title) gets the
    # union of their lists; one type leaving the attribute open leaves it open in the ODD
    found: dict[tuple[str, str], list[list[str] | None]] = defaultdict(list)
    for attribute in xsd.xpath("//xs:complexType[@name]//xs:attribute[@name]", namespaces=ns):
        owner = attribute.xpath("ancestor::xs:complexType[@name][1]/@name", namespaces=ns)[0]
        values = named.get(attribute.get("type", ""))
        if values is None:
            values = [str(v) for v in attribute.xpath(".//xs:enumeration/@value",
                                                      namespaces=ns)] or None
        for element in types_of_elements.get(owner, ()):
            found[(element, attribute.get("name"))].append(values)
    lists: dict[tuple[str, str], list[str]] = {}
    for key, choices in found.items():
        if choices and all(values is not None for values in choices):
            lists[key] = list(dict.fromkeys(v for values in choices for v in values or ()))
    return lists


def sch_assertions(sch: etree._ElementTree) -> list[etree._Element]:
    return sch.xpath("//sch:assert[@id] | //sch:report[@id]", namespaces={"sch": SCH_NS})


def build_odd(xsd_path: Path | None = None, sch_path: Path | None = None) -> bytes:
    xsd = etree.parse(str(xsd_path or schema_path("edition.xsd")))
    sch = etree.parse(str(sch_path or schema_path("edition.sch")))
    used = xsd_elements(xsd)
    unknown = used - {e for names in MODULES.values() for e in names}
    if unknown:
        raise ValueError(f"no TEI module known for: {', '.join(sorted(unknown))}")

    tei = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})
    sch_maker = ElementMaker(namespace=SCH_NS, nsmap={"sch": SCH_NS})
    spec = tei.schemaSpec(ident="teikit-edition", start="TEI", prefix="tei_")
    for module, names in MODULES.items():
        include = sorted(n for n in names if n in used)
        if module == "tei":
            spec.append(tei.moduleRef(key="tei"))
        elif include:
            spec.append(tei.moduleRef(key=module, include=" ".join(include)))
    by_element: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for (element, attribute), values in sorted(xsd_value_lists(xsd).items()):
        by_element[element].append((attribute, values))
    for element, attributes in sorted(by_element.items()):
        att_list = tei.attList()
        for attribute, values in attributes:
            att_list.append(tei.attDef(
                tei.valList(*[tei.valItem(ident=v) for v in values], type="closed"),
                ident=attribute, mode="change"))
        spec.append(tei.elementSpec(att_list, ident=element, module=_module_of(element),
                                    mode="change"))
    for assertion in sch_assertions(sch):
        rule = assertion.getparent()
        check = copy.deepcopy(assertion)  # with its value-of and name children
        check.attrib.pop("id", None)  # the constraintSpec's @ident names it
        # schema-level lets the check uses travel with it, since a constraint stands alone
        global_lets = [let for let in sch.getroot().findall(f"{{{SCH_NS}}}let")
                       if f"${let.get('name')}" in assertion.get("test", "")]
        lets = [sch_maker.let(name=let.get("name", ""), value=let.get("value", ""))
                for let in [*global_lets, *rule.findall(f"{{{SCH_NS}}}let")]]
        # and so do the namespace prefixes (besides tei) the check and its lets use
        said = " ".join([assertion.get("test", ""), *(let.get("value", "") for let in lets)])
        prefixes = [sch_maker.ns(prefix=ns.get("prefix", ""), uri=ns.get("uri", ""))
                    for ns in sch.getroot().findall(f"{{{SCH_NS}}}ns")
                    if ns.get("prefix") != "tei" and f"{ns.get('prefix')}:" in said]
        spec.append(tei.constraintSpec(
            tei.desc(" ".join((rule.getparent().findtext(f"{{{SCH_NS}}}title") or "").split())),
            tei.constraint(*prefixes,
                           sch_maker.rule(*lets, check, context=rule.get("context", ""))),
            ident=assertion.get("id", ""), scheme="schematron"))

    document = tei.TEI(
        tei.teiHeader(tei.fileDesc(
            tei.titleStmt(tei.title("teikit edition: the TEI P5 customisation of teikit "
                                    "editions")),
            tei.publicationStmt(tei.p("Generated from schema/edition.xsd and "
                                      "schema/edition.sch by teikit.validate.odd.")),
            tei.sourceDesc(tei.p("docs/encoding.md describes the encoding.")))),
        tei.text(tei.body(
            tei.p("Every document valid against this customisation is valid against tei_all. "
                  "It admits the elements listed below, restricts the attributes listed below "
                  "to closed value lists, and adds the Schematron constraints below."),
            spec)))
    document.set(f"{{{XML_NS}}}lang", "en")
    etree.indent(document, space="  ")
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8") + b"\n"


def _module_of(element: str) -> str:
    return next(module for module, names in MODULES.items() if element in names)


def main() -> None:
    target = schema_path("edition.odd")
    target.write_bytes(build_odd())
    sys.stdout.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
