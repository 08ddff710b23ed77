"""The teiHeader, from the transcription's header block, the edition config and the markup.

Header fields are read by their canonical keys (see :data:`teikit.convert.ingest.FIELD_KEYS`);
values keep the markup the passes proposed (a date in "This Version:" arrives as ``date`` with
``@when``), so the header and the text agree. What the text does not say comes from the config;
what neither says is left out and named in a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lxml import etree

from teikit import __version__
from teikit.config import TextSettings
from teikit.convert.conventions import NOTE_SIGNS, SIGNATURES, SIGNED_REND
from teikit.convert.dates.calendars import CalendarDecision, decide_calendar
from teikit.convert.model import Block, BlockKind, Span, Transcription
from teikit.register import gazetteer
from teikit.register.citations import Part, PartKind, read_citation
from teikit.tree import append, el


def repaired(text: str) -> str:
    """A field's corrected reading (mis-decoded UTF-8 repaired), for the header's plain values;
    the text keeps both readings in ``choice``. (The pass is imported when first needed: the
    passes read the register, which reads the model this package exports.)"""
    from teikit.convert.passes.encoding import repaired as repair

    return repair(text)


# weave a slice of a block (block, start, end) into a container element
SliceWeaver = Callable[[etree._Element, Block, int, int], etree._Element]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# a part's number: "II – The Counter-Revolutionary Socialists", "Chapter 3: The Lock-Out",
# "Part IV"
_PART_TITLE = re.compile(
    r"^(?:(?:Chapter|Part|Book|Section|Volume|Lecture|Letter)\s+(?P<numbered>[IVXLC]+|\d+)\b"
    r"(?:\.?\s*[–—:.-]\s*.+)?|(?P<number>[IVXLC]+|\d+)\.?\s*[–—:.-]\s*.+)$")
# "Vol. XIV", "Volume 3", "Tome 3", "Band 4", "Bd. 4", "Jahrgang 12", and several: "Vols. I–III"
_VOLUME = re.compile(
    r"\b(?:Vols?|Volumes?|Tome|Band|Bde|Bd|Jahrgang|Jg)\.?\s*(?P<volume>[IVXLC]+\b|\d+)"
    r"(?:\s*[–—-]\s*(?P<last>[IVXLC]+\b|\d+))?", re.IGNORECASE)
# "No. 4", "Nos. 221, 222", "Nr. 12"
_ISSUE = re.compile(r"\b(?:Nos?|Nr|Number|Issue)\.?\s*(?P<issue>\d+)", re.IGNORECASE)
# "p. 5", "pp. 1–9", "pages 55-92", and German "S. 12-30" after a comma
_PAGES = re.compile(r"(?:\bp{1,2}\.?|\bpages?|(?:^|(?<=,\s))S\.)\s*(?P<from>\d+)"
                    r"(?:\s*[–—-]\s*(?P<to>\d+))?")
_TRAILING_YEAR = re.compile(r",?\s*(?P<year>1[5-9]\d\d|20\d\d)\.?$")
# "… for the Marxists' Internet Archive", "… für das Marxists’ Internet Archive", "… pour le MIA"
_FOR_ORGANISATION = re.compile(r"^(?P<people>.+?)\s+(?:for|für|pour)\s+(?:the\s+|das\s+|die\s+|"
                               r"den\s+|le\s+|la\s+|l[’']\s?)?(?P<org>.+?)\.?$")
# between the names of several people in a responsibility field
_AND = re.compile(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+")
# a trailing year in a responsibility field: "Ruth Calder, 1958", "Helen Marsh (2011)"
_WHEN_DONE = re.compile(r"(?:,\s*|\s+in\s+|\s+\()(?P<year>1[5-9]\d\d|20\d\d)\)?$")
# the "by" that opens a responsibility field's value ("Translated: by Ruth Calder", "Übersetzt:
# von …", "Traduit : par …")
_BY = re.compile(r"^(?:(?:and\s+)?(?:corrected|checked|revised)\s+)?(?:by|von|par)\s+",
                 re.IGNORECASE)
# a further statement after a responsibility, past a semicolon: "Translated: Patrick Lavin,
# 1925; revised by Sam Hall, 2005" (the work done again, and who did it)
_FURTHER_WORK = re.compile(r"^(?P<what>revised|edited|corrected|checked|updated|annotated)"
                           r"\s+by\s+(?P<who>\S.*)$", re.IGNORECASE)
_WORKER = {"revised": "reviser", "edited": "editor", "corrected": "corrector",
           "checked": "checker", "updated": "updater", "annotated": "annotator"}
_SIGNER_NAMES = {"editor": "the editor", "translator": "the translator",
                 "transcriber": "the transcriber"}
# a quotation paragraph this short is a slogan or a cry rather than a cited passage
_SHORT_WORDS = 6
# the headnote says the author's notes were left out ("Serge's footnotes … have been omitted")
_FOOTNOTES_OMITTED = re.compile(r"\bfootnotes?\b[^.]*\bomitted\b|\bomitted\b[^.]*\bfootnotes?\b")
# the elements of names, which may not nest in one another
_NAME_TAGS = frozenset({"persName", "orgName", "placeName", "name", "title"})
_LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "ru": "Russian",
                   "es": "Spanish", "it": "Italian"}


def roman_to_int(numeral: str) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(c not in _ROMAN for c in numeral):
        return None
    total = 0
    for current, following in zip(numeral, [*numeral[1:], None], strict=True):
        value = _ROMAN[current]
        total += -value if following and _ROMAN[following] > value else value
    return total


def _one_line(text: str) -> str:
    """A line of the title block as the header gives it: repaired, a title wrapped over two
    lines of the source on one."""
    return " ".join(repaired(text).split())


def _strip_period(text: str) -> str:
    """A header value without the full stop, or the separator (";", ","), that ends its line."""
    return text.strip().rstrip(".;,").strip()


def _people(value: str, role: str) -> list[etree._Element]:
    """"Grace Kim and Daniel Moss" → one persName each; the first carries the role's id (what
    @resp points at), the others the same id numbered."""
    return [el("persName", name, xml_id=role if index == 0 else f"{role}-{index + 1}")
            for index, name in enumerate(_names(value))]


def _author_tag(line: str) -> str:
    """``orgName`` for a body that is a text's author, ``persName`` for a person."""
    from teikit.register.candidates import names_a_body  # (it imports this package)

    return "orgName" if names_a_body(line) else "persName"


def _names(value: str) -> list[str]:
    """The names in "Grace Kim and Daniel Moss", "A, B and C", "A & B"; given names alone
    before the last share its surname ("Eden and Cedar Paul": Eden Paul and Cedar Paul)."""
    names = [name.strip() for name in _AND.split(value) if name.strip()] or [value]
    last = names[-1].split()
    if len(names) > 1 and len(last) >= 2 and all(word[:1].isupper() for word in last):
        names = [f"{name} {last[-1]}" if " " not in name and gazetteer.is_first_name(name)
                 else name for name in names[:-1]] + names[-1:]
    return names


def _work_statements(value: str) -> tuple[str, list[tuple[str, str]]]:
    """A responsibility's value before a semicolon, and each further work on it after one
    ("…; revised by Sam Hall, 2005") as (what was done, by whom). What else follows a semicolon
    ("; from the German") names nobody: the transcription's header keeps it as written."""
    first, *rest = value.split(";")
    matches = [_FURTHER_WORK.match(part.strip()) for part in rest]
    return first, [(m.group("what"), m.group("who")) for m in matches if m is not None]


def _responsibility(label: str, value: str) -> tuple[etree._Element, str]:
    """"Ruth Calder, 1958" → (resp "Label, 1958" with the year as a date, "Ruth Calder"): a
    year after the name says when the work was done; it is not part of the name, nor is the
    "by" some fields open with ("Translated: by Ruth Calder")."""
    value = _BY.sub("", _strip_period(value))
    match = _WHEN_DONE.search(value)
    if match is None:
        return el("resp", label), value
    year = match.group("year")
    return el("resp", f"{label}, ", el("date", year, when=year)), value[:match.start()]


@dataclass
class HeaderContext:
    doc: Transcription
    spans: Sequence[Span]
    weave_slice: SliceWeaver
    settings: TextSettings
    repairs: list[tuple[str, str, str]] = field(default_factory=list)  # (original, fix, subtype)
    gaps: int = 0
    notes: int = 0
    calendars: set[str] = field(default_factory=set)

    def date_span(self, block: Block) -> Span | None:
        return next((s for s in self.spans if s.block == block.index and s.tag == "date"), None)


def build_header(ctx: HeaderContext) -> tuple[etree._Element, list[str]]:
    """Return the ``teiHeader`` and warnings naming the facts the source does not give."""
    warnings: list[str] = []
    header = el("teiHeader",
                el("fileDesc", _title_stmt(ctx, warnings), _publication_stmt(ctx),
                   _source_desc(ctx, warnings)),
                _encoding_desc(ctx), _profile_desc(ctx), _revision_desc(ctx))
    return header, warnings


# --------------------------------------------------------------------------------- titleStmt

def _title_stmt(ctx: HeaderContext, warnings: list[str]) -> etree._Element:
    doc, settings = ctx.doc, ctx.settings
    title_block = next(iter(doc.of_kind(BlockKind.TITLE)), None)
    author_block = next(iter(doc.of_kind(BlockKind.AUTHOR)), None)
    statement = el("titleStmt")
    if title_block is not None:
        append(statement, el("title", _one_line(title_block.text), type="main"))
    else:
        append(statement, el("title", doc.name, type="main"))
        warnings.append("the source gives no title; the file name is used")
    for part_block in doc.of_kind(BlockKind.SUBTITLE):
        match = _PART_TITLE.match(_one_line(part_block.text))
        number = roman_to_int(match.group("number") or match.group("numbered")) if match else None
        append(statement, el("title", _one_line(part_block.text), type="sub",
                             n=str(number) if number else None))
    if author_block is not None:
        author = ctx.weave_slice(el(_author_tag(author_block.text)), author_block, 0,
                                 len(author_block.text))
        append(statement, el("author", author))
    else:
        warnings.append("the source names no author")

    translation = doc.stated("translation")
    if translation is not None:
        first, further = _work_statements(repaired(translation.text))
        resp, value = _responsibility("Translation", first)
        append(statement, el("respStmt", resp, *_people(value, "translator")))
        for what, who in further:
            resp, value = _responsibility(f"Translation {what.lower()}", who)
            append(statement, el("respStmt", resp,
                                 *_people(value, f"translator-{_WORKER[what.lower()]}")))
    transcription = doc.stated("transcription")
    if transcription is not None:
        resp, value = _responsibility("Transcription and mark-up", repaired(transcription.text))
        match = _FOR_ORGANISATION.match(value)
        people = match.group("people") if match else value
        organisation = el("orgName", match.group("org")) if match else None
        append(statement, el("respStmt", resp, *_people(people, "transcriber"), organisation))
    for key, label, role in (("html_markup", "HTML mark-up", "markup"),
                             ("proofread", "Proofreading", "proofreader")):
        block = doc.stated(key)
        if block is not None:
            resp, value = _responsibility(label, repaired(block.text))
            match = _FOR_ORGANISATION.match(value)
            people = match.group("people") if match else value
            organisation = el("orgName", match.group("org")) if match else None
            append(statement, el("respStmt", resp, *_people(people, role), organisation))
    editor_needed = ctx.notes or ctx.gaps or doc.of_kind(BlockKind.HEADNOTE, BlockKind.AFTERWORD)
    if editor_needed:
        editor = settings.editor or "The editor of the source text"
        if not settings.editor:
            warnings.append("the config names no editor for the headnote and the bracketed "
                            "insertions ([texts.NAME] editor = …)")
        append(statement, el("respStmt",
                             el("resp", "Headnote, bracketed editorial insertions and omissions "
                                        "in the source text"),
                             el("name", editor, xml_id=settings.editor_id)))
    append(statement, el("respStmt", el("resp", "TEI encoding (automatic conversion)"),
                         el("name", f"teikit {__version__}", xml_id="teikit", type="software")))
    return statement


# --------------------------------------------------------------------------- publicationStmt

# The licences a transcription's rights line names ("Copyleft: … under the terms of the GNU
# Free Documentation License", "Public Domain: …"), each with the page that states it; a
# Creative Commons licence only with its version, which its address needs.
SOURCE_LICENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bGNU Free Documentation Licen[cs]e\b", re.I),
     "https://www.gnu.org/licenses/fdl.html"),
    (re.compile(r"^Public Domain\b", re.I), "https://creativecommons.org/publicdomain/mark/1.0/"),
    (re.compile(r"\b(?:CC[ -]BY[ -]SA|Attribution[ -]Share[ -]?Alike)[ -](?P<version>[1-4]\.0)\b",
                re.I), "https://creativecommons.org/licenses/by-sa/{version}/"),
)


def source_licence(statement: str) -> str | None:
    """The address of the licence ``statement`` (a rights line of the source) names, if known."""
    for pattern, address in SOURCE_LICENCES:
        found = pattern.search(statement)
        if found is not None:
            return address.format(**found.groupdict())
    return None


def _publication_stmt(ctx: HeaderContext) -> etree._Element:
    settings = ctx.settings
    licence_text = settings.licence or "No licence stated."
    # the encoding's licence and the rights in the text are two statements, so that an archive
    # can tell what it may do with the markup from what it may do with the words; without the
    # config's, the rights line of the source states the text's when it names a known licence
    statements = [f"{block.label} {repaired(block.text)}".strip()
                  for key in ("public_domain", "copyleft", "copyright")
                  if (block := ctx.doc.field(key)) is not None]
    text_rights, text_rights_url = settings.text_rights, settings.text_rights_url
    if not text_rights:
        for statement in statements:
            if (url := source_licence(statement)) is not None:
                text_rights, text_rights_url = statement, url
                statements.remove(statement)
                break
    availability = el("availability",
                      el("licence", licence_text, target=settings.licence_url or None,
                         n="encoding" if text_rights else None))
    if text_rights:
        append(availability, el("licence", text_rights, target=text_rights_url or None,
                                n="text"))
    for statement in statements:
        append(availability, el("p", statement))
    when = settings.publication_date or None
    identifiers = [el("idno", settings.name, type="local")]
    if settings.base_url:
        identifiers.append(el("idno", f"{settings.base_url.rstrip('/')}/{settings.name}.xml",
                              type="URI"))
    if settings.extra.get("doi"):
        identifiers.append(el("idno", str(settings.extra["doi"]), type="DOI"))
    return el("publicationStmt", el("publisher", settings.publisher),
              availability, el("date", when, when=when) if when else None, *identifiers)


# -------------------------------------------------------------------------------- sourceDesc

def _source_desc(ctx: HeaderContext, warnings: list[str]) -> etree._Element:
    doc = ctx.doc
    source = el("sourceDesc")
    version = doc.field("this_version") or doc.field("source")
    if version is not None:
        append(source, _bibl_struct(ctx, version))
    first = doc.field("first_published")
    if first is not None:
        append(source, _first_publication(ctx, first))
    if version is None and first is None:
        append(source, el("p", f"Converted from the plain-text transcription {doc.name}.txt; "
                               "the source gives no bibliographic details."))
        warnings.append("the source gives no publication details ('Source:', 'This Version:', "
                        "'First Published:')")
    return source


_MONTH = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                    r"November|December)\b")


@dataclass
class Citation:
    """A citation line cut into its parts: "New International, Vol. XIV No. 4, April 1948,
    p. 123–126" or "Collected Speeches, Volume 3, Progress Publishers, Moscow 1972, pp. 45–52"
    (read by :func:`teikit.register.citations.read_citation`, as the names in it are)."""

    title: str
    lead: str            # the words before the title: "in Russian in" (Proletary)
    level: str | None    # the title's, as the citation says: "j", "m" or None
    volume: re.Match[str] | None
    issue: re.Match[str] | None
    pages: re.Match[str] | None
    publisher: str | None
    place: str | None
    # who wrote the cited work, named at its head ("Trotsky, How the Revolution Armed"): the
    # text's author in full when that is who is named
    author: str | None = None

    @property
    def is_citation(self) -> bool:
        return any((self.volume, self.issue, self.pages, self.publisher))


def _citation(text: str, author: str = "") -> Citation:
    """``author``: the text's author (named at the head of a citation, not its title)."""
    text = _strip_period(text)
    reading = read_citation(text, author)
    title = reading.title
    lead = ""
    if title is None:
        title = text.split(",")[0].strip()
    elif not reading.of_kind(PartKind.AUTHOR):
        lead = text[:reading.title_start].strip()
    named = next((" ".join(text[p.start:p.end].split()) for p in reading.of_kind(PartKind.AUTHOR)),
                 None)
    if named is not None and author and named in (" ".join(author.split()),
                                                  author.split()[-1]):
        named = " ".join(author.split())
    return Citation(title, lead, reading.level, _VOLUME.search(text), _ISSUE.search(text),
                    _PAGES.search(text), reading.publisher, reading.place, named)


def _author(doc: Transcription) -> str:
    return next((repaired(b.text) for b in doc.of_kind(BlockKind.AUTHOR)), "")


def _scopes(citation: Citation) -> list[etree._Element]:
    scopes = []
    if citation.volume:
        number = roman_to_int(citation.volume.group("volume"))
        last = roman_to_int(citation.volume.group("last") or "")
        numbers = {"from": str(number), "to": str(last)} if number and last else \
            {"n": str(number) if number else None}
        scopes.append(el("biblScope", citation.volume.group(0), unit="volume", **numbers))
    if citation.issue:
        scopes.append(el("biblScope", citation.issue.group(0), unit="issue",
                         n=citation.issue.group("issue")))
    if citation.pages:
        pages = citation.pages
        scopes.append(el("biblScope", pages.group(0), unit="page", **{
            "from": pages.group("from"), "to": pages.group("to") or pages.group("from")}))
    return scopes


def _date_span(ctx: HeaderContext, block: Block) -> Span | None:
    """The date of a citation: the first outside its title ("The Commune of 1871, …, London
    1976" was printed in 1976)."""
    titles = read_citation(block.text, _author(ctx.doc)).of_kind(PartKind.TITLE)
    return next((s for s in ctx.spans if s.block == block.index and s.tag == "date"
                 and not any(t.start <= s.start < t.end for t in titles)), None)


def _date(ctx: HeaderContext, block: Block) -> etree._Element | None:
    span = _date_span(ctx, block)
    return ctx.weave_slice(el("date"), block, span.start, span.end) if span is not None else None


def _bibl_struct(ctx: HeaderContext, block: Block) -> etree._Element:
    """The printed source: an article in a periodical (an issue number or a month in the date)
    or a part of a book (publisher, place); a line that cites nothing stays a plain bibl."""
    doc = ctx.doc
    citation = _citation(repaired(block.text), _author(doc))
    date = _date(ctx, block)
    if not citation.is_citation and date is None:
        return el("bibl", _strip_period(repaired(block.text)), type="source")
    analytic = el("analytic")
    author = next(iter(doc.of_kind(BlockKind.AUTHOR)), None)
    if author is not None:
        append(analytic, el("author", repaired(author.text)))
    for kind in (BlockKind.TITLE, BlockKind.SUBTITLE):
        for title in doc.of_kind(kind):
            append(analytic, el("title", _one_line(title.text), level="a"))
    translation = doc.stated("translation")
    if translation is not None:
        append(analytic, el("respStmt", el("resp", "translated by"),
                            *(el("persName", name) for name in _names(
                                _responsibility("", repaired(translation.text))[1]))))
    periodical = citation.level == "j" if citation.level else (
        bool(citation.issue) or (date is not None and bool(_MONTH.search(date.text or ""))))
    imprint = el("imprint",
                 el("pubPlace", citation.place) if citation.place else None,
                 el("publisher", citation.publisher) if citation.publisher else None,
                 date)
    if not len(imprint):
        append(imprint, el("date"))
    monogr = el("monogr",
                el("author", citation.author) if citation.author and not periodical else None,
                el("title", citation.title, level="j" if periodical else "m"),
                imprint, *_scopes(citation))
    return el("biblStruct", analytic, monogr,
              type="journalArticle" if periodical else "bookSection")


def _first_publication(ctx: HeaderContext, block: Block) -> etree._Element:
    """"L’An 1 de la révolution russe, 1930." or "Izvestia, No. 52, March 16, 1918." """
    text = _strip_period(block.text)   # offsets of the date are the block's
    reading = read_citation(text, _author(ctx.doc))
    citation = _citation(repaired(text), _author(ctx.doc))
    year = _TRAILING_YEAR.search(text)
    language = ctx.settings.original_language or None
    titles = reading.of_kind(PartKind.TITLE)
    lead, title = "", ""
    if titles:
        lead = repaired(text[:titles[0].start]).strip()
        title = repaired(text[titles[0].start:titles[0].end])
    elif not reading.parts:
        # no citation read: the words before the date
        date_span = _date_span(ctx, block)
        cut = date_span.start if date_span is not None else (year.start() if year else len(text))
        title = repaired(text[:cut].strip().rstrip(",").strip())
    if not title:
        # "September 1917 in pamphlet form by Priboi Publishers", "as a pamphlet, Kraków 1907":
        # no title
        date_span = _date_span(ctx, block)
        if date_span is None:
            return el("bibl", repaired(text), type="firstPublication", xml_lang=language)
        # where it came out, before the date: "Hamburg, 1906, as a pamphlet"
        before: list[etree._Element | str | None] = []
        position = 0
        for part in reading.parts:
            if part.kind in _IMPRINT_PARTS and part.end <= date_span.start:
                before += [repaired(text[position:part.start]) or None,
                           _imprint_part(text, part)]
                position = part.end
        return el("bibl", *before, repaired(text[position:date_span.start]) or None,
                  _date(ctx, block), repaired(text[date_span.end:]) or None,
                  type="firstPublication", xml_lang=language)
    date_span = _date_span(ctx, block)
    date = _date(ctx, block)
    bibl = el("bibl", type="firstPublication", xml_lang=language)
    if titles and date_span is not None and date is not None and (
            date_span.end <= titles[0].start):
        # "1907 in the collection Agrarny Vopros": the date before the title
        append(bibl, repaired(text[:date_span.start]) or None, date,
               repaired(text[date_span.end:titles[0].start]) or None)
        date = None
        year = None
    elif lead:
        append(bibl, f"{lead} ")
    append(bibl, el("title", title))
    # where and by whom it came out, where the source says it: before the issue ("Novaya
    # Zhizn, Petrograd, No. 12") or after the date ("Pravda, No. 26, April 7, 1917, Petrograd")
    scoped = reading.of_kind(PartKind.SCOPE) + reading.of_kind(PartKind.DATE)
    first_scope = min((part.start for part in scoped), default=len(text))
    imprint = [part for part in reading.parts if part.kind in _IMPRINT_PARTS
               and titles and part.start >= titles[0].end]
    for part in imprint:
        if part.start < first_scope:
            append(bibl, ", ", _imprint_part(text, part))
    for scope in _scopes(citation):
        append(bibl, ", ", scope)
    if date is None and year:
        date = el("date", year.group("year"), when=year.group("year"))
    if date is not None:
        append(bibl, ", ", date)
    for part in imprint:
        if part.start >= first_scope:
            append(bibl, ", ", _imprint_part(text, part))
    return bibl


_IMPRINT_PARTS = {PartKind.PLACE: "pubPlace", PartKind.PUBLISHER: "publisher"}


def _imprint_part(text: str, part: Part) -> etree._Element:
    return el(_IMPRINT_PARTS[part.kind], repaired(text[part.start:part.end]))


# ------------------------------------------------------------------------------ encodingDesc

def _encoding_desc(ctx: HeaderContext) -> etree._Element:
    from teikit.convert.passes.encoding import HTML_REFERENCE, repair_kind

    doc = ctx.doc
    decoding = (f"The source file was decoded as {doc.encoding}"
                + (" (detected)." if doc.encoding_detected else " (as named by the user)."))
    repairs = "; ".join(f"“{original}” → “{fixed}” ({repair_kind(subtype)})"
                        for original, fixed, subtype in ctx.repairs)
    references = any(HTML_REFERENCE in subtype for _, _, subtype in ctx.repairs)
    correction = el("correction", el("p", (
        "Encoding damage (UTF-8 text once decoded with a single-byte code page) is repaired; "
        + ("so are the character references of a web page's source (“&quot;”); "
           if references else "")
        + "the damaged reading is kept in sic and the repair in corr with @resp. "
        + (f"Repairs: {repairs}." if repairs else "The source shows no such damage."))),
        status="high", method="markup")
    editorial = el(
        "editorialDecl",
        correction,
        el("normalization", el("p", decoding + " Spelling, transliteration and punctuation are "
                                 "kept as in the source; the source's own slips (for instance "
                                 "a full stop for a comma) are not corrected.")),
        el("quotation", el("p", "Quotation marks are not kept as characters: quote, q, "
                                "soCalled and the title of a work named in them record them in "
                                "@rend (double “ ”, single ‘ ’). A "
                                "paragraph that is entirely one quotation is encoded as a block "
                                "quotation (quote type=\"block\")" + _short_block_quotations(doc)
                                + _indented_quotations(doc) + "."),
                   marks="none"),
        el("hyphenation", el("p", "Hyphens are kept as in the source."), eol="none"),
        el("segmentation", el("p", "One p per paragraph of the source (paragraphs are separated "
                                   "by blank lines); header lines are kept in front, one p each"
                                   + _other_blocks(doc) + ".")),
        el("interpretation", el("p", _interpretation(ctx))),
    )
    return el("encodingDesc", editorial, _refs_decl())


def _refs_decl() -> etree._Element:
    """How the text is cited: section (the text's divisions in order: the body's sections,
    letters, parts and the chapters in them, then the appendices of the back, not a chapter's
    notes) and paragraph (a block's
    ``@n``, "3.12": the 12th block of section 3), the passages a DTS server serves. (One path
    of the descendant axis: position() counts along it, through the body and the back.)"""
    paragraph = el("citeStructure", unit="paragraph", match="*[@n]",
                   use="substring-after(@n, '.')", delim=".")
    divisions = "('section', 'letter', 'appendix', 'part', 'chapter')"
    section = el("citeStructure", paragraph, unit="section",
                 match=f"/TEI/text/descendant::div[@type = {divisions}]", use="position()")
    return el("refsDecl", section, n="sections", default="true")


def _short_block_quotations(doc: Transcription) -> str:
    """The clause naming one-line quotations set apart as paragraphs (a slogan, a cry), which a
    reader might have expected to be run into the prose."""
    short = [b for b in doc.of_kind(BlockKind.QUOTATION) if len(b.text.split()) <= _SHORT_WORDS]
    if not short:
        return ""
    quoted = ", ".join(f"“{b.text}”" for b in short)
    if len(short) == 1:
        return (f"; this includes the one-line quotation {quoted}, which the text sets apart as a "
                "paragraph of its own rather than running it into the prose")
    return (f"; this includes the one-line quotations {quoted}, which the text sets apart as "
            "paragraphs of their own rather than running them into the prose")


# what the editorial declaration says of each kind of block a text may have besides paragraphs
OTHER_BLOCK_CLAUSES: dict[BlockKind, str] = {
    BlockKind.LIST: "a paragraph whose lines each open with a marker (1., (a), •) is a list, "
                    "each marker a label before its item",
    BlockKind.SEPARATOR: "a line of signs alone (* * *) that breaks a section is an ab of type "
                         "separator",
    BlockKind.VERSE: "short lines set apart from the prose (set in, quoted whole, or after a "
                     "colon) are verse the text quotes: a block quotation holding an lg with an "
                     "l for each line, and an lg of type stanza for each stanza when blank lines "
                     "part them",
    BlockKind.POEM: "a text (or a section) that is verse alone, short lines in stanzas, is the "
                    "text's own verse, not a quotation: an lg with an l for each line, an lg of "
                    "type poem of stanzas when blank lines part them",
    BlockKind.TURN: "a paragraph that opens with a speaker's label (Question:, A:, a name in "
                    "capitals), where two speakers alternate, is a turn of a dialogue: an sp of "
                    "the label as printed, as its speaker, and the speech",
    BlockKind.EPIGRAPH: "a quotation with its source under it that opens the text or a section "
                        "is its epigraph",
    BlockKind.NAVIGATION: "the lines of the web page's navigation copied with the text (Next, "
                          "Contents, Top of the page) are its forme work, fw of type navigation, "
                          "outside the body and without mark-up",
}


def _other_blocks(doc: Transcription) -> str:
    """The clause for the blocks of the text that are not paragraphs, where it has them."""
    return "".join(f"; {clause}" for kind, clause in OTHER_BLOCK_CLAUSES.items()
                   if doc.of_kind(kind))


def _indented_quotations(doc: Transcription) -> str:
    """The clause for block quotations the text marks by indentation alone (no @rend)."""
    if not any(not b.key for b in doc.of_kind(BlockKind.QUOTATION)):
        return ""
    return ("; so is a paragraph the text sets in from its other paragraphs, without quotation "
            "marks (no @rend)")


def _other_signatures(ctx: HeaderContext) -> str:
    """Clauses for the signatures other than the editor's, and "[sic]", where the text has them."""
    tokens = {token for span in ctx.spans if span.tag == "note"
              for token in span.attrs.get("rend", "").split()}
    signers = [f"“– {word}” ({_SIGNER_NAMES[role]})" for token, (word, role) in SIGNATURES.items()
               if token in tokens and token != SIGNED_REND]
    clauses = ""
    if signers:
        clauses += ", and so " + ("is the signature " if len(signers) == 1 else
                                  "are the signatures ") + " and ".join(signers)
    if any(span.tag == "note" and span.attrs.get("type") == "sic" for span in ctx.spans):
        clauses += "; a bracketed “[sic]” is a note of type sic"
    return clauses


def _interpretation(ctx: HeaderContext) -> str:
    """What the markup of the editorial apparatus means, for the conventions this text uses."""
    doc = ctx.doc
    headnote = " ".join(b.text for b in doc.of_kind(BlockKind.HEADNOTE))
    editor = "the journal's editor" if headnote else "the editor of the source text"
    italics = ", which the source set in italics" if re.search(r"\bitalic", headnote) else ""
    sentences = [
        f"Bracketed insertions by {editor} are notes (type gloss for an identification or "
        f"expansion, type paraphrase for a sentence standing in for an omitted passage{italics}"
        ") with @resp pointing at the editor; an editor's signature “– Ed.” is recorded by "
        f"@resp and @rend{_other_signatures(ctx)}.",
        "Omission marks “...” are gap elements: outside quotations the editor's condensation "
        "(reason editorial), inside quotations an omission whose author the text does not "
        "state (reason omitted); @rend keeps the sign as printed.",
    ]
    if _FOOTNOTES_OMITTED.search(headnote):
        sentences.append("The author's footnotes were omitted by the journal and are not part "
                         "of this text.")
    elif doc.of_kind(BlockKind.FOOTNOTE):
        signs = sorted({b.key for b in doc.of_kind(BlockKind.FOOTNOTE)} & set(NOTE_SIGNS))
        marked = f" or signs {', '.join(f'“{s}”' for s in signs)} (in @n)" if signs else ""
        sentences.append("The notes printed at the end of the source are note elements at "
                         f"their markers “[n]”{marked} (type footnote).")
    sentences.append("Authorial parentheses such as (sic) and (!) are the author's text. Names "
                     "are marked up against the edition's register.")
    if doc.of_kind(BlockKind.STAGE) or any(s.tag == "stage" for s in ctx.spans):
        sentences.append("In the record of the speech, a parenthesis noting what the hall did "
                         "(“(Applause.)”, “(Laughter.)”, “(Cries of …)”) is a stage direction: "
                         "stage, its kind in @type (applause, laughter, noise, interjection), "
                         "the parentheses recorded by @rend.")
    sentences.append(_dates_sentence(ctx))
    return " ".join(sentences)


def _decision(ctx: HeaderContext) -> CalendarDecision:
    return decide_calendar(ctx.doc, ctx.settings.calendar)


def _dates_sentence(ctx: HeaderContext) -> str:
    """How the calendar and the years of the dates were decided, for this text."""
    decision = _decision(ctx)
    inferred = sum(1 for s in ctx.spans if s.tag == "date" and "cert" in s.attrs)
    if decision.calendar == "julian":
        calendar = ("Dates the text does not mark are taken as Old Style (Julian) up to 31 "
                    "January 1918 and as New Style after it")
    else:
        calendar = "Dates the text does not mark are taken as New Style (Gregorian)"
    how = "" if decision.cert is None else f", decided by the converter (certainty {decision.cert})"
    sentence = (f"{calendar} because {decision.reason}{how}; a date marked Old or New Style by "
                "the text or its editor, or written in both calendars, keeps what it says.")
    if ctx.settings.year is not None:
        sentence += (f" A date without a year takes the year of a full date before it in the "
                     f"same paragraph, else {ctx.settings.year}, as the edition config says.")
    else:
        sentence += (" A date without a year takes the year of the closest preceding date in "
                     "the same paragraph, else the text's own date (a letter's dateline, "
                     "“Written:” or “Delivered:”), else the date the narrative last named; a "
                     "date the text presents as past (“your letter of …”) lends its year to "
                     "nothing.")
    if inferred:
        sentence += (f" The {inferred} dates whose year or calendar was inferred carry @cert, "
                     "@resp and @evidence." if inferred > 1 else " The one date whose year or "
                     "calendar was inferred carries @cert, @resp and @evidence.")
    return sentence


# ------------------------------------------------------------------------------- profileDesc

def _profile_desc(ctx: HeaderContext) -> etree._Element:
    settings = ctx.settings
    profile = el("profileDesc")
    written = ctx.doc.field("written") or ctx.doc.field("delivered")
    if written is not None:
        append(profile, _creation(ctx, written))
    languages = [settings.language or "en"]
    original = settings.original_language
    usage = el("langUsage")
    for code in dict.fromkeys([*languages, original] if original else languages):
        role = "the text" if code == languages[0] else "titles and the original"
        append(usage, el("language", f"{_LANGUAGE_NAMES.get(code, code)} ({role})", ident=code))
    append(profile, usage)
    if ctx.calendars or any(s.tag == "date" for s in ctx.spans):
        append(profile, _calendar_desc(ctx))
    return profile


def _calendar_desc(ctx: HeaderContext) -> etree._Element:
    """The calendars the dates point at, and how the calendar of the unmarked ones was decided."""
    decision = _decision(ctx)
    how = ("The converter took the text's unmarked dates "
           + ("up to 31 January 1918 as Old Style" if decision.calendar == "julian"
              else "as New Style")
           + f" because {decision.reason}"
           + (f" (certainty {decision.cert})." if decision.cert else "."))
    calendar_desc = el("calendarDesc")
    if "julian" in ctx.calendars:
        append(calendar_desc, el(
            "calendar",
            el("p", "Julian calendar (Old Style), used in Russia until 31 January 1918, which "
                    "was followed by 14 February 1918; from 1900 to 2099 it runs 13 days behind "
                    "the Gregorian calendar (12 in the nineteenth century). Dates written in it "
                    "carry the written value in @when-custom (@from-custom, @to-custom, "
                    "@notBefore-custom, @notAfter-custom) and the Gregorian equivalent in @when "
                    "(@from, @to, @notBefore, @notAfter); a date the text writes in both "
                    "calendars (“March 2 (15, N.S.)”) is one date with both values and "
                    "@calendar=\"#julian #gregorian\"."),
            el("p", how),
            xml_id="julian"))
    append(calendar_desc, el(
        "calendar",
        el("p", "Gregorian calendar (New Style). A date the text or its editor marks New Style "
                "(“N.S.”, “[New Style – Ed.]”) carries @calendar=\"#gregorian\"."),
        el("p", how) if "julian" not in ctx.calendars else None,
        xml_id="gregorian"))
    return calendar_desc


def _creation(ctx: HeaderContext, written: Block) -> etree._Element:
    """"Written: 1925–1928, Vienna, Leningrad." → a date and one placeName per place. The date
    may itself hold a comma ("October 2, 1920"): places are what follows it."""
    creation = el("creation")
    text = written.text.rstrip().rstrip(".")
    lead = len(text) - len(text.lstrip())
    position = lead
    date = ctx.date_span(written)
    bare_date = re.match(r"[\d–—-]+(?=,|$)", text[lead:])
    first_comma = text.find(",", date.end if date is not None else lead)
    first_part_end = first_comma if first_comma >= 0 else len(text)
    if date is not None and date.end <= first_part_end:
        # "1925–1928", "October 2, 1920", "spring of 1906": words around the date in the first
        # part qualify it; they are not a place
        append(creation, text[lead:date.start] or None,
               ctx.weave_slice(el("date"), written, date.start, date.end),
               text[date.end:first_part_end] or None)
        position = first_part_end
    elif bare_date is not None:
        append(creation, el("date", bare_date.group()))
        position = lead + bare_date.end()
    for part in text[position:].split(","):
        start = position + len(part) - len(part.lstrip())
        end = position + len(part.rstrip())
        position += len(part) + 1
        if start >= end:
            continue
        place = next((s for s in ctx.spans if s.block == written.index
                      and s.tag == "placeName" and (s.start, s.end) == (start, end)), None)
        separator = ", " if len(creation) else None
        if place is None and any(s.block == written.index and s.tag in _NAME_TAGS
                                 and start <= s.start and s.end <= end for s in ctx.spans):
            # "at the Ivanovo Theatre", "au lycée d’Albi": words around a name the text marks
            # are no place of their own (a place inside a place is not valid)
            holder = ctx.weave_slice(el("p"), written, start, end)
            append(creation, separator, holder.text, *holder)
            continue
        append(creation, separator,
               ctx.weave_slice(el("placeName", **dict(place.attrs)) if place else
                               el("placeName"), written, start, end))
    return creation


# ------------------------------------------------------------------------------ revisionDesc

def _revision_desc(ctx: HeaderContext) -> etree._Element:
    revisions = el("revisionDesc")
    for block in ctx.doc.of_kind(BlockKind.TRAILER):
        span = ctx.date_span(block)
        when = span.attrs.get("when") if span is not None else None
        append(revisions, el("change", f"Source transcription: “{block.text}”",
                             when=when))
    when = ctx.settings.publication_date or None
    append(revisions, el("change", f"Converted from the plain-text transcription "
                                   f"{ctx.doc.name}.txt by teikit {__version__}.",
                         when=when, who="#teikit"))
    return revisions
