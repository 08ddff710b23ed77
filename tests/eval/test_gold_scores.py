"""The seed edition, converted for real, scored against the editor's reference annotation."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from eval.score_gold import Report, score_file
from teikit.config import load_config
from teikit.convert import convert_transcription
from teikit.convert.ingest import ingest_file
from teikit.xmlio import serialize_tei
from tests.conftest import GOLD, REPO, SEED, SEED_SOURCE

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def seed_tei(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doc = ingest_file(SEED_SOURCE)
    settings = load_config(REPO / "tei" / "edition.toml").settings_for(doc.name)
    conversion = convert_transcription(doc, settings)
    path = tmp_path_factory.mktemp("seed") / "seed.xml"
    path.write_bytes(serialize_tei(conversion.tree))
    return path


@pytest.fixture(scope="module")
def report(seed_tei: Path) -> Report:
    return score_file(seed_tei, GOLD, SEED)


def test_mentions_meet_the_acceptance_thresholds(report: Report) -> None:
    mentions = report.mentions
    assert mentions.precision >= 0.98, mentions.extras
    assert mentions.recall >= 0.97, mentions.misses


def test_each_entity_has_one_ref_and_refs_are_distinct(report: Report) -> None:
    assert report.mentions.refs_per_entity == {}
    assert report.mentions.entities_sharing_ref == {}
    assert report.mentions.wrong_ref == 0


def test_no_trap_is_triggered(report: Report) -> None:
    assert report.mentions.traps == []


def test_every_required_date_has_its_gregorian_and_julian_value(report: Report) -> None:
    dates = report.dates
    assert dates.found == dates.required > 0, dates.problems
    assert dates.right_gregorian == dates.required, dates.problems
    assert dates.right_julian == dates.julian_required > 0, dates.problems
    assert dates.negatives_triggered == []


def test_quotations_have_the_right_kind_and_block_quotations_are_found(report: Report) -> None:
    quotes = report.quotes
    assert quotes.kind_ratio >= 0.90, quotes.problems
    assert quotes.blocks_found == quotes.blocks == 14


def test_every_pointer_resolves_inside_the_file(seed_tei: Path) -> None:
    root = etree.parse(str(seed_tei)).getroot()
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()}
    pointers = [token[1:] for e in root.iter() for attribute in ("ref", "who", "source")
                for token in (e.get(attribute) or "").split() if token.startswith("#")]
    assert pointers
    assert [p for p in pointers if p not in ids] == []
    stand_off = root.find(f"{TEI}standOff")
    assert stand_off is not None
    # after the text, so that tools showing the document in order show the text first
    assert stand_off.getprevious().tag == f"{TEI}text"
