"""The dates of the date test texts (tests/fixtures/dates), converted for real without the
edition config, scored against their hand-made references."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eval.score_dates import DEFAULT_DIR, Totals, references, score_reference

REFERENCES = references([DEFAULT_DIR])


@pytest.fixture(scope="module")
def totals() -> Totals:
    return Totals([score_reference(path) for path in REFERENCES])


def test_there_are_at_least_six_texts_with_their_references() -> None:
    assert len(REFERENCES) >= 6
    for path in REFERENCES:
        reference = json.loads(path.read_text(encoding="utf-8"))
        assert (path.parent / reference["source"]).is_file()
        assert len(reference["dates"]) >= 5, path.name


def test_dates_are_found_and_right_without_config(totals: Totals) -> None:
    problems = [p for t in totals.texts for p in t.problems]
    assert totals.found_ratio >= 0.97, problems
    assert totals.right_ratio >= 0.97, problems


def test_every_old_style_date_keeps_its_julian_value(totals: Totals) -> None:
    assert totals.total("julian_required") > 20
    assert totals.total("right_julian") == totals.total("julian_required"), [
        p for t in totals.texts for p in t.problems]


def test_no_new_style_date_is_shifted_and_no_trap_is_a_date(totals: Totals) -> None:
    assert totals.total("new_style") > 50
    assert [s for t in totals.texts for s in t.new_style_shifted] == []
    assert [n for t in totals.texts for n in t.negatives_triggered] == []


def test_every_inferred_date_is_warned_about_once_with_its_line(totals: Totals) -> None:
    for text in totals.texts:
        warned = [w for w in text.warnings if re.match(r"line \d+: date “", w)]
        assert len(warned) == len(set(warned))
        assert all(" — in “" in w and "(cert " in w for w in warned)
    assert sum(len(t.warnings) for t in totals.texts) > 30


def test_the_scorer_sees_a_wrong_calendar(tmp_path: Path) -> None:
    """Told that the dual-date text is Gregorian, its unmarked Old Style dates lose their
    Julian value: the scorer must say so."""
    config = tmp_path / "edition.toml"
    config.write_text('[texts.ignatov-two-calendars]\ncalendar = "gregorian"\n', encoding="utf-8")
    wrong = score_reference(DEFAULT_DIR / "ignatov-two-calendars.dates.json", config)
    assert wrong.right_julian < wrong.julian_required
    assert wrong.right_gregorian < wrong.required


def test_dates_in_footnotes_are_scored_where_the_notes_section_has_them(totals: Totals) -> None:
    notes = next(t for t in totals.texts if t.name == "grey-notes")
    assert notes.found == notes.required >= 10
