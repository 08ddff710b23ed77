"""Golden files: the normalised HTML of the seed edition, the sample and two foreign TEI files.

A change in the output shows up as a readable diff of tests/render_html/golden/*.html.
To accept it, regenerate the files and review the diff:

    TEIKIT_UPDATE_GOLDEN=1 python3 -m pytest -q tests/render_html/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teikit.render.html import html_string
from tests.render_html.conftest import CORPUS, SAMPLE, seed_or_skip

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("TEIKIT_UPDATE_GOLDEN") == "1"

CASES = {
    "seed": seed_or_skip,
    "sample-edition": lambda: SAMPLE,
    "testNotes1": lambda: CORPUS / "testNotes1.xml",
    "testQuotations1": lambda: CORPUS / "testQuotations1.xml",
}


def normalise(page: str) -> str:
    """One element per line where that changes nothing a reader sees: the HTML is parsed,
    runs of whitespace become one space, and element-only content is indented."""
    root = lxml.html.fromstring(page)
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("pre", "textarea"):
            continue
        if element.text:
            element.text = _squeeze(element.text)
        if element.tail:
            element.tail = _squeeze(element.tail)
    etree.indent(root, space=" ")
    return "<!DOCTYPE html>\n" + lxml.html.tostring(root, encoding="unicode") + "\n"


def _squeeze(text: str) -> str:
    squeezed = " ".join(text.split())
    if not squeezed:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + squeezed + (" " if text[-1].isspace() else "")


@pytest.mark.parametrize("name", sorted(CASES))
def test_html_matches_golden_file(name: str):
    source = CASES[name]()
    actual = normalise(html_string(source))
    golden = GOLDEN / f"{name}.html"
    if UPDATE:
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run with TEIKIT_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"{name}: HTML differs from {golden.name}; if the change is intended, regenerate with "
        "TEIKIT_UPDATE_GOLDEN=1 and review the diff")


def test_normalising_keeps_the_words_and_their_order():
    page = "<html><body><p>One  <b>two</b>\n three</p><div>\n<p>four</p></div></body></html>"
    text = lxml.html.fromstring(normalise(page)).text_content()
    assert text.split() == ["One", "two", "three", "four"]


def test_control_characters_in_a_damaged_reading_are_shown_as_their_code_point() -> None:
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
           '</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>'
           '</sourceDesc></fileDesc></teiHeader><text><body><p>a <choice><sic>â€\u009d</sic>'
           '<corr>”</corr></choice> b <sic>x\u0081</sic></p></body></text></TEI>')
    page = html_string(tei.encode("utf-8"))
    assert "\u009d" not in page and "\u0081" not in page
    assert "â€‹U+009D›" in page and "x‹U+0081›" in page
