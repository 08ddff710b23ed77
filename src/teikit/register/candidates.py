"""Names a text seems to use, found without a register: capitalised runs, their kind guessed
from the words around them. The entity pass tags the confident ones when there is no register;
``teikit entities suggest`` turns them into a first register for an editor to review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from teikit.convert.model import Block, BlockKind, Transcription
from teikit.register.entries import EntityKind, Register
from teikit.register.matcher import form_key

# the title page (author, title, part) is the document itself, never a mention of a name
SKIPPED_KINDS = frozenset({BlockKind.AUTHOR, BlockKind.TITLE, BlockKind.SUBTITLE})

TITLES_OF_PERSONS = ("General", "Colonel", "Comrade", "Prince", "Princess", "Count", "Countess",
                     "Captain", "Admiral", "Dr.", "Mr.", "Mrs.", "M.", "Professor", "Lieutenant",
                     "Citizen", "Tsar", "Baron", "Major", "Sergeant")
ORG_WORDS = frozenset({
    "Party", "Committee", "Council", "Congress", "Union", "Bank", "Ministry", "Commissariat",
    "Duma", "Soviet", "Army", "Guard", "Guards", "Bureau", "Section", "Assembly", "Academy",
    "Executive", "Government", "International", "League", "Federation", "Conference", "Company",
    "Society", "Association", "Club", "School", "University", "Institute", "Division", "Corps",
    "Regiment", "Front", "Group", "Headquarters", "Opposition", "Tribunal", "Cheka", "Commissars",
    "Bolsheviks", "Mensheviks", "Socialists", "Communists", "Anarchists", "Trust", "Syndicate",
    "Office", "Bourse", "Archive", "Press", "Agency", "Cooperative",
})
# a name followed by a year in a publication field is the place of the imprint
_PUBLICATION_YEAR = re.compile(r",?\s+(?:1[5-9]\d\d|20\d\d)\b(?![–—-])")
# a source that opens with one of these is a repository, not a publication
REPOSITORY_WORDS = frozenset({"Archive", "Archives", "Library", "Collection", "Papers",
                              "Museum"})
PLACE_WORDS = frozenset({"Prospect", "Street", "Square", "Palace", "Bridge", "River", "Island",
                         "Rue", "Avenue", "Boulevard", "Basin", "Valley", "Region", "Oblast",
                         "Gulf", "Bay", "Coast", "Plain", "Steppe", "Forest", "Port", "Harbour",
                         "Station", "Gate", "Gardens", "Quay", "Heights", "Province", "Mountains",
                         "Sea", "Lake", "Canal", "Fortress", "Kremlin"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "toward", "towards", "into",
                                "outside", "around", "across", "via", "through", "of"})
TITLE_CUES = ("newspaper", "paper", "journal", "organ", "daily", "weekly", "review", "magazine",
              "pamphlet", "book", "published")
_STOPWORDS_TEXT = """
A An The This That These Those There Their They Them Then Thus He She It Its His Her Hers Him
We Our Us You Your I Me My Mine In On At Of For From To By With Without As And But Or Nor So Yet
If When While Where Whereas Why What Who Whom Whose Which Not No None Every Each All Some Many Much
Few More Most Other Another Such One Two Three Four Five Six Seven Eight Nine Ten First Second
Third Fourth Fifth Last Next After Before During Since Until Only Even Also Still Already Here
Had Has Have Was Were Is Are Be Been Being Did Does Do Let May Might Must Shall Should Will Would
Can Could Yes Nothing Everything Something Anything Everyone Nobody Somebody Anybody History
Conclusion Finally However Therefore Meanwhile Moreover Nevertheless Indeed Perhaps Being
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Mr Mrs Dr Ed Vol No Notes Chapter Part Written
Published Version Translation Transcription Mark-up Source Last Strong Sick Grave Armored Artillery
Summoned Everything Why Acceptance Shortly Twelve Various Initiative Comrades Remember Organize
Strengthen Repress Take Arrest Institute Get Resist Workers Not Whoever Very Direct Within Upon
Among Although Though Because Unless Whether Again Once Today Yesterday Tomorrow Dear Yours With
Permission Please
P.S. P.P.S. N.B.
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
# connectors that may sit inside a multi-word name ("Council of People’s Commissars")
CONNECTORS = frozenset({"of", "for", "de", "du", "des", "von", "van", "der", "la", "le", "di"})
MONTH_NAMES = frozenset({"January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"})
# blocks whose lines are separate units, not wrapped prose
LINED_KINDS = frozenset({BlockKind.SIGNED, BlockKind.DATELINE, BlockKind.SALUTE, BlockKind.FIELD})
_TOKEN = re.compile(r"(?:[A-Z]\.)+|[^\W\d_][\w’'-]*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]['’”\"]?\s+|[“‘\"(\[–]\s*)$")


@dataclass
class Candidate:
    """A name the text seems to use, before anyone has reviewed it."""

    form: str
    kind: EntityKind
    occurrences: list[tuple[int, int, int]] = field(default_factory=list)  # block, start, end
    initial_only: bool = True        # every occurrence opens a sentence
    cue: bool = False                # a title, an org word, a place word or a title cue

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def confident(self) -> bool:
        return self.cue or (self.count >= 2 and not self.initial_only)

    @property
    def id(self) -> str:
        slug = re.sub(r"[^\w]+", "-", self.form.lower().replace("’", "").replace("'", ""))
        slug = slug.strip("-") or "entry"
        return slug if slug[0].isalpha() else f"n-{slug}"


def _guess_kind(form: str, before: str) -> tuple[EntityKind, bool]:
    words = form.split()
    before_words = [w for w in before.split() if w.lower() not in {"the", "a", "an"}]
    previous = before_words[-1] if before_words else ""
    lowered = before.lower()
    if previous in TITLES_OF_PERSONS or re.match(r"^(?:[A-Z]\.)+\s", form):
        return EntityKind.PERSON, True
    if any(w.strip("’'") in ORG_WORDS for w in words):
        return EntityKind.ORG, True
    if any(w in PLACE_WORDS for w in words):
        return EntityKind.PLACE, True
    if any(lowered.rstrip(" ,").endswith(cue) for cue in TITLE_CUES):
        return EntityKind.TITLE, True
    if re.search(r"\b(?:printed|published|appeared|wrote|writes|reported|read)\s+in\s+(?:the\s+)?$",
                 lowered):
        return EntityKind.TITLE, True
    if previous in PLACE_PREPOSITIONS and len(words) <= 2:
        return EntityKind.PLACE, False
    if form.endswith(("ists", "ites", "iks", "ans")) and len(words) == 1:
        return EntityKind.ORG, False
    return EntityKind.PERSON, False


def _field_kind(block: Block) -> EntityKind | None:
    """What a header field's value names: "Translated: Edith Lowe" a person, "Source: The
    Socialist Review, …" a periodical, "Delivered: 3 March 1919, Ivanovo" a place."""
    if block.kind is BlockKind.DATELINE:
        return EntityKind.PLACE
    if block.kind is not BlockKind.FIELD:
        return None
    label = block.label.lower()
    if any(word in label for word in ("written", "delivered")):
        return EntityKind.PLACE
    if any(word in label for word in ("online", "copyleft", "copyright", "public domain")):
        return EntityKind.ORG       # the archive that publishes the transcription, or holds it
    if any(word in label for word in ("transl", "transcri", "markup", "mark-up", "proofread",
                                      "editor", "edited")):
        return EntityKind.PERSON
    if any(word in label for word in ("source", "version", "published")):
        return EntityKind.TITLE
    return None


def _capitalised(word: str) -> bool:
    if re.fullmatch(r"(?:[A-Z]\.)+", word):
        return True
    if word.isupper():
        return len(word) > 1 and not re.fullmatch(r"[IVXLC]+", word)
    return word[:1].isupper()


def _runs(text: str, lines_apart: bool = False) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (connectors inside) separated by nothing but spaces (and line
    breaks, unless ``lines_apart``)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []          # connectors waiting for a capitalised word
    previous_end = -1
    for token in _TOKEN.finditer(text):
        word = token.group()
        gap = text[previous_end:token.start()] if previous_end >= 0 else ""
        joined = (previous_end >= 0 and gap != "" and gap.strip() == ""
                  and not (lines_apart and "\n" in gap))
        if current and not joined:
            runs.append(current)
            current, pending = [], []
        if _capitalised(word):
            current.extend(pending)
            current.append(token)
            pending = []
        elif current and (word in CONNECTORS or (word == "the" and pending)):
            pending.append(token)
        elif current:
            runs.append(current)
            current, pending = [], []
        previous_end = token.end()
    if current:
        runs.append(current)
    return runs


def find_candidates(doc: Transcription) -> list[Candidate]:
    """Capitalised names the text uses, grouped by form, with a guess of their kind.

    A run of capitalised words (with "of", "for", "de" … inside, initials, hyphens) is a
    candidate; function words and sentence openers are trimmed, personal titles ("General",
    "Countess") are dropped and make the name a person, a final possessive "’s" is left out. A
    candidate is *confident* when a cue decides its kind or when it occurs at least twice and
    not only at the head of a sentence.
    """
    found: dict[str, Candidate] = {}
    for block in doc.blocks:
        if block.kind in SKIPPED_KINDS or block.kind in (BlockKind.TRAILER, BlockKind.HEADING):
            continue
        text = block.text
        field_kind = _field_kind(block)
        dateline = block.kind is BlockKind.DATELINE
        # in prose a name may wrap onto the next line; in a signature, dateline or header field
        # every line is a unit of its own ("J. McAllister" / "Secretary")
        lined = block.kind in LINED_KINDS
        first = True    # the first name of the block (a field's or dateline's subject)
        for run in _runs(text, lines_apart=lined):
            tokens = list(run)
            first_start = tokens[0].start()
            while tokens and (tokens[0].group() in STOPWORDS or tokens[0].group() in CONNECTORS
                              or tokens[0].group() == "the"):
                tokens = tokens[1:]
            had_title = False
            rest_words = {re.sub(r"[’']s$", "", t.group()) for t in tokens[1:]}
            while (len(tokens) > 1 and tokens[0].group() in TITLES_OF_PERSONS
                   and not rest_words & (ORG_WORDS | PLACE_WORDS)):
                tokens, had_title = tokens[1:], True
            while tokens and (tokens[-1].group() in CONNECTORS or tokens[-1].group() == "the"):
                tokens = tokens[:-1]
            if not tokens:
                continue
            start = tokens[0].start()
            form = re.sub(r"[’']s$", "", text[start:tokens[-1].end()]).rstrip("’'-")
            end = start + len(form)
            words = form.split()
            if len(form) < 3 or form in STOPWORDS or all(w in MONTH_NAMES for w in words):
                continue
            if len(words) == 1 and re.search(r"(?:ian|ean|ese|ish|ic)$", form):
                continue           # a nationality or other adjective ("Russian")
            before = text[:start]
            if block.kind is BlockKind.SIGNED and "\n" in before and len(words) == 1 and (
                    text[start:].split("\n")[0].strip() == form):
                continue   # a signer's function on a line of its own ("Secretary")
            initial = start == first_start and bool(_SENTENCE_END.search(before))
            kind, cue = _guess_kind(form, before + (" General " if had_title else ""))
            was_first, first = first, False
            # the first name of a header field or a dateline: what the field is about
            # a responsibility field names people, all of them ("Grace Kim and Daniel Moss")
            if (was_first or field_kind is EntityKind.PERSON) and field_kind is not None and (
                    (field_kind is EntityKind.PERSON and not cue and len(words) > 1)
                    or (field_kind is EntityKind.PLACE and (not cue or dateline))
                    or field_kind in (EntityKind.TITLE, EntityKind.ORG)):
                kind, cue = field_kind, True
                if kind is EntityKind.TITLE and words[0] in REPOSITORY_WORDS:
                    kind = EntityKind.ORG   # "Source: Archive of the … Council, box 14"
            if field_kind is EntityKind.TITLE and _PUBLICATION_YEAR.match(text[end:]):
                kind, cue = EntityKind.PLACE, True   # "Moscow 1972", "Kraków, 1907": imprint
            candidate = found.get(form)
            if candidate is None:
                candidate = found[form] = Candidate(form, kind)
            elif cue and not candidate.cue:
                candidate.kind = kind
            candidate.cue = candidate.cue or cue
            candidate.initial_only = candidate.initial_only and initial
            candidate.occurrences.append((block.index, start, end))
    return sorted(found.values(), key=lambda c: (-c.count, c.form))


def candidates_not_in(candidates: Iterable[Candidate], register: Register) -> list[Candidate]:
    """Candidates whose form no register entry has (names the register does not know)."""
    known = {form_key(form) for form in register.forms()}
    return [c for c in candidates if form_key(c.form) not in known]
