"""Money: amounts of a currency as ``measure`` (``@type="currency"``, ``@quantity``, ``@unit``).

Recognised expressions (see ``docs/encoding.md``):

- a number and a currency's name: "500 rubles", "ten pounds sterling", "100,000 francs",
  "2.50 dollars", "5 million marks", and numbers in words: "a hundred rubles", "five million
  francs", "two hundred and fifty roubles";
- a currency sign before a number: "$1,000", "€30", "$5 million"; pounds, shillings and pence:
  "£3 10s.", "£3 10s. 6d." (the quantity in pounds: 3.5, 3.525), "10s. 6d.", "6d.".

``@quantity`` is the amount as a number (``teidata.numeric``), ``@unit`` the currency's name in
the singular ("rouble" for "rubles" and "roubles" alike: one unit, two spellings). Nothing else
is money: "roubles" without a number ("paid in roubles"), "some francs", "pounds of flour" (a
weight), "question marks".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from teikit.convert.model import BlockKind, Span, Transcription
from teikit.convert.passes.base import NoOptions, PassResult, clashes

CONCERN = "money"

# the currency's name as written (singular or plural) → its unit
CURRENCY_NAMES = {
    "rouble": "rouble", "roubles": "rouble", "ruble": "rouble", "rubles": "rouble",
    "kopeck": "kopeck", "kopecks": "kopeck", "kopek": "kopeck", "kopeks": "kopeck",
    "franc": "franc", "francs": "franc", "centime": "centime", "centimes": "centime",
    "dollar": "dollar", "dollars": "dollar", "cent": "cent", "cents": "cent",
    "pound": "pound", "pounds": "pound", "shilling": "shilling", "shillings": "shilling",
    "penny": "penny", "pence": "penny", "guinea": "guinea", "guineas": "guinea",
    "mark": "mark", "marks": "mark", "pfennig": "pfennig", "pfennigs": "pfennig",
    "crown": "crown", "crowns": "crown", "kronen": "crown", "korona": "crown",
    "lira": "lira", "lire": "lira", "peseta": "peseta", "pesetas": "peseta",
    "yen": "yen", "zloty": "zloty", "zlotys": "zloty", "euro": "euro", "euros": "euro",
}
SIGNS = {"£": "pound", "$": "dollar", "€": "euro", "¥": "yen", "₽": "rouble"}
# a unit with another meaning where a word like these follows ("pounds of flour", "marks of
# respect", "crowns of the kings", "cents of the dollar" stays money only as "cents")
OTHER_SENSE = {"pound", "mark", "crown"}

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

_WORD_NUMBER = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_SMALL = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{'|'.join(UNITS)}))?|(?:{'|'.join(UNITS)}))"
# "five million", "two hundred and fifty", "a hundred", "one thousand five hundred"
_IN_WORDS = (rf"(?:(?:(?:an?|{_SMALL})\s+)?(?:hundred|thousand|million|billion)"
             rf"(?:(?:\s+and)?\s+(?:{_WORD_NUMBER})(?:[-\s](?:{_WORD_NUMBER}))*)*|{_SMALL})")
# figures: "100,000", "2.50"; as French and German print them, "3 000" (a space, a no-break
# or a thin space between the thousands) and "2,50" (a decimal comma before one or two digits)
_THOUSANDS_SPACE = "\u0020\u00a0\u202f\u2009"
_FIGURES = (rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[{_THOUSANDS_SPACE}]\d{{3}})+(?:,\d+)?"
            r"|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?")
_SCALE = r"(?:\s+(?P<scale>thousand|million|billion))?"
_NAME = "|".join(sorted(CURRENCY_NAMES, key=len, reverse=True))
_START = r"(?<![\w.,$£€¥₽-])"
_END = r"(?![\w’'-])"

NAMED = re.compile(
    rf"{_START}(?:(?P<figures>{_FIGURES}){_SCALE}|(?P<words>{_IN_WORDS}))\s+"
    rf"(?P<name>{_NAME})(?:\s+sterling)?{_END}", re.IGNORECASE)
SIGNED = re.compile(rf"{_START}(?P<sign>[£$€¥₽])\s?(?P<figures>{_FIGURES}){_SCALE}"
                    rf"(?:\s+(?P<s>\d{{1,2}})s\.?(?:\s+(?P<d>\d{{1,2}})d\.?)?)?{_END}")
# "10s. 6d.", "6d.": shillings and pence without pounds
SHILLINGS = re.compile(rf"{_START}(?:(?P<s>\d{{1,2}})s\.(?:\s+(?P<d>\d{{1,2}})d\.)?"
                       rf"|(?P<pence>\d{{1,2}})d\.)(?!\w)")
# a cheap first look: most paragraphs name no currency at all
_ANY_CURRENCY = re.compile(rf"[£$€¥₽]|\d[sd]\.|\b(?:{_NAME})\b", re.IGNORECASE)
_OTHER_SENSE_AFTER = re.compile(r"^\s+(?:of|per|weight|in weight)\b")


# the money pass has no settings: its options are the empty ones every such pass shares
MoneyOptions = NoOptions


def run(doc: Transcription, earlier: Sequence[Span], options: MoneyOptions) -> PassResult:
    """Propose a ``measure`` for every amount of money outside earlier atomic spans."""
    by_block: dict[int, list[Span]] = {}
    for span in earlier:
        if span.tag is not None:
            by_block.setdefault(span.block, []).append(span)
    spans: list[Span] = []
    for block in doc.blocks:
        if block.kind in {BlockKind.AUTHOR, BlockKind.TITLE, BlockKind.SUBTITLE}:
            continue
        for start, end, quantity, unit in find_amounts(block.text):
            if clashes(start, end, by_block.get(block.index, [])):
                continue
            spans.append(Span(block.index, start, end, "measure",
                              {"type": "currency", "quantity": quantity, "unit": unit},
                              concern=CONCERN))
    return PassResult(tuple(spans))


def find_amounts(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, quantity, unit) of each amount in ``text``: leftmost, then longest."""
    if not _ANY_CURRENCY.search(text):
        return []
    found: list[tuple[int, int, str, str]] = []
    for match in SIGNED.finditer(text):
        found.append((match.start(), match.end(), *_signed(match)))
    for match in NAMED.finditer(text):
        unit = CURRENCY_NAMES[match["name"].lower()]
        if unit in OTHER_SENSE and _OTHER_SENSE_AFTER.match(text[match.end():]):
            continue
        quantity = _figures(match["figures"], match["scale"]) if match["figures"] else \
            _in_words(match["words"])
        if quantity is not None:
            found.append((match.start(), match.end(), _numeric(quantity), unit))
    for match in SHILLINGS.finditer(text):
        if match["pence"]:
            found.append((match.start(), match.end(), match["pence"], "penny"))
        else:
            found.append((match.start(), match.end(),
                          *_pounds(Decimal(0), match["s"], match["d"], "shilling")))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str, str]] = []
    for amount in found:
        if out and amount[0] < out[-1][1]:
            continue
        out.append(amount)
    return out


def _signed(match: re.Match[str]) -> tuple[str, str]:
    unit = SIGNS[match["sign"]]
    amount = _figures(match["figures"], match["scale"])
    if unit == "pound" and match["s"]:
        return _pounds(amount, match["s"], match["d"], "pound")
    return _numeric(amount), unit


def _pounds(pounds: Decimal, shillings: str | None, pence: str | None,
            unit: str) -> tuple[str, str]:
    """£sd as one quantity: in pounds when there are pounds, else in shillings (20 shillings to
    the pound, 12 pence to the shilling), or in pence where that unit takes no exact decimal
    ("10s. 4d." is 124 pence, not 10.333… shillings)."""
    in_pence = pounds * 240 + int(shillings or 0) * 12 + int(pence or 0)
    if in_pence % 3:
        return _numeric(in_pence), "penny"
    return _numeric(in_pence / (240 if unit == "pound" else 12)), unit


def _figures(figures: str, scale: str | None) -> Decimal:
    """The number the figures write: "100,000" and "100 000" → 100000, "2,50" → 2.5."""
    digits = re.sub(f"[{_THOUSANDS_SPACE}]", "", figures)
    if re.fullmatch(r"\d+,\d{1,2}", digits) or (digits != figures and "," in digits):
        digits = digits.replace(",", ".")
    return Decimal(digits.replace(",", "")) * SCALES.get((scale or "").lower(), 1)


def _in_words(words: str) -> Decimal | None:
    """"two hundred and fifty" → 250; "a hundred" → 100; None for what is not a number."""
    total = current = 0
    for word in re.split(r"[-\s]+", words.lower()):
        if word in {"a", "an", "and"}:
            current = current or (1 if word != "and" else 0)
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
    return Decimal(total + current) if total + current else None


def _numeric(value: Decimal) -> str:
    """A ``teidata.numeric`` value: no exponent, no trailing zeros ("3.5", "100000")."""
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
