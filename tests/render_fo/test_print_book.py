"""The printed book, read back from the PDF: every word of the text in order, the footnotes, an
index whose page numbers point at the mentions, embedded fonts, clean FOP output, page images."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.render_fo.conftest import Book
from tests.render_fo.printing import (
    NS,
    body_text,
    first_missing_in_order,
    index_entries,
    letters,
    mentioned_entities,
    note_text,
    numbered_notes,
    numbers,
    page_count,
    parse,
    pdf_fonts,
    pdf_text,
    physical_offset,
    reading_stream,
    running_text,
    words,
)


def test_fop_reports_no_warning_at_all(book: Book) -> None:
    # Errors and missing glyphs already fail the render; any other FOP warning fails here.
    assert book.warnings == []


def test_every_word_of_the_body_is_printed_in_order(book: Book) -> None:
    tree = parse(book.tei)
    body = tree.find(".//t:text/t:body", NS)
    expected = words(running_text(body))
    assert len(expected) > 100
    # the body region of every page, with the footnotes taken out: what a reader reads through
    footnotes = ["".join(f.itertext()) for f in etree.parse(str(book.fo)).iterfind(
        ".//fo:footnote-body", NS)]
    stream = reading_stream(book.pdf, footnotes)
    missing = first_missing_in_order(expected, stream)
    assert missing is None, (
        f"word {missing} ({expected[missing]!r}) not found in order; "
        f"context: {' '.join(expected[max(0, missing - 8):missing + 3])}")
    # numbers, in order, among the digits of the page (footnote markers and folios come between)
    expected_numbers = numbers(running_text(body))
    digits = " ".join(numbers(pdf_text(book.pdf)))
    assert first_missing_in_order(expected_numbers, digits) is None


def test_the_headnote_is_printed_before_the_text(book: Book) -> None:
    tree = parse(book.tei)
    headnote = tree.find(".//t:front/t:div[@type='headnote']", NS)
    first_paragraph = tree.find(".//t:body//t:p", NS)
    stream = letters(pdf_text(book.pdf))
    headnote_at = stream.find(letters(running_text(headnote))[:60])
    text_at = stream.find(letters(running_text(first_paragraph))[:60])
    assert 0 <= headnote_at < text_at


def test_one_footnote_per_numbered_note_with_its_text(book: Book) -> None:
    tree = parse(book.tei)
    notes = numbered_notes(tree)
    fo = etree.parse(str(book.fo))
    markers = [f.findtext("fo:inline", namespaces=NS)
               for f in fo.iterfind(".//fo:footnote", NS)]
    numbered = [m for m in markers if m and m.isdigit()]
    assert numbered == [str(n) for n in range(1, len(notes) + 1)]
    stream = letters(pdf_text(book.pdf))
    flat = " ".join(pdf_text(book.pdf).split())
    for number, note in enumerate(notes, start=1):
        assert letters(note_text(note)) in stream, f"footnote {number} not printed"
        opening = re.escape(" ".join(note_text(note).split()[:2]))
        assert re.search(rf"(^|\s){number} {opening}", flat), f"footnote {number} not numbered"


HEADINGS = {"person": "Persons", "org": "Organisations", "place": "Places"}


def test_index_page_numbers_point_to_pages_that_mention_the_name(book: Book) -> None:
    tree = parse(book.tei)
    entities = mentioned_entities(tree)
    if not any(e.kind == "person" for e in entities):
        pytest.skip(f"{book.tei.name} has no names linked to the register yet")
    offset = physical_offset(book.pdf)
    _, sections = index_entries(book.pdf)
    for entity in entities:
        section = sections.get(HEADINGS[entity.kind], {})
        assert entity.label in section, f"{entity.label} is not in the index"
        pages = section[entity.label]
        assert pages == sorted(set(pages)), f"{entity.label}: pages repeat or are unordered"
        for page in pages:
            text = letters(body_text(book.pdf, page + offset, page + offset))
            assert any(letters(form) in text for form in entity.surface_forms), (
                f"index: {entity.label} p. {page}, but that page does not mention it")


def test_every_page_of_the_text_that_mentions_a_person_is_in_the_index(book: Book) -> None:
    tree = parse(book.tei)
    if not any(e.kind == "person" for e in mentioned_entities(tree)):
        pytest.skip(f"{book.tei.name} has no names linked to the register yet")
    offset = physical_offset(book.pdf)
    start, sections = index_entries(book.pdf)
    persons = sections.get("Persons", {})
    first_text_page = 1 + offset
    for person in (e for e in mentioned_entities(tree) if e.kind == "person"):
        # a name that is only ever printed whole: it is on a page iff the page mentions them
        if any(len(letters(form)) < 6 for form in person.surface_forms):
            continue
        cited = set(persons.get(person.label, []))
        for physical in range(first_text_page, start):
            text = letters(body_text(book.pdf, physical, physical))
            if any(letters(form) in text for form in person.surface_forms):
                assert physical - offset in cited, (
                    f"{person.label} is mentioned on p. {physical - offset}, not in the index")


def test_all_fonts_are_embedded_unicode_truetype(book: Book) -> None:
    fonts = pdf_fonts(book.pdf)
    assert fonts
    assert all(font.embedded for font in fonts), fonts
    assert all("DejaVu" in font.name for font in fonts), fonts


def test_pdf_document_information_names_title_and_author(book: Book) -> None:
    info = subprocess.run(["pdfinfo", str(book.pdf)], capture_output=True, text=True,
                          check=True).stdout
    header = parse(book.tei).find(".//t:teiHeader/t:fileDesc/t:titleStmt", NS)
    title = header.find("t:title[@type='main']", NS)
    author = header.find("t:author", NS)
    assert re.search(rf"^Title:\s+{re.escape(' '.join(''.join(title.itertext()).split()))}$",
                     info, re.MULTILINE)
    assert re.search(rf"^Author:\s+{re.escape(' '.join(''.join(author.itertext()).split()))}$",
                     info, re.MULTILINE)


def test_no_character_was_replaced_by_a_hash(book: Book) -> None:
    source_hashes = "".join(parse(book.tei).find(".//t:text", NS).itertext()).count("#")
    assert pdf_text(book.pdf).count("#") == source_hashes


def test_page_images_for_a_person_to_look_at(book: Book, artifacts_dir: Path) -> None:
    tree = parse(book.tei)
    notes = numbered_notes(tree)
    pages = {"title": 1}
    if mentioned_entities(tree):
        pages["index"] = index_entries(book.pdf)[0]
    if notes:
        first_note = letters(note_text(notes[0]))
        pages["footnotes"] = next(
            p for p in range(1, page_count(book.pdf) + 1)
            if first_note in letters(pdf_text(book.pdf, p, p)))
    for label, page in pages.items():
        stem = artifacts_dir / f"print-{book.name}-{label}"
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-f", str(page), "-l", str(page),
                        "-singlefile", str(book.pdf), str(stem)], check=True)
        image = stem.with_suffix(".png")
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert image.stat().st_size > 5000  # not a blank page
