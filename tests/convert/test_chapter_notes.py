"""A book's chapters in one file, each followed by its own notes ("Notes" / "1. …", numbered
from 1 again): each notes section stands between its chapter and the next, each chapter's
markers hold the notes under that chapter, and the text after a chapter's notes is the text
again, not more notes."""

from __future__ import annotations

import pytest
from lxml import etree, html

from teikit.render.html import html_string
from tests.conftest import FIXTURES, checked_conversion

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
BOOK = (FIXTURES / "unseen" / "lindqvist-gothenburg-dockers.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def book() -> etree._Element:
    return checked_conversion(BOOK)


def localnames(element: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in element]


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_each_chapters_notes_stand_between_it_and_the_next_chapter(book: etree._Element):
    (body,) = book.iterfind(".//tei:body", NS)
    assert localnames(body) == ["div", "divGen", "div", "divGen", "div"]
    assert [text_of(div.find("tei:head", NS)) for div in body.iterfind("tei:div", NS)] == [
        "Chapter 1: Before the War", "Chapter 2: The Strike of 1917", "Chapter 3: The Union"]
    # the appendix and the last notes end the text: back matter, as a text's notes are
    assert localnames(book.find(".//tei:back", NS)) == ["div", "divGen", "div"]
    assert [div.get("type") for div in book.iterfind(".//tei:back/tei:div", NS)] == [
        "appendix", "colophon"]
    assert [text_of(g.find("tei:head", NS)) for g in book.iterfind(".//tei:divGen", NS)] == [
        "Notes"] * 3


def test_each_chapters_markers_hold_the_notes_under_that_chapter(book: etree._Element):
    chapters = list(book.iterfind(".//tei:body/tei:div", NS))
    notes = [[(note.get("n"), text_of(note)) for note in chapter.iterfind(".//tei:note", NS)]
             for chapter in chapters]
    assert notes == [
        [("1", "Sandberg was then the secretary of the harbour section."),
         # a paragraph under a note continues it
         ("2", "The strike began on 3 June and lasted nine days. The harbour board never "
               "published its own account.")],
        [("1", "The date is that of the first meeting, not of the walk-out."),
         ("2", "Of March; the men from Malmö were sent home a week later.")],
        [("1", "The union's own figure, given at its congress in Norrköping.")],
    ]
    # the second chapter's text is the text, not a paragraph of the first chapter's notes
    assert text_of(chapters[1].find("tei:p", NS)).startswith("On 14 March 1917 the dockers")


def test_a_yearless_date_in_a_chapters_note_takes_the_year_at_its_marker(book: etree._Element):
    """"Of March." under the second chapter is March 1917, the year at that chapter's marker
    "[2]", not 1912, the year at the first chapter's."""
    note = book.xpath(".//tei:body/tei:div[2]//tei:note[@n='2']", namespaces=NS)[0]
    assert [date.get("when") for date in note.iterfind("tei:date", NS)] == ["1917-03"]


def test_a_chapters_note_without_a_marker_stays_under_that_chapter() -> None:
    root = checked_conversion(
        "A Book\n\nWritten: 1920\n\nChapter 1\n\nThe first chapter.[1]\n\nNotes\n\n1. Its note."
        "\n\n7. A note the text has no marker for.\n\nChapter 2\n\nThe second chapter.[1]\n\n"
        "Notes\n\n1. The second chapter's note.\n")
    (body,) = root.iterfind(".//tei:body", NS)
    assert localnames(body) == ["div", "divGen", "div", "div"]
    (orphan,) = body[2].iterfind(".//tei:note", NS)
    assert (orphan.get("n"), orphan.get("rend")) == ("7", "unanchored")
    assert body[2].get("type") == "notes"


@pytest.mark.parametrize("notes", [
    # a note's further paragraph that reads like a heading, then more notes
    "1. See the reports.\n\nSelected Works\n\n2. The second note.",
    # a heading-like last line under the notes: nothing of the text follows it
    "1. See the reports.\n\nThe Second Congress",
], ids=["heading-like-line-between-notes", "heading-like-last-line"])
def test_notes_that_end_the_text_stay_one_section(notes: str) -> None:
    root = checked_conversion("A Book\n\nWritten: 1920\n\nChapter 1\n\nThe text.[1] More.[2]\n\n"
                              f"Notes\n\n{notes}\n")
    assert root.find(".//tei:body/tei:divGen", NS) is None
    assert len(root.findall(".//tei:back/tei:divGen", NS)) == 1


def test_the_reading_page_lists_each_chapters_notes_under_it(book: etree._Element) -> None:
    data = etree.tostring(book.getroottree(), encoding="utf-8", xml_declaration=True)
    page = html.fromstring(html_string(data))
    lists = page.xpath("//section[contains(@class, 'notes-index')]")
    assert [section.get("id") for section in lists] == ["notes", "notes-2", "notes-3"]
    assert [[a.get("href") for a in section.iter("a")] for section in lists] == [
        ["#note-1", "#note-2"], ["#note-3", "#note-4"], ["#note-5"]]
    # the contents lead to each chapter's notes
    contents = [a.get("href") for a in page.xpath("//nav//a[starts-with(@href, '#notes')]")]
    assert contents == ["#notes", "#notes-2", "#notes-3"]
    ids = [e.get("id") for e in page.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
