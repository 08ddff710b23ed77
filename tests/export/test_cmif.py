"""Letters become CMIF that correspSearch can harvest: the converter writes a letter's
``correspDesc`` from its dateline, signature and salutation; ``teikit export cmif`` lists the
letters with authority URIs from the register, valid against tei_all and the CMIF rules
(schema/cmif.sch), and says which entity lacks a URI instead of writing an invalid file."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.export.cmif import cmif
from teikit.validate import check_files
from teikit.xmlio import serialize_tei

TEI = "http://www.tei-c.org/ns/1.0"
LETTER = """Clara Zetkin

Letter to Lenin

Written: 3 February 1921.

Stuttgart, 3 February 1921

Dear Comrade Lenin,

I write in haste about the congress.

With communist greetings,

Clara Zetkin
"""
REGISTER = f"""<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
<standOff><listPerson>
<person xml:id="zetkin"><persName type="reg">Clara Zetkin</persName>
  <idno type="gnd">118636944</idno></person>
<person xml:id="lenin"><persName type="reg">Vladimir Lenin</persName><persName>Lenin</persName>
  <idno type="wikidata">Q1394</idno></person>
</listPerson><listPlace>
<place xml:id="stuttgart"><placeName>Stuttgart</placeName></place>
</listPlace></standOff></TEI>"""
BASE = "https://edition.example/letters"


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("letters")
    (folder / "register.xml").write_text(REGISTER, encoding="utf-8")
    settings = TextSettings(name="zetkin-1921", register_path=folder / "register.xml")
    tei = folder / "zetkin-1921.xml"
    tei.write_bytes(serialize_tei(convert_text(LETTER, "zetkin-1921", settings).tree))
    return tei


def test_a_letter_s_header_says_who_wrote_from_where_when_to_whom(letter: Path) -> None:
    desc = etree.parse(str(letter)).getroot().find(
        f"{{{TEI}}}teiHeader/{{{TEI}}}profileDesc/{{{TEI}}}correspDesc")
    assert desc is not None
    sent, received = desc.findall(f"{{{TEI}}}correspAction")
    assert sent.get("type") == "sent" and received.get("type") == "received"
    assert [(etree.QName(e).localname, e.text, e.get("ref")) for e in sent] == [
        ("persName", "Clara Zetkin", "#zetkin"), ("placeName", "Stuttgart", "#stuttgart"),
        ("date", "3 February 1921", None)]
    assert sent.find(f"{{{TEI}}}date").get("when") == "1921-02-03"
    assert [(e.text, e.get("ref")) for e in received] == [("Lenin", "#lenin")]
    assert check_files([letter], ["edition", "tei_all"]).exit_code == 0


def test_cmif_of_the_letter_is_valid_and_names_what_lacks_a_uri(letter: Path,
                                                                tmp_path: Path) -> None:
    result = cmif([letter], title="Letters", publisher="teikit editions", base_url=BASE,
                  file_url=f"{BASE}/cmif.xml")
    assert result.letters == 1
    action = result.tree.getroot().find(f".//{{{TEI}}}correspAction[@type='sent']")
    assert action.find(f"{{{TEI}}}persName").get("ref") == "https://d-nb.info/gnd/118636944"
    assert action.find(f"{{{TEI}}}placeName").get("ref") is None
    received = result.tree.getroot().find(f".//{{{TEI}}}correspAction[@type='received']")
    assert received.find(f"{{{TEI}}}persName").get("ref") == \
        "https://www.wikidata.org/entity/Q1394"
    assert result.missing == [
        "zetkin-1921.xml: Stuttgart (placeName) has no GeoNames URI in the register; "
        "written without @ref"]
    out = tmp_path / "cmif.xml"
    result.tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    cmif_rules = Path(__file__).resolve().parents[2] / "schema" / "cmif.sch"
    report = check_files([out], ["tei_all", str(cmif_rules)])
    assert report.exit_code == 0, [str(p) for p in report.problems]


def test_the_cmif_rules_refuse_a_place_that_is_not_on_geonames(letter: Path,
                                                               tmp_path: Path) -> None:
    result = cmif([letter], title="Letters", publisher="", base_url=BASE,
                  file_url=f"{BASE}/cmif.xml")
    place = result.tree.getroot().find(f".//{{{TEI}}}placeName")
    place.set("ref", "https://www.wikidata.org/entity/Q1022")
    out = tmp_path / "cmif.xml"
    result.tree.write(str(out), xml_declaration=True, encoding="UTF-8")
    cmif_rules = Path(__file__).resolve().parents[2] / "schema" / "cmif.sch"
    report = check_files([out], [str(cmif_rules)])
    assert [p.rule for p in report.problems] == ["sch:cmif-place-uri"]


def test_a_text_that_is_not_a_letter_gets_no_correspdesc() -> None:
    tree = convert_text("A plain paragraph about Stuttgart.\n", "plain").tree
    assert tree.getroot().find(f".//{{{TEI}}}correspDesc") is None


LETTERS = """Vera Zasulich

Two Letters to Plekhanov

Written: 1895
Translated: Paul Kellogg, 2015

The letters below were found among Plekhanov's papers.

I.

London, 14 March 1895

Dear Georgi,

Your pamphlet has arrived.

With warm greetings,
Vera Zasulich

II.

Zurich, April 2, 1895

Dear friend,

I am in Zurich at last.

Yours,

V. Zasulich

P.S. Send me the proofs.
"""


def test_a_text_of_several_letters_gets_a_letter_and_a_correspdesc_for_each(
        tmp_path: Path) -> None:
    from teikit.convert.readback import comparable, read_back
    from teikit.render.fo import fo_string
    from teikit.render.html import html_string

    tree = convert_text(LETTERS, "zasulich", TextSettings(name="zasulich")).tree
    root = tree.getroot()
    divs = root.findall(f"{{{TEI}}}text/{{{TEI}}}body/{{{TEI}}}div")
    assert [(d.get("type"), d.get("{http://www.w3.org/XML/1998/namespace}id")) for d in divs] == [
        ("section", None), ("letter", "letter-2"), ("letter", "letter-3")]
    assert [d.findtext(f"{{{TEI}}}head") for d in divs[1:]] == ["I.", "II."]
    for div in divs[1:]:   # the section's number is its heading, not a line of an address
        assert div.find(f".//{{{TEI}}}address") is None
        assert div.find(f"{{{TEI}}}closer/{{{TEI}}}signed") is not None
    descs = root.findall(f".//{{{TEI}}}profileDesc/{{{TEI}}}correspDesc")
    assert [(d.get("corresp"), d.find(f".//{{{TEI}}}placeName").text,
             d.find(f".//{{{TEI}}}date").get("when")) for d in descs] == [
        ("#letter-2", "London", "1895-03-14"), ("#letter-3", "Zurich", "1895-04-02")]
    assert comparable(read_back(root)) == comparable(LETTERS)
    tei = tmp_path / "zasulich.xml"
    tei.write_bytes(serialize_tei(tree))
    assert check_files([tei], ["edition", "tei_all"]).exit_code == 0
    page = html_string(tei)
    assert 'id="letter-2"' in page and 'id="letter-3"' in page
    assert ('<a href="#letter-2">Letter I.: From Vera Zasulich, London, 14 March 1895; '
            'to Georgi</a>' in page)
    assert "Letter II.: From V. Zasulich, Zurich, April 2, 1895" in fo_string(tei)
    result = cmif([tei], title="Letters", publisher="", base_url=BASE,
                  file_url=f"{BASE}/cmif.xml")
    assert result.letters == 2
    assert [d.get("ref") for d in result.tree.getroot().iter(f"{{{TEI}}}correspDesc")] == [
        f"{BASE}/zasulich.html#letter-2", f"{BASE}/zasulich.html#letter-3"]


def test_a_pointer_from_a_correspdesc_to_no_letter_is_refused(tmp_path: Path) -> None:
    tree = convert_text(LETTERS, "zasulich", TextSettings(name="zasulich")).tree
    tree.getroot().find(f".//{{{TEI}}}correspDesc").set("corresp", "#letter-9")
    tei = tmp_path / "zasulich.xml"
    tei.write_bytes(serialize_tei(tree))
    report = check_files([tei], ["edition"])
    assert [p.rule for p in report.problems] == ["sch:corresp-resolves"]
