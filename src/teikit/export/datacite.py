"""DataCite metadata (the JSON of the DataCite REST API, schema 4.5) and Zenodo's
``.zenodo.json`` for the edition as a whole."""

from __future__ import annotations

from typing import Any

from teikit.export.metadata import Agent, TextMetadata
from teikit.register import EntityKind
from teikit.register.authority import authority_of_uri

SCHEMA_VERSION = "http://datacite.org/schema/kernel-4"


def _name_identifiers(agent: Agent) -> list[dict[str, str]]:
    found = []
    for uri in agent.uris:
        known = authority_of_uri(uri)
        scheme = known[0].label if known else "URI"
        found.append({"nameIdentifier": uri, "nameIdentifierScheme": scheme})
    return found


def _person(agent: Agent) -> dict[str, Any]:
    person: dict[str, Any] = {"name": agent.name,
                              "nameType": "Personal" if agent.is_person else "Organizational"}
    if agent.is_person and " " in agent.name:
        given, family = agent.name.rsplit(" ", 1)
        person["givenName"], person["familyName"] = given, family
    identifiers = _name_identifiers(agent)
    if identifiers:
        person["nameIdentifiers"] = identifiers
    return person


def datacite(meta: TextMetadata) -> dict[str, Any]:
    """DataCite attributes for one text: a ``Text`` with its creators, dates and rights."""
    titles: list[dict[str, str]] = [{"title": meta.title}]
    if meta.subtitle:
        titles.append({"title": meta.subtitle, "titleType": "Subtitle"})
    creators = [_person(a) for a in meta.authors] or [
        {"name": meta.publisher or "Unknown", "nameType": "Organizational"}]
    contributors = []
    for agent in meta.contributors:
        contributor = _person(agent)
        contributor["contributorType"] = "Other"
        contributors.append(contributor)
    dates = []
    if meta.created:
        dates.append({"date": meta.created, "dateType": "Created"})
    if meta.first_published:
        dates.append({"date": meta.first_published, "dateType": "Issued",
                      "dateInformation": "first publication of the text"})
    if meta.published:
        dates.append({"date": meta.published, "dateType": "Available",
                      "dateInformation": "this digital edition"})
    subjects = [{"subject": name} for kind in (EntityKind.PERSON, EntityKind.ORG,
                                                 EntityKind.PLACE)
                for name in meta.entries_of(kind)]
    record: dict[str, Any] = {
        "types": {"resourceTypeGeneral": "Text", "resourceType": "TEI edition"},
        "creators": creators,
        "titles": titles,
        "publisher": {"name": meta.publisher or "Unknown"},
        "publicationYear": meta.year or "0000",
        "schemaVersion": SCHEMA_VERSION,
        "formats": ["application/tei+xml"],
    }
    if meta.languages:
        record["language"] = meta.languages[0]
    if contributors:
        record["contributors"] = contributors
    if dates:
        record["dates"] = dates
    if subjects:
        record["subjects"] = subjects
    rights = [{"rights": licence.text, **({"rightsUri": licence.url} if licence.url else {})}
              for licence in meta.licences if licence.text]
    if rights:
        record["rightsList"] = rights
    if meta.identifier:
        record["alternateIdentifiers"] = [{"alternateIdentifier": meta.identifier,
                                           "alternateIdentifierType": "Local"}]
    if meta.source:
        record["relatedItems"] = [{"relationType": "IsDerivedFrom", "relatedItemType": "Text",
                                   "titles": [{"title": meta.source}]}]
    return record


def zenodo(texts: list[TextMetadata], title: str, publisher: str) -> dict[str, Any]:
    """``.zenodo.json`` for a deposit of the whole edition."""
    creators: dict[str, dict[str, str]] = {}
    for meta in texts:
        for agent in meta.authors:
            creators.setdefault(agent.name, {"name": agent.name})
    licences = [licence for meta in texts for licence in meta.licences if licence.url]
    record: dict[str, Any] = {
        "title": title,
        "upload_type": "publication",
        "publication_type": "other",
        "description": "A TEI P5 edition of " + "; ".join(
            f"{m.title}{': ' + m.subtitle if m.subtitle else ''}" for m in texts) + ".",
        "creators": list(creators.values()) or [{"name": publisher or "Unknown"}],
        "keywords": ["TEI", "scholarly edition"],
    }
    if licences:
        record["license"] = licence_id(licences[0].url)
    return record


def licence_id(url: str) -> str:
    """Zenodo's licence id for a Creative Commons URL ("cc-by-sa-4.0"); other URLs as they are."""
    parts = [p for p in url.split("/") if p]
    if "creativecommons.org" in url and "licenses" in parts:
        at = parts.index("licenses")
        return "cc-" + "-".join(parts[at + 1:at + 3])
    if "creativecommons.org" in url and "publicdomain" in parts:
        return "cc0-1.0"
    return url
