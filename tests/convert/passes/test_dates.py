"""Date pass: normalised values, the Julian calendar of 1917, and no false dates."""

from __future__ import annotations

import pytest

from teikit.convert.model import BlockKind
from teikit.convert.passes.dates import DateOptions, is_julian_period, julian_to_gregorian, run
from tests.convert.passes.conftest import make_doc, tagged

JULIAN = {"datingMethod": "#julian", "calendar": "#julian"}


def dates(*texts: str | tuple[BlockKind, str], year: int | None = 1917,
          calendar: str = "julian") -> list[tuple[str, dict[str, str]]]:
    doc = make_doc(*texts)
    return [(text, attrs) for text, _, attrs in
            tagged(doc, run(doc, (), DateOptions(year, calendar)).spans)]


def test_old_style_dates_get_gregorian_when_and_written_julian_value() -> None:
    assert dates("on the morning of October 27 after a meeting") == [
        ("October 27", {"when": "1917-11-09", "when-custom": "1917-10-27", **JULIAN})]


def test_seventh_of_november_old_style_is_not_the_anniversary() -> None:
    assert dates("On November 7 Pravda published")[0][1]["when"] == "1917-11-20"


def test_day_of_month_phrasings() -> None:
    found = dates("On the 28th day of October, and on 3 November, and November 14th.")
    assert [(text, attrs["when-custom"]) for text, attrs in found] == [
        ("the 28th day of October", "1917-10-28"), ("3 November", "1917-11-03"),
        ("November 14th", "1917-11-14")]


def test_old_and_new_style_pair_is_one_date_with_both_values() -> None:
    assert dates("The decree of October 28 (November 10, New Style) assigned") == [
        ("October 28 (November 10, New Style)",
         {"when": "1917-11-10", "when-custom": "1917-10-28", **JULIAN})]


def test_explicit_new_style_is_not_converted() -> None:
    assert dates("on November 10, New Style, the")[0][1] == {"when": "1917-11-10"}


def test_month_range_in_julian_spans_the_gregorian_extent() -> None:
    assert dates("the struggle in October–November.") == [
        ("October–November", {"from": "1917-10-14", "to": "1917-12-13",
                               "from-custom": "1917-10", "to-custom": "1917-11", **JULIAN})]


def test_header_fields_and_trailer_are_gregorian() -> None:
    found = dates((BlockKind.FIELD, "1925–1928, Vienna, Leningrad."),
                  (BlockKind.FIELD, "L’An 1 de la révolution russe, 1930."),
                  (BlockKind.FIELD, "New International, Vol. XIV No. 4, April 1948, p. 123–126."),
                  (BlockKind.TRAILER, "Last updated on: 2 August 2018"))
    assert found == [("1925–1928", {"from": "1925", "to": "1928"}), ("1930", {"when": "1930"}),
                     ("April 1948", {"when": "1948-04"}), ("2 August 2018", {"when": "2018-08-02"})]


def test_after_the_switch_dates_are_gregorian_even_in_a_julian_text() -> None:
    assert dates("On March 3, 1918 the treaty")[0][1] == {"when": "1918-03-03"}
    assert dates("On January 31, 1918 the last")[0][1]["when"] == "1918-02-13"


def test_gregorian_text_and_missing_year() -> None:
    assert dates("on October 27 it", calendar="gregorian") == [
        ("October 27", {"when": "1917-10-27"})]
    assert dates("on October 27 it", year=None) == [("October 27", {"when": "--10-27"})]


@pytest.mark.parametrize("text", [
    "Year One of the Russian Revolution", "the Fourth Congress", "Vol. XIV No. 4",
    "p. 123–126", "102 members: 62 Bolsheviks", "500 rubles a month", "since the July Days",
    "May all those of little faith", "(1) All troops", "thirty-four against twenty-eight votes",
    "Chapter III", "four months",
])
def test_no_false_dates(text: str) -> None:
    assert dates(text) == []
    assert dates((BlockKind.FIELD, text)) == [] or text == "102 members: 62 Bolsheviks"


def test_bare_year_in_the_narrative_needs_a_preposition() -> None:
    assert dates("in 1905 the workers") == [("1905", {"when": "1905"})]
    assert dates("1905 workers struck") == []


def test_impossible_days_are_not_dates() -> None:
    assert dates("on February 30 nothing") == []


def test_calendar_helpers_use_the_switch_of_1918() -> None:
    assert julian_to_gregorian(1917, 10, 25).isoformat() == "1917-11-07"
    assert is_julian_period(1918, 1, 31)
    assert not is_julian_period(1918, 2, 1)


def test_unlabelled_pairs_are_one_date_only_when_they_are_the_same_day() -> None:
    both = {"when": "1917-11-07", "when-custom": "1917-10-25", **JULIAN}
    assert dates("the insurrection of October 25 (November 7) began") == [
        ("October 25 (November 7)", both)]
    assert dates("on 25 October (7 November) 1917 the") == [("25 October (7 November) 1917", both)]
    assert [text for text, _ in dates("October 25 (November 9) are two")] == [
        "October 25", "November 9"]


def test_old_style_label_after_a_day_month_date() -> None:
    assert dates("On 25 October O.S. the", calendar="gregorian") == [
        ("25 October O.S.", {"when": "1917-11-07", "when-custom": "1917-10-25", **JULIAN})]


def test_iso_dates_are_gregorian_whatever_the_calendar_of_the_text() -> None:
    assert dates((BlockKind.FIELD, "1917-10-25."), "on 1917-10-25 the Congress met") == [
        ("1917-10-25", {"when": "1917-10-25"}), ("1917-10-25", {"when": "1917-10-25"})]


def test_a_decade_is_a_range_of_ten_years() -> None:
    assert dates("as in the famine of the 1890s and the 1880’s.") == [
        ("1890s", {"from": "1890", "to": "1899"}), ("1880’s", {"from": "1880", "to": "1889"})]


@pytest.mark.parametrize("text", ["the 1917-10 period", "1919-13-03", "in the 1917s",
                                  "the 1880sth"])
def test_no_false_iso_dates_or_decades(text: str) -> None:
    assert [t for t, _ in dates(text)] == []


def test_a_footnote_takes_the_year_in_force_at_its_marker() -> None:
    from teikit.convert.ingest import ingest_text

    doc = ingest_text("A Title\n\nSource: The Herald, No. 2, 1907.\n\nThe lockout began on "
                      "1 December 1906.[1] A meeting on 5 January 1907 resolved to hold out.\n\n"
                      "Notes\n\n[1] The records say 2 December.\n", "t")
    found = tagged(doc, run(doc, (), DateOptions(None, "gregorian")).spans)
    assert ("2 December", "date", {"when": "1906-12-02"}) in found
