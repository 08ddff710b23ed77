"""CMIF, the Correspondence Metadata Interchange Format: one TEI file listing the edition's
letters (sender, addressee, place and date of sending), which correspSearch harvests.

The letters' ``correspDesc`` (written by the converter) is copied with every name and place
pointing at its authority URI — GND, VIAF, Library of Congress or Wikidata for people and
bodies, GeoNames for places — as CMIF requires. A name without such a URI is kept without
``@ref`` and reported, entity by entity, so that the editor can add the id to the register;
nothing invalid is written in its stead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit import TEI_NS
from teikit.export.metadata import read_metadata
from teikit.register.authority import authority_of_uri
from teikit.xmlio import parse_xml_file

NS = {"tei": TEI_NS}
# the authorities correspSearch accepts, by the kind of thing named
PERSON_AUTHORITIES = ("gnd", "viaf", "loc", "wikidata")
PLACE_AUTHORITIES = ("geonames",)
CMIF_LICENCE = "https://creativecommons.org/licenses/by/4.0/"
DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")


@dataclass
class Cmif:
    tree: etree._ElementTree
    letters: int = 0
    missing: list[str] = field(default_factory=list)  # one line per entity without a URI


def _tei(tag: str, parent: etree._Element | None = None, text: str | None = None,
         **attrs: str) -> etree._Element:
    element = (etree.SubElement(parent, f"{{{TEI_NS}}}{tag}") if parent is not None
               else etree.Element(f"{{{TEI_NS}}}{tag}", nsmap={None: TEI_NS}))
    for key, value in attrs.items():
        element.set(key, value)
    if text:
        element.text = text
    return element


def _authority_uri(element: etree._Element, uris_of: dict[str, tuple[str, ...]],
                   accepted: tuple[str, ...]) -> str | None:
    candidates: list[str] = []
    for token in (element.get("ref") or "").split():
        if token.startswith("#"):
            candidates.extend(uris_of.get(token[1:], ()))
        else:
            candidates.append(token)
    for uri in candidates:
        known = authority_of_uri(uri)
        if known and known[0].scheme in accepted:
            return uri
    return None


def _letter(profile: etree._Element, desc: etree._Element, page: str,
            uris_of: dict[str, tuple[str, ...]], result: Cmif, path: Path) -> None:
    """One letter's ``correspDesc`` in the CMIF file: its page (and the letter's anchor on it,
    for one of several letters in a text), the names with their authority URIs, the date."""
    target = desc.get("corresp", "")
    letter = _tei("correspDesc", profile, source="#edition",
                  ref=page + (target if target.startswith("#") else ""))
    for action in desc.findall("tei:correspAction", NS):
        out = _tei("correspAction", letter, type=action.get("type", "sent"))
        for part in action:
            name = etree.QName(part).localname
            text = " ".join("".join(part.itertext()).split())
            if name == "date":
                attrs = {a: part.get(a, "") for a in DATE_ATTRIBUTES if part.get(a)}
                if attrs:
                    _tei("date", out, **attrs)
                continue
            accepted = PLACE_AUTHORITIES if name == "placeName" else PERSON_AUTHORITIES
            uri = _authority_uri(part, uris_of, accepted)
            kind = "persName" if name == "name" else name
            if uri:
                _tei(kind, out, text, ref=uri)
            else:
                _tei(kind, out, text)
                wanted = "GeoNames" if name == "placeName" else "GND, VIAF, LoC or Wikidata"
                result.missing.append(f"{path.name}: {text} ({name}) has no {wanted} URI "
                                      "in the register; written without @ref")
    result.letters += 1


def cmif(tei_files: Iterable[Path], *, title: str, publisher: str, base_url: str,
         file_url: str) -> Cmif:
    """A CMIF file of the letters among ``tei_files`` (texts without correspDesc are skipped)."""
    root = _tei("TEI")
    header = _tei("teiHeader", root)
    file_desc = _tei("fileDesc", header)
    title_stmt = _tei("titleStmt", file_desc)
    _tei("title", title_stmt, title)
    _tei("editor", title_stmt, publisher or "teikit")
    publication = _tei("publicationStmt", file_desc)
    publisher_element = _tei("publisher", publication)
    _tei("ref", publisher_element, publisher or base_url, target=base_url)
    _tei("idno", publication, file_url, type="url")
    availability = _tei("availability", publication)
    _tei("licence", availability, "This file is licensed under the terms of the Creative "
         "Commons License CC-BY 4.0", target=CMIF_LICENCE)
    source_desc = _tei("sourceDesc", file_desc)
    bibl = _tei("bibl", source_desc, f"{title}. ", type="online",
                **{"{http://www.w3.org/XML/1998/namespace}id": "edition"})
    _tei("ref", bibl, base_url, target=base_url)
    profile = _tei("profileDesc", header)
    result = Cmif(etree.ElementTree(root))
    for path in tei_files:
        tree = parse_xml_file(path)
        descs = tree.getroot().findall("tei:teiHeader/tei:profileDesc/tei:correspDesc", NS)
        if not descs:
            continue
        meta = read_metadata(tree, path.stem)
        uris_of = {entry_id: entry.authority_uris()
                   for entry_id, entry in meta.register.entries.items()}
        for desc in descs:
            _letter(profile, desc, f"{base_url.rstrip('/')}/{path.stem}.html", uris_of,
                    result, path)
    text = _tei("text", root)
    body = _tei("body", text)
    _tei("p", body)
    etree.indent(root, space="  ")
    return result
