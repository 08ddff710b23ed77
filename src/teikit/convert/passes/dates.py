"""Dates with normalised values, in the calendar the text wrote them in, the year it meant.

:mod:`teikit.convert.dates.forms` finds what is written; this pass decides what it means and
proposes one ``date`` span per expression (see ``docs/entities.md`` for the rules):

- **Calendar.** A date marked by the text or its editor ("O.S.", "N.S.", "[New Style – Ed.]",
  "by the old calendar") or written in both calendars keeps that calendar; a weekday that fits
  one reading only decides it; the others follow the calendar of the text
  (:func:`teikit.convert.dates.calendars.decide_calendar`: the config, else the text's markers
  and places). Old Style dates up to 31 January 1918 are converted with :mod:`convertdate`:
  ``@when`` holds the Gregorian value TEI prescribes, ``@when-custom`` the value as written,
  ``@datingMethod``/``@calendar`` point at ``#julian``. A dual date is one ``date`` with both
  (``@calendar="#julian #gregorian"``). Header fields, the headnote and the trailer speak of the
  edition and are Gregorian.
- **Year.** A date without one takes it from the closest preceding date of the same passage
  (a December followed by a January moves to the next year), else from the text's own date (the
  config's ``year``, a letter's dateline, "Written:"/"Delivered:"), else from the last date of
  the narrative before it. A date the text presents as past ("your letter of June 2, 1927")
  never sets the year of what follows. A bare "the 19th" takes month and year from the date just
  named. Where the text gives no year at all, ``@when`` is ``--MM-DD``.
- **Certainty.** Every value whose year or calendar was inferred carries ``@cert``,
  ``@resp="#teikit"`` and ``@evidence``, and the pass warns once per such date, with its line and
  paragraph: the editor sees what to check. What the config states is not an inference.
"""

from __future__ import annotations

import calendar as gregorian_calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from convertdate import julian

from teikit.config import TextSettings
from teikit.convert.dates.calendars import (
    LAST_JULIAN,
    CalendarDecision,
    decide_calendar,
    in_calendar_statement,
    is_julian_period,
    julian_offset,
    julian_to_gregorian,
)
from teikit.convert.dates.forms import Expression, Written, find_expressions, valid
from teikit.convert.model import Block, BlockKind, Span, Transcription
from teikit.convert.passes.base import PassResult
from teikit.register.entries import Register

__all__ = ["LAST_JULIAN", "DateOptions", "is_julian_period", "julian_to_gregorian", "run"]

CONCERN = "dates"
JULIAN_REF = "#julian"
GREGORIAN_REF = "#gregorian"
# blocks whose dates follow the text's calendar; the others are the edition's own (Gregorian)
NARRATIVE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTATION, BlockKind.VERSE,
                       BlockKind.HEADING, BlockKind.DATELINE, BlockKind.FOOTNOTE,
                       BlockKind.POSTSCRIPT, BlockKind.SIGNED, BlockKind.SALUTE,
                       BlockKind.STAGE, BlockKind.TURN, BlockKind.POEM, BlockKind.LIST})
BARE_YEAR_BLOCKS = frozenset({BlockKind.FIELD, BlockKind.TRAILER, BlockKind.DATELINE,
                              BlockKind.BIBL})
SKIPPED = frozenset({BlockKind.AUTHOR, BlockKind.TITLE, BlockKind.SUBTITLE})
RANK = {"high": 3, "medium": 2, "low": 1}

_MARKER = re.compile(r"\[(\d{1,3})\]")   # a footnote marker in the text
# a calendar named right after a date, outside it: "[New Style – Ed.]", "by the old calendar"
_STYLE_AFTER = re.compile(
    r"^\s*(?:\[\s*(?:i\.\s?e\.,?\s*)?(?P<bracket>New Style|N\.\s?S\.|Old Style|O\.\s?S\.)|"
    r",?\s*\(?(?:by|according to|in|after)\s+(?:the|their|our)\s+(?P<phrase>old|new|Julian|"
    r"Gregorian|Russian|own)\s+(?:calendar|style|reckoning))", re.IGNORECASE)
# a date the text presents as past: "your letter of", "an earlier letter of", "dated"
_CITED = re.compile(
    r"(?:\b(?:your|my|our|his|her|their|this|that|an?|the)\s+(?:(?:earlier|previous|last|former|"
    r"first|second|long)\s+)?(?:letters?|telegrams?|notes?|cables?|messages?|wires?|articles?|"
    r"reply|replies)\s+(?:of|dated|written\s+on|sent\s+on|from)|\bearlier\s+\w+\s+(?:of|dated)|"
    r"\bas\s+long\s+ago\s+as)\s*(?:the\s+)?$", re.IGNORECASE)
# the sentence speaks of what is to come: "We shall march again in the spring"
_FUTURE = re.compile(r"\b(?:shall|will|won['’]t|going\s+to|werden|wird|werde|allons|irons)\b"
                     r"|['’]ll\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;]\s")
_ANNUAL = re.compile(r"name[- ]?day|saint’?'?s day|\bfeast\b|birthday|anniversary|every year|"
                     r"each year|annually|is celebrated|are celebrated|falls on|kept on",
                     re.IGNORECASE)
_DATED_FIELDS = ("delivered", "written")
_RELATIVE_YEAR = re.compile(r"^,?\s+(?:of\s+)?(last|this|next)\s+year\b", re.IGNORECASE)
# the days of a month that "the beginning of", "the middle of" … cover (0: the month's last)
_PART_DAYS = {"beginning": (1, 10), "middle": (11, 20), "end": (21, 0), "first half": (1, 15),
              "second half": (16, 0)}
_PUBLISHED_FIELDS = ("first_published", "source", "this_version")


@dataclass(frozen=True)
class Anchor:
    """The date a yearless one may take its year (and a bare day its month) from."""

    year: int
    month: int | None
    day: int | None
    block: int
    origin: str            # "in the passage", "the text's date (…)", …
    cert: str | None       # how sure the anchor itself is (None: written or stated)
    stated: bool = False   # its year is the edition config's: what follows from it is stated too


@dataclass
class Inference:
    """What the pass inferred for one date (reasons with their certainty), for ``@cert`` and
    the warning."""

    found: list[tuple[str, str | None]]

    def add(self, reason: str, cert: str | None) -> None:
        self.found.append((reason, cert))

    @property
    def reasons(self) -> list[str]:
        return [reason for reason, _ in self.found]

    @property
    def cert(self) -> str | None:
        """The least certainty of what was inferred; ``None``: nothing was."""
        certs = [cert for _, cert in self.found if cert is not None]
        return min(certs, key=RANK.__getitem__) if certs else None

    def forget_year(self) -> None:
        self.found = [(r, c) for r, c in self.found if not r.startswith("year")]


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        if month is None:
            return ""
        return f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


def _own_date(doc: Transcription) -> tuple[Written, str] | None:
    """The text's own date: its dateline (a letter's, or the one under the text; not a
    section's), else "Written:"/"Delivered:" (one date, or the year of a period within it,
    "February–March 1917"; not a period of years such as "1925–1928")."""
    for block in filter(doc.dates_the_text, doc.of_kind(BlockKind.DATELINE)):
        found = [e for e in find_expressions(block.text, bare_years=True)
                 if e.kind in {"point", "iso", "dual"} and e.first.year]
        if found:
            return found[0].first, f"the dateline (“{block.text.strip()}”)"
    for key in _DATED_FIELDS:
        field = doc.field(key)
        if field is None:
            continue
        written = find_expressions(field.text, bare_years=True)
        if not written or not written[0].first.year:
            continue
        label = field.label or key.capitalize() + ":"
        origin = f"the text's date (“{label} {field.text.strip()}”)"
        if written[0].kind in {"point", "iso", "dual", "approx"}:
            return written[0].first, origin
        period = written[0].second
        if written[0].kind == "range" and period is not None and \
                period.year in (None, written[0].first.year):
            return Written(written[0].first.year), origin    # "February–March 1917": its year
    return None


def _published_date(doc: Transcription) -> tuple[Written, str] | None:
    """The day or month a text without a date of writing was published ("Source: The Labour
    Leader, 20 September 1917"): the year of its first yearless dates when nothing before them
    gives one."""
    if any(doc.field(key) is not None for key in _DATED_FIELDS):
        return None
    for key in _PUBLISHED_FIELDS:
        field = doc.field(key)
        if field is None:
            continue
        found = [e for e in find_expressions(field.text, bare_years=True)
                 if e.kind == "point" and e.first.year and e.first.month]
        if found:
            label = field.label or key.capitalize() + ":"
            return found[0].first, f"the date of publication (“{label} {field.text.strip()}”)"
    return None


@dataclass(frozen=True)
class DateOptions:
    """What the edition config says of the text's dates; empty: the text decides."""

    year: int | None = None          # the year of yearless dates the passage does not date
    calendar: str = ""               # the calendar of unmarked dates: "julian", "gregorian", ""
    calendar_ref: str = JULIAN_REF   # the ``calendarDesc`` entry of the Julian calendar
    language: str = "en"             # the text's: a date spelt in another carries @xml:lang

    def __post_init__(self) -> None:
        if self.calendar not in {"", "julian", "gregorian"}:
            raise ValueError(f"unknown calendar {self.calendar!r}")

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> DateOptions:
        return cls(settings.year, settings.calendar, language=settings.language or "en")


def run(doc: Transcription, earlier: Sequence[Span], options: DateOptions) -> PassResult:
    """Propose ``date`` spans (``@when``, ``@from``/``@to``, ``@notBefore``/``@notAfter``, the
    Julian values) and one warning per date whose year or calendar was inferred."""
    reader = _DateReader(options)
    spans = reader.propose(doc, earlier)
    return PassResult(tuple(spans), tuple(reader.warnings))


class _DateReader:
    """One run over one document: the date in force moves as the reading goes on."""

    def __init__(self, options: DateOptions) -> None:
        self.year = options.year
        self.calendar = options.calendar
        self.calendar_ref = options.calendar_ref
        self.language = options.language
        self.warnings: list[str] = []

    # ---------------------------------------------------------------------------- the run

    def propose(self, doc: Transcription, earlier: Sequence[Span]) -> list[Span]:
        self.warnings = []
        self.decision = decide_calendar(doc, self.calendar)
        self.own: Anchor | None = None
        if self.year is not None:
            self.own = Anchor(self.year, None, None, -1, "the edition config", None, True)
        else:
            own = _own_date(doc)
            if own is not None and own[0].year is not None:
                self.own = Anchor(own[0].year, own[0].month, own[0].day, -1, own[1], "medium")
        # the first year the narrative writes, and whether the text's own date is its time: a
        # memoir written in 1926 about 1917 is not set in 1926
        years = _narrative_years(doc)
        self.first_year: Anchor | None = None
        if years:
            self.first_year = Anchor(years[0][1], None, None, years[0][0],
                                     f"the first year the text names ({years[0][1]})", "low")
            if self.own is not None and self.own.cert is not None and \
                    max(y for _, y in years) < self.own.year - 1:
                self.own = None
        published = _published_date(doc)
        if published is not None and published[0].year is not None and (
                not years or min(y for _, y in years) >= published[0].year):
            # a report dated by its publication: its first yearless dates fall in that year
            self.first_year = Anchor(published[0].year, published[0].month, None, -1,
                                     published[1], "medium")
        self.title_year = _title_year(doc)
        if self.title_year is not None and self.own is not None and (
                self.own.stated or self.own.year == self.title_year.year):
            self.title_year = None     # the config's year, or the text's own
        taken: dict[int, list[Span]] = {}
        self.asides: dict[int, list[tuple[int, int]]] = {}
        self.future = False     # whether the sentence of the date read last speaks of the future
        for span in earlier:
            if span.tag is not None:
                taken.setdefault(span.block, []).append(span)
            if span.tag == "note" and span.attrs.get("type") in {"gloss", "paraphrase"}:
                self.asides.setdefault(span.block, []).append((span.start, span.end))
        out: list[Span] = []
        self.anchor: Anchor | None = None
        # by the notes section the marker refers to and its number
        anchor_at_marker: dict[tuple[int, str], Anchor | None] = {}
        for block in doc.blocks:
            if block.kind in SKIPPED:
                continue
            running: Anchor | None = self.anchor
            note_key = (doc.note_scope(block.index), block.key)
            if block.kind is BlockKind.FOOTNOTE and note_key in anchor_at_marker:
                marker = anchor_at_marker[note_key]
                self.anchor = (Anchor(marker.year, marker.month, marker.day, block.index,
                                      "the date in force at the note's marker", marker.cert)
                               if marker is not None else None)
            trace: list[tuple[int, Anchor | None]] = [(-1, self.anchor)]
            for expression in find_expressions(block.text, block.kind in BARE_YEAR_BLOCKS,
                                               self.language):
                if any(_crosses(expression.start, expression.end, s)
                       for s in taken.get(block.index, [])):
                    continue
                proposed = self._span(doc, block, expression)
                if proposed is not None:
                    out.append(proposed)
                trace.append((expression.start, self.anchor))
            if block.kind is BlockKind.FOOTNOTE:
                self.anchor = running
            elif block.kind in NARRATIVE:
                scope = doc.note_scope(block.index)
                for found in _MARKER.finditer(block.text):
                    anchor_at_marker.setdefault((scope, found.group(1)), next(
                        a for position, a in reversed(trace) if position < found.start()))
        return out

    # ---------------------------------------------------------------------- one expression

    def _span(self, doc: Transcription, block: Block, e: Expression) -> Span | None:
        narrative = block.kind in NARRATIVE
        inference = Inference([])
        before = block.text[max(0, e.start - 60):e.start]
        cited = bool(_CITED.search(before))
        sentence = _SENTENCE_END.split(block.text[max(0, e.start - 120):e.start])[-1]
        self.future = bool(_FUTURE.search(sentence))
        first, second = e.first, e.second
        if e.day_only and e.qualifier:
            filled = self._month_of_letter(e.first.day or 0, e.qualifier, inference)
            if filled is None:
                return None
            first = filled
        elif e.day_only:
            filled = self._month_of_day(block, e.first.day or 0, inference)
            if filled is None:
                return None
            first = filled
        if (e.kind not in {"decade", "iso"} and first.month is not None) or e.kind == "approx":
            first, second = self._years(block, e, first, second, cited, inference)
        attrs = self._values(block, e, first, second, narrative, inference)
        if attrs is None:
            return None
        if e.lang and e.lang != self.language:
            attrs["xml:lang"] = e.lang
        if inference.cert is not None:
            attrs.update(cert=inference.cert, resp="#teikit",
                         evidence="conjecture" if inference.cert == "low" else "internal")
            self._warn(block, e, attrs, inference)
        annual = attrs.get("when", "").startswith("--")
        # an editor's bracketed aside ("[the strike of 1889 – Ed.]") does not move the narrative
        aside = any(lo <= e.start and e.end <= hi for lo, hi in self.asides.get(block.index, [])
                    ) or in_calendar_statement(block.text, e.start, e.end)
        if narrative and not (cited or annual or aside) and first.year is not None and e.kind in {
                "point", "approx", "range", "dual"}:
            stated = e.first.year is None and inference.cert is None and self.year is not None
            self.anchor = Anchor(first.year, first.month, first.day if e.kind != "approx"
                                 else None, block.index, f"“{block.text[e.start:e.end]}”",
                                 inference.cert, stated)
        return Span(block.index, e.start, e.end, "date", attrs, concern=CONCERN)

    def _month_of_day(self, block: Block, day: int, inference: Inference) -> Written | None:
        """"the 19th": the month (and year) of the date just named in this passage or the one
        before it; else, in a dated letter, of its date (a conjecture); none, and it is not
        taken for a date."""
        anchor = self.anchor
        if anchor is None or anchor.month is None or anchor.block < block.index - 1:
            # a letter's "meeting on the 8th", far from any other date: the month it is dated
            own = self.own
            if own is None or own.month is None or not own.origin.startswith("the dateline") \
                    or not valid(own.year, own.month, day):
                return None
            inference.add(f"month and year of the letter, from {own.origin}", "low")
            return Written(own.year, own.month, day)
        month, year = anchor.month, anchor.year
        cert = "high" if anchor.block == block.index else "medium"
        if anchor.day is not None and day < anchor.day:
            # "December 24 … on the 2nd" is January; "November 7 … the evening of the 6th" is
            # the day before: the reading that keeps the day nearer the date just named
            length = gregorian_calendar.monthrange(year, month)[1]
            if length - anchor.day + day < anchor.day - day:
                month = month % 12 + 1
                year += month == 1
            cert = "low"
        if not valid(year, month, day):
            return None
        inference.add(f"month and year from {anchor.origin}", cert)
        return Written(year, month, day)

    def _month_of_letter(self, day: int, relative: str, inference: Inference) -> Written | None:
        """"the 29th inst." (this month), "the 20th ult." (last month), "the 3rd prox." (next
        month): months counted from the letter's own date."""
        own = self.own
        if own is None or own.month is None:
            return None
        month = own.month + {"inst": 0, "ult": -1, "prox": 1}[relative]
        year = own.year + (month > 12) - (month < 1)
        month = (month - 1) % 12 + 1
        if not valid(year, month, day):
            return None
        inference.add(f"month and year from {own.origin} (“{relative}.”)", own.cert)
        return Written(year, month, day)

    def _years(self, block: Block, e: Expression, first: Written, second: Written | None,
               cited: bool, inference: Inference) -> tuple[Written, Written | None]:
        if first.year is not None or (e.day_only and inference.reasons):
            return first, second
        year: int | None
        if e.kind == "approx" and first.month is None and first.year is None:
            # "in the spring": its year, whether it is to come decided by the season's end
            future, self.future = self.future, False
            year = self._year_for(block, 6, None, cited, inference)
            self.future = future
            season = (e.qualifier or "").split()[-1:]
            ends = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}.get(season[0]) \
                if season else None
            if year is not None and ends is not None and self._to_come(block, ends):
                year += 1
                inference.forget_year()
                inference.add(f"year {year}: the text speaks of what is to come, after "
                              f"{self.own.origin if self.own else ''}", "medium")
            anchor = self.anchor
            if year is not None and (e.qualifier or "").endswith("winter") and \
                    anchor is not None and anchor.year == year and (anchor.month or 0) >= 3 \
                    and (anchor.block == block.index or self.own is None):
                # "In October … and in the winter": the winter the narrative comes to, from
                # December of that year
                return Written(year), Written(year + 1)
            return Written(year), second
        relative = _RELATIVE_YEAR.match(block.text[e.phrase_end or e.end:])
        if relative and self.own is not None:
            year = self.own.year + {"last": -1, "this": 0, "next": 1}[
                relative.group(1).lower()]
            inference.add(f"year {year}: “{relative.group(0).strip()}” from {self.own.origin}",
                          self.own.cert)
        else:
            year = self._year_for(block, first.month or 1, first.day, cited, inference)
        first = Written(year, first.month, first.day)
        if second is not None and second.year is None:
            second_year = year
            if year is not None and second.month is not None and first.month is not None:
                later = e.kind != "dual" or e.second_new
                if later and second.month < first.month:
                    second_year = year + 1      # "December 30 (January 12)"
                elif not later and second.month > first.month:
                    second_year = year - 1      # "January 12 (December 30, O.S.)"
            second = Written(second_year, second.month, second.day)
        return first, second

    def _to_come(self, block: Block, month: int) -> bool:
        """Whether a date of ``month`` without a year, in a sentence in the future tense, lies
        after the text's own date, so in the next year: "We shall march again in the spring",
        written in October. Only where the text's date gives the year (no date of the
        passage does)."""
        own, anchor = self.own, self.anchor
        return self.future and own is not None and own.month is not None and \
            not own.stated and month < own.month and \
            not (anchor is not None and anchor.block == block.index)

    def _year_for(self, block: Block, month: int, day: int | None, cited: bool,
                  inference: Inference) -> int | None:
        anchor, own = self.anchor, self.own
        cert: str | None
        if anchor is not None and anchor.block == block.index:
            source, cert = anchor, "high"
        elif self.title_year is not None:
            source, cert = self.title_year, self.title_year.cert
        elif own is not None:
            source, cert = own, own.cert
        elif anchor is not None:
            source, cert = anchor, "medium"
        elif self.first_year is not None:
            source, cert = self.first_year, self.first_year.cert
        else:
            inference.add("year: none in the text, so a date without a year keeps month and day "
                          "only (the edition config can say: [texts.NAME] year = …)", "low")
            return None
        year = source.year
        if source.stated:
            cert = None                         # the config's year, carried on
        elif source.cert == "low" or (source.cert == "medium" and cert == "high"):
            cert = source.cert
        if source.month is not None and source is not own and not cited and \
                source.month >= 11 and month <= 2:
            year += 1                           # December, then January: the next year
            cert = "medium"
            inference.add(f"year {year}: the year after {source.origin}", cert)
            return year
        if cited and source.month is not None and (month, day or 1) > (
                source.month, source.day or 1):
            year -= 1                           # presented as past, later in the year: last year
            cert = "medium"
            inference.add(f"year {year}: the text presents it as past, the year before "
                          f"{source.origin}", cert)
            return year
        if source is own and self._to_come(block, month):
            year += 1
            inference.add(f"year {year}: the text speaks of what is to come, after "
                          f"{source.origin}", "medium")
            return year
        if source is own and source.month is not None:
            if source.month <= 2 and month >= 11:
                year -= 1                       # a January letter speaking of December
                cert = "medium"
            elif month > source.month + 3:
                cert = "low"
        if cert is not None:
            inference.add(f"year {year} from {source.origin}", cert)
        return year

    # ----------------------------------------------------------------------------- values

    def _style(self, block: Block, e: Expression) -> str | None:
        if e.style:
            return e.style
        after = _STYLE_AFTER.match(block.text[e.phrase_end or e.end:])
        if after is None:
            return None
        word = (after.group("bracket") or after.group("phrase")).lower()
        if word == "own":
            # "by their own calendar": the other one than the text's
            return "new" if self.decision.calendar == "julian" else "old"
        return "old" if word.startswith(("o", "julian", "russian")) else "new"

    def _julian(self, block: Block, e: Expression, written: Written, narrative: bool,
                inference: Inference) -> bool:
        """Is ``written`` an Old Style date?"""
        style = self._style(block, e)
        if style is not None:
            return style == "old"
        if not narrative:
            return False
        decision: CalendarDecision = self.decision
        year, month, day = written.year, written.month, written.day
        before_switch = year is not None and month is not None and is_julian_period(
            year, month, day or 1)
        if e.weekday is not None and year is not None and month and day and before_switch \
                and decision.russian:
            as_julian = julian_to_gregorian(year, month, day).weekday() == e.weekday
            as_gregorian = date(year, month, day).weekday() == e.weekday
            if as_julian != as_gregorian:
                inference.add(("Old" if as_julian else "New")
                              + " Style: the weekday fits only that reading", None)
                return as_julian
            if not as_julian:
                inference.add("the weekday fits neither calendar", "low")
        if not before_switch:
            return False
        julian_text = decision.calendar == "julian"
        if decision.cert is not None and decision.russian:
            inference.add(("Old" if julian_text else "New") + f" Style: {decision.reason}",
                          decision.cert)
        return julian_text

    def _values(self, block: Block, e: Expression, first: Written, second: Written | None,
                narrative: bool, inference: Inference) -> dict[str, str] | None:
        year = first.year
        if e.kind == "decade":
            return {"from": _iso(year), "to": _iso((year or 0) + 9)}
        if e.kind == "iso":
            return {"when": _iso(year, first.month, first.day)}
        if e.kind == "dual":
            return self._dual(first, second, e, inference)
        if e.kind == "approx":
            return self._approx(block, e, first, second, narrative, inference)
        if first.month is None:                 # a year, or years
            if second is not None:
                return {"from": _iso(year), "to": _iso(second.year)}
            return {"when": _iso(year)} if year is not None else None
        is_julian = self._julian(block, e, second or first, narrative, inference)
        marked_new = self._style(block, e) == "new" or (
            not is_julian and any("weekday fits only" in r for r in inference.reasons))
        if e.kind == "range" and second is not None:
            if first.day is None:
                return self._month_range(year, first.month, second.month or first.month,
                                         is_julian, year2=second.year)
            attrs = self._day_range(first, second, is_julian)
            if e.both_calendars and "datingMethod" in attrs:
                attrs["calendar"] = f"{self.calendar_ref} {GREGORIAN_REF}"
            return attrs
        if first.day is None:
            return self._month_range(year, first.month, first.month, is_julian, single=True)
        if e.first.year is None and is_julian and e.kind == "point" and _ANNUAL.search(
                block.text[max(0, e.start - 80):e.end + 40]):
            return self._annual(first, inference)
        if year is None:
            return {"when": _iso(None, first.month, first.day)}
        if not is_julian:
            attrs = {"when": _iso(year, first.month, first.day)}
            if marked_new and narrative:
                attrs["calendar"] = GREGORIAN_REF
            return attrs
        converted = julian_to_gregorian(year, first.month, first.day)
        return {"when": converted.isoformat(),
                **self._julian_attrs(_iso(year, first.month, first.day))}

    def _annual(self, written: Written, inference: Inference) -> dict[str, str]:
        """A day kept every year by the old calendar ("his name-day, December 6 by the old
        calendar"): ``--MM-DD`` in both calendars."""
        inference.forget_year()
        year = self.own.year if self.own is not None else (
            self.anchor.year if self.anchor is not None else 1917)
        month, day = written.month or 1, written.day or 1
        if month == 2 and day == 29:
            return {"when-custom": f"--{month:02d}-{day:02d}", "datingMethod": self.calendar_ref,
                    "calendar": self.calendar_ref}
        converted = date(2001, month, day).toordinal() + julian_offset(year)
        gregorian = date.fromordinal(converted)
        return {"when": f"--{gregorian.month:02d}-{gregorian.day:02d}",
                **self._julian_attrs(f"--{month:02d}-{day:02d}")}

    def _dual(self, first: Written, second: Written | None, e: Expression,
              inference: Inference) -> dict[str, str] | None:
        assert second is not None
        old, new = (first, second) if e.second_new else (second, first)
        if old.year is None or new.year is None or old.month is None or new.month is None:
            # no year anywhere: both values as month and day
            return {"when": _iso(None, new.month, new.day),
                    **self._julian_attrs(_iso(None, old.month, old.day)),
                    "calendar": f"{self.calendar_ref} {GREGORIAN_REF}"}
        converted = julian_to_gregorian(old.year, old.month, old.day or 1)
        if converted != date(new.year, new.month, new.day or 1):
            inference.add(f"the two values are not one day in the two calendars of {old.year} "
                          f"(Old Style {_iso(old.year, old.month, old.day)} is "
                          f"{converted.isoformat()}); the Old Style value is kept", "low")
        return {"when": converted.isoformat(),
                **self._julian_attrs(_iso(old.year, old.month, old.day)),
                "calendar": f"{self.calendar_ref} {GREGORIAN_REF}"}

    def _approx(self, block: Block, e: Expression, first: Written, second: Written | None,
                narrative: bool, inference: Inference) -> dict[str, str] | None:
        year, month, qualifier = first.year, first.month, e.qualifier or ""
        if year is None:
            # no year anywhere: the bounds as month and day ("the end of June": --06-21/--06-30)
            if month is None or qualifier not in _PART_DAYS:
                return None
            lo, hi = _PART_DAYS[qualifier]
            hi = hi or gregorian_calendar.monthrange(2001, month)[1]
            return {"notBefore": _iso(None, month, lo), "notAfter": _iso(None, month, hi)}
        if month is not None:
            last = gregorian_calendar.monthrange(year, month)[1]
            lo, hi = _PART_DAYS.get(qualifier, (1, 0))
            hi = hi or last
            if self._julian(block, e, Written(year, month, hi), narrative, inference):
                hi = min(hi, julian.month_length(year, month))
                return {"notBefore": julian_to_gregorian(year, month, lo).isoformat(),
                        "notAfter": julian_to_gregorian(year, month, hi).isoformat(),
                        "notBefore-custom": _iso(year, month, lo),
                        "notAfter-custom": _iso(year, month, hi),
                        "datingMethod": self.calendar_ref, "calendar": self.calendar_ref}
            return {"notBefore": _iso(year, month, lo), "notAfter": _iso(year, month, hi)}
        season = qualifier.split()[-1] if qualifier else ""
        if season in {"spring", "summer", "autumn", "fall", "winter"}:
            lo_month, hi_month = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11),
                                  "fall": (9, 11), "winter": (12, 2)}[season]
            lo_year = hi_year = year
            if season == "winter":
                # "the winter of 1917–18": December 1917 to February 1918; "the winter of 1917":
                # the winter that ends in 1917
                if second is not None and second.year == year + 1:
                    hi_year = year + 1
                else:
                    lo_year = year - 1
            if qualifier.startswith("early"):
                hi_month = lo_month % 12 + 1
                hi_year = lo_year + (hi_month < lo_month)
            elif qualifier.startswith("late"):
                lo_month = (hi_month - 2) % 12 + 1
                lo_year = hi_year - (lo_month > hi_month)
            return {"notBefore": _iso(lo_year, lo_month), "notAfter": _iso(hi_year, hi_month)}
        lo_month, hi_month = {"beginning": (1, 3), "middle": (5, 8), "end": (10, 12),
                              "first half": (1, 6), "second half": (7, 12)}.get(qualifier, (1, 12))
        return {"notBefore": _iso(year, lo_month), "notAfter": _iso(year, hi_month)}

    def _julian_attrs(self, written: str, key: str = "when") -> dict[str, str]:
        return {f"{key}-custom": written, "datingMethod": self.calendar_ref,
                "calendar": self.calendar_ref}

    def _day_range(self, first: Written, second: Written, is_julian: bool) -> dict[str, str]:
        year = first.year
        if year is None or not is_julian or not is_julian_period(
                year, second.month or 1, second.day or 1):
            return {"from": _iso(year, first.month, first.day),
                    "to": _iso(second.year, second.month, second.day)}
        assert first.month and first.day and second.month and second.day
        return {
            "from": julian_to_gregorian(year, first.month, first.day).isoformat(),
            "to": julian_to_gregorian(year, second.month, second.day).isoformat(),
            "from-custom": _iso(year, first.month, first.day),
            "to-custom": _iso(year, second.month, second.day),
            "datingMethod": self.calendar_ref, "calendar": self.calendar_ref,
        }

    def _month_range(self, year: int | None, month: int, month2: int, is_julian: bool,
                     single: bool = False, year2: int | None = None) -> dict[str, str] | None:
        """The months ``month`` of ``year`` to ``month2`` of ``year2`` (the same year unless
        given: "from October 1917 to March 1918")."""
        year2 = year2 if year2 is not None and year is not None else year
        if (year2 or 0, month2) < (year or 0, month):
            return None
        julian_month = year2 is not None and is_julian and is_julian_period(year2, month2)
        if not julian_month:
            if single:
                return {"when": _iso(year, month)} if year is not None or month else None
            return {"from": _iso(year, month), "to": _iso(year2, month2)}
        assert year is not None and year2 is not None
        last = julian.month_length(year2, month2)
        # a Julian month is not a Gregorian month: give its Gregorian extent as a range
        return {"from": julian_to_gregorian(year, month, 1).isoformat(),
                "to": julian_to_gregorian(year2, month2, last).isoformat(),
                "from-custom": _iso(year, month), "to-custom": _iso(year2, month2),
                "datingMethod": self.calendar_ref, "calendar": self.calendar_ref}

    # --------------------------------------------------------------------------- warnings

    def _warn(self, block: Block, e: Expression, attrs: dict[str, str],
              inference: Inference) -> None:
        value = attrs.get("when") or "/".join(
            v for v in (attrs.get("from") or attrs.get("notBefore"),
                        attrs.get("to") or attrs.get("notAfter")) if v)
        paragraph = " ".join(block.text.split())
        if len(paragraph) > 70:
            paragraph = paragraph[:69] + "…"
        self.warnings.append(
            f"line {block.line}: date “{block.text[e.start:e.end]}” → {value} "
            f"(cert {inference.cert}): {'; '.join(inference.reasons)} — in “{paragraph}”")


def _narrative_years(doc: Transcription) -> list[tuple[int, int]]:
    """(block, year) of every year the narrative writes, in order, except in dates it presents
    as past."""
    out = []
    for block in doc.blocks:
        if block.kind not in NARRATIVE:
            continue
        for e in find_expressions(block.text):
            if e.first.year is not None and e.kind != "iso" and not _CITED.search(
                    block.text[max(0, e.start - 60):e.start]) and not in_calendar_statement(
                    block.text, e.start, e.end):
                out.append((block.index, e.first.year))
    return out


# a year the text's title names alone ("A Chronology of 1917", "The Lessons of 1905"), not a
# period ("1917–1921") or part of a date
_TITLE_YEAR = re.compile(r"(?<![\d–—/-])\b(?P<year>1[6-9]\d\d|20[0-4]\d)\b(?![–—/-]\d)")


def _title_year(doc: Transcription) -> Anchor | None:
    """The one year the title names, the time the text's yearless dates fall in."""
    for block in [*doc.of_kind(BlockKind.TITLE), *doc.of_kind(BlockKind.SUBTITLE)]:
        years = {int(m.group("year")) for m in _TITLE_YEAR.finditer(block.text)}
        if len(years) == 1 and not any(e.first.month for e in find_expressions(block.text)):
            (year,) = years
            return Anchor(year, None, None, -1, f"the title (“{block.text.strip()}”)",
                          "medium")
    return None


def _crosses(start: int, end: int, span: Span) -> bool:
    if span.atomic and span.start < end and start < span.end:
        return True
    return span.start < start < span.end < end or start < span.start < end < span.end
