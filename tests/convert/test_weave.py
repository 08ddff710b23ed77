"""Weave: spans become nested elements; crossings are resolved; nothing is lost."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.convert.model import Node, Span
from teikit.convert.weave import make_element, resolve, weave
from teikit.errors import LossError


def woven(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    container = make_element("p")
    dropped = weave(container, text, spans)
    xml = etree.tostring(container, encoding="unicode")
    return xml.replace(' xmlns="http://www.tei-c.org/ns/1.0"', ""), dropped


def test_text_without_spans_is_one_text_node():
    assert woven("Plain text.", [])[0] == "<p>Plain text.</p>"


def test_delimiters_are_replaced_by_attributes_and_names_nest_inside_quotations():
    text = "says “Lenin wrote” today"
    quote = Span(0, 5, 18, "quote", {"rend": "double"}, open_len=1, close_len=1, priority=50)
    name = Span(0, 6, 11, "persName", {"ref": "#lenin"}, priority=10)
    xml, dropped = woven(text, [name, quote])
    assert xml == ('<p>says <quote rend="double"><persName ref="#lenin">Lenin</persName> wrote'
                   '</quote> today</p>')
    assert dropped == []


def test_crossing_spans_drop_the_lower_priority_one():
    text = "abc def ghi"
    high = Span(0, 0, 7, "quote", priority=50)
    low = Span(0, 4, 11, "persName", priority=10)
    xml, dropped = woven(text, [low, high])
    assert xml == "<p><quote>abc def</quote> ghi</p>"
    assert dropped == [low]


def test_same_range_nests_by_priority():
    text = "Pravda"
    outer = Span(0, 0, 6, "title", {"level": "j"}, priority=40)
    inner = Span(0, 0, 6, "persName", priority=10)
    assert woven(text, [inner, outer])[0] == (
        '<p><title level="j"><persName>Pravda</persName></title></p>')


def test_atomic_span_replaces_its_slice_with_its_content():
    text = "the fa├žade of"
    repair = Span(0, 4, 11, "choice", atomic=True, open_len=7, priority=100,
                  content=(Node("sic", text="fa├žade"), Node("corr", text="façade")))
    inside = Span(0, 4, 8, "persName", priority=1)
    xml, dropped = woven(text, [repair, inside])
    assert xml == "<p>the <choice><sic>fa├žade</sic><corr>façade</corr></choice> of</p>"
    assert dropped == [inside]


def test_a_span_that_would_lose_characters_is_refused():
    text = "keep every character"
    lossy = Span(0, 0, 4, "seg", open_len=4, atomic=True)
    with pytest.raises(LossError, match="would change the text"):
        woven(text, [lossy])


def test_resolve_keeps_disjoint_spans_in_text_order():
    spans = [Span(0, 6, 9, "b"), Span(0, 0, 3, "a")]
    kept, dropped = resolve(spans)
    assert [s.tag for s in kept] == ["a", "b"] and dropped == []
