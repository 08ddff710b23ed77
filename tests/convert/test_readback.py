"""Read-back on TEI made elsewhere: no crash, the text is there, one reading per choice."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.convert.readback import comparable, inline_text, read_back
from teikit.xmlio import parse_xml_file
from tests.conftest import CORPUS

CORPUS_FILES = sorted(CORPUS.glob("*.xml"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_foreign_tei_reads_back_to_its_body_words(path):
    root = parse_xml_file(path).getroot()
    text = comparable(read_back(root)) + " " + comparable(read_back(root, corrected=True))
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    if body is None:
        pytest.skip("no TEI body")
    words = [w for w in _text_outside(body, {"fw", "choice", "app"}).split() if w.isalpha()]
    if not words:
        pytest.skip("no running words in the body")
    missing = [w for w in words[:200] if w not in text]
    assert missing == []


def _text_outside(element: etree._Element, skipped: set[str]) -> str:
    """The element's text, leaving out the subtrees of ``skipped`` elements (keeping tails)."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or etree.QName(child).localname not in skipped:
            # a note's words stand apart from the word it is attached to ("object" + "We …")
            apart = " " if isinstance(child.tag, str) and etree.QName(child).localname == "note" \
                else ""
            parts.append(apart + _text_outside(child, skipped) if isinstance(child.tag, str)
                         else "")
        parts.append(" " + (child.tail or ""))
    return "".join(parts)


def test_choice_gives_one_reading():
    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>a <choice><sic>teh</sic>'
        '<corr>the</corr></choice> and <choice><abbr>Dr</abbr><expan>Doctor</expan></choice>'
        '</p></body></text></TEI>')
    assert comparable(read_back(root)) == "a teh and Dr"
    assert comparable(read_back(root, corrected=True)) == "a the and Doctor"


def test_choice_with_a_single_childless_reading_reads_back_in_both_readings():
    """An element without children is falsy in lxml: the other reading must be found by None."""
    root = etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0">a <choice><orig>olde</orig>'
                            '</choice> word</p>')
    assert inline_text(root, corrected=True) == "a olde word"
    assert inline_text(root) == "a olde word"
