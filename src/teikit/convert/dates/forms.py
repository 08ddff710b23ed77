"""Date expressions as written: what a block's text says, not yet what it means.

:func:`find_expressions` returns non-overlapping :class:`Expression` s (leftmost, then longest):

- a day: "October 27", "November 14th, 1917", "27 October", "the 28th (day) of October",
  "Twentieth of March", "March the 7th", with a weekday before it ("Tuesday, 7 March") and a
  calendar written after it ("…, Old Style", "(N.S.)");
- two calendars for one day: "March 2 (15, N.S.)", "November 3 (16)", "February 5 (18), 1906",
  "25 October (7 November) 1917", "October 28 (November 10, New Style)", "2 (15) March 1917",
  "February 5/18, 1906", "31 January/13 February 1918" (the pass checks the arithmetic);
- several days: "the 2nd and the 9th of March 1921", "March 2 and 9", "2 and 9 March" (one
  expression per day, each with the month and year of the phrase); ranges "3–7 July",
  "July 3–7", "30 March – 2 April 1917";
- a day of a month the passage has named: "on the 19th" (``day_only``);
- a month: "April 1948", "in April", "April of 1917"; approximate: "the end of June", "the
  beginning of March 1917", "early April", "mid-July", "the spring of 1919", "in the winter";
- years: "1925–1928", "in 1917" (a bare year needs a preposition outside header fields), decades
  "the 1880s", ISO dates "1919-03-03";
- French and German spellings in translated texts: "3 février 1922", "le 1er mai", "3. März
  1917", "Dienstag, den 7. März", "Jänner". The month and weekday names come from the CLDR data
  of :mod:`babel` (every spelling and abbreviation of the locales, Austrian "Jänner" included),
  so a language is one more locale code, not one more hand-typed table.

Nothing else is a date: "Year One", "Fourth Congress", "Vol. XIV No. 4", "p. 123–126", "102
members", "500 rubles", "the July Days", "the 19th century", "the 8th Congress".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise

from babel.dates import get_day_names, get_month_names

# language of the spelling → CLDR locales whose month and weekday names it uses
LOCALES = {"en": ("en",), "fr": ("fr",), "de": ("de", "de_AT")}
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
    "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
    "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
           "winter": (12, 2)}
STYLE_WORDS = {"old style": "old", "new style": "new", "o.s.": "old", "n.s.": "new",
               "os": "old", "ns": "new"}


@dataclass(frozen=True)
class Written:
    """One point of a calendar as written; what the text leaves out is ``None``."""

    year: int | None = None
    month: int | None = None
    day: int | None = None


@dataclass(frozen=True)
class Expression:
    """One date expression in a block: ``text[start:end]`` and what it writes.

    ``kind``: ``point`` (a day, a month or a year), ``range`` (``first`` to ``second``),
    ``dual`` (one day written in two calendars; ``second_new`` says whether ``second`` is the New
    Style value, ``None`` when only the arithmetic can tell), ``approx`` (``qualifier`` of
    ``first``: "beginning", "middle", "end", a season), ``decade``, ``iso``.
    """

    start: int
    end: int
    kind: str
    first: Written
    second: Written | None = None
    style: str | None = None          # "old" / "new" written with the expression
    second_new: bool | None = None
    weekday: int | None = None        # 0 = Monday
    lang: str = "en"                  # the spelling's; "" for figures alone ("1917", "1919-03-03")
    qualifier: str | None = None
    day_only: bool = False            # "the 19th": month and year from the passage
    phrase_end: int | None = None     # a day of a list: where the list ends (its calendar mark)
    both_calendars: bool = False      # a range written in both: ``first``/``second`` Old Style


def _names(kind: str, lang: str) -> dict[str, int]:
    """Spelling → number (month 1–12 or weekday 0–6) for ``lang``, from CLDR."""
    out: dict[str, int] = {}
    for locale in LOCALES[lang]:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                names = (get_month_names(width, context, locale) if kind == "month"
                         else get_day_names(width, context, locale))
                for number, name in names.items():
                    bare = name.rstrip(".")
                    if kind == "day" and width != "wide":
                        continue        # "Mon", "lun." are too short to trust before a date
                    forms = {bare, bare[0].upper() + bare[1:]} if lang == "fr" else {bare}
                    for form in forms:
                        out[form] = number
                        if width == "abbreviated" and len(form) < len(str(
                                get_month_names("wide", context, locale)[number])):
                            out[form + "."] = number
    if kind == "month" and lang == "en":
        out.update({"Sept.": 9, "Sept": 9})
    return out


def _in_every_language(kind: str) -> dict[str, tuple[int, str]]:
    """Every spelling of a month or weekday name → (number, language); English first where
    spellings coincide."""
    out: dict[str, tuple[int, str]] = {}
    for lang in ("de", "fr", "en"):
        out.update({name: (number, lang) for name, number in _names(kind, lang).items()})
    return out


@cache
def month_names() -> dict[str, tuple[int, str]]:
    """Every month spelling → (month, language)."""
    return _in_every_language("month")


@cache
def weekday_names() -> dict[str, tuple[int, str]]:
    """Every weekday spelling → (weekday, language)."""
    return _in_every_language("day")


def _alternation(names: list[str]) -> str:
    return "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"


def _months(lang: str) -> str:
    return _alternation(list(_names("month", lang)))


def _weekdays(lang: str) -> str:
    return _alternation(list(_names("day", lang)))


_ORD = "(?i:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + r")(?![\w-])"
_NUM = r"(?:3[01]|[12]\d|0?[1-9])"
_D = rf"(?:{_NUM}(?:st|nd|rd|th)?(?![\d\w]))"         # 7, 7th
_DS = rf"(?:{_NUM}(?:st|nd|rd|th)(?![\d\w]))"          # 7th (a bare "the 7" is not a date)
_DAY = rf"(?:{_D}|{_ORD})"
_Y = r"(?:1[0-9]\d\d|20\d\d)(?![\d\w])"
_DASH = r"\s*[–—-]\s*"
_AND = r"(?:\s*,\s*|\s*,?\s+(?:and|&|or)\s+)"
_AND_DE = r"(?:\s*,\s*|\s*,?\s+(?:und|oder)\s+)"
_AND_FR = r"(?:\s*,\s*|\s*,?\s+(?:et|ou)\s+)"
_STYLE = r"(?i:Old Style|New Style|O\.\s?S\.|N\.\s?S\.)"
_END = r"(?![\w’'-])"
_NOT_NAME = r"(?!\s+[A-Z][a-z])"   # "July Days" is a name, not a date
_STYLE_TAIL = rf"(?:,?\s+(?P<style>{_STYLE})|\s*\((?P<pstyle>{_STYLE})\))?"
_PREP = (r"(?:[Ii]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Dd]uring|[Tt]hroughout|[Tt]hrough|"
         r"[Oo]f|[Bb]efore|[Aa]fter|[Ee]arly|[Ll]ate|[Tt]o)")


def _en() -> tuple[str, str]:
    return _months("en"), _weekdays("en")


@cache
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    m, wd = _en()
    mfr, wdfr = _months("fr"), _weekdays("fr")
    mde, wdde = _months("de"), _weekdays("de")
    weekday = rf"(?:(?P<wd>{wd})(?:,\s*|\s+)(?:the\s+)?)?"
    second = rf"(?:(?P<m2>{m})\s+)?(?P<d2>{_D})(?:,?\s+(?P<y2>{_Y}))?(?:,?\s*(?P<style2>{_STYLE}))?"
    second_dm = (rf"(?P<d2>{_D})(?:\s+(?P<m2>{m}))?(?:,?\s+(?P<y2>{_Y}))?"
                 rf"(?:,?\s*(?P<style2>{_STYLE}))?")
    second_of = (rf"(?:the\s+)?(?P<d2>{_DAY})(?:\s+(?:day\s+)?of)?(?:\s+(?P<m2>{m}))?"
                 rf"(?:,?\s+(?P<y2>{_Y}))?(?:,?\s*(?P<style2>{_STYLE}))?")
    style1 = rf"(?:,?\s*(?P<style1>{_STYLE}))?"

    def starting_with(initials: set[str], source: str) -> str:
        """``source``, tried only where one of the characters it can begin with stands: the
        engine would otherwise try its long alternations at every position of a paragraph."""
        return rf"(?=[{re.escape(''.join(sorted(initials)))}]){source}"

    day_initials = {c for w in ORDINAL_WORDS for c in (w[0], w[0].upper())} | set("0123456789Tt")
    weekday_initials = {w[0] for w in _names("day", "en")}

    def other(inner: str) -> str:
        """The other calendar's value in parentheses, or in an editor's square brackets
        ("October 25 [November 7], 1917"): the closing sign matches the opening one."""
        return rf"(?:(?P<sq>\[)|\()\s*{inner}\s*(?(sq)\]|\))"

    # the other calendar's days of a range: "(16–18)", "(March 12–13)", "(June 30–July 2)"
    other_days = rf"(?P<d3>{_D}){_DASH}(?P<d4>{_D})"
    other_md = rf"(?:(?P<m3>{m})\s+)?(?P<d3>{_D}){_DASH}(?:(?P<m4>{m})\s+)?(?P<d4>{_D})"

    table = [
        # two calendars
        ("dual", rf"{weekday}(?P<m>{m})\s+(?P<d>{_D})(?:,?\s+(?P<y>{_Y}))?{style1}\s*"
                 rf"{other(second)}(?:,?\s+(?P<y3>{_Y}))?{_END}"),
        ("dual", rf"{weekday}(?<![\w.])(?P<d>{_D})\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?{style1}\s*"
                 rf"{other(second_dm)}(?:,?\s+(?P<y3>{_Y}))?{_END}"),
        ("dual", starting_with(day_initials | weekday_initials, rf"{weekday}(?:\b[Tt]he\s+)?"
                 rf"(?P<d>{_DAY})\s+(?:day\s+)?of\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?{style1}\s*"
                 rf"{other(second_of)}(?:,?\s+(?P<y3>{_Y}))?{_END}")),
        ("dual", rf"(?<![\w.])(?:[Tt]he\s+)?(?P<d>{_D})\s*{other(rf'(?P<d2>{_D})')}\s+"
                 rf"(?:of\s+)?(?P<m>{m})"
                 rf"(?:,?\s+(?P<y>{_Y}))?{_END}"),
        ("dual", rf"{weekday}(?P<m>{m})\s+(?P<d>{_D})\s*/\s*(?:(?P<m2>{m})\s+)?(?P<d2>{_D})"
                 rf"(?:,?\s+(?P<y>{_Y}))?{_END}"),
        ("dual", rf"(?<![\w./])(?P<d>{_D})(?:\s+(?P<m1>{m}))?\s*/\s*(?P<d2>{_D})\s+(?P<m>{m})"
                 rf"(?:,?\s+(?P<y>{_Y}))?{_END}"),
        # several days in two calendars: "July 3–5 (16–18), 1917", "3–5 (16–18) July 1917"
        ("dual-range", rf"(?P<m>{m})\s+(?P<d>{_D}){_DASH}(?P<d2>{_D})\s*{other(other_md)}"
                       rf"(?:,?\s+(?P<y>{_Y}))?{_END}"),
        ("dual-range", rf"(?<![\w.])(?P<d>{_D}){_DASH}(?P<d2>{_D})\s*{other(other_days)}"
                       rf"\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?{_END}"),
        # "between 3 and 5 July", "between July 3 and 5": a range, not two days
        ("range", rf"\b[Bb]etween\s+(?P<x>(?:the\s+)?(?P<d>{_DAY})(?:\s+(?:of\s+)?(?P<m1>{m}))?"
                  rf"\s+and\s+(?:the\s+)?(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{m})"
                  rf"(?:,?\s+(?P<y>{_Y}))?){_END}"),
        ("range", rf"\b[Bb]etween\s+(?P<x>(?P<m>{m})\s+(?P<d>{_D})\s+and\s+(?:(?P<m2>{m})\s+)?"
                  rf"(?P<d2>{_D})(?:,\s+(?P<y>{_Y}))?){_END}"),
        # several days of one month
        ("list-of", starting_with(day_initials, rf"(?:\bthe\s+)?{_DAY}(?:(?:{_AND}|\s+(?:to|till|"
                    rf"until)\s+)(?:the\s+)?{_DAY})+\s+(?:day\s+)?of\s+(?P<m>{m})"
                    rf"(?:,?\s+(?P<y>{_Y}))?{_END}")),
        ("list-md", rf"(?P<m>{m})\s+{_D}(?:{_AND}{_D})+(?:,?\s+(?P<y>{_Y}))?{_END}"),
        ("list-dm", rf"(?<![\w.,])(?:{_D}{_AND})+{_D}\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?{_END}"),
        # ranges
        ("range", rf"(?<![\w.])(?P<d>{_D})(?:\s+(?P<m1>{m}))?{_DASH}(?P<d2>{_D})\s+(?P<m>{m})"
                  rf"(?:,?\s+(?P<y>{_Y}))?{_END}"),
        ("range", rf"\b[Ff]rom\s+(?P<x>(?P<d>{_D})(?:\s+(?P<m1>{m}))?\s+(?:to|till|until)\s+"
                  rf"(?P<d2>{_D})\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?){_END}"),
        ("range", rf"\b[Ff]rom\s+(?P<x>(?P<m>{m})\s+(?P<d>{_D})\s+(?:to|till|until)\s+"
                  rf"(?:(?P<m2>{m})\s+)?(?P<d2>{_D})(?:,\s+(?P<y>{_Y}))?){_END}"),
        ("range", rf"(?P<m>{m})\s+(?P<d>{_D}){_DASH}(?:(?P<m2>{m})\s+)?(?P<d2>{_D})"
                  rf"(?:,\s+(?P<y>{_Y}))?{_END}"),
        ("month-range", rf"(?P<m>{m}){_DASH}(?P<m2>{m})(?:,?\s+(?P<y>{_Y}))?{_END}{_NOT_NAME}"),
        # a period of months or years: "from October 1917 to March 1918", "between 1918 and
        # 1921" (the words around it are no part of the date)
        ("period", rf"\b[Ff]rom\s+(?P<x>(?:(?P<m>{m})\s+)?(?P<y>{_Y})\s+(?:to|till|until)\s+"
                   rf"(?:(?P<m2>{m})\s+)?(?P<y2>{_Y})){_END}"),
        ("period", rf"\b[Ff]rom\s+(?P<x>(?P<m>{m})\s+(?:to|till|until)\s+(?P<m2>{m})\s+"
                   rf"(?P<y2>{_Y})){_END}"),
        ("period", rf"\b[Bb]etween\s+(?P<x>(?:(?P<m>{m})\s+)?(?P<y>{_Y})\s+and\s+"
                   rf"(?:(?P<m2>{m})\s+)?(?P<y2>{_Y})){_END}"),
        # one day
        ("day", starting_with(day_initials | weekday_initials, rf"{weekday}(?:\b[Tt]he\s+)?"
                rf"(?P<d>{_DAY})\s+(?:day\s+)?of\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?"
                rf"{_STYLE_TAIL}{_END}")),
        ("day", rf"{weekday}(?P<m>{m})\s+(?:the\s+)?(?P<d>{_DAY})(?:,?\s+(?P<y>{_Y}))?"
                rf"{_STYLE_TAIL}{_END}"),
        ("day", rf"{weekday}(?<![\w.])(?P<d>{_D})\s+(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?"
                rf"{_STYLE_TAIL}{_END}"),
        # "on the 19th", "of the 6th", "the 20th ult.", "the 29th inst." (of last / this month)
        ("day-only", rf"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Aa]fter|[Bb]efore|"
                     rf"and|or|to|of|is|was|now|[Tt]oday|[Yy]our|[Mm]y)\s+(?P<x>the\s+"
                     rf"(?P<d>{_DS})(?:\s+(?P<rel>inst|ult|prox)\.)?)(?!\w)(?!\s*[–—-]\s*\d)"),
        # a day as a word only where nothing can follow it as a noun: "on the twentieth, we"
        ("day-only", rf"\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Aa]fter|[Bb]efore|"
                     rf"and|or|to|of|is|was|now)\s+(?P<x>the\s+(?P<d>{_ORD}))(?=\s*[,.;:)!?]|"
                     r"\s*$|\s+(?:and|or|at|in|on|we|I|he|she|they|it|there|when|after|before|"
                     r"until|with|by|our|his|her|their|was|were|had|came|saw)\b)"),
        ("day-only", rf"(?:^|(?<=[.!?]\s))(?P<x>The\s+(?P<d>{_DS}))(?=,|\s+(?:was|were|came|"
                     r"passed|saw|brought|began|found)\b)"),
        # approximate
        ("approx", rf"(?:\b[Tt]he\s+)?(?P<q>(?i:beginning|start|end|middle|close|first half|"
                   rf"second half|first days|last days))\s+of\s+(?:the\s+month\s+of\s+)?"
                   rf"(?:(?P<m>{m})(?:,?\s+(?:of\s+)?(?P<y>{_Y}))?|(?P<yo>{_Y})){_END}{_NOT_NAME}"),
        ("approx", rf"\b(?P<q>(?i:early|late|mid))(?:-|\s+)(?:in\s+)?"
                   rf"(?:(?P<m>{m})(?:,?\s+(?P<y>{_Y}))?|(?P<yo>{_Y})){_END}{_NOT_NAME}"),
        # with its year a season may open a line or a sentence: "Summer 1918", "Early spring
        # of 1917"
        ("season", rf"(?:\b[Tt]he\s+)?(?:(?P<q>(?i:early|late))\s+)?"
                   rf"(?P<s>(?i:spring|summer|autumn|fall|winter))(?:\s+of)?\s+(?P<y>{_Y})"
                   rf"(?:{_DASH}(?P<y2>\d\d(?:\d\d)?))?"
                   r"(?![\d\w])"),
        ("season", r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Uu]ntil|[Tt]ill)\s+(?P<x>the\s+"
                   r"(?:(?P<q>early|late)\s+)?(?P<s>spring|summer|autumn|fall|winter))"
                   r"(?![\w-])(?!\s+(?:of|palace|garden|house|term|offensive|session)\b)"),
        # months
        ("month", rf"(?P<m>{m}),?\s+(?:of\s+)?(?P<y>{_Y}){_END}"),
        ("month", rf"\b{_PREP}\s+(?:the\s+month\s+of\s+)?(?P<x>(?P<m>{m}))(?![\w’'-])"
                  rf"(?!\s*[\d(])(?!\s+(?:the\s+)?{_ORD}){_NOT_NAME}"),
        # French and German spellings
        ("day", rf"(?:(?P<wd>{wdfr})\s+)?(?<![\w.])(?P<d>1er|{_NUM})(?![\d\w])\s+(?P<m>{mfr})"
                rf"(?:\s+(?P<y>{_Y}))?{_END}", "fr"),
        ("month", rf"(?P<m>{mfr})\s+(?P<y>{_Y}){_END}", "fr"),
        ("day", rf"(?:(?P<wd>{wdde}),?\s+(?:den\s+)?)?(?<![\w.])(?P<d>{_NUM})\.\s*(?P<m>{mde})"
                rf"(?:\s+(?P<y>{_Y}))?{_END}", "de"),
        ("month", rf"\b(?:im\s+)?(?P<m>{mde})\s+(?P<y>{_Y}){_END}", "de"),
        # "im März", "en juillet": a month after its preposition ("im" stays in the date, as
        # with a year)
        ("month", rf"\b(?P<x>im\s+(?P<m>{mde}))(?![\w’'-])(?!\s*[\d(])", "de"),
        ("month", rf"\b(?:[Ee]n|[Dd]epuis|au\s+mois\s+de|[Jj]usqu[’']en)\s+(?P<x>(?P<m>{mfr}))"
                  rf"(?![\w’'-])(?!\s*[\d(])", "fr"),
        # "vom 3. bis 7. Juli 1919", "3.–7. Juli", "du 3 au 7 juillet 1903", "3-7 juillet"
        ("range", rf"\b[Vv]om\s+(?P<x>(?P<d>{_NUM})\.\s*(?:(?P<m1>{mde})\s+)?bis(?:\s+zum)?\s+"
                  rf"(?P<d2>{_NUM})\.\s*(?P<m>{mde})(?:\s+(?P<y>{_Y}))?){_END}", "de"),
        ("range", rf"(?<![\w.])(?P<d>{_NUM})\.\s*(?:(?P<m1>{mde})\s*)?{_DASH}(?P<d2>{_NUM})\.\s*"
                  rf"(?P<m>{mde})(?:\s+(?P<y>{_Y}))?{_END}", "de"),
        ("range", rf"\b[Dd]u\s+(?P<x>(?P<d>1er|{_NUM})(?:\s+(?P<m1>{mfr}))?\s+au\s+"
                  rf"(?P<d2>{_NUM})\s+(?P<m>{mfr})(?:\s+(?P<y>{_Y}))?){_END}", "fr"),
        ("range", rf"(?<![\w.])(?P<d>1er|{_NUM})(?:\s+(?P<m1>{mfr}))?{_DASH}(?P<d2>{_NUM})\s+"
                  rf"(?P<m>{mfr})(?:\s+(?P<y>{_Y}))?{_END}", "fr"),
        # "am 9. und 10. November", "les 9 et 10 novembre"
        ("list-dm", rf"(?<![\w.,])(?:{_NUM}\.{_AND_DE})+{_NUM}\.\s*(?P<m>{mde})"
                    rf"(?:\s+(?P<y>{_Y}))?{_END}", "de"),
        ("list-dm", rf"(?<![\w.,])(?:{_NUM}{_AND_FR})+{_NUM}\s+(?P<m>{mfr})"
                    rf"(?:\s+(?P<y>{_Y}))?{_END}", "fr"),
        # "Anfang Mai 1919", "Ende 1918", "début mai", "mi-juillet 1903", "fin 1917"
        ("approx", rf"\b(?P<q>Anfang|Mitte|Ende)\s+(?:(?P<m>{mde})(?:\s+(?P<y>{_Y}))?|(?P<yo>{_Y}))"
                   rf"{_END}", "de"),
        ("approx", rf"\b(?P<q>[Dd]ébut|[Ff]in|[Mm]i-)\s*(?:(?P<m>{mfr})(?:\s+(?P<y>{_Y}))?|"
                   rf"(?P<yo>{_Y})){_END}", "fr"),
        # years
        ("iso", r"(?<![\w.,/-])(?P<y>1[0-9]\d\d|20\d\d)-(?P<mo>0[1-9]|1[0-2])-"
                r"(?P<dd>0[1-9]|[12]\d|3[01])(?![\w/-])"),
        ("decade", r"(?<![\w.,/-])(?P<y>1[0-9]\d0|20\d0)[’']?s(?![\w’'-])"),
        ("year-range", rf"(?<![\w.,/-])(?P<y>{_Y}){_DASH}(?P<y2>{_Y}|\d\d)(?![\d\w])"),
        ("year-range", rf"(?<![\w.,/-])(?P<y>{_Y})/(?P<y2>{_Y}|\d\d)(?![\d\w/])"),   # "1917/18"
        ("year", rf"(?<![\w.,/-])(?P<y>{_Y})(?![\d\w/-])"),
    ]
    out = []
    for row in table:
        kind, source = row[0], row[1]
        lang = row[2] if len(row) > 2 else "en"
        out.append((f"{kind}:{lang}", re.compile(source)))
    return out


PREPOSITIONS = {"in", "of", "since", "until", "till", "by", "from", "to", "after", "before",
                "during", "around", "about", "early", "late", "mid", "spring", "summer",
                "autumn", "fall", "winter", "and", "between", "year", "years",
                # German and French: "seit 1918", "im Jahre 1918", "en 1903", "depuis 1871"
                "seit", "bis", "nach", "vor", "um", "ab", "jahre", "jahr", "jahres", "und",
                "en", "depuis", "dès", "vers", "avant", "après", "année", "et"}
_NO_YEAR_BEFORE = re.compile(r"(?:\bp|\bpp|No|Nos|Vol|nos?|§)\.?\s*$")
# after "the 19th", a word that makes it an ordinal, not a day: "the 19th century", "the 8th
# Congress", "the 5th Army" (a name after a date is fine: "on the 15th Liebknecht was murdered")
_DAY_ONLY_NOUNS = re.compile(
    r"^\s+(?:centur(?:y|ies)|anniversar(?:y|ies)|times?|days?|hours?|years?|weeks?|months?|of|"
    r"place|row|floor|divisions?|regiments?|army|armies|corps|congress(?:es)?|conferences?|"
    r"sessions?|part(?:y|ies)|battalions?|brigades?|compan(?:y|ies)|editions?|issues?|volumes?|"
    r"chapters?|pages?|lines?|articles?|points?|paragraphs?|rounds?|ballots?|votes?|grades?|"
    r"class(?:es)?|ranks?|verses?|amendments?|districts?|wards?|streets?|avenues?|birthdays?|"
    r"sections?|items?|clauses?|resolutions?|sittings?|meetings?|plenums?|degrees?|percent|"
    r"per|sessions?|most|best|largest|greatest|and\s+(?:last|final)|"
    r"(?:Army|Armies|Congress|Conference|Regiment|Division|Corps|Battalion|Brigade|Party|"
    r"Session|Plenum|International|District|Ward|Street|Avenue|Century|Amendment|Dynasty|"
    r"Company|Fleet|Flotilla|Infantry|Cavalry|Rifles?|Guards?|Soviet|Duma|Convention|"
    r"Assembly|Chapter|Volume|Book|Part|Section|Article|Street|Arrondissement)\b)")


def day_number(text: str) -> int:
    word = text.lower()
    if word in ORDINAL_WORDS:
        return ORDINAL_WORDS.index(word) + 1
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def valid(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    import calendar
    return day <= calendar.monthrange(year if year else 2000, month)[1]


def _month(name: str | None) -> int | None:
    return month_names()[name][0] if name else None


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _day_offsets(first: Written, second: Written) -> int | None:
    """Days from ``first`` to ``second`` (a stand-in year where none is written)."""
    year = first.year or second.year or 1917
    try:
        a = date(year, first.month or 1, first.day or 1)
        b = date(second.year or year, second.month or 1, second.day or 1)
    except ValueError:
        return None
    if second.year is None and first.month == 12 and second.month == 1 and b < a:
        b = b.replace(year=b.year + 1)
    elif second.year is None and first.month == 1 and second.month == 12 and b > a:
        b = b.replace(year=b.year - 1)
    return (b - a).days


def _style(text: str | None) -> str | None:
    if not text:
        return None
    return STYLE_WORDS.get(re.sub(r"\s", "", text.lower()).replace("oldstyle", "old style")
                           .replace("newstyle", "new style"))


def _read(kind: str, lang: str, match: re.Match[str], text: str,
          bare_years: bool) -> Iterator[Expression]:
    """The expressions one match stands for (none if it is not a date after all)."""
    g = match.groupdict()
    start, end = match.span("x") if g.get("x") else match.span()
    weekday = weekday_names()[g["wd"]][0] if g.get("wd") else None
    year: int | None
    month: int | None
    second: Written | None
    if kind in {"year", "year-range"}:
        if not bare_years and not _after_preposition(text, start):
            return
        if _NO_YEAR_BEFORE.search(text[:start]):
            return
    if kind == "year":
        yield Expression(start, end, "point", Written(int(g["y"])), lang="")
        return
    if kind == "year-range":
        low = int(g["y"])
        high = int(g["y2"]) if len(g["y2"]) == 4 else low // 100 * 100 + int(g["y2"])
        if high > low:
            yield Expression(start, end, "range", Written(low), Written(high), lang="")
        return
    if kind == "decade":
        yield Expression(start, end, "decade", Written(int(g["y"])), lang="")
        return
    if kind == "iso":
        year, month, day = int(g["y"]), int(g["mo"]), int(g["dd"])
        if valid(year, month, day):
            yield Expression(start, end, "iso", Written(year, month, day), lang="")
        return
    if kind == "season":
        year = _year(g.get("y"))
        second = None
        if g.get("y2"):
            y2 = int(g["y2"]) if len(g["y2"]) == 4 else (year or 0) // 100 * 100 + int(g["y2"])
            second = Written(y2)
        qualifier = g["s"].lower() if not g.get("q") else f"{g['q'].lower()} {g['s'].lower()}"
        yield Expression(start, end, "approx", Written(year), second, qualifier=qualifier)
        return
    if kind == "approx":
        year = _year(g.get("y") or g.get("yo"))
        qualifier = {"start": "beginning", "early": "beginning", "first days": "beginning",
                     "first half": "first half", "close": "end", "late": "end",
                     "last days": "end", "mid": "middle", "anfang": "beginning",
                     "mitte": "middle", "ende": "end", "début": "beginning", "fin": "end",
                     "mi-": "middle"}.get(g["q"].lower(), g["q"].lower())
        yield Expression(start, end, "approx", Written(year, _month(g.get("m"))),
                         qualifier=qualifier, lang=lang)
        return
    if kind == "month":
        if g["m"] == "May" and not g.get("y") and re.match(r"\s+(?:be|have|not|we|I|you)\b",
                                                            text[end:]):
            return
        yield Expression(start, end, "point", Written(_year(g.get("y")), _month(g["m"])),
                         lang=lang)
        return
    if kind == "month-range":
        month, month2 = _month(g["m"]), _month(g["m2"])
        if month and month2 and month2 > month:
            year = _year(g.get("y"))
            yield Expression(start, end, "range", Written(year, month), Written(year, month2))
        return
    if kind == "period":
        first = Written(int(g.get("y") or g["y2"]), _month(g.get("m")))
        second = Written(int(g["y2"]), _month(g.get("m2")))
        assert first.year is not None and second.year is not None
        # a period of a century at most, of modern years, forwards: not "from 1500 to 2000"
        # men
        years = second.year - first.year
        if (first.year >= 1750 and 0 < years <= 100) or (
                years == 0 and (first.month or 0) < (second.month or 0)):
            yield Expression(start, end, "range", first, second, lang=lang)
        return
    if kind == "day-only":
        if _DAY_ONLY_NOUNS.match(text[end:]):
            return
        yield Expression(start, end, "point", Written(day=day_number(g["d"])), day_only=True,
                         qualifier=g.get("rel"))
        return
    if kind.startswith("list"):
        yield from _list(kind, match, text, lang)
        return
    if kind == "dual-range":
        yield from _dual_range(match, start, end)
        return
    month = _month(g["m1"] if g.get("m1") else g["m"])
    year = _year(g.get("y") or g.get("y3"))
    if month is None:
        return
    day = 1 if g["d"] == "1er" else day_number(g["d"])
    if not valid(year, month, day):
        return
    first = Written(year, month, day)
    style = _style(g.get("style") or g.get("pstyle") or g.get("style1"))
    if kind == "day":
        yield Expression(start, end, "point", first, style=style, weekday=weekday, lang=lang)
        return
    if kind == "range":
        # "30 March – 2 April": the first month is m1, the second m; "July 30–August 2": m2
        month2 = _month(g["m"]) if g.get("m1") else (_month(g.get("m2")) or month)
        second = Written(year, month2, day_number(g["d2"]))
        if second.month and second.day and valid(year, second.month, second.day) and (
                (first.month or 0, first.day or 0) < (second.month, second.day)):
            yield Expression(start, end, "range", first, second, lang=lang)
        return
    if kind == "dual":
        yield from _dual(match, start, end, first, weekday)


def _dual(match: re.Match[str], start: int, end: int, first: Written,
          weekday: int | None) -> Iterator[Expression]:
    g = match.groupdict()
    day2 = day_number(g["d2"])
    year2 = _year(g.get("y2")) or first.year
    if g.get("m1"):                          # "31 January/13 February 1918"
        first = Written(first.year, _month(g["m1"]), first.day)
        month2 = _month(g["m"])
    else:
        month2 = _month(g.get("m2"))
    if month2 is None:
        # a bare day in the parentheses: the same month, or the next when the day is smaller
        month2 = first.month if day2 > (first.day or 0) else (first.month or 0) % 12 + 1
    if month2 is None or not valid(year2, month2, day2):
        return
    if first.year is not None and not g.get("y2"):
        if first.month == 12 and month2 == 1:
            year2 = first.year + 1               # "December 30 (January 12), 1917"
        elif first.month == 1 and month2 == 12:
            year2 = first.year - 1               # "January 12, 1918 (December 30, O.S.)"
    second = Written(year2, month2, day2)
    offset = _day_offsets(first, second)
    if offset is None or abs(offset) not in {10, 11, 12, 13}:
        return                               # two dates, not one day in two calendars
    style1, style2 = _style(g.get("style1")), _style(g.get("style2"))
    second_new: bool | None
    if style2:
        second_new = style2 == "new"
    elif style1:
        second_new = style1 == "old"
    else:
        second_new = offset > 0              # the later value is the Gregorian one
    if second_new != (offset > 0):
        return                               # the labels contradict the arithmetic
    yield Expression(start, end, "dual", first, second, second_new=second_new, weekday=weekday)


def _dual_range(match: re.Match[str], start: int, end: int) -> Iterator[Expression]:
    """Days written in both calendars, as one range of Old Style days: the pair whose days are
    10–13 later is the New Style one."""
    g = match.groupdict()
    year, month = _year(g.get("y")), _month(g["m"]) or 1
    days = [day_number(g[name]) for name in ("d", "d2", "d3", "d4")]
    if days[1] <= days[0]:
        return
    # a bare day in the parentheses: this month, the next ("June 29–30 (July 12–13)") or the
    # last ("July 16–18 (3–5)"), whichever makes it the same day in the other calendar
    months = [_month(g["m3"])] if g.get("m3") else [month, month % 12 + 1, (month - 2) % 12 + 1]
    for month3 in months:
        assert month3 is not None
        month4 = _month(g.get("m4")) or (month3 if days[3] > days[2] else month3 % 12 + 1)
        written = [Written(year, month, days[0]), Written(year, month, days[1]),
                   Written(year, month3, days[2]), Written(year, month4, days[3])]
        if not all(valid(year, w.month or 0, w.day or 0) for w in written):
            continue
        offsets = {_day_offsets(written[0], written[2]), _day_offsets(written[1], written[3])}
        offset = offsets.pop() if len(offsets) == 1 else None
        if offset is not None and abs(offset) in {10, 11, 12, 13}:
            old = written[:2] if offset > 0 else written[2:]
            yield Expression(start, end, "range", old[0], old[1], style="old",
                             both_calendars=True)
            return


def _list(kind: str, match: re.Match[str], text: str, lang: str = "en"
          ) -> Iterator[Expression]:
    """One expression per day of "the 2nd and the 9th of March 1921", "March 2 and 9"."""
    g = match.groupdict()
    month = _month(g["m"])
    year = _year(g.get("y"))
    if month is None:
        return
    body_start, body_end = match.span()
    day_token = re.compile(rf"(?:\b[Tt]he\s+)?(?:{_D}|{_ORD})")
    tokens = []
    month_start, month_end = match.span("m")
    search_from = month_end if kind == "list-md" else body_start
    search_to = (match.start("y") if g.get("y") else body_end) if kind == "list-md" \
        else month_start
    for token in day_token.finditer(text, search_from, search_to):
        number = re.search(rf"{_D}|{_ORD}", token.group())
        if number is None:
            continue
        # a German day is an ordinal number: its full stop is part of it ("9. und 10. Mai")
        end = token.end() + (lang == "de" and text[token.end():token.end() + 1] == ".")
        tokens.append((token.start(), end, day_number(number.group())))
    if len(tokens) < 2 or any(not valid(year, month, d) for _, _, d in tokens):
        return
    if any(b <= a for (_, _, a), (_, _, b) in pairwise(tokens)) or \
            _NO_YEAR_BEFORE.search(text[:body_start]):
        return                                  # "No. 30, 20 April": a number, then a date
    for index, (start, end, day) in enumerate(tokens):
        last = index == len(tokens) - 1
        if kind == "list-md" and index == 0:
            start = body_start                  # "March 2" carries the month
        if last and kind != "list-md":
            end = body_end                      # "the 9th of March 1921" carries month and year
        elif last:
            end = body_end
        yield Expression(start, end, "point", Written(year, month, day), phrase_end=body_end,
                         lang=lang)


def _after_preposition(text: str, start: int) -> bool:
    words = re.findall(r"[^\W\d_]+", text[max(0, start - 20):start])
    return bool(words) and words[-1].lower() in PREPOSITIONS


def find_expressions(text: str, bare_years: bool = False,
                     language: str = "en") -> tuple[Expression, ...]:
    """Non-overlapping date expressions in ``text``: leftmost, then longest. ``bare_years``:
    a year standing alone is a date (header fields, the trailer) even without a preposition.
    ``language``: the text's; a date two languages spell alike ("Mai 1919" in French and
    German, "November 1918" in English and German) is read as written in it.

    Kept for the paragraphs last asked about: the date pass reads each paragraph twice (for
    the years the narrative names, then for its dates)."""
    return _expressions(text, bool(bare_years), language)


@lru_cache(maxsize=1024)
def _expressions(text: str, bare_years: bool, language: str) -> tuple[Expression, ...]:
    candidates: list[tuple[int, int, str, str, re.Match[str]]] = []
    for key, pattern in patterns():
        kind, lang = key.split(":")
        for match in pattern.finditer(text):
            start, end = match.span("x") if match.groupdict().get("x") else match.span()
            candidates.append((start, end, kind, lang, match))
    # leftmost, then longest, then of the text's language (the table lists English first)
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[3] != language))
    out: list[Expression] = []
    last_end = -1
    for start, _end, kind, lang, match in candidates:
        if start < last_end:
            continue
        found = list(_read(kind, lang, match, text, bare_years))
        if not found:
            continue
        out.extend(found)
        last_end = max(e.end for e in found)
    return tuple(out)


