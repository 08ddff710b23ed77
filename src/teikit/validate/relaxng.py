"""RELAX NG validation (``tei_all.rng`` or a user's ``.rng``) with jing or lxml.

- **jing** (when installed) is the reference implementation and the fastest cold start: one JVM
  validates every file of a run (about 0.4 s, plus a few milliseconds per file).
- **lxml** (libxml2) validates in-process in milliseconds once the schema is loaded, but loading
  ``tei_all.rng`` takes 5–13 s; the compiled schema is kept for the rest of the process.

``engine="auto"`` uses jing when it is on the PATH, else lxml. Safety: jing would read an
external DTD or resolve XInclude on its own, so a file with a DOCTYPE (or not in UTF-8) is handed
to jing as a UTF-8 copy whose DOCTYPE a parser located and blanked out (line numbers unchanged),
and a file that uses XInclude is checked with lxml instead, unexpanded (teikit never fetches
included files).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from lxml import etree

from teikit.cache import digest, file_stamp, read_entry, write_entry
from teikit.errors import InputError, ToolMissingError
from teikit.resources import resource_dir
from teikit.validate.report import Problem, Severity
from teikit.validate.source import Source
from teikit.xmlio import jing_copy, parse_xml_file

Engine = Literal["auto", "jing", "lxml"]
ENGINES: tuple[Engine, ...] = ("auto", "jing", "lxml")

TEI_ALL_ENV = "TEIKIT_TEI_ALL"
JING_TIMEOUT_S = 600

_JING_LINE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|fatal|warning): "
    r"(?P<message>.*)$")
_lock = threading.Lock()


def find_tei_all(explicit: Path | str | None = None) -> Path:
    """Where ``tei_all.rng`` is: the argument, ``$TEIKIT_TEI_ALL``, or the copy in ``schema/``."""
    if explicit:
        path = Path(explicit)
        if path.is_dir():
            path = path / "tei_all.rng"
        if not path.is_file():
            raise InputError(f"{explicit}: tei_all schema not found",
                             hint="give the path of tei_all.rng")
        return path
    from_env = os.environ.get(TEI_ALL_ENV)
    if from_env:
        return find_tei_all(from_env)
    schema_dir = resource_dir("schema")
    bundled = schema_dir / "tei_all.rng"
    if bundled.is_file():
        return bundled
    raise InputError("tei_all.rng not found",
                     hint=f"pass --tei-all PATH or set {TEI_ALL_ENV} to the TEI P5 tei_all.rng")


def jing_path() -> str | None:
    return shutil.which("jing")


def choose_engine(engine: Engine, sources: Sequence[Source] = ()) -> Engine:
    if engine not in ENGINES:
        raise InputError(f"unknown RELAX NG engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "jing" and jing_path() is None:
        raise ToolMissingError("jing is not installed", hint="install it (Debian: apt-get install "
                               "jing) or use --engine lxml")
    if engine == "auto":
        return "jing" if jing_path() is not None else "lxml"
    return engine


RNG_NS = "http://relaxng.org/ns/structure/1.0"


@cache
def check_schema_is_local(path: Path) -> tuple[Path, ...]:
    """Refuse a RELAX NG schema that would make jing or libxml2 read a DTD or leave the machine:
    a DOCTYPE, or an ``include``/``externalRef`` that is not a local file (followed). Returns
    the schema's files: itself and every file it includes, directly or not."""
    from urllib.parse import unquote, urlparse

    seen: set[Path] = set()
    pending = [Path(path).resolve()]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        tree = parse_xml_file(current)
        if tree.docinfo.doctype:
            raise InputError(f"{current}: the RELAX NG schema has a DOCTYPE",
                             hint="teikit never lets a validator read a DTD; remove it")
        for element in tree.getroot().iter(f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef"):
            href = (element.get("href") or "").strip()
            parsed = urlparse(href)
            if parsed.scheme not in ("", "file") or parsed.netloc:
                raise InputError(f"{current}: the schema refers to {href!r}",
                                 hint="teikit reads only local schema files")
            pending.append((current.parent / unquote(parsed.path)).resolve())
    return tuple(sorted(seen))


def validate_relaxng(sources: Sequence[Source], schema: Path,
                     engine: Engine = "auto") -> dict[str, list[Problem]]:
    """Validate every source against the RELAX NG ``schema``; problems keyed by source name."""
    chosen = choose_engine(engine)
    check_schema_is_local(Path(schema).resolve())
    results: dict[str, list[Problem]] = {s.name: [] for s in sources}
    by_jing = [s for s in sources if chosen == "jing" and not s.has_xinclude()]
    by_lxml = [s for s in sources if s not in by_jing]
    if by_jing:
        results.update(_validate_with_jing(by_jing, schema))
    for source in by_lxml:
        results[source.name] = _validate_with_lxml(source, schema)
        if source.has_xinclude():
            line, column = source.position(source.root)
            results[source.name].insert(0, Problem(
                source.name, line, column, "warning",
                "the document uses XInclude; teikit does not expand it, so included content "
                "was not checked", "xinclude"))
    return results


# ------------------------------------------------------------------------- lxml

@cache
def _lxml_schema(path: Path) -> etree.RelaxNG:
    with _lock:
        try:
            return etree.RelaxNG(parse_xml_file(path))
        except etree.RelaxNGParseError as error:
            raise InputError(f"{path}: not a usable RELAX NG schema: {error}") from None


def _validate_with_lxml(source: Source, schema: Path) -> list[Problem]:
    validator = _lxml_schema(Path(schema).resolve())
    with _lock:
        valid = validator.validate(source.tree)
        entries = list(validator.error_log)
    if valid:
        return []
    rule = _rule_name(schema)
    problems = []
    for entry in entries:
        line, column = _lxml_position(source, entry)
        problems.append(Problem(source.name, line, column, "error", entry.message, rule))
    return problems


_NAMED_ELEMENT = re.compile(r"\belement (\S+)")


def _lxml_position(source: Source, entry: etree._LogEntry) -> tuple[int, int]:
    """libxml2 gives RELAX NG errors a line but no column: use the start tag on that line."""
    if not entry.line:
        return (0, 0)
    on_line = [e for e in source.root.iter(etree.Element) if e.sourceline == entry.line]
    named = _NAMED_ELEMENT.search(entry.message)
    if named:
        on_line = [e for e in on_line if etree.QName(e).localname == named[1]] or on_line
    if on_line:
        line, column = source.position(on_line[0])
        if line == entry.line:
            return (line, column)
    return (entry.line, max(entry.column, 1))


# ------------------------------------------------------------------------- jing

def known_valid(schema: Path, data: bytes) -> bool:
    """Whether jing found these very bytes valid against this very schema (its files' bytes,
    the same jing) before, with nothing to say: kept in the user cache (:mod:`teikit.cache`),
    so that a text converted again to the same TEI is not checked again. Only a clean result
    is kept: a document with a problem is always checked, for its messages."""
    return read_entry(_VALID_KIND, _valid_key(schema, data), "") is not None


def _remember_valid(schema: Path, data: bytes) -> None:
    write_entry(_VALID_KIND, _valid_key(schema, data), "",
                f"valid against {Path(schema).resolve()}\n".encode())


_VALID_KIND = "jing-valid"


def _valid_key(schema: Path, data: bytes) -> str:
    files = check_schema_is_local(Path(schema).resolve())
    return digest(_jing_identity(), *(_file_identity(f, file_stamp(f)) for f in files), data)


@cache
def _file_identity(path: Path, stamp: str) -> str:
    """A schema file's name and the digest of its bytes (read again when its stamp changes)."""
    return digest(str(path), path.read_bytes())


def _jing_identity() -> str:
    """Which jing checks: the command and the jar the JVM loads, by size and time."""
    from teikit.render.fop import jing_jar

    return " ".join(file_stamp(tool) for tool in (jing_path(), jing_jar()) if tool is not None)


def _validate_with_jing(sources: Sequence[Source], schema: Path) -> dict[str, list[Problem]]:
    """jing's problems for each source; a source already known valid (:func:`known_valid`) is
    not checked again."""
    results: dict[str, list[Problem]] = {}
    unknown = []
    for source in sources:
        if known_valid(schema, source.data):
            results[source.name] = []
        else:
            unknown.append(source)
    if unknown:
        checked = _run_jing(unknown, schema)
        for source in unknown:
            if not checked[source.name]:
                _remember_valid(schema, source.data)
        results.update(checked)
    return results


def _run_jing(sources: Sequence[Source], schema: Path) -> dict[str, list[Problem]]:
    from teikit.validate import jvm_jing

    if jvm_jing.ready(schema):
        return _validate_in_jvm(sources, schema)
    jing = jing_path()
    if jing is None:
        raise ToolMissingError("jing is not installed")
    rule = _rule_name(schema)
    results: dict[str, list[Problem]] = {s.name: [] for s in sources}
    with tempfile.TemporaryDirectory(prefix="teikit-jing-") as scratch:
        names: dict[str, str] = {}
        arguments = []
        for index, source in enumerate(sources):
            path = _jing_input(source, Path(scratch), index)
            names[str(path)] = source.name
            arguments.append(str(path))
        try:
            completed = subprocess.run(
                [jing, str(Path(schema).resolve()), *arguments], capture_output=True,
                text=True, timeout=JING_TIMEOUT_S, check=False, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise ToolMissingError(f"jing could not be run: {error}") from None
        unmatched = []
        for line in completed.stdout.splitlines():
            match = _JING_LINE.match(line)
            if match is None:
                if line.strip():
                    unmatched.append(line.strip())
                continue
            name = names.get(_strip_file_uri(match["file"]))
            if name is None:
                # an error in the schema itself, not in one of our files
                unmatched.append(line.strip())
                continue
            severity: Severity = "warning" if match["severity"] == "warning" else "error"
            results[name].append(Problem(name, int(match["line"]), int(match["column"]),
                                         severity, shorten_expected(match["message"]), rule))
        if completed.returncode not in (0, 1) or (unmatched and completed.returncode != 0 and
                                                  not any(results.values())):
            detail = (unmatched or completed.stderr.strip().splitlines() or ["no output"])[0]
            raise InputError(f"{schema}: jing failed: {detail}")
    return results


def _validate_in_jvm(sources: Sequence[Source], schema: Path) -> dict[str, list[Problem]]:
    """As the jing command, with jing in this process's JVM (:mod:`teikit.validate.jvm_jing`):
    each document as the bytes the command would read."""
    from teikit.validate import jvm_jing

    rule = _rule_name(schema)
    documents = [(source.name, jing_copy(source.data, source.tree, source.name) or source.data)
                 for source in sources]
    found = jvm_jing.validate(schema, documents)
    results: dict[str, list[Problem]] = {}
    for source in sources:
        results[source.name] = [
            Problem(source.name, message.line, message.column,
                    "warning" if message.severity == "warning" else "error",
                    shorten_expected(message.text), rule)
            for message in found[source.name]]
    return results


def _jing_input(source: Source, scratch: Path, index: int) -> Path:
    """The path to give jing: the file itself, or a UTF-8 copy without its DOCTYPE (located by
    a parser, see :func:`teikit.xmlio.jing_copy`)."""
    original = Path(source.name).resolve()
    copy = jing_copy(source.data, source.tree, source.name)
    if copy is None and original.is_file() and original.read_bytes() == source.data:
        return original
    path = scratch / f"{index}-{original.name or 'input.xml'}"
    path.write_bytes(source.data if copy is None else copy)
    return path


_EXPECTED_LIST = re.compile(r'(expected (?:the element end-tag(?:, text)? or |text or )?'
                            r'(?:element|attribute) )'
                            r'((?:"[^"]+", )+"[^"]+" or "[^"]+")')


def shorten_expected(message: str, keep: int = 8) -> str:
    """Cut jing's list of expected names to ``keep`` (tei_all often lists over a hundred)."""
    def cut(match: re.Match[str]) -> str:
        names = re.findall(r'"([^"]+)"', match[2])
        if len(names) <= keep:
            return match[0]
        shown = ", ".join(f'"{n}"' for n in names[:keep])
        return f"{match[1]}{shown} or one of {len(names) - keep} others"
    return _EXPECTED_LIST.sub(cut, message)


def _strip_file_uri(name: str) -> str:
    return name.removeprefix("file:") if name.startswith("file:/") else name


def _rule_name(schema: Path) -> str:
    stem = Path(schema).stem
    if Path(schema).name.endswith(".odd.rng"):  # compiled from an ODD customisation
        return f"odd:{stem}"
    return stem if stem == "tei_all" else f"rng:{Path(schema).name}"
