"""Quotations: “…” (and ‘…’ nested inside) as ``quote``, ``q`` or ``soCalled``, and the works a
text names in them as ``title``.

Rules (see ``docs/entities.md``):

- Marks pair up as written: “ with ”, ‘ with ’, « with », straight quotes alternately. A ’ between
  letters is an apostrophe ("People’s"); a ’ after an "s" that is followed by a lower-case word
  ("workers’ union") is a plural possessive unless no other closing mark could end the quotation
  or another quotation opens first. In a block quotation (outer marks already stripped by ingest)
  every quotation found is nested. An unbalanced mark stays text and is reported in ``warnings``.
- Kind: a segment is cited speech or writing (``quote``) when it is a block quotation, when a
  reporting clause is attached to it ("says Trotsky", "he said", "wrote:", the cries a record
  reports: "cries of “Shame!”"), when it has five words or more, or when it ends like a
  sentence and has three words or more; otherwise — a word
  or a short phrase with none of these, or any phrase after "the term", "so-called",
  "appellation" — it is a scare quote or an irony (``soCalled``).
- Title: a segment in title case (every word but articles, conjunctions and prepositions
  capitalised) is the title of a work, ``title[@level]`` with its marks in ``@rend``, after a
  noun of a work ("his pamphlet", "the article", "a song entitled"; the noun gives the level,
  :data:`WORK_KINDS`), or anywhere unless it is cited (a speaker, a reporting clause) or ends
  like a statement or a cry ("“All Power to the Soviets!”" stays a quotation).
- Speaker: "says X" / "X said" next to the segment, a sentence ending in ":" whose subject is a
  name before a reporting verb ("Sadoul wrote to Albert Thomas:"), "… by X:", a pronoun ("he
  said", "He wrote:") standing for the last person named before it, "these words of X". Persons
  and organisations become ``@who`` (the element becomes ``q``); a periodical becomes ``@source``.
  A block quotation records its speaker in ``@source`` (``quote`` has no ``@who``). Segments of
  one quotation interrupted by the reporting clause share the speaker.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from teikit.config import TextSettings
from teikit.convert.conventions import MARKS_TO_REND
from teikit.convert.model import QUOTED_KINDS, Block, BlockKind, Span, Transcription
from teikit.convert.passes.base import PassResult
from teikit.register.entries import EMPTY_REGISTER, EntityKind, Entry, Register
from teikit.register.matcher import FormMatcher, Mention

CONCERN = "quotes"
PRIORITY = 50            # above names and dates: a quotation contains them
OPENERS = {"“": "”", "‘": "’", "«": "»", "„": "“", "‚": "‘"}
# German books also quote »so«: in a German text "»" opens and "«" closes
OPENERS_OF_LANGUAGE = {"de": {**OPENERS, "»": "«"}}
STRAIGHT = {'"', "'"}
# the mark that closes each opening one
_CLOSING_MARK = {**OPENERS, "'": "'", "»": "«"}
# every mark that opens or closes in some language: the pairing looks at these only
_ANY_MARK = re.compile("[" + re.escape("".join(sorted(
    {*_CLOSING_MARK, *_CLOSING_MARK.values(), *STRAIGHT}))) + "]")
REPORTING = (r"say|says|said|saying|write|writes|wrote|written|writing|declare|declares|declared|"
             r"state|states|stated|add|adds|added|reply|replies|replied|answer|answers|answered|"
             r"ask|asks|asked|argue|argues|argued|announce|announces|announced|exclaim|exclaimed|"
             r"cry|cried|shout|shouted|tell|tells|told|cite|cited|quote|quoted|sum|summed|"
             r"publish|published|proclaim|proclaimed|mention|mentioned|remark|remarked|"
             r"insist|insisted|explain|explained|urge|urged|continue|continued")
_REPORTING_WORD = re.compile(rf"\b(?:{REPORTING})\b")
_AFTER_CLAUSE = re.compile(
    rf"^\s*,?\s*(?:(?P<verb1>{REPORTING})\s+(?P<who1>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|"
    rf"(?:a|an|the|one)\b[^,.;:“”]*?)|(?P<who2>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|he|she|they|"
    rf"He|She|They)\s+(?P<verb2>{REPORTING}))\b")
# a German or French reporting verb right after a quotation ("…“ rief die Menge", "… »,
# disait-il", "… », a déclaré le secrétaire"): cited speech (who spoke is not read in these
# languages)
_REPORTED_AFTER = re.compile(
    r"^\s*,?\s*(?:sagte|sagten|sagt|schrieb|schrieben|schreibt|rief|riefen|ruft|erklärte|"
    r"erklärten|erklärt|antwortete|antworteten|fragte|fragten|meinte|verkündete|hieß|heißt|"
    r"dit|disait|disaient|dirent|déclara|déclarait|déclare|écrivait|écrivit|écrit|répondit|"
    r"répondait|répond|cria|criait|criaient|s[’']écria|ajouta|ajoute|demanda|affirma|affirme|"
    r"proclama|proclame|(?:a|ont|avait|avaient)\s+(?:dit|déclaré|écrit|répondu|crié|ajouté|"
    r"demandé|affirmé|proclamé|lancé|répété))(?![\w’'])")
SO_CALLED_CUES = re.compile(r"(?:so-called|the term|the word|the words|appellation(?: of)?|"
                            r"called|dubbed|styled|nicknamed|the name(?: of)?)\s*$", re.I)
PRONOUNS = re.compile(r"\b(?:he|she|He|She)\b")
AS_PUT = re.compile(
    r"\s*,?\s*as\s+(?:[\w’']+\s+){0,3}(?:put it|said|says|wrote|writes|called it)\b")
MEMBER_OF = re.compile(r"\b(?:one|some|several|many|few|leaders?|members?|deputies|delegates?|"
                       r"representatives?|spokesm[ae]n)\s+of\s+(?:the\s+)?$", re.I)
# the hall's cries a record reports: "(Cries of “Shame!”)", "shouts of “Hurrah!”"
CRIES_OF = re.compile(r"\b(?:cries|cry|shouts?|exclamations?|calls?|chants?)\s+of\s*$", re.I)
# a work named in quotation marks, in title case: "his pamphlet “The State and Revolution”",
# "the article “Can the Bolsheviks Retain State Power?”", "replied with “The Dictatorship of the
# Proletariat”" — a title, not cited words; the noun before it, if any, gives its level (a book
# "m", a piece within one "a")
WORK_KINDS: dict[str, str] = {
    "pamphlet": "m", "pamphlets": "m", "book": "m", "books": "m", "novel": "m", "volume": "m",
    "brochure": "m", "play": "m", "work": "m", "article": "a", "articles": "a", "essay": "a",
    "poem": "a", "song": "a", "chapter": "a", "story": "a", "leaflet": "a", "manifesto": "a",
    "resolution": "a", "theses": "a", "speech": "a", "editorial": "a", "lecture": "a",
    "report": "a", "heading": "a", "headline": "a", "series": "a"}
_WORK_BEFORE = re.compile(
    rf"\b(?P<noun>{'|'.join(WORK_KINDS)})(?:\s+(?:of\s+\d{{4}}|(?:called|entitled|titled|headed|"
    r"named)))?[\s,:]*$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|his|her|its|their|our|your|my)\s*$",
                                re.IGNORECASE)
_TITLE_NAMED = re.compile(r"\b(?:entitled|titled|headed)[\s,:]*$", re.IGNORECASE)
_TITLE_SMALL_WORDS = frozenset({
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "to", "for", "with", "by",
    "at", "from", "as", "into", "via", "vs", "de", "du", "des", "la", "le", "les", "et"})
WORDS_OF = re.compile(r"^[^.!?]*?\b(?:words|saying|phrase|formula|slogan)\s+of\s+$")


@dataclass(frozen=True)
class Segment:
    block: int
    start: int               # at the opening mark
    end: int                 # after the closing mark
    opening: str
    closing: str
    depth: int               # 0 = outermost in the block's text

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + len(self.opening), self.end - len(self.closing)


def find_segments(text: str, depth_offset: int = 0, openers: Mapping[str, str] = OPENERS
                  ) -> tuple[list[Segment], list[int]]:
    """Pair quotation marks in ``text``; return (segments, positions of unbalanced marks).
    ``openers``: the opening marks of the text's language and what closes each."""
    segments: list[Segment] = []
    unbalanced: list[int] = []
    stack: list[tuple[int, str]] = []
    i = 0
    while (mark := _ANY_MARK.search(text, i)) is not None:
        i = mark.start()
        char = text[i]
        while char == '"' and stack and stack[-1][1] == "'" and any(
                mark == '"' for _, mark in stack) and i and not text[i - 1].isspace():
            stack.pop()     # a straight ' still open inside "…" was an apostrophe ("'Frisco")
        if stack and _closes(text, i, stack[-1][1], stack):
            start, opening = stack.pop()
            segments.append(Segment(-1, start, i + 1, opening, char, len(stack) + depth_offset))
        elif char in openers and not (char == "„" and stack and stack[-1][1] == "„"):
            if char == "‘" and _is_apostrophe_opening(text, i):
                i += 1
                continue
            stack.append((i, char))
        elif char == '"' or (char == "'" and _opens_straight_single(text, i)):
            stack.append((i, char))
        elif char == "”" or char == "»":
            unbalanced.append(i)
        i += 1
    # a straight single mark left open was an apostrophe after all ("'Frisco"), not a quotation
    unbalanced.extend(start for start, mark in stack if mark != "'")
    segments.sort(key=lambda s: (s.start, -s.end))
    return segments, sorted(unbalanced)


def _is_apostrophe_opening(text: str, i: int) -> bool:
    return i > 0 and text[i - 1].isalnum()


# words a straight apostrophe opens ("'tis", "'em"): an elision, not a quotation mark
_ELISIONS = re.compile(r"'(?:tis|twas|twere|em|cause|til|till|n'|neath|bout|ere)\b", re.I)


def _opens_straight_single(text: str, i: int) -> bool:
    """A straight ' opening a quotation: at the start of a word ("'the tanner'"), not in a
    word ("won't"), not before a number ("'89") and not an elision ("'tis")."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before.isspace() or before in "([“\"—–-/") and after.isalpha() and \
        _ELISIONS.match(text, i) is None


def _closes(text: str, i: int, opening: str, stack: list[tuple[int, str]]) -> bool:
    char = text[i]
    if opening == '"':
        return char == '"' and i > 0 and not text[i - 1].isspace()
    if char != _CLOSING_MARK[opening]:
        return False
    if opening not in ("‘", "'"):
        return True
    # ’ as a closing single mark, not an apostrophe
    after = text[i + 1] if i + 1 < len(text) else ""
    if after.isalnum():
        return False
    if i == 0 or text[i - 1].isspace():
        return False
    possessive = text[i - 1] == "s" and re.match(r"\s+[a-z]", text[i + 1:]) is not None
    if not possessive:
        return True
    rest = text[i + 1:]
    enclosing_end = _enclosing_end(text, i, stack)
    if enclosing_end is not None:
        rest = text[i + 1:enclosing_end]
    next_close = _next_single_close(rest, char)
    next_open = (rest.find("‘") if opening == "‘" else
                 next((j for j in range(len(rest)) if rest[j] == "'" and _opens_straight_single(
                     rest, j)), -1))
    if next_close is None:
        return True
    return next_open != -1 and next_open < next_close


def _next_single_close(text: str, mark: str = "’") -> int | None:
    for match in re.finditer(mark, text):
        j = match.start()
        after = text[j + 1] if j + 1 < len(text) else ""
        if not after.isalnum() and j > 0 and not text[j - 1].isspace():
            return j
    return None


def _enclosing_end(text: str, i: int, stack: list[tuple[int, str]]) -> int | None:
    if len(stack) < 2:
        return None
    outer_close = OPENERS.get(stack[-2][1])
    if outer_close is None or outer_close == "’":
        return None
    position = text.find(outer_close, i + 1)
    return position if position != -1 else None


def _words(text: str) -> int:
    return len(re.findall(r"[\w’'-]+", text))


def _sentence_start(text: str, position: int) -> int:
    """Start of the sentence containing ``position`` (after the last . ! ? before it)."""
    cut = 0
    for match in re.finditer(r"[.!?][”’\"]?\s+(?=[A-Z“‘\"])", text[:position]):
        cut = match.end()
    return cut


@dataclass(frozen=True)
class QuoteOptions:
    register: Register = EMPTY_REGISTER   # the speakers and sources a quotation may name
    language: str = "en"                  # the text's: which marks open a quotation

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> QuoteOptions:
        return cls(register, settings.language or "en")


def run(doc: Transcription, earlier: Sequence[Span], options: QuoteOptions) -> PassResult:
    """Propose ``quote``/``q``/``soCalled`` spans, and speaker attributes of block quotations;
    warn of every unbalanced quotation mark."""
    matcher = FormMatcher(options.register)
    warnings: list[str] = []
    names = {b.index: [m for m in matcher.find(b) if not m.ambiguous] for b in doc.blocks}
    out: list[Span] = []
    openers = OPENERS_OF_LANGUAGE.get(options.language, OPENERS)
    # whether a quotation goes on into the next paragraph, and its speaker if known
    goes_on_next, carried_speaker = False, None
    for block in doc.blocks:
        if block.kind in {BlockKind.FIELD, BlockKind.TRAILER, BlockKind.AUTHOR,
                          BlockKind.TITLE, BlockKind.SUBTITLE}:
            continue
        nested = block.kind in QUOTED_KINDS
        segments, unbalanced = find_segments(block.text, 1 if nested else 0, openers)
        continued = _continued_quotation(doc, block, unbalanced, openers)
        if continued is not None:
            segments.append(continued)
            segments.sort(key=lambda s: (s.start, -s.end))
            unbalanced.remove(continued.start)
        for position in unbalanced:
            warnings.append(
                f"line {block.line}: unbalanced quotation mark {block.text[position]!r} "
                f"at column {position + 1}; left as text")
        speakers = _speakers(doc, block, segments, names)
        went_on, speaker_before = goes_on_next, carried_speaker
        goes_on_next, carried_speaker = False, None
        for segment in segments:
            speaker = speakers.get(segment.start)
            # the rest of a quotation begun in the paragraph before: cited speech, its speaker's
            goes_on = went_on and segment.start == 0 and segment.depth == 0
            if goes_on and speaker is None:
                speaker = speaker_before
            out.append(_span(block, segment, speaker, quoted=goes_on or segment is continued,
                             title_case=options.language != "de"))
            if segment is continued:
                goes_on_next, carried_speaker = True, speaker
        if nested:
            speaker = _block_speaker(doc, block, names)
            if speaker is not None:
                out.append(Span(block.index, 0, 0, None, {"source": f"#{speaker.id}"},
                                concern=CONCERN))
    return PassResult(tuple(out), tuple(warnings))


# --- kinds --------------------------------------------------------------------------------

def _span(block: Block, segment: Segment, speaker: Entry | None, quoted: bool = False,
          title_case: bool = True) -> Span:
    """The segment's element; ``quoted``: cited speech whatever its length (a part of a
    quotation over several paragraphs); ``title_case``: whether the text's language capitalises
    the words of a title as no other phrase (not German, which capitalises every noun)."""
    inner = block.text[segment.inner[0]:segment.inner[1]]
    rend = MARKS_TO_REND.get((segment.opening, segment.closing), "double")
    level = _title_level(block.text, segment, inner, speaker is not None) \
        if title_case and not quoted and block.kind not in QUOTED_KINDS else None
    attrs: dict[str, str] = {}
    if level is not None:
        tag, attrs = "title", {"level": level, "rend": rend}
    elif quoted or _is_quote(block.text, segment, inner, speaker is not None):
        tag = "quote"
        if speaker is not None:
            if speaker.kind is EntityKind.TITLE:
                attrs["source"] = f"#{speaker.id}"
            else:
                tag = "q"
                attrs["who"] = f"#{speaker.id}"
        attrs["rend"] = rend
    else:
        tag, attrs = "soCalled", {"rend": rend}
    return Span(block.index, segment.start, segment.end, tag, attrs,
                open_len=len(segment.opening), close_len=len(segment.closing),
                priority=PRIORITY - segment.depth, concern=CONCERN)

def _continued_quotation(doc: Transcription, block: Block, unbalanced: list[int],
                         openers: Mapping[str, str] = OPENERS) -> Segment | None:
    """A quotation that goes on in the next paragraph, as books print one over several: its
    one unclosed opening mark runs to the end of this paragraph, and the next paragraph opens
    with the same mark (a paragraph quoted whole has it in its prefix)."""
    if len(unbalanced) != 1 or block.kind is not BlockKind.PARAGRAPH:
        return None
    start = unbalanced[0]
    mark = block.text[start]
    if mark not in openers or (mark, "") not in MARKS_TO_REND or \
            block.index + 1 >= len(doc.blocks):
        return None
    following = doc.blocks[block.index + 1]
    if not (following.kind is BlockKind.PARAGRAPH and following.text.startswith(mark)) and \
            not (following.kind in QUOTED_KINDS and following.prefix == mark):
        return None
    return Segment(block.index, start, len(block.text), mark, "", 0)


def _title_level(text: str, segment: Segment, inner: str, attributed: bool) -> str | None:
    """The ``@level`` of the title a quotation in title case is, else None: after a noun of a
    work ("his pamphlet “…”", "an article entitled “…”"), or anywhere unless words are cited
    (a reporting clause, a speaker), it ends like a statement or a cry, or an article stands
    before it alone (what someone is called: "the “Leader of the Provisional Government”")."""
    if not _in_title_case(inner):
        return None
    before = text[max(0, segment.start - 40):segment.start]
    work = _WORK_BEFORE.search(before)
    if work is not None:
        return WORK_KINDS[work.group("noun").lower()]
    if _TITLE_NAMED.search(before):
        return "a"
    if attributed or _reported(text, segment) or re.search(r"[.!…]\W*$", inner.rstrip()) or \
            _DETERMINER_BEFORE.search(before):
        return None      # "the “Leader of the Provisional Government”": what one is called
    return "a"


def _in_title_case(inner: str) -> bool:
    """Two words or more (at most fourteen), the first and every word that is no article,
    conjunction or preposition capitalised: "The State and Revolution", "Can the Bolsheviks
    Retain State Power?"."""
    words = re.findall(r"[^\W\d_][\w’'-]*", inner)
    if not 2 <= len(words) <= 14 or not words[0][0].isupper():
        return False
    content = [w for w in words[1:] if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(content) and all(w[0].isupper() for w in content)


def _is_quote(text: str, segment: Segment, inner: str, attributed: bool) -> bool:
    before = text[:segment.start]
    if SO_CALLED_CUES.search(before) and _words(inner) < 8:
        return False
    if attributed or _reported(text, segment):
        return True
    words = _words(inner)
    sentence_like = re.search(r"[.!?]\W*$", inner.rstrip()) is not None
    return words >= 5 or (sentence_like and words >= 3)

# --- speakers -----------------------------------------------------------------------------

def _speakers(doc: Transcription, block: Block, segments: list[Segment],
              names: dict[int, list[Mention]]) -> dict[int, Entry]:
    found: dict[int, Entry] = {}
    text = block.text
    top = [s for s in segments if s.depth == segments[0].depth] if segments else []
    for index, segment in enumerate(top):
        after = text[segment.end:]
        speaker = _after_clause(doc, block, segment, after, names)
        if speaker is None:
            speaker = _before_clause(doc, block, segment, names)
        if speaker is None:
            speaker = _words_of(block, segment, names)
        if speaker is not None:
            found[segment.start] = speaker
            # the next segment continues the same quotation after the reporting clause
            if index + 1 < len(top):
                between = text[segment.end:top[index + 1].start]
                if _AFTER_CLAUSE.match(between) and len(between) < 40:
                    found[top[index + 1].start] = speaker
        elif index > 0 and top[index - 1].start in found:
            between = text[top[index - 1].end:segment.start]
            if _AFTER_CLAUSE.match(between) and len(between) < 40:
                found[segment.start] = found[top[index - 1].start]
    return found

def _after_clause(doc: Transcription, block: Block, segment: Segment, after: str,
                  names: dict[int, list[Mention]]) -> Entry | None:
    match = _attached_clause(block.text, segment)
    if match is None:
        return None
    who = match.group("who1") or match.group("who2") or ""
    offset = segment.end + match.start("who1" if match.group("who1") else "who2")
    if who.lower() in {"he", "she"}:
        return _last_person(doc, block, segment.start, names)
    return _named_at(block, offset, offset + len(who), names)

def _before_clause(doc: Transcription, block: Block, segment: Segment,
                   names: dict[int, list[Mention]]) -> Entry | None:
    text = block.text
    start = _sentence_start(text, segment.start)
    clause = text[start:segment.start]
    if not re.search(r"[:,]\s*$|\b(?:that|of)\s*$", clause):
        return None
    return _clause_speaker(doc, block, start, clause, names)

def _clause_speaker(doc: Transcription, block: Block, start: int, clause: str,
                    names: dict[int, list[Mention]]) -> Entry | None:
    verb = _REPORTING_WORD.search(clause)
    if verb is None:
        return None
    verb_at = start + verb.start()
    by = re.search(r"\bby\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)\s*:\s*$", clause)
    if by:
        return _named_at(block, start + by.start(1), start + by.end(1), names)
    subjects = [m for m in names.get(block.index, []) if start <= m.start < verb_at
                and m.candidates[0].kind in {EntityKind.PERSON, EntityKind.ORG,
                                             EntityKind.TITLE}]
    # a person before a periodical before an organisation; "one of the leaders of the
    # S-R Party wrote" names a member, not the party
    subjects = [m for m in subjects if m.candidates[0].kind is not EntityKind.ORG
                or not MEMBER_OF.search(block.text[:m.start])]
    for kind in (EntityKind.PERSON, EntityKind.TITLE, EntityKind.ORG):
        of_kind = [m for m in subjects if m.candidates[0].kind is kind]
        if of_kind:
            return of_kind[0].candidates[0]
    pronoun = PRONOUNS.search(clause[:verb.start()])
    if pronoun is not None:
        return _last_person(doc, block, start + pronoun.start(), names)
    return None

def _words_of(block: Block, segment: Segment,
              names: dict[int, list[Mention]]) -> Entry | None:
    following = [m for m in names.get(block.index, []) if m.start >= segment.end
                 and m.candidates[0].kind is EntityKind.PERSON]
    if not following:
        return None
    first = following[0]
    if WORDS_OF.search(block.text[segment.end:first.start]):
        return first.candidates[0]
    return None

def _block_speaker(doc: Transcription, block: Block,
                   names: dict[int, list[Mention]]) -> Entry | None:
    if block.index == 0:
        return None
    previous = doc.blocks[block.index - 1]
    text = previous.text.rstrip()
    if previous.kind not in {BlockKind.PARAGRAPH, BlockKind.QUOTATION} or not text.endswith(
            ":"):
        return None
    start = _sentence_start(text, len(text))
    return _clause_speaker(doc, previous, start, text[start:], names)

def _named_at(block: Block, start: int, end: int,
              names: dict[int, list[Mention]]) -> Entry | None:
    for mention in names.get(block.index, []):
        if start <= mention.start < end:
            return mention.candidates[0]
    return None

def _last_person(doc: Transcription, block: Block, position: int,
                 names: dict[int, list[Mention]]) -> Entry | None:
    index, limit = block.index, position
    for _ in range(3):
        people = [m for m in names.get(index, []) if m.end <= limit
                  and m.candidates[0].kind is EntityKind.PERSON
                  and not _inside_quotation(doc.blocks[index].text, m.start)]
        if people:
            return people[-1].candidates[0]
        index -= 1
        if index < 0 or doc.blocks[index].kind is BlockKind.HEADING:
            return None
        limit = len(doc.blocks[index].text)
    return None




def _attached_clause(text: str, segment: Segment) -> re.Match[str] | None:
    """A reporting clause right after the segment ("…,” says Trotsky), not a new sentence."""
    inner = text[segment.inner[0]:segment.inner[1]].rstrip()
    after = text[segment.end:]
    if not (inner.endswith((",", "!", "?", "–", "—")) or after.lstrip().startswith(",")):
        return None
    return _AFTER_CLAUSE.match(after)


def _inside_quotation(text: str, position: int) -> bool:
    segments, _ = find_segments(text)
    return any(s.start < position < s.end for s in segments)


def _reported(text: str, segment: Segment) -> bool:
    """Is a reporting clause attached to the segment (right after it, or ending right before)?"""
    if _attached_clause(text, segment) is not None:
        return True
    if AS_PUT.match(text[segment.end:]) or _REPORTED_AFTER.match(text[segment.end:]):
        return True
    if CRIES_OF.search(text[:segment.start]):
        return True
    before = text[_sentence_start(text, segment.start):segment.start]
    if re.search(r":\s*$", before):
        return True
    return bool(re.search(rf"\b(?:{REPORTING})\b[^.!?]{{0,40}}?(?:that|,)?\s*$", before)
                and re.search(r"(?:that|:|,)\s*$", before))
