"""Authority files: one table of the schemes an ``idno`` or ``@ref`` may name, and their URIs.

A register entry may give an authority id in its short form (``<idno type="wikidata">Q1394``)
or as a URI; archives and linked-data tools want the URI (``https://www.wikidata.org/entity/
Q1394``), editors like the short form. Both are read here, and both are written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Authority:
    scheme: str          # the idno/@type an editor writes
    label: str           # how a reader names it
    uri_prefix: str      # the URI of an id is this prefix + the id
    pattern: str         # a valid short id
    uri_patterns: tuple[str, ...]  # URIs (any of these prefixes) that name an id of the scheme


AUTHORITIES: tuple[Authority, ...] = (
    Authority("wikidata", "Wikidata", "https://www.wikidata.org/entity/", r"Q\d+",
              ("https://www.wikidata.org/entity/", "http://www.wikidata.org/entity/",
               "https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/")),
    Authority("gnd", "GND", "https://d-nb.info/gnd/", r"[0-9X-]+",
              ("https://d-nb.info/gnd/", "http://d-nb.info/gnd/")),
    Authority("viaf", "VIAF", "https://viaf.org/viaf/", r"\d+",
              ("https://viaf.org/viaf/", "http://viaf.org/viaf/")),
    Authority("geonames", "GeoNames", "https://www.geonames.org/", r"\d+",
              ("https://www.geonames.org/", "http://www.geonames.org/",
               "https://sws.geonames.org/", "http://sws.geonames.org/")),
    Authority("loc", "Library of Congress", "https://id.loc.gov/authorities/names/",
              r"n[a-z]?\d+", ("https://id.loc.gov/authorities/names/",
                              "http://id.loc.gov/authorities/names/")),
)
BY_SCHEME = {authority.scheme: authority for authority in AUTHORITIES}


def authority_of_uri(uri: str) -> tuple[Authority, str] | None:
    """The scheme and short id a URI names, or None for a URI of no known authority."""
    for authority in AUTHORITIES:
        for prefix in authority.uri_patterns:
            if uri.startswith(prefix):
                short = uri[len(prefix):].strip("/").split("/")[0]
                if re.fullmatch(authority.pattern, short):
                    return authority, short
    return None


def uri_of(scheme: str, value: str) -> str | None:
    """The URI for an ``idno`` of ``scheme`` holding ``value`` (already a URI: kept as is)."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return value
    authority = BY_SCHEME.get(scheme.lower())
    if authority is None or not re.fullmatch(authority.pattern, value):
        return None
    return authority.uri_prefix + value
