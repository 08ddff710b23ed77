"""A compact way to build TEI elements with lxml: ``el("title", "Pravda", level="j")``."""

from __future__ import annotations

from lxml import etree

from teikit import TEI_NS, XML_NS

Child = "etree._Element | str | None"


def qname(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def local_name(element: etree._Element) -> str:
    """An element's name without namespace; "" for comments and processing instructions."""
    tag = element.tag
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def attribute_name(name: str) -> str:
    """TEI attribute names: ``xml_id``/``xml:id`` → the XML namespace; ``when_custom`` →
    ``when-custom`` (Python keywords cannot contain hyphens)."""
    if name.startswith(("xml:", "xml_")):
        return f"{{{XML_NS}}}{name[4:]}"
    return name.replace("_", "-")


def el(tag: str, *children: etree._Element | str | None, **attrs: str | None) -> etree._Element:
    """A TEI element with mixed content; ``None`` children and attribute values are skipped."""
    element = etree.Element(qname(tag), nsmap={None: TEI_NS})
    for key, value in attrs.items():
        if value is not None:
            element.set(attribute_name(key), value)
    append(element, *children)
    return element


def append(element: etree._Element, *children: etree._Element | str | None) -> etree._Element:
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            if len(element):
                last = element[-1]
                last.tail = (last.tail or "") + child
            else:
                element.text = (element.text or "") + child
        else:
            element.append(child)
    return element
