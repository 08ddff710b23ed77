"""XSL-FO → PDF with Apache FOP, run as a subprocess (never through a shell).

FOP is configured by ``xslt/fop/fop.xconf`` (Unicode TrueType fonts, embedded). Its messages are
read back: errors, unresolved references and characters missing from the fonts (which FOP would
print as "#") fail the run with a one-line message; other warnings are returned to the caller.

The index needs the page of every mention of a name, which only FOP knows. When the FO has an
index, :func:`render_pdf` lays the book out once as an area tree, reads the page of each mention,
and renders the final FO, which cites only the first mention of a name on each page.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import FopError, OutputError, ToolMissingError
from teikit.render.fo import MENTION_ID, check_page_size, fo_string
from teikit.resources import xslt_path
from teikit.xmlio import (
    check_not_an_input,
    replace_output,
    temporary_path,
    write_text_atomically,
)

FOP_ENV = "TEIKIT_FOP"
INSTALL_HINT = "install Apache FOP, e.g. `apt-get install fop`, or set TEIKIT_FOP to its path"
FOP_TIMEOUT_SECONDS = 600
# A FOP run is short: the JVM's quick compiler and serial collector make it about a third faster
# and leave the other cores alone. Debian's launcher reads JAVA_ARGS, upstream's FOP_OPTS; a
# value the user has set wins.
FAST_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# commons-logging ("[WARN] FOUserAgent - …") and java.util.logging ("SEVERE: …") lines
_LEVEL = re.compile(r"^(?:\[(SEVERE|FATAL|ERROR|WARN|WARNING)\]\s+(?:[\w.$]+\s+-\s+)?"
                    r"|(SEVERE|FATAL|ERROR|WARNING):\s+)(.*)$")
_MISSING_GLYPH = re.compile(r"Glyph .* not available in font", re.IGNORECASE)
_UNRESOLVED = re.compile(r"Unresolved ID reference", re.IGNORECASE)
# Lines the Debian start script prints about the JVM, not FOP's own messages.
_LAUNCHER_NOISE = re.compile(r"^\[warning\] \S*fop: JVM flavor", re.IGNORECASE)


@dataclass(frozen=True)
class FopReport:
    """What FOP said, sorted into errors, missing glyphs and other warnings."""

    errors: list[str] = field(default_factory=list)
    missing_glyphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def fop_config() -> Path:
    """The FOP configuration kept with the stylesheets."""
    return xslt_path("fop/fop.xconf")


def find_fop(executable: str | None = None) -> str:
    """The FOP executable: ``executable``, else ``$TEIKIT_FOP``, else ``fop`` on the PATH."""
    wanted = executable or os.environ.get(FOP_ENV) or "fop"
    found = shutil.which(wanted)
    if found is None:
        raise ToolMissingError(f"Apache FOP not found ({wanted})", hint=INSTALL_HINT)
    return found


def classify_fop_output(output: str) -> FopReport:
    """Sort FOP's log lines. Stack-trace lines and the launcher's JVM notice are dropped."""
    report = FopReport()
    for raw in output.splitlines():
        line = raw.strip()
        if not line or _LAUNCHER_NOISE.match(line):
            continue
        match = _LEVEL.match(line)
        if match is None:
            continue
        level = match.group(1) or match.group(2)
        message = _condense(match.group(3))
        if level in ("SEVERE", "FATAL", "ERROR"):
            report.errors.append(message)
        elif _MISSING_GLYPH.search(message):
            report.missing_glyphs.append(message)
        elif _UNRESOLVED.search(message):
            report.errors.append(message)
        else:
            report.warnings.append(message)
    return report


def _condense(message: str) -> str:
    """FOP wraps the useful part of an error in exception names; keep the last, most specific."""
    parts = re.split(r"(?:[\w.]+(?:Exception|Error)): ", message)
    core = parts[-1].strip() if parts[-1].strip() else message
    core = re.sub(r"\s*\(See position [^)]*\)\s*>?$", "", core).rstrip(">").strip()
    return core[:400]


def _last_words(output: str) -> str | None:
    """The last line of a failed run that is not a stack frame or the launcher's notice."""
    lines = [line.strip() for line in output.splitlines() if line.strip()
             and not line.strip().startswith("at ") and not _LAUNCHER_NOISE.match(line.strip())]
    return _condense(lines[-1]) if lines else None


def check_pdf(path: Path, name: str) -> None:
    """FOP's output is a whole PDF: the ``%PDF-`` header and an ``%%EOF`` at the end."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
            stream.seek(max(0, size - 1024))
            tail = stream.read()
    except OSError as error:
        raise FopError(f"{name}: FOP's output cannot be read: {error.strerror}") from None
    if size == 0:
        raise FopError(f"{name}: FOP wrote nothing (is it really Apache FOP?)")
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        raise FopError(f"{name}: FOP's output is not a complete PDF")


def _check_area_tree(path: Path, name: str) -> None:
    try:
        head = path.read_bytes()[:4096].lstrip()
    except OSError as error:
        raise FopError(f"{name}: FOP's output cannot be read: {error.strerror}") from None
    if not head.startswith(b"<?xml") or b"<areaTree" not in head:
        raise FopError(f"{name}: FOP wrote no area tree (is it really Apache FOP?)")


def run_fop(fo: Path, out: Path, *, output_format: str = "pdf", fop: str | None = None,
            allow_missing_glyphs: bool = False, name: str | None = None) -> FopReport:
    """Render ``fo`` with FOP into ``out`` (``pdf`` or the XML area tree ``at``), atomically.

    Raises :class:`FopError` when FOP fails, reports an error or an unresolved reference, or (unless
    ``allow_missing_glyphs``) a character none of the configured fonts can print, or when its
    output is not a complete PDF (area tree). ``out`` is replaced only by a checked result.
    Messages start with ``name`` (default: the FO file).
    """
    name = name or str(fo)
    executable = find_fop(fop)
    out = Path(out)
    check_not_an_input(out, [fo])
    temporary = temporary_path(out)
    if output_format == "pdf":
        target = ["-pdf", str(temporary)]
    elif output_format == "at":
        target = ["-at", "application/pdf", str(temporary)]
    else:
        temporary.unlink(missing_ok=True)
        raise ValueError(f"unknown FOP output format {output_format!r}")
    command = [executable, "-q", "-c", str(fop_config()), "-fo", str(fo), *target]
    try:
        environment = {"JAVA_ARGS": FAST_JVM, "FOP_OPTS": FAST_JVM, **os.environ}
        completed = subprocess.run(command, capture_output=True, text=True, check=False,
                                   timeout=FOP_TIMEOUT_SECONDS, stdin=subprocess.DEVNULL,
                                   env=environment, errors="replace")
        report = classify_fop_output(completed.stdout + "\n" + completed.stderr)
        problems = list(report.errors)
        if not allow_missing_glyphs:
            problems += report.missing_glyphs
        if completed.returncode != 0 and not problems:
            problems.append(_last_words(completed.stderr)
                            or f"FOP exited with status {completed.returncode}")
        if problems:
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            raise FopError(f"{name}: FOP: {problems[0]}{more}")
        if output_format == "pdf":
            check_pdf(temporary, name)
        else:
            _check_area_tree(temporary, name)
        replace_output(temporary, out)
    except subprocess.TimeoutExpired:
        raise FopError(f"{name}: FOP did not finish within {FOP_TIMEOUT_SECONDS} s") from None
    except OSError as error:
        raise OutputError(f"{out}: cannot be written: {error.strerror}") from None
    finally:
        temporary.unlink(missing_ok=True)
    return report


def mention_pages(area_tree: Path) -> dict[str, int]:
    """The physical page (1-based) on which each index mention ``ix.K.N`` first appears."""
    pages: dict[str, int] = {}
    page = 0
    for event, element in etree.iterparse(str(area_tree), events=("start", "end"),
                                          resolve_entities=False, no_network=True,
                                          load_dtd=False, huge_tree=True):
        if event == "start":
            if element.tag == "pageViewport":
                page += 1
            identifier = element.get("prod-id")
            if identifier and MENTION_ID.match(identifier):
                pages.setdefault(identifier, page)
        elif element.tag == "pageViewport":
            element.clear()
    return pages


def first_mention_per_page(pages: dict[str, int]) -> list[str]:
    """For every indexed entity, the first of its mentions on each page it appears on."""
    chosen: dict[tuple[int, int], tuple[int, str]] = {}
    for identifier, page in pages.items():
        match = MENTION_ID.match(identifier)
        assert match is not None
        entity, number = int(match.group(1)), int(match.group(2))
        key = (entity, page)
        if key not in chosen or number < chosen[key][0]:
            chosen[key] = (number, identifier)
    return [identifier for _, identifier in sorted(chosen.values())]


@dataclass(frozen=True)
class PdfResult:
    pdf: Path
    fo: Path
    warnings: list[str]


def render_pdf(tei: Path, out: Path, page_size: str = "A5", *, fop: str | None = None,
               allow_missing_glyphs: bool = False, stylesheet: Path | None = None) -> Path:
    """Render ``tei`` to the PDF ``out``; the final XSL-FO is kept beside it as ``out.fo``."""
    return render_pdf_report(tei, out, page_size, fop=fop,
                             allow_missing_glyphs=allow_missing_glyphs, stylesheet=stylesheet).pdf


def render_pdf_report(tei: Path, out: Path, page_size: str = "A5", *, fop: str | None = None,
                      allow_missing_glyphs: bool = False, exact_index: bool = True,
                      stylesheet: Path | None = None) -> PdfResult:
    """As :func:`render_pdf`, also returning FOP's remaining warnings.

    ``exact_index=False`` skips the layout pass that finds the pages of the mentions: one FOP
    run instead of two, and an index that may print a page number more than once.
    ``stylesheet``: a project stylesheet that imports teikit's FO stylesheet.
    """
    page_size = check_page_size(page_size)
    find_fop(fop)  # fail early, before any work, when FOP is missing
    out = Path(out)
    fo_path = out.with_suffix(".fo")
    check_not_an_input(out, [tei])
    check_not_an_input(fo_path, [tei])
    if out.resolve() == fo_path.resolve():
        raise OutputError(f"{out}: the PDF and its FO would be the same file",
                          hint="give the PDF a .pdf name")
    draft = fo_string(tei, page_size, stylesheet=stylesheet)
    text = draft
    # the FO and the PDF are made in a private scratch folder; the kept outputs are replaced only
    # when FOP has written a checked PDF, so a failed run leaves both as they were
    with tempfile.TemporaryDirectory(prefix="teikit-fop-") as scratch:
        if exact_index and 'id="ix.' in draft:
            draft_path = Path(scratch) / "draft.fo"
            draft_path.write_text(draft, encoding="utf-8")
            area_tree = Path(scratch) / "draft.at.xml"
            run_fop(draft_path, area_tree, output_format="at", fop=fop,
                    allow_missing_glyphs=allow_missing_glyphs, name=f"{tei} (index layout)")
            cited = first_mention_per_page(mention_pages(area_tree))
            text = fo_string(tei, page_size, cited_mentions=cited, stylesheet=stylesheet)
        final_fo = Path(scratch) / fo_path.name
        final_fo.write_text(text, encoding="utf-8")
        report = run_fop(final_fo, out, fop=fop, allow_missing_glyphs=allow_missing_glyphs,
                         name=str(fo_path))
    write_text_atomically(fo_path, text, inputs=[tei])
    return PdfResult(pdf=out, fo=fo_path, warnings=report.warnings + report.missing_glyphs)
