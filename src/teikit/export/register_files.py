"""The edition's register as files of its own: standalone TEI (every ``@ref`` of the texts
resolves in it), and the same entries as CSV and JSON for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from lxml import etree

from teikit import TEI_NS
from teikit.register import Entry, Register
from teikit.register.authority import AUTHORITIES, authority_of_uri
from teikit.register.entries import build_register

CSV_COLUMNS = ("id", "kind", "name", "full_name", "forms", "note",
               *(a.scheme for a in AUTHORITIES), "mentions")


def _ids_by_scheme(entry: Entry) -> dict[str, str]:
    found: dict[str, str] = {}
    for uri in entry.authority_uris():
        known = authority_of_uri(uri)
        if known:
            found.setdefault(known[0].scheme, uri)
    return found


def entry_record(entry: Entry, mentions: int = 0) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "name": entry.name,
        "full_name": entry.full_name,
        "forms": list(entry.forms),
        "note": entry.note,
        "authority": _ids_by_scheme(entry),
        "uris": list(entry.authority_uris()),
        "related": list(entry.related),
        "mentions": mentions,
    }


def _used(register: Register, mentions: dict[str, int] | None) -> Iterable[Entry]:
    for entry_id in sorted(register.entries):
        if mentions is None or entry_id in mentions:
            yield register.entries[entry_id]


def register_json(register: Register, mentions: dict[str, int] | None = None) -> str:
    records = [entry_record(e, (mentions or {}).get(e.id, 0)) for e in _used(register, mentions)]
    return json.dumps({"entries": records}, ensure_ascii=False, indent=2) + "\n"


def register_csv(register: Register, mentions: dict[str, int] | None = None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in _used(register, mentions):
        record = entry_record(entry, (mentions or {}).get(entry.id, 0))
        row = {key: record[key] for key in ("id", "kind", "name", "full_name", "note",
                                            "mentions")}
        row["forms"] = " | ".join(entry.forms)
        row.update(record["authority"])
        writer.writerow(row)
    return out.getvalue()


def register_tei(register: Register, title: str,
                 mentions: dict[str, int] | None = None) -> etree._ElementTree:
    """A standalone TEI register with every used entry, authority ids also as URIs.

    The lists stand in ``text/body``, where index files of other editions keep them (the ACDH's
    tools, TEI Publisher), so that their tools can read and enrich it as they read their own;
    teikit reads a register from there as well as from ``standOff``."""
    entries = list(_used(register, mentions))
    tree = build_register(entries, title)
    root = tree.getroot()
    stand_off = root.find(f"{{{TEI_NS}}}standOff")
    text = etree.SubElement(root, f"{{{TEI_NS}}}text")
    body = etree.SubElement(text, f"{{{TEI_NS}}}body")
    if stand_off is not None:
        body.extend(list(stand_off))
        root.remove(stand_off)
    etree.indent(root, space="  ")
    return tree
