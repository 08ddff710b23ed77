"""Score a generated TEI edition of the seed against the editor's reference annotation.

    python -m eval.score_gold [TEI] [--gold GOLD] [--source SOURCE] [--json]

Reads the TEI (default ``tei/serge-year-one-2.xml``), puts every name, date and quotation back at
its place in the source (line = index over non-empty lines, offsets into that line, as the
reference annotation counts them), and compares with ``../shared/gold/seed-gold.json``:

- mentions: precision/recall over required mentions of the body and headnote (optional ones
  neutral), matched by span (or an accepted alternative span) and type; one ``@ref`` per
  reference entity and distinct refs for distinct entities; traps (``negatives``) triggered;
- dates: required dates found with the right Gregorian value (and Julian value where the text
  uses Old Style); ``date_negatives`` triggered;
- quotations: segments found with the right kind; block quotations found.

Only this scorer reads the reference annotation; the converter never does.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from teikit.convert.conventions import QUOTE_MARKS

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_GOLD = SHARED / "gold" / "seed-gold.json"
DEFAULT_SOURCE = SHARED / "seed" / "000_cbfdfa432e988fe7.txt"
DEFAULT_TEI = REPO / "tei" / "serge-year-one-2.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"

ENTITY_TYPES = {"persName": "person", "orgName": "org", "placeName": "place", "title": "title"}
BLOCK_TAGS = {"p", "head", "docAuthor", "titlePart", "signed", "salute", "dateline", "byline",
              "trailer", "label"}
SCORED_ZONES = {"body", "headnote"}


@dataclass(frozen=True)
class Found:
    """An element of the TEI placed back in the source."""

    line: int
    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(hash=False, compare=False)
    block: bool = False


def source_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip()]


# --- TEI → positions in the source ------------------------------------------------------------


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


class _Rebuilder:
    """Reads an element back to source text, remembering where each descendant sits."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[tuple[etree._Element, int, int]] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def walk(self, element: etree._Element, top: bool = False) -> None:
        name = _local(element)
        start = self.length
        if name == "note" and element.get("type") == "footnote":
            self.add(f"[{element.get('n', '')}]")
            self.add_tail(element, top)
            return
        if name == "gap":
            self.add(element.get("rend", ""))
            self.add_tail(element, top)
            return
        if name == "choice":
            sic = element.find(f"{TEI}sic")
            orig = element.find(f"{TEI}orig")
            chosen = sic if sic is not None else orig
            if chosen is not None:
                self.add("".join(chosen.itertext()))
            self.add_tail(element, top)
            return
        opening = closing = ""
        rend = element.get("rend", "")
        tokens = rend.split()
        if name in {"quote", "q", "soCalled", "title", "said", "mentioned", "term"}:
            for token in tokens:
                if token in QUOTE_MARKS:
                    opening, closing = QUOTE_MARKS[token]
        if name == "note" and "brackets" in tokens:
            opening, closing = "[", "]"
            if "signed" in tokens:
                closing = " – Ed.]"
        self.add(opening)
        self.add(element.text)
        for child in element:
            if isinstance(child.tag, str):
                self.walk(child)
            else:
                self.add(child.tail)
        self.add(closing)
        self.marks.append((element, start, self.length))
        self.add_tail(element, top)

    def add_tail(self, element: etree._Element, top: bool) -> None:
        if not top:
            self.add(element.tail)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _block_elements(root: etree._Element) -> Iterable[etree._Element]:
    for element in root.iter():
        name = _local(element)
        is_block_quote = name == "quote" and element.get("type") == "block"
        if is_block_quote or (name in BLOCK_TAGS and not _inside_block(element)):
            yield element


def _inside_block(element: etree._Element) -> bool:
    parent = element.getparent()
    while parent is not None:
        name = _local(parent)
        if name in BLOCK_TAGS or (name == "quote" and parent.get("type") == "block"):
            return True
        if name == "teiHeader":
            return True
        parent = parent.getparent()
    return False


def _in_header(element: etree._Element) -> bool:
    return any(_local(a) == "teiHeader" for a in element.iterancestors())


def locate(tei_path: Path, lines: Sequence[str]) -> list[Found]:
    """Every inline element of the TEI's text (and each block quotation) with its source place."""
    root = etree.parse(str(tei_path), etree.XMLParser(resolve_entities=False,
                                                     no_network=True)).getroot()
    found: list[Found] = []
    for block in _block_elements(root):
        if _in_header(block):
            continue
        rebuilder = _Rebuilder()
        rebuilder.walk(block, top=True)
        text = rebuilder.text
        if not text.strip():
            continue
        placed = _place(text, lines)
        if placed is None:
            continue
        line, base, mapping = placed
        for element, start, end in rebuilder.marks:
            if element is block and _local(block) != "quote":
                continue
            s, e = mapping(start), mapping(end)
            if s is None or e is None:
                continue
            found.append(Found(line, base + s, base + e, _local(element),
                               {etree.QName(k).localname: v for k, v in element.attrib.items()},
                               block=element is block))
    return found


Placement = tuple[int, int, Callable[[int], int | None]]


def _place(text: str, lines: Sequence[str]) -> Placement | None:
    """Find ``text`` in the source lines: exact substring first, else the best fuzzy match."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for index, line in enumerate(lines):
        position = line.find(stripped)
        if position >= 0:
            return index, position - lead, lambda i: i
    # fuzzy: the line with the longest common blocks; map offsets through the matching blocks
    best, best_ratio = None, 0.0
    for index, line in enumerate(lines):
        matcher = difflib.SequenceMatcher(None, text, line, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = (index, matcher), ratio
    if best is None or best_ratio < 0.6:
        return None
    index, matcher = best
    blocks = matcher.get_matching_blocks()

    def mapping(i: int) -> int | None:
        for a, b, size in blocks:
            if a <= i <= a + size:
                return b + (i - a)
        return None

    return index, 0, mapping


# --- scoring ---------------------------------------------------------------------------------


def _zone(gold: dict[str, Any], line: int) -> str:
    for zone, (first, last) in gold["counts"]["zones"].items():
        if first <= line <= last:
            return str(zone)
    return "header"


@dataclass
class MentionScore:
    true_positives: int = 0
    false_positives: int = 0
    neutral: int = 0
    required: int = 0
    found_required: int = 0
    unresolved: int = 0
    wrong_ref: int = 0
    refs_per_entity: dict[str, list[str]] = field(default_factory=dict)
    entities_sharing_ref: dict[str, list[str]] = field(default_factory=dict)
    traps: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        total = self.true_positives + self.false_positives
        return self.true_positives / total if total else 0.0

    @property
    def recall(self) -> float:
        return self.found_required / self.required if self.required else 0.0


def _entity_type(found: Found) -> str | None:
    if found.tag == "name" and found.attrs.get("type") == "event":
        return "event"
    if found.tag == "title" and "ref" not in found.attrs and found.attrs.get("rend"):
        return None          # a quoted title from the quotation pass, not a register mention
    return ENTITY_TYPES.get(found.tag)


def _spans(item: dict[str, Any]) -> set[tuple[int, int]]:
    spans = {(item["offset"], item["end"])}
    spans.update((s, e) for s, e in item.get("alt_spans", []))
    return spans


def score_mentions(found: Sequence[Found], gold: dict[str, Any],
                   zones: set[str] = SCORED_ZONES) -> MentionScore:
    entities = {e["id"]: e for e in gold["entities"]}
    score = MentionScore()
    by_place: dict[tuple[int, int, int], list[dict[str, Any]]] = defaultdict(list)
    for mention in gold["mentions"]:
        for start, end in _spans(mention):
            by_place[(mention["line"], start, end)].append(mention)
    predicted = [(f, t) for f in found if (t := _entity_type(f)) is not None]
    matched_gold: set[int] = set()
    assignments: list[tuple[dict[str, Any], str | None]] = []
    for item, kind in predicted:
        for negative in gold["negatives"]:
            if (negative["line"], negative["offset"], negative["end"]) != (item.line, item.start,
                                                                          item.end):
                continue
            ref = item.attrs.get("ref", "").lstrip("#")
            wrong_entity = negative.get("not_entity") and negative["not_entity"] == ref
            wrong_type = negative.get("not_type") and negative["not_type"] == kind
            if wrong_entity or wrong_type or not (negative.get("not_entity")
                                                  or negative.get("not_type")):
                score.traps.append(f"{negative['line']}:{negative['surface']!r} as {kind} {ref}")
        if _zone(gold, item.line) not in zones:
            continue
        candidates = [
            m for m in by_place.get((item.line, item.start, item.end), [])
            if kind == entities[m["entity"]]["type"]
            or kind in entities[m["entity"]].get("alt_types", [])
        ]
        if not candidates:
            score.false_positives += 1
            score.extras.append(f"{item.line}:{item.start} {kind} {item.attrs.get('ref', '')}")
            continue
        mention = candidates[0]
        if mention["optional"]:
            score.neutral += 1
            continue
        score.true_positives += 1
        if mention["n"] not in matched_gold:
            matched_gold.add(mention["n"])
        ref = item.attrs.get("ref")
        if ref is None:
            score.unresolved += 1
        assignments.append((mention, ref.lstrip("#") if ref else None))
    required = [m for m in gold["mentions"] if not m["optional"] and m["zone"] in zones]
    score.required = len(required)
    score.found_required = sum(1 for m in required if m["n"] in matched_gold)
    score.misses = [f"{m['line']}:{m['offset']} {m['surface']!r} ({m['entity']})"
                    for m in required if m["n"] not in matched_gold]
    # one ref per entity (alternative entities' refs accepted), distinct refs for distinct ones
    refs: dict[str, Counter[str]] = defaultdict(Counter)
    for mention, ref in assignments:
        if ref is not None and ref not in mention.get("alt_entities", []):
            refs[mention["entity"]][ref] += 1
    score.refs_per_entity = {e: sorted(c) for e, c in refs.items() if len(c) > 1}
    owners: dict[str, list[str]] = defaultdict(list)
    for entity, counter in refs.items():
        owners[counter.most_common(1)[0][0]].append(entity)
    score.entities_sharing_ref = {r: sorted(e) for r, e in owners.items() if len(e) > 1}
    majority = {e: c.most_common(1)[0][0] for e, c in refs.items()}
    for mention, ref in assignments:
        accepted = {majority.get(mention["entity"])}
        accepted.update(majority.get(alt) or alt for alt in mention.get("alt_entities", []))
        if ref is not None and ref not in accepted:
            score.wrong_ref += 1
    return score


@dataclass
class DateScore:
    required: int = 0
    found: int = 0
    right_gregorian: int = 0
    julian_required: int = 0
    right_julian: int = 0
    negatives_triggered: list[str] = field(default_factory=list)
    false_dates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _gregorian_value(attrs: dict[str, str]) -> str:
    if "when" in attrs:
        return attrs["when"]
    return f"{attrs.get('from', '')}/{attrs.get('to', '')}"


def _julian_value(attrs: dict[str, str]) -> str:
    if "when-custom" in attrs:
        return attrs["when-custom"]
    if "from-custom" in attrs or "to-custom" in attrs:
        return f"{attrs.get('from-custom', '')}/{attrs.get('to-custom', '')}"
    return ""


def score_dates(found: Sequence[Found], gold: dict[str, Any]) -> DateScore:
    score = DateScore()
    dates = [f for f in found if f.tag == "date"]
    claimed: set[Found] = set()
    for item in gold["dates"]:
        hits = [d for d in dates if d.line == item["line"] and (
            (d.start, d.end) in _spans(item) or d.start <= item["offset"] < item["end"] <= d.end)]
        if hits:
            claimed.update(hits)
        if item["optional"]:
            continue
        score.required += 1
        if item["calendar_as_written"] == "julian":
            score.julian_required += 1
        if not hits:
            score.problems.append(f"missing {item['line']}:{item['offset']} {item['surface']!r}")
            continue
        score.found += 1
        hit = hits[0]
        gregorian = _gregorian_value(hit.attrs)
        accepted = {item["when_gregorian"], *item.get("alt_when_gregorian", [])}
        if gregorian in accepted:
            score.right_gregorian += 1
        else:
            score.problems.append(
                f"{item['surface']!r}: when {gregorian} ≠ {item['when_gregorian']}")
        if item["calendar_as_written"] == "julian":
            julian = _julian_value(hit.attrs)
            if julian == item.get("when_julian"):
                score.right_julian += 1
            else:
                score.problems.append(f"{item['surface']!r}: when-custom {julian or '—'} ≠ "
                                      f"{item.get('when_julian')}")
    for negative in gold["date_negatives"]:
        for d in dates:
            overlaps = d.start < negative["end"] and negative["offset"] < d.end
            if d.line == negative["line"] and overlaps:
                score.negatives_triggered.append(f"{negative['line']}:{negative['surface']!r}")
    score.false_dates = [f"{d.line}:{d.start}-{d.end} {d.attrs}" for d in dates if d not in claimed]
    return score


@dataclass
class QuoteScore:
    segments: int = 0
    found: int = 0
    right_kind: int = 0
    right_kind_strict: int = 0
    blocks: int = 0
    blocks_found: int = 0
    nested: int = 0
    nested_right: int = 0
    speakers: int = 0
    speakers_right: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def kind_ratio(self) -> float:
        return self.right_kind / self.segments if self.segments else 0.0


def _quote_kind(found: Found) -> str | None:
    if found.tag in {"quote", "q"}:
        return "quote"
    if found.tag == "soCalled":
        return "soCalled"
    if found.tag == "title" and found.attrs.get("rend"):
        return "title"
    return None


def score_quotes(found: Sequence[Found], gold: dict[str, Any]) -> QuoteScore:
    score = QuoteScore()
    quotes = [(f, k) for f in found if (k := _quote_kind(f)) is not None]
    for item, nested in [(q, False) for q in gold["quotes"]] + [(q, True)
                                                                 for q in gold["nested_quotes"]]:
        hits = [(f, k) for f, k in quotes if f.line == item["line"]
                and abs(f.start - item["offset"]) <= 1 and abs(f.end - item["end"]) <= 1]
        if nested:
            score.nested += 1
            if hits and hits[0][1] == item["kind"]:
                score.nested_right += 1
            continue
        score.segments += 1
        if item["block"]:
            score.blocks += 1
            if any(f.block for f, _ in hits):
                score.blocks_found += 1
            else:
                score.problems.append(f"block quotation at line {item['line']} not found")
        if not hits:
            score.problems.append(f"missing {item['id']} {item['line']}:{item['offset']} "
                                  f"{item['text'][:40]!r}")
            continue
        score.found += 1
        found_item, kind = hits[0]
        if kind == item["kind"]:
            score.right_kind += 1
            score.right_kind_strict += 1
        elif kind == item.get("alt_kind"):
            score.right_kind += 1
        else:
            score.problems.append(f"{item['id']} {item['text'][:30]!r}: {kind} ≠ {item['kind']}")
        speaker = item.get("speaker")
        if speaker:
            score.speakers += 1
            named = found_item.attrs.get("who") or found_item.attrs.get("source") or ""
            if named.lstrip("#") == speaker:
                score.speakers_right += 1
            else:
                score.problems.append(f"{item['id']}: speaker {named or '—'} ≠ {speaker}")
    return score


@dataclass
class Report:
    mentions: MentionScore
    header_mentions: MentionScore
    dates: DateScore
    quotes: QuoteScore

    def lines(self, verbose: bool = False) -> list[str]:
        m, d, q = self.mentions, self.dates, self.quotes
        out = [
            f"mentions (body+headnote): precision {m.precision:.3f}  recall {m.recall:.3f}  "
            f"({m.true_positives} right, {m.false_positives} wrong, {m.neutral} optional, "
            f"{m.found_required}/{m.required} required found)",
            f"  refs: {m.wrong_ref} wrong, {m.unresolved} left for review, "
            f"entities with several refs: {len(m.refs_per_entity)}, "
            f"refs shared by several entities: {len(m.entities_sharing_ref)}",
            f"  traps triggered: {len(m.traps)}",
            f"mentions (header): precision {self.header_mentions.precision:.3f}  "
            f"recall {self.header_mentions.recall:.3f}",
            f"dates: {d.found}/{d.required} required found, {d.right_gregorian} right Gregorian, "
            f"{d.right_julian}/{d.julian_required} right Julian, "
            f"{len(d.negatives_triggered)} negatives triggered, {len(d.false_dates)} unmatched",
            f"quotations: {q.found}/{q.segments} segments found, {q.right_kind} right kind "
            f"({q.kind_ratio:.3f}; {q.right_kind_strict} strictly), "
            f"{q.blocks_found}/{q.blocks} block quotations, nested {q.nested_right}/{q.nested}, "
            f"speakers {q.speakers_right}/{q.speakers}",
        ]
        if verbose:
            for label, items in [("missed", m.misses), ("extra", m.extras), ("trap", m.traps),
                                 ("several refs", [f"{k}: {v}" for k, v in
                                                   m.refs_per_entity.items()]),
                                 ("shared ref", [f"{k}: {v}" for k, v in
                                                 m.entities_sharing_ref.items()]),
                                 ("date", d.problems + d.negatives_triggered),
                                 ("unmatched date", d.false_dates), ("quote", q.problems)]:
                out.extend(f"  {label}: {item}" for item in items)
        return out

    def as_dict(self) -> dict[str, Any]:
        return {
            "mentions": {**asdict(self.mentions), "precision": self.mentions.precision,
                         "recall": self.mentions.recall},
            "dates": asdict(self.dates),
            "quotes": {**asdict(self.quotes), "kind_ratio": self.quotes.kind_ratio},
        }


def score(found: Sequence[Found], gold: dict[str, Any]) -> Report:
    return Report(score_mentions(found, gold), score_mentions(found, gold, {"header"}),
                  score_dates(found, gold), score_quotes(found, gold))


def score_file(tei: Path, gold_path: Path = DEFAULT_GOLD,
               source: Path = DEFAULT_SOURCE) -> Report:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return score(locate(tei, source_lines(source)), gold)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tei", nargs="?", type=Path, default=DEFAULT_TEI)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every problem")
    args = parser.parse_args(argv)
    if not args.tei.is_file():
        print(f"score_gold: {args.tei}: no such file (run `teikit build` first)", file=sys.stderr)
        return 2
    report = score_file(args.tei, args.gold, args.source)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(report.lines(args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
