"""Score the uncurated pipeline on texts with a hand-made reference of their names.

    python -m eval.score_names [DIR] [-v] [--json]

For every ``NAME.txt`` in DIR (default ``tests/fixtures/names``) with a ``NAME.names.json``
beside it, the pipeline an editor runs on new texts without a register is run as is:
``entities suggest`` over all the texts at once (one register for the corpus), then the
conversion of each text with that register. Nothing is corrected in between.

The reference lists each name a text uses as ``[surface, kind, entity]``; ``optional``
surfaces are neutral (tagging them or not is both right). The reference mentions of a text are
all occurrences of its surfaces outside the title and part of the title page (word boundaries,
the longest surface first). Measured:

- **mentions**: a tagged name is right when its span and kind are those of a reference
  mention; precision, recall and F1 over all texts (tags inside an optional surface are
  neutral);
- **entries**: each suggested register entry is *right* when one of its forms is a reference
  surface of the same kind, *wrong kind* when of another kind, *junk* when none of its forms is
  a reference or optional surface at all;
- **linking**: reference entities named by several surfaces whose tagged mentions all point at
  one entry.
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

from teikit.config import TextSettings
from teikit.convert import convert_transcription
from teikit.convert.ingest import ingest_file
from teikit.convert.model import BlockKind, Transcription
from teikit.register.matcher import form_key, form_pattern
from teikit.register.suggest import merge_into_register

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DIR = REPO / "tests" / "fixtures" / "names"
KIND_OF_TAG = {"persName": "person", "orgName": "org", "placeName": "place", "title": "title",
               "name": "event"}
UNSCORED = frozenset({BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.TRAILER})


@dataclass
class TextScore:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


@dataclass
class NameScore:
    texts: list[TextScore]
    entries: int
    right_kind: int
    wrong_kind: list[str]
    junk: list[str]
    neutral: int
    linked: int
    linkable: int

    @property
    def precision(self) -> float:
        tp = sum(t.tp for t in self.texts)
        return tp / max(1, tp + sum(t.fp for t in self.texts))

    @property
    def recall(self) -> float:
        tp = sum(t.tp for t in self.texts)
        return tp / max(1, tp + sum(t.fn for t in self.texts))

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.right_kind / max(1, self.right_kind + len(self.wrong_kind))

    @property
    def junk_share(self) -> float:
        return len(self.junk) / max(1, self.entries)

    def lines(self, verbose: bool = False) -> list[str]:
        out = [f"{'text':34} {'P':>6} {'R':>6} {'F1':>6}"]
        for t in self.texts:
            p = t.tp / max(1, t.tp + t.fp)
            r = t.tp / max(1, t.tp + t.fn)
            f = 2 * p * r / (p + r) if p + r else 0.0
            out.append(f"{t.name:34} {p:6.3f} {r:6.3f} {f:6.3f}")
            if verbose:
                out.extend(f"    missed {m}" for m in t.missed)
                out.extend(f"    wrong  {w}" for w in t.wrong)
        out.append(f"mentions: precision {self.precision:.3f}, recall {self.recall:.3f}, "
                   f"F1 {self.f1:.3f}")
        out.append(f"entries: {self.entries} suggested, {self.right_kind} of the right kind, "
                   f"{len(self.wrong_kind)} of a wrong kind ({self.kind_accuracy:.1%} right), "
                   f"{len(self.junk)} junk ({self.junk_share:.1%}), {self.neutral} neutral")
        out.append(f"linking: {self.linked} of {self.linkable} entities with several forms "
                   "point at one entry")
        if verbose:
            out.extend(f"    wrong kind {w}" for w in self.wrong_kind)
            out.extend(f"    junk {j}" for j in self.junk)
        return out

    def as_dict(self) -> dict[str, object]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall,
                "f1": self.f1, "kind_accuracy": self.kind_accuracy,
                "junk_share": self.junk_share}


def _reference(path: Path) -> tuple[dict[str, tuple[str, str]], set[str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    names = {form_key(surface): (kind, entity) for surface, kind, entity in data["names"]}
    return names, {form_key(s) for s in data.get("optional", [])}


def _reference_mentions(doc: Transcription, names: dict[str, tuple[str, str]],
                        optional: set[str]) -> dict[tuple[int, int, int], str | None]:
    """(block, start, end) → reference key (None: an optional surface)."""
    surfaces = sorted({*names, *optional}, key=lambda s: (-len(s), s))
    pattern = re.compile(r"(?<![\w’'-])(?:" + "|".join(form_pattern(s) for s in surfaces)
                         + r")(?![\w-]|['’]\w\w)")
    out: dict[tuple[int, int, int], str | None] = {}
    for block in doc.blocks:
        if block.kind in UNSCORED:
            continue
        for match in pattern.finditer(block.text):
            key = form_key(match.group())
            out[(block.index, match.start(), match.end())] = key if key in names else None
    return out


def score_directory(directory: Path = DEFAULT_DIR) -> NameScore:
    sources = sorted(p for p in Path(directory).glob("*.txt")
                     if p.with_name(p.stem + ".names.json").is_file())
    docs = [ingest_file(p) for p in sources]
    references = {p.stem: _reference(p.with_name(p.stem + ".names.json")) for p in sources}
    with tempfile.TemporaryDirectory() as tmp:
        register_path = Path(tmp) / "register.xml"
        suggestions = merge_into_register(register_path, docs)
        texts: list[TextScore] = []
        refs_of: dict[tuple[str, str], set[str]] = {}
        for doc in docs:
            names, optional = references[doc.name]
            conversion = convert_transcription(
                doc, TextSettings(name=doc.name, register_path=register_path))
            gold = _reference_mentions(doc, names, optional)
            optional_spans = [k for k, v in gold.items() if v is None]
            score = TextScore(doc.name)
            tagged: dict[tuple[int, int, int], tuple[str, str]] = {}
            for span in conversion.spans:
                if span.concern != "entities" or span.tag not in KIND_OF_TAG:
                    continue
                if doc.blocks[span.block].kind in UNSCORED:
                    continue
                kind = KIND_OF_TAG[span.tag]
                tagged[(span.block, span.start, span.end)] = (kind, span.attrs.get("ref", ""))
            for place, (kind, ref) in tagged.items():
                expected = gold.get(place, "missing")
                surface = form_key(doc.blocks[place[0]].text[place[1]:place[2]])
                if expected is None or any(
                        b == place[0] and s <= place[1] and place[2] <= e
                        for b, s, e in optional_spans):
                    continue
                if expected != "missing" and names[expected][0] == kind:
                    score.tp += 1
                    refs_of.setdefault((doc.name, names[expected][1]), set()).add(ref)
                else:
                    score.fp += 1
                    what = names[expected][0] if expected != "missing" else "no name"
                    score.wrong.append(f"{surface} as {kind} (reference: {what})")
            for place, key in gold.items():
                if key is None:
                    continue
                if tagged.get(place, ("", ""))[0] != names[key][0]:
                    score.fn += 1
                    score.missed.append(f"{key} ({names[key][0]})")
            texts.append(score)
    surfaces = {s: v[0] for names, _ in references.values() for s, v in names.items()}
    neutral_forms = {s for _, optional in references.values() for s in optional}
    right, wrong, junk, neutral = 0, [], [], 0
    for suggestion in suggestions.new:
        entry = suggestion.entry
        kinds = {surfaces[f] for f in entry.forms if f in surfaces}
        if entry.kind.value in kinds:
            right += 1
        elif kinds:
            wrong.append(f"{entry.forms[0]} as {entry.kind.value} (reference: "
                         f"{'/'.join(sorted(kinds))})")
        elif any(f in neutral_forms for f in entry.forms):
            neutral += 1
        else:
            junk.append(f"{' | '.join(entry.forms)} ({entry.kind.value})")
    several = {}
    for name, (names, _) in references.items():
        entities: dict[str, set[str]] = {}
        for surface, (_, entity) in names.items():
            entities.setdefault(entity, set()).add(surface)
        for entity, forms in entities.items():
            if len(forms) > 1 and (name, entity) in refs_of:
                several[(name, entity)] = refs_of[(name, entity)]
    linked = sum(1 for refs in several.values() if len(refs) == 1 and "" not in refs)
    return NameScore(texts, len(suggestions.new), right, wrong, junk, neutral, linked,
                     len(several))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = score_directory(args.directory)
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(result.lines(args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
