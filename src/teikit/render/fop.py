"""Apache FOP, kept warm: one Java virtual machine lays out every PDF of a process.

A FOP run from the command line spends most of its second starting a JVM, loading FOP's classes
and fonts and compiling them; the layout itself is a fraction of that. :class:`JvmFop` starts the
JVM once, in this process, through JPype, loads FOP from the jars of the Debian ``fop`` package
(``/usr/share/java``, or ``$TEIKIT_FOP_JARS``) and keeps one ``FopFactory`` per configuration, so
every later document costs only its layout. The layout also answers, in the same run, on which
page each element with an id ended up (FOP's own ``IDTracker``), which the index needs.

:class:`SubprocessFop` is the path without the bridge: the ``fop`` command, once per document,
with the pages read back from an area tree. :func:`fop_session` chooses: the command when
``$TEIKIT_FOP`` (or an explicit executable) names one, the JVM when JPype and the jars are there
and ``$TEIKIT_FOP_JVM`` is not ``0``, the command otherwise.

Both report what FOP says in the same words (:func:`teikit.render.pdf.classify_fop_output`).
"""

from __future__ import annotations

import atexit
import contextlib
import glob
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar, cast

from lxml import etree

from teikit.errors import ToolMissingError

OutputFormat = Literal["pdf", "at"]

JARS_ENV = "TEIKIT_FOP_JARS"
JVM_ENV = "TEIKIT_FOP_JVM"
FOP_ENV = "TEIKIT_FOP"
INSTALL_HINT = "install Apache FOP, e.g. `apt-get install fop`, or set TEIKIT_FOP to its path"
FOP_TIMEOUT_SECONDS = 600
# A FOP run is short: the JVM's quick compiler and serial collector make it about a third faster
# and leave the other cores alone. Debian's launcher reads JAVA_ARGS, upstream's FOP_OPTS; a
# value the user has set wins.
FAST_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# What Debian's /usr/bin/fop puts on the class path, in its order (missing ones are skipped).
_DEBIAN_JARS = ("commons-io", "serializer", "xalan2", "xml-apis", "batik-all", "commons-logging",
                "xercesImpl", "xmlgraphics-commons", "xml-apis-ext", "fontbox2")
_DEBIAN_JAVA = Path("/usr/share/java")
_DEBIAN_HYPHENATION = Path("/usr/share/fop/fop-hyph.jar")

_MIME = {"pdf": "application/pdf", "at": "application/X-fop-areatree"}
_lock = threading.Lock()


def output_format_of(value: str) -> OutputFormat:
    """``value`` as one of the formats FOP writes here; :class:`ValueError` for another."""
    if value == "pdf":
        return "pdf"
    if value == "at":
        return "at"
    raise ValueError(f"unknown FOP output format {value!r}")


@dataclass(frozen=True)
class FopRun:
    """One layout: the bytes FOP wrote, its log lines, and the page (1-based, counted from the
    first page of the document) of each id asked for that FOP placed."""

    output: bytes
    log: str
    returncode: int
    pages: dict[str, int]


class FopSession(Protocol):
    """Something that lays out XSL-FO: a warm JVM or the ``fop`` command."""

    name: str

    def layout(self, fo: bytes, output_format: OutputFormat = "pdf", *,
               page_ids: Iterable[str] = (), base: Path | None = None) -> FopRun: ...

    def warm_up(self) -> None: ...


# ------------------------------------------------------------------------- the fop command

def find_fop(executable: str | None = None) -> str:
    """The FOP executable: ``executable``, else ``$TEIKIT_FOP``, else ``fop`` on the PATH."""
    import shutil

    wanted = executable or os.environ.get(FOP_ENV) or "fop"
    found = shutil.which(wanted)
    if found is None:
        raise ToolMissingError(f"Apache FOP not found ({wanted})", hint=INSTALL_HINT)
    return found


class SubprocessFop:
    """``fop`` as a subprocess, never through a shell; a new JVM for every layout."""

    def __init__(self, executable: str | None = None) -> None:
        self.executable = find_fop(executable)
        self.name = f"subprocess ({self.executable})"

    def warm_up(self) -> None:
        """Nothing stays warm between runs of a command."""

    def layout(self, fo: bytes, output_format: OutputFormat = "pdf", *,
               page_ids: Iterable[str] = (), base: Path | None = None) -> FopRun:
        from teikit.render.pdf import fop_config

        wanted = set(page_ids)
        if wanted and output_format != "at":
            raise ValueError("the fop command tells pages only with an area tree")
        if output_format not in _MIME:
            raise ValueError(f"unknown FOP output format {output_format!r}")
        directory = str(base) if base is not None else None
        with tempfile.TemporaryDirectory(prefix="teikit-fop-", dir=directory) as scratch:
            source = Path(scratch) / "in.fo"
            source.write_bytes(fo)
            target = Path(scratch) / "out"
            arguments = ["-pdf", str(target)] if output_format == "pdf" else \
                ["-at", "application/pdf", str(target)]
            command = [self.executable, "-q", "-c", str(fop_config()), "-fo", str(source),
                       *arguments]
            environment = {"JAVA_ARGS": FAST_JVM, "FOP_OPTS": FAST_JVM, **os.environ}
            try:
                completed = subprocess.run(command, capture_output=True, text=True, check=False,
                                           timeout=FOP_TIMEOUT_SECONDS,
                                           stdin=subprocess.DEVNULL, env=environment,
                                           errors="replace")
            except subprocess.TimeoutExpired:
                from teikit.errors import FopError

                raise FopError(f"FOP did not finish within {FOP_TIMEOUT_SECONDS} s") from None
            except OSError as error:
                from teikit.errors import FopError

                raise FopError(f"FOP ({self.executable}) cannot run: {error.strerror}") from None
            output = target.read_bytes() if target.is_file() else b""
        pages: dict[str, int] = {}
        if wanted and output:
            # output that is not an area tree has no pages; the caller's check says what it is
            with contextlib.suppress(etree.XMLSyntaxError):
                pages = area_tree_pages(output, wanted)
        return FopRun(output, completed.stdout + "\n" + completed.stderr, completed.returncode,
                      pages)


def area_tree_pages(area_tree: bytes, wanted: set[str] | None = None) -> dict[str, int]:
    """The physical page (1-based) on which each id (of ``wanted``, default all) first appears
    in FOP's XML area tree."""
    import io

    pages: dict[str, int] = {}
    page = 0
    for event, element in etree.iterparse(io.BytesIO(area_tree), events=("start", "end"),
                                          resolve_entities=False, no_network=True,
                                          load_dtd=False, huge_tree=True):
        if event == "start":
            if element.tag == "pageViewport":
                page += 1
            identifier = element.get("prod-id")
            if identifier and (wanted is None or identifier in wanted):
                pages.setdefault(identifier, page)
        elif element.tag == "pageViewport":
            element.clear()
    return pages


# ------------------------------------------------------------------------- the warm JVM

def fop_classpath() -> list[str] | None:
    """The jars FOP needs: ``$TEIKIT_FOP_JARS`` (a directory of jars or a class path), else
    Debian's; ``None`` when FOP's jar is not among them."""
    configured = os.environ.get(JARS_ENV)
    if configured:
        if Path(configured).is_dir():
            jars = sorted(glob.glob(str(Path(configured) / "*.jar")))
        else:
            jars = [p for p in configured.split(os.pathsep) if p]
        has_fop = any(re.search(r"fop[^/]*\.jar$", Path(jar).name) for jar in jars)
        return jars if has_fop else None
    fop_jar = _DEBIAN_JAVA / "fop.jar"
    if not fop_jar.is_file():
        return None
    jars = [str(_DEBIAN_JAVA / f"{name}.jar") for name in _DEBIAN_JARS
            if (_DEBIAN_JAVA / f"{name}.jar").is_file()]
    if _DEBIAN_HYPHENATION.is_file():
        jars.append(str(_DEBIAN_HYPHENATION))
    return [*jars, str(fop_jar)]


def jvm_available() -> bool:
    """JPype imports, a JVM and FOP's jars are there, and ``$TEIKIT_FOP_JVM`` is not ``0``."""
    if os.environ.get(JVM_ENV, "1").strip().lower() in ("0", "no", "off", "false"):
        return False
    try:
        import jpype
    except ImportError:
        return False
    if fop_classpath() is None:
        return False
    return jpype.isJVMStarted() or _jvm_path_found()


@cache
def _jvm_path_found() -> bool:
    """Whether JPype finds a JVM (it may run ``java`` to ask: once per process)."""
    import jpype

    try:
        jpype.getDefaultJVMPath()
    except Exception:  # JVMNotFoundException
        return False
    return True


_WRITE_ARCHIVE = "-XX:ArchiveClassesAtExit="

# set once :func:`start_jvm` has started the JVM: JPype is fully imported by then
_jvm_started = threading.Event()
# set when that JVM writes its class archive as it shuts down (see class_archive_options)
_archive_at_shutdown = threading.Event()


def start_jvm() -> None:
    """Start this process's JVM (once): FOP's jars and, when installed, jing's (see
    :mod:`teikit.validate.jvm_jing`) on its class path."""
    import jpype

    with _lock:
        if jpype.isJVMStarted():
            return
        classpath = fop_classpath()
        if classpath is None:
            raise ToolMissingError("Apache FOP's jars not found", hint=INSTALL_HINT)
        jing = _DEBIAN_JAVA / "jing.jar"
        classpath = [*classpath, *([str(jing)] if jing.is_file() else [])]
        options = [
            "-Djava.awt.headless=true",
            # FOP's messages come to us as events; nothing is printed
            "-Dorg.apache.commons.logging.Log=org.apache.commons.logging.impl.NoOpLog",
            # the quick compiler only: a build's few layouts are done before the optimising
            # one would pay off (the seed's first three layouts 0.8, 0.5, 0.3 s against 1.5,
            # 0.8, 0.6 s with both), and it leaves the other core to the rest of the build
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m",
            # a young generation of its own size, not a third of 1/64 of the machine's memory:
            # a worker's JVM touched all of that before its first collection (jing on the
            # texts of a corpus: 85 MiB more at rest), and layouts take no longer with it
            "-Xmn24m"]
        archive = class_archive_options(classpath, options)
        jpype.startJVM(*options, *archive, classpath=classpath, convertStrings=False)
        _jvm_started.set()
        for option in archive:
            if option.startswith(_WRITE_ARCHIVE):
                _archive_at_shutdown.set()
                # before JPype's own exit handler, which ends the JVM
                atexit.register(_folder_kept, Path(option.removeprefix(_WRITE_ARCHIVE)).parent)


def _folder_kept(folder: Path) -> None:
    """The folder of the archive the JVM writes as it ends, there again if the user cache was
    removed meanwhile: a JVM that cannot write its archive fails the process's exit code."""
    with contextlib.suppress(OSError):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def class_archive_options(classpath: list[str], options: list[str]) -> list[str]:
    """The JVM's options for an archive of the classes FOP and jing load (class data sharing,
    kept in the user cache, :mod:`teikit.cache`): read from it when it is there (the first
    layout of a process then takes about 0.3 s less: the classes are mapped, parsed and
    verified already), else written when this JVM ends, under a name of this process's own,
    put in place by the next process that finds its writer gone. The JVM checks an archive
    against the jars' sizes and times itself and ignores one that does not fit; it says
    nothing either way. No cache: no archive."""
    from teikit.cache import cache_dir, digest, file_stamp

    directory = cache_dir()
    if directory is None:
        return []
    try:
        import jpype

        java = str(jpype.getDefaultJVMPath())
        stamps = [file_stamp(file) for file in [java, *classpath]]
        key = digest(*stamps, *options, jpype.__version__)[:40]
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        archive = directory / f"jvm-classes-{key}.jsa"
        _settle_archives(directory, archive)
    except Exception:  # an optimisation: never a reason not to start the JVM
        return []
    quiet = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xshare:auto"]
    if archive.is_file():
        return [f"-XX:SharedArchiveFile={archive}", *quiet]
    return [f"{_WRITE_ARCHIVE}{archive.with_name(f'{archive.stem}.{os.getpid()}.part')}", *quiet]


def _settle_archives(directory: Path, archive: Path) -> None:
    """Put in place an archive a JVM wrote at its end (``STEM.PID.part``), once its process is
    gone; drop the others."""
    for written in directory.glob(f"{archive.stem}.*.part"):
        try:
            pid = int(written.suffixes[-2].lstrip("."))
        except (ValueError, IndexError):
            continue
        if pid == os.getpid() or _alive(pid):
            continue
        with contextlib.suppress(OSError):
            if not archive.exists() and written.stat().st_size > 0:
                os.replace(written, archive)
            else:
                written.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def jing_jar() -> Path | None:
    """jing's jar, when it is on the class path :func:`start_jvm` gives the JVM."""
    jing = _DEBIAN_JAVA / "jing.jar"
    return jing if jing.is_file() and fop_classpath() is not None else None


class JvmFop:
    """FOP's Java API in a JVM started once per process (JPype)."""

    name = "in-process JVM"

    def __init__(self) -> None:
        self._factories: dict[str, Any] = {}
        self._factory_lock = threading.Lock()
        self._started = threading.Event()
        # one layout at a time: FOP's factory is not safe to share between threads that start
        # at once, and a layout keeps a core busy anyway
        self._layout_lock = threading.Lock()

    def _start(self) -> Any:
        import jpype

        start_jvm()
        with self._factory_lock:
            config = str(_config_path())
            factory = self._factories.get(config)
            if factory is None:
                from_file = jpype.JClass("java.io.File")
                factory = jpype.JClass("org.apache.fop.apps.FopFactory").newInstance(
                    from_file(config))
                self._factories[config] = factory
            self._started.set()
            return factory

    def warm_up(self) -> None:
        """Start the JVM and lay out a page, so that the first real document finds FOP's classes
        loaded and compiled (call it in a thread while other work goes on)."""
        from teikit.render.pdf import warm_up_fo

        self.layout(warm_up_fo(), "pdf")

    def layout(self, fo: bytes, output_format: OutputFormat = "pdf", *,
               page_ids: Iterable[str] = (), base: Path | None = None) -> FopRun:
        if output_format not in _MIME:
            raise ValueError(f"unknown FOP output format {output_format!r}")
        factory = self._start()
        with self._layout_lock:
            return self._layout(factory, fo, output_format, list(page_ids))

    def _layout(self, factory: Any, fo: bytes, output_format: OutputFormat,
                wanted: list[str]) -> FopRun:
        import jpype

        # a Python thread attached to the JVM has no context class loader; FOP looks one up
        thread = jpype.JClass("java.lang.Thread").currentThread()
        if thread.getContextClassLoader() is None:
            thread.setContextClassLoader(factory.getClass().getClassLoader())
        listener = _listener_class()()
        agent = factory.newFOUserAgent()
        agent.getEventBroadcaster().addEventListener(listener)
        if output_format == "at":
            renderer = jpype.JClass("org.apache.fop.render.xml.XMLRenderer")(agent)
            renderer.mimicRenderer(agent.getRendererFactory().createRenderer(
                agent, _MIME["pdf"]))
            agent.setRendererOverride(renderer)
        sink = jpype.JClass("java.io.ByteArrayOutputStream")()
        returncode = 0
        fop = factory.newFop(_MIME[output_format], agent, sink)
        try:
            parser = safe_sax_parser_factory().newSAXParser()
            source = jpype.JClass("org.xml.sax.InputSource")(
                jpype.JClass("java.io.ByteArrayInputStream")(jpype.JArray(jpype.JByte)(fo)))
            parser.parse(source, fop.getDefaultHandler())
        except jpype.JException as error:
            listener.lines.append(f"[ERROR] {_java_message(error)}")
            returncode = 1
        pages: dict[str, int] = {}
        if wanted and returncode == 0:
            tracker = fop.getDefaultHandler().getEventHandler().getIDTracker()
            for identifier in wanted:
                viewport = tracker.getFirstPageViewportContaining(identifier)
                if viewport is not None:
                    pages[identifier] = int(viewport.getPageIndex()) + 1
        output = bytes(sink.toByteArray()) if returncode == 0 else b""
        return FopRun(output, "\n".join(listener.lines), returncode, pages)


def _java_message(error: Any) -> str:
    """The innermost message of a Java exception chain (FOP wraps its ValidationException)."""
    messages = []
    current = error
    while current is not None:
        text = current.getMessage()
        if text is not None:
            messages.append(str(text))
        current = current.getCause()
    return " ".join(messages[-1:]).replace("\n", " ") or str(error)


def _config_path() -> Path:
    from teikit.render.pdf import fop_config

    return fop_config().resolve()


@cache
def safe_sax_parser_factory() -> Any:
    """A SAX parser factory of the JVM that never fetches anything: no DTD, no external
    entities, no XInclude (for the FO FOP reads and the TEI jing checks)."""
    import jpype

    factory = jpype.JClass("javax.xml.parsers.SAXParserFactory").newInstance()
    factory.setNamespaceAware(True)
    factory.setXIncludeAware(False)
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", True)
    factory.setFeature("http://xml.org/sax/features/external-general-entities", False)
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", False)
    return factory


_Method = TypeVar("_Method", bound=Callable[..., Any])


def java_override(method: _Method) -> _Method:
    """JPype's ``JOverride`` (untyped): marks a Python method as implementing a Java one."""
    import jpype

    return cast(_Method, jpype.JOverride(method))


@cache
def _listener_class() -> type:
    import jpype

    formatter = jpype.JClass("org.apache.fop.events.EventFormatter")

    @jpype.JImplements("org.apache.fop.events.EventListener")
    class Listener:
        """Turns FOP's events into the log lines the command would print."""

        def __init__(self) -> None:
            self.lines: list[str] = []

        @java_override
        def processEvent(self, event: Any) -> None:  # Java names it
            severity = str(event.getSeverity().getName()).upper()
            if severity != "INFO":
                message = " ".join(str(formatter.format(event)).split())
                self.lines.append(f"[{severity}] {message}")

    return Listener


_jvm_session: JvmFop | None = None


def fop_session(executable: str | None = None) -> FopSession:
    """The FOP to use: the command named by ``executable`` or ``$TEIKIT_FOP``; else the warm
    JVM of this process when it can run; else the ``fop`` command on the PATH.

    Raises :class:`ToolMissingError` when there is no FOP at all.
    """
    global _jvm_session
    if executable or os.environ.get(FOP_ENV):
        return SubprocessFop(executable)
    if jvm_available():
        if _jvm_session is None:
            _jvm_session = JvmFop()
        return _jvm_session
    return SubprocessFop()


def end_leaving_jvm(code: int) -> None:
    """End this process at once with ``code`` when it started a JVM that has nothing left to
    do: JPype's exit handler would shut the JVM down first, a tenth of a second after every
    command that made a PDF or checked with jing in-process. The caller has finished its work,
    closed its files and removed its temporary ones; only the exit handlers are skipped. A JVM
    that writes its class archive as it shuts down is left to do so (the process ends
    normally: this returns)."""
    if not _jvm_started.is_set() or _archive_at_shutdown.is_set():
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def detach_from_jvm() -> None:
    """Detach the calling thread from the JVM before it ends. The JVM counts an attached thread
    as alive; at exit JPype destroys the JVM, which waits for every live thread, and a thread
    that started the JVM and ended attached is waited for forever (a process whose FOP was
    warmed in the background never ended). Leaving the JVM undestroyed instead lets its
    threads call into a Python that is finalising, which aborts the process."""
    if not _jvm_started.is_set():
        # no JVM of ours; and JPype may be half imported by another thread at this moment
        return
    import jpype

    if jpype.java.lang.Thread.isAttached():
        jpype.java.lang.Thread.detach()


class WarmingFop:
    """A FOP session made ready in a background thread while the caller does other work.

    :meth:`session` waits for it; a FOP that cannot run raises there, not in the thread.
    """

    def __init__(self, executable: str | None = None) -> None:
        self._session: FopSession | None = None
        self._error: BaseException | None = None
        # which FOP, and its JVM started, here and now: JPype's import and the JVM's start
        # call into Python all along, quick alone (0.3 s) and three times slower beside a
        # conversion; the warm-up layout after them runs in Java
        try:
            chosen: FopSession | None = fop_session(executable)
            if isinstance(chosen, JvmFop):
                start_jvm()
        except ToolMissingError as error:
            chosen, self._error = None, error
        self._thread = threading.Thread(target=self._warm, args=(chosen,),
                                        name="teikit-fop-warm-up", daemon=True)
        self._thread.start()

    def _warm(self, session: FopSession | None) -> None:
        if session is None:
            return
        try:
            session.warm_up()
            self._session = session
        except BaseException as error:  # kept for session(); a warm-up failure is not fatal
            self._error = error
        finally:
            detach_from_jvm()

    def session(self) -> FopSession:
        self._thread.join()
        if self._session is not None:
            return self._session
        if isinstance(self._error, ToolMissingError):
            raise self._error
        # warming failed for another reason: the real layout will say why
        return fop_session()

    def wait(self) -> None:
        self._thread.join()
