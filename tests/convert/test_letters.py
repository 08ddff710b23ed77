"""Letters: letterhead and address blocks, datelines anywhere in the opener, salutation, closer,
signature and postscript — with and without a header block; valid, lossless, rendered."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

from teikit.convert import convert_file
from teikit.convert.ingest import ingest_text
from teikit.convert.model import BlockKind
from teikit.convert.readback import comparable, read_back
from teikit.render.fo import fo_string
from teikit.render.html import html_string
from teikit.validate import check_files
from tests.conftest import FIXTURES

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
FO = {"fo": "http://www.w3.org/1999/XSL/Format"}
LETTER_BODY = """NATIONAL UNION OF DOCK LABOURERS
Liverpool District Office
14 Dale Street, Liverpool

12th June, 1924.

To the Executive Committee,
National Transport Workers' Federation,
London, S.E.1.

Dear Comrades,

I write on behalf of the District Committee about the dispute at the Huskisson Dock.

We ask that the Federation should act.

Yours fraternally,

H. Lind
District Secretary

P.S. Brother Doyle will be in London on Thursday.
"""
HEADER = """Hannah Lind

Letter to the Federation

Written: 12 June 1924.
Transcription/Markup: Owen Price.

"""
# the date as the last line of the letterhead, no blank line between them
DATE_IN_LETTERHEAD = """Glasgow Trades Council
Albion Street, Glasgow
2nd October 1920

Dear Comrade Walsh,

The Council cannot send a delegate this month.

Yours fraternally,

J. McAllister
"""
LETTERS = {"with-header": HEADER + LETTER_BODY, "without-header": LETTER_BODY,
           "date-in-letterhead": DATE_IN_LETTERHEAD}


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("letters")
    sources = {}
    for name, text in LETTERS.items():
        sources[name] = out / f"{name}.txt"
        sources[name].write_text(text, encoding="utf-8")
    for source in sorted((FIXTURES / "names").glob("*.txt")):
        sources[source.stem] = source
    return {name: convert_file(source, out / f"{name}.xml").output
            for name, source in sources.items()}


def _root(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def _children(element: etree._Element) -> list[str]:
    return [etree.QName(c).localname for c in element if isinstance(c.tag, str)]


@pytest.mark.parametrize("name", ["with-header", "without-header"])
def test_letterhead_dateline_and_address_open_the_letter(name: str,
                                                         converted: dict[str, Path]) -> None:
    root = _root(converted[name])
    (letter,) = root.xpath("//tei:body/tei:div[@type='letter']", namespaces=NS)
    opener = letter.find("tei:opener", NS)
    assert _children(opener) == ["address", "dateline", "address", "salute"]
    letterhead, addressee = opener.findall("tei:address", NS)
    assert ["".join(line.itertext()) for line in letterhead] == [
        "NATIONAL UNION OF DOCK LABOURERS", "Liverpool District Office",
        "14 Dale Street, Liverpool"]
    assert _children(addressee) == ["addrLine"] * 3
    assert opener.find("tei:dateline/tei:date", NS).get("when") == "1924-06-12"
    assert _children(letter)[-3:] == ["p", "closer", "postscript"]
    closer = letter.find("tei:closer", NS)
    assert _children(closer) == ["salute", "signed"]
    assert "".join(closer.find("tei:signed", NS).itertext()).split("\n") == [
        "H. Lind", "District Secretary"]
    assert len(letter.findall("tei:p", NS)) == 2


def test_a_date_line_inside_the_letterhead_is_a_dateline(converted: dict[str, Path]) -> None:
    opener = _root(converted["date-in-letterhead"]).find(".//tei:opener", NS)
    assert _children(opener) == ["address", "dateline", "salute"]
    assert opener.find("tei:dateline/tei:date", NS).get("when") == "1920-10-02"


def test_ingest_tells_opener_blocks_from_prose() -> None:
    doc = ingest_text("Moscow, 14 March 1921\n\nDear Comrades,\n\nWe met.\n", "letter")
    assert [b.kind for b in doc.blocks] == [BlockKind.DATELINE, BlockKind.SALUTE,
                                           BlockKind.PARAGRAPH]
    prose = ingest_text("We met at the depot and talked until the morning came, as always.\n\n"
                        "Dear Comrades,\n\nWe met.\n", "prose")
    assert BlockKind.ADDRESS not in {b.kind for b in prose.blocks}


def test_letters_and_reference_texts_are_valid_and_lossless(converted: dict[str, Path]) -> None:
    report = check_files(list(converted.values()), ["edition", "tei_all"])
    assert [str(p) for p in report.problems if p.severity == "error"] == []
    for name, path in converted.items():
        source = LETTERS[name] if name in LETTERS else (
            FIXTURES / "names" / f"{name}.txt").read_text(encoding="utf-8")
        assert comparable(read_back(_root(path))) == comparable(source), name


def test_html_and_fo_give_each_address_line_its_own_line(converted: dict[str, Path]) -> None:
    page = html.fromstring(html_string(converted["with-header"]))
    lines = page.find_class("tei-addrLine")
    assert [" ".join(line.text_content().split()) for line in lines][:3] == [
        "NATIONAL UNION OF DOCK LABOURERS", "Liverpool District Office",
        "14 Dale Street, Liverpool"]
    assert all(line.tag == "div" for line in lines)
    fo = etree.fromstring(fo_string(converted["with-header"]).encode("utf-8"))
    blocks = [" ".join("".join(b.itertext()).split()) for b in fo.iter(f"{{{FO['fo']}}}block")]
    assert "Liverpool District Office" in blocks and "London, S.E.1." in blocks


def test_a_place_and_date_under_the_signature_are_the_closers_dateline(tmp_path: Path) -> None:
    source = tmp_path / "kollontai-letter.txt"
    source.write_text("Alexandra Kollontai\n\nLetter to Working Women\n\nWritten: 1920\n"
                      "Translated: Alix Holt;\n\nDear Comrades,\n\nI write to you from Moscow "
                      "on the eve of the congress.\n\nYours in the struggle,\n\nA. Kollontai\n\n"
                      "Moscow, 8 March 1920\n\nP.S. Send me your reports by the 20th.\n",
                      encoding="utf-8")
    root = etree.parse(str(convert_file(source, tmp_path / "k.xml").output)).getroot()
    closer = root.find(".//tei:closer", NS)
    assert [etree.QName(e).localname for e in closer] == ["salute", "signed", "dateline"]
    sent = root.find(".//tei:correspDesc/tei:correspAction[@type='sent']", NS)
    assert [etree.QName(e).localname for e in sent] == ["persName", "placeName", "date"]
    assert root.find(".//tei:postscript//tei:date", NS).get("when") == "1920-03-20"
    assert root.xpath("//tei:persName[@xml:id='translator']/text()", namespaces=NS) == ["Alix Holt"]
    assert comparable(read_back(root)) == comparable(source.read_text(encoding="utf-8"))


def test_a_place_and_a_day_without_the_year_under_the_signature_date_the_letter(
        tmp_path: Path) -> None:
    source = tmp_path / "bell-letter.txt"
    source.write_text("Thomas Bell\n\nThe Clyde Deportations\n\nWritten: 14 April 1916\n\n"
                      "Sir,\n\nSix members of the Clyde Workers’ Committee were sent to "
                      "Edinburgh.\n\nI am, Sir, yours, etc.,\n\nThomas Bell.\n\n"
                      "Glasgow, April 14.\n", encoding="utf-8")
    root = etree.parse(str(convert_file(source, tmp_path / "b.xml").output)).getroot()
    closer = root.find(".//tei:closer", NS)
    assert [etree.QName(e).localname for e in closer] == ["salute", "signed", "dateline"]
    assert closer[2].find("tei:date", NS).get("when") == "1916-04-14"
    sent = root.find(".//tei:correspDesc/tei:correspAction[@type='sent']", NS)
    assert [etree.QName(e).localname for e in sent] == ["persName", "placeName", "date"]


@pytest.mark.parametrize(("closer_text", "parts"), [
    ("Yours fraternally,\nJohn Maclean", ["salute", "signed"]),
    ("With warm greetings,\nJohn Maclean\nSecretary", ["salute", "signed"]),
    ("Yours in the struggle,\nJ. Maclean\nGlasgow, 3 May 1921", ["salute", "signed", "dateline"]),
], ids=["name", "name-and-function", "name-and-dateline"])
def test_a_closer_without_blank_lines_is_still_the_letters_closer(closer_text: str,
                                                                   parts: list[str]) -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text

    text = ("A Letter\n\nWritten: 1921\n\nDear Comrade,\n\nThe strike goes on.\n\n"
            f"{closer_text}\n\nP.S. Send the money.\n")
    root = convert_text(text, "t", TextSettings(name="t")).tree.getroot()
    closer = root.find(".//tei:closer", NS)
    assert [etree.QName(e).localname for e in closer] == parts
    assert "".join(closer.find("tei:signed", NS).itertext()).startswith(("John", "J."))
    assert root.find(".//tei:correspDesc//tei:persName", NS) is not None
    assert comparable(read_back(root)) == comparable(text)


def test_the_name_a_letter_is_signed_with_and_addressed_to_is_a_persons() -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text

    text = ("A Letter\n\nWritten: 1895\n\nLondon, 14 March 1895\n\nDear Georgi,\n\n"
            "Your pamphlet has arrived.\n\nWith warm greetings,\nVera\n")
    root = convert_text(text, "t", TextSettings(name="t")).tree.getroot()
    sent = root.find(".//tei:correspDesc/tei:correspAction[@type='sent']/tei:persName", NS)
    received = root.find(".//tei:correspDesc/tei:correspAction[@type='received']/tei:persName",
                         NS)
    assert (sent.text, received.text) == ("Vera", "Georgi")   # Vera is a town in Spain too
    # the source names no author: the letter's is the one who signed it
    assert root.xpath("//tei:titleStmt/tei:author/tei:persName/text()", namespaces=NS) == ["Vera"]


def test_a_speech_that_opens_with_comrades_is_no_letter() -> None:
    doc = ingest_text("V. I. Lenin\n\nSpeech at the Congress of the Navy\n\nDelivered: November 22 "
                      "(December 5), 1917\n\nComrades!\n\nAllow me to greet the congress.\n\n"
                      "Long live the revolution!\n", "t")
    assert [b.kind for b in doc.blocks if b.kind not in (BlockKind.AUTHOR, BlockKind.TITLE,
                                                          BlockKind.FIELD)] == [
        BlockKind.PARAGRAPH] * 3


@pytest.mark.parametrize("text", [
    "On Tasks\n\nWritten: 1917\n\nDear Comrades,\n\nII\n\nThe text of the section.\n",
    "On Tasks\n\nWritten: 1917\n\nA. Kollontai\n\nDear Comrades,\n\nThe letter.\n\nII\n\n"
    "Yours fraternally,\n\nThe end.\n",
    "On Tasks\n\nWritten: 1917\n\n* * *\n\nA. Kollontai\n\nComrades!\n\nYours fraternally,\n\n"
    "A. Kollontai\n",
    "ON TASKS\n\nP.S. Send me the reports.\n\nCHAPTER I\n\nDear Comrades,\n\nP.S. Send them.\n\n"
    "The text.\n\nP.S. Send them again.\n",
    "On Tasks\n\nDear Comrades,\n\n- bread\n- peace\n\nII\n\nThe text.\n\nA. Kollontai\n\n"
    "(a) one\n(b) two\n\nYours fraternally,\n\nYours,\n",
    "On Tasks\n\nWritten: 1917\n\nComrades!\n\nThe letter.\n\nCHAPTER I\n\n"
    "N.B. Read this twice.\n",
    "On Tasks\n\nWritten: 1917\n\nI\n\nDear Comrades,\n\nThe letter.\n\nII\n\n“Theory "
    "becomes a material force.”\n– Karl Marx\n\nCHAPTER I\n\nThe end.\n",
], ids=["salutation-then-heading", "closing-line-under-a-heading", "no-letter-between",
        "postscript-before-the-salutation", "closer-after-a-list", "postscript-under-a-heading",
        "epigraph-between-headings"])
def test_letter_parts_stay_in_their_section_and_a_letter_needs_its_text(text: str) -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.validate import check_documents

    conversion = convert_text(text, "t", TextSettings(name="t"))
    root = conversion.tree.getroot()
    assert comparable(read_back(root)) == comparable(text)
    for div in root.iterfind(".//tei:body/tei:div", NS):   # each has text of its own
        assert {etree.QName(e).localname for e in div} - {"head", "epigraph", "opener",
                                                         "closer", "postscript"}
    report = check_documents([("t.xml", etree.tostring(conversion.tree, encoding="utf-8"))],
                             ("edition",))
    assert [p for p in report.problems if p.severity == "error"] == []


INTERVIEW = ("An Interview\n\nWritten: 10 March 1920\n\nMoscow, 8 March 1920\n\n"
             "Q. What is the position on the front?\n\nA. Yes.\n\nQ. And the Allies?\n\n"
             "A. They will follow.\n")


def test_a_dateline_over_a_text_that_is_no_letter_opens_it_and_makes_no_letter() -> None:
    """"Moscow, 8 March 1920" over an interview is where and when it was given, not the
    heading of a section ("A. Yes." under it is short, but a turn)."""
    from tests.conftest import checked_conversion

    root = checked_conversion(INTERVIEW)
    (section,) = root.iterfind(".//tei:body/tei:div", NS)
    assert section.get("type") == "section"
    assert section.find("tei:head", NS) is None
    (dateline,) = section.iterfind("tei:opener/tei:dateline", NS)
    assert dateline.find("tei:date", NS).get("when") == "1920-03-08"
    assert root.find(".//tei:correspDesc", NS) is None


@pytest.mark.parametrize("text", [
    # a diary: every entry is headed by its place and date
    "Petrograd, 3 March 1917\n\nThe strike spread.\n\nPetrograd, 4 March 1917\n\nThe Tsar "
    "abdicated.\n",
    # a month alone heads a chronicle's section
    "October 1917\n\nThe Soviet took power.\n",
    # a place and date over a chapter's heading head a section of their own
    "Moscow, 8 March 1920\n\nCHAPTER I\n\nThe strike spread.\n",
], ids=["diary", "month-heading", "over-a-heading"])
def test_datelines_that_head_sections_stay_headings(text: str) -> None:
    doc = ingest_text(f"A Chronicle\n\nWritten: 1918\n\n{text}", "c")
    assert doc.of_kind(BlockKind.DATELINE) == []
    assert doc.of_kind(BlockKind.HEADING)


LETTER_TO_KIN = ("Letters to Maggie\n\nWritten: 1914\n\nLetter I\n\nDublin, January 1914\n\n"
                 "Dear Maggie,\n\nIt is over. The men are going back.\n\n{last}\n")


def test_a_letter_to_kin_may_be_signed_with_a_given_name_alone() -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion(LETTER_TO_KIN.format(last="Annie"))
    (letter,) = root.iterfind(".//tei:body/tei:div", NS)
    assert [" ".join(s.itertext()).strip()
            for s in letter.iterfind("tei:closer/tei:signed", NS)] == ["Annie"]


@pytest.mark.parametrize("last", ["Farewell.", "Enough", "We won."])
def test_a_letters_last_word_that_is_no_name_stays_its_text(last: str) -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion(LETTER_TO_KIN.format(last=last))
    assert root.find(".//tei:body//tei:closer", NS) is None


def test_a_given_name_right_under_a_heading_is_the_sections_text_not_the_letters_signature():
    from tests.conftest import checked_conversion

    root = checked_conversion("Lenin\n\nOn Tasks\n\nWritten: 1917\n\nComrades!\n\n* * *\n\n"
                              "CHAPTER I\n\nAnnie\n")
    assert root.find(".//tei:body//tei:closer", NS) is None
    assert [p.text for p in root.iterfind(".//tei:body/tei:div/tei:p", NS)] == ["Annie"]


@pytest.mark.parametrize(("salute", "closing", "signer"), [
    ("Lieber Genosse Hoffmann!", "Mit sozialistischem Gruß\nDein Paul Lange", "Paul Lange"),
    ("Werte Genossen!", "Mit Parteigruß!\nP. Lange", "P. Lange"),
    ("Cher camarade,", "Salut et fraternité,\nJean Roux", "Jean Roux"),
    ("Chers citoyens,", "Fraternellement,\nJean Roux", "Jean Roux")])
def test_a_german_or_french_letter_opens_and_closes_as_a_letter(salute, closing, signer) -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion(f"Ein Brief\n\nGeschrieben: 1919\n\nBerlin, den 3. März 1919\n\n"
                              f"{salute}\n\nDie Lage ist ernst. Wir erwarten Dich.\n\n{closing}\n")
    (letter,) = root.iterfind(".//tei:body/tei:div", NS)
    assert letter.get("type") == "letter"
    opening = letter.find("tei:opener/tei:salute", NS)
    assert "".join(opening.itertext()) == salute
    assert letter.findtext("tei:closer/tei:salute", namespaces=NS) == closing.split("\n")[0]
    signed = letter.find("tei:closer/tei:signed", NS)
    assert " ".join("".join(signed.itertext()).split()).endswith(signer)
    assert signed.xpath("string(tei:persName)", namespaces=NS) == signer
