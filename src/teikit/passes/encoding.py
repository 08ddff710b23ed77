"""Encoding repair: UTF-8 text that was once decoded with a single-byte code page.

"fa├žade" is "façade" whose UTF-8 bytes C3 A7 were read as CP852 ("├" = C3, "ž" = A7). In
general a damaged run is a sequence of characters that, encoded back with some code page, gives
a valid multi-byte UTF-8 sequence: a lead byte (C2–F4) followed by its continuation bytes
(80–BF). Such sequences almost never occur in genuine text, and single accented letters, curly
quotes and dashes never form one on their own, so nothing undamaged is touched.

The repair keeps the original reading: ``choice/sic`` + ``corr`` (``@type="encoding"``,
``@subtype`` naming the code page, ``@resp`` the converter).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from teikit.model import Node, Span, Transcription

CODE_PAGES = ("cp1252", "latin-1", "cp850", "cp437", "cp852")
_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    original: str
    repaired: str
    code_page: str


def _byte(char: str, code_page: str) -> int | None:
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


def _plausible(repaired: str) -> bool:
    return all(not ch.isascii() and unicodedata.category(ch)[0] in "LPSN" for ch in repaired)


def find_damage(text: str) -> Iterator[Repair]:
    """Yield each maximal run of mis-decoded UTF-8 in ``text`` with its repair."""
    position = 0
    while position < len(text):
        found = _damage_at(text, position)
        if found is None:
            position += 1
            continue
        yield found
        position = found.end


def _damage_at(text: str, position: int) -> Repair | None:
    if text[position].isascii():
        return None
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
        if repaired:
            return Repair(position, end, text[position:end], repaired, code_page)
    return None


class EncodingRepairPass:
    """Propose ``choice/sic/corr`` for every damaged word."""

    concern = "encoding"

    def __init__(self, converter_ref: str = "#teikit") -> None:
        self.converter_ref = converter_ref
        self.warnings: list[str] = []

    def propose(self, doc: Transcription, earlier: Sequence[Span]) -> Iterable[Span]:
        for block in doc.blocks:
            for repair in find_damage(block.text):
                start, end = _word_around(block.text, repair.start, repair.end)
                original = block.text[start:end]
                corrected = (block.text[start:repair.start] + repair.repaired
                             + block.text[repair.end:end])
                yield Span(
                    block=block.index, start=start, end=end, tag="choice", atomic=True,
                    open_len=end - start, priority=100, concern=self.concern,
                    content=(
                        Node("sic", text=original),
                        Node("corr", {"type": "encoding", "subtype": f"utf8-as-{repair.code_page}",
                                      "resp": self.converter_ref, "cert": "high"}, corrected),
                    ),
                )


def _word_around(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    return start, end
