"""The seed edition, end to end: header values, structure, apparatus, repair, validity."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.convert import convert_file
from teikit.convert.readback import comparable, read_back
from tests.conftest import REPO, SEED, SEED_SOURCE, SEED_TEI, jing

NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def tei(tmp_path_factory) -> etree._Element:
    output = tmp_path_factory.mktemp("seed") / "seed.xml"
    convert_file(SEED_SOURCE, output, config_path=REPO / "tei" / "edition.toml")
    return etree.parse(str(output)).getroot()


def xp(node: etree._Element, path: str) -> list:
    return node.xpath(path, namespaces=NS)


def one(node: etree._Element, path: str) -> str:
    (value,) = xp(node, path)
    return " ".join((value if isinstance(value, str) else "".join(value.itertext())).split())


def test_the_project_copy_of_the_source_is_the_seed():
    assert SEED_SOURCE.read_bytes() == SEED.read_bytes()


def test_committed_edition_is_exactly_what_the_converter_produces(tmp_path):
    output = tmp_path / SEED_TEI.name
    convert_file(SEED_SOURCE, output, config_path=REPO / "tei" / "edition.toml",
                 schema_href="../schema")
    expected = output.read_text(encoding="utf-8")
    assert SEED_TEI.read_text(encoding="utf-8") == expected, "run `make edition` and commit tei/"


def test_title_statement(tei):
    stmt = "t:teiHeader/t:fileDesc/t:titleStmt"
    assert one(tei, f"{stmt}/t:title[@type='main']") == "Year One of the Russian Revolution"
    assert one(tei, f"{stmt}/t:title[@type='sub']") == "II – The Counter-Revolutionary Socialists"
    assert one(tei, f"{stmt}/t:title[@type='sub']/@n") == "2"
    assert one(tei, f"{stmt}/t:author") == "Victor Serge"


def test_responsibilities_translator_transcriber_editor(tei):
    stmt = "t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt"
    assert one(tei, f"{stmt}[t:resp='Translation']/t:persName") == "Dan Eastman"
    transcription = f"{stmt}[t:resp='Transcription and mark-up']"
    assert one(tei, f"{transcription}/t:persName") == "Einde O’Callaghan"
    assert one(tei, f"{transcription}/t:orgName") == "Marxists’ Internet Archive"
    assert one(tei, f"{stmt}/t:name[@xml:id='ed']") == "The editors of The New International"


def test_publication_statement_comes_from_the_config(tei):
    stmt = "t:teiHeader/t:fileDesc/t:publicationStmt"
    assert one(tei, f"{stmt}/t:publisher") == "teikit editions"
    assert one(tei, f"{stmt}/t:availability/t:licence/@target") == (
        "https://creativecommons.org/licenses/by-sa/4.0/")
    assert one(tei, f"{stmt}/t:date/@when") == "2026-11-27"


def test_source_description_journal_issue_and_pages(tei):
    monogr = "t:teiHeader/t:fileDesc/t:sourceDesc/t:biblStruct/t:monogr"
    assert one(tei, f"{monogr}/t:title[@level='j']") == "New International"
    assert one(tei, f"{monogr}/t:biblScope[@unit='volume']/@n") == "14"
    assert one(tei, f"{monogr}/t:biblScope[@unit='issue']/@n") == "4"
    assert one(tei, f"{monogr}/t:imprint/t:date/@when") == "1948-04"
    pages = xp(tei, f"{monogr}/t:biblScope[@unit='page']")[0]
    assert (pages.get("from"), pages.get("to")) == ("123", "126")


def test_first_publication_is_french(tei):
    (bibl,) = xp(tei, "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='firstPublication']")
    assert bibl.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert one(bibl, "t:title") == "L’An 1 de la révolution russe"
    assert one(bibl, "t:date/@when") == "1930"


def test_creation_names_period_and_places(tei):
    creation = "t:teiHeader/t:profileDesc/t:creation"
    assert one(tei, f"{creation}/t:date") == "1925–1928"
    assert (one(tei, f"{creation}/t:date/@from"), one(tei, f"{creation}/t:date/@to")) == (
        "1925", "1928")
    assert ["".join(p.itertext()) for p in xp(tei, f"{creation}/t:placeName")] == [
        "Vienna", "Leningrad", "Dietskoye Seloe"]
    assert [lang.get("ident") for lang in xp(tei, "t:teiHeader/t:profileDesc/t:langUsage/"
                                                  "t:language")] == ["en", "fr"]


def test_revision_description_has_the_source_update_and_the_conversion(tei):
    changes = xp(tei, "t:teiHeader/t:revisionDesc/t:change")
    assert "Last updated on: 2 August 2018" in "".join(changes[0].itertext())
    assert changes[0].get("when") == "2018-08-02"
    assert changes[-1].get("who") == "#teikit"


def test_editorial_declaration_states_the_conventions(tei):
    decl = " ".join(xp(tei, "t:teiHeader/t:encodingDesc/t:editorialDecl//text()"))
    for convention in ("fa├žade", "CP852", "gap", "paraphrase", "footnotes were omitted",
                       "Anything goes!"):
        assert convention in decl


def test_headnote_is_kept_apart_with_the_editor_responsible(tei):
    (headnote,) = xp(tei, "t:text/t:front/t:div[@type='headnote']")
    assert headnote.get("resp") == "#ed"
    assert len(xp(headnote, "t:p")) == 2
    assert one(headnote, "t:signed") == "– Ed."


def test_body_has_an_untitled_opening_section_and_six_headed_sections(tei):
    sections = xp(tei, "t:text/t:body/t:div[@type='section']")
    assert len(sections) == 7
    assert xp(sections[0], "t:head") == []
    assert [one(s, "t:head") for s in sections[1:]] == [
        "The Junkers’ Mutiny", "The Cossack Division Marches on Petrograd",
        "Counter-Revolutionary Socialism", "The Initiative of the Masses",
        "The Governmental Crisis", "Reliance on the Masses"]
    assert len(xp(tei, "t:text/t:body//t:quote[@type='block']")) == 14
    # the body is lines 10–93 of the source: 84 blocks, of which 6 headings, 14 quotations
    assert len(xp(tei, "t:text/t:body//t:p")) == 84 - 6 - 14


def test_three_editorial_notes_point_at_the_editor(tei):
    notes = xp(tei, "t:text//t:note[@resp='#ed']")
    assert [(n.get("type"), "".join(n.itertext())) for n in notes] == [
        ("gloss", "the Second Congress of Soviets"),
        ("gloss", "S-Rs"),
        ("paraphrase", "But the Cossacks were demoralized and beaten back by the Soviet forces."),
    ]
    assert notes[0].get("rend") == "brackets signed"


def test_thirteen_omissions_are_gaps(tei):
    gaps = xp(tei, "t:text//t:gap")
    assert len(gaps) == 13
    assert all(g.get("rend") == "..." for g in gaps)
    editorial = [g for g in gaps if g.get("reason") == "editorial"]
    assert all(g.get("resp") == "#ed" for g in editorial)
    assert len(editorial) >= 6


def test_the_damaged_word_is_repaired_with_its_original_kept(tei):
    (choice,) = xp(tei, "t:text//t:choice")
    assert one(choice, "t:sic") == "fa├žade"
    assert one(choice, "t:corr") == "façade"
    assert one(choice, "t:corr/@resp") == "#teikit"


def test_schema_processing_instructions_name_the_xsd_and_the_schematron(tei):
    instructions = [n for n in tei.itersiblings(preceding=True)
                    if isinstance(n, etree._ProcessingInstruction) and n.target == "xml-model"]
    hrefs = sorted(pi.get("href").rsplit("/", 1)[-1] for pi in instructions)
    assert hrefs == ["edition.sch", "edition.xsd"]
    kinds = {pi.get("schematypens") for pi in instructions}
    assert kinds == {"http://www.w3.org/2001/XMLSchema", "http://purl.oclc.org/dsdl/schematron"}


def test_committed_edition_has_schema_pis_relative_to_tei_folder():
    text = SEED_TEI.read_text(encoding="utf-8")
    assert '<?xml-model href="../schema/edition.xsd"' in text
    assert '<?xml-model href="../schema/edition.sch"' in text


def test_read_back_reproduces_the_source(tei):
    assert comparable(read_back(tei)) == comparable(SEED.read_text(encoding="utf-8"))


def test_corrected_reading_differs_only_by_the_repair(tei):
    source = comparable(SEED.read_text(encoding="utf-8"))
    assert comparable(read_back(tei, corrected=True)) == source.replace("fa├žade", "façade")


def test_authorial_parentheses_stay_text(tei):
    body = "".join(xp(tei, "t:text/t:body")[0].itertext())
    assert "(sic)" in body and "(!)" in body and "(Direct quotation from Dan!)" in body


def test_seed_edition_is_valid_tei_all():
    code, errors = jing(SEED_TEI)
    assert code == 0, errors


def test_julian_dates_point_at_a_declared_calendar(tei):
    calendars = xp(tei, "t:teiHeader/t:profileDesc/t:calendarDesc/t:calendar")
    assert [c.get("{http://www.w3.org/XML/1998/namespace}id") for c in calendars] == [
        "julian", "gregorian"]   # the seed's one dual date is written in both
    dates = xp(tei, "t:text//t:date[@datingMethod='#julian']")
    assert dates and all(d.get("when-custom") or d.get("from-custom") for d in dates)
