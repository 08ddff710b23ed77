"""Build the edition: convert every source, validate the TEI, render the outputs — only what
changed, on every core, one failing text never stopping the others.

    checks first: the config, page size and order, the page names, the register
    tei/sources/NAME.txt ─convert + edition.xsd/.sch in memory (process pool)─▶ staged TEI, digest
        ─tei_all (jing, in batches)─▶ fingerprint check ─▶ tei/NAME.xml, digest in the state
    digests ─order (config; default by date)─▶ neighbours of each text
        ─render (process pool)─▶ site/NAME.html, NAME.xml, NAME.txt, NAME.fo, NAME.pdf
    all digests ─▶ edition-wide pages (site/index.html, registers, chronology, search)

Nothing is replaced before it is checked. The config, the register and the page names are
checked before any work; a problem there stops the build before anything is written. A text's
TEI is converted and checked against the edition schema, its rules and ``tei_all`` in a staging
folder, and replaces ``tei/NAME.xml`` only when all of that passed and the file there is what
teikit wrote (:func:`teikit.fingerprint.may_replace`; ``force`` replaces it after a backup). A
text's site files are written only when all of them (page, PDF, downloads) were made. A text
that fails anywhere is reported with its reason, its earlier outputs stay as they were (and in
the edition-wide pages, which are written only when something was built), the other texts are
built, and the report's exit code is 1.

What was built from what is kept in the build state (:mod:`teikit.buildstate`,
``SITE/.teikit-build/``): a text is converted again only when its source, its settings, the
register, its corrections file or teikit itself changed, or its TEI is not the one the build
wrote; rendered again when its TEI, its neighbours, the formats, the page size, the project
stylesheets or FOP changed; the edition-wide pages whenever a text, the register or the config's
``[edition]`` changed. ``force`` rebuilds everything.

Each worker process compiles the stylesheets once (:func:`teikit.render.compiled_stylesheet`)
and keeps them for every text it gets; the main process reads only the small digests, so memory
does not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    as_completed,
    wait,
)
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from teikit.buildstate import (
    STATE_DIRNAME,
    BuildState,
    TextState,
    code_fingerprint,
    file_hash,
    json_key,
)
from teikit.cache import digest
from teikit.config import EditionConfig, load_config
from teikit.errors import (
    INVALID,
    BuildFailedError,
    EditedTeiError,
    InputError,
    OutputError,
    TeikitError,
)

if TYPE_CHECKING:
    from teikit.render import InBackground, Stylesheet
    from teikit.render.edition import EditionText
    from teikit.render.fop import WarmingFop
    from teikit.render.pdf import LaidOut, PdfResult

FORMATS = ("html", "fo", "pdf")   # teikit.config.OUTPUT_FORMATS: what a build may render
TEI_ALL_BATCH = 25     # texts per jing run: one JVM start per batch, memory bounded by a batch
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


KEPT = "kept"   # the step of a text whose TEI teikit may not replace (edited, or not teikit's)


@dataclass(frozen=True)
class Failure:
    """A text that could not be built, the step that failed, and why."""

    name: str
    step: str
    reason: str
    path: str = ""      # the TEI file kept, for a refused one

    def __str__(self) -> str:
        if self.step == KEPT:
            return f"kept {self.path}: {self.reason}"
        return f"{self.name}: {self.step} failed: {self.reason}"


@dataclass
class BuildReport:
    texts: list[str] = field(default_factory=list)          # in the edition's order
    converted: list[str] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)
    edition_pages: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    backups: list[str] = field(default_factory=list)        # files --force kept as .bak
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)   # convert, tei_all, …
    worker_peak_mib: float = 0.0    # the largest peak resident memory of a worker process

    @property
    def exit_code(self) -> int:
        return INVALID if self.failures else 0

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

    def error(self) -> BuildFailedError | None:
        """One error for the whole build (the failures themselves are reported one by one)."""
        if not self.failures:
            return None
        kept = [f.path for f in self.failures if f.step == KEPT]
        failed = sorted({f.name for f in self.failures if f.step != KEPT and f.name in self.texts})
        parts = []
        if kept:
            parts.append(f"{len(kept)} TEI file{'s' if len(kept) > 1 else ''} not rebuilt: "
                         f"{', '.join(kept)}")
        if failed:
            parts.append(f"{len(failed)} of {len(self.texts)} texts failed: {', '.join(failed)}")
        if any(f.name not in self.texts for f in self.failures):
            parts.append("the edition-wide pages failed")
        return BuildFailedError("; ".join(parts), hint="see the messages above")


# ---- jobs that run in the worker processes ----------------------------------------------------

@dataclass(frozen=True)
class ConvertJob:
    name: str
    source: Path
    output: Path
    config: Path
    staged: Path          # the staged TEI; its digest and search pages beside it
    force: bool = False
    print_ahead: PrintAhead | None = None    # in this process: lay the PDF out at once
    written: str = ""     # the hash of the TEI the last build wrote to ``output`` ("": none)


@dataclass(frozen=True)
class PrintAhead:
    """Where and how a text's PDF is laid out as soon as its TEI is converted and checked, in
    the process that converts it (see :func:`_print_ahead`)."""

    pdf: Path
    page_size: str
    stylesheet: Path | None = None


@dataclass(frozen=True)
class ConvertOutcome:
    name: str
    ok: bool
    tei_hash: str = ""
    reason: str = ""
    step: str = "convert"
    warnings: tuple[str, ...] = ()
    peak_mib: float = field(default_factory=lambda: peak_mib())


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
    peak_mib: float = field(default_factory=lambda: peak_mib())


def peak_mib() -> float:
    """The peak resident memory of this process so far, in MiB (0 where it is not known)."""
    import resource

    try:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except (OSError, ValueError):
        return 0.0


def _reason(error: BaseException) -> str:
    if isinstance(error, TeikitError):
        return str(error)
    return f"internal error: {type(error).__name__}: {error}"


def staged_digest(staged: Path) -> Path:
    return staged.with_suffix(".digest.xml")


def staged_search(staged: Path) -> Path:
    return staged.with_suffix(".search")


def convert_one(job: ConvertJob) -> ConvertOutcome:
    """Convert one source in memory, check it against the edition schema and rules, and stage
    it (the TEI, its digest and its search pages) for the main process to check and publish."""
    from teikit.convert import check_conversions, prepare_conversion
    from teikit.render.edition import write_digest, write_search_pages
    from teikit.xmlio import write_bytes_atomically

    step = "convert"
    warnings: tuple[str, ...] = ()
    try:
        conversion = prepare_conversion(job.source, job.output, config_path=job.config)
        warnings = tuple(f"{job.source.name}: {m}" for m in conversion.warnings)
        step = "validate"
        warnings += tuple(check_conversions([conversion], ("edition",))[:-1])
        if job.print_ahead is not None:
            _print_ahead(job.name, job.output, job.print_ahead, conversion.data)
        step = "digest"
        write_bytes_atomically(job.staged, conversion.data)
        write_digest(job.staged, staged_digest(job.staged), job.name)
        write_search_pages(staged_digest(job.staged), staged_search(job.staged))
        return ConvertOutcome(job.name, True, tei_hash=digest(conversion.data),
                              warnings=warnings)
    except Exception as error:  # one text's failure is reported; the others go on
        return ConvertOutcome(job.name, False, reason=_reason(error), step=step,
                              warnings=warnings)


def render_one(job: RenderJob) -> RenderOutcome:
    """The reading page, the TEI and plain-text downloads and (if asked) the PDF of one text.

    The page and the downloads are made before anything is written, and written only once the
    PDF (when asked) is made and checked: a failure keeps the earlier files. (A checked PDF
    is kept even when its page fails: it is right for its TEI.)"""
    from teikit.convert import read_back_file, with_schema_href
    from teikit.errors import ToolMissingError
    from teikit.render.edition import reading_page
    from teikit.render.html import check_html
    from teikit.xmlio import write_bytes_atomically, write_text_atomically

    site = job.site_dir
    outputs: list[str] = []
    warnings: list[str] = []
    pdf = site / f"{job.name}.pdf"
    fo = pdf.with_suffix(".fo")
    printing: InBackground[PdfResult] | None = None
    step = "render pdf"
    try:
        # the PDF is laid out in FOP's JVM while this thread makes the reading page
        printing = _pdf_in_background(job, pdf) if "pdf" in job.formats else None
        step = "render html"
        pending: list[Callable[[], object]] = []
        if "html" in job.formats:
            downloads = ("xml", "pdf", "txt") if "pdf" in job.formats else ("xml", "txt")
            page = reading_page(job.tei, job.name, dict(job.navigation), downloads,
                                stylesheet=job.html_stylesheet)
            step = "export text"
            text = read_back_file(job.tei)
            # the copy beside the site's schema/ folder (written with the edition-wide pages)
            data = with_schema_href(job.tei.read_bytes(), "schema")
            html_out, xml_out, txt_out = (site / f"{job.name}{s}" for s in (".html", ".xml",
                                                                            ".txt"))
            pending += [lambda: write_text_atomically(html_out, page, [job.tei],
                                                      check=check_html),
                        lambda: write_bytes_atomically(xml_out, data, [job.tei]),
                        lambda: write_text_atomically(txt_out, text, [job.tei])]
            outputs += [html_out.name, xml_out.name, txt_out.name]
        made_pdf = False
        if printing is not None:
            step = "render pdf"
            try:
                result = printing.result()
                warnings += [f"{job.name}: FOP: {w}" for w in result.warnings]
                outputs += [pdf.name, fo.name]
                made_pdf = True
            except ToolMissingError as missing:
                warnings.append(f"{job.tei.name}: no PDF: {missing}")
        if ("pdf" in job.formats or "fo" in job.formats) and not made_pdf:
            from teikit.render.fo import render_fo

            step = "render fo"
            render_fo(job.tei, fo, job.page_size, stylesheet=job.fo_stylesheet)
            outputs.append(fo.name)
        step = "write"
        for write in pending:
            write()
        publish(site / output for output in outputs)
        return RenderOutcome(job.name, True, tuple(outputs), warnings=tuple(warnings))
    except Exception as error:
        return RenderOutcome(job.name, False, (), reason=_reason(error), step=step,
                             warnings=tuple(warnings))
    finally:
        if printing is not None:
            printing.join()


def _pdf_in_background(job: RenderJob, pdf: Path) -> InBackground[PdfResult]:
    """One text's PDF and its FO: the FO made here and now (Saxon), then laid out by FOP in a
    thread of its own, in the JVM, while Python makes the reading page. The two are replaced
    together, and only by a checked PDF; FOP is this process's (a JVM kept warm for all its
    texts, see :mod:`teikit.render.fop`)."""
    from teikit.render import InBackground
    from teikit.render.pdf import plan_pdf

    ahead = _printed_ahead.pop(job.name, None)
    if ahead is not None:
        wanted = PrintAhead(pdf, job.page_size, job.fo_stylesheet)
        if ahead.wanted == wanted and ahead.tei_hash == file_hash(job.tei):
            return InBackground(lambda: ahead.printing.result().write(),
                                name=f"teikit-pdf-{job.name}")
        ahead.printing.join()
    plan = plan_pdf(job.tei, pdf, job.page_size, stylesheet=job.fo_stylesheet)
    return InBackground(lambda: plan.lay_out(_worker_fop().session()),
                        name=f"teikit-pdf-{job.name}")


@dataclass(frozen=True)
class _Printing:
    wanted: PrintAhead
    tei_hash: str
    printing: InBackground[LaidOut]


# the PDFs laid out ahead in this process, by text, until their texts are rendered
_printed_ahead: dict[str, _Printing] = {}


def _print_ahead(name: str, tei: Path, wanted: PrintAhead, data: bytes) -> None:
    """Lay out the PDF of a text converted and checked in this process at once, from the TEI in
    memory, while the rest of its conversion (digest, search pages) and its reading page are
    made: FOP need not wait for them. Nothing is written: :func:`render_one` writes the PDF
    once the TEI is published, if the TEI it renders is this one; a PDF that cannot be made
    here is made (and its failure told) there."""
    from teikit.render import InBackground
    from teikit.render.pdf import plan_pdf

    forget_print_ahead(name)
    try:
        plan = plan_pdf(tei, wanted.pdf, wanted.page_size, stylesheet=wanted.stylesheet,
                        data=data)
    except Exception:  # told by render_one, which makes it again
        return
    _printed_ahead[name] = _Printing(wanted, digest(data), InBackground(
        lambda: plan.laid_out(_worker_fop().session()), name=f"teikit-print-ahead-{name}"))


def forget_print_ahead(name: str | None = None) -> None:
    """Drop the PDF laid out ahead for ``name`` (default: all), once its layout ends."""
    for text in list(_printed_ahead) if name is None else [name]:
        ahead = _printed_ahead.pop(text, None)
        if ahead is not None:
            ahead.printing.join()


def publish(paths: Iterable[Path]) -> None:
    """Site files are for a web server to read: world-readable (0644), whoever writes them."""
    for path in paths:
        try:
            mode = path.lstat().st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode) and stat.S_IMODE(mode) != 0o644:
            path.chmod(0o644)


def site_files(site_dir: Path) -> Iterator[Path]:
    """Every file of the site, the build state's folder left out (not looked into)."""
    for folder, subfolders, files in os.walk(site_dir):
        subfolders[:] = [name for name in subfolders if name != STATE_DIRNAME]
        for name in files:
            yield Path(folder, name)


_fop: WarmingFop | None = None


def _worker_fop() -> WarmingFop:
    """This process's FOP (:class:`teikit.render.fop.WarmingFop`), started when first asked."""
    global _fop
    if _fop is None:
        from teikit.render.fop import WarmingFop

        _fop = WarmingFop()
    return _fop


def _warm_worker(formats: tuple[str, ...] = (), tei_all: bool = True) -> None:
    """When a worker starts: warm its FOP if PDFs are wanted and compile tei_all in its JVM
    (:mod:`teikit.validate.jvm_jing`) if the texts will need it, both in the background, and
    compile the reading page's stylesheet; all are kept for every text the worker gets."""
    from teikit.render import compiled_stylesheet

    waits: list[Callable[[], object]] = []
    if "pdf" in formats:
        waits.append(_worker_fop().wait)
    checking = _jing_ahead() if tei_all else None
    if checking is not None:
        waits.append(checking.join)
    if waits:
        _leave_at_exit(waits)
    compiled_stylesheet("html/html.xsl")


def _leave_at_exit(waits: list[Callable[[], object]]) -> None:
    """A worker with a JVM ends without destroying it: it waits for what still runs in the
    background (a thread inside the JVM at exit would abort the process), then leaves at once.
    Destroying the JVM (JPype's exit handler) waits seconds for the threads FOP started; the
    worker's results are sent by then and nothing else is left to do. Exit handlers run
    last-registered first, so JPype's is registered (by importing it) before this one."""
    import atexit
    import contextlib
    import sys

    with contextlib.suppress(ImportError):
        import jpype  # noqa: F401

    def leave() -> None:
        for wait_for in waits:
            wait_for()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    atexit.register(leave)


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


def _executor(jobs: int, formats: tuple[str, ...], tei_all: bool) -> Executor:
    global _fop
    if jobs <= 1:
        _fop = None         # a FOP of this build's own (the environment may name another)
        if "pdf" in formats:
            _worker_fop()   # warms while the texts are converted
        return _InProcess()
    # spawn: a fresh interpreter per worker, never a copy of a process with Saxon loaded
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_warm_worker, initargs=(formats, tei_all))


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
    """What the config says about one text: every setting its conversion reads (the register
    and the corrections by their contents, in :func:`input_key`, not by their paths, so that a
    copied or moved edition is not built again)."""
    settings = config.settings_for(name)
    return json_key({**vars(settings), "register_path": None, "corrections_path": None})


def _register_path(config: EditionConfig) -> Path | None:
    register = config.edition.get("register")
    return config.base / str(register) if register else None


def input_key(config: EditionConfig, source: Path) -> str:
    """Everything a conversion of ``source`` reads, as one fingerprint: teikit's code,
    stylesheets and schemas, the source, its settings, the register and its corrections."""
    settings = config.settings_for(source.stem)
    return digest(code_fingerprint(), source.read_bytes(), _settings_key(config, source.stem),
                  file_hash(_register_path(config)), file_hash(settings.corrections_path))


def fop_key() -> str:
    """Which FOP makes the PDFs: the command or the JVM's jars, with the size and time of each
    file (a new FOP renders the PDFs again), or that there is none."""
    from teikit.render.fop import FOP_ENV, find_fop, fop_classpath, jvm_available

    if not os.environ.get(FOP_ENV) and jvm_available():
        kind, files = "jvm", fop_classpath() or []
    else:
        try:
            kind, files = "command", [find_fop()]
        except TeikitError:
            return "no FOP"
    found: list[object] = [kind]
    for file in files:
        try:
            status = Path(file).resolve().stat()
            found.append([file, status.st_size, status.st_mtime_ns])
        except OSError:
            found.append([file, "missing"])
    return json_key(found)


def check_edition(config: EditionConfig, sources: Sequence[Path]) -> None:
    """Everything the whole edition depends on, checked before any work (the config checked
    its own values): the page size, the texts' page names and the register."""
    from teikit.register.entries import register_for
    from teikit.render.fo import check_page_size
    from teikit.render.html import check_page_name, page_name

    check_page_size(config.page_size)
    folded: dict[str, str] = {}
    for source in sources:
        name = page_name(source)
        check_page_name(name)
        if name.casefold() in folded:
            raise InputError(f"two texts would both be written to {name}: "
                             f"{folded[name.casefold()]} and {source.name}",
                             hint="give the sources different names")
        folded[name.casefold()] = source.name
    register_for(config.settings_for(sources[0].stem))


def build_edition(config_path: Path, *, force: bool = False, jobs: int | None = None,
                  formats: Iterable[str] | None = None, progress: Progress | None = None
                  ) -> BuildReport:
    """Build what changed since the last build of this edition and return what happened.

    ``force``: rebuild everything, and replace TEI files edited by hand or not written by
    teikit (each kept as ``NAME.xml.bak`` first). ``jobs``: worker processes (default: every
    core this process may use; 1: no pool). ``formats`` (default: the config's): ``html``
    (reading page, TEI and text downloads, the edition-wide pages), ``fo``, ``pdf`` (with its
    FO). Failures of single texts are in the report (``exit_code`` 1,
    :meth:`BuildReport.error`); problems with the edition itself (the config, the register, no
    sources) raise :class:`TeikitError` before anything is written.
    """
    switching = sys.getswitchinterval()
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    try:
        return _build_edition(config_path, force=force, jobs=jobs, formats=formats,
                              progress=progress)
    finally:
        sys.setswitchinterval(switching)


# The build's background threads (FOP's and jing's JVM, the compilations, Pagefind) call back
# into Python at every step: JPype's start, each FOP event. With Python's default of 5 ms, a
# thread that asks for the interpreter waits that long behind the conversion each time (the
# JVM's start took 2 s instead of 0.3, measured); at 1 ms the conversion keeps nearly all its
# speed.
GIL_SWITCH_INTERVAL = 0.001


def _build_edition(config_path: Path, *, force: bool, jobs: int | None,
                   formats: Iterable[str] | None, progress: Progress | None) -> BuildReport:
    started = time.perf_counter()
    progress = progress or SilentProgress()
    config = load_config(config_path)
    wanted = set(config.formats if formats is None else formats)
    formats = tuple(f for f in FORMATS if f in wanted)
    sources = sorted(p for p in config.sources_dir.glob("*.txt") if p.is_file())
    if not sources:
        missing = "" if config.sources_dir.is_dir() else " (the folder does not exist)"
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert{missing}",
                         hint="set [edition] sources in the config")
    check_edition(config, sources)
    site_dir = config.site_dir
    for folder, what in ((config.output_dir, "TEI"), (site_dir, "site")):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"{folder}: cannot create the {what} directory: {error.strerror}"
                              ) from None
    state = BuildState(site_dir) if force else BuildState.load(site_dir)
    compiling: threading.Thread | None = None
    checking: threading.Thread | None = None
    report = BuildReport()
    if not config.found:
        report.warnings.append(
            f"no {config_path}: the edition is built with the defaults (its TEI in "
            f"{config.output_dir}, its site in {site_dir}); a config names the publisher, the "
            "licence, a register and each text's calendar (docs/corpus-edition.md)")
    names = [s.stem for s in sources]
    _forget_removed(state, set(names))
    staging = state.folder / "staged"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        state.digests.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{state.folder}: cannot write the build state: {error.strerror}"
                          ) from None
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        report.stage_seconds[stage] = report.stage_seconds.get(stage, 0.0) + now - clock
        clock = now

    try:
        # what the last build wrote, also when --force starts the state afresh
        previous = state if not force else BuildState.load(site_dir)
        to_convert, keys = _plan_conversions(config, Path(config_path), sources, state,
                                             previous, staging, force, report)
        lap("plan")
        workers = jobs if jobs is not None else default_jobs()
        workers = max(1, min(workers, len(sources)))
        pooled = workers > 1 and len(sources) > 1
        if not pooled and "pdf" in formats:
            to_convert = [replace(job, print_ahead=PrintAhead(
                site_dir / f"{job.name}.pdf", config.page_size, config.fo_stylesheet))
                for job in to_convert]
        # FOP is warmed while the texts are converted, first of all (its JVM is the longest
        # wait); in this process, with nothing to convert, it is started only if a text is
        # rendered again (an unchanged edition never waits for a JVM; a pool's workers are
        # warmed as they start)
        executor = _executor(1, formats if to_convert else (), tei_all=False) \
            if not pooled else None
        compiling = _compile_ahead(config, formats, in_process=not pooled) \
            if to_convert else None
        # tei_all is compiled only if a text will need it; here when there is no pool, in the
        # background (knowing takes the schema's digest), else in the workers, one jing a batch

        def tei_all_needed() -> bool:
            return bool(to_convert) and not _known_valid_again(to_convert, keys, previous)

        if executor is None:
            executor = _executor(workers, formats, tei_all_needed())
        else:
            checking = _jing_ahead(tei_all_needed) if to_convert else None
        try:
            _convert(executor, workers, to_convert, keys, state, report, progress, names, lap)
            ordered = _render(executor, config, state, report, progress, names, formats)
            lap("render")
        finally:
            executor.shutdown()
            if isinstance(executor, _InProcess) and _fop is not None:
                _fop.wait()
        _edition_pages(ordered, config, state, report, progress, formats)
        lap("edition")
    finally:
        forget_print_ahead()
        shutil.rmtree(staging, ignore_errors=True)
        for thread in (compiling, checking):
            if thread is not None:
                thread.join()
    report.seconds = time.perf_counter() - started
    return report


def _compile_ahead(config: EditionConfig, formats: tuple[str, ...], *, in_process: bool
                   ) -> threading.Thread:
    """Compile, in the background and in the order they are needed, the rules and stylesheets
    this process will run, while the texts are converted: when converting here, the rules and
    those of the conversion and the PDF (the layout waits for its FO); the reading page's and
    the edition-wide pages' too when there is no PDF to wait for. With a PDF they are compiled
    when first used, while FOP lays the book out; with a pool, the workers compile their own."""
    from teikit.render import prepare
    from teikit.resources import schema_path
    from teikit.validate.libxml_xsd import compiled_xsd
    from teikit.validate.schematron import compiled_schematron

    work: list[Stylesheet | Callable[[], object]] = []
    if in_process:
        work += [lambda: compiled_schematron(schema_path("edition.sch")),
                 lambda: compiled_xsd(schema_path("edition.xsd")),
                 "digest.xsl", "search-pages.xsl"]
        if "pdf" in formats or "fo" in formats:
            work.append(config.fo_stylesheet or "fo/fo.xsl")
        if "pdf" in formats:
            work.append("fo/index-pages.xsl")
    if "html" in formats and not (in_process and "pdf" in formats):
        work += [config.html_stylesheet or "html/html.xsl"] if in_process else []
        work += ["site.xsl", "mentions.xsl"]
    return prepare(*work)


def _jing_ahead(needed: Callable[[], bool] = lambda: True) -> threading.Thread | None:
    """Compile tei_all in this process's JVM in the background while the texts are converted,
    if ``needed()`` (asked in that thread), so that checking them against it takes
    milliseconds, not a jing command's second (:mod:`teikit.validate.jvm_jing`; without it,
    the command runs)."""
    from teikit.render import prepare
    from teikit.validate import jvm_jing
    from teikit.validate.relaxng import find_tei_all, jing_path

    def compile_tei_all() -> None:
        # finding the JVM takes a while too: not on the caller's thread
        if needed() and jvm_jing.available():
            jvm_jing.prepare(find_tei_all())

    return prepare(compile_tei_all) if jing_path() is not None else None


def _known_valid_again(to_convert: Sequence[ConvertJob], keys: dict[str, str],
                       previous: BuildState) -> bool:
    """Whether every text to convert will most likely come out as the TEI it has now, which jing
    found valid against tei_all before (:func:`teikit.validate.relaxng.known_valid`): the same
    inputs as at the last build (a ``--force`` build, a lost site). Then tei_all is not compiled
    ahead; a text that comes out otherwise is still checked, by the command."""
    from teikit.validate.relaxng import find_tei_all, known_valid

    try:
        schema = find_tei_all()
        for job in to_convert:
            known = previous.texts.get(job.name)
            if known is None or known.inputs != keys.get(job.name) or \
                    not known_valid(schema, job.output.read_bytes()):
                return False
    except (OSError, TeikitError):
        return False
    return True


def _plan_conversions(config: EditionConfig, config_path: Path, sources: Sequence[Path],
                      state: BuildState, previous: BuildState, staging: Path, force: bool,
                      report: BuildReport) -> tuple[list[ConvertJob], dict[str, str]]:
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
            written = previous.texts.get(name)
            to_convert.append(ConvertJob(name, source, output, config_path,
                                         staging / f"{name}.xml", force,
                                         written=written.tei if written is not None else ""))
    return to_convert, keys


def _convert(executor: Executor, workers: int, to_convert: list[ConvertJob],
             keys: dict[str, str], state: BuildState, report: BuildReport,
             progress: Progress, names: list[str], lap: Callable[[str], None]) -> None:
    """Convert and check in the pool, then publish the TEI of each text that passed. A text
    that failed keeps its earlier TEI, digest and state.

    The converted texts are checked against tei_all in batches (one jing run, one JVM, per
    batch), each batch given to the pool as soon as it is full, between the conversions still
    to do: the pool is fed a few jobs at a time, the longest texts first, so that neither the
    checks nor a long text wait for the end."""
    waiting = sorted(to_convert, key=lambda job: _size(job.source), reverse=True)
    size = max(1, min(TEI_ALL_BATCH, -(-len(to_convert) // max(1, workers))))
    staged: list[ConvertJob] = []
    unchecked: list[ConvertJob] = []
    valid: set[str] = set()
    pending: dict[Future[Any], tuple[str, Any]] = {}
    converting = 0

    def feed() -> None:
        nonlocal converting
        while unchecked and (len(unchecked) >= size or (not waiting and converting == 0)):
            batch = TeiAllJob(tuple((job.name, str(job.output), job.staged)
                                    for job in unchecked[:size]))
            del unchecked[:size]
            pending[executor.submit(tei_all_batch, batch)] = ("tei_all", batch)
        while waiting and converting < 2 * workers:
            job = waiting.pop(0)
            converting += 1
            pending[executor.submit(convert_one, job)] = ("convert", job)

    if to_convert:
        progress.stage("converting", len(to_convert))
    try:
        feed()
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                kind, job = pending.pop(future)
                if kind == "convert":
                    converting -= 1
                    outcome = _outcome(future, partial(_convert_crashed, job))
                    report.warnings += outcome.warnings
                    report.worker_peak_mib = max(report.worker_peak_mib, outcome.peak_mib)
                    progress.advance(f"converted {job.source.name} → {job.output.name}"
                                     if outcome.ok else f"FAILED {outcome.name}")
                    if outcome.ok:
                        staged.append(job)
                        unchecked.append(job)
                    else:
                        report.failures.append(Failure(job.name, outcome.step, outcome.reason))
                else:
                    checked = _outcome(future, partial(_unchecked, job))
                    for name, ok, first, warnings in checked.results:
                        report.warnings += warnings
                        if ok:
                            valid.add(name)
                        else:
                            report.failures.append(Failure(name, "validate (tei_all)", first))
            feed()
    finally:
        if to_convert:
            progress.done()
    lap("convert")
    invalid = sum(1 for f in report.failures if f.step.startswith("validate"))
    if staged or invalid:
        progress.note(f"{_texts(len(valid) + invalid)} checked against edition.xsd, "
                      f"edition.sch, tei_all: {len(valid)} valid, {invalid} invalid")
    for job in sorted(staged, key=lambda job: names.index(job.name)):
        if job.name not in valid:
            continue
        try:
            _publish_tei(job, state, report)
        except TeikitError as error:
            step = KEPT if isinstance(error, EditedTeiError) else "write TEI"
            report.failures.append(Failure(job.name, step, str(error), str(job.output)))
            continue
        entry = state.texts.setdefault(job.name, TextState())
        entry.inputs, entry.tei, entry.render = keys[job.name], file_hash(job.output), ""
        report.converted.append(job.name)
    state.save()
    lap("publish")


def _convert_crashed(job: ConvertJob, reason: str) -> ConvertOutcome:
    return ConvertOutcome(job.name, False, reason=reason)


def _outcome(future: Future[Any], crashed: Callable[[str], Any]) -> Any:
    """A job's outcome; a worker that died (killed, out of memory) fails its job, not the
    build."""
    try:
        return future.result()
    except Exception as error:
        return crashed(f"worker process failed: {error!r}")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _texts(count: int) -> str:
    return f"{count} text" if count == 1 else f"{count} texts"


@dataclass(frozen=True)
class TeiAllJob:
    texts: tuple[tuple[str, str, Path], ...]     # name, the TEI's path (for messages), staged


@dataclass(frozen=True)
class TeiAllOutcome:
    # per text: name, valid, the first errors (when invalid), warnings
    results: tuple[tuple[str, bool, str, tuple[str, ...]], ...]


def _unchecked(job: TeiAllJob, reason: str) -> TeiAllOutcome:
    return TeiAllOutcome(tuple((name, False, f"tei_all could not be checked: {reason}", ())
                               for name, _, _ in job.texts))


def tei_all_batch(job: TeiAllJob) -> TeiAllOutcome:
    """Check a batch of staged texts against tei_all in one jing run (one JVM)."""
    from teikit.validate import check_documents

    try:
        checked = check_documents([(output, staged.read_bytes())
                                   for _, output, staged in job.texts], ["tei_all"])
    except Exception as error:
        return _unchecked(job, _reason(error))
    results = []
    for (name, _, _), result in zip(job.texts, checked.results, strict=True):
        warnings = tuple(str(p) for p in result.problems if p.severity == "warning")
        errors = [str(p) for p in result.problems if p.severity != "warning"]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        first = "" if result.valid else (errors or ["invalid"])[0] + more
        results.append((name, result.valid, first, warnings))
    return TeiAllOutcome(tuple(results))


def _publish_tei(job: ConvertJob, state: BuildState, report: BuildReport) -> None:
    """Replace ``tei/NAME.xml`` (if teikit may) and the text's digest and search pages."""
    from teikit.fingerprint import may_replace
    from teikit.xmlio import write_bytes_atomically

    # a file byte for byte as the last build wrote it needs no look at its fingerprint (a
    # parse and a canonical form: 7 ms a text, one text after another, in this process)
    if not job.written or file_hash(job.output) != job.written:
        backup = may_replace(job.output, job.force)
        if backup is not None:
            report.backups.append(str(backup))
    write_bytes_atomically(job.output, job.staged.read_bytes(), [job.source])
    os.replace(staged_digest(job.staged), state.digest_path(job.name))
    search = state.search_folder(job.name)
    shutil.rmtree(search, ignore_errors=True)
    search.parent.mkdir(parents=True, exist_ok=True)
    os.replace(staged_search(job.staged), search)


def _render(executor: Executor, config: EditionConfig, state: BuildState, report: BuildReport,
            progress: Progress, names: list[str], formats: tuple[str, ...]) -> list[EditionText]:
    """Order the texts that have been built (now or earlier) and render what changed; return
    the ordered texts."""
    from teikit.render.edition import neighbours, order_texts, read_digest_summary

    failed = {f.name for f in report.failures}
    known = [n for n in names if n in state.texts and state.digest_path(n).is_file()]
    summaries = [read_digest_summary(state.digest_path(n), n) for n in known]
    ordered = order_texts(summaries, config.edition.get("order", "date"))
    report.texts = [t.name for t in ordered] + [n for n in names
                                               if n in failed and n not in state.texts]
    pdf_key = fop_key() if "pdf" in formats else ""
    to_render: list[RenderJob] = []
    render_keys: dict[str, str] = {}
    for text, navigation in zip(ordered, neighbours(ordered), strict=True):
        entry = state.texts[text.name]
        tei = config.output_dir / f"{text.name}.xml"
        if file_hash(tei) != entry.tei:
            continue    # its TEI was kept (edited by hand): its earlier pages stay
        render_keys[text.name] = digest(code_fingerprint(), entry.tei,
                                        json_key(navigation), json_key(formats),
                                        config.page_size, pdf_key,
                                        file_hash(config.html_stylesheet),
                                        file_hash(config.fo_stylesheet))
        missing = any(not (state.site_dir / out).is_file() for out in entry.outputs)
        if entry.render != render_keys[text.name] or missing or not entry.outputs:
            to_render.append(RenderJob(text.name, tei, state.site_dir, formats, config.page_size,
                                       tuple(sorted(navigation.items())),
                                       config.html_stylesheet, config.fo_stylesheet))
    for outcome in _run(executor, render_one, to_render, "rendering", progress,
                        lambda o: f"rendered {o.name}" if o.ok else f"FAILED {o.name}",
                        lambda job, why: RenderOutcome(job.name, False, reason=why)):
        report.warnings += outcome.warnings
        report.worker_peak_mib = max(report.worker_peak_mib, outcome.peak_mib)
        entry = state.texts[outcome.name]
        if outcome.ok:
            report.rendered.append(outcome.name)
            entry.render, entry.outputs = render_keys[outcome.name], list(outcome.outputs)
        else:
            report.failures.append(Failure(outcome.name, outcome.step, outcome.reason))
            entry.render = ""
    report.converted.sort(key=names.index)
    report.rendered.sort(key=names.index)
    state.save()
    return ordered


def _edition_pages(ordered: list[EditionText], config: EditionConfig, state: BuildState,
                   report: BuildReport, progress: Progress, formats: tuple[str, ...]) -> None:
    """The edition-wide pages, from the digests of every text built (now or earlier)."""
    from teikit.render.edition import render_edition_pages

    site_dir = state.site_dir
    edition_key = digest(code_fingerprint(),
                         json_key([(t.name, state.texts[t.name].tei) for t in ordered]),
                         file_hash(_register_path(config)),
                         json_key(config.edition), json_key(formats))
    pages_missing = any(not (site_dir / p).is_file() for p in state.edition_outputs)
    if "html" not in formats or not ordered or (state.edition == edition_key
                                                and not pages_missing and state.edition_outputs):
        return
    progress.note("writing the edition-wide pages")
    warnings: list[str] = []
    try:
        pages = render_edition_pages(ordered, state, site_dir, config, formats, warnings.append)
        pages += _site_files(pages, ordered, config, state, warnings.append)
    except Exception as error:  # reported like a text's failure; tried again next time
        report.failures.append(Failure("edition", "edition-wide pages", _reason(error)))
        state.edition = ""
    else:
        publish(site_files(site_dir))
        report.edition_pages = pages
        state.edition = edition_key
        state.edition_outputs = [p.relative_to(site_dir).as_posix() for p in pages]
    if _register_path(config) is None:
        warnings.append("no register: the names the texts use are marked but not indexed, so "
                        "the site has no pages of persons, places and the like; `teikit "
                        "entities suggest` writes a register of them to review "
                        "([edition] register = …, docs/entities.md)")
    report.warnings += warnings
    state.save()


def _site_files(pages: list[Path], ordered: list[EditionText], config: EditionConfig,
                state: BuildState, warn: Callable[[str], None]) -> list[Path]:
    """What the site needs beside its pages: the schemas its TEI files name (``schema/``) and,
    when the config says where the edition is published (``base_url``), ``sitemap.xml`` of
    every page and download."""
    from teikit.render.html import copy_schema_files
    from teikit.render.sitemap import SITEMAP_NAME, sitemap_xml
    from teikit.xmlio import write_bytes_atomically

    site_dir = state.site_dir
    copy_schema_files(site_dir, warn)
    base_url = str(config.edition.get("base_url", ""))
    if not base_url:
        return []
    listed = sorted((p.relative_to(site_dir).as_posix() for p in pages if p.suffix == ".html"),
                    key=lambda page: page != "index.html")   # the home page first
    for text in ordered:
        known = state.texts.get(text.name)
        if known is not None:
            listed += [o for o in known.outputs if o.endswith((".html", ".xml", ".pdf", ".txt"))]
    return [write_bytes_atomically(site_dir / SITEMAP_NAME, sitemap_xml(base_url, listed))]


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
                   warn: Callable[[str], None], *, formats: Sequence[str] = ("html", "fo", "pdf"),
                   fop: WarmingFop | None = None, html_stylesheet: Path | None = None,
                   fo_stylesheet: Path | None = None) -> Iterator[str]:
    """The reading edition (one page per text and an index) and the print edition (FO, PDF),
    each with the project's stylesheet when the config names one; only ``formats``.

    Without Apache FOP the FO is still written and the missing PDF is a warning."""
    from teikit.errors import ToolMissingError
    from teikit.render.fo import render_fo
    from teikit.render.fop import WarmingFop
    from teikit.render.html import render_site
    from teikit.render.pdf import render_pdf_report

    site_dir.mkdir(parents=True, exist_ok=True)
    if "html" in formats:
        for page in render_site(tei_files, site_dir, warn, stylesheet=html_stylesheet):
            yield f"wrote {page}"
    if "pdf" not in formats:
        if "fo" in formats:
            for tei in tei_files:
                fo = render_fo(tei, site_dir / f"{tei.stem}.fo", page_size,
                               stylesheet=fo_stylesheet)
                yield f"wrote {fo}"
        return
    fop = fop or WarmingFop()
    for tei in tei_files:
        pdf = site_dir / f"{tei.stem}.pdf"
        try:
            render_pdf_report(tei, pdf, page_size, session=fop.session(),
                              stylesheet=fo_stylesheet)
            yield f"wrote {pdf.with_suffix('.fo')} and {pdf}"
        except ToolMissingError as missing:
            fo = render_fo(tei, pdf.with_suffix(".fo"), page_size, stylesheet=fo_stylesheet)
            warn(f"{tei.name}: no PDF: {missing}")
            yield f"wrote {fo}"
