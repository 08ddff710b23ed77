"""A table of contents after the header ("Contents" over lines that each name a heading of the
text further on) is the text's own: a ``div type="contents"`` of the front, each line an item
that points at the heading it names, set without markers."""

from __future__ import annotations

import pytest
from lxml import etree, html

from teikit.render.html import html_string
from tests.conftest import checked_conversion

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
HEADER = "Anna Lindqvist\n\nThe Dockers\n\nWritten: 1923\n\n"
CHAPTERS = ("Chapter 1: Before the War\n\nThe harbour employed men.\n\n"
            "Chapter 2: The Strike of 1917\n\nThe men struck.\n\n"
            "Chapter 3: The Union\n\nThe union grew.\n")


def text_of(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize("contents", [
    "Contents\n\nChapter 1: Before the War\nChapter 2: The Strike of 1917\nChapter 3: The Union",
    # a line each, and the pages of the printed book after leader dots or spaces
    "Table of Contents:\n\nChapter 1: Before the War .... 3\n\nChapter 2: The Strike of 1917  9"
    "\n\nChapter 3: The Union 14",
], ids=["lines", "chunks-with-pages"])
def test_a_table_of_contents_points_at_the_headings_it_names(contents: str) -> None:
    root = checked_conversion(HEADER + contents + "\n\n" + CHAPTERS)
    (div,) = root.iterfind(".//tei:front/tei:div[@type='contents']", NS)
    assert text_of(div.find("tei:head", NS)).startswith(("Contents", "Table of Contents"))
    (entries,) = div.iterfind("tei:list", NS)
    assert entries.get("type") == "simple"
    targets = [ref.get("target") for ref in entries.iterfind("tei:item/tei:ref", NS)]
    assert targets == ["#h-1", "#h-2", "#h-3"]
    heads = {f"#{h.get('{http://www.w3.org/XML/1998/namespace}id')}": text_of(h)
             for h in root.iterfind(".//tei:body//tei:head", NS)}
    for ref in entries.iterfind("tei:item/tei:ref", NS):
        assert text_of(ref).startswith(heads[ref.get("target")])
    # leader dots omit nothing, and the body is the chapters alone
    assert root.find(".//tei:front//tei:gap", NS) is None
    assert len(root.findall(".//tei:body/tei:div", NS)) == 3


@pytest.mark.parametrize("contents", [
    # lines that name no heading of the text: the section it heads
    "Contents\n\nThe harbour\nThe strike",
    # one line only
    "Contents\n\nChapter 1: Before the War",
], ids=["no-headings-named", "one-line"])
def test_a_contents_heading_over_other_lines_stays_in_the_body(contents: str) -> None:
    root = checked_conversion(HEADER + contents + "\n\n" + CHAPTERS)
    assert root.find(".//tei:div[@type='contents']", NS) is None


def test_the_reading_page_links_each_line_to_its_heading() -> None:
    root = checked_conversion(HEADER + "Contents\n\nChapter 1: Before the War\n"
                              "Chapter 2: The Strike of 1917\nChapter 3: The Union\n\n" + CHAPTERS)
    page = html.fromstring(html_string(etree.tostring(root.getroottree(), encoding="utf-8")))
    (entries,) = page.xpath("//ul[@class='simple-list']")
    links = entries.xpath(".//a/@href")
    assert links == ["#h-1", "#h-2", "#h-3"]
    assert all(page.xpath(f"//*[@id='{link[1:]}']") for link in links)
