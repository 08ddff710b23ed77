"""Names of people, organisations, places, periodicals and events, matched against the register.

Rules (see ``docs/entities.md``):

- Every name form of every register entry is matched case-sensitively, on word boundaries
  (a hyphen is a boundary: "Lenin-Trotsky" gives two names), straight or curly apostrophes alike.
- Longest match wins: "Dan Eastman" is not "Dan", "Left S-Rs" is not "S-Rs".
- A possessive "’s" stays outside the element ("Lenin’s").
- A form that several entries share ("Central Committee", "Municipal Duma") is decided by
  context: the entries' *neighbours* (what the register ties them to by ``relation``: the party of
  a committee, its members, the city of a duma) are counted in the same paragraph; the candidate
  with most neighbours wins, a tie goes to the nearest preceding one; with none in the paragraph
  the previous paragraphs of the same section are asked in turn. Undecided mentions get no
  ``@ref`` and ``cert="low"``, for an editor to review.
- Without a register, names found by :func:`teikit.register.candidates.find_candidates` that the
  pass is confident about are tagged without ``@ref``, with ``cert`` and ``resp`` saying that
  nobody reviewed them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from teikit.config import TextSettings
from teikit.convert.model import BlockKind, Span, Transcription
from teikit.convert.passes.base import PassResult
from teikit.register.candidates import find_candidates
from teikit.register.entries import EMPTY_REGISTER, EntityKind, Entry, Register
from teikit.register.matcher import FormMatcher, Mention

CONCERN = "entities"
# the title page: the author is tagged against the register (so that the header's author points
# at the entry), the work's own title and part are not (they are the document, not a mention);
# without a register the converter does not guess in the title page at all
SKIPPED_KINDS = frozenset({BlockKind.AUTHOR, BlockKind.TITLE, BlockKind.SUBTITLE})
TITLE_PAGE_UNTAGGED = frozenset({BlockKind.TITLE, BlockKind.SUBTITLE})
# how many earlier paragraphs of a section may decide an ambiguous form
CONTEXT_BLOCKS = 3
APOSTROPHES = "'’"

TAG_OF_KIND = {
    EntityKind.PERSON: "persName",
    EntityKind.ORG: "orgName",
    EntityKind.PLACE: "placeName",
    EntityKind.TITLE: "title",
    EntityKind.EVENT: "name",
}


def _blocked(start: int, end: int, spans: Sequence[Span]) -> bool:
    """Would a name at start..end cross an earlier span, or fall inside an atomic one?"""
    for span in spans:
        if span.tag is None:
            continue
        if span.atomic and span.start < end and start < span.end:
            return True
        crosses = span.start < start < span.end < end or start < span.start < end < span.end
        if crosses:
            return True
        inner_start, inner_end = span.inner
        # a name may not swallow a delimiter the element records (a quotation mark, a bracket)
        in_open = span.start <= start < inner_start or span.start < end <= inner_start
        in_close = inner_end <= start < span.end or inner_end < end <= span.end
        if in_open or in_close:
            return True
    return False


@dataclass(frozen=True)
class EntityOptions:
    register: Register = EMPTY_REGISTER
    software_ref: str = "#teikit"   # who tagged the names nobody reviewed (without a register)

    @classmethod
    def from_settings(cls, settings: TextSettings, register: Register) -> EntityOptions:
        return cls(register)


def run(doc: Transcription, earlier: Sequence[Span], options: EntityOptions) -> PassResult:
    """Propose ``persName``/``orgName``/``placeName``/``title``/``name`` spans."""
    by_block: dict[int, list[Span]] = {}
    for span in earlier:
        by_block.setdefault(span.block, []).append(span)
    if not len(options.register):
        return PassResult(tuple(_unreviewed(doc, by_block, options.software_ref)))
    matcher = FormMatcher(options.register)
    mentions: dict[int, list[Mention]] = {}
    for block in doc.blocks:
        if block.kind in TITLE_PAGE_UNTAGGED:
            continue
        spans = by_block.get(block.index, [])
        mentions[block.index] = [
            m for m in matcher.find(block) if not _blocked(m.start, m.end, spans)
        ]
    resolved = resolve_mentions(doc, mentions, options.register)
    return PassResult(tuple(_span(mention, entry) for mention, entry in resolved))


def _span(mention: Mention, entry: Entry | None) -> Span:
    if entry is None:
        kinds = {c.kind for c in mention.candidates}
        kind = kinds.pop() if len(kinds) == 1 else EntityKind.ORG
        attrs: dict[str, str] = {"cert": "low"}
        tag = TAG_OF_KIND[kind]
        if kind is EntityKind.EVENT:
            attrs = {"type": "event", **attrs}
        return Span(mention.block, mention.start, mention.end, tag, attrs, concern=CONCERN)
    attrs = {}
    if entry.kind is EntityKind.TITLE:
        attrs["level"] = entry.level or "m"
    if entry.kind is EntityKind.EVENT:
        attrs["type"] = "event"
    attrs["ref"] = f"#{entry.id}"
    return Span(mention.block, mention.start, mention.end, entry.element_name, attrs,
                concern=CONCERN)


def _unreviewed(doc: Transcription, by_block: dict[int, list[Span]],
                software_ref: str) -> list[Span]:
    out: list[Span] = []
    for candidate in find_candidates(doc):
        if not candidate.confident:
            continue
        for block_index, start, end in candidate.occurrences:
            if doc.blocks[block_index].kind in SKIPPED_KINDS:
                continue   # without a register the title page is left as it is
            if _blocked(start, end, by_block.get(block_index, [])):
                continue
            attrs = {"cert": "medium", "resp": software_ref}
            tag = TAG_OF_KIND[candidate.kind]
            if candidate.kind is EntityKind.EVENT:
                attrs = {"type": "event", **attrs}
            if candidate.kind is EntityKind.TITLE:
                attrs = {"level": candidate.title_level, **attrs}
            out.append(Span(block_index, start, end, tag, attrs, concern=CONCERN))
    return out


def resolve_mentions(doc: Transcription, mentions: dict[int, list[Mention]],
                     register: Register) -> list[tuple[Mention, Entry | None]]:
    """Give each mention its entry; shared forms are decided by context (or left ``None``)."""
    neighbours = {
        entry.id: register.neighbours(entry.id)
        for found in mentions.values() for m in found if m.ambiguous for entry in m.candidates
    }
    sections = _sections(doc)
    out: list[tuple[Mention, Entry | None]] = []
    for block_index, found in mentions.items():
        for mention in found:
            if not mention.ambiguous:
                out.append((mention, mention.candidates[0]))
                continue
            context = [block_index, *reversed(sections.get(block_index, [])[-CONTEXT_BLOCKS:])]
            choice = None
            for index in context:
                choice = _decide(mention, mentions.get(index, []), neighbours,
                                 before=mention.start if index == block_index else None)
                if choice is not None:
                    break
            out.append((mention, choice))
    return out


def _decide(mention: Mention, context: list[Mention], neighbours: dict[str, set[str]],
            before: int | None) -> Entry | None:
    counts: Counter[str] = Counter()
    nearest: dict[str, int] = {}
    for other in context:
        if other is mention or other.ambiguous:
            continue
        other_id = other.candidates[0].id
        for candidate in mention.candidates:
            if other_id in neighbours[candidate.id]:
                counts[candidate.id] += 1
                if before is None or other.end <= before:
                    distance = (before - other.end) if before is not None else -other.end
                    nearest[candidate.id] = min(nearest.get(candidate.id, 10**9), distance)
    if not counts:
        return None
    best = max(counts.values())
    leaders = [c for c in mention.candidates if counts[c.id] == best]
    if len(leaders) > 1:
        leaders.sort(key=lambda c: nearest.get(c.id, 10**9))
        if nearest.get(leaders[0].id, 10**9) == nearest.get(leaders[1].id, 10**9):
            return None
    return leaders[0]


def _sections(doc: Transcription) -> dict[int, list[int]]:
    """For each block, the earlier blocks of its section (a heading starts a new one)."""
    earlier: dict[int, list[int]] = {}
    current: list[int] = []
    previous_kind: BlockKind | None = None
    for block in doc.blocks:
        starts_section = block.kind is BlockKind.HEADING or (
            previous_kind is BlockKind.HEADNOTE and block.kind is not BlockKind.HEADNOTE)
        if starts_section:
            current = []
        earlier[block.index] = list(current)
        current.append(block.index)
        previous_kind = block.kind
    return earlier

