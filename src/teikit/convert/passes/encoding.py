"""Encoding repair: UTF-8 text that was once decoded with a single-byte code page.

"fa├žade" is "façade" whose UTF-8 bytes C3 A7 were read as CP852 ("├" = C3, "ž" = A7). In
general a damaged run is a sequence of characters that, encoded back with some code page, gives
a valid multi-byte UTF-8 sequence: a lead byte (C2–F4) followed by its continuation bytes
(80–BF). Such sequences almost never occur in genuine text, and single accented letters, curly
quotes and dashes never form one on their own, so nothing undamaged is touched.

Text copied from a web page's source may keep its character references: "&quot;", "&#8220;",
"&amp;". Each is repaired to the character it names, the same way.

The repair keeps the original reading: ``choice/sic`` + ``corr`` (``@type="encoding"``,
``@subtype`` naming the code page, or ``html-reference``; ``@resp`` the converter).
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from teikit.config import TextSettings
from teikit.convert.model import Node, Span, Transcription
from teikit.convert.passes.base import PassResult
from teikit.register.entries import Register

CONCERN = "encoding"
CODE_PAGES = ("cp1252", "latin-1", "cp850", "cp437", "cp852")
# what a repair of a character reference records instead of a code page
HTML_REFERENCE = "html-reference"
# "&quot;", "&#8220;", "&#x2019;": a reference ends with ";" ("AT&T", "R&D" are not one)
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_XML_CHARACTER = re.compile("[\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_WORD_CHAR = re.compile(r"[^\W_]")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")   # damage starts at one: the rest is skipped at once


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    original: str
    repaired: str
    code_page: str
    lost_byte: bool = False     # the last byte of the sequence was lost (see _LOST_LAST_BYTE)


# A strict CP1252 decoder drops the bytes the code page leaves undefined. Of the punctuation
# UTF-8 spells E2 80 xx, only the right double quotation mark (E2 80 9D) ends in such a byte, so
# "â€" (E2 80) followed by anything that cannot continue the sequence is "”" whose 9D was lost.
_LOST_LAST_BYTE = {("cp1252", "â€"): "”"}


# bytes that Windows-1252 leaves undefined; lenient decoders (Windows', the WHATWG encoding
# standard's) pass them through as the C1 control characters of the same number, so "”" (E2 80
# 9D) read as CP1252 shows as "â€" followed by U+009D
_CP1252_PASSED_THROUGH = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def _byte(char: str, code_page: str) -> int | None:
    if code_page == "cp1252" and ord(char) in _CP1252_PASSED_THROUGH:
        return ord(char)
    try:
        encoded = char.encode(code_page)
    except UnicodeEncodeError:
        return None
    return encoded[0] if len(encoded) == 1 else None


def _sequence_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _plausible(char: str) -> bool:
    return not char.isascii() and unicodedata.category(char)[0] in "LPSN"


def _script(char: str) -> str:
    """The script of a letter ("LATIN", "CYRILLIC", …); "" for anything else."""
    if not unicodedata.category(char).startswith("L"):
        return ""
    return unicodedata.name(char, "").split(" ")[0]


def _common_in_latin_text(char: str) -> bool:
    """Letters and signs that real Latin-script text is full of (and mojibake usually hides):
    Latin-1, Latin Extended-A/B and Additional, general punctuation (’ “ – …), currency (€)."""
    code = ord(char)
    return (0xA0 <= code <= 0x24F or 0x1E00 <= code <= 0x1EFF or 0x2010 <= code <= 0x206F
            or 0x20A0 <= code <= 0x20CF or char == "™")


def _fits_context(text: str, start: int, end: int, repaired: str) -> bool:
    """A repair must make sense where it stands: its characters are the common ones of Latin
    text, or letters sharing the script of the letters around the damaged run, or a run of
    several letters of one script (a Cyrillic word read as CP1252). This rejects, say, an
    accented capital before a closing quote ("É”") read as one IPA or Arabic letter."""
    unusual = [ch for ch in repaired if not _common_in_latin_text(ch)]
    if not unusual:
        return True
    scripts = {_script(ch) for ch in unusual}
    if "" in scripts or "LATIN" in scripts or len(scripts) != 1:
        return False  # rare signs, or Latin letters no mis-decoded Latin text produces (IPA …)
    neighbours = {_script(ch) for ch in text[max(0, start - 3):start] + text[end:end + 3]}
    return scripts <= neighbours or len(unusual) >= 2


def find_repairs(text: str) -> list[Repair]:
    """Every repair ``text`` needs, in order: runs of mis-decoded UTF-8 and character
    references."""
    return sorted([*find_damage(text), *_references(text)], key=lambda repair: repair.start)


def _references(text: str) -> Iterator[Repair]:
    """HTML character references, each with the character it names (one that names nothing,
    or a character XML cannot hold, stays as it is)."""
    for match in _CHARACTER_REFERENCE.finditer(text):
        meant = html.unescape(match.group())
        if meant != match.group() and "\ufffd" not in meant and all(
                _XML_CHARACTER.fullmatch(char) for char in meant):
            yield Repair(match.start(), match.end(), match.group(), meant, HTML_REFERENCE)


def repair_kind(subtype: str) -> str:
    """What ``corr/@subtype`` says was repaired, in words."""
    if subtype == HTML_REFERENCE:
        return "an HTML character reference"
    page = subtype.removeprefix("utf8-as-")
    if page.endswith(TWICE):
        return f"UTF-8 read as {page.removesuffix(TWICE).upper()}, twice over"
    return f"UTF-8 read as {page.upper()}"


TWICE = "-twice"     # a code page's suffix for UTF-8 mis-decoded twice over


def find_damage(text: str) -> Iterator[Repair]:
    """Yield each maximal run of mis-decoded UTF-8 in ``text`` with its repair (a run whose
    repair is itself damage all through, "Ã¢â‚¬â„¢" → "â€™" → "’", is repaired twice)."""
    position = 0
    while (suspect := _NOT_ASCII.search(text, position)) is not None:
        position = suspect.start()
        found = _damage_at(text, position)
        if found is None:
            position += 1
            continue
        again = list(find_damage(found.repaired)) if not found.code_page.endswith(TWICE) else []
        if again and sum(r.end - r.start for r in again) == len(found.repaired) and len(
                {r.code_page for r in again}) == 1 and again[0].code_page == found.code_page:
            found = Repair(found.start, found.end, found.original,
                           "".join(r.repaired for r in again), found.code_page + TWICE,
                           found.lost_byte or any(r.lost_byte for r in again))
        yield found
        position = found.end


def repaired(text: str) -> str:
    """``text`` with every mis-decoded run repaired: the corrected reading, for places that
    hold plain text rather than ``choice`` (the header's titles, names and statements)."""
    result, cursor = "", 0
    for repair in find_repairs(text):
        result += text[cursor:repair.start] + repair.repaired
        cursor = repair.end
    return result + text[cursor:]


def _damage_at(text: str, position: int) -> Repair | None:
    if text[position].isascii():
        return None
    best: Repair | None = None
    for code_page in CODE_PAGES:
        end, repaired = position, ""
        while end < len(text):
            lead = _byte(text[end], code_page)
            length = _sequence_length(lead) if lead is not None else 0
            if not length or end + length > len(text):
                break
            raw = [_byte(ch, code_page) for ch in text[end:end + length]]
            if any(b is None for b in raw):
                break
            try:
                char = bytes(raw).decode("utf-8")  # type: ignore[arg-type]
            except UnicodeDecodeError:
                break
            if not _plausible(char):
                break
            repaired += char
            end += length
        lost = False
        for (page, damaged), meant in _LOST_LAST_BYTE.items():
            if page == code_page and text.startswith(damaged, end) and not _continues(
                    text, end + len(damaged), code_page):
                repaired += meant
                end += len(damaged)
                lost = True
        if repaired and _fits_context(text, position, end, repaired) and (
                best is None or end > best.end):
            best = Repair(position, end, text[position:end], repaired, code_page, lost)
    return best


def _continues(text: str, index: int, code_page: str) -> bool:
    """Whether ``text[index]`` read in ``code_page`` is a UTF-8 continuation byte (80–BF)."""
    if index >= len(text):
        return False
    byte = _byte(text[index], code_page)
    return byte is not None and 0x80 <= byte <= 0xBF


@dataclass(frozen=True)
class EncodingOptions:
    converter_ref: str = "#teikit"   # who made the repairs (``corr/@resp``)

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> EncodingOptions:
        return cls()


def run(doc: Transcription, earlier: Sequence[Span], options: EncodingOptions) -> PassResult:
    """Propose ``choice/sic/corr`` for every damaged word."""
    spans: list[Span] = []
    for block in doc.blocks:
        for start, end, repairs in _by_word(block.text, find_repairs(block.text)):
            original = block.text[start:end]
            corrected, cursor = "", start
            for repair in repairs:
                corrected += block.text[cursor:repair.start] + repair.repaired
                cursor = repair.end
            corrected += block.text[cursor:end]
            pages = "+".join(dict.fromkeys(r.code_page for r in repairs
                                           if r.code_page != HTML_REFERENCE))
            subtype = "+".join([*([f"utf8-as-{pages}"] if pages else []), *(
                [HTML_REFERENCE] if any(r.code_page == HTML_REFERENCE for r in repairs) else [])])
            # a byte that was lost is restored by inference, not read back: less certain
            cert = "medium" if any(r.lost_byte for r in repairs) else "high"
            spans.append(Span(
                block=block.index, start=start, end=end, tag="choice", atomic=True,
                open_len=end - start, priority=100, concern=CONCERN,
                content=(
                    Node("sic", text=original),
                    Node("corr", {"type": "encoding", "subtype": subtype,
                                  "resp": options.converter_ref, "cert": cert}, corrected),
                ),
            ))
    return PassResult(tuple(spans))


def _by_word(text: str, repairs: list[Repair]) -> Iterator[tuple[int, int, list[Repair]]]:
    """Group repairs into the words they damage: one ``choice`` per word."""
    group: list[Repair] = []
    start = end = 0
    for repair in repairs:
        word_start, word_end = _word_around(text, repair.start, repair.end)
        if group and word_start < end:
            group.append(repair)
            end = max(end, word_end)
            continue
        if group:
            yield start, end, group
        group, start, end = [repair], word_start, word_end
    if group:
        yield start, end, group


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end
