"""Verse and a speech's stage directions on the reading page: a line of its own for each line
of verse, set in as verse is; every word of the TEI on the page."""

from __future__ import annotations

import re

import lxml.html
import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.convert.readback import read_back
from teikit.render.html import html_string, render_html

HEAD = "Nadia Lerner\n\nThe Poets of the Street\n\nWritten: 1921\nSource: Krasnaya Nov, No. 3.\n\n"
VERSE = ("Take the lines of Blok:\n\nIn the wind, in the snow,\nTwelve men go,\n"
         "Rifles slung on their backs,\nAnd fire, fire, fire.\n\n"
         "The smiths’ song has two verses.\n\n"
         "    We are the smiths of the iron hour,\n    We beat the hammer, we forge the power.\n\n"
         "    The night is long, the forge is red,\n"
         "    We sing for the living, we mourn the dead.\n\n"
         "The poem was read in every workers’ club of Petrograd that winter.\n")
WORD = re.compile(r"[^\W\d_]{2,}")


def page_and_tei(text: str) -> tuple[lxml.html.HtmlElement, etree._Element]:
    tree = convert_text(text, "t", TextSettings(name="t")).tree
    page = lxml.html.fromstring(html_string(etree.tostring(tree, encoding="utf-8")))
    return page, tree.getroot()


@pytest.fixture(scope="module")
def verse_page() -> tuple[lxml.html.HtmlElement, etree._Element]:
    return page_and_tei(HEAD + VERSE)


def lines(block: lxml.html.HtmlElement) -> list[str]:
    return [" ".join(line.text_content().split()) for line in block.xpath(".//*[@class='l']")]


def test_each_line_of_verse_is_a_line_of_its_own_in_the_numbered_quotation(verse_page):
    page, _ = verse_page
    quote = page.xpath("//blockquote[@id='p-1.2']")[0]
    assert quote.xpath("a[@class='para-num']")[0].text == "1.2"
    assert lines(quote) == ["In the wind, in the snow,", "Twelve men go,",
                            "Rifles slung on their backs,", "And fire, fire, fire."]


def test_a_poems_stanzas_are_groups_of_lines_inside_it(verse_page):
    page, _ = verse_page
    poem = page.xpath("//blockquote[@id='p-1.4']/div[@class='lg']")[0]
    assert [lines(stanza) for stanza in poem.xpath("div[@class='lg']")] == [
        ["We are the smiths of the iron hour,", "We beat the hammer, we forge the power."],
        ["The night is long, the forge is red,", "We sing for the living, we mourn the dead."]]


def test_the_lines_stay_words_apart_in_the_text_a_search_reads(verse_page):
    page, tei = verse_page
    quote = page.xpath("//blockquote[@id='p-1.2']")[0]
    assert "snow, Twelve" in " ".join(quote.text_content().split())
    body = tei.find(".//{http://www.tei-c.org/ns/1.0}body")
    assert set(WORD.findall(read_back(body))) <= set(WORD.findall(page.text_content()))


def test_verse_quoted_in_marks_opens_them_on_its_first_line_and_closes_them_on_its_last():
    page, _ = page_and_tei(HEAD + "The crowd took up the words.\n\n“Bread for the hungry,\n"
                           "Peace for the weary,\nLand for the ‘tillers’.”\n")
    assert lines(page.xpath("//blockquote[@id='p-1.2']")[0]) == [
        "“Bread for the hungry,", "Peace for the weary,", "Land for the ‘tillers’.”"]


@pytest.mark.browser
def test_in_a_browser_verse_lines_stand_one_under_another_set_in_from_the_prose(
        browser, tmp_path) -> None:
    tei = tmp_path / "t.xml"
    tei.write_bytes(etree.tostring(convert_text(HEAD + VERSE, "t", TextSettings(name="t")).tree,
                                   encoding="utf-8"))
    context = browser.new_context(viewport={"width": 390, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(render_html(tei, tmp_path / "t.html").as_uri())
        boxes = tab.evaluate("""() => [...document.querySelectorAll(
                '[id="p-1.1"], [id="p-1.2"] .l')]
            .map(e => { const r = e.getBoundingClientRect(), style = getComputedStyle(e);
                        const indent = parseFloat(style.textIndent);
                        return [r.left + parseFloat(style.paddingLeft) + indent, r.top,
                                indent]; })""")
    finally:
        context.close()
    (prose_left, _, _), *verse = boxes
    # each line starts further in than the prose, on a line of its own
    assert all(left > prose_left for left, _, _ in verse)
    tops = [top for _, top, _ in verse]
    assert tops == sorted(tops) and len(set(tops)) == 4
    # a line too long for the measure goes on set in under its start (a hanging indent)
    assert all(indent < 0 for _, _, indent in verse)


SPEECH = ("Pavel Ostrovsky\n\nTo the Congress of Textile Workers\n\n"
          "Delivered: 14 March 1920, Ivanovo\nSource: Izvestia, No. 60, 1920.\n\nComrades!\n\n"
          "The mills stood idle all winter. (Prolonged applause.) The owners want them back. "
          "(Cries of “Shame!”)\n\n(Stormy applause. The meeting sings the Internationale.)\n\n"
          "The congress went on to the agenda.\n")


@pytest.fixture(scope="module")
def speech_page() -> tuple[lxml.html.HtmlElement, etree._Element]:
    return page_and_tei(SPEECH)


def test_a_direction_in_the_running_text_shows_in_its_parentheses(speech_page):
    page, tei = speech_page
    shown = [" ".join(s.text_content().split())
             for s in page.xpath("//p[@id='p-1.2']/span[contains(@class, 'tei-stage')]")]
    assert shown == ["(Prolonged applause.)", "(Cries of “Shame!”)"]
    # and the page keeps every word of the speech
    body = tei.find(".//{http://www.tei-c.org/ns/1.0}body")
    assert set(WORD.findall(read_back(body))) <= set(WORD.findall(page.text_content()))


def test_a_direction_standing_alone_is_a_paragraph_of_its_own_unnumbered(speech_page):
    page, _ = speech_page
    (stage,) = page.xpath("//*[@id='p-1.3']")
    assert (stage.tag, "tei-stage" in stage.get("class")) == ("p", True)
    assert stage.text_content() == "(Stormy applause. The meeting sings the Internationale.)"
    assert not stage.xpath(".//a[@class='para-num']")
    # the paragraph after it keeps its number
    assert page.xpath("//p[@id='p-1.4']/a[@class='para-num']")[0].text == "1.4"


@pytest.mark.browser
def test_in_a_browser_stage_directions_are_in_italics_and_the_speech_upright(
        browser, tmp_path) -> None:
    tei = tmp_path / "s.xml"
    tei.write_bytes(etree.tostring(convert_text(SPEECH, "s", TextSettings(name="s")).tree,
                                   encoding="utf-8"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(render_html(tei, tmp_path / "s.html").as_uri())
        styles = tab.evaluate("""() => [...document.querySelectorAll(
                '[id="p-1.2"], [id="p-1.2"] .tei-stage, [id="p-1.3"]')]
            .map(e => getComputedStyle(e).fontStyle)""")
    finally:
        context.close()
    assert styles == ["normal", "italic", "italic", "italic"]
