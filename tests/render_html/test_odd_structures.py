"""Valid TEI of every shape renders: the templates never assume that a header field occurs
once. Every corpus file is rendered again with each repeatable header element doubled (two
``resp`` in a ``respStmt``, two authors, two titles, two dates …), as other projects write them;
a template that applies a one-value function to such a field (``matches()`` over two ``resp``)
fails here."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from teikit.render.fo import fo_string
from teikit.render.html import html_string
from tests.conftest import CORPUS, SEED_TEI

TEI = "http://www.tei-c.org/ns/1.0"
REPEATABLE = ("resp", "title", "author", "editor", "publisher", "date", "idno", "licence",
              "persName", "orgName", "name", "language", "change", "respStmt", "pubPlace",
              "biblScope", "note", "placeName", "docAuthor", "titlePart", "head", "byline")
FILES = [*sorted(CORPUS.glob("*.xml")), SEED_TEI]


def doubled(path: Path) -> bytes:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.parse(str(path), parser)
    header = tree.getroot().find(f"{{{TEI}}}teiHeader")
    if header is None:
        pytest.skip(f"{path.name} has no teiHeader")
    targets = [e for e in header.iter(*(f"{{{TEI}}}{name}" for name in REPEATABLE))]
    for element in targets:
        twin = copy.deepcopy(element)
        for node in twin.iter():
            node.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        element.addnext(twin)
    return etree.tostring(tree, encoding="UTF-8")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_doubled_header_fields_render_in_html_and_print(path: Path) -> None:
    tei = doubled(path)
    assert "<body" in html_string(tei)
    assert "fo:root" in fo_string(tei)
