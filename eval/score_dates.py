"""Score the dates of converted texts against hand-made references.

    python -m eval.score_dates [REFERENCE.dates.json | DIR]... [--config TOML] [-v] [--json]

A reference (``NAME.dates.json`` beside ``NAME.txt``; default: every one in
``tests/fixtures/dates``) lists the dates of one text: ``surface`` as written (found as a whole
word: its ``occurrence``-th appearance, or the one inside ``context``), ``when_gregorian`` (the
normalised value: ``@when``; ``@from``/``@to`` or ``@notBefore``/``@notAfter`` as "a/b"),
``calendar_as_written`` (``julian`` or ``gregorian``), ``when_julian`` (the value as written for
an Old Style date), and ``negatives`` (surfaces that must not be dates). Entries with ``line``
and ``offset`` (the seed's reference annotation) are placed there instead.

Each text is converted for real **without the edition config** (unless ``--config``): the
calendar and the year must come from the text. A date is *found* when a ``date`` element
overlaps the surface; *right* when its Gregorian value is the reference's; an Old Style date is
*kept* when its written value is there too. A date the reference gives as New Style that comes
out with a Julian value, or with another value, is *shifted*.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from eval.score_gold import Found, _local, _place, _Rebuilder, locate, source_lines

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO / "tests" / "fixtures" / "dates"


@dataclass
class TextScore:
    name: str
    required: int = 0
    found: int = 0
    right_gregorian: int = 0
    julian_required: int = 0
    right_julian: int = 0
    new_style: int = 0
    new_style_shifted: list[str] = field(default_factory=list)
    negatives_triggered: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Totals:
    texts: list[TextScore]

    def total(self, attribute: str) -> int:
        return sum(getattr(t, attribute) if isinstance(getattr(t, attribute), int)
                   else len(getattr(t, attribute)) for t in self.texts)

    @property
    def found_ratio(self) -> float:
        return self.total("found") / max(1, self.total("required"))

    @property
    def right_ratio(self) -> float:
        return self.total("right_gregorian") / max(1, self.total("required"))

    @property
    def julian_ratio(self) -> float:
        return self.total("right_julian") / max(1, self.total("julian_required"))

    def lines(self, verbose: bool = False) -> list[str]:
        out = []
        for t in self.texts:
            out.append(f"{t.name}: {t.found}/{t.required} found, {t.right_gregorian} right "
                       f"Gregorian, Julian kept {t.right_julian}/{t.julian_required}, "
                       f"New Style shifted {len(t.new_style_shifted)}/{t.new_style}, "
                       f"negatives triggered {len(t.negatives_triggered)}")
            if verbose:
                out.extend(f"    {p}" for p in t.problems + t.new_style_shifted
                           + t.negatives_triggered)
        out.append(
            f"total: {self.total('found')}/{self.total('required')} found "
            f"({self.found_ratio:.1%}), {self.total('right_gregorian')} right Gregorian "
            f"({self.right_ratio:.1%}), Julian kept {self.total('right_julian')}/"
            f"{self.total('julian_required')} ({self.julian_ratio:.1%}), New Style shifted "
            f"{self.total('new_style_shifted')}/{self.total('new_style')}, negatives triggered "
            f"{self.total('negatives_triggered')}")
        return out

    def as_dict(self) -> dict[str, Any]:
        return {"texts": [asdict(t) for t in self.texts], "found_ratio": self.found_ratio,
                "right_ratio": self.right_ratio, "julian_ratio": self.julian_ratio}


def _value(attrs: dict[str, str], suffix: str = "") -> str:
    if f"when{suffix}" in attrs:
        return attrs[f"when{suffix}"]
    for lo, hi in (("from", "to"), ("notBefore", "notAfter")):
        if f"{lo}{suffix}" in attrs or f"{hi}{suffix}" in attrs:
            return f"{attrs.get(lo + suffix, '')}/{attrs.get(hi + suffix, '')}"
    return ""


def place(item: dict[str, Any], lines: Sequence[str]) -> tuple[int, int, int] | None:
    """(line, start, end) of a reference entry among the non-empty source lines."""
    if "line" in item and "offset" in item:
        return item["line"], item["offset"], item["end"]
    surface = item["surface"]
    word = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    wanted = item.get("occurrence", 1)
    seen = 0
    for index, line in enumerate(lines):
        if "context" in item:
            at = line.find(item["context"])
            if at < 0:
                continue
            inner = word.search(line, at, at + len(item["context"]))
            if inner:
                return index, inner.start(), inner.end()
            continue
        for match in word.finditer(line):
            seen += 1
            if seen == wanted:
                return index, match.start(), match.end()
    return None


def in_notes(tei: Path, lines: Sequence[str]) -> list[Found]:
    """The elements inside footnotes, which sit at their markers in the TEI and in the Notes
    section of the source (the seed's scorer places the marker only)."""
    root = etree.parse(str(tei), etree.XMLParser(resolve_entities=False, no_network=True))
    found: list[Found] = []
    for note in root.iter("{http://www.tei-c.org/ns/1.0}note"):
        if note.get("type") != "footnote":
            continue
        rebuilder = _Rebuilder()
        rebuilder.add(note.text)
        for child in note:
            if isinstance(child.tag, str):
                rebuilder.walk(child)
            else:
                rebuilder.add(child.tail)
        placed = _place(rebuilder.text, lines) if rebuilder.text.strip() else None
        if placed is None:
            continue
        line, base, mapping = placed
        for element, start, end in rebuilder.marks:
            s, e = mapping(start), mapping(end)
            if s is not None and e is not None:
                found.append(Found(line, base + s, base + e, _local(element),
                                   {etree.QName(k).localname: v
                                    for k, v in element.attrib.items()}))
    return found


def score_text(name: str, reference: dict[str, Any], found: Sequence[Found],
               lines: Sequence[str]) -> TextScore:
    score = TextScore(name)
    dates = [f for f in found if f.tag == "date"]
    for item in reference["dates"]:
        if item.get("optional"):
            continue
        score.required += 1
        julian = item["calendar_as_written"] == "julian"
        score.julian_required += julian
        new_style = not julian and item.get("when_gregorian", "")[:4].isdigit()
        score.new_style += new_style
        where = place(item, lines)
        if where is None:
            score.problems.append(f"reference surface not in the source: {item['surface']!r}")
            continue
        line, start, end = where
        hits = sorted((d for d in dates if d.line == line and d.start < end and start < d.end),
                      key=lambda d: -(min(end, d.end) - max(start, d.start)))
        if not hits:
            score.problems.append(f"missing {item['surface']!r} (line {line})")
            continue
        score.found += 1
        attrs = hits[0].attrs
        gregorian = _value(attrs)
        accepted = {item["when_gregorian"], *item.get("alt_when_gregorian", [])}
        if gregorian in accepted:
            score.right_gregorian += 1
        else:
            score.problems.append(f"{item['surface']!r}: {gregorian or '—'} ≠ "
                                  f"{item['when_gregorian']}")
        if julian:
            written = _value(attrs, "-custom")
            if written == item.get("when_julian") and attrs.get("datingMethod") == "#julian":
                score.right_julian += 1
            else:
                score.problems.append(f"{item['surface']!r}: Julian {written or '—'} ≠ "
                                      f"{item.get('when_julian')}")
        elif new_style and (gregorian not in accepted or attrs.get("datingMethod") == "#julian"):
            score.new_style_shifted.append(f"New Style {item['surface']!r} came out as "
                                           f"{gregorian} {attrs}")
    for negative in reference.get("negatives", []):
        where = place(negative, lines)
        if where is None:
            continue
        line, start, end = where
        if any(d.line == line and d.start < end and start < d.end for d in dates):
            score.negatives_triggered.append(f"{negative['surface']!r} tagged as a date")
    return score


def score_reference(reference_path: Path, config: Path | None = None,
                    tei: Path | None = None) -> TextScore:
    """Convert the reference's source (without config unless one is given) and score it."""
    from teikit.config import load_config
    from teikit.convert import convert_transcription
    from teikit.convert.ingest import ingest_file
    from teikit.xmlio import serialize_tei

    reference = json.loads(reference_path.read_text(encoding="utf-8"))
    source = reference_path.parent / reference["source"]
    warnings: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        if tei is None:
            doc = ingest_file(source)
            settings = load_config(config).settings_for(doc.name)
            conversion = convert_transcription(doc, settings)
            tei = Path(folder) / f"{source.stem}.xml"
            tei.write_bytes(serialize_tei(conversion.tree))
            warnings = conversion.warnings
        lines = source_lines(source)
        score = score_text(source.stem, reference, locate(tei, lines) + in_notes(tei, lines),
                           lines)
    score.warnings = warnings
    return score


def references(paths: Sequence[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths or [DEFAULT_DIR]:
        out.extend(sorted(path.glob("*.dates.json")) if path.is_dir() else [path])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("references", nargs="*", type=Path)
    parser.add_argument("--config", type=Path, help="an edition config (default: none)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every problem")
    args = parser.parse_args(argv)
    found = references(args.references)
    if not found:
        print("score_dates: no *.dates.json reference found", file=sys.stderr)
        return 2
    totals = Totals([score_reference(path, args.config) for path in found])
    if args.json:
        print(json.dumps(totals.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(totals.lines(args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
