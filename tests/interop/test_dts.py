"""dapytains, a Distributed Text Services implementation, serves the seed by the citation
structure teikit declares (``refsDecl/citeStructure``): every section and every paragraph of
the body is a passage, cited as teikit's paragraph numbers cite it ("3.12"), holding the words
of that paragraph.

dapytains pins its own Saxon release, so it lives in an environment of its own
(``.venv-dts``, made by ``make install``)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import REPO, SEED_TEI
from tests.interop.conftest import missing

DTS_PYTHON = REPO / ".venv-dts" / "bin" / "python"
SCRIPT = REPO / "tests" / "interop" / "dts_passages.py"
TEI = "http://www.tei-c.org/ns/1.0"


def served_units(tei: Path) -> list[dict]:
    """The passages dapytains serves of ``tei``, each its type, its reference and its text."""
    if not DTS_PYTHON.exists():
        missing("dapytains", "creates .venv-dts with it")
    completed = subprocess.run([str(DTS_PYTHON), str(SCRIPT), str(tei)], capture_output=True,
                               text=True, timeout=300, check=False)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return list(json.loads(completed.stdout)["units"])


def converted_fixture(name: str, folder: Path) -> Path:
    from teikit.convert import convert_file
    from tests.conftest import FIXTURES

    return convert_file(FIXTURES / "unseen" / f"{name}.txt", folder / "book.xml").output


@pytest.fixture(scope="module")
def served() -> list[dict]:
    return served_units(SEED_TEI)


def test_every_section_and_paragraph_is_a_passage(served: list[dict]) -> None:
    body = etree.parse(str(SEED_TEI)).getroot().find(f"{{{TEI}}}text/{{{TEI}}}body")
    sections = body.findall(f"{{{TEI}}}div")
    cited = [block.get("n") for div in sections for block in div if block.get("n")]
    assert len(cited) > 50
    assert [u["ref"] for u in served if u["type"] == "section"] == \
        [str(i) for i in range(1, len(sections) + 1)]
    assert [u["ref"] for u in served if u["type"] == "paragraph"] == cited


def test_a_paragraph_passage_holds_the_words_of_that_paragraph(served: list[dict]) -> None:
    root = etree.parse(str(SEED_TEI)).getroot()
    by_n = {e.get("n"): " ".join("".join(e.itertext()).split())
            for e in root.find(f"{{{TEI}}}text/{{{TEI}}}body").iter() if e.get("n")}
    for unit in served:
        if unit["type"] == "paragraph":
            assert unit["text"] == by_n[unit["ref"]]


def test_a_books_chapters_and_its_appendix_are_passages_and_its_notes_are_not(
        tmp_path) -> None:
    """Chapters with notes of their own between them, and an appendix in the back: every
    section is a passage in order, numbered as the editions number its paragraphs."""
    tei = converted_fixture("lindqvist-gothenburg-dockers", tmp_path)
    served = served_units(tei)
    cited = [block.get("n") for block in etree.parse(str(tei)).iter(f"{{{TEI}}}p")
             if block.get("n")]
    assert [u["ref"] for u in served if u["type"] == "section"] == ["1", "2", "3", "4"]
    assert [u["ref"] for u in served if u["type"] == "paragraph"] == cited
    assert cited[-1] == "4.1"
    appendix = next(u for u in served if u["ref"] == "4")
    assert appendix["text"].startswith("Appendix: The Membership of the Union")


def test_a_books_parts_and_the_chapters_in_them_are_passages_in_order(tmp_path) -> None:
    """Parts that hold chapters: each part and each chapter is a section passage, numbered in
    the order the editions number their paragraphs ("2.1" is chapter 1's, in part one)."""
    served = served_units(converted_fixture("weber-union-history", tmp_path))
    assert [u["ref"] for u in served if u["type"] == "section"] == ["1", "2", "3", "4", "5", "6"]
    assert [u["ref"] for u in served if u["type"] == "paragraph"] == ["2.1", "3.1", "5.1", "6.1"]
    chapter = next(u for u in served if u["ref"] == "5")
    assert chapter["text"].startswith("Chapter 3: The Split")
