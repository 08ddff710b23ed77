"""The family's German and French pages: their header labels, their language, their
conventions (quotation marks, notes headings, dates). The texts are invented; the places real."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.convert.ingest import field_key, ingest_text
from teikit.convert.model import BlockKind
from teikit.convert.readback import comparable, read_back

NS = {"t": "http://www.tei-c.org/ns/1.0"}

GERMAN = """Pjotr Sorin

Die Lehren des Januarstreiks

Geschrieben: Februar 1918
Erstveröffentlichung: Die Neue Welt, Nr. 12, 3. März 1918
Quelle: Pjotr Sorin, Ausgewählte Schriften, Band 2, Dietz Verlag, Berlin 1960, S. 101-110.
Übersetzung: Hanna Vogt
Transkription/HTML-Markierung: Ulrich Brand für das Marxists’ Internet Archive

Am 28. Januar 1918 legten die Arbeiter der Munitionsfabriken in Berlin die Arbeit nieder.
„Frieden, Freiheit, Brot!“ war ihre Losung, und die Regierung antwortete mit dem
Belagerungszustand.

Die Streikleitung erklärte am 3. Februar: „Wir haben nicht verloren. Die Frage ‚Wer führt?‘ ist
gestellt.“ [1] Sie wird im Sommer wieder gestellt werden.

Anmerkungen

1. Die Streikleitung war am 30. Januar verhaftet worden.
"""

FRENCH = """Lucien Marchal

Lettre aux mineurs de Carmaux

Écrit : 12 août 1892
Première publication : La Dépêche, n° 214, 15 août 1892
Source : Lucien Marchal, Écrits politiques, tome 1, Éditions Sociales, Paris 1958, p. 45-52.
Traduit de l’allemand par : Claire Renaud
Transcription : Paul Girard

Le 1er mai 1891, à Fourmies, la troupe a tiré sur les ouvriers. « Nous ne céderons pas »,
disaient les mineurs de Carmaux, et ils ont tenu jusqu’au 30 juillet 1892.

Le courage, c’est de chercher la vérité et de la dire. [1] Nous le savons depuis la Commune.

Notes de l’éditeur

1. Le mot est de Jaurès, qui le répétera en 1903.
"""

ENGLISH_QUOTING_GERMAN = """Ellen Marsh

The Berlin Strikers

Written: March 1920
First Published: The Socialist, No. 14, April 2, 1920
Source: Ellen Marsh, Selected Articles, Pluto Press, London 1975, pp. 12-15.
Transcription/Markup: Sam Brook

In Berlin the strikers answered the coup with one slogan, „Alle Macht den Räten!“, and the
government of the generals fell within the week. A leaflet of the Neukölln strikers said: „Wir
rufen ‚Generalstreik‘ und wir meinen es.“ The workers had been betrayed before and would not be
betrayed again.

On March 17 the last of the putschists left the capital.
"""


def convert(text: str, **settings: object) -> etree._Element:
    conversion = convert_text(text, "t", TextSettings(name="t", **settings))  # type: ignore[arg-type]
    return conversion.tree.getroot()


def values(root: etree._Element, path: str) -> list[str]:
    return [" ".join("".join(n.itertext()).split()) if isinstance(n, etree._Element) else str(n)
            for n in root.xpath(path, namespaces=NS)]


# --- header labels ----------------------------------------------------------------------------

@pytest.mark.parametrize(("label", "key"), [
    ("Geschrieben:", "written"), ("Datum:", "written"),
    ("Erstveröffentlichung:", "first_published"), ("Erstmals veröffentlicht:", "first_published"),
    ("Erstmals veröffentlicht in:", "first_published"), ("Quelle:", "source"),
    ("Übersetzung:", "translation"), ("Übersetzt von:", "translation"),
    ("Übersetzt aus dem Russischen von:", "translation"), ("Transkription:", "transcription"),
    ("Transkription/HTML-Markierung:", "transcription"), ("HTML-Markierung:", "html_markup"),
    ("Korrektur:", "proofread"), ("Gehalten:", "delivered"),
    ("Écrit :", "written"), ("Première publication :", "first_published"),
    ("Publié :", "first_published"), ("Traduction :", "translation"),
    ("Traduit par :", "translation"), ("Traduit de l’allemand par :", "translation"),
    ("Mise en ligne :", "online_version"),
    ("Prononcé :", "delivered"), ("Discours prononcé :", "delivered"),
])
def test_the_familys_german_and_french_labels_have_the_english_labels_keys(label, key):
    assert field_key(label) == key


def test_a_german_header_is_a_header_with_its_labels_as_written():
    doc = ingest_text(GERMAN, "t")
    assert not any("no header block" in w for w in doc.warnings)
    fields = [(b.label, b.key) for b in doc.of_kind(BlockKind.FIELD)]
    assert fields == [("Geschrieben:", "written"), ("Erstveröffentlichung:", "first_published"),
                      ("Quelle:", "source"), ("Übersetzung:", "translation"),
                      ("Transkription/HTML-Markierung:", "transcription")]
    assert [b.text for b in doc.of_kind(BlockKind.AUTHOR, BlockKind.TITLE)] == [
        "Pjotr Sorin", "Die Lehren des Januarstreiks"]


def test_a_french_header_keeps_the_space_before_the_colon_in_its_labels():
    doc = ingest_text(FRENCH, "t")
    fields = [(b.label, b.key, b.text) for b in doc.of_kind(BlockKind.FIELD)]
    assert fields[0] == ("Écrit :", "written", "12 août 1892")
    assert fields[3] == ("Traduit de l’allemand par :", "translation", "Claire Renaud")
    # a no-break space before the colon, as French typography sets it
    doc = ingest_text(FRENCH.replace("Source :", "Source\u00a0:"), "t")
    assert doc.field("source") is not None and doc.field("source").label == "Source\u00a0:"


@pytest.mark.parametrize("heading", [
    "Anmerkungen", "Fußnoten", "Endnoten", "Anmerkungen der Redaktion", "Notes de l’éditeur",
    "Notes de l'éditeur", "Notes du traducteur"])
def test_the_notes_section_has_its_heading_in_the_texts_language(heading):
    doc = ingest_text(GERMAN.replace("Anmerkungen", heading), "t")
    assert [b.text for b in doc.of_kind(BlockKind.NOTES_HEADING)] == [heading]
    assert [b.key for b in doc.of_kind(BlockKind.FOOTNOTE)] == ["1"]


def test_a_speech_delivered_in_german_or_french_dates_the_text_as_delivered_does():
    for label in ("Gehalten:", "Prononcé :"):
        doc = ingest_text(f"Karl Ritter\n\nRede\n\n{label} 1. Mai 1919, Berlin\n\n"
                          "Am 14. März kam die Antwort.\n", "t")
        assert doc.field("delivered") is not None
        root = convert(doc.source)
        assert root.xpath("//t:body//t:date/@when", namespaces=NS) == ["1919-03-14"]
        assert values(root, "//t:profileDesc/t:creation/t:placeName") == ["Berlin"]


def test_the_german_header_gives_author_title_source_translator_and_transcriber():
    root = convert(GERMAN)
    title_stmt = root.find("t:teiHeader/t:fileDesc/t:titleStmt", NS)
    assert values(title_stmt, "t:title[@type='main']") == ["Die Lehren des Januarstreiks"]
    assert values(title_stmt, "t:author") == ["Pjotr Sorin"]
    assert values(title_stmt, "t:respStmt[t:resp='Translation']/t:persName") == ["Hanna Vogt"]
    transcription = title_stmt.xpath("t:respStmt[starts-with(t:resp, 'Transcription')]",
                                     namespaces=NS)[0]
    assert values(transcription, "t:persName") == ["Ulrich Brand"]
    assert values(transcription, "t:orgName") == ["Marxists’ Internet Archive"]
    source = root.find(".//t:sourceDesc", NS)
    assert values(source, "t:biblStruct/t:monogr/t:title") == ["Ausgewählte Schriften"]
    assert values(source, "t:biblStruct/t:monogr/t:imprint/t:publisher") == ["Dietz Verlag"]
    assert source.xpath("t:bibl[@type='firstPublication']/t:date/@when",
                        namespaces=NS) == ["1918-03-03"]
    assert values(source, "t:bibl[@type='firstPublication']/t:title") == ["Die Neue Welt"]


def test_the_french_header_gives_author_title_source_translator_and_transcriber():
    root = convert(FRENCH)
    title_stmt = root.find("t:teiHeader/t:fileDesc/t:titleStmt", NS)
    assert values(title_stmt, "t:title[@type='main']") == ["Lettre aux mineurs de Carmaux"]
    assert values(title_stmt, "t:author") == ["Lucien Marchal"]
    assert values(title_stmt, "t:respStmt[t:resp='Translation']/t:persName") == ["Claire Renaud"]
    assert values(title_stmt, "t:respStmt[starts-with(t:resp, 'Transcription')]/t:persName") == [
        "Paul Girard"]
    source = root.find(".//t:sourceDesc", NS)
    assert values(source, "t:biblStruct/t:monogr/t:title") == ["Écrits politiques"]
    assert source.xpath("t:bibl[@type='firstPublication']/t:date/@when",
                        namespaces=NS) == ["1892-08-15"]
    assert root.xpath("//t:profileDesc/t:creation/t:date/@when", namespaces=NS) == ["1892-08-12"]


def test_a_translation_field_of_a_dash_names_no_translator():
    root = convert(FRENCH.replace("Traduit de l’allemand par : Claire Renaud",
                                  "Traduction : —"))
    assert root.xpath("//t:titleStmt/t:respStmt[t:resp='Translation']", namespaces=NS) == []
    assert root.xpath("//t:analytic/t:respStmt", namespaces=NS) == []
    assert values(root, "//t:front//t:p[t:label='Traduction :']") == ["Traduction : —"]


@pytest.mark.parametrize("value", ["Unknown", "unknown.", "Anonymous", "inconnu"])
def test_a_translation_field_that_knows_no_translator_names_none(value: str):
    root = convert(FRENCH.replace("Traduit de l’allemand par : Claire Renaud",
                                  f"Traduction : {value}"))
    assert root.xpath("//t:titleStmt/t:respStmt[t:resp='Translation']", namespaces=NS) == []
    assert root.xpath("//t:analytic/t:respStmt", namespaces=NS) == []
    assert values(root, "//t:front//t:p[t:label='Traduction :']") == [f"Traduction : {value}"]


def test_a_month_in_a_german_header_is_no_name():
    root = convert(GERMAN)
    (written,) = root.xpath("//t:front//t:p[t:label='Geschrieben:']", namespaces=NS)
    assert written.xpath(".//t:placeName", namespaces=NS) == []
    assert written.xpath("t:date/@when", namespaces=NS) == ["1918-02"]


def test_a_place_of_delivery_with_words_around_a_name_is_no_place_in_a_place():
    root = convert("Ivan Petrov\n\nA Speech\n\nDelivered: 3 March 1919, at the Ivanovo Theatre\n"
                   "Source: Collected Speeches, Progress Publishers, Moscow 1972.\n\n"
                   "Comrades! The workers of Ivanovo are with us.\n")
    (creation,) = root.xpath("//t:profileDesc/t:creation", namespaces=NS)
    assert creation.xpath(".//t:placeName//t:placeName", namespaces=NS) == []
    assert "".join(creation.itertext()) == "3 March 1919, at the Ivanovo Theatre"


# --- the text's language ----------------------------------------------------------------------

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.mark.parametrize(("text", "code", "name"), [
    (GERMAN, "de", "German"), (FRENCH, "fr", "French")])
def test_without_a_language_in_the_config_the_text_tells_its_own(text, code, name):
    root = convert(text)
    assert root.get(XML_LANG) == code
    assert values(root, "//t:langUsage/t:language") == [f"{name} (the text)"]
    assert root.xpath("//t:langUsage/t:language/@ident", namespaces=NS) == [code]
    # the config's word wins over the text's
    assert convert(text, language="en").get(XML_LANG) == "en"


def test_the_reading_edition_gives_the_texts_language_and_keeps_its_own_words_english(tmp_path):
    from lxml import html

    from teikit.render.html import html_string

    path = tmp_path / "t.xml"
    convert_text(GERMAN, "t", TextSettings(name="t")).tree.write(str(path), encoding="utf-8")
    page = html.fromstring(html_string(path))
    assert page.get("lang") == "en"
    assert [a.get("lang") for a in page.iter("article")] == ["de"]


def test_a_text_without_a_language_in_its_config_table_leaves_it_to_the_text(tmp_path):
    from teikit.config import load_config
    from tests.conftest import REPO

    config = tmp_path / "edition.toml"
    config.write_text('[edition]\npublisher = "p"\n\n[texts.sorin]\nyear = 1918\n',
                      encoding="utf-8")
    assert load_config(config).settings_for("sorin").language == ""
    assert load_config(None).settings_for("sorin").language == ""
    # the seed's config names its language
    assert load_config(REPO / "tei" / "edition.toml").settings_for(
        "serge-year-one-2").language == "en"


@pytest.mark.parametrize(("text", "language"), [
    ("Die Arbeiter und die Soldaten haben sich nicht ergeben, auch wenn sie verloren.", "de"),
    ("Les ouvriers et les soldats ne se sont pas rendus, et ils ont tenu.", "fr"),
    ("The workers and the soldiers did not give in, and they held out.", "en"),
    ("Die Arbeiter streikten vom 3. bis 7. Juli, und die Regierung wich.", "de"),
    ("Alle Macht den Räten!", None),   # too short to tell
    ("„Alle Macht den Räten!“ was the slogan of the strikers, and it was heard in the yards "
     "of the Clyde as it was in those of Kiel; they would not be betrayed again.", "en"),
])
def test_the_language_is_told_by_its_function_words(text, language):
    from teikit.language import decide

    assert decide([text]).language == language


def test_dates_carry_a_language_only_when_spelt_in_another_than_the_texts():
    root = convert(GERMAN.replace("Sie wird im Sommer", "Im Mai 1919, wie im März 1917 und am "
                                  "14 juillet 1919, wird sie"))
    dates = {d.text: d.get(XML_LANG) for d in root.iterfind(".//t:body//t:date", NS)}
    assert dates["28. Januar 1918"] is None and dates["3. Februar"] is None
    assert dates["Mai 1919"] is None            # German as well as French: the text's
    assert dates["14 juillet 1919"] == "fr"
    root = convert(FRENCH)
    dates = {d.text: d.get(XML_LANG) for d in root.iterfind(".//t:body//t:date", NS)}
    assert dates["1er mai 1891"] is None and dates["30 juillet 1892"] is None


# --- quotation marks --------------------------------------------------------------------------

def test_german_quotations_open_low_and_nest_in_single_low_marks():
    root = convert(GERMAN)
    (slogan, statement) = root.xpath("//t:body//t:quote[@rend='low-double']", namespaces=NS)
    assert slogan.text == "Frieden, Freiheit, Brot!"
    (inner,) = statement.xpath("*[@rend='low-single']", namespaces=NS)
    assert inner.text == "Wer führt?"
    assert comparable(read_back(root)) == comparable(GERMAN)


def test_a_german_text_quotes_in_reversed_guillemets_too():
    text = GERMAN.replace("„Frieden, Freiheit, Brot!“", "»Frieden, Freiheit, Brot!«")
    root = convert(text)
    assert values(root, "//t:body//t:quote[@rend='guillemets-reversed']") == [
        "Frieden, Freiheit, Brot!"]
    # in another language "»" closes a quotation: one standing first is a stray mark
    english = convert(ENGLISH_QUOTING_GERMAN.replace("„Alle Macht den Räten!“",
                                                     "»Alle Macht den Räten!«"))
    assert english.xpath("//t:body//*[@rend='guillemets-reversed']", namespaces=NS) == []


def test_french_guillemets_keep_the_spaces_inside_and_say_who_speaks_after_them():
    root = convert(FRENCH)
    (quote,) = root.xpath("//t:body//*[@rend='guillemets']", namespaces=NS)
    # four words, no full stop: cited speech because "disaient" reports it
    assert etree.QName(quote).localname == "quote"
    assert quote.text == " Nous ne céderons pas "
    assert comparable(read_back(root)) == comparable(FRENCH)


@pytest.mark.parametrize("reported", ["a déclaré le secrétaire", "ont répondu les mineurs"])
def test_french_speech_reported_in_the_perfect_tense_is_cited_speech(reported: str) -> None:
    root = convert(FRENCH.replace("disaient les mineurs", reported))
    (quote,) = root.xpath("//t:body//*[@rend='guillemets']", namespaces=NS)
    assert etree.QName(quote).localname == "quote"


def test_an_english_text_quoting_german_stays_english_with_the_german_marks():
    root = convert(ENGLISH_QUOTING_GERMAN)
    assert root.get(XML_LANG) == "en"
    assert values(root, "//t:body//t:quote[@rend='low-double']") == [
        "Alle Macht den Räten!", "Wir rufen Generalstreik und wir meinen es."]
    assert values(root, "//t:body//*[@rend='low-single']") == ["Generalstreik"]
    assert comparable(read_back(root)) == comparable(ENGLISH_QUOTING_GERMAN)
    assert root.xpath("//t:body//t:date/@when", namespaces=NS) == ["1920-03-17"]
    title_stmt = root.find(".//t:titleStmt", NS)
    assert values(title_stmt, "t:author") == ["Ellen Marsh"]
    assert values(title_stmt, "t:respStmt[starts-with(t:resp, 'Transcription')]/t:persName") == [
        "Sam Brook"]
    assert root.xpath("//t:sourceDesc/t:bibl[@type='firstPublication']/t:date/@when",
                      namespaces=NS) == ["1920-04-02"]


def test_the_editions_print_the_marks_of_the_source_from_valid_tei(tmp_path):
    from lxml import html

    from teikit.render.html import html_string
    from teikit.validate import check_files

    printed = {"fr": "« Nous ne céderons pas »,",
               "de": "„Wir haben nicht verloren. Die Frage ‚Wer führt?‘ ist gestellt.“",
               "en": "„Wir rufen ‚Generalstreik‘ und wir meinen es.“"}
    paths = []
    for name, text in (("fr", FRENCH), ("de", GERMAN), ("en", ENGLISH_QUOTING_GERMAN)):
        path = tmp_path / f"{name}.xml"
        convert_text(text, name, TextSettings(name=name)).tree.write(str(path), encoding="utf-8")
        words = " ".join("".join(html.fromstring(html_string(path)).itertext()).split())
        assert printed[name] in words
        paths.append(path)
    report = check_files(paths, ["edition", "tei_all"])
    assert [str(p) for p in report.problems if p.severity == "error"] == []


# --- dates ------------------------------------------------------------------------------------

def _dates(text: str) -> list[tuple[str, dict[str, str]]]:
    root = convert(f"Karl Ritter\n\nRede\n\nGeschrieben: 1. Mai 1919\n\n{text}\n")
    keep = ("when", "from", "to", "notBefore", "notAfter", XML_LANG)
    return [("".join(d.itertext()), {k.replace(XML_LANG, "xml:lang"): d.get(k)
                                     for k in keep if d.get(k)})
            for d in root.iterfind(".//t:body//t:date", NS)]


@pytest.mark.parametrize(("text", "found"), [
    ("Die Arbeiter streikten vom 3. bis 7. Juli 1919, und die Regierung wich.",
     [("3. bis 7. Juli 1919", {"from": "1919-07-03", "to": "1919-07-07"})]),
    ("Sie streikten am 9. und 10. November 1918, und wir wissen es.",
     [("9.", {"when": "1918-11-09"}), ("10. November 1918", {"when": "1918-11-10"})]),
    ("Seit 1918 und im Jahre 1919 ist das nicht anders, auch im März nicht.",
     [("1918", {"when": "1918"}), ("1919", {"when": "1919"}), ("im März", {"when": "1919-03"})]),
    ("Anfang Mai 1919 und Ende 1918 war es so, und wir wissen es.",
     [("Anfang Mai 1919", {"notBefore": "1919-05-01", "notAfter": "1919-05-10"}),
      ("Ende 1918", {"notBefore": "1918-10", "notAfter": "1918-12"})]),
    ("Les mineurs ont tenu du 3 au 7 juillet 1903, et en 1903 la grève a gagné.",
     [("3 au 7 juillet 1903", {"from": "1903-07-03", "to": "1903-07-07"}),
      ("1903", {"when": "1903"})]),
    ("En juillet et depuis 1871, les ouvriers de Carmaux ne sont pas restés seuls.",
     [("juillet", {"when": "1871-07"}), ("1871", {"when": "1871"})]),
    ("Fin juillet 1903, les 9 et 10 novembre, et à la mi-juillet 1903.",
     [("Fin juillet 1903", {"notBefore": "1903-07-21", "notAfter": "1903-07-31"}),
      ("9", {"when": "1903-11-09"}), ("10 novembre", {"when": "1903-11-10"}),
      ("mi-juillet 1903", {"notBefore": "1903-07-11", "notAfter": "1903-07-20"})]),
])
def test_german_and_french_ranges_lists_parts_of_months_and_years_after_prepositions(text,
                                                                                     found):
    assert _dates(text) == found


@pytest.mark.parametrize(("name", "language", "fields", "first_published"), [
    ("kessler-hamburg-shipyards", "de",
     ["delivered", "first_published", "source", "transcription", "proofread"], "1918-12-17"),
    ("bastide-carmaux-speech", "fr",
     ["delivered", "first_published", "source", "translation", "transcription", "proofread"],
     "1906-05-06"),
])
def test_the_unseen_german_and_french_pages_keep_header_and_language(name, language, fields,
                                                                     first_published):
    from teikit.convert import convert_transcription
    from teikit.convert.ingest import ingest_file
    from tests.conftest import FIXTURES

    doc = ingest_file(FIXTURES / "unseen" / f"{name}.txt")
    assert [b.key for b in doc.of_kind(BlockKind.FIELD)] == fields
    root = convert_transcription(doc, TextSettings(name=name)).tree.getroot()
    assert root.get(XML_LANG) == language
    assert root.xpath("//t:bibl[@type='firstPublication']/t:date/@when",
                      namespaces=NS) == [first_published]
    assert root.xpath("//t:titleStmt/t:respStmt[t:resp='Translation']", namespaces=NS) == []
