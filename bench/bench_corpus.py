"""The edition at corpus scale: ``teikit build`` on generated corpora, against the loop a user
would script (``teikit convert`` + ``teikit validate`` + ``teikit render html`` per text).

    python -m bench.bench_corpus                       # quick: 10 texts, baseline on 3
    python -m bench.bench_corpus --sizes 10 50 200     # the full figures

For each size, in a fresh process (so that peak memory is that build's own): a build from
scratch on every core and on one, a second build with nothing changed, and one after a single
source changed. Reported: seconds per text, and the cost of one more text (the slope between
two sizes: the fixed cost of a build — starting the workers, compiling the stylesheets, the
search index — weighs on small corpora only), the speed-up of the second core on the pooled
steps (convert + validate + HTML) and on the whole build, the no-change and one-change builds
as a fraction of the first, and peak resident memory of the main process and of the largest
worker. Only the reading edition is built; ``--pdf N`` also builds N texts with their PDFs on
two workers (one warm FOP each) and on one.

The corpus: variants of the seed and of the fixture transcriptions, each with a paragraph of
its own, under one register.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import user_environment

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "tei" / "sources" / "serge-year-one-2.txt",
           REPO / "tests" / "fixtures" / "transcriptions" / "volkova-letter.txt",
           REPO / "tests" / "fixtures" / "transcriptions" / "marchal-printers-strike.txt",
           REPO / "tests" / "fixtures" / "edition" / "orlov-petrograd-notes.txt",
           REPO / "tests" / "fixtures" / "edition" / "berg-kharkov-report.txt"]
CONFIG = """[edition]
publisher = "Bench Press"
date = "2026-01-01"
register = "register.xml"
sources = "sources"
output = "."
site = "site"

[texts."*"]
year = 1917
calendar = "julian"
"""


def make_corpus(folder: Path, size: int) -> Path:
    """``size`` texts: the five sources in turn, each variant with a sentence of its own."""
    from tests.conftest import merged_register

    sources = folder / "sources"
    sources.mkdir(parents=True)
    for i in range(size):
        original = SOURCES[i % len(SOURCES)]
        text = original.read_text(encoding="utf-8").rstrip("\n")
        text += f"\n\nThis is variant {i + 1} of the text, kept for the benchmark.\n"
        (sources / f"{original.stem}-{i + 1:03d}.txt").write_text(text, encoding="utf-8")
    merged_register(folder / "register.xml")
    config = folder / "edition.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return config


def peak_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child so far, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def one_build(size: int, jobs: int) -> dict[str, object]:
    """Run in a fresh process: build a corpus of ``size`` from scratch, again, and changed."""
    from teikit.build import build_edition

    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as scratch:
        config = make_corpus(Path(scratch), size)
        first = build_edition(config, jobs=jobs, formats=("html",))
        assert not first.failures, first.failures
        again = build_edition(config, jobs=jobs, formats=("html",))
        changed_source = next(iter(sorted((config.parent / "sources").glob("*.txt"))))
        changed_source.write_text(changed_source.read_text(encoding="utf-8")
                                  + "\nOne more line.\n", encoding="utf-8")
        changed = build_edition(config, jobs=jobs, formats=("html",))
        own, _ = peak_mib()
        worker = max(first.worker_peak_mib, again.worker_peak_mib, changed.worker_peak_mib)
        return {"size": size, "jobs": jobs, "first": first.seconds,
                "stages": first.stage_seconds, "again": again.seconds,
                "again_work": len(again.converted) + len(again.rendered),
                "changed": changed.seconds, "changed_converted": changed.converted,
                "peak_main_mib": own, "peak_worker_mib": worker}


def pdf_build(size: int, jobs: int) -> dict[str, object]:
    """Run in a fresh process: build ``size`` texts with their PDFs."""
    from teikit.build import build_edition

    with tempfile.TemporaryDirectory(prefix="teikit-bench-pdf-") as scratch:
        config = make_corpus(Path(scratch), size)
        report = build_edition(config, jobs=jobs, formats=("html", "pdf"))
        assert not report.failures, report.failures
        assert len(list((config.parent / "site").glob("*.pdf"))) == size
        return {"size": size, "jobs": jobs, "first": report.seconds,
                "stages": report.stage_seconds, "peak_main_mib": peak_mib()[0],
                "peak_worker_mib": report.worker_peak_mib}


def in_fresh_process(size: int, jobs: int, what: str = "--one") -> dict[str, object]:
    """One build's figures from a new process with an empty user cache of its own: from
    scratch means nothing compiled, translated or remembered by an earlier build."""
    with tempfile.TemporaryDirectory(prefix="teikit-bench-cache-") as cache:
        environment = user_environment(TEIKIT_CACHE_DIR=cache)
        completed = subprocess.run(
            [sys.executable, "-m", "bench.bench_corpus", what, str(size), "--jobs", str(jobs)],
            cwd=REPO, capture_output=True, text=True, check=True, env=environment)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def baseline_loop(size: int) -> float:
    """Seconds per text of the scripted loop of teikit commands (convert, validate, render)."""
    teikit = str(Path(sys.executable).with_name("teikit"))
    with tempfile.TemporaryDirectory(prefix="teikit-bench-loop-") as scratch:
        config = make_corpus(Path(scratch), size)
        started = time.perf_counter()
        for source in sorted((config.parent / "sources").glob("*.txt")):
            tei = config.parent / f"{source.stem}.xml"
            for command in (["convert", str(source), "-o", str(tei), "--config", str(config)],
                            ["validate", str(tei), "--schema", "edition", "--schema", "tei_all"],
                            ["render", "html", str(tei)]):
                subprocess.run([teikit, *command], check=True, capture_output=True)
        return (time.perf_counter() - started) / size


def pooled(result: dict[str, object]) -> float:
    """Seconds of the steps the pool runs: convert (with the edition schema and rules), tei_all
    and render."""
    stages = result["stages"]
    assert isinstance(stages, dict)
    return sum(float(stages.get(stage, 0.0)) for stage in ("convert", "tei_all", "render"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10])
    parser.add_argument("--baseline", type=int, default=3, help="texts in the scripted loop")
    parser.add_argument("--pdf", type=int, default=0, help="also build this many PDFs")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--one-pdf", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else [])
    if args.one:
        print(json.dumps(one_build(args.one, args.jobs)))
        return
    if args.one_pdf:
        print(json.dumps(pdf_build(args.one_pdf, args.jobs)))
        return
    loop = baseline_loop(args.baseline)
    print(f"scripted loop (convert + validate + render html), {args.baseline} texts: "
          f"{loop:.2f} s per text")
    first_per_text: float | None = None
    previous: tuple[int, float] | None = None
    for size in args.sizes:
        two = in_fresh_process(size, 2)
        one = in_fresh_process(size, 1)
        per_text = float(two["first"]) / size  # type: ignore[arg-type]
        first_per_text = first_per_text or per_text
        print(f"\n{size} texts, from scratch: {two['first']:.1f} s on 2 cores = "
              f"{per_text:.2f} s per text ({per_text / first_per_text:.2f} × the "
              f"{args.sizes[0]}-text figure; {loop / per_text:.1f} × faster than the loop)")
        if previous is not None:
            slope = (float(two["first"]) - previous[1]) / (size - previous[0])  # type: ignore[arg-type]
            print(f"  one more text costs {slope:.3f} s (from {previous[0]} to {size} texts)")
        previous = (size, float(two["first"]))  # type: ignore[arg-type]
        print(f"  second core: {pooled(one) / pooled(two):.2f} × on convert+validate+HTML, "
              f"{float(one['first']) / float(two['first']):.2f} × on the whole build "
              f"(stages on 2 cores: "
              + ", ".join(f"{k} {v:.1f} s" for k, v in two["stages"].items()  # type: ignore[union-attr]
                          if v >= 0.05) + ")")
        ratio = float(two["again"]) / float(two["first"])  # type: ignore[arg-type]
        print(f"  nothing changed: {two['again']:.2f} s = {ratio:.3f} × the first build "
              f"({two['again_work']} texts converted or rendered)")
        print(f"  one source changed: {two['changed']:.1f} s = "
              f"{float(two['changed']) / float(two['first']):.3f} × the first build "
              f"(converted: {', '.join(two['changed_converted'])})")  # type: ignore[arg-type]
        print(f"  peak memory: main {two['peak_main_mib']:.0f} MiB, largest worker "
              f"{two['peak_worker_mib']:.0f} MiB (one core: main {one['peak_main_mib']:.0f} MiB)")
    if args.pdf:
        two = in_fresh_process(args.pdf, 2, "--one-pdf")
        one = in_fresh_process(args.pdf, 1, "--one-pdf")
        print(f"\n{args.pdf} texts with PDFs: {two['first']:.1f} s on 2 workers (a warm FOP "
              f"each), {one['first']:.1f} s in one process; rendering "
              f"{float(one['stages']['render']) / float(two['stages']['render']):.2f} × faster "  # type: ignore[index]
              f"on two (render stage {two['stages']['render']:.1f} s vs "  # type: ignore[index]
              f"{one['stages']['render']:.1f} s); peak: largest worker "  # type: ignore[index]
              f"{two['peak_worker_mib']:.0f} MiB, one process {one['peak_main_mib']:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
