"""Simple Dublin Core (``oai_dc``), the record every OAI-PMH repository harvests."""

from __future__ import annotations

from lxml import etree

from teikit.export.metadata import TextMetadata
from teikit.register import EntityKind

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
TEI_MEDIA_TYPE = "application/tei+xml"


def dublin_core_fields(meta: TextMetadata) -> list[tuple[str, str]]:
    """The Dublin Core elements of one text as (element, value) pairs, in record order: the one
    mapping from TEI to Dublin Core, for the ``oai_dc`` record and the reading page's head."""
    fields: list[tuple[str, str]] = []

    def add(name: str, value: str) -> None:
        if value:
            fields.append((name, value))

    add("title", f"{meta.title}: {meta.subtitle}" if meta.subtitle else meta.title)
    for author in meta.authors:
        add("creator", author.name)
    for contributor in meta.contributors:
        add("contributor", contributor.name)
    for person in meta.entries_of(EntityKind.PERSON):
        add("subject", person)
    for org in meta.entries_of(EntityKind.ORG):
        add("subject", org)
    for place in meta.entries_of(EntityKind.PLACE):
        add("coverage", place)
    add("publisher", meta.publisher)
    add("date", meta.created or meta.first_published)
    add("date", meta.published)
    add("type", "Text")
    add("format", TEI_MEDIA_TYPE)
    for identifier in dict.fromkeys((meta.identifier, *meta.persistent_ids)):
        add("identifier", identifier)
    add("source", meta.source)
    for language in meta.languages:
        add("language", language)
    for licence in meta.licences:
        add("rights", licence.url or licence.text)
    return fields


def dublin_core(meta: TextMetadata) -> etree._ElementTree:
    """An ``oai_dc:dc`` record for one text."""
    root = etree.Element(f"{{{OAI_DC}}}dc", nsmap={"oai_dc": OAI_DC, "dc": DC, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    for name, value in dublin_core_fields(meta):
        etree.SubElement(root, f"{{{DC}}}{name}").text = value
    return etree.ElementTree(root)
