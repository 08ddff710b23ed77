"""A text that is not a letter may still end signed and dated: an appeal signed by its author
and his function, a manifesto signed by several people and by a body, an article dated where it
was written. The signature and the dateline are the text's ``closer``, the signers are named,
and the text does not become a letter for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import checked_conversion

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
FO = "http://www.w3.org/1999/XSL/Format"

APPEAL = ("Leon Trotsky\n\nTo the Workers of Petrograd\n\nWritten: 25 October 1917\n"
          "Source: Izvestia, No. 207\n\nComrades! The Provisional Government has been "
          "overthrown.\n\nThe struggle is not over. Every worker must be at his post.\n\n"
          "L. Trotsky\nChairman of the Petrograd Soviet\n\nPetrograd, 25 October 1917\n")
MANIFESTO = ("Communist International\n\nManifesto to the Workers of the World\n\n"
             "Written: March 1919\n\nSeventy-two years have gone by since the Manifesto was "
             "written.\n\nProletarians of all countries, unite!\n\nSigned on behalf of the "
             "Congress:\n\nChristian Rakovsky, Lenin, Zinoviev, Trotsky, Fritz Platten\n\n"
             "The Executive Committee of the Communist International\n\nMoscow, 6 March 1919\n")
INITIALLED = ("Pavel Voronin\n\nThe Tram Strike\n\nWritten: November 1905\n\nThe tramwaymen "
              "won the eight-hour day.\n\nP. V.\n\nOdessa, November 1905\n")
DATED = ("Rosa Luxemburg\n\nOrder Reigns in Berlin\n\nSource: Die Rote Fahne\n\nOrder reigns "
         "in Berlin! You foolish lackeys! Your order is built on sand.\n\n"
         "Berlin, 14 January 1919\n")


def localnames(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize(("text", "parts"), [
    (APPEAL, ["signed", "dateline"]),
    (MANIFESTO, ["signed", "signed", "dateline"]),
    (DATED, ["dateline"]),
    (INITIALLED, ["signed", "dateline"]),
], ids=["appeal", "manifesto", "article-dated", "initials"])
def test_the_signature_and_dateline_under_a_text_are_its_closer(text: str,
                                                                 parts: list[str]) -> None:
    root = checked_conversion(text)
    closers = root.findall(".//tei:body//tei:closer", NS)
    assert len(closers) == 1
    assert localnames(closers[0]) == parts
    # the closer comes after the text's last paragraph, in the same section
    assert closers[0].getprevious().tag == f"{{{NS['tei']}}}p"
    assert closers[0].getnext() is None


def test_who_signs_a_text_is_named() -> None:
    appeal = checked_conversion(APPEAL)
    signed = appeal.find(".//tei:closer/tei:signed", NS)
    assert signed.xpath("tei:persName/text()", namespaces=NS) == ["L. Trotsky"]
    assert text_of(signed) == "L. Trotsky Chairman of the Petrograd Soviet"

    manifesto = checked_conversion(MANIFESTO)
    people, body = manifesto.findall(".//tei:closer/tei:signed", NS)
    assert people.xpath("tei:persName/text()", namespaces=NS) == [
        "Christian Rakovsky", "Lenin", "Zinoviev", "Trotsky", "Fritz Platten"]
    assert body.xpath("tei:orgName/text()", namespaces=NS) == [
        "Executive Committee of the Communist International"]
    # the lead-in before the signatures is the text's last paragraph, not a heading
    assert manifesto.find(".//tei:body//tei:head", NS) is None


@pytest.mark.parametrize("text", [APPEAL, MANIFESTO, DATED], ids=["appeal", "manifesto", "dated"])
def test_a_signed_text_is_no_letter(text: str) -> None:
    root = checked_conversion(text)
    assert root.find(".//tei:correspDesc", NS) is None
    assert root.find(".//tei:div[@type='letter']", NS) is None


def test_the_dateline_places_the_text_for_its_calendar() -> None:
    """Petrograd in October 1917: the dateline's date is Old Style, and the header says why."""
    root = checked_conversion(APPEAL)
    date = root.find(".//tei:closer/tei:dateline/tei:date", NS)
    assert (date.get("when-custom"), date.get("when")) == ("1917-10-25", "1917-11-07")
    reason = text_of(root.xpath("//tei:calendar[@xml:id='julian']", namespaces=NS)[0])
    assert "the dateline (“Petrograd, 25 October 1917”)" in reason
    assert "letter" not in reason


@pytest.mark.parametrize("ending", [
    "Long live the revolution",                   # a last short line, no name
    "The Workers Will Win",                       # capitalised, but no name and no body
    "We demand:\n\nBread, Peace, Land",           # a slogan of three words after a colon
    "The Congress opened on 7 November 1917.",    # a sentence that tells of a date
], ids=["cry", "title-case-line", "slogan", "sentence-with-a-date"])
def test_a_short_last_line_without_a_signer_stays_the_texts(ending: str) -> None:
    root = checked_conversion("An Appeal\n\nWritten: 1917\n\nThe war must end now, and the "
                              f"land must go to those who work it.\n\n{ending}\n")
    assert root.find(".//tei:closer", NS) is None


EPIGRAPH = "“Theory becomes a material force.”\n– Karl Marx"


@pytest.mark.parametrize(("body", "line"), [
    (f"{EPIGRAPH}\n\nA. Kollontai\n", "A. Kollontai"),
    (f"{EPIGRAPH}\n\nMoscow, 8 March 1920\n\nCHAPTER I\n\nThe text.\n",
     "Moscow, 8 March 1920"),
], ids=["text", "section"])
def test_a_signature_under_nothing_but_an_epigraph_is_the_texts_own_line(body: str,
                                                                          line: str) -> None:
    # a closer closes a text: a div of an epigraph and a closer alone is not TEI
    root = checked_conversion(f"On Tasks\n\nWritten: 1917\n\n{body}")
    assert root.find(".//tei:closer", NS) is None
    assert line in text_of(root.find(".//tei:body", NS))


def test_a_dateline_is_no_sections_closer_when_no_heading_follows() -> None:
    # "A. Never." looks like a heading, but in an interview it is the next turn ("A.")
    root = checked_conversion("On Tasks\n\nWritten: 1917\n\nQ: How long have you worked in "
                              "the pit?\nA: Since I was twelve.\n\nMoscow, 8 March 1920\n\n"
                              "A. Never.\n\nThe end.\n")
    assert root.find(".//tei:closer", NS) is None


def test_an_interview_ends_signed_by_an_initial_and_a_name() -> None:
    # "A. Kollontai" is no answer ("A." and "Kollontai"), and "A. Soon." above it is a turn,
    # however much it looks like a name
    root = checked_conversion("On Tasks\n\nWritten: 1917\n\nQ. And the Social Democrats?\n\n"
                              "A. They will follow.\n\nQ. When?\n\nA. Soon.\n\nA. Kollontai\n")
    body = root.find(".//tei:body/tei:div", NS)
    assert localnames(body) == ["sp", "sp", "sp", "sp", "closer"]
    assert [text_of(sp.find("tei:p", NS)) for sp in body.findall("tei:sp", NS)] == [
        "And the Social Democrats?", "They will follow.", "When?", "Soon."]
    assert body.xpath("tei:closer/tei:signed/tei:persName/text()", namespaces=NS) == [
        "A. Kollontai"]


@pytest.mark.parametrize("answer", ["Yes", "No", "Never", "Nein"])
def test_a_one_word_answer_without_its_stop_is_a_turn_not_a_signature(answer: str) -> None:
    root = checked_conversion("On Tasks\n\nWritten: 1917\n\nQ. Will you come?\n\nA. Certainly, "
                              f"if the party sends me.\n\nQ. And your wife?\n\nA. {answer}\n")
    body = root.find(".//tei:body/tei:div", NS)
    assert localnames(body) == ["sp", "sp", "sp", "sp"]
    assert text_of(body[-1].find("tei:p", NS)) == answer


def test_a_salutation_and_one_paragraph_keep_the_paragraph() -> None:
    root = checked_conversion("On Tasks\n\nWritten: 1917\n\nComrades!\n\nThe workers rose "
                              "on October 25, 1917.\n")
    assert root.find(".//tei:closer", NS) is None
    assert text_of(root.find(".//tei:body//tei:p", NS)) == "The workers rose on October 25, 1917."


def test_a_letter_without_a_closing_salutation_is_closed_by_its_signature() -> None:
    root = checked_conversion("A Letter\n\nWritten: 1921\n\nDear Comrade,\n\nThe strike goes "
                              "on and the funds are low.\n\nJ. Maclean\n\nGlasgow, 3 May 1921\n")
    closer = root.find(".//tei:div[@type='letter']/tei:closer", NS)
    assert localnames(closer) == ["signed", "dateline"]
    sent = root.find(".//tei:correspDesc/tei:correspAction[@type='sent']", NS)
    assert sent.xpath("tei:persName/text()", namespaces=NS) == ["J. Maclean"]


def test_each_line_of_a_signature_is_set_as_printed(tmp_path: Path) -> None:
    """The signer's function stands on its own line: an ``lb`` in the TEI, a line break on the
    reading page and a block of its own in the print edition."""
    from teikit.render.fo import fo_string
    from tests.render_html.test_page import page_of

    root = checked_conversion(APPEAL)
    signed = root.find(".//tei:closer/tei:signed", NS)
    assert localnames(signed) == ["persName", "lb", "orgName"]
    assert signed[1].tail.strip() == "Chairman of the"

    page = page_of(APPEAL, "appeal", tmp_path)
    [html_signed] = page.xpath("//*[contains(@class, 'tei-signed')]")
    assert [child.tag for child in html_signed] == ["span", "br", "span"]

    fo = etree.fromstring(fo_string(tmp_path / "appeal.xml").encode("utf-8"))
    [signature] = fo.xpath("//fo:block[starts-with(., 'L. Trotsky')][fo:block[not(node())]]",
                           namespaces={"fo": FO})
    assert [etree.QName(child).localname for child in signature] == ["block"]   # the break
    assert signature[0].tail == "Chairman of the Petrograd Soviet"


PAMPHLET = ("V. I. Lenin\n\nThe Tasks of the Proletariat\n\nWritten: 10 April 1917\n\n"
            "Preface to the Second Edition\n\nThis pamphlet was written in April, before the "
            "coalition Cabinet was formed.\n\nN. Lenin\nPetrograd, 1 August 1917\n\n"
            "The Class Character of the Revolution\n\nThe old power has been overthrown on "
            "27 February.\n")


def test_a_section_signed_and_dated_before_the_next_heading_has_its_closer() -> None:
    root = checked_conversion(PAMPHLET)
    preface, text = root.findall(".//tei:body/tei:div", NS)
    assert localnames(preface) == ["head", "p", "closer"]
    assert localnames(preface.find("tei:closer", NS)) == ["signed", "dateline"]
    assert preface.xpath("tei:closer/tei:signed/tei:persName/text()", namespaces=NS) == [
        "N. Lenin"]
    assert localnames(text) == ["head", "p"]


def test_a_prefaces_dateline_does_not_date_the_text() -> None:
    """The text was written in April: a date without a year in it takes the year of "Written:",
    and the text's date is not the preface's August."""
    root = checked_conversion(PAMPHLET.replace("Written: 10 April 1917",
                                               "Written: 10 April 1916"))
    february = root.xpath("//tei:body//tei:p/tei:date[. = '27 February']", namespaces=NS)[0]
    assert february.get("when-custom", february.get("when")).startswith("1916")


@pytest.mark.parametrize("headings", [
    "PART TWO\n\nCHAPTER III",
    "Report of the Central Committee\n\nThe Elections",
    "Karl Marx\n\nHis Life",            # a section on a person, headed by the name
], ids=["capitals", "report-of-a-body", "a-persons-name"])
def test_headings_over_a_section_are_no_signature_of_the_section_before(headings: str) -> None:
    root = checked_conversion(f"An Essay\n\nWritten: 1917\n\nThe first section ends here.\n\n"
                              f"{headings}\n\nThe next section begins.\n")
    assert root.find(".//tei:closer", NS) is None


@pytest.mark.parametrize(("ending", "parts", "signer"), [
    ("On behalf of the Executive Committee:\n\nG. Zinoviev, Chairman\n\nPetrograd, 3 March 1919",
     ["signed", "signed", "dateline"], ("persName", "G. Zinoviev")),
    ("On behalf of the Executive Committee:\nG. Zinoviev, Chairman", ["signed"],
     ("persName", "G. Zinoviev")),
    ("Signed on behalf of the Congress:\n\nThe Executive Committee of the Communist "
     "International", ["signed", "signed"],
     ("orgName", "Executive Committee of the Communist International")),
], ids=["own-line", "over-the-name", "signed-on-behalf"])
def test_the_line_that_says_in_whose_name_a_text_is_signed_belongs_to_its_closer(
        ending: str, parts: list[str], signer: tuple[str, str]) -> None:
    root = checked_conversion("To the Workers\n\nWritten: 1919\n\nThe congress calls on every "
                              f"worker to join the defence of the republic.\n\n{ending}\n")
    (closer,) = root.iterfind(".//tei:body//tei:closer", NS)
    assert localnames(closer) == parts
    assert text_of(closer[0]).startswith(("On behalf of", "Signed on behalf of"))
    kind, name = signer
    assert [text_of(e) for e in closer.iter(f"{{{NS['tei']}}}{kind}")][-1] == name
    # the lead-in names no signer: "Signed" is no person
    assert [text_of(e) for e in closer.iter(f"{{{NS['tei']}}}persName")] in ([], [name])
    assert [localnames(p) for p in root.iterfind(".//tei:body//tei:p", NS)] == [[]]


def test_a_body_and_its_members_one_a_line_sign_the_text_each_name_its_own() -> None:
    root = checked_conversion("To the Workers of All Countries\n\nWritten: December 1919\n\n"
                              "Demand the recognition of Soviet Russia!\n\nThe Amsterdam Bureau "
                              "of the Communist International:\nHerman Gorter\nAnton Pannekoek"
                              "\nHenriette Roland Holst\nS. J. Rutgers\n")
    (closer,) = root.iterfind(".//tei:body//tei:closer", NS)
    (signed,) = closer
    assert localnames(signed) == ["orgName", "lb", "persName", "lb", "persName", "lb",
                                  "persName", "lb", "persName"]
    assert [text_of(e) for e in signed.iterfind("tei:persName", NS)] == [
        "Herman Gorter", "Anton Pannekoek", "Henriette Roland Holst", "S. J. Rutgers"]
    assert [text_of(p) for p in root.iterfind(".//tei:body//tei:p", NS)] == [
        "Demand the recognition of Soviet Russia!"]


@pytest.mark.parametrize(("ending", "signed", "names"), [
    ("In the name of the Russian Republic,\n\nChairman of the Council of People's Commissars: "
     "V. Ulyanov (Lenin)\nSecretary of the Council: N. Gorbunov\n\nPetrograd, 29 October 1917.",
     ["signed", "signed", "dateline"], ["V. Ulyanov", "Lenin", "N. Gorbunov"]),
    ("Chairman of the Conference: B. Shumyatsky.\nSecretary: A. Yanson.", ["signed"],
     ["B. Shumyatsky", "A. Yanson"]),
], ids=["decree", "resolution"])
def test_the_offices_and_names_of_those_who_sign_a_decree_are_its_closer(
        ending: str, signed: list[str], names: list[str]) -> None:
    root = checked_conversion("Decree on the Eight-Hour Day\n\nWritten: 29 October 1917\n\n"
                              "The working time shall not exceed eight hours a day.\n\n"
                              f"{ending}\n")
    (closer,) = root.iterfind(".//tei:body//tei:closer", NS)
    assert localnames(closer) == signed
    assert [text_of(e) for e in closer.iter(f"{{{NS['tei']}}}persName")] == names
    assert [text_of(p) for p in root.iterfind(".//tei:body//tei:p", NS)] == [
        "The working time shall not exceed eight hours a day."]


def test_a_signer_with_the_name_he_wrote_under_in_brackets_closes_the_text() -> None:
    root = checked_conversion("To the Workers\n\nWritten: 1919\n\nThe congress calls on every "
                              "worker to join the defence of the republic.\n\n"
                              "V. Ulyanov (Lenin)\n\nMoscow, 3 March 1919\n")
    (closer,) = root.iterfind(".//tei:body//tei:closer", NS)
    assert localnames(closer) == ["signed", "dateline"]
    assert text_of(closer[0]) == "V. Ulyanov (Lenin)"
    assert [text_of(e) for e in closer[0].iterfind("tei:persName", NS)] == ["V. Ulyanov", "Lenin"]


@pytest.mark.parametrize(("between", "closed"), [
    ("Karl Marx\n\n[Page 57]", False),      # a heading, then the source's next page
    ("The text goes on to its end.\n\n[Page 57]", True),
], ids=["under-a-heading", "under-the-text"])
def test_a_page_of_the_source_beginning_above_a_signature_hides_nothing_above_it(
        between: str, closed: bool) -> None:
    """A name under a heading is the section's text, and a closer under the text is the text's,
    with the page marker "[Page 57]" between them or not."""
    root = checked_conversion(f"An Essay\n\nWritten: 1917\n\nThe first section.\n\n{between}"
                              "\n\nV. Ulyanov (Lenin)\n")
    assert root.find(".//tei:body//tei:pb[@n='57']", NS) is not None
    assert (root.find(".//tei:body//tei:closer", NS) is not None) is closed


LEAFLET_QUOTED = ("The Tram Strike\n\nWritten: 1905\n\nI\n\nThe strike began at the depot.\n\n"
                  "II\n\nComrades! Eleven of our comrades are arrested.\n\n"
                  "The Strike Committee of the Tramwaymen\n\nThe liberals called it premature.\n\n"
                  "III\n\nThe tramwaymen won.\n")


def test_the_signature_of_a_quoted_leaflet_heads_no_section() -> None:
    """Where the sections are headed by their numbers alone, a body's name under the words it
    signs, with the text going on, belongs to the section (it is no heading of a new one)."""
    root = checked_conversion(LEAFLET_QUOTED)
    heads = [text_of(head) for head in root.iterfind(".//tei:body//tei:head", NS)]
    assert heads == ["I", "II", "III"]
    second = root.findall(".//tei:body/tei:div", NS)[1]
    assert [text_of(p) for p in second.iterfind("tei:p", NS)][1:] == [
        "The Strike Committee of the Tramwaymen", "The liberals called it premature."]


def test_a_named_section_among_named_sections_stays_a_heading() -> None:
    text = LEAFLET_QUOTED.replace("I\n\nThe strike", "The Depot\n\nThe strike").replace(
        "II\n\nComrades", "The Arrests\n\nComrades").replace("III\n\n", "The Victory\n\n")
    root = checked_conversion(text)
    heads = [text_of(head) for head in root.iterfind(".//tei:body//tei:head", NS)]
    assert "The Strike Committee of the Tramwaymen" in heads


@pytest.mark.parametrize(("dateline", "when"), [
    ("Saint-Étienne, le 16 mars 1906", "1906-03-16"),
    ("Berlin, den 3. März 1919", "1919-03-03"),
], ids=["french", "german"])
def test_a_dateline_in_french_or_german_closes_the_text(dateline: str, when: str) -> None:
    text = ("Jeanne Morel\n\nLa grève\n\nÉcrit : mars 1906\n\nLes verriers sont en grève "
            f"depuis le 2 février.\n\nVive la grève !\n\nJ. M.\n\n{dateline}\n")
    root = checked_conversion(text)
    (closer,) = root.iterfind(".//tei:body//tei:closer", NS)
    assert localnames(closer) == ["signed", "dateline"]
    assert closer.find("tei:dateline/tei:date", NS).get("when") == when


@pytest.mark.parametrize("signature", [
    "Pour le Comité de grève :\nLe secrétaire, A. Roques.",
    "For the Executive:\nThe Secretary, J. Hale.",
    "Der Vorsitzende, O. Krause"])
def test_a_signers_function_before_his_name_signs_under_a_dateline(signature) -> None:
    from teikit.convert.ingest import ingest_text
    from teikit.convert.model import BlockKind

    doc = ingest_text(f"Appel\n\nÉcrit : 1892\n\nVive la grève ! Vive la République sociale !\n\n"
                      f"Carmaux, le 2 septembre 1892.\n\n{signature}\n", "t")
    assert [b.kind for b in doc.blocks][-3:] == [BlockKind.PARAGRAPH, BlockKind.DATELINE,
                                                 BlockKind.SIGNED]
