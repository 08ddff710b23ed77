"""CETEIcean, the TEI Consortium's renderer in the browser, reads teikit's TEI fully: with the
behaviours table teikit exports, it shows every word and quotation mark of the source in order,
links every name that has a ``@ref`` to its register entry, and shows the register after the
text. It runs in jsdom from npm, as a browser would run it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import read_back_file
from teikit.export.ceteicean import NAME_ELEMENTS, behaviors_json
from tests.conftest import REPO, SEED_TEI
from tests.interop.conftest import missing

SCRIPT = Path(__file__).with_name("ceteicean.mjs")
TEI = "http://www.tei-c.org/ns/1.0"


def render(tei: Path, behaviors: Path) -> dict:
    if shutil.which("node") is None:
        missing("node", "installs Node.js")
    for package in ("CETEIcean", "jsdom"):
        if not (REPO / "node_modules" / package).is_dir():
            missing(package, "runs npm install")
    completed = subprocess.run(["node", str(SCRIPT), str(tei), str(behaviors)], cwd=REPO,
                               capture_output=True, text=True, timeout=120, check=False)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture(scope="module")
def seed_in_ceteicean(tmp_path_factory: pytest.TempPathFactory) -> dict:
    behaviors = tmp_path_factory.mktemp("cetei") / "behaviors.json"
    behaviors.write_text(behaviors_json(), encoding="utf-8")
    return render(SEED_TEI, behaviors)


def test_every_word_and_quotation_mark_of_the_source_shows_in_order(seed_in_ceteicean) -> None:
    expected = read_back_file(SEED_TEI, corrected=True).split()
    assert seed_in_ceteicean["bodyText"].split() == expected
    shown = seed_in_ceteicean["bodyText"]
    assert shown.count("“") == shown.count("”") > 20


def test_every_name_with_a_ref_links_to_its_register_entry(seed_in_ceteicean) -> None:
    text = etree.parse(str(SEED_TEI)).getroot().find(f"{{{TEI}}}text")
    named = [e for e in text.iter(*(f"{{{TEI}}}{n}" for n in NAME_ELEMENTS))
             if (e.get("ref") or "").startswith("#")]
    links = [link for link in seed_in_ceteicean["links"] if link["in"] in NAME_ELEMENTS]
    assert len(named) > 300
    assert len(links) == len(named)
    assert [link["href"] for link in links] == [e.get("ref") for e in named]
    assert seed_in_ceteicean["unresolved"] == 0


def test_the_register_comes_after_the_text(seed_in_ceteicean) -> None:
    assert seed_in_ceteicean["registerAfterText"] is True
    # what a reader sees first is the text's own beginning, not the register
    first_words = read_back_file(SEED_TEI, corrected=True).split()[:40]
    assert seed_in_ceteicean["text"].split()[:40] == first_words


def test_a_page_number_of_the_source_shows_in_its_marks(tmp_path: Path) -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text

    tei = tmp_path / "railways.xml"
    convert_text("Lev Marten\n\nThe Railways\n\nWritten: 1918\n\nThe lines were cut. [Page 55] "
                 "The engines |56| stood [p. xiv] still.\n", "railways",
                 TextSettings(name="railways")).tree.write(str(tei), encoding="utf-8",
                                                            xml_declaration=True)
    behaviors = tmp_path / "behaviors.json"
    behaviors.write_text(behaviors_json(), encoding="utf-8")
    shown = " ".join(render(tei, behaviors)["bodyText"].split())
    assert shown.endswith("The lines were cut. [Page 55] The engines |56| stood [p. xiv] still.")
