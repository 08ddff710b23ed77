"""The document model between ingest and weave.

A :class:`Transcription` is the source text cut into :class:`Block` s (title lines, header fields,
headnote, headings, paragraphs, block quotations, footnotes, trailer), each remembering where it
sits in the source. Markup passes read blocks and propose :class:`Span` s; only
:func:`teikit.convert.weave.weave` turns text and spans into XML.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType


class BlockKind(StrEnum):
    AUTHOR = "author"            # title block, line 1: "Victor Serge"
    TITLE = "title"              # title block, line 2: the work
    SUBTITLE = "subtitle"        # title block, line 3: the part ("II – The Counter-…")
    FIELD = "field"              # header field "Label: value"
    HEADNOTE = "headnote"        # editor's headnote paragraph
    AFTERWORD = "afterword"      # the editor's note after the text, labelled as a headnote is
                                 # ("Editor's Note: …")
    HEADING = "heading"          # section heading
    PARAGRAPH = "paragraph"
    QUOTATION = "quotation"      # a paragraph that is entirely one quotation (marks stripped)
    VERSE = "verse"              # lines of verse set apart from the prose: a quoted poem, its
                                 # stanzas (one source line for each line of verse)
    POEM = "poem"                # verse that is the text itself (a poem, a song), not quoted:
                                 # its stanzas, one source line for each line of verse
    TURN = "turn"                # a dialogue's paragraph that opens with its speaker ("Q: …")
    EPIGRAPH = "epigraph"        # a quotation opening the text or a section (marks stripped)
    EPIGRAPH_SOURCE = "epigraph-source"  # the line under it that names its source ("– Marx")
    DATELINE = "dateline"        # letter: place and date at the head
    ADDRESS = "address"          # letter: a letterhead or the addressee's address, one line each
    SALUTE = "salute"            # letter: "Dear Comrades," / "Yours fraternally,"
    SIGNED = "signed"            # letter or headnote: the signature
    POSTSCRIPT = "postscript"    # letter: "P.S. …" after the signature
    BIBL = "bibl"                # a work cited on a line of its own, with its imprint: the
                                 # book a review reviews ("N. Sukhanov, Notes on the Revolution,
                                 # Vols. I–III. Berlin: Grzhebin, 1922.")
    SEPARATOR = "separator"      # "* * *", "⁂": a break inside a section
    LIST = "list"                # lines that each open with a marker ("1. …", "• …")
    TABLE = "table"              # rows of cells parted by runs of spaces ("1913    287"), with
                                 # the caption on the line before it ("Table: …") when simple
    CONTENTS_HEADING = "contents-heading"  # "Contents" over the text's table of contents
    CONTENTS_ENTRY = "contents-entry"  # a line of it, naming a heading of the text (key: the
                                 # words of the heading it names, paragraphs.heading_key)
    NOTES_HEADING = "notes-heading"  # the heading of a "Notes" section: the text's, at its end,
                                 # or a chapter's, before the next chapter's heading
    FOOTNOTE = "footnote"        # one entry of that section (its label stripped)
    STAGE = "stage"              # speech: a stage direction standing alone, "(Applause.)"
                                 # (parentheses stripped)
    NAVIGATION = "navigation"    # a line of the web page's navigation ("Next | Contents")
    TRAILER = "trailer"          # "Last updated on: …"


# blocks that are one quotation whole: a paragraph in marks or set in, and verse (the lines of a
# poem the text quotes)
QUOTED_KINDS = frozenset({BlockKind.QUOTATION, BlockKind.VERSE})
# what a notes section holds after its heading: the notes, and paragraphs that continue them
_NOTES_SECTION_KINDS = frozenset({BlockKind.NOTES_HEADING, BlockKind.FOOTNOTE,
                                  BlockKind.PARAGRAPH, BlockKind.QUOTATION})
# the header field that makes a text a speech: where and when it was delivered
SPEECH_FIELD = "delivered"
# the key of a signature whose first line says in whose name it signs ("On behalf of the
# Executive Committee:"): that line names no signer
LEAD_IN_KEY = "lead-in"
# the key of a heading that opens one of the appendices ending the text ("Appendix: The
# Resolution"): its section is back matter
APPENDIX_KEY = "appendix"


@dataclass(frozen=True, slots=True)
class Block:
    """A run of source text that becomes one block-level TEI element.

    ``text`` is exactly the source characters the block's content spans (for a field, the value
    after the label; for a quotation, the text inside the outer marks). ``prefix`` and
    ``suffix`` are source characters outside ``text`` that the block element records instead
    (a field's label, a quotation's marks, a footnote's label): read-back restores them.
    """

    index: int
    kind: BlockKind
    text: str
    offset: int                  # index of ``text`` in the decoded source
    line: int                    # 1-based source line of the block's first character
    prefix: str = ""
    suffix: str = ""
    label: str = ""              # FIELD: the label as written ("First Published:"); FOOTNOTE: "1";
                                 # TURN: the speaker's label that opens its text ("Q.")
    key: str = ""                # FIELD: canonical key ("first_published"); FOOTNOTE: note number;
                                 # QUOTATION, VERSE: the marks' @rend; STAGE: its @type
                                 # NAVIGATION: where on the page ("top", "bottom");
                                 # SIGNED: LEAD_IN_KEY when it opens with a lead-in;
                                 # HEADING: APPENDIX_KEY when it opens an appendix
                                 # HEADNOTE, AFTERWORD: who writes it, when its label says
                                 # ("editor", "translator", "transcriber")


@dataclass(frozen=True, slots=True)
class Transcription:
    """A decoded source text cut into blocks, plus what ingest learnt on the way."""

    name: str                    # stem used for output names and ids
    source: str                  # the full decoded text
    blocks: tuple[Block, ...]
    encoding: str                # codec used to decode the bytes ("utf-8", "cp1252", …)
    encoding_detected: bool      # False when the user named the encoding
    warnings: tuple[str, ...] = ()
    # the blocks of each notes section (its heading, its notes, their further paragraphs), in
    # the order of the text: a chapter's notes before the next chapter, the text's at its end
    notes_sections: tuple[range, ...] = field(init=False, repr=False, compare=False)
    # for each block, how many notes sections end before it (found once: the passes and the
    # assembly ask for every block)
    _scopes: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        sections: list[range] = []
        start: int | None = None
        for block in self.blocks:
            if start is not None and (block.kind is BlockKind.NOTES_HEADING
                                      or block.kind not in _NOTES_SECTION_KINDS):
                sections.append(range(start, block.index))
                start = None
            if start is None and block.kind in (BlockKind.NOTES_HEADING, BlockKind.FOOTNOTE):
                start = block.index     # (notes marked by signs have no heading)
        if start is not None:
            sections.append(range(start, len(self.blocks)))
        scopes, ended = [], 0
        for index in range(len(self.blocks)):
            while ended < len(sections) and sections[ended].stop <= index:
                ended += 1
            scopes.append(ended)
        object.__setattr__(self, "notes_sections", tuple(sections))
        object.__setattr__(self, "_scopes", tuple(scopes))

    def in_notes(self, index: int) -> bool:
        """Whether block ``index`` belongs to a notes section (a paragraph there continues the
        note before it)."""
        scope = self._scopes[index]
        return scope < len(self.notes_sections) and index in self.notes_sections[scope]

    def note_scope(self, index: int) -> int:
        """Which notes section the markers of block ``index`` refer to, or which holds it: the
        first that does not end before it. A chapter's "[1]" is the note "1." under that
        chapter, not the first chapter's."""
        return self._scopes[index]

    def closes_a_chapter(self, section: range) -> bool:
        """Whether the notes ``section`` is a chapter's: the text goes on after it (a heading
        follows), rather than ending with it."""
        return section.stop < len(self.blocks) and \
            self.blocks[section.stop].kind is BlockKind.HEADING

    def stands_in_the_text(self, section: range) -> bool:
        """Whether the notes ``section`` stands among the text's divisions, where the source
        printed it — a chapter's notes, or any notes before the text's last (a chapter's
        heading with nothing under it is no heading) — rather than in the back."""
        return self.closes_a_chapter(section) or section != self.notes_sections[-1]

    def of_kind(self, *kinds: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind in kinds]


    @property
    def is_speech(self) -> bool:
        """A speech: its header says where or when it was delivered ("Delivered:")."""
        return self.field(SPEECH_FIELD) is not None

    def dates_the_text(self, dateline: Block) -> bool:
        """Whether a dateline dates the whole text: not the closer of a section that a heading
        follows (a preface "Petrograd, August 1917" before the text of April)."""
        after = self.blocks[dateline.index + 1:]
        before = reversed(self.blocks[:dateline.index])
        closes_a_section = any(b.kind is BlockKind.PARAGRAPH for b in itertools.takewhile(
            lambda b: b.kind is not BlockKind.HEADING, before))
        return not (closes_a_section and any(b.kind is BlockKind.HEADING for b in after))

    def field(self, key: str) -> Block | None:
        return next((b for b in self.blocks if b.kind is BlockKind.FIELD and b.key == key), None)

    def stated(self, key: str) -> Block | None:
        """The field of ``key`` when its value names someone: "Traduction : —" says that
        nobody translated the text, "Translated: Unknown" that nobody knows who did; neither
        names a translator."""
        found = self.field(key)
        if found is None or not any(c.isalnum() for c in found.text):
            return None
        said = " ".join(found.text.lower().replace(".", " ").split())
        return None if said in NOBODY_NAMED else found


# what a header field says when it names no one: "Translated: Unknown", "Übersetzer:
# unbekannt", "Traduction : anonyme"
NOBODY_NAMED = frozenset({
    "unknown", "not known", "translator unknown", "unknown translator", "anonymous", "anon",
    "n/a", "none", "not stated", "unbekannt", "anonym", "inconnu", "inconnue", "anonyme",
    "non connu"})


Attrs = Mapping[str, str]
EMPTY_ATTRS: Attrs = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Node:
    """A small element tree for the content of atomic spans (e.g. ``choice/sic/corr``)."""

    tag: str
    attrs: Attrs = field(default_factory=dict)
    text: str = ""
    children: tuple[Node, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """A pass's proposal: mark ``block.text[start:end]`` up as element ``tag``.

    - ``open_len``/``close_len``: delimiter characters at the span's edges (“ ”, [ ], "– Ed.]")
      that the element's attributes record instead of its text; read-back restores them.
    - ``atomic``: the source slice is replaced by ``content`` (and nothing nests inside).
    - ``tag=None``: the attributes belong to the block element itself (e.g. ``@who`` on a block
      quotation); ``start``/``end`` are ignored.
    - ``priority``: when two spans cross, the lower priority one is dropped (and reported).
    - Attribute names are TEI names; ``xml:id``/``xml:lang`` are written with the prefix.
    """

    block: int
    start: int
    end: int
    tag: str | None
    attrs: Attrs = field(default_factory=dict)
    open_len: int = 0
    close_len: int = 0
    atomic: bool = False
    content: tuple[Node, ...] = ()
    priority: int = 0
    concern: str = ""

    def __post_init__(self) -> None:
        if self.tag is not None and not (0 <= self.start <= self.end):
            raise ValueError(f"bad span range {self.start}..{self.end}")
        if self.open_len + self.close_len > self.end - self.start:
            raise ValueError("delimiters longer than the span")
        object.__setattr__(self, "attrs", MappingProxyType(dict(self.attrs)))

    @property
    def inner(self) -> tuple[int, int]:
        """The range of the element's text content (delimiters excluded)."""
        return self.start + self.open_len, self.end - self.close_len
