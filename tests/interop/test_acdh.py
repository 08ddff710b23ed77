"""acdh-tei-pyutils, the ACDH's toolkit for TEI editions, reads teikit's files as its own: its
``denormalize-indices`` finds every mention of the text in teikit's standalone register (written
with ``teikit export register``) and writes back-links into the register's entries, which needs
the text's ``xml:id`` and ``xml:base``."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teikit.config import load_config
from teikit.convert import convert_transcription, ingest_file
from teikit.export import write_register_files
from teikit.xmlio import serialize_tei
from tests.conftest import REPO, SEED_SOURCE

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
BASE = "https://edition.example/year-one"


def test_the_acdh_tools_denormalise_teikit_s_register(tmp_path: Path) -> None:
    from acdh_tei_pyutils.cli import denormalize_indices

    settings = load_config(REPO / "tei" / "edition.toml").settings_for("serge-year-one-2")
    settings = dataclasses.replace(settings, base_url=BASE)
    docs, indices = tmp_path / "editions", tmp_path / "indices"
    docs.mkdir()
    indices.mkdir()
    tei = docs / "serge-year-one-2.xml"
    tei.write_bytes(serialize_tei(convert_transcription(ingest_file(SEED_SOURCE), settings).tree))
    (register,) = [p for p in write_register_files([tei], indices, "Register")
                   if p.suffix == ".xml"]

    result = CliRunner().invoke(denormalize_indices, [
        "-f", str(docs / "*.xml"), "-i", str(register),
        "-m", ".//tei:text//*[@ref]/@ref", "-x", ".//tei:titleStmt/tei:title[1]/text()"])
    assert result.exit_code == 0, result.output

    entries = {e.get(XML_ID): e for e in etree.parse(str(register)).iter()
               if e.get(XML_ID)}
    lenin = entries["lenin"]
    mentions = [n for n in lenin.iter(f"{{{TEI}}}note") if n.get("type") == "mentions"]
    assert [(n.get("target"), n.text) for n in mentions] == [
        ("serge-year-one-2", "Year One of the Russian Revolution")]
    # every entry of the register is mentioned in the text, so every one is linked back
    assert all(any(n.get("type") == "mentions" for n in e.iter(f"{{{TEI}}}note"))
               for e in entries.values() if etree.QName(e).localname in ("person", "place"))

