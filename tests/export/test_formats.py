"""The formats archives ingest: each export of the seed edition is checked against what its
readers expect — the official DataCite schema, the Dublin Core element set, a register in which
every ``@ref`` of the text resolves, offsets that point at the right words, a bag that ``bagit``
validates and that fails validation once a file in it changes."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import bagit
import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.export.datacite import datacite, licence_id
from teikit.export.dublin_core import DC, OAI_DC, dublin_core
from teikit.export.metadata import display_name, metadata_of_file, read_metadata
from teikit.export.package import write_package
from teikit.export.register_files import register_csv, register_json, register_tei
from teikit.export.text_json import text_json
from teikit.register import register_from_tree
from teikit.xmlio import parse_xml_file
from tests.conftest import SEED_TEI

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# the fifteen elements of the Dublin Core Metadata Element Set 1.1, all that oai_dc admits
DCMES = {"title", "creator", "subject", "description", "publisher", "contributor", "date",
         "type", "format", "identifier", "source", "language", "relation", "coverage", "rights"}


def datacite_schema() -> dict:
    import datacite as datacite_package

    path = Path(datacite_package.__file__).parent / "schemas" / "datacite-v4.5.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_meta():
    return metadata_of_file(SEED_TEI)


def test_the_seed_names_itself_and_states_two_licences(seed_meta) -> None:
    root = parse_xml_file(SEED_TEI).getroot()
    assert root.get(XML_ID) == "serge-year-one-2"
    assert seed_meta.identifier == "serge-year-one-2"
    assert "serge-year-one-2" in seed_meta.persistent_ids
    assert {licence.applies_to for licence in seed_meta.licences} == {"encoding", "text"}
    encoding = next(lic for lic in seed_meta.licences if lic.applies_to == "encoding")
    assert encoding.url == "https://creativecommons.org/licenses/by-sa/4.0/"


def test_the_register_follows_the_text_and_gives_authority_ids_as_uris() -> None:
    root = parse_xml_file(SEED_TEI).getroot()
    stand_off = root.find(f"{{{TEI}}}standOff")
    assert stand_off.getprevious().tag == f"{{{TEI}}}text"
    lenin = next(p for p in stand_off.iter(f"{{{TEI}}}person") if p.get(XML_ID) == "lenin")
    uris = [i.text for i in lenin.findall(f"{{{TEI}}}idno[@type='URI']")]
    assert uris == ["https://www.wikidata.org/entity/Q1394"]
    assert lenin.find(f"{{{TEI}}}idno[@type='wikidata']").text == "Q1394"


def test_dublin_core_uses_only_the_fifteen_elements_and_says_what_the_header_says(
        seed_meta) -> None:
    record = dublin_core(seed_meta).getroot()
    assert record.tag == f"{{{OAI_DC}}}dc"
    names = [etree.QName(child).localname for child in record]
    assert {etree.QName(child).namespace for child in record} == {DC}
    assert set(names) <= DCMES
    values = {name: [c.text for c in record if etree.QName(c).localname == name]
              for name in names}
    assert values["title"] == [
        "Year One of the Russian Revolution: II – The Counter-Revolutionary Socialists"]
    assert values["creator"] == ["Victor Serge"]
    assert "1925/1928" in values["date"] and "2026-11-27" in values["date"]
    assert values["type"] == ["Text"] and values["format"] == ["application/tei+xml"]
    assert "Vladimir Lenin" in values["subject"] and "Petrograd" not in values["subject"]
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in values["rights"]


def test_datacite_validates_against_the_official_schema(seed_meta) -> None:
    record = datacite(seed_meta)
    validator = jsonschema.Draft7Validator(datacite_schema(),
                                           format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(record)] == []
    assert record["creators"][0] == {"name": "Victor Serge", "nameType": "Personal",
                                     "givenName": "Victor", "familyName": "Serge"}
    assert {"date": "1925/1928", "dateType": "Created"} in record["dates"]


def test_datacite_of_a_bare_foreign_header_still_validates() -> None:
    tei = etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>Brief</title>'
        '<author><persName ref="https://d-nb.info/gnd/118559796"><surname>Kant</surname>'
        '<forename>Immanuel</forename></persName></author></titleStmt><publicationStmt><p/>'
        '</publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
        '<text><body><p>x</p></body></text></TEI>')
    meta = read_metadata(etree.ElementTree(tei), "brief")
    record = datacite(meta)
    validator = jsonschema.Draft7Validator(datacite_schema(),
                                           format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(record)] == []
    assert record["creators"][0]["name"] == "Immanuel Kant"
    assert record["creators"][0]["nameIdentifiers"] == [
        {"nameIdentifier": "https://d-nb.info/gnd/118559796", "nameIdentifierScheme": "GND"}]


@pytest.mark.parametrize(("xml", "expected"), [
    ("<persName><surname>Kant</surname> <forename>Immanuel</forename></persName>",
     "Immanuel Kant"),
    ("<persName><forename>Vladimir</forename><surname>Lenin</surname></persName>",
     "Vladimir Lenin"),
    ("<persName><roleName>Graf</roleName> <forename>Leo</forename> <surname>Tolstoi</surname>"
     "</persName>", "Graf Leo Tolstoi"),
    ("<persName>Rosa  Luxemburg</persName>", "Rosa Luxemburg"),
])
def test_structured_names_read_in_natural_order(xml: str, expected: str) -> None:
    element = etree.fromstring(xml.replace("<persName>", f'<persName xmlns="{TEI}">', 1))
    assert display_name(element) == expected


def test_the_standalone_register_resolves_every_ref_of_the_text(seed_meta) -> None:
    tree = register_tei(seed_meta.register, "Register", seed_meta.mentioned)
    ids = {e.get(XML_ID) for e in tree.iter() if e.get(XML_ID)}
    refs = {token[1:] for e in parse_xml_file(SEED_TEI).getroot().find(f"{{{TEI}}}text").iter()
            for token in (e.get("ref") or "").split() if token.startswith("#")}
    assert refs and refs <= ids
    assert len(register_from_tree(tree)) == len(refs)


def test_register_csv_and_json_carry_the_same_entries_with_uris(seed_meta) -> None:
    rows = list(csv.DictReader(io.StringIO(register_csv(seed_meta.register,
                                                         seed_meta.mentioned))))
    records = json.loads(register_json(seed_meta.register, seed_meta.mentioned))["entries"]
    assert [r["id"] for r in rows] == [r["id"] for r in records] == sorted(seed_meta.mentioned)
    lenin = next(r for r in rows if r["id"] == "lenin")
    assert lenin["wikidata"] == "https://www.wikidata.org/entity/Q1394"
    assert int(lenin["mentions"]) == seed_meta.mentioned["lenin"] > 0


def test_the_json_export_points_at_the_words_it_names() -> None:
    data = text_json(parse_xml_file(SEED_TEI), "seed")
    ids = [block["id"] for block in data["blocks"]]
    assert len(ids) == len(set(ids))
    mentions = [(b, m) for b in data["blocks"] for m in b["mentions"]]
    assert len(mentions) > 300
    for block, mention in mentions:
        assert block["text"][mention["start"]:mention["end"]].strip() == mention["text"]
    dates = [m for _, m in mentions if m["kind"] == "date" and "when-custom" in m]
    assert dates and all(m["when"] != m["when-custom"] for m in dates)


def test_the_json_export_reads_a_block_with_the_quotations_lines_and_parts_inside_it() -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text

    text = ("Nadia Lerner\n\nLetter to the Union\n\nWritten: 1924\n\nDear Comrades,\n\n"
            "Vera said: “We shall not go back to the looms without the union,” and left.\n\n"
            "We sang Blok’s lines:\n\nIn the wind, in the snow,\nTwelve men go.\n\n"
            "Yours fraternally,\n\nN. Lerner\n")
    data = text_json(convert_text(text, "t", TextSettings(name="t")).tree, "t")
    texts = {block["element"]: block["text"] for block in data["blocks"]}
    assert "Vera said: We shall not go back to the looms without the union, and left." in [
        block["text"] for block in data["blocks"]]
    assert texts["quote"] == "In the wind, in the snow, Twelve men go."
    assert texts["opener"] == "Dear Comrades,"
    assert texts["closer"] == "Yours fraternally, N. Lerner"


def test_a_package_is_a_valid_bag_that_notices_a_changed_file(tmp_path: Path) -> None:
    target = tmp_path / "bag"
    package = write_package([SEED_TEI], target, title="Year One", publisher="teikit editions")
    assert package.texts == 1
    bag = bagit.Bag(str(target))
    bag.validate()
    payload = set(bag.payload_files())
    assert {"data/tei/serge-year-one-2.xml", "data/schema/edition.xsd",
            "data/schema/tei_all.rng", "data/register/register.xml",
            "data/metadata/serge-year-one-2.dc.xml", "data/.zenodo.json"} <= payload
    # the TEI's xml-model points at ../schema/, which the bag holds next to it
    root = parse_xml_file(target / "data/tei/serge-year-one-2.xml").getroot()
    models = [pi.get("href") for pi in root.itersiblings(preceding=True)
              if isinstance(pi, etree._ProcessingInstruction) and pi.target == "xml-model"]
    assert len(models) == 2
    for href in models:
        assert (target / "data" / "tei" / href).resolve().is_file()
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((target / "data/tei/serge-year-one-2.xml").stat().st_mode) == \
        0o666 & ~umask
    (target / "data/tei/serge-year-one-2.xml").write_text("changed", encoding="utf-8")
    with pytest.raises(bagit.BagValidationError):
        bagit.Bag(str(target)).validate()


def test_a_package_never_replaces_an_existing_folder(tmp_path: Path) -> None:
    target = tmp_path / "bag"
    target.mkdir()
    (target / "keep.txt").write_text("editor's file", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "package", "--config", "tei/edition.toml",
                                       "-o", str(target)])
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert (target / "keep.txt").read_text(encoding="utf-8") == "editor's file"


def test_export_commands_write_their_files(tmp_path: Path) -> None:
    runner = CliRunner()
    for command, written in (("dc", "serge-year-one-2.dc.xml"),
                             ("datacite", "serge-year-one-2.datacite.json"),
                             ("register", "register.csv")):
        result = runner.invoke(main, ["export", command, str(SEED_TEI), "-o", str(tmp_path)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / written).stat().st_size > 0
    result = runner.invoke(main, ["export", "json", str(SEED_TEI)])
    assert json.loads(result.output)["id"] == "serge-year-one-2"


def test_zenodo_licence_ids() -> None:
    assert licence_id("https://creativecommons.org/licenses/by-sa/4.0/") == "cc-by-sa-4.0"
    assert licence_id("https://creativecommons.org/publicdomain/zero/1.0/") == "cc0-1.0"


def test_ceteicean_shows_a_stage_direction_in_the_parentheses_the_converter_recorded() -> None:
    from teikit.convert.conventions import STAGE_MARKS
    from teikit.export.ceteicean import behaviors

    assert behaviors()["tei"]["stage"] == [
        [f"[rend~={rend}]", list(marks)] for rend, marks in STAGE_MARKS.items()]
    assert ["[rend~=parentheses]", ["(", ")"]] in behaviors()["tei"]["stage"]
