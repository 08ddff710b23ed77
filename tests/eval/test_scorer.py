"""The gold scorer notices what it should: a lost name, a wrong date, a wrong kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from eval.score_gold import locate, score, source_lines
from tests.conftest import GOLD, SEED, SEED_TEI

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def gold() -> dict:  # type: ignore[type-arg]
    return json.loads(GOLD.read_text(encoding="utf-8"))


def damaged(tmp_path: Path, damage) -> Path:  # type: ignore[no-untyped-def]
    tree = etree.parse(str(SEED_TEI))
    damage(tree.getroot())
    path = tmp_path / "damaged.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


def unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    text = (element.text or "") + (element.tail or "")
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)


def test_the_committed_edition_places_every_element_in_the_source(gold: dict) -> None:  # type: ignore[type-arg]
    found = locate(SEED_TEI, source_lines(SEED))
    assert sum(1 for f in found if f.tag == "persName") >= 100
    report = score(found, gold)
    assert report.mentions.recall == 1.0


def test_a_lost_name_lowers_recall_and_a_wrong_ref_is_counted(tmp_path: Path,
                                                              gold: dict) -> None:  # type: ignore[type-arg]
    def damage(root: etree._Element) -> None:
        names = list(root.find(f"{TEI}text").iter(f"{TEI}persName"))
        unwrap(names[5])
        names[6].set("ref", "#trotsky" if names[6].get("ref") != "#trotsky" else "#lenin")

    report = score(locate(damaged(tmp_path, damage), source_lines(SEED)), gold)
    assert report.mentions.found_required == report.mentions.required - 1
    assert report.mentions.wrong_ref + len(report.mentions.refs_per_entity) >= 1


def test_a_wrong_julian_value_and_a_wrong_kind_are_reported(tmp_path: Path,
                                                             gold: dict) -> None:  # type: ignore[type-arg]
    def damage(root: etree._Element) -> None:
        date = next(d for d in root.find(f"{TEI}text").iter(f"{TEI}date")
                    if d.get("when-custom"))
        date.set("when-custom", "1917-01-01")
        so_called = next(root.find(f"{TEI}text").iter(f"{TEI}soCalled"))
        so_called.tag = f"{TEI}quote"

    report = score(locate(damaged(tmp_path, damage), source_lines(SEED)), gold)
    assert report.dates.right_julian == report.dates.julian_required - 1
    assert report.quotes.right_kind_strict == report.quotes.segments - 4 - 1
