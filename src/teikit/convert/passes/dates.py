"""Dates with normalised values, aware of the Julian calendar Russia used until 1918.

Recognised expressions (see ``docs/entities.md`` for the rules):

- "October 27", "November 14th", "October 27, 1917", "27 October", "2 August 2018",
  "the 28th day of October", "the 28th of October";
- "April 1948" (a month), "1925–1928" (years), "October–November" (months), "3–7 July" (days);
- "1919-03-03" (ISO 8601: Gregorian whatever the calendar of the text); "the 1880s" (a
  decade, ``@from``/``@to``);
- a bare year ("1930") only in header fields and the trailer, or after a preposition ("in 1917");
- "October 28 (November 10, New Style)", "25 October (7 November) 1917": one date carrying
  both values (unlabelled pairs only when the two are the same day in the two calendars);
  "…, Old Style", "N.S.", "O.S." after a date override the calendar.

A date without a year takes the year of the last full date of the narrative ("3 May 1906 … on
10 May"), or before any, the year of the text (``TextSettings.year``). Dates in the narrative of
a text whose calendar is Julian (``TextSettings.calendar``) and that fall before Russia's switch
(1918-01-31 Old Style) are converted with :mod:`convertdate`: ``@when`` holds the proleptic
Gregorian value TEI prescribes, ``@when-custom`` the value as written, ``@datingMethod`` and
``@calendar`` point at the ``julian`` calendar of ``encodingDesc/calendarDesc``. Header fields,
the headnote and the trailer are always Gregorian: they speak of the edition, not of 1917.

Nothing else is a date: "Year One", "Fourth Congress", "Vol. XIV No. 4", "p. 123–126", "102
members", "500 rubles", "the July Days" (a month name followed by a capitalised word is a name).
"""

from __future__ import annotations

import calendar as gregorian_calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from convertdate import julian

from teikit.config import TextSettings
from teikit.convert.model import Block, BlockKind, Span, Transcription
from teikit.convert.passes.base import PassResult
from teikit.register.entries import Register

CONCERN = "dates"
JULIAN_REF = "#julian"
# Russia's last Julian day: 31 January 1918 (Old Style), followed by 14 February 1918 (New Style)
LAST_JULIAN = (1918, 1, 31)

MONTHS = {
    name: number
    for number, names in enumerate(
        [("January", "Jan."), ("February", "Feb."), ("March", "Mar."), ("April", "Apr."),
         ("May",), ("June", "Jun."), ("July", "Jul."), ("August", "Aug."),
         ("September", "Sept.", "Sep."), ("October", "Oct."), ("November", "Nov."),
         ("December", "Dec.")], start=1)
    for name in names
}
_M = "(?:" + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True)) + ")"
_D = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_Y = r"(?:1[0-9]\d\d|20\d\d)(?!\d)"
_DASH = r"\s*[–—-]\s*"
_STYLE = r"(?:Old Style|New Style|old style|new style|O\.\s?S\.|N\.\s?S\.)"
_END = r"(?![\w’'-])"   # no word, no apostrophe, no hyphen right after
_NOT_NAME = r"(?!\s+[A-Z][a-z])"   # "July Days" is a name, not a date

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("paired", re.compile(
        rf"(?P<m>{_M})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?\s*\(\s*(?P<m2>{_M})\s+(?P<d2>{_D})"
        rf"(?:,?\s+(?P<y2>{_Y}))?(?:,?\s+(?P<style2>{_STYLE}))?\s*\)(?:,?\s+(?P<y3>{_Y}))?{_END}")),
    ("paired", re.compile(
        rf"(?<![\w.])(?P<d>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?\s*\(\s*(?P<d2>{_D})\s+"
        rf"(?P<m2>{_M})(?:,?\s+(?P<y2>{_Y}))?(?:,?\s+(?P<style2>{_STYLE}))?\s*\)"
        rf"(?:,?\s+(?P<y3>{_Y}))?{_END}")),
    ("day-range", re.compile(
        rf"(?<![\w.])(?P<d>{_D}){_DASH}(?P<d2>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?{_END}")),
    ("day-range", re.compile(
        rf"(?P<m>{_M})\s+(?P<d>{_D}){_DASH}(?P<d2>{_D})(?:,\s+(?P<y>{_Y}))?{_END}")),
    ("day", re.compile(
        rf"(?:\bthe\s+)?(?P<d>{_D})\s+(?:day\s+)?of\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?{_END}")),
    ("day", re.compile(
        rf"(?P<m>{_M})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?"
        rf"(?:,?\s+\(?(?P<style>{_STYLE})\)?)?{_END}")),
    ("day", re.compile(
        rf"(?<![\w.])(?P<d>{_D})\s+(?P<m>{_M})(?:,?\s+(?P<y>{_Y}))?"
        rf"(?:,?\s+\(?(?P<style>{_STYLE})\)?)?{_END}")),
    ("month-range", re.compile(
        rf"(?P<m>{_M}){_DASH}(?P<m2>{_M})(?:,?\s+(?P<y>{_Y}))?{_END}{_NOT_NAME}")),
    ("month", re.compile(rf"(?P<m>{_M}),?\s+(?P<y>{_Y}){_END}")),
    ("iso", re.compile(
        rf"(?<![\w.,/-])(?P<y>{_Y})-(?P<mo>0[1-9]|1[0-2])-(?P<dd>0[1-9]|[12]\d|3[01])(?![\w/-])")),
    ("decade", re.compile(r"(?<![\w.,/-])(?P<y>1[0-9]\d0|20\d0)[’']?s(?![\w’'-])")),
    ("year-range", re.compile(rf"(?<![\w.,/-])(?P<y>{_Y}){_DASH}(?P<y2>{_Y}|\d\d)(?![\d\w])")),
    ("year", re.compile(rf"(?<![\w.,/-])(?P<y>{_Y})(?![\d\w/-])")),
]
PREPOSITIONS = {"in", "of", "since", "until", "till", "by", "from", "to", "after", "before",
                "during", "around", "about", "early", "late", "mid", "spring", "summer",
                "autumn", "fall", "winter"}
# blocks whose dates follow the text's calendar; the others are the edition's own (Gregorian)
NARRATIVE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTATION, BlockKind.HEADING,
                       BlockKind.DATELINE, BlockKind.FOOTNOTE})
BARE_YEAR_BLOCKS = frozenset({BlockKind.FIELD, BlockKind.TRAILER})


@dataclass(frozen=True)
class DateValue:
    """Attributes for one ``date`` element."""

    attrs: dict[str, str]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    last = gregorian_calendar.monthrange(year if year else 2000, month)[1]
    return 1 <= day <= last


def is_julian_period(year: int, month: int, day: int = 1) -> bool:
    """Is this date (as written in Old Style) before Russia's switch to the Gregorian calendar?"""
    return (year, month, day) <= LAST_JULIAN


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    return date(*julian.to_gregorian(year, month, day))


_MARKER = re.compile(r"\[(\d{1,3})\]")   # a footnote marker in the text
_DATED_FIELDS = ("delivered", "written")
_FULL_DATE = re.compile(r"^\W*(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b[^–—]*?\b(1[5-9]\d\d|20\d\d)\b")


def _document_year(doc: Transcription) -> int | None:
    """The year a letter or speech is dated ("Delivered: 14 March 1918"): yearless dates in its
    text most likely fall in it. A period ("Written: 1925–1928") gives none."""
    for key in _DATED_FIELDS:
        field = doc.field(key)
        if field is not None:
            match = _FULL_DATE.match(field.text)
            if match:
                return int(match.group(1))
    return None


def _iso(year: int | None, month: int, day: int | None = None) -> str:
    if year is None:
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


@dataclass(frozen=True)
class DateOptions:
    year: int | None = None          # the year of yearless dates before any full date
    calendar: str = "gregorian"      # the calendar of the narrative: "julian" or "gregorian"
    calendar_ref: str = JULIAN_REF   # the ``calendarDesc`` entry of the Julian calendar

    def __post_init__(self) -> None:
        if self.calendar not in {"julian", "gregorian"}:
            raise ValueError(f"unknown calendar {self.calendar!r}")

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> DateOptions:
        return cls(settings.year, settings.calendar)


def run(doc: Transcription, earlier: Sequence[Span], options: DateOptions) -> PassResult:
    """Propose ``date`` spans with ``@when`` (or ``@from``/``@to``) and Julian values."""
    reader = _DateReader(options.year, options.calendar, options.calendar_ref)
    spans = reader.propose(doc, earlier)
    return PassResult(tuple(spans), tuple(reader.warnings))


class _DateReader:
    """One run over one document: the year in force moves as the reading goes on."""

    def __init__(self, year: int | None = None, calendar: str = "gregorian",
                 calendar_ref: str = JULIAN_REF) -> None:
        if calendar not in {"julian", "gregorian"}:
            raise ValueError(f"unknown calendar {calendar!r}")
        self.year = year
        self.calendar = calendar
        self.calendar_ref = calendar_ref
        self.warnings: list[str] = []
        self._context_year = year
        self._trace: list[tuple[int, int | None]] = [(-1, year)]   # (date start, year after it)

    def propose(self, doc: Transcription, earlier: Sequence[Span]) -> list[Span]:
        taken: dict[int, list[Span]] = {}
        for span in earlier:
            if span.tag is not None:
                taken.setdefault(span.block, []).append(span)
        out: list[Span] = []
        self._context_year = self.year if self.year is not None else _document_year(doc)
        # a footnote's yearless dates take the year in force at its marker "[n]", not the year
        # the text has reached when the notes section comes
        year_at_marker: dict[str, int | None] = {}
        for block in doc.blocks:
            if block.kind in {BlockKind.AUTHOR, BlockKind.TITLE, BlockKind.SUBTITLE}:
                continue
            running = self._context_year
            if block.kind is BlockKind.FOOTNOTE and block.key in year_at_marker:
                self._context_year = year_at_marker[block.key]
            self._trace = [(-1, self._context_year)]
            for start, end, attrs in self.find(block):
                if any(_crosses(start, end, s) for s in taken.get(block.index, [])):
                    continue
                out.append(Span(block.index, start, end, "date", attrs, concern=CONCERN))
            if block.kind is BlockKind.FOOTNOTE:
                self._context_year = running
            else:
                for marker in _MARKER.finditer(block.text):
                    year_at_marker.setdefault(marker.group(1), next(
                        year for position, year in reversed(self._trace)
                        if position < marker.start()))
        yearless = [s for s in out if s.attrs.get("when", "").startswith("--")]
        if yearless:
            first = doc.blocks[yearless[0].block]
            self.warnings.append(
                f"{len(yearless)} date(s) without a year, first on line {first.line} "
                f"(“{first.text[yearless[0].start:yearless[0].end]}”): @when gives month and day "
                "only; set the year in the edition config ([texts.NAME] year = …)")
        return out

    def find(self, block: Block) -> list[tuple[int, int, dict[str, str]]]:
        """Non-overlapping date expressions in ``block``: leftmost, then longest."""
        matches: list[tuple[int, int, str, re.Match[str]]] = []
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(block.text):
                matches.append((match.start(), match.end(), kind, match))
        matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[tuple[int, int, dict[str, str]]] = []
        last_end = -1
        for start, end, kind, match in matches:
            if start < last_end:
                continue
            if kind == "year" and not self._bare_year_allowed(block, start):
                continue
            if kind == "year-range" and not self._bare_year_allowed(block, start):
                continue
            attrs = self._attrs(kind, match, block.kind in NARRATIVE)
            if attrs is None:
                continue
            out.append((start, end, attrs))
            self._trace.append((start, self._context_year))
            last_end = end
        return out

    @staticmethod
    def _bare_year_allowed(block: Block, start: int) -> bool:
        if block.kind in BARE_YEAR_BLOCKS:
            before = block.text[:start].rstrip()
            return not re.search(r"(?:\bp|\bpp|No|Vol|nos?)\.?$", before)
        words = re.findall(r"[A-Za-z]+", block.text[max(0, start - 20):start])
        return bool(words) and words[-1].lower() in PREPOSITIONS

    def _attrs(self, kind: str, match: re.Match[str], narrative: bool) -> dict[str, str] | None:
        groups = match.groupdict()
        if not groups.get("y") and groups.get("y3"):
            groups["y"] = groups["y3"]          # "25 October (7 November) 1917"
        written_year = int(groups["y"]) if groups.get("y") else None
        year = written_year if written_year is not None else self._context_year
        if written_year is not None and narrative and groups.get("m"):
            # "3 May 1906 … on 10 May": a full date in the narrative sets the year that follows
            self._context_year = written_year
        julian_text = narrative and self.calendar == "julian"
        style = groups.get("style")
        if style:
            julian_text = style.lower().startswith("o")
        if kind == "year":
            return {"when": f"{written_year:04d}"}
        if kind == "decade":
            # "the 1880s": the ten years; the decade is an extent, not a point
            return {"from": f"{written_year:04d}", "to": f"{(written_year or 0) + 9:04d}"}
        if kind == "iso":
            # "1919-03-03" is already normalised, and ISO 8601 dates are Gregorian by definition
            day, month = int(groups["dd"]), int(groups["mo"])
            return {"when": _iso(written_year, month, day)} if _valid(
                written_year, month, day) else None
        if kind == "year-range":
            first = written_year or 0
            second_text = groups["y2"]
            second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(
                second_text)
            if second <= first:
                return None
            return {"from": f"{first:04d}", "to": f"{second:04d}"}
        month = MONTHS[groups["m"]]
        if kind == "month":
            return self._month_range(year, month, month, julian_text, single=True)
        if kind == "month-range":
            month2 = MONTHS[groups["m2"]]
            if month2 <= month:
                return None
            return self._month_range(year, month, month2, julian_text)
        day = _day(groups["d"])
        if not _valid(year, month, day):
            return None
        if kind == "day-range":
            day2 = _day(groups["d2"])
            if day2 <= day or not _valid(year, month, day2):
                return None
            return self._day_range(year, month, day, day2, julian_text)
        if kind == "paired":
            month2, day2 = MONTHS[groups["m2"]], _day(groups["d2"])
            year2 = int(groups["y2"]) if groups.get("y2") else year
            if not _valid(year2, month2, day2):
                return None
            first = {"year": year, "month": month, "day": day}
            second = {"year": year2, "month": month2, "day": day2}
            if groups.get("style2"):
                new_style = groups["style2"].lower().startswith("n")
            elif year is not None and year2 is not None and julian_to_gregorian(
                    year, month, day) == date(year2, month2, day2):
                new_style = True                # "October 25 (November 7)": Old, then New Style
            elif year is not None and year2 is not None and julian_to_gregorian(
                    year2, month2, day2) == date(year, month, day):
                new_style = False
            else:
                return None                     # two dates that are not one day in two calendars
            old, new = (first, second) if new_style else (second, first)
            attrs = {"when": _iso(new["year"], new["month"], new["day"])}
            if old["year"] is not None:
                attrs.update(self._julian_attrs(_iso(old["year"], old["month"], old["day"])))
            return attrs
        return self._day(year, month, day, julian_text)

    def _julian_attrs(self, written: str, key: str = "when") -> dict[str, str]:
        return {f"{key}-custom": written, "datingMethod": self.calendar_ref,
                "calendar": self.calendar_ref}

    def _day(self, year: int | None, month: int, day: int, julian_text: bool) -> dict[str, str]:
        if year is None or not julian_text or not is_julian_period(year, month, day):
            return {"when": _iso(year, month, day)}
        converted = julian_to_gregorian(year, month, day)
        return {"when": converted.isoformat(), **self._julian_attrs(_iso(year, month, day))}

    def _day_range(self, year: int | None, month: int, day: int, day2: int,
                   julian_text: bool) -> dict[str, str]:
        if year is None or not julian_text or not is_julian_period(year, month, day2):
            return {"from": _iso(year, month, day), "to": _iso(year, month, day2)}
        return {
            "from": julian_to_gregorian(year, month, day).isoformat(),
            "to": julian_to_gregorian(year, month, day2).isoformat(),
            "from-custom": _iso(year, month, day), "to-custom": _iso(year, month, day2),
            "datingMethod": self.calendar_ref, "calendar": self.calendar_ref,
        }

    def _month_range(self, year: int | None, month: int, month2: int, julian_text: bool,
                     single: bool = False) -> dict[str, str]:
        julian_month = year is not None and julian_text and is_julian_period(year, month2)
        if not julian_month:
            if single:
                return {"when": _iso(year, month)}
            return {"from": _iso(year, month), "to": _iso(year, month2)}
        assert year is not None
        last = julian.month_length(year, month2)
        first_day = julian_to_gregorian(year, month, 1).isoformat()
        last_day = julian_to_gregorian(year, month2, last).isoformat()
        # a Julian month is not a Gregorian month: give its Gregorian extent as a range
        return {"from": first_day, "to": last_day,
                "from-custom": _iso(year, month), "to-custom": _iso(year, month2),
                "datingMethod": self.calendar_ref, "calendar": self.calendar_ref}


def _crosses(start: int, end: int, span: Span) -> bool:
    if span.atomic and span.start < end and start < span.end:
        return True
    return span.start < start < span.end < end or start < span.start < end < span.end
