"""schema.org (JSON-LD) of one text, for the ``<head>`` of its reading page: what search engines
and Google Scholar-like harvesters read, from the same facts as the other metadata formats."""

from __future__ import annotations

from typing import Any

from teikit.export.metadata import Agent, TextMetadata
from teikit.register import EntityKind

# the schema.org type of a register entry that a text mentions
_MENTION_TYPES = {EntityKind.PERSON: "Person", EntityKind.ORG: "Organization",
                  EntityKind.PLACE: "Place", EntityKind.EVENT: "Event"}


def _agent(agent: Agent) -> dict[str, Any]:
    described: dict[str, Any] = {"@type": "Person" if agent.is_person else "Organization",
                                 "name": agent.name}
    if agent.uris:
        described["sameAs"] = list(agent.uris)
    return described


def schema_org(meta: TextMetadata) -> dict[str, Any]:
    """A schema.org ``CreativeWork`` describing the text (JSON-LD, as a dictionary)."""
    work: dict[str, Any] = {"@context": "https://schema.org", "@type": "CreativeWork",
                            "name": meta.title, "identifier": meta.identifier}
    if meta.subtitle:
        work["alternativeHeadline"] = meta.subtitle
    if meta.authors:
        work["author"] = [_agent(a) for a in meta.authors]
    if meta.contributors:
        work["contributor"] = [_agent(a) for a in meta.contributors]
    if meta.publisher:
        work["publisher"] = {"@type": "Organization", "name": meta.publisher}
    if meta.published:
        work["datePublished"] = meta.published
    if meta.created or meta.first_published:
        work["dateCreated"] = meta.created or meta.first_published
    if meta.languages:
        work["inLanguage"] = list(meta.languages)
    licences = [licence.url or licence.text for licence in meta.licences
                if licence.url or licence.text]
    if licences:
        work["license"] = licences[0] if len(licences) == 1 else licences
    if meta.source:
        work["isBasedOn"] = {"@type": "CreativeWork", "name": meta.source}
    mentions = []
    for entry_id in sorted(meta.mentioned, key=lambda key: (-meta.mentioned[key], key)):
        entry = meta.register.get(entry_id)
        if entry is None or entry.kind not in _MENTION_TYPES:
            continue
        mention: dict[str, Any] = {"@type": _MENTION_TYPES[entry.kind], "name": entry.name}
        if entry.authority_uris():
            mention["sameAs"] = list(entry.authority_uris())
        mentions.append(mention)
    if mentions:
        work["mentions"] = mentions
    return work
