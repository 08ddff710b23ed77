"""The whole chain on texts the converter was not developed on (tests/fixtures/unseen).

For every transcription there: convert → the read-back is the source again → valid against the
edition schema and rules and against tei_all → the HTML edition and the XSL-FO render and carry
the text. Only one text goes through FOP (it is slow); a register is suggested for every text.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree, html

from teikit.convert import convert_file
from teikit.convert.ingest import ingest_file
from teikit.convert.readback import comparable, read_back
from teikit.register.suggest import suggest_register
from teikit.render.fo import fo_string
from teikit.render.html import html_string
from teikit.validate import check_files
from tests.conftest import FIXTURES

UNSEEN = FIXTURES / "unseen"
SOURCES = sorted(UNSEEN.glob("*.txt"))
FO_NS = "http://www.w3.org/1999/XSL/Format"
TEI = "{http://www.tei-c.org/ns/1.0}"
_WORD = re.compile(r"[^\W\d_]{3,}")


def test_there_are_enough_unseen_texts() -> None:
    assert len(SOURCES) >= 6


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each unseen text converted once for the module: name → TEI file."""
    out = tmp_path_factory.mktemp("unseen")
    return {source.stem: convert_file(source, out / f"{source.stem}.xml").output
            for source in SOURCES}


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text))


def _text_words(tei: Path) -> set[str]:
    """The words of the text (corrected reading), without the header labels and the heading of
    the notes section, which the editions present in their own words."""
    root = etree.parse(str(tei)).getroot()
    presented = {word for element in root.iter(f"{TEI}label", f"{TEI}head")
                 if element.tag == f"{TEI}label" or element.getparent().tag == f"{TEI}divGen"
                 for word in _words(" ".join(element.itertext()))}
    return _words(read_back(root, corrected=True)) - presented


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_read_back_equals_the_decoded_source(source: Path, converted: dict[str, Path]) -> None:
    tree = etree.parse(str(converted[source.stem]))
    assert comparable(read_back(tree.getroot())) == comparable(ingest_file(source).source)


def test_every_unseen_text_is_valid_for_the_edition_schema_rules_and_tei_all(
        converted: dict[str, Path]) -> None:
    report = check_files(list(converted.values()), ["edition", "tei_all"])
    assert [str(p) for p in report.problems if p.severity == "error"] == []


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_html_edition_carries_every_word_of_the_text(source: Path,
                                                    converted: dict[str, Path]) -> None:
    tei = converted[source.stem]
    page = html.fromstring(html_string(tei))
    assert _text_words(tei) - _words(" ".join(page.itertext())) == set()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_print_edition_carries_every_word_of_the_text(source: Path,
                                                     converted: dict[str, Path]) -> None:
    tei = converted[source.stem]
    fo = etree.fromstring(fo_string(tei).encode("utf-8"))
    assert fo.tag == f"{{{FO_NS}}}root"
    assert _text_words(tei) - _words(" ".join(fo.itertext())) == set()


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_no_control_characters_reach_the_tei_text(source: Path,
                                                  converted: dict[str, Path]) -> None:
    """Code-page damage is repaired in the corrected reading; nothing unprintable remains."""
    tree = etree.parse(str(converted[source.stem]))
    corrected = read_back(tree.getroot(), corrected=True)
    assert not re.search(r"[\x80-\x9f]", corrected)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_a_register_is_suggested_for_every_text(source: Path) -> None:
    tree, entries = suggest_register(ingest_file(source))
    assert tree.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    forms = {form for entry in entries for form in entry.forms}
    assert not any("\n" in form or form.startswith(("P.S", "PS")) for form in forms)


@pytest.mark.skipif(shutil.which("fop") is None, reason="Apache FOP is not installed")
def test_fop_lays_out_the_text_with_repaired_code_page_damage(converted: dict[str, Path],
                                                              tmp_path: Path) -> None:
    from teikit.render.pdf import render_pdf_report

    result = render_pdf_report(converted["anonymous-cooperatives"], tmp_path / "text.pdf",
                               exact_index=False)
    assert result.pdf.read_bytes().startswith(b"%PDF")


STRUCTURE = json.loads((UNSEEN / "structure.json").read_text(encoding="utf-8"))
TEI_NS = {"t": "http://www.tei-c.org/ns/1.0"}


def _value(found: object) -> str:
    if isinstance(found, etree._Element):
        return " ".join("".join(found.itertext()).split()) if len(found) or found.text else ""
    return str(found)


REFERENCE = [(name, path) for name, expected in STRUCTURE.items() if not name.startswith("_")
             for path in expected]


@pytest.mark.parametrize(("name", "path"), REFERENCE,
                         ids=[f"{name}:{path}" for name, path in REFERENCE])
def test_the_texts_structure_is_as_its_reference_says(name: str, path: str,
                                                      converted: dict[str, Path]) -> None:
    root = etree.parse(str(converted[name])).getroot()
    assert [_value(found) for found in root.xpath(path, namespaces=TEI_NS)] == \
        STRUCTURE[name][path]


def test_the_speech_keeps_its_verse_and_its_stage_directions(converted: dict[str, Path]) -> None:
    body = etree.parse(str(converted["hollis-miners-speech"])).getroot().find(f".//{TEI}body")
    stanzas = [[line.text for line in lg.iterfind(f"{TEI}l")]
               for lg in body.iter(f"{TEI}lg") if lg.find(f"{TEI}l") is not None]
    assert [len(lines) for lines in stanzas] == [4, 2, 2]
    assert stanzas[0][0] == "They lock the gate, they bank the fire,"
    assert [(s.get("type"), etree.QName(s.getparent()).localname)
            for s in body.iter(f"{TEI}stage")] == [
        ("interjection", "p"), ("interjection", "p"), ("laughter", "div"), ("applause", "div"),
        ("applause", "p")]
    # the table of figures is a table, its first row the labels; the list is what it was;
    # "(see below)" the speaker's words
    table = body.find(f".//{TEI}table[@n='1.3']")
    assert [[cell.text for cell in row] for row in table] == [
        ["Pit", "Men out", "Tons lost"], ["Cambrian", "2,300", "41,000"],
        ["Naval", "1,150", "19,500"]]
    assert table[0].get("role") == "label"
    assert body.find(f".//{TEI}list") is not None
    assert "(see below)" in "".join(body.find(f".//{TEI}p[@n='1.2']").itertext())
