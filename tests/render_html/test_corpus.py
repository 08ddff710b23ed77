"""Foreign TEI (the TEI Consortium's test files): every document renders, nothing is dropped."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from teikit.render.html import html_string
from tests.render_html.conftest import CORPUS_FILES, html_text, missing_words, tei_words


@pytest.fixture(scope="module")
def rendered() -> dict[str, lxml.html.HtmlElement]:
    return {path.name: lxml.html.fromstring(html_string(path)) for path in CORPUS_FILES}


def test_the_corpus_is_there():
    assert len(CORPUS_FILES) == 20


@pytest.mark.parametrize("tei", CORPUS_FILES, ids=lambda p: p.name)
def test_renders_every_word_of_the_text(tei: Path, rendered):
    page = rendered[tei.name]
    assert page.xpath("//h1"), "a title"
    assert missing_words(tei_words(tei, "text"), html_text(page.xpath("//body")[0])) == {}


@pytest.mark.parametrize("tei", CORPUS_FILES, ids=lambda p: p.name)
def test_ids_are_unique_and_internal_links_resolve(tei: Path, rendered):
    page = rendered[tei.name]
    ids = [e.get("id") for e in page.xpath("//*[@id]")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []
    links = page.xpath("//a[@class='noteref' or @class='note-back' or contains(@class, 'ent ')"
                       " or @class='mention-link']/@href")
    generated = {h[1:] for h in links}
    assert generated <= set(ids)


@pytest.mark.parametrize("tei", CORPUS_FILES, ids=lambda p: p.name)
def test_no_markup_from_the_source_becomes_active(tei: Path, rendered):
    page = rendered[tei.name]
    assert [s.get("src") for s in page.xpath("//script[not(@type = 'application/ld+json')]")] \
        == ["assets/edition.js"]
    assert len(page.xpath("//script[@type = 'application/ld+json']")) == 1
    assert not page.xpath("//img | //iframe | //object | //embed | //style")
    assert not page.xpath("//@*[starts-with(name(), 'on')]")


def test_notes_of_a_foreign_file_are_numbered_in_order(rendered):
    page = rendered["testNotes1.xml"]
    refs = page.xpath("//a[@class='noteref']")
    numbers = [int(a.get("href").removeprefix("#note-")) for a in refs]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 10


def test_a_tei_corpus_renders_each_member(rendered):
    page = rendered["testCorpus1.xml"]
    assert len(page.xpath("//h2[@class='corpus-member']")) >= 2
