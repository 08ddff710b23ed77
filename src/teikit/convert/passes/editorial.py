"""Editorial apparatus: bracketed insertions, omission marks, footnote markers.

- ``[…]`` with text: an editorial ``note`` (``@resp`` = the editor). A bracket holding a whole
  sentence that stands between sentences is a *paraphrase* of an omitted passage (the headnote's
  "short paraphrase in italics within brackets"); anything else is a *gloss* (an identification
  or an expansion such as "[S-Rs]"); "[sic]" is a note of its own type. A trailing signature
  moves into ``@resp`` and ``@rend``: "– Ed." the editor, "– Trans." the translator, "– MIA" the
  transcriber (when the header names them).
- ``[illegible]``, ``[two words illegible]``, ``[manuscript damaged]``: what the transcriber could
  not read, ``gap`` (``@reason`` "illegible", "damage", "lost"; ``@quantity`` and ``@unit``
  when the bracket counts the words; ``@rend`` the bracket as printed).
- ``...`` / ``…`` / ``. . .``: an omission, ``gap``. Outside quotations the omission is the
  editor's condensation (``@reason="editorial"``, ``@resp``); inside a quotation the text does
  not say whose it is (``@reason="omitted"``). ``@rend`` keeps the sign as printed.
- ``[1]`` (or ``¹``, ``@rend="superscript"``) where the text has a Notes section with note 1: a
  footnote ``note`` at the marker (the note's text is attached when the TEI is assembled); a
  sign such as ``*`` or ``†`` after a word, where a note of that sign ends the text, likewise
  (``@n`` the sign).

Authorial parentheses — "(sic)", "(!)" — are text and stay text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from teikit.config import TextSettings
from teikit.convert.conventions import (
    BRACKETS_REND,
    NOTE_SIGN_MARKER,
    NOTE_WRITERS,
    OMISSION_SIGN,
    SIGNATURE_DASHES,
    SIGNATURE_TOKENS,
    SIGNATURES,
    SUPERSCRIPT_DIGITS,
    SUPERSCRIPT_REND,
    UNREAD_COUNTS,
    UNREAD_UNITS,
    UNREAD_WORDS,
)
from teikit.convert.directions import direction_kind
from teikit.convert.model import QUOTED_KINDS, BlockKind, Span, Transcription
from teikit.convert.page_marks import is_page_marker
from teikit.convert.passes.base import PassResult
from teikit.register.entries import Register

CONCERN = "editorial"
QUOTATION_TAGS = frozenset({"quote", "q", "soCalled", "said"})

# a bracket may run over a line break of a hard-wrapped paragraph (a block has no blank line)
_BRACKET = re.compile(r"\[(?P<body>[^\[\]]+)\]")
_SIGNATURE = re.compile(
    r"\s+(?P<dash>[–—-])\s+(?P<word>" + "|".join(re.escape(w) for w in SIGNATURE_TOKENS) + r")$")
# the header field that names each signer, by role
_ROLE_FIELDS = {"translator": "translation", "transcriber": "transcription"}
# "[sic]", "[sic!]": the editor vouches for the reading before it
_SIC = re.compile(r"^sic!?$", re.IGNORECASE)
# "…1,466,000.¹": a marker in superscript digits, right after a word or a sign
_SUPERSCRIPT_MARKER = re.compile(
    rf"(?<=\S)(?<![{SUPERSCRIPT_DIGITS}])[{SUPERSCRIPT_DIGITS[1:]}][{SUPERSCRIPT_DIGITS}]{{0,2}}"
    rf"(?![{SUPERSCRIPT_DIGITS}])")
_NOTE_WRITER = re.compile(
    r"^(?P<who>" + "|".join(re.escape(w) for w in NOTE_WRITERS) + r")(?:['’]s?)?\s+[Nn]ote\b")
_SENTENCE = re.compile(r"^[A-Z“‘\"'(].*[.!?…][”’\"')]?$")


@dataclass(frozen=True)
class EditorialOptions:
    editor_ref: str = "#ed"   # who wrote the brackets and condensed the text

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> EditorialOptions:
        return cls(settings.editor_ref)


def run(doc: Transcription, earlier: Sequence[Span], options: EditorialOptions) -> PassResult:
    # the numbers of the notes of each notes section: a chapter's markers are the notes under
    # that chapter
    numbers: dict[int, set[str]] = defaultdict(set)
    for footnote in doc.of_kind(BlockKind.FOOTNOTE):
        numbers[doc.note_scope(footnote.index)].add(footnote.key)
    quotations: dict[int, list[Span]] = defaultdict(list)   # by block: one lookup per block
    for earlier_span in earlier:
        if earlier_span.tag in QUOTATION_TAGS:
            quotations[earlier_span.block].append(earlier_span)
    spans: list[Span] = []
    for block in doc.blocks:
        if block.kind in (BlockKind.FIELD, BlockKind.TRAILER):
            continue
        taken: list[tuple[int, int]] = []
        # a notes section holds the notes, not their markers, and so does what comes after
        # the last of them (the archive's trailer)
        footnotes = numbers.get(doc.note_scope(block.index), set())
        markers_allowed = not doc.in_notes(block.index) and \
            doc.note_scope(block.index) < len(doc.notes_sections)
        for match in _BRACKET.finditer(block.text):
            span = _bracket(doc, options, block.index, match, footnotes, markers_allowed)
            if span is not None:
                taken.append((span.start, span.end))
                spans.append(span)
        if markers_allowed:
            for match in _SUPERSCRIPT_MARKER.finditer(block.text):
                number = "".join(str(SUPERSCRIPT_DIGITS.index(d)) for d in match[0])
                if number in footnotes:
                    spans.append(_footnote_marker(block.index, match.start(), match.end(),
                                                  number, SUPERSCRIPT_REND))
            for match in NOTE_SIGN_MARKER.finditer(block.text):
                if match.group(0) in footnotes:
                    spans.append(_footnote_marker(block.index, match.start(), match.end(),
                                                  match.group(0)))
        # a table of contents' leader dots ("The Strike .... 14") omit nothing
        omissions = () if block.kind is BlockKind.CONTENTS_ENTRY else \
            OMISSION_SIGN.finditer(block.text)
        for match in omissions:
            if any(a <= match.start() < b for a, b in taken):
                continue
            in_quotation = block.kind in QUOTED_KINDS or any(
                q.inner[0] <= match.start() < q.inner[1] for q in quotations.get(block.index, ()))
            spans.append(_gap(options, block.index, match.start(), match.end(), match.group(0),
                              in_quotation))
    return PassResult(tuple(spans))


def _bracket(doc: Transcription, options: EditorialOptions, block: int, match: re.Match[str],
             footnotes: set[str], markers_allowed: bool) -> Span | None:
    body = match.group("body")
    start, end = match.start(), match.end()
    if is_page_marker(match.group(0)):
        return None     # "[Page 55]": the printed source's page (passes/pages.py)
    if doc.is_speech and direction_kind(body) is not None:
        return None     # "[Applause.]" in a speech's record: a stage direction (passes/stage.py)
    if body.isdigit():
        return _footnote_marker(block, start, end, body) if markers_allowed and \
            body in footnotes else None
    if OMISSION_SIGN.fullmatch(body.strip()):
        return _gap(options, block, start, end, match.group(0), in_quotation=False)
    if (unread := unread_gap(body)) is not None:
        return Span(block, start, end, "gap", {**unread, "rend": match.group(0)},
                    open_len=end - start, atomic=True, priority=85, concern=CONCERN)
    signature = _SIGNATURE.search(body)
    content = body[:signature.start()] if signature else body
    if _SIC.match(content.strip()):
        kind = "sic"
    else:
        kind = "paraphrase" if _is_paraphrase(match, content) else "gloss"
    rend, resp = BRACKETS_REND, options.editor_ref
    if signature:
        token = SIGNATURE_TOKENS[signature.group("word")]
        rend += f" {token}"
        rend += "".join(f" {name}" for name, dash in SIGNATURE_DASHES.items()
                        if dash == signature.group("dash"))
        role = SIGNATURES[token][1]
        if role in _ROLE_FIELDS and doc.stated(_ROLE_FIELDS[role]) is not None:
            resp = f"#{role}"
    elif (writer := _NOTE_WRITER.match(content.strip())) is not None:
        role = NOTE_WRITERS[writer.group("who")]
        if role in _ROLE_FIELDS and doc.stated(_ROLE_FIELDS[role]) is not None:
            resp = f"#{role}"
    return Span(block, start, end, "note",
                {"type": kind, "resp": resp, "place": "inline", "rend": rend},
                open_len=1, close_len=1 + (len(body) - len(content)), priority=80,
                concern=CONCERN)


_UNIT = rf"(?:{'|'.join(UNREAD_UNITS)})s?"
_UNREAD = re.compile(
    r"(?:(?:the\s+)?(?:manuscript|original|text|page|paper|document)\s+)??"
    rf"(?:(?P<count>[1-9]\d{{0,2}}|{'|'.join(UNREAD_COUNTS)})\s+)?(?:(?P<unit>{_UNIT})\s+)?"
    rf"(?P<what>{'|'.join(UNREAD_WORDS)})(?:\s+(?P<after>{_UNIT}))?\.?", re.IGNORECASE)
# gap/@unit for the words the bracket counts in
_UNIT_OF = {"word": "word", "line": "line", "letter": "char"}


def unread_gap(body: str) -> dict[str, str] | None:
    """A gap's ``@reason`` (and ``@quantity``, ``@unit``) for the words of a bracket that says
    the text could not be read ("illegible", "two words illegible", "illegible word",
    "manuscript damaged"), else None."""
    match = _UNREAD.fullmatch(body.strip())
    if match is None:
        return None
    attrs = {"reason": UNREAD_WORDS[match.group("what").lower()]}
    unit = (match.group("unit") or match.group("after") or "").lower()
    count = (match.group("count") or "").lower()
    if unit:
        attrs["unit"] = _UNIT_OF[unit.removesuffix("s")]
        if count or not unit.endswith("s"):   # "illegible word": one
            attrs["quantity"] = str(UNREAD_COUNTS[count] if count in UNREAD_COUNTS
                                    else int(count or 1))
    return attrs


def _footnote_marker(block: int, start: int, end: int, number: str, rend: str | None = None
                     ) -> Span:
    """The footnote ``note`` at a marker ("[1]", "¹"), which it replaces whole."""
    attrs = {"type": "footnote", "place": "foot", "n": number}
    if rend:
        attrs["rend"] = rend
    return Span(block, start, end, "note", attrs, open_len=end - start, atomic=True,
                priority=90, concern=CONCERN)


def _is_paraphrase(match: re.Match[str], content: str) -> bool:
    """A whole sentence standing where text was left out, not a word-level gloss."""
    text = match.string
    before = text[:match.start()].rstrip()
    standalone = not before or before[-1] in ".!?…:”’"
    return standalone and len(content.split()) >= 4 and bool(_SENTENCE.match(content.strip()))


def _gap(options: EditorialOptions, block: int, start: int, end: int, sign: str,
         in_quotation: bool) -> Span:
    attrs = {"reason": "omitted", "rend": sign} if in_quotation else {
        "reason": "editorial", "resp": options.editor_ref, "rend": sign}
    return Span(block, start, end, "gap", attrs, open_len=end - start, atomic=True,
                priority=85, concern=CONCERN)
