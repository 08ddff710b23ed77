"""Validation speed, next to jing (the reference RELAX NG validator) measured in the same run.

- the seed edition with the edition schema + rules, warm, against an lxml parse of the file;
- the seed edition with the edition schema + rules: cold CLI (a new process) and warm
  in-process (schemas already loaded), against ``jing tei_all.rng`` on the same file;
- a ~560 KB corpus file (testP5ExTcp1.xml) against tei_all: cold CLI (engine auto = jing),
  warm in-process with the lxml engine (after its one-off schema load, reported apart), and
  jing directly;
- a ~500 KB edition made by repeating the seed's body, with the edition schema + rules, warm,
  to show how the in-process checks scale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from bench.timing import best_of, interleaved, user_environment
from teikit.validate import validate_files

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEI_ALL = SHARED / "tei-p5" / "tei_all.rng"
SEED = REPO / "tei" / "serge-year-one-2.xml"
CORPUS_FILE = SHARED / "tei-corpus" / "testP5ExTcp1.xml"
TEI_NS = "http://www.tei-c.org/ns/1.0"


def _run(command: list[str], **overrides: str) -> None:
    subprocess.run(command, capture_output=True, check=False, stdin=subprocess.DEVNULL,
                   env=user_environment(**overrides))


# tei_all checked by jing every time: no user cache, so no document is remembered as valid
UNREMEMBERED = {"TEIKIT_CACHE_DIR": ""}


def report(label: str, seconds: float, baseline: float, baseline_label: str) -> None:
    """Like bench.timing.report, with three decimals: warm checks are far below the baseline."""
    print(f"{label:<56} {seconds * 1000:9.1f} ms  = {seconds / baseline:7.3f} × {baseline_label}")


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "teikit", "validate", *args]


def _big_edition(directory: Path, target_bytes: int = 500_000) -> Path:
    """The seed edition with its body sections repeated until the file is ~``target_bytes``."""
    tree = etree.parse(str(SEED))
    body = tree.find(f".//{{{TEI_NS}}}body")
    assert body is not None
    sections = [etree.tostring(div) for div in body]
    size = len(etree.tostring(tree))
    copies = 0
    while size < target_bytes:
        for raw in sections:
            copy = etree.fromstring(raw)
            for element in copy.iter():
                element.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
            body.append(copy)
            size += len(raw)
        copies += 1
    path = directory / "big-edition.xml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    return path


def main() -> None:
    if shutil.which("jing") is None or not TEI_ALL.is_file():
        print("bench_validate: needs jing and ../shared/tei-p5/tei_all.rng; skipped")
        return
    validate_files([SEED])  # schemas compiled
    # the fastest of interleaved runs: a burst of load slows the parse and the check alike
    fastest = interleaved({"parse": lambda: etree.parse(str(SEED)),
                           "validate": lambda: validate_files([SEED])}, rounds=41)
    parse = fastest["parse"]
    report("lxml parse of the seed edition", parse, parse, "lxml parse")
    report("validate_files(seed, edition + rules), warm in-process", fastest["validate"],
           parse, "lxml parse")
    jing_seed = best_of(lambda: _run(["jing", str(TEI_ALL), str(SEED)]), repeat=3)
    base = "jing (seed)"
    report(f"jing tei_all, seed edition ({SEED.stat().st_size // 1024} KB), CLI", jing_seed,
           jing_seed, base)
    report("teikit validate seed (edition), cold CLI",
           best_of(lambda: _run(_cli(str(SEED))), repeat=3), jing_seed, base)
    report("validate_files(seed, edition), warm in-process",
           best_of(lambda: validate_files([SEED])), jing_seed, base)
    report("teikit validate seed --schema tei_all, cold CLI",
           best_of(lambda: _run(_cli("--schema", "tei_all", str(SEED)), **UNREMEMBERED),
                   repeat=3), jing_seed, base)
    report("  the same, jing's verdict on these bytes remembered",
           best_of(lambda: _run(_cli("--schema", "tei_all", str(SEED))), repeat=3), jing_seed,
           base)

    size = CORPUS_FILE.stat().st_size // 1024
    jing_big = best_of(lambda: _run(["jing", str(TEI_ALL), str(CORPUS_FILE)]), repeat=3)
    base = f"jing ({size} KB)"
    report(f"jing tei_all, {CORPUS_FILE.name} ({size} KB), CLI", jing_big, jing_big, base)
    report("teikit validate --schema tei_all, cold CLI (jing engine)",
           best_of(lambda: _run(_cli("--schema", "tei_all", str(CORPUS_FILE)), **UNREMEMBERED),
                   repeat=3), jing_big, base)
    start = time.perf_counter()
    validate_files([CORPUS_FILE], "tei_all", tei_all_path=TEI_ALL, engine="lxml")
    report("lxml engine: first call (loads tei_all.rng)", time.perf_counter() - start, jing_big,
           base)
    report("lxml engine: warm in-process (parse + validate)",
           best_of(lambda: validate_files([CORPUS_FILE], "tei_all", tei_all_path=TEI_ALL,
                                          engine="lxml")), jing_big, base)

    with tempfile.TemporaryDirectory() as scratch:
        big = _big_edition(Path(scratch))
        size = big.stat().st_size // 1024
        jing_edition = best_of(lambda: _run(["jing", str(TEI_ALL), str(big)]), repeat=3)
        base = f"jing ({size} KB)"
        report(f"jing tei_all, seed body repeated ({size} KB), CLI", jing_edition, jing_edition,
               base)
        report("validate_files(edition), warm in-process",
               best_of(lambda: validate_files([big]), repeat=3), jing_edition, base)
        report("teikit validate (edition), cold CLI",
               best_of(lambda: _run(_cli(str(big))), repeat=3), jing_edition, base)


if __name__ == "__main__":
    main()
