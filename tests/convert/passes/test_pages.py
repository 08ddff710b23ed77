"""The printed source's page numbers that a transcription carries — "[Page 55]", "[p. 55]",
"|55|" — become empty page breaks, pb[@n] with their marks in @rend: read back as printed, no
editor's gloss, shown in the reading page, the PDF and CETEIcean; a marker alone between
paragraphs is the section's page break, no paragraph."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teikit.convert.conventions import PAGE_MARKS
from teikit.convert.page_marks import page_markers
from tests.conftest import checked_conversion

NS = {"t": "http://www.tei-c.org/ns/1.0"}
ARTICLE = "Lev Marten\n\nThe Railways in 1918\n\nWritten: 1918\nSource: Izvestia, 1918.\n\n"


def page_breaks(root: etree._Element) -> list[tuple[str, str]]:
    return [(pb.get("n"), pb.get("rend")) for pb in root.iterfind(".//t:body//t:pb", NS)]


def test_page_markers_in_the_running_text_are_page_breaks() -> None:
    root = checked_conversion(ARTICLE + "The lines were cut. [Page 55] The engines stood in the "
                              "yards [p. 56] for weeks, and |57| the men went home.\n\n"
                              "“The depots are empty [Page 58] of coal,” he wrote.\n")
    assert page_breaks(root) == [("55", "page-brackets"), ("56", "p-brackets"), ("57", "bars"),
                                 ("58", "page-brackets")]
    assert root.find(".//t:body//t:note", NS) is None    # no editor's gloss
    paragraph = root.xpath(".//t:body//t:p[t:pb]", namespaces=NS)[0]
    assert " ".join("".join(paragraph.itertext()).split()) == (
        "The lines were cut. The engines stood in the yards for weeks, and the men went home.")


def test_a_front_matters_roman_page_and_a_note_hold_page_breaks_too() -> None:
    root = checked_conversion(ARTICLE + "The preface ends here [p. xiv] and the text begins.¹\n\n"
                              "Notes\n\n1. See the report [Page 12] of the commission.\n")
    assert ("xiv", "p-brackets") in page_breaks(root)
    assert root.xpath("//t:note//t:pb/@n", namespaces=NS) == ["12"]


@pytest.mark.parametrize("text", [
    "The vote was 12 to 3 [12 votes] in all.",       # brackets of an editor, not a page
    "The column ran ||55|| in the table.",            # a doubled rule
    "Cost|55|more",                                   # bars inside a word
    "On [Page] and [p. 0] nothing.",                  # no page number
])
def test_what_is_no_page_marker(text: str) -> None:
    assert page_markers(text) == []


def test_the_reading_page_the_print_and_ceteicean_show_the_page(tmp_path: Path) -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.export.ceteicean import behaviors
    from teikit.render.fo import fo_string
    from teikit.render.html import html_string

    tei = tmp_path / "railways.xml"
    convert_text(ARTICLE + "The lines were cut. [Page 55] The engines stood.\n", "railways",
                 TextSettings(name="railways")).tree.write(str(tei), encoding="utf-8",
                                                            xml_declaration=True)
    page = lxml.html.fromstring(html_string(tei))
    (marker,) = page.find_class("pb")
    assert marker.text_content() == "[55]" and marker.get("title") == "Page 55 in the source"
    printed = "".join(etree.fromstring(fo_string(tei).encode()).itertext())
    assert "The lines were cut. [55] The engines stood." in " ".join(printed.split())
    assert behaviors()["tei"]["pb"] == [
        [f"[rend~={rend}]", [f'<span class="pb">{opening}$@n{closing}</span>']]
        for rend, (opening, closing) in PAGE_MARKS.items()]


def test_a_page_marker_alone_between_paragraphs_is_the_sections_page_break(
        tmp_path: Path) -> None:
    from teikit.render.html import html_string
    from teikit.render.pdf import render_pdf

    text = ARTICLE + "The lines were cut.\n\n[Page 55]\n\nThe engines stood.\n\n|56|\n\nThe end.\n"
    root = checked_conversion(text)
    (section,) = root.iterfind(".//t:body/t:div", NS)
    assert [(etree.QName(e).localname, e.get("n")) for e in section] == [
        ("p", "1.1"), ("pb", "55"), ("p", "1.2"), ("pb", "56"), ("p", "1.3")]
    tei = tmp_path / "railways.xml"
    etree.ElementTree(root).write(str(tei), encoding="utf-8", xml_declaration=True)
    page = lxml.html.fromstring(html_string(tei))
    assert [marker.text_content() for marker in page.find_class("pb")] == ["[55]", "[56]"]
    assert render_pdf(tei, tmp_path / "railways.pdf").read_bytes().startswith(b"%PDF")
