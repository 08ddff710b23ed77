"""Paths and checks shared by every test. ``../shared`` is the read-only project input beside the
checkout."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_cbfdfa432e988fe7.txt"
GOLD = SHARED / "gold" / "seed-gold.json"
TEI_ALL_RNG = SHARED / "tei-p5" / "tei_all.rng"
CORPUS = SHARED / "tei-corpus"
SEED_SOURCE = REPO / "tei" / "sources" / "serge-year-one-2.txt"
SEED_TEI = REPO / "tei" / "serge-year-one-2.xml"
FIXTURES = REPO / "tests" / "fixtures"


def pytest_configure(config: pytest.Config) -> None:
    """The run's own user cache (compiled rules, remembered checks and index pages), unless the
    runner names one: nothing a test remembers outlives the run or comes from an earlier one."""
    if "TEIKIT_CACHE_DIR" not in os.environ:
        os.environ["TEIKIT_CACHE_DIR"] = tempfile.mkdtemp(prefix="teikit-test-cache-")


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process as the command line does once pytest has said everything: a JVM
    started in it (FOP, jing in-process) is left, not shut down under a finalising Python,
    whose threads calling back into it can crash the process after the last test
    (:func:`teikit.render.fop.end_leaving_jvm`)."""
    fop = sys.modules.get("teikit.render.fop")
    if fop is not None and _EXIT_STATUS:
        fop.end_leaving_jvm(_EXIT_STATUS[-1])


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests leave files for a person to look at (screenshots, page images)."""
    path = REPO / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


TRANSCRIPTIONS = FIXTURES / "transcriptions"


def jing(*paths: Path) -> tuple[int, str]:
    """Validate files against the official tei_all.rng with Debian's jing: (exit code, errors)."""
    import subprocess

    completed = subprocess.run(["jing", str(TEI_ALL_RNG), *map(str, paths)],
                               capture_output=True, text=True, check=False)
    lines = [line for line in (completed.stdout + completed.stderr).splitlines()
             if line.strip() and "[warning]" not in line]
    return completed.returncode, "\n".join(lines)


# ---- a small edition of several texts (the seed, two fixtures, two texts of its own) ----------

EDITION_FIXTURES = FIXTURES / "edition"
EDITION_TEXTS = ("serge-year-one-2", "volkova-letter", "marchal-printers-strike",
                 "orlov-petrograd-notes", "berg-kharkov-report")
EDITION_TOML = """[edition]
publisher = "Test Press"
title = "Texts of the test edition"
date = "2026-01-01"
register = "register.xml"
sources = "sources"
output = "."
site = "site"

[texts.serge-year-one-2]
year = 1917
calendar = "julian"
editor = "The editors of The New International"
original_language = "fr"

[texts.orlov-petrograd-notes]
year = 1917
calendar = "julian"

[texts.volkova-letter]
editor = "The bulletin editors"
"""


def merged_register(target: Path) -> Path:
    """The seed's register with the fixtures' entries added, as one edition register."""
    from lxml import etree

    tei = "{http://www.tei-c.org/ns/1.0}"
    tree = etree.parse(str(REPO / "tei" / "register.xml"))
    stand_off = tree.getroot().find(f"{tei}standOff")
    assert stand_off is not None
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    known = {e.get(xml_id) for e in tree.iter() if e.get(xml_id)}
    for extra in ("volkova-letter", "marchal-printers-strike"):
        other = etree.parse(str(TRANSCRIPTIONS / f"{extra}.register.xml")).getroot()
        for listing in other.find(f"{tei}standOff"):
            if not isinstance(listing.tag, str):
                continue
            mine = stand_off.find(listing.tag)
            if mine is None:
                mine = etree.SubElement(stand_off, listing.tag)
            mine.extend(e for e in listing if e.get(xml_id) not in known)
    tree.write(str(target), xml_declaration=True, encoding="UTF-8")
    return target


def make_edition_folder(folder: Path) -> Path:
    """Sources, register and config of the test edition in ``folder``; returns the config."""
    import shutil

    sources = folder / "sources"
    sources.mkdir(parents=True)
    shutil.copy(SEED_SOURCE, sources)
    for name in ("volkova-letter", "marchal-printers-strike"):
        shutil.copy(TRANSCRIPTIONS / f"{name}.txt", sources)
    for name in ("orlov-petrograd-notes", "berg-kharkov-report"):
        shutil.copy(EDITION_FIXTURES / f"{name}.txt", sources)
    merged_register(folder / "register.xml")
    config = folder / "edition.toml"
    config.write_text(EDITION_TOML, encoding="utf-8")
    return config


@pytest.fixture(scope="session")
def built_test_edition(tmp_path_factory: pytest.TempPathFactory):
    """The test edition built once (reading pages, two workers): (config, report)."""
    from teikit.build import build_edition

    config = make_edition_folder(tmp_path_factory.mktemp("test-edition"))
    report = build_edition(config, jobs=2, formats=("html",))
    return config, report


def checked_conversion(text: str) -> etree._Element:
    """The TEI of ``text`` converted with no config or register, as an editor's new text is —
    after checking that it reads back to the text and is valid (edition schema and tei_all)."""
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import check_documents

    conversion = convert_text(text, "t", TextSettings(name="t"))
    root = conversion.tree.getroot()
    assert comparable(read_back(root)) == comparable(text)
    data = etree.tostring(conversion.tree, encoding="utf-8", xml_declaration=True)
    report = check_documents([("t.xml", data)], ("edition", "tei_all"))
    assert [str(p) for p in report.problems if p.severity == "error"] == []
    return root
