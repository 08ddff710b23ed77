"""Assemble the TEI document: blocks become block elements, their text is woven with the spans,
and the header is built from the same material.

Block → element (see docs/encoding.md):

    AUTHOR, TITLE, SUBTITLE    front/titlePage/docAuthor, docTitle/titlePart[@type]
    FIELD                      front/div[@type='transcription']/p  (<label>Label:</label> value)
    HEADNOTE, SIGNED           front/div[@type='headnote'][@resp]/p, signed
    AFTERWORD                  back/div[@type='afterword'][@resp]/p, after the appendices
    CONTENTS_HEADING, _ENTRY   front/div[@type='contents']: head, list[@type='simple'] of an
                               item per line, a ref to the heading it names
    HEADING                    body/div[@type='section']/head (starts a new section); a
                               heading right after it: head[@type='sub'] of the same section.
                               Where parts hold chapters ("PART ONE" over "Chapter 1"):
                               div[@type='part'] holding div[@type='chapter'], each numbered
                               as a section
    PARAGRAPH, QUOTATION       p, quote[@type='block'][@rend]
    POEM                       the text's own verse: an lg with an l per line (an lg[@type='poem']
                               of lg[@type='stanza'] over blank lines), numbered as a block
    VERSE                      quote[@type='block'][@rend] holding an lg with an l per line (an
                               lg[@type='poem'] of lg[@type='stanza'] when it has stanzas)
    DATELINE, SALUTE, SIGNED   a letter's opener/closer; the closer of a text or a section
                               that ends signed and dated (an lb opens each further line of
                               a signature)
    ADDRESS                    a letterhead or the addressee in the opener: address/addrLine
    POSTSCRIPT                 a letter's postscript, after the closer
    SEPARATOR                  ab[@type='separator'] ("* * *"), in the section it breaks
    a PARAGRAPH of a page      pb[@n][@rend] ("[Page 55]" alone: the printed source's page),
    marker alone               in the section, unnumbered
    STAGE                      stage[@type][@rend='parentheses|brackets'] ("(Applause.)"
                               standing alone)
    LIST                       list with a label (the marker as printed) and an item per entry
    TABLE                      table with its caption as head, a row per line (row[@role='label']
                               for a first row of words over figures) and a cell per cell
    TURN                       sp: the speaker's label as printed, then the speech as a p
    EPIGRAPH, EPIGRAPH_SOURCE  epigraph/quote[@rend] and bibl, at the head of the section it
                               opens (before or after its head)
    NOTES_HEADING, FOOTNOTE    back/divGen[@type='notes']/head; each footnote's text fills the
                               note at its marker "[n]"; a chapter's notes (the text goes on
                               after them): a divGen in the body after the chapter's div
    HEADING of an appendix     back/div[@type='appendix'] (key APPENDIX_KEY: the appendices
                               that end the text), before the notes
    TRAILER                    back/div[@type='colophon']/p
    NAVIGATION                 fw[@type='navigation']: the web page's, outside the text's flow
                               (in the front before the title page, or in the back)
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from teikit import XML_NS
from teikit.config import TextSettings
from teikit.convert.conventions import NOTE_LABELS, STAGE_MARKS
from teikit.convert.dialogue import speaker_label
from teikit.convert.header import HeaderContext, build_header
from teikit.convert.lists import list_items
from teikit.convert.model import APPENDIX_KEY, Block, BlockKind, Span, Transcription
from teikit.convert.page_marks import page_markers
from teikit.convert.paragraphs import (
    citation_number,
    division_level,
    heading_key,
    is_page_break,
    is_subheading,
    nests_chapters,
    written_ids,
)
from teikit.convert.tables import has_label_row, table_layout
from teikit.convert.verse import verse_stanzas
from teikit.convert.weave import weave
from teikit.tree import append, attribute_name, el, qname

# a closer's lines: the closing salutation, a place and date under the signature, the signature
CLOSER_TAGS = {BlockKind.SALUTE: "salute", BlockKind.DATELINE: "dateline"}

# a footnote's marker: (the notes section its number refers to, the number)
MarkerKey = tuple[int, str]

SCHEMA_MODELS = (
    ("edition.xsd", "http://www.w3.org/2001/XMLSchema"),
    ("edition.sch", "http://purl.oclc.org/dsdl/schematron"),
)


@dataclass
class Assembly:
    root: etree._Element
    warnings: list[str] = field(default_factory=list)
    dropped: list[Span] = field(default_factory=list)
    # the element each block was woven into (by block index), for comparing conversions
    elements: dict[int, etree._Element] = field(default_factory=dict)


# elements that name something: one of them covering a slice excludes another over the same text
NAME_TAGS = frozenset({"persName", "orgName", "placeName", "name", "title"})


class _Weaver:
    """Weaves blocks (or slices of them) with the spans that fall inside."""

    def __init__(self, doc: Transcription, spans: Sequence[Span]) -> None:
        self.doc = doc
        self.ids = written_ids(doc)
        self.elements: dict[int, etree._Element] = {}
        self.by_block: dict[int, list[Span]] = defaultdict(list)
        self.block_attrs: dict[int, dict[str, str]] = defaultdict(dict)
        for span in spans:
            if span.tag is None:
                self.block_attrs[span.block].update(span.attrs)
            else:
                self.by_block[span.block].append(span)
        self.dropped: list[Span] = []

    def identify(self, container: etree._Element, block: Block) -> etree._Element:
        """``container`` as the element of ``block``: its id, its number, the attributes the
        editor's corrections give the block."""
        if block.index in self.ids:
            container.set(f"{{{XML_NS}}}id", self.ids[block.index])
            if citation_number(self.ids[block.index]):
                container.set("n", citation_number(self.ids[block.index]))
        for key, value in self.block_attrs.get(block.index, {}).items():
            container.set(attribute_name(key), value)
        self.elements[block.index] = container
        return container

    def block(self, container: etree._Element, block: Block) -> etree._Element:
        self.identify(container, block)
        self.dropped.extend(weave(container, block.text, self.by_block.get(block.index, [])))
        return container

    def slice(self, container: etree._Element, block: Block, lo: int, hi: int) -> etree._Element:
        """Weave ``block.text[lo:hi]``; a span covering exactly that range with the container's
        tag lends the container its attributes."""
        inside = []
        local = etree.QName(container).localname
        for span in self.by_block.get(block.index, []):
            if (span.start, span.end) == (lo, hi) and span.tag == local:
                for key, value in span.attrs.items():
                    container.set(attribute_name(key), value)
            elif (span.start, span.end) == (lo, hi) and {span.tag, local} <= NAME_TAGS:
                continue   # the container says what kind of name this is; a guess does not
            elif lo <= span.start and span.end <= hi:
                inside.append(Span(span.block, span.start - lo, span.end - lo, span.tag,
                                   span.attrs, span.open_len, span.close_len, span.atomic,
                                   span.content, span.priority, span.concern))
        weave(container, block.text[lo:hi], inside)
        return container


def assemble(doc: Transcription, spans: Sequence[Span], settings: TextSettings) -> Assembly:
    weaver = _Weaver(doc, spans)
    front = _front(doc, weaver, settings)
    body, appendices, footnote_markers = _body(doc, weaver)
    back = _back(doc, weaver, footnote_markers, appendices, settings.editor_ref)
    warnings: list[str] = list(doc.warnings)

    context = HeaderContext(doc=doc, spans=spans, weave_slice=weaver.slice, settings=settings)
    for span in spans:
        if span.concern == "encoding" and span.content:
            original, corrected = span.content[0].text, span.content[1].text
            context.repairs.append((original, corrected, span.content[1].attrs["subtype"]))
        if span.tag == "gap":
            context.gaps += 1
        if span.tag == "note" and span.attrs.get("type") != "footnote":
            context.notes += 1
        for attribute in ("datingMethod", "calendar"):
            for token in span.attrs.get(attribute, "").split():
                if token.startswith("#"):
                    context.calendars.add(token[1:])
    header, header_warnings = build_header(context)
    warnings.extend(header_warnings)

    language = settings.language or "en"
    root = el("TEI", header, el("text", front, body, back), xml_lang=language,
              xml_id=document_id(settings.name),
              xml_base=settings.base_url.rstrip("/") or None)
    for span in weaver.dropped:
        block = doc.blocks[span.block]
        warnings.append(f"line {block.line}: {span.concern} markup <{span.tag}> over "
                        f"“{block.text[span.start:span.end]}” overlaps other markup; left out")
    return Assembly(root, warnings, weaver.dropped, weaver.elements)


def document_id(name: str) -> str:
    """The text's name as an ``xml:id`` (an NCName): other characters become "-", and a name
    that does not start with a letter or "_" gets the prefix "text-"."""
    ident = re.sub(r"[^\w.-]", "-", name)
    return ident if re.match(r"[^\W\d]", ident) else f"text-{ident}"


def keep_document_id_unique(root: etree._Element) -> None:
    """Move the document's ``xml:id`` (the text's name) aside when another element of the
    document has it — "ed.txt" and the editor's ``ed``, "lenin.txt" and the register's
    ``lenin``: "text-NAME", numbered if that is taken too."""
    key = attribute_name("xml:id")
    ident = root.get(key)
    taken = {e.get(key) for e in root.iter(etree.Element) if e is not root}
    if ident is None or ident not in taken:
        return
    candidate, number = f"text-{ident}", 2
    while candidate in taken:
        candidate, number = f"text-{ident}-{number}", number + 1
    root.set(key, candidate)


def add_schema_models(tree: etree._ElementTree, schema_href: str) -> None:
    """Insert ``<?xml-model?>`` instructions so XML editors validate as teikit does."""
    root = tree.getroot()
    for filename, namespace in SCHEMA_MODELS:
        instruction = etree.ProcessingInstruction(
            "xml-model",
            f'href="{schema_href}/{filename}" type="application/xml" '
            f'schematypens="{namespace}"')
        root.addprevious(instruction)


def with_schema_href(data: bytes, schema_href: str) -> bytes:
    """A serialised TEI document whose ``<?xml-model?>`` instructions for teikit's schemas point
    into ``schema_href`` instead (for a copy published beside a ``schema/`` folder); its
    fingerprint, if it has one, is renewed so the copy is still one teikit wrote. A document
    without teikit's instructions is returned as it is."""
    from teikit.fingerprint import PI_TARGET, detach, stamp
    from teikit.xmlio import parse_xml_bytes, serialize_tei

    tree = parse_xml_bytes(data)
    names = {filename for filename, _namespace in SCHEMA_MODELS}
    before_root = list(tree.getroot().itersiblings(preceding=True))
    models = [node for node in before_root if isinstance(node, etree._ProcessingInstruction)
              and node.target == "xml-model"
              and (node.get("href") or "").rsplit("/", 1)[-1] in names]
    if not models:
        return data
    for model in models:
        detach(model)
    add_schema_models(tree, schema_href)
    stamped = any(isinstance(node, etree._ProcessingInstruction) and node.target == PI_TARGET
                  for node in before_root)
    relocated = serialize_tei(tree)
    return stamp(relocated) if stamped else relocated


def _front(doc: Transcription, weaver: _Weaver, settings: TextSettings) -> etree._Element | None:
    front = el("front")
    for block in doc.of_kind(BlockKind.NAVIGATION):
        if block.key == "top":
            append(front, _navigation(weaver, block))
    title_page = el("titlePage")
    doc_title = el("docTitle")
    for block in doc.blocks:
        if block.kind is BlockKind.AUTHOR:
            append(title_page, weaver.block(el("docAuthor"), block))
        elif block.kind is BlockKind.TITLE:
            append(doc_title, weaver.block(el("titlePart", type="main"), block))
        elif block.kind is BlockKind.SUBTITLE:
            append(doc_title, weaver.block(el("titlePart", type="sub"), block))
    if len(doc_title):
        append(title_page, doc_title)
    if len(title_page):
        append(front, title_page)

    fields = doc.of_kind(BlockKind.FIELD)
    if fields:
        transcription = el("div", type="transcription")
        for block in fields:
            paragraph = el("p", el("label", block.label), " " if block.text else None)
            value = weaver.block(el("seg"), block)
            append(paragraph, value.text, *list(value))
            append(transcription, paragraph)
        append(front, transcription)

    headnote_blocks = [b for b in doc.blocks if b.kind is BlockKind.HEADNOTE]
    if headnote_blocks:
        editor = settings.editor_ref
        headnote = el("div", type="headnote", resp=note_writer(doc, headnote_blocks[0], editor))
        for block in doc.blocks:
            if block.kind is BlockKind.HEADNOTE:
                append(headnote, weaver.block(el("p"), block))
            elif block.kind is BlockKind.SIGNED and block.index <= headnote_blocks[-1].index + 1:
                append(headnote, weaver.block(el("signed", resp=editor), block))
        append(front, headnote)
    contents = _contents(doc, weaver)
    if contents is not None:
        append(front, contents)
    return front if len(front) else None


# the header field that names each writer of a note, by role
_WRITER_FIELDS = {"translator": "translation", "transcriber": "transcription"}


def note_writer(doc: Transcription, note: Block, editor: str) -> str:
    """The pointer to who writes a headnote or the note after the text: the translator or the
    transcriber its label names ("Translator's Note:"), when the header names them, else the
    editor."""
    field = _WRITER_FIELDS.get(note.key)
    return f"#{note.key}" if field and doc.stated(field) is not None else editor


def _contents(doc: Transcription, weaver: _Weaver) -> etree._Element | None:
    """The text's table of contents: its heading, and a list with an item for each line, the
    line a ``ref`` to the heading it names; the line breaks stay between the items."""
    heading = next(iter(doc.of_kind(BlockKind.CONTENTS_HEADING)), None)
    if heading is None:
        return None
    targets: dict[str, str] = {}
    for block in doc.of_kind(BlockKind.HEADING):
        if block.index in weaver.ids:
            targets.setdefault(heading_key(block.text), weaver.ids[block.index])
    entries = el("list", type="simple")
    for block in doc.of_kind(BlockKind.CONTENTS_ENTRY):
        if len(entries):
            entries[-1].tail = "\n"
        target = targets.get(block.key)
        line = weaver.block(el("ref", target=f"#{target}") if target else el("seg"), block)
        if target is None:      # (every line names a heading: ingest found it)
            append(entries, el("item", line.text, *list(line)))
        else:
            append(entries, el("item", line))
    return el("div", weaver.block(el("head"), heading), entries, type="contents")


def _body(doc: Transcription, weaver: _Weaver
          ) -> tuple[etree._Element, etree._Element, dict[MarkerKey, etree._Element]]:
    """The body, and the appendices that end the text (the children of an element to move into
    the back), and the footnote markers of both."""
    body = el("body")
    headnote_end = max((b.index for b in doc.blocks if b.kind is BlockKind.HEADNOTE), default=-1)
    section: etree._Element | None = None
    opener: etree._Element | None = None
    closer: etree._Element | None = None
    epigraph: etree._Element | None = None

    # the sections of the body; from the first appendix on, of the back matter
    appendices = el("back")
    container = body
    # where the text's parts hold its chapters, the part a chapter stands in
    nested = nests_chapters(doc)
    part: etree._Element | None = None

    def current() -> etree._Element:
        nonlocal section
        if section is None:
            section = el("div", type="section")
            append(container, section)
        return section

    notes_in_text = {notes.start: notes for notes in doc.notes_sections
                     if doc.stands_in_the_text(notes)}
    for block in doc.blocks:
        kind = block.kind
        if block.index in notes_in_text:
            # a chapter's notes, between it and the next chapter: the notes fill the markers
            # of the chapter, their division stands where the source printed them
            for element in _notes_division(doc, weaver, _footnote_markers(body, appendices),
                                           notes_in_text[block.index]):
                append(container, element)
        elif kind is BlockKind.HEADING and section is not None and is_subheading(doc, block):
            append(section, weaver.block(el("head", type="sub"), block))
        elif kind is BlockKind.HEADING:
            if block.key == APPENDIX_KEY:
                container = appendices     # the appendices that end the text: back matter
            level = division_level(block) if nested and block.key != APPENDIX_KEY else None
            # a letter's opener and closer belong to the section they were found in; an
            # epigraph that opens the text heads the first section with it
            if section is None or not all(child.tag == qname("epigraph") for child in section):
                section, opener, closer = el("div", type="section"), None, None
            if block.key == APPENDIX_KEY:
                section.set("type", "appendix")
            elif level is not None:
                section.set("type", level)
            # a chapter stands in the part before it; any other heading ends the part
            append(part if level == "chapter" and part is not None else container, section)
            part = section if level == "part" else part if level == "chapter" else None
            append(section, weaver.block(el("head"), block))
        elif kind is BlockKind.EPIGRAPH:
            epigraph = el("epigraph", weaver.block(el("quote", rend=block.key or None), block))
            append(current(), epigraph)
        elif kind is BlockKind.EPIGRAPH_SOURCE and epigraph is not None:
            append(epigraph, weaver.block(el("bibl"), block))
        elif is_page_break(block) and not doc.in_notes(block.index):
            (marker,) = page_markers(block.text.strip())
            append(current(), el("pb", n=marker[2], rend=marker[3]))
        elif kind is BlockKind.PARAGRAPH and not doc.in_notes(block.index):
            append(current(), weaver.block(el("p"), block))
        elif kind is BlockKind.BIBL:
            append(current(), weaver.block(el("bibl"), block))
        elif kind is BlockKind.QUOTATION and not doc.in_notes(block.index):
            append(current(), weaver.block(el("quote", type="block", rend=block.key or None),
                                            block))
        elif kind is BlockKind.VERSE:
            append(current(), _verse(weaver, block))
        elif kind is BlockKind.POEM:
            append(current(), _verse(weaver, block, quoted=False))
        elif kind is BlockKind.LIST:
            append(current(), _list(weaver, block))
        elif kind is BlockKind.TABLE:
            append(current(), _table(weaver, block))
        elif kind is BlockKind.TURN:
            append(current(), _turn(weaver, block))
        elif kind is BlockKind.SEPARATOR:
            append(current(), weaver.block(el("ab", type="separator"), block))
        elif kind is BlockKind.STAGE:
            rend = next(r for r, marks in STAGE_MARKS.items()
                        if marks == (block.prefix, block.suffix))
            append(current(), weaver.block(el("stage", type=block.key, rend=rend), block))
        elif kind is BlockKind.POSTSCRIPT:
            append(current(), el("postscript", weaver.block(el("p"), block)))
        elif kind is BlockKind.ADDRESS:
            if opener is None:
                opener = el("opener")
                append(current(), opener)
            append(opener, _address(weaver, block))
        elif kind in (BlockKind.DATELINE, BlockKind.SALUTE, BlockKind.SIGNED):
            if kind is BlockKind.SIGNED and block.index <= headnote_end + 1:
                continue  # the headnote's signature
            # an opener only before the section's text (its paragraphs, quotations, lists)
            in_opener = closer is None and not any(
                isinstance(c.tag, str) and c.tag not in (qname("head"), qname("opener"))
                for c in current())
            if in_opener:
                if opener is None:
                    opener = el("opener")
                    append(current(), opener)
                tag = "dateline" if kind is BlockKind.DATELINE else "salute"
                append(opener, weaver.block(el(tag), block))
            else:
                if closer is None:
                    closer = el("closer")
                    append(current(), closer)
                tag = CLOSER_TAGS.get(kind, "signed")
                append(closer, _lines_broken(weaver.block(el(tag), block)))
    if not len(body):
        append(body, el("div", el("p"), type="section"))
    _name_letters(body)
    return body, appendices, _footnote_markers(body, appendices)


def _footnote_markers(*parts: etree._Element) -> dict[MarkerKey, etree._Element]:
    """The empty ``note`` at each footnote marker of the ``parts`` of the text (the body, the
    appendices), by the notes section it refers to (each chapter's notes division ends one)
    and its number; the first of a number marked twice."""
    markers: dict[MarkerKey, etree._Element] = {}
    scope = 0
    elements = (e for part in parts for e in part.iter(qname("note"), qname("divGen")))
    for element in elements:
        if element.tag == qname("divGen"):
            scope += 1
        elif element.get("type") == "footnote" and element.get("n") and \
                "unanchored" not in (element.get("rend") or "").split():
            # (a note of an earlier notes section that had no marker is none)
            markers.setdefault((scope, element.get("n", "")), element)
    return markers


def _lines_broken(element: etree._Element) -> etree._Element:
    """A signature over several lines ("L. Trotsky" / "Chairman of the Petrograd Soviet"): an
    ``lb`` opens each line after the first, for the editions to set it as printed."""
    def broken(text: str, before: etree._Element | None) -> None:
        """Break ``text``, the element's own text or the tail of ``before``, at its newlines."""
        first, *rest = text.split("\n")
        if before is None:
            element.text = first + "\n"
        else:
            before.tail = first + "\n"
        at = 0 if before is None else element.index(before) + 1
        for number, line in enumerate(rest):
            element.insert(at + number, el("lb"))
            element[at + number].tail = line + ("\n" if number < len(rest) - 1 else "")

    for child in reversed(list(element)):
        if child.tail and "\n" in child.tail:
            broken(child.tail, child)
    if element.text and "\n" in element.text:
        broken(element.text, None)
    return element


def _name_letters(body: etree._Element) -> None:
    """A section that opens as a letter is one (``div type="letter"``): its opener has the
    salutation (a dateline alone opens an interview or an article as well); when the text
    holds several, each gets an id, ``letter-N`` after its section's number, for its
    ``correspDesc`` to point at."""
    letters = [div for div in body
               if div.find(f"{qname('opener')}/{qname('salute')}") is not None]
    for div in letters:
        div.set("type", "letter")
    if len(letters) < 2:
        return
    key = attribute_name("xml:id")
    for position, div in enumerate(body, start=1):
        if div in letters:
            head = div.find(qname("head"))
            number = head.get(key, "").removeprefix("h-") if head is not None else ""
            div.set(key, f"letter-{number or position}")


def _list(weaver: _Weaver, block: Block) -> etree._Element:
    """``list`` of ``label`` (the marker) and ``item`` pairs; the line breaks stay between."""
    element = weaver.identify(el("list"), block)
    previous_end = 0
    for label_lo, label_hi, item_lo, item_hi in list_items(block.text) or []:
        label = weaver.slice(el("label"), block, label_lo, label_hi)
        if len(element):
            element[-1].tail = block.text[previous_end:label_lo]
        element.append(label)
        label.tail = block.text[label_hi:item_lo]
        element.append(weaver.slice(el("item"), block, item_lo, item_hi))
        previous_end = item_hi
    return element


def _table(weaver: _Weaver, block: Block) -> etree._Element:
    """``table`` of a ``head`` (the caption, when there is one), then a ``row`` per line and a
    ``cell`` per cell; the spaces and line breaks between cells stay between the elements.
    Markup that runs from one cell into the next cannot be woven into either: it is left out,
    and reported."""
    table = weaver.identify(el("table"), block)
    head, rows = table_layout(block.text)
    parts = [head] if head else []
    parts += [cell for row in rows for cell in row]
    weaver.dropped.extend(
        span for span in weaver.by_block.get(block.index, [])
        if not any(lo <= span.start and span.end <= hi for lo, hi in parts))
    labels = has_label_row([[block.text[lo:hi] for lo, hi in row] for row in rows])
    previous: etree._Element = table
    previous_end = 0

    def between(element: etree._Element, lo: int) -> None:
        """The source between the element before and ``lo``, as text or tail."""
        gap = block.text[previous_end:lo]
        if previous is element.getparent():
            previous.text = gap
        else:
            previous.tail = gap

    if head is not None:
        element = weaver.slice(el("head"), block, *head)
        table.append(element)
        between(element, head[0])
        previous, previous_end = element, head[1]
    for number, cells in enumerate(rows):
        row = el("row", role="label" if labels and number == 0 else None)
        table.append(row)
        between(row, cells[0][0])
        previous, previous_end = row, cells[0][0]
        for lo, hi in cells:
            cell = weaver.slice(el("cell"), block, lo, hi)
            row.append(cell)
            between(cell, lo)
            previous, previous_end = cell, hi
        previous = row
    return table


def _verse(weaver: _Weaver, block: Block, *, quoted: bool = True) -> etree._Element:
    """The verse a text quotes: ``quote[@type='block']`` holding one ``lg`` of an ``l`` per
    line, or, over blank lines, an ``lg[@type='poem']`` of an ``lg[@type='stanza']`` per
    stanza; the verse that is the text itself (not ``quoted``): that ``lg``, with the block's
    id. The line breaks and blank lines stay between them. Markup that runs from one line
    into the next (a quotation over two lines) cannot be woven into either: it is left out,
    and reported, its marks staying text."""
    stanzas = verse_stanzas(block.text)
    lines = [line for stanza in stanzas for line in stanza]
    weaver.dropped.extend(
        span for span in weaver.by_block.get(block.index, [])
        if not any(lo <= span.start and span.end <= hi for lo, hi in lines))
    # the verse: a poem of stanzas, or the one stanza's lg
    poem = el("lg", type="poem") if len(stanzas) > 1 else None
    verse = poem if poem is not None else el("lg")
    outer = el("quote", verse, type="block", rend=block.key or None) if quoted else verse
    weaver.identify(outer, block)
    previous: etree._Element | None = None
    previous_end = 0
    for stanza in stanzas:
        group = verse if poem is None else el("lg", type="stanza")
        if poem is not None:
            poem.append(group)
        if previous is not None:
            previous.tail = block.text[previous_end:stanza[0][0]]
        line_before: etree._Element | None = None
        for lo, hi in stanza:
            if line_before is not None:
                line_before.tail = block.text[previous_end:lo]
            line_before = weaver.slice(el("l"), block, lo, hi)
            group.append(line_before)
            previous_end = hi
        previous = group
    return outer
def _turn(weaver: _Weaver, block: Block) -> etree._Element:
    """``sp`` of the ``speaker`` (the label as printed, "Question:") and the ``p`` of the
    speech; the space between stays between them."""
    element = weaver.identify(el("sp"), block)
    label = speaker_label(block.text)
    end, speech = (label.end, label.speech) if label else (0, 0)
    if end:
        speaker = weaver.slice(el("speaker"), block, 0, end)
        speaker.tail = block.text[end:speech]
        element.append(speaker)
    element.append(weaver.slice(el("p"), block, speech, len(block.text)))
    return element


def _address(weaver: _Weaver, block: Block) -> etree._Element:
    """``address`` with one ``addrLine`` per line; the line breaks stay between them."""
    address = el("address")
    position = 0
    previous: etree._Element | None = None
    previous_end = 0
    for line in block.text.split("\n"):
        lo = position + len(line) - len(line.lstrip())
        hi = position + len(line.rstrip())
        position += len(line) + 1
        if hi <= lo:
            continue
        if previous is not None:
            previous.tail = block.text[previous_end:lo]
        previous = weaver.slice(el("addrLine"), block, lo, hi)
        previous_end = hi
        address.append(previous)
    return address


def _back(doc: Transcription, weaver: _Weaver, markers: dict[MarkerKey, etree._Element],
          appendices: etree._Element, editor: str) -> etree._Element | None:
    back = el("back", *list(appendices))
    for block in doc.of_kind(BlockKind.AFTERWORD):
        append(back, el("div", weaver.block(el("p"), block), type="afterword",
                        resp=note_writer(doc, block, editor)))
    last = doc.notes_sections[-1] if doc.notes_sections else None
    if last is not None and not doc.stands_in_the_text(last):
        for element in _notes_division(doc, weaver, markers, last):
            append(back, element)
    for block in doc.of_kind(BlockKind.TRAILER, BlockKind.NAVIGATION):
        if block.kind is BlockKind.TRAILER:
            append(back, el("div", weaver.block(el("p"), block), type="colophon"))
        elif block.key != "top":
            append(back, _navigation(weaver, block))
    return back if len(back) else None


def _notes_division(doc: Transcription, weaver: _Weaver,
                    markers: dict[MarkerKey, etree._Element],
                    section: range) -> list[etree._Element]:
    """One notes section of the source. Labelled notes: a ``divGen`` of the notes (with the
    section's heading and how it labels them), each note's text moved into the ``note`` at its
    marker, a note without a marker in a ``div`` of the notes after it. Notes the text has no
    markers for: a ``div`` of the back matter, read as it stands."""
    blocks = [doc.blocks[index] for index in section]
    heading = blocks[0] if blocks[0].kind is BlockKind.NOTES_HEADING else None
    footnotes = [block for block in blocks if block.kind is BlockKind.FOOTNOTE]
    continuing = (BlockKind.PARAGRAPH, BlockKind.QUOTATION)
    if heading is not None and not footnotes:
        notes = el("div", weaver.block(el("head"), heading), type="notes")
        for block in blocks[1:]:
            if block.kind in continuing:
                append(notes, weaver.block(el("p"), block))
        return [notes]
    # (notes marked by signs may end the text without a heading)
    template = footnotes[0].label.replace(footnotes[0].key, "n", 1) if footnotes else "[n]"
    division = el("divGen", weaver.block(el("head"), heading) if heading else None,
                  type="notes", rend=template)
    orphans = el("div", type="notes")
    last_note: etree._Element | None = None
    attached: set[str] = set()
    for block in blocks:
        if block.kind is BlockKind.FOOTNOTE:
            # a second note of one number (notes numbered again) has no marker of its own
            key = (doc.note_scope(block.index), block.key)
            note = markers.get(key) if block.key not in attached else None
            attached.add(block.key)
            if note is None:
                note = el("note", type="footnote", place="end", n=block.key, rend="unanchored")
                append(orphans, el("p", note))
            weaver.block(note, block)
            label = block.label.replace(block.key, "n", 1)
            if label != template and label in NOTE_LABELS:
                note.set("rend", " ".join([*(note.get("rend") or "").split(), label]))
            last_note = note
        elif block.kind in continuing and last_note is not None:
            # (a labelled note comes first: see ingest)
            append(last_note, "\n\n")
            woven = weaver.block(el("seg"), block)
            append(last_note, woven.text, *list(woven))
    return [division, *([orphans] if len(orphans) else [])]


def _navigation(weaver: _Weaver, block: Block) -> etree._Element:
    """A line of the web page's navigation as the page's forme work, where on the page it
    stood ("top", "bottom")."""
    return weaver.block(el("fw", type="navigation", place=block.key or "bottom"), block)
