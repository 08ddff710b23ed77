"""The calendar of a text's unmarked dates, decided from the text; Julian ↔ Gregorian.

Russia kept the Julian calendar (Old Style) until 31 January 1918; the next day was 14 February
1918 (New Style). A date the text marks ("O.S.", "N.S.", "Old Style", "New Style", "by the old
calendar", an editor's "[New Style – Ed.]") or writes in both calendars ("March 2 (15, N.S.)")
says its own calendar. For the others, :func:`decide_calendar` reads, in this order:

1. the edition config (``calendar = "julian"``), which overrides everything;
2. a statement in the text ("all dates are given in the Old Style", "dates are New Style");
3. the markers: a text that marks its New Style dates and never an Old Style one writes the rest
   in the Old Style; one that marks only Old Style dates writes the rest in the New Style —
   unless it was written in Russia;
4. the place: where the text was written (a letter's dateline, the place in "Written:" or
   "Delivered:"), else where it was first published ("First Published: New York Call, …": a
   correspondent's dispatch, an émigré's article, for readers abroad), else where it is set
   (Russian places outnumbering others in the text).

A Russian text's unmarked dates up to 31 January 1918 are then Old Style; every date after it,
and every date of a text written or set elsewhere, is New Style. The decision, its reason and its
certainty go into ``calendarDesc`` and the editorial declaration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from convertdate import julian

from teikit.convert.model import Block, BlockKind, Transcription

# Russia's last Julian day: 31 January 1918 (Old Style), followed by 14 February 1918 (New Style)
LAST_JULIAN = (1918, 1, 31)

# places of the Russian Empire and Soviet Russia whose people wrote Old Style dates before 1918
# (Congress Poland and Finland, though in the Empire, wrote New Style); "Russian" is not a place:
# a report from abroad speaks of "the Russian comrades" too
RUSSIAN_PLACES = frozenset(("Russia", "Petrograd", "Petersburg",
                            "Leningrad", "Moscow", "Kiev", "Kyiv", "Kharkov", "Kharkiv", "Odessa",
                            "Saratov", "Kazan", "Samara", "Simbirsk", "Nizhny", "Novgorod",
                            "Tsaritsyn", "Astrakhan", "Kronstadt", "Smolny", "Tula", "Ivanovo",
                            "Ivanovo-Voznesensk", "Vologda", "Arkhangelsk", "Archangel",
                            "Murmansk", "Pskov", "Yaroslavl", "Tver", "Kaluga", "Smolensk",
                            "Tambov", "Voronezh", "Kursk", "Orel", "Penza", "Vyatka", "Kostroma",
                            "Vladimir", "Ryazan", "Gatchina", "Pulkovo", "Tsarskoye", "Dietskoye",
                            "Kolpino", "Vyborg", "Viborg", "Perm", "Ufa", "Orenburg",
                            "Ekaterinburg", "Yekaterinburg", "Omsk", "Tomsk", "Irkutsk",
                            "Krasnoyarsk", "Chita", "Vladivostok", "Khabarovsk", "Baku", "Tiflis",
                            "Batum", "Rostov", "Novorossiysk", "Sevastopol", "Ekaterinodar",
                            "Ekaterinoslav", "Yekaterinoslav", "Minsk", "Vitebsk", "Mogilev",
                            "Gomel", "Riga", "Reval", "Dvinsk", "Poltava", "Chernigov", "Zhitomir",
                            "Kherson", "Nikolaev", "Taganrog", "Novocherkassk", "Tsarskoe",
                            "Shlisselburg", "Schlüsselburg", "Narva", "Siberia", "Ukraine",
                            "Caucasus", "Crimea", "Urals", "Volga", "Don", "Kuban", "Donbass",
                            "Petersburg"))
# places elsewhere, whose mention speaks against a Russian setting
OTHER_PLACES = frozenset(("Berlin", "Paris", "London", "Vienna", "Zurich", "Zürich", "Geneva",
                          "Bern", "Berne", "Basel", "Stockholm", "Copenhagen", "Oslo",
                          "Christiania", "Rome", "Milan", "Turin", "Madrid", "Barcelona", "Lisbon",
                          "Brussels", "Amsterdam", "Hague", "Munich", "Hamburg", "Leipzig",
                          "Dresden", "Frankfurt", "Cologne", "Stuttgart", "Bremen", "Kiel",
                          "Breslau", "Prague", "Budapest", "Bucharest", "Sofia", "Belgrade",
                          "Constantinople", "Istanbul", "Athens", "Warsaw", "Lodz", "Łódź",
                          "Kraków", "Krakow", "Cracow", "Lyon", "Lyons", "Marseille", "Marseilles",
                          "Bordeaux", "Lille", "Glasgow", "Manchester", "Liverpool", "Dublin",
                          "Edinburgh", "York", "Chicago", "Boston", "Detroit", "Philadelphia",
                          "Washington", "Toronto", "Montreal", "Mexico", "Germany", "France",
                          "England", "Britain", "Scotland", "Ireland", "Italy", "Spain",
                          "Switzerland", "Sweden", "Norway", "Denmark", "Holland", "Belgium",
                          "Austria", "Hungary", "America", "Canada", "Japan", "China", "Tokyo",
                          "Peking", "Shanghai"))
# "All dates are given in the Old Style", "[Dates before February 1918 are Old Style – Ed.]"
_STATEMENT = re.compile(
    r"\bdates\b[^.\[\]]{0,60}?\b(?:are|were|is)\s+(?:given\s+|written\s+)?(?:in\s+|according"
    r"\s+to\s+)?(?:the\s+)?(?P<style>old|new)\s+(?:style|calendar)", re.IGNORECASE)


def in_calendar_statement(text: str, start: int, end: int) -> bool:
    """Whether ``start``–``end`` of ``text`` lies in the text's statement of its calendar
    ("Dates before 1 February 1918 are given in the Old Style"): a date there dates nothing."""
    return any(m.start() <= start and end <= m.end() for m in _STATEMENT.finditer(text))


_MARK = re.compile(
    r"(?P<style>\bO\.\s?S\.|\bN\.\s?S\.|\b[Oo]ld [Ss]tyle\b|\b[Nn]ew [Ss]tyle\b|"
    r"\b(?:by|according to|in) the (?:old|new) calendar\b)")


@dataclass(frozen=True)
class CalendarDecision:
    """The calendar of the text's unmarked dates before Russia's switch, and why."""

    calendar: str            # "julian" | "gregorian"
    reason: str              # a clause for the header and the warnings: "the edition config …"
    cert: str | None         # None: stated (config, the text); else "high" | "medium" | "low"
    russian: bool = False    # written or set in Russia


def is_julian_period(year: int, month: int, day: int = 1) -> bool:
    """Is this date (as written in Old Style) before Russia's switch to the Gregorian calendar?"""
    return (year, month, day) <= LAST_JULIAN


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    return date(*julian.to_gregorian(year, month, day))


def gregorian_to_julian(value: date) -> tuple[int, int, int]:
    return julian.from_gregorian(value.year, value.month, value.day)


def julian_offset(year: int) -> int:
    """Days the Gregorian calendar runs ahead of the Julian in ``year`` (13 in 1900–2099)."""
    return (julian_to_gregorian(year, 6, 1) - date(year, 6, 1)).days


def _place_words(text: str) -> list[str]:
    return re.findall(r"[A-ZŁ][\w’'-]+", text)


def _russian_or_not(text: str) -> bool | None:
    """Is a place text ("Moscow, 3 March 1917", "Zurich") in Russia? ``None``: no known place."""
    words = _place_words(text)
    if any(w in RUSSIAN_PLACES for w in words):
        return True
    if any(w in OTHER_PLACES for w in words):
        return False
    return None


def _written_where(doc: Transcription) -> tuple[bool | None, str]:
    for block in doc.of_kind(BlockKind.DATELINE):
        where = _russian_or_not(block.text)
        if where is not None:
            return where, f"the dateline (“{block.text.strip()}”)"
    where, field = _place_in_fields(doc, ("written", "delivered"))
    if field is None:
        return None, ""
    label = field.label or f"{field.key.capitalize()}:"
    return where, f"the place in “{label} {field.text.strip()}”"


def _published_where(doc: Transcription) -> tuple[bool | None, str]:
    """Whether the text was first published in Russia, by the place its first publication (else
    its source) names: "New York Call, 10 November 1917" (no), "Pravda, Petrograd" (yes)."""
    where, field = _place_in_fields(doc, ("first_published", "source"), first_only=True)
    return (where, f"“{field.text.strip()}”") if field is not None and where is not None else \
        (None, "")


def _place_in_fields(doc: Transcription, keys: tuple[str, ...], *, first_only: bool = False
                     ) -> tuple[bool | None, Block | None]:
    """Whether the first of these header fields that names a known place names one in Russia,
    and that field; ``first_only``: only the first of them the header has is read."""
    for key in keys:
        field = doc.field(key)
        if field is None:
            continue
        where = _russian_or_not(field.text)
        if where is not None or first_only:
            return where, field
    return None, None


def _setting(doc: Transcription) -> tuple[bool | None, str]:
    russian = other = 0
    for block in doc.blocks:
        if block.kind in {BlockKind.FIELD, BlockKind.TRAILER}:
            continue
        for word in _place_words(block.text):
            russian += word in RUSSIAN_PLACES
            other += word in OTHER_PLACES
    if russian >= 2 and russian > other:
        return True, f"the text is set in Russia ({russian} Russian place names, {other} others)"
    if other > russian or russian == 0:
        return False, ""
    return None, ""


def markers(doc: Transcription) -> tuple[int, int]:
    """How many Old Style and New Style markers the text's narrative has."""
    old = new = 0
    for block in doc.blocks:
        if block.kind in {BlockKind.FIELD, BlockKind.TRAILER}:
            continue
        for match in _MARK.finditer(block.text):
            word = match.group("style").lower()
            if word.startswith(("o", "by the old", "according to the old", "in the old")):
                old += 1
            else:
                new += 1
    return old, new


def decide_calendar(doc: Transcription, configured: str = "") -> CalendarDecision:
    """The calendar of the unmarked dates of ``doc`` before 1918-02-14 (see the module doc)."""
    if configured:
        return CalendarDecision(configured, "the edition config says so", None,
                                configured == "julian")
    narrative = " ".join(b.text for b in doc.blocks if b.kind not in {BlockKind.TRAILER})
    statement = _STATEMENT.search(narrative)
    if statement:
        calendar = "julian" if statement.group("style").lower() == "old" else "gregorian"
        return CalendarDecision(calendar, f"the text says so (“{statement.group(0)}”)", None,
                                calendar == "julian")
    written_in_russia, where = _written_where(doc)
    set_in_russia, setting = _setting(doc)
    russian = written_in_russia if written_in_russia is not None else set_in_russia
    old, new = markers(doc)
    if new and not old and written_in_russia is not False:
        return CalendarDecision("julian", "the text marks its New Style dates, so the others "
                                "are Old Style", "high", True)
    if old and not new and not written_in_russia:
        return CalendarDecision("gregorian", "the text marks its Old Style dates, so the others "
                                "are New Style", "high", bool(russian))
    if written_in_russia is not None:
        calendar = "julian" if written_in_russia else "gregorian"
        return CalendarDecision(calendar, f"{where} places it "
                                + ("in Russia" if written_in_russia else "outside Russia"),
                                "medium", written_in_russia)
    published, place = _published_where(doc)
    if published is False:
        # a correspondent's dispatch to a paper abroad, an émigré's article: its readers' calendar
        return CalendarDecision("gregorian", f"it was first published outside Russia ({place})",
                                "medium", bool(set_in_russia))
    if set_in_russia:
        return CalendarDecision("julian", setting, "medium", True)
    return CalendarDecision("gregorian", "nothing in the text places it in Russia", None, False)
