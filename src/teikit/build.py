"""Build the edition: convert every source, validate the TEI, render the outputs — only what
changed, on every core, one failing text never stopping the others.

    tei/sources/NAME.txt ─convert─▶ tei/NAME.xml ─validate (edition)─▶ digest
        (process pool)                                      │
                         tei_all (one jing run for the converted texts)
    digests ─order (config; default by date)─▶ neighbours of each text
        ─render (process pool)─▶ site/NAME.html, NAME.xml, NAME.txt, NAME.fo, NAME.pdf
    all digests ─▶ edition-wide pages (site/index.html …)

What was built from what is kept in the build state (:mod:`teikit.buildstate`,
``SITE/.teikit-build/``): a text is converted again only when its source, its settings, the
register, its corrections or teikit itself changed, or its TEI is not the one the build wrote;
rendered again when its TEI, its neighbours or the formats changed; the edition-wide pages
whenever any text or the register changed. ``force`` rebuilds everything.

Each worker process compiles the stylesheets once (:func:`teikit.render.compiled_stylesheet`)
and keeps them for every text it gets; the main process only reads the small digests, so memory
does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

from teikit.buildstate import (
    STATE_DIRNAME,
    BuildState,
    TextState,
    code_fingerprint,
    digest_bytes,
    file_hash,
    json_key,
)
from teikit.config import EditionConfig, load_config
from teikit.errors import InputError, TeikitError

FORMATS = ("html", "pdf")
T = TypeVar("T")
R = TypeVar("R")


class Progress(Protocol):
    """How the build tells what it is doing (the CLI draws a bar or prints lines)."""

    def stage(self, label: str, total: int) -> None: ...
    def advance(self, message: str) -> None: ...
    def done(self) -> None: ...
    def note(self, message: str) -> None: ...


class SilentProgress:
    def stage(self, label: str, total: int) -> None:
        pass

    def advance(self, message: str) -> None:
        pass

    def done(self) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class Failure:
    """A text that could not be built, the step that failed, and why."""

    name: str
    step: str
    reason: str

    def __str__(self) -> str:
        return f"{self.name}: {self.step} failed: {self.reason}"


@dataclass
class BuildReport:
    texts: list[str] = field(default_factory=list)          # in the edition's order
    converted: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    edition_pages: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)   # convert, tei_all, …

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    def summary(self) -> str:
        failed = {f.name for f in self.failures if f.name in self.texts}
        parts = [f"{len(self.texts) - len(failed)} of {len(self.texts)} texts built",
                 f"{len(self.converted)} converted", f"{len(self.rendered)} rendered",
                 f"{len(self.edition_pages)} edition pages written"]
        if failed:
            parts.append(f"{len(failed)} failed")
        if any(f.name not in self.texts for f in self.failures):
            parts.append("the edition-wide pages failed")
        return ", ".join(parts) + f" in {self.seconds:.1f} s"


# ---- jobs that run in the worker processes ----------------------------------------------------

@dataclass(frozen=True)
class ConvertJob:
    name: str
    source: Path
    output: Path
    config: Path
    digest: Path
    search: Path


@dataclass(frozen=True)
class ConvertOutcome:
    name: str
    ok: bool
    tei_hash: str = ""
    reason: str = ""
    step: str = "convert"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class RenderJob:
    name: str
    tei: Path
    site_dir: Path
    formats: tuple[str, ...]
    page_size: str
    navigation: tuple[tuple[str, str], ...]   # stylesheet parameters: prev/next pages, titles
    html_stylesheet: Path | None = None       # the project's, from the config's [render]
    fo_stylesheet: Path | None = None


@dataclass(frozen=True)
class RenderOutcome:
    name: str
    ok: bool
    outputs: tuple[str, ...] = ()
    reason: str = ""
    step: str = "render"
    warnings: tuple[str, ...] = ()


def _reason(error: BaseException) -> str:
    if isinstance(error, TeikitError):
        return str(error)
    return f"internal error: {type(error).__name__}: {error}"


def convert_one(job: ConvertJob) -> ConvertOutcome:
    """Convert one source, check it against the edition schema and rules, write its digest."""
    from teikit.convert import convert_file
    from teikit.render.edition import write_digest, write_search_pages
    from teikit.validate import check_files

    step = "convert"
    try:
        result = convert_file(job.source, job.output, config_path=job.config)
        warnings = tuple(f"{job.source.name}: {m}" for m in result.warnings)
        step = "validate"
        report = check_files([job.output], ["edition"])
        if report.exit_code:
            problems = [str(p) for p in report.problems if p.severity != "warning"]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            return ConvertOutcome(job.name, False, reason=(problems or ["invalid"])[0] + more,
                                  step=step, warnings=warnings)
        warnings += tuple(str(p) for p in report.problems)
        step = "digest"
        write_digest(job.output, job.digest, job.name)
        write_search_pages(job.digest, job.search)
        return ConvertOutcome(job.name, True, tei_hash=file_hash(job.output), warnings=warnings)
    except Exception as error:  # one text's failure is reported; the others go on
        return ConvertOutcome(job.name, False, reason=_reason(error), step=step)


def render_one(job: RenderJob) -> RenderOutcome:
    """The reading page, the TEI and plain-text downloads and (if asked) the PDF of one text."""
    from teikit.convert import read_back_file
    from teikit.errors import ToolMissingError
    from teikit.render.edition import write_reading_page
    from teikit.xmlio import write_bytes_atomically, write_text_atomically

    site = job.site_dir
    outputs: list[str] = []
    warnings: list[str] = []
    step = "render html"
    try:
        if "html" in job.formats:
            downloads = ("xml", "pdf", "txt") if "pdf" in job.formats else ("xml", "txt")
            write_reading_page(job.tei, site / f"{job.name}.html", dict(job.navigation),
                               downloads, stylesheet=job.html_stylesheet)
            outputs.append(f"{job.name}.html")
            step = "copy TEI"
            write_bytes_atomically(site / f"{job.name}.xml", job.tei.read_bytes(), [job.tei])
            step = "export text"
            write_text_atomically(site / f"{job.name}.txt", read_back_file(job.tei), [job.tei])
            outputs += [f"{job.name}.xml", f"{job.name}.txt"]
        if "pdf" in job.formats:
            from teikit.render.fo import render_fo
            from teikit.render.pdf import render_pdf_report

            step = "render pdf"
            pdf = site / f"{job.name}.pdf"
            try:
                result = render_pdf_report(job.tei, pdf, job.page_size,
                                           stylesheet=job.fo_stylesheet)
                warnings += [f"{job.name}: FOP: {w}" for w in result.warnings]
                outputs += [pdf.name, pdf.with_suffix(".fo").name]
            except ToolMissingError as missing:
                render_fo(job.tei, pdf.with_suffix(".fo"), job.page_size,
                          stylesheet=job.fo_stylesheet)
                warnings.append(f"{job.tei.name}: no PDF: {missing}")
                outputs.append(pdf.with_suffix(".fo").name)
        publish(site / output for output in outputs)
        return RenderOutcome(job.name, True, tuple(outputs), warnings=tuple(warnings))
    except Exception as error:
        return RenderOutcome(job.name, False, tuple(outputs), reason=_reason(error), step=step,
                             warnings=tuple(warnings))


def publish(paths: Iterable[Path]) -> None:
    """Site files are for a web server to read: world-readable (0644), whoever writes them."""
    for path in paths:
        if path.is_file():
            path.chmod(0o644)


def _warm_worker() -> None:
    """Compile the reading page's stylesheet once, when the worker starts."""
    from teikit.render import compiled_stylesheet

    compiled_stylesheet("html/html.xsl")


# ---- running jobs --------------------------------------------------------------------------

class _InProcess(Executor):
    """An executor that runs each job when it is submitted (one core, no pool)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _executor(jobs: int) -> Executor:
    if jobs <= 1:
        return _InProcess()
    # spawn: a fresh interpreter per worker, never a copy of a process with Saxon loaded
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_warm_worker)


def _run(executor: Executor, function: Callable[[T], R], jobs: Sequence[T], label: str,
         progress: Progress, describe: Callable[[R], str],
         crashed: Callable[[T, str], R]) -> Iterator[R]:
    """Run ``function`` on every job, yielding outcomes as they finish. A worker that dies
    (killed, out of memory) fails its job, not the build."""
    if not jobs:
        return
    progress.stage(label, len(jobs))
    futures = {executor.submit(function, job): job for job in jobs}
    try:
        for future in as_completed(futures):
            try:
                outcome = future.result()
            except Exception as error:
                outcome = crashed(futures[future], f"worker process failed: {error!r}")
            progress.advance(describe(outcome))
            yield outcome
    finally:
        progress.done()


# ---- the build -----------------------------------------------------------------------------

def _settings_key(config: EditionConfig, name: str) -> str:
    settings = config.settings_for(name)
    return json_key({**vars(settings), "register_path": None})


def _corrections(config: EditionConfig, name: str) -> list[Path]:
    folder = config.base / str(config.edition.get("corrections", "corrections"))
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{name}.*") if p.is_file())


def _register_path(config: EditionConfig) -> Path | None:
    register = config.edition.get("register")
    return config.base / str(register) if register else None


def input_key(config: EditionConfig, source: Path) -> str:
    """Everything a conversion of ``source`` reads, as one fingerprint."""
    name = source.stem
    corrections = [digest_bytes(p.name, p.read_bytes()) for p in _corrections(config, name)]
    return digest_bytes(code_fingerprint(), source.read_bytes(), _settings_key(config, name),
                        file_hash(_register_path(config)), *corrections)


def build_edition(config_path: Path, *, force: bool = False, jobs: int | None = None,
                  formats: Iterable[str] = FORMATS, progress: Progress | None = None
                  ) -> BuildReport:
    """Build what changed since the last build of this edition and return what happened.

    ``jobs``: worker processes (default: every core this process may use; 1: no pool).
    ``formats``: ``html`` (reading page, TEI and text downloads) and/or ``pdf``. Failures of
    single texts are in the report (``exit_code`` 1); problems with the edition itself (no
    config, no sources) raise :class:`TeikitError`.
    """
    from teikit.render.edition import (
        EditionText,
        neighbours,
        order_texts,
        read_digest_summary,
        render_edition_pages,
    )

    started = time.perf_counter()
    progress = progress or SilentProgress()
    formats = tuple(f for f in FORMATS if f in set(formats))
    config = load_config(config_path)
    sources = sorted(config.sources_dir.glob("*.txt"))
    if not sources:
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert")
    site_dir = config.site_dir
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from teikit.errors import OutputError

        raise OutputError(f"{site_dir}: cannot create the site directory: {error.strerror}"
                          ) from None
    state = BuildState.load(site_dir)
    if force:
        state = BuildState(site_dir)
    state.digests.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    names = [s.stem for s in sources]
    _forget_removed(state, set(names))

    # 1. convert and validate what changed
    keys: dict[str, str] = {}
    to_convert: list[ConvertJob] = []
    for source in sources:
        name = source.stem
        output = config.output_dir / f"{name}.xml"
        try:
            keys[name] = input_key(config, source)
        except OSError as error:
            report.failures.append(Failure(name, "read", f"{source}: {error.strerror}"))
            continue
        known = state.texts.get(name)
        if (known is None or known.inputs != keys[name] or file_hash(output) != known.tei
                or not state.digest_path(name).is_file()
                or not state.search_folder(name).is_dir()):
            to_convert.append(ConvertJob(name, source, output, Path(config_path),
                                         state.digest_path(name), state.search_folder(name)))
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.stage_seconds[stage] = report.stage_seconds.get(stage, 0.0) + now - clock
        clock = now

    lap("plan")
    workers = jobs if jobs is not None else default_jobs()
    workers = max(1, min(workers, max(len(to_convert), len(sources))))
    executor = _executor(workers if len(to_convert) > 1 or len(sources) > 1 else 1)
    try:
        converted: list[str] = []
        for outcome in _run(executor, convert_one, to_convert, "converting", progress,
                            lambda o: f"converted {o.name}" if o.ok else f"FAILED {o.name}",
                            lambda job, why: ConvertOutcome(job.name, False, reason=why)):
            report.warnings += outcome.warnings
            if outcome.ok:
                converted.append(outcome.name)
                entry = state.texts.setdefault(outcome.name, TextState())
                entry.inputs, entry.tei, entry.render = keys[outcome.name], outcome.tei_hash, ""
            else:
                report.failures.append(Failure(outcome.name, outcome.step, outcome.reason))
                state.texts.pop(outcome.name, None)
        converted.sort(key=names.index)
        report.converted = converted
        lap("convert")
        _check_tei_all(config, converted, state, report, progress)
        lap("tei_all")
        invalid = sum(1 for f in report.failures if f.step.startswith("validate"))
        if converted or invalid:
            progress.note(f"{len(converted) + invalid} texts checked against edition.xsd, "
                          f"edition.sch, tei_all: {len(converted)} valid, {invalid} invalid")
        state.save()

        # 2. the edition's order and each text's neighbours
        failed = {f.name for f in report.failures}
        good = [n for n in names if n not in failed and n in state.texts]
        summaries = [read_digest_summary(state.digest_path(n), n) for n in good]
        ordered: list[EditionText] = order_texts(summaries, config.edition.get("order", "date"))
        report.texts = [t.name for t in ordered] + sorted(failed, key=names.index)

        # 3. render what changed
        to_render: list[RenderJob] = []
        render_keys: dict[str, str] = {}
        for text, navigation in zip(ordered, neighbours(ordered), strict=True):
            entry = state.texts[text.name]
            tei = config.output_dir / f"{text.name}.xml"
            render_keys[text.name] = digest_bytes(code_fingerprint(), entry.tei,
                                                  json_key(navigation), json_key(formats),
                                                  config.page_size,
                                                  file_hash(config.html_stylesheet),
                                                  file_hash(config.fo_stylesheet))
            missing = any(not (site_dir / out).is_file() for out in entry.outputs)
            if entry.render != render_keys[text.name] or missing or not entry.outputs:
                to_render.append(RenderJob(text.name, tei, site_dir, formats, config.page_size,
                                           tuple(sorted(navigation.items())),
                                           config.html_stylesheet, config.fo_stylesheet))
        for outcome in _run(executor, render_one, to_render, "rendering", progress,
                            lambda o: f"rendered {o.name}" if o.ok else f"FAILED {o.name}",
                            lambda job, why: RenderOutcome(job.name, False, reason=why)):
            report.warnings += outcome.warnings
            entry = state.texts[outcome.name]
            if outcome.ok:
                report.rendered.append(outcome.name)
                entry.render, entry.outputs = render_keys[outcome.name], list(outcome.outputs)
            else:
                report.failures.append(Failure(outcome.name, outcome.step, outcome.reason))
                entry.render = ""
        report.rendered.sort(key=names.index)
        state.save()
        lap("render")
    finally:
        executor.shutdown()

    # 4. the edition-wide pages, from the digests of the texts that were built
    built = [t for t in ordered if t.name not in {f.name for f in report.failures}]
    edition_key = digest_bytes(code_fingerprint(), json_key([(t.name, state.texts[t.name].tei)
                                                             for t in built]),
                               file_hash(_register_path(config)),
                               json_key(config.edition), json_key(formats))
    pages_missing = any(not (site_dir / p).is_file() for p in state.edition_outputs)
    if built and (state.edition != edition_key or pages_missing or not state.edition_outputs):
        progress.note("writing the edition-wide pages")
        try:
            pages = render_edition_pages(built, state, site_dir, config, formats)
        except Exception as error:  # reported like a text's failure; tried again next time
            report.failures.append(Failure("edition", "edition-wide pages", _reason(error)))
            state.edition = ""
        else:
            publish(p for p in site_dir.rglob("*") if STATE_DIRNAME not in p.parts)
            report.edition_pages = pages
            state.edition = edition_key
            state.edition_outputs = [p.relative_to(site_dir).as_posix() for p in pages]
        state.save()
        lap("edition")
    report.seconds = time.perf_counter() - started
    return report


def _check_tei_all(config: EditionConfig, converted: list[str], state: BuildState,
                   report: BuildReport, progress: Progress) -> None:
    """tei_all in one run for every text converted now (jing starts one JVM for all)."""
    from teikit.validate import check_files

    if not converted:
        return
    progress.note(f"checking {len(converted)} texts against tei_all")
    files = [config.output_dir / f"{name}.xml" for name in converted]
    checked = check_files(files, ["tei_all"])
    for name, result in zip(list(converted), checked.results, strict=True):
        report.warnings += [str(p) for p in result.problems if p.severity == "warning"]
        if not result.valid:
            errors = [str(p) for p in result.problems if p.severity != "warning"]
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            report.failures.append(Failure(name, "validate (tei_all)",
                                           (errors or ["invalid"])[0] + more))
            state.texts.pop(name, None)
            converted.remove(name)


def _forget_removed(state: BuildState, names: set[str]) -> None:
    """A text whose source is gone: remove the site files the build wrote for it."""
    for name in sorted(set(state.texts) - names):
        for output in state.texts.pop(name).outputs:
            (state.site_dir / output).unlink(missing_ok=True)
        state.digest_path(name).unlink(missing_ok=True)
        shutil.rmtree(state.search_folder(name), ignore_errors=True)


def remove_state(site_dir: Path) -> None:
    shutil.rmtree(BuildState(site_dir).folder, ignore_errors=True)


def render_outputs(tei_files: list[Path], site_dir: Path, page_size: str,
                   warn: Callable[[str], None], *, html_stylesheet: Path | None = None,
                   fo_stylesheet: Path | None = None) -> Iterator[str]:
    """Render TEI files without the edition around them: one page per text and an index, and
    the print edition (FO, PDF), each with the project's stylesheet when given.

    Without Apache FOP the FO is still written and the missing PDF is a warning."""
    from teikit.errors import ToolMissingError
    from teikit.render.fo import render_fo
    from teikit.render.html import render_site
    from teikit.render.pdf import render_pdf

    site_dir.mkdir(parents=True, exist_ok=True)
    for page in render_site(tei_files, site_dir, stylesheet=html_stylesheet):
        yield f"wrote {page}"
    for tei in tei_files:
        pdf = site_dir / f"{tei.stem}.pdf"
        try:
            render_pdf(tei, pdf, page_size, stylesheet=fo_stylesheet)
            yield f"wrote {pdf.with_suffix('.fo')} and {pdf}"
        except ToolMissingError as missing:
            fo = render_fo(tei, pdf.with_suffix(".fo"), page_size, stylesheet=fo_stylesheet)
            warn(f"{tei.name}: no PDF: {missing}")
            yield f"wrote {fo}"
