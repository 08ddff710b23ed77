"""Date pass: normalised values, the Julian calendar of 1917, and no false dates."""

from __future__ import annotations

import pytest

from teikit.config import TextSettings
from teikit.convert import passes
from teikit.convert.model import BlockKind
from teikit.convert.passes.dates import DateOptions, is_julian_period, julian_to_gregorian, run
from teikit.register.entries import EMPTY_REGISTER
from tests.convert.passes.conftest import make_doc, tagged

JULIAN = {"datingMethod": "#julian", "calendar": "#julian"}
DUAL = {"datingMethod": "#julian", "calendar": "#julian #gregorian"}


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
         {"when": "1917-11-10", "when-custom": "1917-10-28", **DUAL})]


def test_explicit_new_style_is_not_converted() -> None:
    assert dates("on November 10, New Style, the")[0][1] == {"when": "1917-11-10",
                                                             "calendar": "#gregorian"}


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
    # no year anywhere: month and day only, and marked as a guess by the converter
    assert dates("on October 27 it", year=None) == [("October 27", {
        "when": "--10-27", "cert": "low", "resp": "#teikit", "evidence": "conjecture"})]


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
    both = {"when": "1917-11-07", "when-custom": "1917-10-25", **DUAL}
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
    assert ("2 December", "date", {"when": "1906-12-02", "cert": "high", "resp": "#teikit",
                                   "evidence": "internal"}) in found


# ----------------------------------------------------------------- the text's own calendar

GREGORIAN = {"calendar": "#gregorian"}


def _values(*texts: str | tuple[BlockKind, str], year: int | None = None,
            calendar: str = "") -> list[tuple[str, str, str]]:
    """(surface, Gregorian value, Julian value) of each date, decided from the text alone."""
    out = []
    for text, attrs in dates(*texts, year=year, calendar=calendar):
        value = attrs.get("when") or f"{attrs.get('from', attrs.get('notBefore'))}/" \
            f"{attrs.get('to', attrs.get('notAfter'))}"
        written = attrs.get("when-custom") or (
            f"{attrs['from-custom']}/{attrs['to-custom']}" if "from-custom" in attrs else "")
        out.append((text, value, written))
    return out


RUSSIA = "We reached Petrograd from Moscow."


def test_a_text_set_in_russia_writes_old_style_until_the_switch_and_new_style_after() -> None:
    assert _values(RUSSIA, "On January 31, 1918 the old calendar ended; February 14 came next, "
                   "and on February 18 the Germans advanced.") == [
        ("January 31, 1918", "1918-02-13", "1918-01-31"),
        ("February 14", "1918-02-14", ""), ("February 18", "1918-02-18", "")]


def test_a_date_marked_new_style_by_the_editor_is_never_old_style() -> None:
    found = dates(RUSSIA, "On March 2, 1917 the Tsar abdicated; the appeal of March 14 [New "
                  "Style – Ed.] followed.", year=None, calendar="")
    assert found[1][0] == "March 14"
    assert {k: v for k, v in found[1][1].items() if k in {"when", "calendar"}} == {
        "when": "1917-03-14", **GREGORIAN}
    assert "when-custom" not in found[1][1] and "datingMethod" not in found[1][1]
    # and in a text the config declares Julian
    assert dates("on November 10 (N.S.) the", calendar="julian")[0][1] == {
        "when": "1917-11-10", **GREGORIAN}


def test_the_calendar_follows_the_markers_and_the_place_of_writing() -> None:
    from teikit.convert.dates.calendars import decide_calendar

    def decision(*texts: str | tuple[BlockKind, str], configured: str = "") -> tuple[str, str]:
        result = decide_calendar(make_doc(*texts), configured)
        return result.calendar, result.cert or "stated"

    assert decision("On May 3 we met.", configured="julian") == ("julian", "stated")
    assert decision("All dates are given in the Old Style.") == ("julian", "stated")
    assert decision("On March 14 (N.S.) we met.") == ("julian", "high")
    assert decision("Lenin left on March 27, O.S., from Zurich.") == ("gregorian", "high")
    assert decision((BlockKind.DATELINE, "Zurich, 3 March 1917"), RUSSIA) == ("gregorian",
                                                                              "medium")
    assert decision((BlockKind.DATELINE, "Moscow, 3 March 1917"), "In Paris.") == ("julian",
                                                                                "medium")
    assert decision(RUSSIA, "Then to Kiev.") == ("julian", "medium")
    assert decision("A strike in Glasgow and London.") == ("gregorian", "stated")


@pytest.mark.parametrize(("published", "when", "julian"), [
    ("New York Call, 10 November 1917.", "1917-11-08", None),
    ("Pravda, Petrograd, 10 November 1917.", "1917-11-21", "1917-11-08"),
], ids=["abroad", "in-russia"])
def test_a_dispatch_first_published_abroad_writes_its_readers_calendar(published, when, julian):
    from tests.conftest import checked_conversion

    root = checked_conversion(f"Bolsheviki Seize the Capital\n\nFirst Published: {published}\n"
                              "\nPETROGRAD, Nov. 8.—The Bolsheviki are masters of Petrograd "
                              "and of Moscow. Kerensky has fled.\n")
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    (date,) = root.iterfind(".//tei:body//tei:date", ns)
    assert (date.get("when"), date.get("when-custom")) == (when, julian)


def test_dual_dates_in_every_form_are_one_date_with_both_values() -> None:
    assert _values(RUSSIA, "On March 2 (15, N.S.) and November 3 (16), and on February 5 (18), "
                   "1906, and 2 (15) March 1917, and February 23/March 8, 1917, and "
                   "31 January/13 February 1918.", year=1917) == [
        ("March 2 (15, N.S.)", "1917-03-15", "1917-03-02"),
        ("November 3 (16)", "1917-11-16", "1917-11-03"),
        ("February 5 (18), 1906", "1906-02-18", "1906-02-05"),
        ("2 (15) March 1917", "1917-03-15", "1917-03-02"),
        ("February 23/March 8, 1917", "1917-03-08", "1917-02-23"),
        ("31 January/13 February 1918", "1918-02-13", "1918-01-31")]
    assert dates("March 2 (15, N.S.)")[0][1]["calendar"] == "#julian #gregorian"
    # parentheses that do not hold the same day in the other calendar are not a pair
    assert [t for t, _ in dates("October 25 (see below) and October 25 (November 9)")] == [
        "October 25", "October 25", "November 9"]


def test_dual_dates_written_with_ordinals_and_of_are_one_date_too() -> None:
    assert _values(RUSSIA, "On the 25th of February (10th of March) the city stood still; on "
                   "the 1st (14th) of March 1917 the Tsar was gone, and by Sunday, the 5th of "
                   "March (the 18th), nobody spoke of him.", year=1917) == [
        ("the 25th of February (10th of March)", "1917-03-10", "1917-02-25"),
        ("the 1st (14th) of March 1917", "1917-03-14", "1917-03-01"),
        ("Sunday, the 5th of March (the 18th)", "1917-03-18", "1917-03-05")]
    # an ordinal in parentheses that is not the same day in the other calendar
    assert [t for t, _ in dates("on the 25th of February (the 2nd of March) we met")] == [
        "the 25th of February", "the 2nd of March"]


def test_days_written_in_both_calendars_are_one_range_with_both_values() -> None:
    both = {"from": "1917-07-16", "to": "1917-07-18", "from-custom": "1917-07-03",
            "to-custom": "1917-07-05", **DUAL}
    assert dates("The days of July 3–5 (16–18), 1917 began it.", year=None) == [
        ("July 3–5 (16–18), 1917", both)]
    assert dates("On 3–5 (16–18) July 1917 and July 16–18 (3–5), 1917.", year=None) == [
        ("3–5 (16–18) July 1917", both), ("July 16–18 (3–5), 1917", both)]
    assert dates("From June 29–30 (July 12–13) the army fell back.")[0] == (
        "June 29–30 (July 12–13)", {"from": "1917-07-12", "to": "1917-07-13",
                                    "from-custom": "1917-06-29", "to-custom": "1917-06-30",
                                    **DUAL})
    # parentheses that do not hold the same days in the other calendar
    assert [t for t, _ in dates("on July 3–5 (7–9) they met")] == ["July 3–5"]


def test_between_two_days_is_a_range_and_years_after_the_word_year_are_dates() -> None:
    found = dates("Between 3 and 5 July, and between the 8th and the 9th of July, the city "
                  "belonged to the street. In the years 1905–07 and by 1917/18 they learned "
                  "what the year 1918 would bring.", calendar="gregorian")
    assert [(text, attrs) for text, attrs in found] == [
        ("3 and 5 July", {"from": "1917-07-03", "to": "1917-07-05"}),
        ("the 8th and the 9th of July", {"from": "1917-07-08", "to": "1917-07-09"}),
        ("1905–07", {"from": "1905", "to": "1907"}), ("1917/18", {"from": "1917", "to": "1918"}),
        ("1918", {"when": "1918"})]


def test_the_other_calendar_in_an_editors_square_brackets_is_one_date_too() -> None:
    assert _values(RUSSIA, "On October 25 [November 7], 1917 power passed to the Soviets; the "
                   "Assembly met on January 5 [18], 1918 and was dissolved on 6 [19] January. "
                   "Then March 2 [15, N.S.] came.", year=None) == [
        ("October 25 [November 7], 1917", "1917-11-07", "1917-10-25"),
        ("January 5 [18], 1918", "1918-01-18", "1918-01-05"),
        ("6 [19] January", "1918-01-19", "1918-01-06"),
        ("March 2 [15, N.S.]", "1918-03-15", "1918-03-02")]
    # a bracket that is not the same day in the other calendar, or closes with the other sign
    assert [t for t, _ in dates("October 25 [see below] and October 25 [November 9], and "
                                "October 25 (November 7] then")] == [
        "October 25", "October 25", "November 9", "October 25", "November 7"]


def test_the_editors_bracket_stays_a_note_inside_the_date() -> None:
    from teikit.convert.ingest import ingest_text

    doc = ingest_text("A Report\n\nWe reached Petrograd. On October 25 [November 7], 1917 the "
                      "palace fell.\n", "t")
    found = tagged(doc, passes.run_passes(doc, TextSettings(name="t"), EMPTY_REGISTER).spans)
    assert [(text, tag) for text, tag, _ in found if tag in {"date", "note"}] == [
        ("October 25 [November 7], 1917", "date"), ("[November 7]", "note")]

def test_a_new_style_value_first_and_the_old_in_parentheses() -> None:
    assert _values("On March 15 (March 2, O.S.) he abdicated.", year=1917) == [
        ("March 15 (March 2, O.S.)", "1917-03-15", "1917-03-02")]


def test_the_weekday_decides_the_calendar_where_the_text_is_russian() -> None:
    # 27 February 1917 was a Monday in the Old Style, a Tuesday in the New
    found = dates(RUSSIA, "On Monday, February 27, 1917 the garrison rose.", year=None,
                  calendar="")
    assert found[0][1]["when"] == "1917-03-12" and found[0][1]["when-custom"] == "1917-02-27"
    assert "cert" not in found[0][1]


def test_years_come_from_the_passage_never_from_a_date_presented_as_past() -> None:
    found = _values((BlockKind.DATELINE, "London, 14 March 1931"),
                    "Your letter of June 2, 1927, reached me on March 2; your telegram of "
                    "December 28 came too. In an earlier letter of April 15, 1929, I said so. "
                    "We meet on 1 May.")
    assert found == [("14 March 1931", "1931-03-14", ""), ("June 2, 1927", "1927-06-02", ""),
                     ("March 2", "1931-03-02", ""), ("December 28", "1930-12-28", ""),
                     ("April 15, 1929", "1929-04-15", ""), ("1 May", "1931-05-01", "")]


def test_a_december_followed_by_a_january_is_the_next_year() -> None:
    assert _values("On December 30, 1917 we met.", "On January 5 the Assembly opened.",
                   calendar="gregorian")[1] == ("January 5", "1918-01-05", "")


def test_a_memoir_is_not_dated_by_the_year_it_was_written() -> None:
    assert _values((BlockKind.FIELD, "1926."), "At the end of 1917 we met on 30 December.")[2:] \
        == [("30 December", "1917-12-30", "")]


def test_every_form_of_a_day() -> None:
    found = _values("In 1921, on the 2nd and the 9th of March 1921, on Tuesday, 7 March, the "
                    "Twentieth of March, March the 7th, and from 3 to 7 July; on the 19th.",
                    calendar="gregorian")
    assert found == [("1921", "1921", ""), ("the 2nd", "1921-03-02", ""),
                     ("the 9th of March 1921", "1921-03-09", ""),
                     ("Tuesday, 7 March", "1921-03-07", ""),
                     ("the Twentieth of March", "1921-03-20", ""),
                     ("March the 7th", "1921-03-07", ""),
                     ("3 to 7 July", "1921-07-03/1921-07-07", ""),
                     ("the 19th", "1921-07-19", "")]


def test_months_seasons_and_parts_of_months() -> None:
    found = _values("In 1919, in April, at the end of June, early in May, in the middle of "
                    "March, by the beginning of 1920, the spring of 1919, the winter of "
                    "1917–18.", calendar="gregorian")
    assert found == [("1919", "1919", ""), ("April", "1919-04", ""),
                     ("the end of June", "1919-06-21/1919-06-30", ""),
                     ("early in May", "1919-05-01/1919-05-10", ""),
                     ("the middle of March", "1919-03-11/1919-03-20", ""),
                     ("the beginning of 1920", "1920-01/1920-03", ""),
                     ("the spring of 1919", "1919-03/1919-05", ""),
                     ("the winter of 1917–18", "1917-12/1918-02", "")]


def test_the_winter_after_a_date_of_the_narrative_is_the_winter_it_comes_to() -> None:
    found = _values("He went home in the spring of 1917. In October he was with the Red "
                    "Guard, and in the winter he organised the food supply.",
                    calendar="gregorian")
    assert found[-1] == ("the winter", "1917-12/1918-02", "")
    found = _values("In February 1917 the strikes began; in the winter there had been none.",
                    calendar="gregorian")
    assert found[-1] == ("the winter", "1916-12/1917-02", "")


def test_the_year_of_the_title_dates_what_the_text_gives_without_one() -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion("A Chronology of 1917\n\nWritten: 1967\n\nDates before 1 "
                              "February 1918 are given in the Old Style, as in Russia at the "
                              "time.\n\nOn February 23 the women of Petrograd struck, and on "
                              "October 25 the Winter Palace was taken.\n")
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    found = [(d.text, d.get("when"), d.get("when-custom"))
             for d in root.iterfind(".//tei:body//tei:date", ns)]
    # the date of the calendar statement dates nothing after it
    assert found[1:] == [("February 23", "1917-03-08", "1917-02-23"),
                         ("October 25", "1917-11-07", "1917-10-25")]


@pytest.mark.parametrize(("sentence", "value"), [
    ("We shall march again in the spring.", "1933-03/1933-05"),
    ("We will strike in March.", "1933-03"),
    ("In March the strike began.", "1932-03"),
    ("We marched in the spring.", "1932-03/1932-05"),
], ids=["future-season", "future-month", "past-month", "past-season"])
def test_what_a_text_says_is_to_come_falls_after_its_date(sentence: str, value: str) -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion(f"The Hunger March\n\nWritten: 28 October 1932\n\n{sentence}\n")
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    (date,) = root.iterfind(".//tei:body//tei:date", ns)
    assert (date.get("when") or f"{date.get('notBefore')}/{date.get('notAfter')}") == value


def test_a_season_with_its_year_may_open_a_line() -> None:
    found = _values("Summer 1918. Early Spring of 1917 came late.", calendar="gregorian")
    assert found == [("Summer 1918", "1918-06/1918-08", ""),
                     ("Early Spring of 1917", "1917-03/1917-04", "")]


def test_written_in_a_season_names_no_place() -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion("V. I. Lenin\n\nTo the Railwaymen\n\nWritten: Summer 1918\n\n"
                              "The grain trains must go to Moscow.\n")
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    (date,) = root.xpath("//tei:front//tei:date", namespaces=ns)
    assert (date.get("notBefore"), date.get("notAfter"), "".join(date.itertext())) == (
        "1918-06", "1918-08", "Summer 1918")
    assert date.find("tei:placeName", ns) is None


def test_an_old_style_part_of_a_month_converts_both_ends() -> None:
    attrs = dates("at the end of October", year=1917, calendar="julian")[0][1]
    assert attrs == {"notBefore": "1917-11-03", "notAfter": "1917-11-13",
                     "notBefore-custom": "1917-10-21", "notAfter-custom": "1917-10-31", **JULIAN}


def test_an_annual_day_by_the_old_calendar_is_month_and_day_in_both() -> None:
    assert dates("Her name-day, December 6 by the old calendar, was kept.", year=None,
                 calendar="") == [("December 6", {"when": "--12-19", "when-custom": "--12-06",
                                                  **JULIAN})]


def test_french_and_german_spellings() -> None:
    assert dates("le 3 février 1922, le 1er mai 1921, lundi 6 février 1922, en mai 1920, "
                 "am 3. März 1917, Dienstag, den 7. Januar 1919, im Jänner 1919",
                 calendar="gregorian") == [
        ("3 février 1922", {"when": "1922-02-03", "xml:lang": "fr"}),
        ("1er mai 1921", {"when": "1921-05-01", "xml:lang": "fr"}),
        ("lundi 6 février 1922", {"when": "1922-02-06", "xml:lang": "fr"}),
        ("mai 1920", {"when": "1920-05", "xml:lang": "fr"}),
        ("3. März 1917", {"when": "1917-03-03", "xml:lang": "de"}),
        ("Dienstag, den 7. Januar 1919", {"when": "1919-01-07", "xml:lang": "de"}),
        ("im Jänner 1919", {"when": "1919-01", "xml:lang": "de"})]


@pytest.mark.parametrize("text", [
    "in the 19th century", "the 8th Congress", "on the 5th Regiment", "the 3rd of the men",
    "he May have gone", "in March Street", "3/4 of them",
])
def test_no_false_dates_among_the_new_forms(text: str) -> None:
    assert dates("On March 3, 1917 it began.", text)[1:] == []


def test_one_warning_per_inferred_date_with_its_line_and_paragraph() -> None:
    doc = make_doc(RUSSIA, "On January 5, 1918 the Assembly met; on the 6th it was closed.")
    result = run(doc, (), DateOptions())
    inferred = [s for s in result.spans if "cert" in s.attrs]
    assert len(inferred) == 2
    assert all(s.attrs["resp"] == "#teikit" and s.attrs["evidence"] == "internal"
               for s in inferred)
    assert len(result.warnings) == 2
    assert result.warnings[1].startswith("line 2: date “the 6th” → 1918-01-19 (cert medium): "
                                         "month and year from “January 5, 1918”")
    assert "— in “On January 5, 1918 the Assembly met" in result.warnings[1]


def test_an_editors_statement_of_the_calendar_and_an_aside_that_does_not_move_the_year() -> None:
    from teikit.convert.ingest import ingest_text

    doc = ingest_text("A Diary\n\nWritten: 1918–1919.\n\nThe diary opens in the last days of 1917. "
                      "[All dates before February 1918 are Old Style – Ed.]\n\nDecember 24. The "
                      "Red Guards came in.\n", "t")
    spans = passes.run_passes(doc, TextSettings(name="t"), EMPTY_REGISTER).spans
    found = tagged(doc, spans, "date")
    assert ("December 24", "date", {"when": "1918-01-06", "when-custom": "1917-12-24", **JULIAN,
                                    "cert": "medium", "resp": "#teikit",
                                    "evidence": "internal"}) in found


def test_a_report_without_a_date_of_writing_takes_the_year_of_its_publication() -> None:
    from teikit.convert.ingest import ingest_text

    doc = ingest_text("A Report\n\nSource: The Labour Leader, 20 September 1917.\n\nWe reached "
                      "Stockholm at the beginning of July, and sailed home on 12 September.\n", "t")
    found = tagged(doc, run(doc, (), DateOptions()).spans)
    assert [(t, a.get("when") or f"{a['notBefore']}/{a['notAfter']}") for t, _, a in found] == [
        ("20 September 1917", "1917-09-20"), ("the beginning of July", "1917-07-01/1917-07-10"),
        ("12 September", "1917-09-12")]


def test_a_part_of_a_month_without_any_year_keeps_month_and_days() -> None:
    assert dates("at the end of June", year=None, calendar="gregorian")[0][1]["notBefore"] == \
        "--06-21"


def test_a_calendar_named_after_a_list_of_days_holds_for_every_day() -> None:
    found = _values("In Stockholm, they date them the 3rd and the 4th of July by their own "
                    "calendar.", year=1917)
    assert found == [("the 3rd", "1917-07-16", "1917-07-03"),
                     ("the 4th of July", "1917-07-17", "1917-07-04")]
    assert _values("on 25 October by the Russian calendar", year=1917) == [
        ("25 October", "1917-11-07", "1917-10-25")]


def test_a_letter_counts_inst_ult_and_last_year_from_its_own_date() -> None:
    found = _values((BlockKind.DATELINE, "Petrograd, 3/16 March 1917"),
                    "Your letter of the 20th ult. came; since Oct. 25 of last year nothing. The "
                    "conference opens on the 29th inst.")
    assert found == [("3/16 March 1917", "1917-03-16", "1917-03-03"),
                     ("the 20th ult.", "1917-03-05", "1917-02-20"),
                     ("Oct. 25", "1916-11-07", "1916-10-25"),
                     ("the 29th inst.", "1917-04-11", "1917-03-29")]


def test_a_bare_day_before_a_name_is_a_date_before_a_unit_it_is_not() -> None:
    assert [t for t, _ in dates("On Jan. 5, 1919 they rose. On the 15th Liebknecht was "
                                "murdered; by the morning of the 6th half the city was out.",
                                calendar="gregorian")] == ["Jan. 5, 1919", "the 15th", "the 6th"]
    assert [t for t, _ in dates("On Jan. 5, 1919 the 5th Army and the 2nd battalion moved; "
                                "on the 3rd time of asking, of the 10th anniversary.",
                                calendar="gregorian")] == ["Jan. 5, 1919"]


def test_a_new_style_date_first_with_the_old_style_one_in_parentheses_keeps_its_year() -> None:
    assert _values("On November 7 (October 25, O.S.) the palace fell; on January 12 (December "
                   "30, O.S.) the assembly was awaited.", year=1917)[0] == (
        "November 7 (October 25, O.S.)", "1917-11-07", "1917-10-25")
    assert _values("On January 12, 1918 (December 30, O.S.) we met.")[0] == (
        "January 12, 1918 (December 30, O.S.)", "1918-01-12", "1917-12-30")


def test_a_bare_day_just_before_the_date_named_is_the_same_month() -> None:
    found = _values("On November 7, 1917 the palace fell. I had spent the evening of the 6th "
                    "at Smolny. On December 24, 1917 we met, and on the 2nd we parted.",
                    calendar="gregorian")
    assert found == [("November 7, 1917", "1917-11-07", ""), ("the 6th", "1917-11-06", ""),
                     ("December 24, 1917", "1917-12-24", ""), ("the 2nd", "1918-01-02", "")]


def test_a_number_before_a_date_is_not_a_list_of_days() -> None:
    assert [t for t, _ in dates((BlockKind.FIELD, "Sotsial-Demokrat, No. 30, 20 April 1917."))] \
        == ["20 April 1917"]


def test_a_period_of_months_written_gives_its_year_to_the_days_of_a_diary() -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion("A Diary\n\nWritten: February–March 1917\n\nFebruary 23 [March 8]"
                              "\n\nThe women came out.\n\nMarch 2 [15]\n\nThe Tsar abdicated.\n")
    dates = root.xpath(".//t:body//t:date", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert [(d.get("when"), d.get("when-custom")) for d in dates] == [
        ("1917-03-08", "1917-02-23"), ("1917-03-15", "1917-03-02")]


def test_a_period_of_years_written_gives_no_year() -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion("A Book\n\nWritten: 1925–1928\n\nOn March 2 the book was done.\n")
    (day,) = root.xpath(".//t:body//t:date", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert day.get("when") == "--03-02"


def test_a_day_alone_in_a_letter_far_from_other_dates_is_of_the_letters_month() -> None:
    from tests.conftest import checked_conversion

    root = checked_conversion("Letter to the Secretary\n\nWritten: 1912\n\nNewcastle, 3rd February"
                              ", 1912.\n\nDear Comrade Pickering,\n\nThe men have voted.\n\nThe "
                              "wives are asking.\n\nPut it to the Executive on the 8th.\n\n"
                              "Yours fraternally,\nH. Moss\n")
    dates = root.xpath(".//t:body//t:p//t:date", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert [(d.text, d.get("when"), d.get("cert")) for d in dates] == [
        ("the 8th", "1912-02-08", "low")]


def test_a_day_alone_far_from_other_dates_in_an_article_is_no_date() -> None:
    assert _values("Written: 3 February 1912", "The men have voted.", "The wives are asking.",
                   "Put it to the Executive on the 8th.")[1:] == []


def test_a_period_from_one_month_or_year_to_another_is_one_range() -> None:
    found = _values("The blockade lasted from October 1917 to March 1918, the war between 1918 "
                    "and 1921, the strike from March to May 1919, the crisis from 1905 to 1907.",
                    calendar="gregorian")
    assert found == [("October 1917 to March 1918", "1917-10/1918-03", ""),
                     ("1918 and 1921", "1918/1921", ""),
                     ("March to May 1919", "1919-03/1919-05", ""),
                     ("1905 to 1907", "1905/1907", "")]


def test_numbers_of_men_from_one_to_another_are_no_period() -> None:
    assert all(value != "1500/2000" for _, value, _ in _values(
        "The union grew from 1500 to 2000 men.", calendar="gregorian"))
