"""How a citation in a header field reads: "Source:", "First Published:", "This Version:".

The line is cut at its commas and semicolons; each part is read by its shape, then by its place
among the others:

- a scope: "Vol. XIV No. 4", "Tome 3", "pp. 1–9", "box 14";
- a responsibility: "translated by X", "edited by X", "with an introduction by X", "trans. X",
  "ed. X" (X are people);
- a date: "April 1948", "1938", "10 mars 1922", "July-August 1917";
- the place of the imprint: "London 1938", "London: Lawrence and Wishart", or a short name
  after the publisher ("Progress Publishers, Moscow, 1964");
- the publisher: a name with a publisher's word ("Progress Publishers", "Dietz Verlag",
  "… Ltd"), or the name right before the place of the imprint ("Lawrence and Wishart, London
  1938");
- the title: the first part before all these, whatever its words ("A People's History of the
  Miners", "Œuvres complètes"); a person's name before it ("Clara Brandt, Gesammelte Reden und
  Schriften") is the author, the text's own title in quotation marks before it ("“The Tasks
  …”, Pravda, No. 26") the article's. A title opening in lower case is found after its
  preposition ("in Russian in Proletary", "in the collection Agrarny Vopros"); an issue or a
  translation in brackets after it is not part of it ("Pravda Nos. 221, 222", "Rabotnitsa
  [The Woman Worker]").

The title is a periodical's (level ``j``) when the citation gives an issue number, a day or a
month; a book's (``m``) when it gives a publisher, an imprint, a translator or editor, or says
"in the collection"; otherwise the citation does not say. A line with none of these parts is
not read as a citation ("Papers of the … Federation, Modern Records Centre, Coventry"), and a
repository is no title unless it is published ("Hartmann Papers, folder 9").

The header (``teikit.convert.header``) builds the source's ``biblStruct`` from this reading,
and the names found without a register (:mod:`teikit.register.candidates`) take their kinds
from it, so that the transcription's header lines and the teiHeader agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from babel.dates import get_month_names

from teikit.register import gazetteer


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# words that make a name a publisher's ("Progress Publishers", "Dietz Verlag", "Éditions
# Sociales", "Lawrence & Wishart Ltd")
PUBLISHER_WORDS = _words("""
Publishers Publisher Publishing Press Verlag Verlagsanstalt Buchhandlung Books Editions Éditions
Edizioni Ediciones Editora Editori Izdatelstvo Gosizdat Partizdat Ltd Limited Inc
""")
# an archive or a collection of papers is where the source is kept, not a publication
REPOSITORY_WORDS = frozenset({"Archive", "Archives", "Library", "Collection", "Papers",
                              "Museum"})
_SCOPE = re.compile(
    r"^(?:(?:Vols?|Volumes?|Tome|Tom|Band|Bd|Jahrgang|Jg|Book|Part|Chapter|Ch|Section|No|Nos|"
    r"Nr|Number|"
    r"Issue|pp?|pages?|box|folder|file|fond|opis|delo|sheet|item)\.?\s*(?:[IVXLC]+\b|\d)"
    r"|S\.\s*\d)", re.IGNORECASE)
# an issue or volume after the title in the same part: "Pravda No. 52", "Iskra Nos. 3, 4"
_INLINE_SCOPE = re.compile(
    r"(?<=\S)\s+(?P<scope>(?:No|Nos|Nr|Vol|Vols|Volume)\.?\s*(?:\d|[IVXLC]+\b))")
# where the parts of a citation end: commas, semicolons, a sentence's full stop after a number
# a full stop after a number that ends a sentence ("1967. pp. 79–94", "pp. 465-470. Translated
# by"), after a volume's roman number ("Vol. II. London: …"), or before the place and the
# publisher of an imprint ("The Communist Manifesto. London: Penguin, 1967")
_SEPARATOR = re.compile(r"[,;]|(?<=\d)\.(?=\s+(?:[A-Z]|\d|pp?\.\s*\d))"
                        r"|(?:(?<=[\s–-][IVXLC])|(?<=[\s–-][IVXLC]{2})|(?<=[\s–-][IVXLC]{3}))"
                        r"\.(?=\s+[A-Z])"
                        r"|\.(?=\s+[^\W\d_][^\W\d_’' -]*(?:\s[^\W\d_][^\W\d_’' -]*){0,2}:\s*\S)")
# "Pamphlet published by the Socialist Labour Party": what was published, not its title
_PUBLISHED_BY = re.compile(r"\b(?:published|printed|issued)\s+by\b")
_ISSUE = re.compile(r"^(?:No|Nos|Nr|Number|Issue)\b", re.IGNORECASE)
_ROLE_VERBS = (r"translated|edited|introduced|compiled|selected|annotated|revised|abridged|"
               r"arranged")
_RESPONSIBILITY = re.compile(
    rf"^(?:(?P<verb>{_ROLE_VERBS})(?:\s+(?:and|&)\s+(?:{_ROLE_VERBS}))?"
    r"(?:\s+(?!by\b)[\w’'-]+){0,4}?\s+by"
    r"|(?:with\s+)?(?:an?\s+|the\s+)?(?P<noun>introduction|preface|foreword|afterword|notes|"
    r"translation)(?:\s+(?!by\b)[\w’'-]+){0,3}?\s+by"
    r"|(?P<abbr>trans|transl|tr|ed|eds|introd?)\.)\s+(?P<names>\S.*)$", re.IGNORECASE)
_ROLES = {"translat": "translator", "trans": "translator", "tr": "translator",
          "edit": "editor", "ed": "editor", "eds": "editor", "compil": "editor",
          "select": "editor", "introd": "introduction", "preface": "introduction",
          "foreword": "introduction", "afterword": "introduction", "annotat": "annotator",
          "notes": "annotator"}
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_PLACE_YEAR = re.compile(rf"^(?P<place>[^\W\d_][^\d]*?)\s+(?P<year>{_YEAR})$")
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[^\W\d_][^\d:]*?):\s*(?P<publisher>\S.*)$")
# the words of a date besides its month names and numbers
_DATE_WORDS = _words("""
and to of the early late mid end beginning spring summer autumn fall winter Spring Summer Autumn
Fall Winter Early Late Mid N.S. O.S. N.S O.S
""")
# "in Russian in Proletary", "in the collection Agrarny Vopros", "as a pamphlet"
_TITLE_AFTER = re.compile(
    r"\b(?:in|as)\s+(?:(?:the|a|an)\s+)?(?:(?P<kind>collection|book|volume|anthology|pamphlet|"
    r"symposium|newspaper|journal|magazine|paper|review|weekly|daily|monthly)\s+)?"
    r"(?=[^\W\d_a-zà-ÿ]|[“‘\"„«])")
_BOOK_KINDS = frozenset({"collection", "book", "volume", "anthology", "pamphlet", "symposium"})
_CONNECTORS = frozenset({"and", "&", "und", "et", "of", "the", "de", "du", "des", "la", "le",
                         "von", "van", "am", "on", "upon", "y", "e"})
_ARTICLES = frozenset({"The", "A", "An", "La", "Le", "Les", "L’", "Die", "Der", "Das", "Il",
                       "El", "Los", "Las"})
_ABBREVIATED = frozenset({"Ltd", "Co", "Inc", "Bros", "ed", "eds", "trans", "etc"})


class PartKind(StrEnum):
    AUTHOR = "author"
    ARTICLE = "article"         # the title of the text itself, in quotation marks
    TITLE = "title"
    RESPONSIBILITY = "responsibility"
    PUBLISHER = "publisher"
    PLACE = "place"
    SCOPE = "scope"
    DATE = "date"
    OTHER = "other"


@dataclass(frozen=True)
class Part:
    kind: PartKind
    start: int          # offsets in the field's value
    end: int
    role: str = ""      # a responsibility's: translator, editor, introduction, annotator


@dataclass(frozen=True)
class Citation:
    """A citation line read into its parts (empty when the line is no citation)."""

    text: str
    parts: tuple[Part, ...]
    level: str | None = None       # the title's: "j" a periodical, "m" a book, None unsaid

    def of_kind(self, kind: PartKind) -> list[Part]:
        return [part for part in self.parts if part.kind is kind]

    def first(self, kind: PartKind) -> str | None:
        found = self.of_kind(kind)
        return self.text[found[0].start:found[0].end] if found else None

    def part_at(self, start: int, end: int) -> Part | None:
        """The part that holds ``start``–``end``."""
        return next((p for p in self.parts if p.start <= start and end <= p.end), None)

    @property
    def title(self) -> str | None:
        return self.first(PartKind.TITLE)

    @property
    def title_start(self) -> int:
        titles = self.of_kind(PartKind.TITLE)
        return titles[0].start if titles else 0

    @property
    def publisher(self) -> str | None:
        return self.first(PartKind.PUBLISHER)

    @property
    def place(self) -> str | None:
        return self.first(PartKind.PLACE)


@lru_cache(maxsize=4096)
def read_citation(text: str, author: str = "") -> Citation:
    """Read ``text``, the value of a citation field; ``author`` is the text's author (a name
    at the head of the citation that is the author's is not a title)."""
    segments = _segments(text)
    kinds: list[PartKind] = []
    parts: list[Part] = []
    for index, (start, end) in enumerate(segments):
        kinds.append(_shape(text[start:end], index))
    # the publisher: the name right before the place of the imprint (the first part only when
    # a publisher's word says so: "Vorwärts Verlag, Berlin 1909" cites no title)
    for index, (start, end) in enumerate(segments):
        segment = text[start:end]
        publisher_word = bool(set(_bare_words(segment)) & PUBLISHER_WORDS)
        after_author = index == 1 and _person(text[slice(*segments[0])], author)
        if kinds[index] is PartKind.OTHER and index + 1 < len(segments) and (
                _place_year(text[slice(*segments[index + 1])])) and _proper(segment) and (
                publisher_word or (index and not after_author)):
            kinds[index] = PartKind.PUBLISHER
    # a short name after the publisher (perhaps after the year) is its place
    for index in range(1, len(segments)):
        before = next((kind for kind in reversed(kinds[:index]) if kind is not PartKind.DATE),
                      None)
        if kinds[index] is PartKind.OTHER and before is PartKind.PUBLISHER and (
                _proper(text[slice(*segments[index])], words=3)):
            kinds[index] = PartKind.PLACE
    _known_places_and_publishers(text, segments, kinds, author)
    # "Hamburg, 1906, as a pamphlet": a known place right before the year is where the text
    # was published, no title
    if len(segments) > 1 and kinds[0] is PartKind.OTHER and kinds[1] is PartKind.DATE and (
            gazetteer.place_weight(text[slice(*segments[0])]) > 1):
        kinds[0] = PartKind.PLACE
    structural = [i for i, kind in enumerate(kinds) if kind is not PartKind.OTHER]
    lead = structural[0] if structural else len(segments)
    hint = None
    title_index = author_index = None
    if lead and _lowercase_led(text[slice(*segments[0])]):
        start, end = segments[0]
        found = list(_TITLE_AFTER.finditer(text, start, end))
        kind_word = found[-1].group("kind") if found else None
        if found and (kind_word or structural):
            hint = "m" if kind_word in _BOOK_KINDS else "j" if kind_word else None
            parts.append(Part(PartKind.TITLE, found[-1].end(), end))
            title_index = 0
    elif lead and structural:
        first = text[slice(*segments[0])]
        second = text[slice(*segments[1])] if lead >= 2 else ""
        if second and _quoted(first):
            # "“The Tasks of the Working Women”, Pravda, …": the article, then where it appeared
            parts.append(Part(PartKind.ARTICLE, *segments[0]))
            title_index, author_index = 1, 0
        elif second and (_person(first, author) or _body(first)) and not _lowercase_led(
                second) and not gazetteer.place_weight(second):
            # the author, a person or a body ("Women's Trade Union League, Annual Report for
            # 1906, London, 1907"), then the title
            parts.append(Part(PartKind.AUTHOR, *segments[0]))
            title_index, author_index = 1, 0
        elif not (_repository(first) or _PUBLISHED_BY.search(first)) or any(
                kind in (PartKind.PUBLISHER, PartKind.RESPONSIBILITY) or (
                    kind is PartKind.PLACE and _imprint(text[slice(*segment)]))
                for kind, segment in zip(kinds, segments, strict=True)):
            title_index = 0   # papers or a library's edition published are a book
        if title_index is not None:
            _join_listing_title(text, segments, kinds, title_index)
            parts.extend(_title(text, *segments[title_index]))
    if not parts and not structural:
        return Citation(text, ())      # names only, no citation
    for index, (start, end) in enumerate(segments):
        kind = kinds[index]
        segment = text[start:end]
        if kind is PartKind.RESPONSIBILITY:
            names = _responsibility(segment)
            assert names is not None
            parts.append(Part(kind, start + names[0], start + names[1], names[2]))
        elif kind is PartKind.PLACE and (imprint := _place_year(segment)) is not None:
            parts.append(Part(kind, start, start + imprint.end("place")))
            parts.append(Part(PartKind.DATE, start + imprint.start("year"), end))
        elif kind is PartKind.PLACE and (place := _PLACE_PUBLISHER.match(segment)):
            parts.append(Part(kind, start, start + place.end("place")))
            parts.append(Part(PartKind.PUBLISHER, start + place.start("publisher"), end))
        elif kind is not PartKind.OTHER or index not in (title_index, author_index):
            parts.append(Part(kind, start, end))
    parts.sort(key=lambda p: p.start)
    return Citation(text, tuple(parts), hint or _level(text, parts))


def _known_places_and_publishers(text: str, segments: list[tuple[int, int]],
                                 kinds: list[PartKind], author: str) -> None:
    """A known town or country after the first part is the place of publication ("1920,
    Moscow", "Pravda, Moscow, 1917"); a name between the title and a year alone is the
    publisher ("… the Transition Period, Routledge, 1979"), unless the first part is a person
    ("Karl Marx, Capital, 1867" cites the author and the title)."""
    for index in range(1, len(segments)):
        segment = text[slice(*segments[index])]
        if kinds[index] is not PartKind.OTHER or not _proper(segment, words=3):
            continue
        if gazetteer.place_weight(segment) == 2:
            kinds[index] = PartKind.PLACE
        elif index == 1 and index + 1 < len(segments) and re.fullmatch(
                _YEAR, text[slice(*segments[index + 1])]) and not _person(
                text[slice(*segments[0])], author) and not all(
                word in _DATE_WORDS or word in month_names() for word in _bare_words(segment)):
            kinds[index] = PartKind.PUBLISHER


def _join_listing_title(text: str, segments: list[tuple[int, int]], kinds: list[PartKind],
                        title_index: int) -> None:
    """A title that opens with a listing ("Theses, Resolutions and Manifestos of the First Four
    Congresses"): a word or two, then a part with "and" that is nothing else, is one title."""
    following = title_index + 1
    if following >= len(segments) or kinds[following] is not PartKind.OTHER:
        return
    first, second = (text[slice(*segments[i])] for i in (title_index, following))
    if len(first.split()) <= 2 and _proper(first, words=2) and re.search(
            r"\b(?:and|&|und|et)\b", second) and second[:1].isupper():
        segments[title_index] = (segments[title_index][0], segments[following][1])
        del segments[following]
        del kinds[following]


def _title(text: str, start: int, end: int) -> list[Part]:
    """The title, and the issue or volume written after it without a comma ("Pravda Nos.
    221, 222 and 223") or a translation of it in brackets ("Rabotnitsa [The Woman
    Worker]")."""
    scope = _INLINE_SCOPE.search(text, start, end)
    if scope is not None:
        return [Part(PartKind.TITLE, start, scope.start()),
                Part(PartKind.SCOPE, scope.start("scope"), end)]
    bracket = re.compile(r"\s+[\[(]").search(text, start + 1, end)
    if bracket is not None:
        return [Part(PartKind.TITLE, start, bracket.start()),
                Part(PartKind.OTHER, bracket.end() - 1, end)]
    return [Part(PartKind.TITLE, start, end)]


def _quoted(segment: str) -> bool:
    """Is ``segment`` all in quotation marks ("“The Tasks of …”")?"""
    return len(segment) > 2 and segment[0] in "“‘\"„«" and segment[-1] in "”’\"“»" and not any(
        mark in segment[1:-1] for mark in "“”\"")


def _segments(text: str) -> list[tuple[int, int]]:
    """The parts of a line between its commas and semicolons (and a full stop after a number
    that ends a sentence: "pp. 465-470. Translated by …"), without surrounding spaces and the
    full stop that ends the line."""
    out = []
    cuts = [m.start() for m in _SEPARATOR.finditer(text)]
    for begin, stop in zip([-1, *cuts], [*cuts, len(text)], strict=True):
        start, end = begin + 1, stop
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] == "." and end == len(text.rstrip()):
            last = text[start:end - 1].split()[-1:] or [""]
            if last[0] not in _ABBREVIATED:
                end -= 1
        if end > start:
            out.append((start, end))
    return out


def _responsibility(segment: str) -> tuple[int, int, str] | None:
    """The names of "translated by X", "(ed. X)" (start and end in ``segment``) and their
    role, or None."""
    inner = segment[1:-1] if segment.startswith("(") and segment.endswith(")") else segment
    match = _RESPONSIBILITY.match(inner)
    if match is None or _lowercase_led(match.group("names")):
        return None
    word = (match.group("verb") or match.group("noun") or match.group("abbr")).lower()
    role = next((r for stem, r in sorted(_ROLES.items(), key=lambda kv: -len(kv[0]))
                 if word.startswith(stem)), "other")
    shift = 1 if inner is not segment else 0
    return match.start("names") + shift, match.end("names") + shift, role


def _shape(segment: str, index: int) -> PartKind:
    """What a part is by its own shape."""
    if _SCOPE.match(segment):
        return PartKind.SCOPE
    if _responsibility(segment) is not None:
        return PartKind.RESPONSIBILITY
    if _date(segment):
        return PartKind.DATE
    if _place_year(segment) is not None:
        return PartKind.PLACE
    place = _PLACE_PUBLISHER.match(segment)
    if place and _proper(place.group("place"), words=3) and _proper(place.group("publisher")):
        return PartKind.PLACE
    if index and _proper(segment) and set(_bare_words(segment)) & PUBLISHER_WORDS:
        return PartKind.PUBLISHER
    return PartKind.OTHER


def _bare_words(text: str) -> list[str]:
    return [word.strip(".,;:()’'") for word in text.split()]


def _proper(text: str, words: int = 8) -> bool:
    """A name: capitalised words (connectors between them), no numbers, at most ``words``."""
    found = _bare_words(text)
    return 0 < len(found) <= words and all(
        (word[:1].isupper() or word in _CONNECTORS) and not any(c.isdigit() for c in word)
        for word in found) and found[0] not in _CONNECTORS


def _imprint(segment: str) -> bool:
    """A place with the year or the publisher of a book: "London 1938", "London: Verso"."""
    return _place_year(segment) is not None or _PLACE_PUBLISHER.match(segment) is not None


def _place_year(segment: str) -> re.Match[str] | None:
    """"London 1938": a place (a name of at most three words, not a month) and a year."""
    match = _PLACE_YEAR.match(segment)
    if match is None or not _proper(match.group("place"), words=3):
        return None
    if any(word in month_names() or word in _DATE_WORDS
           for word in re.split(r"[\s/–—-]+", match.group("place"))):
        return None
    return match


@cache
def month_names() -> frozenset[str]:
    """Every spelling of a month in English, French and German (CLDR), with and without its
    abbreviation's full stop."""
    names: set[str] = set()
    for locale in ("en", "fr", "de", "de_AT"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for name in get_month_names(width, context, locale).values():
                    bare = str(name).rstrip(".")
                    names |= {bare, bare + ".", bare[:1].upper() + bare[1:],
                              bare[:1].upper() + bare[1:] + "."}
    return frozenset(names | {"Sept", "Sept."})


def _date(segment: str) -> bool:
    """A date or a year alone: numbers, month names and the few words dates are written with."""
    if not re.search(r"\d", segment):
        return False
    words = [w for w in re.split(r"[\s/–—-]+", segment) if w]
    return all(re.fullmatch(r"\d{1,4}(?:st|nd|rd|th|er|\.)?", word) or word in month_names()
               or word.strip("().") in _DATE_WORDS or word in _DATE_WORDS for word in words)


def has_month(segment: str) -> bool:
    return any(word in month_names() for word in re.split(r"[\s/–—-]+", segment))


def _lowercase_led(text: str) -> bool:
    return bool(text) and not (text[0].isupper() or text[0] in "“‘\"„«")


def _repository(segment: str) -> bool:
    return bool(set(_bare_words(segment)) & REPOSITORY_WORDS)


def _body(segment: str) -> bool:
    """Whether ``segment`` names a body that may author a publication ("The Labour Party",
    "Women's Trade Union League", "Council of People's Commissars"): a proper name whose head
    noun is an organisation's word ("Papers of the … Federation" are a collection's)."""
    from teikit.register.candidates import ORG_WORDS, head_noun

    words = _bare_words(segment)
    return _proper(segment, words=8) and bool(words) and head_noun(words) in ORG_WORDS - (
        PUBLISHER_WORDS | {"Press", "House", "Works"})


def _person(segment: str, author: str) -> bool:
    """A person's name: the text's author (or the author's surname alone, "Trotsky, How the
    Revolution Armed"), or initials or a first name and a surname."""
    written = " ".join(segment.split())
    if author and written in (" ".join(author.split()), author.split()[-1]):
        return True
    people = re.split(r"\s+(?:and|&)\s+", segment)    # "Karl Marx and Frederick Engels"
    return len(people) <= 3 and all(_one_person(person) for person in people)


def _one_person(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 4 or not _proper(name, words=4) or words[0] in _ARTICLES:
        return False
    if set(_bare_words(name)) & (PUBLISHER_WORDS | REPOSITORY_WORDS):
        return False
    return bool(re.fullmatch(r"(?:[A-Z]\.)+", words[0])) or gazetteer.is_first_name(words[0])


def _level(text: str, parts: list[Part]) -> str | None:
    """A periodical's title (an issue, a day or a month), a book's (a publisher, an imprint's
    place, a translator or editor), or neither said."""
    kinds = {part.kind for part in parts}
    if any(part.kind is PartKind.SCOPE and _ISSUE.match(text[part.start:part.end])
           for part in parts) or any(part.kind is PartKind.DATE and has_month(
               text[part.start:part.end]) for part in parts):
        return "j"
    # a place is an imprint's with its year or publisher ("London 1938", "London: Verso"); a
    # town alone ("Pravda, Moscow, 1917") is where a paper appeared as well
    imprint = any(part.kind is PartKind.PLACE and re.match(rf"\s*(?::|{_YEAR})", text[part.end:])
                  for part in parts)
    if imprint or kinds & {PartKind.PUBLISHER, PartKind.RESPONSIBILITY}:
        return "m"
    return None
