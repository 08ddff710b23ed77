"""The whole build and the PDFs, against the Debian ``fop`` command measured in the same run.

- ``teikit build`` of the seed edition (a copy of tei/ in a scratch folder), PDF included, as a
  new process: cold (a fresh copy, empty user cache), warm (``--force``: everything rebuilt,
  the user cache kept), with nothing changed, and the HTML only, against one run of ``fop`` on
  the seed's final FO (medians of rounds that run each of them once). The build's own stages
  (``BuildReport.stage_seconds``) in a new process (cold) and again in that process (warm:
  stylesheets compiled, FOP's JVM started).
- The PDFs of a 50-text corpus (the seed and the two test books, repeated) through one warm
  FOP session, without the index cache (two layouts a book) and with it, against 50 runs of
  ``fop`` on the same books' FO.

    python -m bench.bench_build
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import user_environment

REPO = Path(__file__).resolve().parents[1]
SEED_TEI = REPO / "tei" / "serge-year-one-2.xml"
BOOKS = [SEED_TEI, REPO / "tests" / "fixtures" / "tei" / "sample-edition.xml",
         REPO / "tests" / "fixtures" / "tei" / "sample-print.xml"]
CORPUS_SIZE = 50
ROUNDS = 5    # of the whole-build figures


def _env(cache: Path | str) -> dict[str, str]:
    return user_environment(TEIKIT_CACHE_DIR=str(cache))


def _wall(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, capture_output=True, text=True, check=False,
                               stdin=subprocess.DEVNULL, env=env)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed: {completed.stderr[-500:]}")
    return elapsed


def _median(values: list[float]) -> float:
    return statistics.median(values)


def line(label: str, seconds: float, baseline: float, baseline_label: str) -> None:
    print(f"{label:<60} {seconds:8.2f} s  = {seconds / baseline:6.2f} × {baseline_label}")


def _edition_copy(scratch: Path) -> Path:
    """tei/ (sources, register, config) copied, the site written inside the copy."""
    folder = scratch / "tei"
    folder.mkdir()
    shutil.copytree(REPO / "tei" / "sources", folder / "sources")
    shutil.copy(REPO / "tei" / "register.xml", folder)
    config = (REPO / "tei" / "edition.toml").read_text(encoding="utf-8")
    config = config.replace('output = "."', 'output = "."\nsite = "site"', 1)
    (folder / "edition.toml").write_text(config, encoding="utf-8")
    return folder / "edition.toml"


def fop_command(fo: Path, out: Path) -> list[str]:
    from teikit.render.pdf import fop_config

    return ["fop", "-q", "-c", str(fop_config()), "-fo", str(fo), "-pdf", str(out)]


# ------------------------------------------------------------------------- stages

def stages(config: Path) -> dict[str, float]:
    """One whole build of ``config`` in this process, as the build itself times its stages."""
    from teikit.build import build_edition

    report = build_edition(config, force=True)
    assert report.exit_code == 0, report.failures
    return {**report.stage_seconds, "total": report.seconds}


def _stages_child(config: str) -> None:
    """Entry point of the child process: a cold build, then a warm one, as JSON."""
    cold = stages(Path(config))
    warm = stages(Path(config))
    print(json.dumps({"cold": cold, "warm": warm}))


# ------------------------------------------------------------------------- main

def build_figures() -> None:
    if shutil.which("fop") is None:
        print("bench_build: needs the fop command; skipped")
        return
    with tempfile.TemporaryDirectory(prefix="teikit-bench-build-") as scratch_name:
        scratch = Path(scratch_name)

        def teikit(config: Path, *arguments: str) -> list[str]:
            return [sys.executable, "-m", "teikit", "build", "--config", str(config), *arguments]

        # cold: a fresh copy of the edition (no site, no build state) and an empty user cache
        cold_runs, configs = [], []
        for attempt in range(3):
            folder = scratch / f"cold-{attempt}"
            folder.mkdir()
            configs.append(_edition_copy(folder))
            cold_runs.append(_wall(teikit(configs[-1]), _env(folder / "cache")))
        config, cache = configs[-1], configs[-1].parent.parent / "cache"
        # warm: everything rebuilt (--force), the user cache the cold build left; each round
        # runs every kind of build and the fop command once, so that a change of the machine's
        # load reaches them alike; the median of the rounds
        fo = next((config.parent / "site").rglob("serge-year-one-2.fo"))
        runs: dict[str, list[float]] = {"warm": [], "unchanged": [], "html": [], "fop": []}
        for _ in range(ROUNDS):
            runs["warm"].append(_wall(teikit(config, "--force"), _env(cache)))
            runs["fop"].append(_wall(fop_command(fo, scratch / "fop.pdf")))
            runs["unchanged"].append(_wall(teikit(config), _env(cache)))
            runs["html"].append(_wall(teikit(config, "--force", "--formats", "html"),
                                      _env(cache)))
        warm_runs, unchanged, html_only = runs["warm"], runs["unchanged"], runs["html"]
        fop_seed = _median(runs["fop"])
        base = "one `fop` run (seed FO)"
        line("`fop` on the seed's FO (Debian command)", fop_seed, fop_seed, base)
        line("`teikit build` of the seed incl. PDF, cold (fresh copy, empty cache)",
             _median(cold_runs), fop_seed, base)
        line("`teikit build --force` incl. PDF, warm (user cache kept)", _median(warm_runs),
             fop_seed, base)
        line("`teikit build`, nothing changed", _median(unchanged), fop_seed, base)
        line("`teikit build --force --formats html`", _median(html_only), fop_seed, base)

        child = subprocess.run([sys.executable, "-m", "bench.bench_build", "--stages",
                                str(_edition_copy(_fresh(scratch / "stages")))],
                               capture_output=True, text=True, check=True,
                               env=_env(scratch / "stages" / "cache"), cwd=REPO)
        split = json.loads(child.stdout.strip().splitlines()[-1])
        for kind, how in (("cold", "new process, empty cache"),
                          ("warm", "same process again, cache kept")):
            print(f"  stages, {kind} ({how}):")
            for stage, seconds in split[kind].items():
                line(f"    {stage}", seconds, fop_seed, base)


def _fresh(folder: Path) -> Path:
    folder.mkdir(parents=True)
    return folder


def corpus_figures() -> None:
    from teikit.render.fop import fop_session
    from teikit.render.pdf import render_pdf_report

    with tempfile.TemporaryDirectory(prefix="teikit-bench-corpus-") as scratch_name:
        scratch = Path(scratch_name)
        books = [BOOKS[i % len(BOOKS)] for i in range(CORPUS_SIZE)]
        session = fop_session()
        fo_of: dict[Path, Path] = {}
        for book in BOOKS:  # the final FO of each book, for the fop baseline
            fo_of[book] = render_pdf_report(book, scratch / f"{book.stem}.pdf",
                                            session=session, remember=False).fo
        per_book = {book: _median([_wall(fop_command(fo_of[book], scratch / "x.pdf"))
                                   for _ in range(2)]) for book in BOOKS}
        baseline = sum(per_book[book] for book in books)
        base = f"{CORPUS_SIZE} `fop` runs"
        line(f"{CORPUS_SIZE} `fop` runs, one per book (measured per distinct book)", baseline,
             baseline, base)
        print(f"  ({session.name})")
        os.environ["TEIKIT_CACHE_DIR"] = str(scratch / "cache")
        start = time.perf_counter()
        for index, book in enumerate(books):
            render_pdf_report(book, scratch / f"{index}.pdf", session=session, remember=False)
        line(f"{CORPUS_SIZE} PDFs, one warm FOP, no index cache (2 layouts each)",
             time.perf_counter() - start, baseline, base)
        for book in BOOKS:  # remember the index of each book
            render_pdf_report(book, scratch / "prime.pdf", session=session)
        start = time.perf_counter()
        for index, book in enumerate(books):
            render_pdf_report(book, scratch / f"{index}.pdf", session=session)
        line(f"{CORPUS_SIZE} PDFs built again, index cache kept (1 layout each)",
             time.perf_counter() - start, baseline, base)


def main() -> None:
    build_figures()
    corpus_figures()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--stages":
        _stages_child(sys.argv[2])
    else:
        main()
