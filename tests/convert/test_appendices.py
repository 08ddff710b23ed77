"""The appendices that end a text ("Appendix: The Resolution", "Appendix II", "Anhang",
"Annexe") are its back matter: each a ``div type="appendix"`` of the ``back``, before the text's
notes, its heading and paragraphs numbered on from the body's, and cited like the body."""

from __future__ import annotations

import pytest
from lxml import etree, html

from teikit.render.html import html_string
from tests.conftest import checked_conversion

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
HEADER = "A Pamphlet\n\nWritten: 1920\n\n"


def localnames(element: etree._Element | None) -> list[str]:
    return [] if element is None else [etree.QName(child).localname for child in element]


def heads(root: etree._Element, where: str) -> list[str]:
    return ["".join(head.itertext()) for head in root.iterfind(f".//tei:{where}/tei:div/tei:head",
                                                               NS)]


def test_the_appendices_that_end_a_text_are_its_back_matter() -> None:
    root = checked_conversion(
        f"{HEADER}The congress met in March.[1]\n\nAppendix I: The Resolution\n\nThe congress "
        "resolves to strike.\n\nAPPENDIX II\n\nThe Rules\n\nEvery member pays a due.[2]\n\n"
        "Notes\n\n1. In Moscow.\n\n2. Of ten kopecks.\n")
    back = root.find(".//tei:back", NS)
    assert localnames(back) == ["div", "div", "divGen"]
    assert [div.get("type") for div in back.iterfind("tei:div", NS)] == ["appendix"] * 2
    assert heads(root, "back") == ["Appendix I: The Resolution", "APPENDIX II", "The Rules"]
    assert heads(root, "body") == []
    # numbered on from the body: the citation of a paragraph does not depend on where it stands
    assert [p.get("n") for p in back.iterfind("tei:div/tei:p", NS)] == ["2.1", "3.1"]
    # the appendix's marker holds its note
    assert ["".join(n.itertext()) for n in back.iterfind(".//tei:note", NS)] == [
        "Of ten kopecks."]


@pytest.mark.parametrize("text", [
    # a chapter after the appendix: the appendix is one of the text's sections
    "The congress met.\n\nAppendix: The Resolution\n\nThe text of it.\n\nChapter 5\n\nMore.\n",
    # the text opens with the appendix: it is the text
    "Appendix: The Resolution\n\nThe congress resolves to strike.\n",
    # a sentence that opens with the word
    "The congress met.\n\nAppendix A of the statute was read out to the congress.\n",
], ids=["chapter-after-it", "nothing-before-it", "a-sentence"])
def test_an_appendix_that_does_not_end_the_text_stays_in_the_body(text: str) -> None:
    root = checked_conversion(HEADER + text)
    assert root.find(".//tei:back/tei:div[@type='appendix']", NS) is None
    assert root.find(".//tei:div[@type='appendix']", NS) is None


@pytest.mark.parametrize("heading", ["Anhang: Die Resolution", "Annexe 2", "Appendices"])
def test_appendices_in_the_familys_languages(heading: str) -> None:
    root = checked_conversion(f"{HEADER}The congress met.\n\n{heading}\n\nThe text of it.\n")
    assert heads(root, "back") == [heading]


def test_the_reading_page_numbers_an_appendixs_paragraphs() -> None:
    root = checked_conversion(f"{HEADER}The congress met.\n\nAppendix: The Resolution\n\n"
                              "The congress resolves to strike.\n")
    page = html.fromstring(html_string(etree.tostring(root.getroottree(), encoding="utf-8")))
    (paragraph,) = page.xpath("//*[@id='p-2.1']")
    assert paragraph.xpath(".//a[@href='#p-2.1']/text()") == ["2.1"]
    assert page.xpath("//nav//a[@href='#s3']/text()") == ["Appendix: The Resolution"]


def test_the_editors_note_after_the_text_is_back_matter_set_apart_as_theirs(tmp_path) -> None:
    from teikit.xmlio import serialize_tei

    root = checked_conversion(
        f"{HEADER}The strike began in September.[1]\n\nEditor’s Note: The author was the paper’s "
        "correspondent in the Middle West.\n\nNotes\n\n1. Of 1919.\n")
    back = root.find(".//tei:back", NS)
    assert localnames(back) == ["div", "divGen"]
    (note,) = back.iterfind("tei:div[@type='afterword']", NS)
    assert note.get("resp") == "#ed"
    assert "".join(note.itertext()).startswith("Editor’s Note: The author was")
    (paragraph,) = root.iterfind(".//tei:body//tei:p", NS)
    assert "".join(paragraph.itertext()).startswith("The strike began in September.")
    page = html.fromstring(html_string(serialize_tei(root.getroottree())))
    (shown,) = page.xpath("//section[contains(@class, 'div-afterword')]")
    assert shown.xpath("string(*[@class='section-head'])") == "Editors’ note"


def test_a_labelled_note_that_the_text_goes_on_after_is_the_texts_paragraph() -> None:
    root = checked_conversion(f"{HEADER}Editor’s Note: Translated from the French.\n\nThe strike "
                              "began.\n\nEditorial note: the figures are the union’s.\n\nThe "
                              "strike ended.\n")
    assert root.find(".//tei:back", NS) is None
    assert root.find(".//tei:front/tei:div[@type='headnote']", NS) is not None


def test_the_translators_note_heads_the_text_and_the_transcribers_ends_it_each_theirs() -> None:
    root = checked_conversion(
        "Clara Zetkin\n\nThe Women of the Factories\n\nWritten: 1896\nTranslated: Kate Ryan\n"
        "Transcription/Mark-up: Ann Scott\n\nTranslator’s Note: “Arbeiterin” is rendered as "
        "“woman worker”.\n\nThe woman worker earns half of what the man earns.\n\n"
        "Transcriber’s Note: The pamphlet has no headings.\n")
    (headnote,) = root.iterfind(".//tei:front/tei:div[@type='headnote']", NS)
    (afterword,) = root.iterfind(".//tei:back/tei:div[@type='afterword']", NS)
    assert headnote.get("resp") == "#translator" and afterword.get("resp") == "#transcriber"
    # the note is no header field, and the header names the translator once
    assert root.xpath("count(//tei:respStmt[tei:resp = 'Translation'])", namespaces=NS) == 1
    assert not root.xpath("//tei:front//tei:label[starts-with(., 'Translator')]", namespaces=NS)


def test_a_note_of_a_translator_the_header_does_not_name_is_the_editors() -> None:
    root = checked_conversion(f"{HEADER}Translator’s Note: Abridged.\n\nThe strike began.\n")
    (headnote,) = root.iterfind(".//tei:front/tei:div[@type='headnote']", NS)
    assert headnote.get("resp") == "#ed"
