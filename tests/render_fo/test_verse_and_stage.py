"""Verse and a speech's stage directions in the print edition (XSL-FO, checked without FOP):
a block for each line of verse, set in from the quotation, a long line hanging under its start;
every word of the text in the book."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.convert.readback import read_back
from teikit.render.fo import fo_string
from tests.render_fo.printing import NS

HEAD = "Nadia Lerner\n\nThe Poets of the Street\n\nWritten: 1921\nSource: Krasnaya Nov, No. 3.\n\n"
VERSE = ("The smiths’ song has two verses.\n\n"
         "    We are the smiths of the iron hour,\n    We beat the hammer, we forge the power.\n\n"
         "    The night is long, the forge is red,\n"
         "    We sing for the living, we mourn the dead.\n\n"
         "The poem was read in every workers’ club of Petrograd that winter.\n")
WORD = re.compile(r"[^\W\d_]{2,}")


def book(text: str) -> tuple[etree._Element, etree._Element]:
    tree = convert_text(text, "t", TextSettings(name="t")).tree
    fo = etree.fromstring(fo_string(etree.tostring(tree, encoding="utf-8")).encode("utf-8"))
    return fo, tree.getroot()


def flat(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module")
def verse_book() -> tuple[etree._Element, etree._Element]:
    return book(HEAD + VERSE)


def test_each_line_of_verse_is_a_block_hanging_under_its_start(verse_book) -> None:
    fo, tei = verse_book
    lines = [b for b in fo.iterfind(".//fo:block", NS) if flat(b).startswith(("We ", "The night"))
             and not b.findall("fo:block", NS)]
    assert [flat(b) for b in lines] == [
        "We are the smiths of the iron hour,", "We beat the hammer, we forge the power.",
        "The night is long, the forge is red,", "We sing for the living, we mourn the dead."]
    assert {(b.get("start-indent"), b.get("text-indent")) for b in lines} == {
        ("from-parent(start-indent) + 4mm", "-4mm")}
    # and the book carries every word of the text
    body = tei.find(".//{http://www.tei-c.org/ns/1.0}body")
    assert set(WORD.findall(read_back(body))) <= set(WORD.findall(" ".join(fo.itertext())))


def test_a_poem_is_set_in_from_its_quotation_and_its_stanzas_no_further(verse_book) -> None:
    fo, _ = verse_book
    stanzas = [b for b in fo.iterfind(".//fo:block", NS) if b.findall("fo:block", NS)
               and all(c.get("text-indent") == "-4mm" for c in b.findall("fo:block", NS))]
    assert len(stanzas) == 2
    poem = stanzas[0].getparent()
    assert poem is stanzas[1].getparent()
    assert poem.get("start-indent") == "from-parent(start-indent) + 6mm"
    assert {s.get("start-indent") for s in stanzas} == {"from-parent(start-indent)"}


def test_verse_quoted_in_marks_carries_them_on_its_first_and_last_lines() -> None:
    fo, _ = book(HEAD + "The crowd took up the words.\n\n“Bread for the hungry,\n"
                 "Peace for the weary,\nLand for the tillers.”\n")
    lines = [flat(b) for b in fo.iterfind(".//fo:block[@text-indent='-4mm']", NS)]
    assert lines == ["“Bread for the hungry,", "Peace for the weary,", "Land for the tillers.”"]


SPEECH = ("Pavel Ostrovsky\n\nTo the Congress of Textile Workers\n\n"
          "Delivered: 14 March 1920, Ivanovo\nSource: Izvestia, No. 60, 1920.\n\nComrades!\n\n"
          "The mills stood idle all winter. (Prolonged applause.) The owners want them back.\n\n"
          "(Stormy applause. The meeting sings the Internationale.)\n\n"
          "The congress went on to the agenda.\n")


def test_stage_directions_are_in_italics_in_their_parentheses() -> None:
    fo, tei = book(SPEECH)
    (paragraph,) = fo.xpath(".//fo:block[@id='p-1.2']", namespaces=NS)
    assert [(i.get("font-style"), flat(i)) for i in paragraph.iterfind("fo:inline", NS)] == [
        ("italic", "(Prolonged applause.)")]
    (alone,) = fo.xpath(".//fo:block[@id='p-1.3']", namespaces=NS)
    assert (alone.get("font-style"), flat(alone)) == (
        "italic", "(Stormy applause. The meeting sings the Internationale.)")
    body = tei.find(".//{http://www.tei-c.org/ns/1.0}body")
    assert set(WORD.findall(read_back(body))) <= set(WORD.findall(" ".join(fo.itertext())))
