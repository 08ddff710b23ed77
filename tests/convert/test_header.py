"""The teiHeader for transcriptions with other header conventions than the Serge text."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.convert.header import roman_to_int
from tests.conftest import TRANSCRIPTIONS

NS = {"t": "http://www.tei-c.org/ns/1.0"}

SPEECH = """Karl Example

On the Tasks of the Moment

Delivered: 14 March 1918.
First Published: Izvestia, No. 52, March 16, 1918.
Source: Collected Speeches, Volume 3, Progress Publishers, Moscow 1972, pp. 45–52.
Translated: Jane Doe
Transcription/HTML Markup: John Roe

On January 5 the assembly met; on March 3 the peace was signed.
"""


def header_of(text: str, **settings: object) -> etree._Element:
    conversion = convert_text(text, "t", TextSettings(name="t", **settings))  # type: ignore[arg-type]
    return conversion.tree.getroot()


def values(root: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(n.itertext()).split()) if isinstance(n, etree._Element) else str(n)
            for n in root.xpath(path, namespaces=NS)]


def first_publication(root: etree._Element) -> etree._Element:
    """The header's one record of where the text was first published."""
    (bibl,) = root.xpath("//t:sourceDesc/t:bibl[@type='firstPublication']", namespaces=NS)
    return bibl


@pytest.mark.parametrize(("numeral", "value"), [
    ("II", 2), ("XIV", 14), ("IX", 9), ("MCMXVII", 1917), ("4", 4), ("IIX2", None), ("", None)])
def test_roman_numerals(numeral, value):
    assert roman_to_int(numeral) == value


def test_book_source_becomes_a_book_section_with_publisher_and_place():
    root = header_of(SPEECH)
    (struct,) = root.xpath("//t:sourceDesc/t:biblStruct", namespaces=NS)
    assert struct.get("type") == "bookSection"
    assert values(struct, "t:monogr/t:title[@level='m']") == ["Collected Speeches"]
    assert values(struct, "t:monogr/t:imprint/t:publisher") == ["Progress Publishers"]
    assert values(struct, "t:monogr/t:imprint/t:pubPlace") == ["Moscow"]
    assert values(struct, "t:monogr/t:imprint/t:date/@when") == ["1972"]
    assert values(struct, "t:monogr/t:biblScope[@unit='volume']/@n") == ["3"]
    assert values(struct, "t:monogr/t:biblScope[@unit='page']/@from") == ["45"]


def test_periodical_first_publication_keeps_title_issue_and_date_apart():
    root = header_of(SPEECH)
    bibl = first_publication(root)
    assert values(bibl, "t:title") == ["Izvestia"]
    assert values(bibl, "t:biblScope[@unit='issue']/@n") == ["52"]
    assert values(bibl, "t:date/@when") == ["1918-03-16"]


def test_delivery_date_dates_the_creation_and_the_yearless_dates():
    root = header_of(SPEECH)
    assert values(root, "//t:profileDesc/t:creation/t:date/@when") == ["1918-03-14"]
    assert values(root, "//t:body//t:date/@when") == ["1918-01-05", "1918-03-03"]


def test_combined_transcription_label_names_the_transcriber():
    root = header_of(SPEECH)
    assert values(root, "//t:respStmt[t:resp='Transcription and mark-up']/t:persName") == [
        "John Roe"]
    assert values(root, "//t:respStmt[t:resp='Translation']/t:persName") == ["Jane Doe"]


def test_yearless_dates_without_context_are_kept_month_and_day_and_reported():
    conversion = convert_text("Nothing but prose. On January 5 they met.\n", "t",
                              TextSettings(name="t"))
    whens = conversion.tree.getroot().xpath("//t:date/@when", namespaces=NS)
    assert whens == ["--01-05"]
    assert any("without a year" in w for w in conversion.warnings)


def test_article_with_notes_header():
    text = (TRANSCRIPTIONS / "marchal-printers-strike.txt").read_text(encoding="utf-8")
    root = header_of(text, publisher="Test Press", publication_date="2026-01-01")
    (struct,) = root.xpath("//t:sourceDesc/t:biblStruct", namespaces=NS)
    assert struct.get("type") == "journalArticle"
    assert values(struct, "t:monogr/t:title[@level='j']") == ["The Socialist Review"]
    assert values(struct, "t:monogr/t:biblScope[@unit='volume']/@n") == ["2"]
    assert values(struct, "t:monogr/t:biblScope[@unit='issue']/@n") == ["9"]
    assert values(struct, "t:monogr/t:imprint/t:date/@when") == ["1907-11"]
    assert values(root, "//t:titleStmt/t:respStmt/t:resp") == [
        "Translation", "Transcription and mark-up", "HTML mark-up", "Proofreading",
        "TEI encoding (automatic conversion)"]
    assert any(v.startswith("Copyleft: Socialist Review Archive 2009")
               for v in values(root, "//t:publicationStmt/t:availability/t:p"))
    assert values(root, "//t:revisionDesc/t:change[1]/@when") == ["2010-01-12"]


def test_letter_and_footnotes_in_the_text():
    letter = header_of((TRANSCRIPTIONS / "volkova-letter.txt").read_text(encoding="utf-8"),
                       editor="The bulletin editors")
    (div,) = letter.xpath("//t:body/t:div[@type='letter']", namespaces=NS)
    assert values(div, "t:opener/t:dateline") == ["Moscow, 14 March 1921"]
    assert values(div, "t:opener/t:salute") == ["Dear Comrades,"]
    assert values(div, "t:closer/t:salute") == ["With communist greetings,"]
    assert values(div, "t:closer/t:signed") == ["A. Volkova"]

    article = header_of((TRANSCRIPTIONS / "marchal-printers-strike.txt").read_text("utf-8"))
    notes = article.xpath("//t:body//t:note[@type='footnote']", namespaces=NS)
    assert [n.get("n") for n in notes] == ["1", "2"]
    assert values(article, "//t:body//t:note[@n='1']") == [
        "The Rue du Croissant was the centre of the Paris newspaper trade."]
    assert values(article, "//t:back/t:divGen[@type='notes']/t:head") == ["Notes"]


def test_a_year_after_a_name_dates_the_work_and_is_not_part_of_the_name():
    root = header_of("A Speech\n\nTranslated: Ruth Calder, 1958.\n"
                     "Proofread: Helen Marsh (2011).\n\nComrades, we meet today.\n")
    assert values(root, "//t:respStmt[t:persName/@xml:id='translator']/t:persName") == [
        "Ruth Calder"]
    assert values(root, "//t:respStmt[t:persName/@xml:id='translator']/t:resp/t:date/@when") == [
        "1958"]
    assert values(root, "//t:respStmt[t:resp[starts-with(., 'Proofreading')]]/t:persName") == [
        "Helen Marsh"]


def test_creation_date_with_a_comma_is_one_date_and_no_place():
    root = header_of("Written: October 2, 1920, Glasgow.\n\nDear Comrade,\n\nWe reply.\n")
    assert values(root, "//t:creation/t:date/@when") == ["1920-10-02"]
    assert values(root, "//t:creation/t:placeName") == ["Glasgow"]
    assert root.xpath("//t:creation/t:placeName/*", namespaces=NS) == []


def test_editorial_declaration_states_only_the_conventions_the_text_uses():
    plain = header_of("A Title\n\nSource: The Herald, No. 2, 1905.\n\nThe strike began.[1]\n\n"
                      "Notes\n\n[1] The first strike.\n")
    interpretation = values(plain, "//t:interpretation")[0]
    assert "omitted by the journal" not in interpretation
    assert "note elements at their markers" in interpretation
    assert "Anything goes" not in values(plain, "//t:quotation")[0]
    slogan = header_of("A Title\n\nSource: The Herald, No. 2, 1905.\n\nThey cried:\n\n“Bread!”\n")
    assert "the one-line quotation “Bread!”" in values(slogan, "//t:quotation")[0]


def test_several_transcribers_are_several_people():
    root = header_of("A Title\n\nSource: The Herald, No. 2, 1905.\nTranslated: Ann Lee & Bo Ma, "
                     "1960.\nTranscription/Markup: Grace Kim and Daniel Moss.\n\nText.\n")
    assert values(root, "//t:titleStmt/t:respStmt/t:persName/@xml:id") == [
        "translator", "translator-2", "transcriber", "transcriber-2"]
    assert values(root, "//t:analytic/t:respStmt/t:persName") == ["Ann Lee", "Bo Ma"]


def test_proofreaders_and_the_html_mark_up_are_people_each_and_their_archive_a_body():
    root = header_of("A Title\n\nSource: The Herald, No. 2, 1905.\nHTML Markup: Sally Ryan.\n"
                     "Proofread by: Ann Lee and Tom Brook for the Marxists Internet Archive.\n"
                     "\nText.\n")
    assert values(root, "//t:titleStmt/t:respStmt/t:persName/@xml:id") == [
        "markup", "proofreader", "proofreader-2"]
    assert values(root, "//t:titleStmt/t:respStmt/t:persName") == [
        "Sally Ryan", "Ann Lee", "Tom Brook"]
    assert values(root, "//t:titleStmt/t:respStmt/t:orgName") == ["Marxists Internet Archive"]


def test_words_qualifying_the_creation_date_are_not_a_place():
    root = header_of("Written: spring of 1906, Łódź.\n\nThe lockout began.\n")
    assert values(root, "//t:creation") == ["spring of 1906, Łódź"]
    # the season is part of the date: its months as the bounds
    assert values(root, "//t:creation/t:date") == ["spring of 1906"]
    assert values(root, "//t:creation/t:date/@notBefore") == ["1906-03"]
    assert values(root, "//t:creation/t:date/@notAfter") == ["1906-05"]
    assert values(root, "//t:creation/t:placeName") == ["Łódź"]


DAMAGED = """Ãœber die Rätesysteme

Karl Kautskyâ€™s Reply

Written: 1919, Vienna.
First Published: Der Kampf, No. 5, 1919.
Source: Marxistsâ€™ Internet Archive, 2004.
Translated: Jane DoÃ©
Public Domain: Marxistsâ€™ Internet Archive (2005)

The workersâ€™ councils met.
"""
MOJIBAKE = ("Ã", "â€")


def test_the_header_holds_the_repaired_reading_and_the_text_both() -> None:
    root = header_of(DAMAGED)
    header = root.find("t:teiHeader", NS)
    # the damaged reading may stand only as the sic of a choice
    statements = values(header, ".//t:fileDesc//text()[normalize-space()][not(ancestor::t:sic)]")
    assert statements and not [v for v in statements if any(m in v for m in MOJIBAKE)]
    assert "Karl Kautsky’s Reply" in values(header, ".//t:titleStmt/t:title")
    assert any("Marxists’ Internet Archive" in v
               for v in values(header, ".//t:availability/*"))
    # where the source is transcribed, both readings stay
    assert values(root, "//t:text//t:choice[t:sic = 'workersâ€™']/t:corr") == ["workers’"]


LENIN_STYLE = """V. I. Lenin

The Tasks of the Proletariat in Our Revolution

Draft Platform for the Proletarian Party

Section One

Written: April 10 [23], 1917
First Published: September 1917 in pamphlet form by Priboi Publishers
Source: Lenin Collected Works, Progress Publishers, 1964, Moscow, Volume 24, pages 55-92
Transcription\\Markup: R. Cymbala

1. The old tsarist power has been overthrown and removed, but not completely destroyed.
"""


def test_a_title_block_of_four_lines_and_a_label_with_a_backslash_are_the_header():
    root = header_of(LENIN_STYLE)
    assert values(root, "//t:titleStmt/t:title[@type='main']") == [
        "The Tasks of the Proletariat in Our Revolution"]
    assert values(root, "//t:titleStmt/t:title[@type='sub']") == [
        "Draft Platform for the Proletarian Party", "Section One"]
    assert values(root, "//t:titlePage/t:docTitle/t:titlePart[@type='sub']") == [
        "Draft Platform for the Proletarian Party", "Section One"]
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='transcriber']") == [
        "R. Cymbala"]
    assert values(root, "//t:profileDesc/t:creation/t:date/@when") == ["1917-04-23"]
    assert values(root, "//t:body//t:p") == [
        "1. The old tsarist power has been overthrown and removed, but not completely destroyed."]


def test_a_first_publication_that_opens_with_its_date_has_no_empty_title():
    bibl = first_publication(header_of(LENIN_STYLE))
    assert bibl.find("t:title", NS) is None
    assert values(bibl, ".") == ["September 1917 in pamphlet form by Priboi Publishers"]
    assert values(bibl, "t:date/@when") == ["1917-09"]


def test_labels_of_no_fixed_spelling_are_known_by_how_they_begin():
    root = header_of("Franz Mehring\n\nOn Historical Materialism\n\nDate: 1893\n"
                     "Translated from the German by: Bob Archer\n"
                     "Transcribed/HTML Markup: Sally Ryan\n\nHistorical materialism.\n")
    assert values(root, "//t:profileDesc/t:creation/t:date/@when") == ["1893"]
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='translator']") == [
        "Bob Archer"]
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='transcriber']") == [
        "Sally Ryan"]


def test_the_by_that_opens_a_responsibility_field_is_not_part_of_the_name():
    root = header_of("Nina Holt\n\nOn the Cooperatives\n\nSource: The Herald, No. 2, 1905.\n"
                     "Translated: by Owen Barr, 2011\n"
                     "Transcribed: by Ida Fenn for the Marxists’ Internet Archive\n"
                     "Proofread: by Lars Eke\n\nThe cooperatives grew.\n")
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='translator']") == [
        "Owen Barr"]
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='transcriber']") == [
        "Ida Fenn"]
    assert values(root, "//t:respStmt[t:resp[starts-with(., 'Proofreading')]]/t:persName") == [
        "Lars Eke"]
    assert values(root, "//t:analytic/t:respStmt/t:persName") == ["Owen Barr"]
    # the transcription keeps the word as written, outside the name
    assert values(root, "//t:front//t:p[t:label='Translated:']") == [
        "Translated: by Owen Barr, 2011"]


def test_title_lines_in_one_chunk_are_the_title_and_its_parts():
    parted = header_of("Ada Morrow\n\nA History of the Quarrymen\nChapter 3: The Great Lock-Out\n"
                       "\nWritten: 1938\n\nThe lock-out began.\n")
    assert values(parted, "//t:titleStmt/t:title[@type='main']") == [
        "A History of the Quarrymen"]
    assert values(parted, "//t:titleStmt/t:title[@type='sub']") == [
        "Chapter 3: The Great Lock-Out"]
    assert values(parted, "//t:titlePage/t:docTitle/t:titlePart/@type") == ["main", "sub"]
    assert values(parted, "//t:titlePage/t:docAuthor") == ["Ada Morrow"]
    # a line that opens in lower case is the title wrapped, not a part
    wrapped = header_of("Ada Morrow\n\nThe Quarrymen of North Wales\nand their Union\n\n"
                        "Written: 1938\n\nThe lock-out began.\n")
    assert values(wrapped, "//t:titleStmt/t:title") == [
        "The Quarrymen of North Wales and their Union"]
    assert values(wrapped, "//t:titlePage/t:docTitle/t:titlePart/@type") == ["main"]


def front_names(root: etree._Element, label: str) -> list[tuple[str, str]]:
    """(element, text) of each name in the transcription's header line ``label``."""
    (line,) = root.xpath(f"//t:front/t:div[@type='transcription']/t:p[t:label='{label}']",
                         namespaces=NS)
    return [(etree.QName(e).localname + (f"[{e.get('level')}]" if e.get("level") else ""),
             "".join(e.itertext())) for e in line if etree.QName(e).localname != "label"
            and etree.QName(e).localname != "date"]


def test_a_book_is_cited_with_its_publisher_and_place_never_a_place_in_the_publisher():
    root = header_of("Ada Morrow\n\nA History of the Quarrymen\n\n"
                     "Source: A History of the Quarrymen, Hollis and Crane, Leeds 1931.\n\n"
                     "The quarries closed in May.\n")
    assert front_names(root, "Source:") == [
        ("title[m]", "A History of the Quarrymen"), ("orgName", "Hollis and Crane"),
        ("placeName", "Leeds")]
    (monogr,) = root.xpath("//t:sourceDesc/t:biblStruct/t:monogr", namespaces=NS)
    assert values(monogr, "t:title[@level='m']") == ["A History of the Quarrymen"]
    assert values(monogr, "t:imprint/t:publisher") == ["Hollis and Crane"]
    assert values(monogr, "t:imprint/t:pubPlace") == ["Leeds"]


@pytest.mark.parametrize(("line", "title", "scope"), [
    ("Selected Works, Vol. II. London: Lawrence and Wishart, 1942.", "Selected Works", "2"),
    ("The Communist Manifesto. London: Penguin, 1967. pp. 79–94.", "The Communist Manifesto",
     None),
    ("Notes on the Revolution, Vols. I–III. Berlin: Grzhebin, 1922.", "Notes on the Revolution",
     "1"),
], ids=["volume", "title", "volumes"])
def test_an_imprint_after_a_full_stop_is_the_books_place_and_publisher(line, title, scope):
    root = header_of(f"Ida Berg\n\nOn Strikes\n\nSource: {line}\n\nThe strike began.\n")
    (monogr,) = root.xpath("//t:sourceDesc/t:biblStruct/t:monogr", namespaces=NS)
    assert values(monogr, "t:title[@level='m']") == [title]
    assert len(values(monogr, "t:imprint/t:publisher")) == 1
    assert len(values(monogr, "t:imprint/t:pubPlace")) == 1
    assert values(monogr, "t:imprint/t:date/@when") == [line.split(", ")[-1][:4]]
    volumes = root.xpath("//t:sourceDesc//t:biblScope[@unit='volume']", namespaces=NS)
    assert [v.get("n") or v.get("from") for v in volumes] == ([scope] if scope else [])


def test_a_translator_or_editor_in_a_citation_is_a_person_and_ends_the_title():
    root = header_of("Lev Dorin\n\nArt and the Party\n\n"
                     "Source: Art and Revolution, translated by Vera Lund, 1925.\n"
                     "First Published: Die Rote Fahne, No. 12, 1919; trans. Emil Sand\n\n"
                     "The party does not lead art.\n")
    assert front_names(root, "Source:") == [("title[m]", "Art and Revolution"),
                                           ("persName", "Vera Lund")]
    assert front_names(root, "First Published:") == [("title[j]", "Die Rote Fahne"),
                                                    ("persName", "Emil Sand")]
    assert values(root, "//t:sourceDesc/t:biblStruct/t:monogr/t:title[@level='m']") == [
        "Art and Revolution"]
    edited = header_of("Lev Dorin\n\nArt and the Party\n\nSource: The Art Papers, edited by "
                       "Hanne Vik, Haymarket Books, Chicago 2008, pp. 11-18.\n\nArt.\n")
    assert front_names(edited, "Source:") == [
        ("title[m]", "The Art Papers"), ("persName", "Hanne Vik"),
        ("orgName", "Haymarket Books"), ("placeName", "Chicago")]


def test_the_author_at_the_head_of_a_source_is_a_person_and_an_edition_of_works_a_book():
    root = header_of("Greta Ahlberg\n\nOn the Women's Day\n\nDelivered: 8 March 1911\n"
                     "Source: Greta Ahlberg, Gesammelte Reden und Schriften, Volume 2, Dietz "
                     "Verlag, Berlin 1960, pp. 211-215.\n\nComrades! The day has come.\n")
    assert front_names(root, "Source:") == [
        ("persName", "Greta Ahlberg"), ("title[m]", "Gesammelte Reden und Schriften"),
        ("orgName", "Dietz Verlag"), ("placeName", "Berlin")]
    (monogr,) = root.xpath("//t:sourceDesc/t:biblStruct/t:monogr", namespaces=NS)
    assert values(monogr, "t:title[@level='m']") == ["Gesammelte Reden und Schriften"]
    assert values(monogr, "t:imprint/t:publisher") == ["Dietz Verlag"]
    french = header_of("Jules Ferrand\n\nLe Parti\n\nSource: Œuvres complètes, Tome 3, "
                       "Éditions Sociales, Paris 1971.\n\nThe party.\n")
    assert front_names(french, "Source:") == [
        ("title[m]", "Œuvres complètes"), ("orgName", "Éditions Sociales"),
        ("placeName", "Paris")]


@pytest.mark.parametrize(("source", "author"), [
    # the author's surname alone, as the family often cites a collection of the author's
    ("Trotsky, How the Revolution Armed, Volume III, New Park Publications, London 1981.",
     "Leon Trotsky"),
    ("Leon Trotsky, How the Revolution Armed, Volume III, New Park Publications, London "
     "1981.", "Leon Trotsky"),
    ("How the Revolution Armed, Volume III, New Park Publications, London 1981.", None),
], ids=["surname", "full-name", "no-author"])
def test_the_book_a_source_cites_has_the_author_it_names(source: str, author: str | None):
    root = header_of(f"Leon Trotsky\n\nAn Interview\n\nWritten: 1920\nSource: {source}\n\n"
                     "The interview.\n")
    (monogr,) = root.xpath("//t:sourceDesc/t:biblStruct/t:monogr", namespaces=NS)
    assert values(monogr, "t:title[@level='m']") == ["How the Revolution Armed"]
    assert values(monogr, "t:author") == ([author] if author else [])
    names = front_names(root, "Source:")
    assert names[0] == (("persName", source.split(",")[0]) if author else
                        ("title[m]", "How the Revolution Armed"))


@pytest.mark.parametrize(("translated", "translators"), [
    ("Eden and Cedar Paul", ["Eden Paul", "Cedar Paul"]),     # given names share a surname
    ("Sidney and Beatrice Webb", ["Sidney Webb", "Beatrice Webb"]),
    ("Grace Kim and Daniel Moss", ["Grace Kim", "Daniel Moss"]),
    ("Marx and Friedrich Engels", ["Marx", "Friedrich Engels"]),   # a surname stays one
])
def test_the_translators_a_field_names(translated: str, translators: list[str]):
    root = header_of(f"Rosa Luxemburg\n\nA Letter\n\nWritten: 1917\nTranslated: {translated}"
                     "\n\nThe letter.\n")
    assert values(root, "//t:titleStmt/t:respStmt[t:resp='Translation']/t:persName") == \
        translators
    assert values(root, "//t:analytic/t:respStmt/t:persName") in ([], translators)


def test_a_title_after_its_preposition_is_the_title_and_the_words_before_it_stay():
    root = header_of("Ivan Grekov\n\nOn the Boycott\n\n"
                     "First Published: in Russian in Proletary, No. 3, 1905\n\nThe boycott.\n")
    assert front_names(root, "First Published:") == [("title[j]", "Proletary")]
    bibl = first_publication(root)
    assert values(bibl, "t:title") == ["Proletary"]
    assert values(bibl, ".") == ["in Russian in Proletary, No. 3, 1905"]


def test_fields_after_semicolons_on_one_line_are_fields_of_their_own():
    root = header_of("Ida Berg\n\nOn Strikes\n\nSource: The Herald, No. 2, 1905.\n"
                     "Transcription: Sam Brook; Proofed: Tina Wells; HTML Markup: Ole Rask\n\n"
                     "The strike began.\n")
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='transcriber']") == [
        "Sam Brook"]
    assert values(root, "//t:respStmt[t:resp[starts-with(., 'Proofreading')]]/t:persName") == [
        "Tina Wells"]
    assert values(root, "//t:respStmt[t:resp='HTML mark-up']/t:persName") == ["Ole Rask"]
    assert values(root, "//t:front/t:div[@type='transcription']/t:p/t:label") == [
        "Source:", "Transcription:", "Proofed:", "HTML Markup:"]


@pytest.mark.parametrize(("line", "names", "bibl"), [
    ("The Clarion, Leeds, 3 May 1913", [("title[j]", "The Clarion"), ("placeName", "Leeds")],
     '<title>The Clarion</title>, <pubPlace>Leeds</pubPlace>, '
     '<date when="1913-05-03">3 May 1913</date>'),
    # the place where the source gives it: before the issue, or after the date
    ("Novaya Zhizn, Petrograd, No. 12, 1917",
     [("title[j]", "Novaya Zhizn"), ("placeName", "Petrograd")],
     '<title>Novaya Zhizn</title>, <pubPlace>Petrograd</pubPlace>, '
     '<biblScope unit="issue" n="12">No. 12</biblScope>, <date when="1917">1917</date>'),
    ("Pravda, No. 26, April 7, 1917, Petrograd",
     [("title[j]", "Pravda"), ("placeName", "Petrograd")],
     '<title>Pravda</title>, <biblScope unit="issue" n="26">No. 26</biblScope>, '
     '<date when="1917-04-07">April 7, 1917</date>, <pubPlace>Petrograd</pubPlace>'),
    ("Iskra Nos. 4, 5, May 1901", [("title[j]", "Iskra")],
     '<title>Iskra</title>, <biblScope unit="issue" n="4">Nos. 4</biblScope>, '
     '<date when="1901-05">May 1901</date>'),
    ("as a pamphlet, Kraków 1907", [("placeName", "Kraków")],
     'as a pamphlet, <pubPlace>Kraków</pubPlace> <date when="1907">1907</date>'),
    ("1907 in the collection Zemlya i Trud", [("title[m]", "Zemlya i Trud")],
     '<date when="1907">1907</date> in the collection <title>Zemlya i Trud</title>'),
    ("Vorwärts Verlag, Berlin 1909", [("orgName", "Vorwärts Verlag"), ("placeName", "Berlin")],
     '<publisher>Vorwärts Verlag</publisher>, <pubPlace>Berlin</pubPlace> '
     '<date when="1909">1909</date>'),
])
def test_a_first_publication_names_its_title_apart_from_place_issue_and_publisher(
        line, names, bibl):
    root = header_of(f"Ivan Grekov\n\nOn the Boycott\n\nFirst Published: {line}\n\n"
                     "The boycott.\n")
    assert front_names(root, "First Published:") == names
    element = first_publication(root)
    inner = etree.tostring(element, encoding=str).split(">", 1)[1].rsplit("</", 1)[0]
    assert inner.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "") == bibl


def test_a_first_publications_place_is_its_pub_place_in_valid_tei():
    from tests.conftest import checked_conversion

    root = checked_conversion("V. I. Lenin\n\nThe Tasks of the Proletariat\n\n"
                              "First Published: Pravda, No. 26, April 7, 1917, Petrograd\n\n"
                              "The text.\n")
    assert values(root, "//t:bibl[@type='firstPublication']/t:pubPlace") == ["Petrograd"]


def test_the_imprint_date_is_not_a_year_in_the_title():
    root = header_of("Henri Vallet\n\nThe Commune and the International\n\n"
                     "Source: The Commune of 1871, New Park Publications, London 1976.\n\n"
                     "The Commune was a workers' government.\n")
    (monogr,) = root.xpath("//t:sourceDesc/t:biblStruct/t:monogr", namespaces=NS)
    assert values(monogr, "t:title") == ["The Commune of 1871"]
    assert values(monogr, "t:imprint/t:date/@when") == ["1976"]


@pytest.mark.parametrize(("line", "scopes"), [
    ("Ausgewählte Schriften, Band 4, Dietz Verlag, Berlin 1951, S. 12-30.",
     [("volume", "4", None), ("page", "12", "30")]),
    ("Œuvres choisies, Tome 3, Éditions Sociales, Paris 1971.", [("volume", "3", None)]),
    ("Selected Works, Progress Publishers, Moscow 1965, Volume 31, pages 283-299.",
     [("volume", "31", None), ("page", "283", "299")]),
    ("Iskra Nos. 4, 5, May 1901.", [("issue", "4", None)]),
    ("Der Kampf, Jahrgang 12, Nr. 3, März 1919.", [("volume", "12", None), ("issue", "3", None)]),
])
def test_volumes_issues_and_pages_in_the_familys_spellings_are_scopes(line, scopes):
    root = header_of(f"Ida Berg\n\nOn Strikes\n\nSource: {line}\n\nThe strike began.\n")
    found = [(scope.get("unit"), scope.get("n") or scope.get("from"),
              scope.get("to") if scope.get("unit") == "page" else None)
             for scope in root.xpath("//t:sourceDesc//t:biblScope", namespaces=NS)]
    assert found == scopes


def test_a_label_joined_with_an_ampersand_is_a_header_label():
    root = header_of("Otto Behrens\n\nThe Road to Power\n\nWritten: 1909\n"
                     "Transcribed & HTML Markup: Ted Crane\n\nThe road is long.\n")
    assert values(root, "//t:titleStmt/t:title[@type='main']") == ["The Road to Power"]
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[@xml:id='transcriber']") == [
        "Ted Crane"]


def test_a_part_named_chapter_or_part_is_numbered_like_a_bare_numeral():
    root = header_of("Ada Morrow\n\nA History of the Quarrymen\nChapter 3: The Great Lock-Out\n"
                     "Part IV\n\nWritten: 1938\n\nThe lock-out began.\n")
    assert values(root, "//t:titleStmt/t:title[@type='sub']/@n") == ["3", "4"]


@pytest.mark.parametrize(("line", "names"), [
    ("Karl Vogt and Anna Lenz, Selected Works, Volume 2, Foreign Languages Publishing House, "
     "Moscow 1951", [("persName", "Karl Vogt"), ("persName", "Anna Lenz"),
                     ("title[m]", "Selected Works"),
                     ("orgName", "Foreign Languages Publishing House"), ("placeName", "Moscow")]),
    ("Rosa Brandt Speaks, (ed. Mary-Alice Waite), Pathfinder Press, New York 1970.",
     [("title[m]", "Rosa Brandt Speaks"), ("persName", "Mary-Alice Waite"),
      ("orgName", "Pathfinder Press"), ("placeName", "New York")]),
    ("The Labour Monthly, August 1925, pp. 465-470. Translated by Brian Pearl.",
     [("title[j]", "The Labour Monthly"), ("persName", "Brian Pearl")]),
    ("Pamphlet published by the Socialist Labour Party, Edinburgh, 1920.",
     [("orgName", "Socialist Labour Party"), ("placeName", "Edinburgh")]),
    ("“On Strikes”, Pravda, No. 26, 7 April 1917.", [("title[j]", "Pravda")]),
    ("Ida Berg, Izbrannye Proizvedeniya, Moscow 1960.",
     [("persName", "Ida Berg"), ("title[m]", "Izbrannye Proizvedeniya"), ("placeName", "Moscow")]),
    ("Rabotnitsa [The Woman Worker], No. 1, 1914.",
     [("title[j]", "Rabotnitsa"), ("title[j]", "Woman Worker")]),
])
def test_authors_editors_and_publishers_of_a_citation_in_the_familys_other_forms(line, names):
    root = header_of(f"Ida Berg\n\nOn Strikes\n\nSource: {line}\n\nThe strike began.\n")
    assert front_names(root, "Source:") == names
    titles = [text for element, text in names if element.startswith("title")]
    if titles:
        assert values(root, "//t:sourceDesc/t:biblStruct/t:monogr/t:title") == titles[:1]


@pytest.mark.parametrize(("label", "line", "names"), [
    ("First Published:", "1920, Moscow", [("placeName", "Moscow")]),
    ("Source:", "Pravda, Moscow, 1917", [("title[j]", "Pravda"), ("placeName", "Moscow")]),
    ("Source:", "The Politics and Economics of the Transition Period, Routledge, 1979",
     [("title[m]", "The Politics and Economics of the Transition Period"),
      ("orgName", "Routledge")]),
    ("Source:", "Theses, Resolutions and Manifestos of the First Four Congresses of the Third "
     "International, Ink Links, London 1980",
     [("title[m]", "Theses, Resolutions and Manifestos of the First Four Congresses of the "
                   "Third International"), ("orgName", "Ink Links"), ("placeName", "London")]),
], ids=["town-after-year", "town-after-paper", "publisher-before-year", "listing-title"])
def test_a_town_a_publisher_and_a_listing_title_in_a_citation(label, line, names):
    """A known town is where the text appeared, never a paper's title; a name between a book's
    title and its year is the publisher; a title that opens with a listing ("Theses,
    Resolutions and …") is one title, whatever its commas."""
    root = header_of(f"Ida Berg\n\nOn Strikes\n\n{label} {line}\n\nThe strike began.\n")
    assert front_names(root, label) == names


def test_a_name_between_an_author_and_a_year_is_the_title_not_a_publisher():
    from teikit.register.citations import PartKind, read_citation

    citation = read_citation("Karl Vogt, Capital, 1867")
    assert [part.kind for part in citation.parts] == [PartKind.AUTHOR, PartKind.TITLE,
                                                      PartKind.DATE]


@pytest.mark.parametrize(("rights", "target"), [
    ("Copyleft: Rosa Luxemburg Internet Archive (marxists.org) 2000. Permission is granted to "
     "copy and/or distribute this document under the terms of the GNU Free Documentation "
     "License.", "https://www.gnu.org/licenses/fdl.html"),
    ("Public Domain: Marxists Internet Archive (2003). You may freely copy, distribute, display "
     "and perform this work.", "https://creativecommons.org/publicdomain/mark/1.0/"),
    ("Copyleft: Creative Commons Attribution-ShareAlike 2.0, marxists.org 2007.",
     "https://creativecommons.org/licenses/by-sa/2.0/"),
], ids=["gfdl", "public-domain", "cc-by-sa-2.0"])
def test_the_rights_line_of_the_source_is_the_texts_licence(rights: str, target: str) -> None:
    root = header_of(f"The Russian Tragedy\n\nWritten: 1918\n{rights}\n\nThe text.\n")
    licences = root.findall(".//t:availability/t:licence", NS)
    # the encoding's licence is the edition's (its config); the text's is what the source says
    assert [(lic.get("n"), lic.get("target")) for lic in licences] == [("encoding", None),
                                                                      ("text", target)]
    assert " ".join("".join(licences[1].itertext()).split()) == rights
    assert root.find(".//t:availability/t:p", NS) is None


def test_a_licence_named_without_its_version_stays_a_statement() -> None:
    # "Creative Commons (Attribute & ShareAlike)" says no version, and its address needs one
    root = header_of("The Russian Tragedy\n\nWritten: 1918\nCopyleft: Creative Commons "
                     "(Attribute & ShareAlike) marxists.org 2007.\n\nThe text.\n")
    assert [lic.get("n") for lic in root.findall(".//t:availability/t:licence", NS)] == [None]
    assert values(root, ".//t:availability/t:p") == [
        "Copyleft: Creative Commons (Attribute & ShareAlike) marxists.org 2007."]


def test_the_configs_rights_in_the_text_win_over_the_sources_line() -> None:
    root = header_of("The Russian Tragedy\n\nWritten: 1918\nPublic Domain: Marxists Internet "
                     "Archive (2003).\n\nThe text.\n", text_rights="CC BY 4.0",
                     text_rights_url="https://creativecommons.org/licenses/by/4.0/")
    assert [lic.get("target") for lic in root.findall(".//t:availability/t:licence", NS)] == [
        None, "https://creativecommons.org/licenses/by/4.0/"]
    assert values(root, ".//t:availability/t:p") == ["Public Domain: Marxists Internet "
                                                     "Archive (2003)."]


REVISED = ("Rosa Brandt\n\nOn the Mass Strike\n\nWritten: September 1906\n"
           "First Published: Hamburg, 1906, as a pamphlet\n"
           "Translated: Patrick Lavin, 1925; revised by Sam Hall, 2005\n"
           "Proofed: and corrected by Einde O'Callaghan (2008)\n\n"
           "The mass strike is not an artificial method.\n")


def test_a_translation_revised_later_names_both_and_when_each_worked():
    root = header_of(REVISED)
    statements = root.xpath("//t:titleStmt/t:respStmt[t:persName[starts-with(@xml:id, "
                            "'translator')]]", namespaces=NS)
    assert [(values(s, "t:resp"), values(s, "t:persName"), values(s, "t:persName/@xml:id"))
            for s in statements] == [
        (["Translation, 1925"], ["Patrick Lavin"], ["translator"]),
        (["Translation revised, 2005"], ["Sam Hall"], ["translator-reviser"])]
    assert values(root, "//t:respStmt[t:resp[starts-with(., 'Proofreading')]]/t:persName") == [
        "Einde O'Callaghan"]


def test_a_first_publication_in_a_city_names_its_place_and_no_title():
    bibl = first_publication(header_of(REVISED))
    assert bibl.find("t:title", NS) is None
    assert values(bibl, "t:pubPlace") == ["Hamburg"]
    assert values(bibl, ".") == ["Hamburg, 1906, as a pamphlet"]


def test_what_follows_a_semicolon_and_names_nobody_stays_in_the_transcriptions_header():
    root = header_of(REVISED.replace("; revised by Sam Hall, 2005", "; from the German"))
    assert values(root, "//t:titleStmt/t:respStmt/t:persName[starts-with(@xml:id, "
                        "'translator')]") == ["Patrick Lavin"]
    assert values(root, "//t:front//t:p[t:label='Translated:']") == [
        "Translated: Patrick Lavin, 1925; from the German"]


def test_a_source_published_by_a_body_names_it_as_the_author_and_the_report_as_the_title():
    root = header_of("Report on the Jute Workers\n\nWritten: 1906\nSource: Women's Trade Union "
                     "League, Annual Report for 1906, London, 1907, pp. 31–38.\n\n"
                     "The mills work long hours.\n")
    (monogr,) = root.xpath("//t:sourceDesc/t:biblStruct/t:monogr", namespaces=NS)
    assert values(monogr, "t:author") == ["Women's Trade Union League"]
    assert values(monogr, "t:title") == ["Annual Report for 1906"]
    assert values(monogr, "t:imprint/t:date/@when") == ["1907"]
    assert values(monogr, "t:imprint/t:pubPlace") == ["London"]


def test_a_body_over_the_title_is_the_texts_corporate_author() -> None:
    from tests.conftest import checked_conversion

    minutes = checked_conversion("Third Congress of the Northern Federation of Labour\n\n"
                                 "Minutes of the Second Session\n\nWritten: 14 June 1921\n\n"
                                 "The session opened at ten o’clock.\n")
    article = checked_conversion("Margaret Bank\n\nThe Union\n\nWritten: 1921\n\nIt met.\n")
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert minutes.xpath("string(//t:titleStmt/t:author/t:orgName)", namespaces=ns) == \
        "Third Congress of the Northern Federation of Labour"
    assert article.xpath("string(//t:titleStmt/t:author/t:persName)", namespaces=ns) == \
        "Margaret Bank"
