"""Validate TEI: the edition schema and rules, tei_all, or a schema the user names.

Public surface:

- :func:`validate_files` — problems found in some files (the build calls this);
- :func:`check_files` — the same as a :class:`Report` (per-file verdicts, exit code, text/JSON);
- :class:`Problem`, :class:`Report` — see :mod:`teikit.validate.report`.

A *schema* is ``"edition"`` (``schema/edition.xsd`` + ``schema/edition.sch``), ``"tei_all"``
(``tei_all.rng``), or the path of a ``.xsd``, ``.rng`` or ``.sch`` file, or of a TEI ODD
customisation (``.odd``, compiled from tei_all by :mod:`teikit.validate.oddcompile`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from teikit.errors import InputError, UnreadableError
from teikit.resources import schema_path
from teikit.validate.oddcompile import compile_odd, compile_odd_rules
from teikit.validate.relaxng import Engine, choose_engine, find_tei_all, validate_relaxng
from teikit.validate.report import INVALID, UNREADABLE, VALID, Problem, Report, group_by_file
from teikit.validate.schematron import Finding, run_schematron, validate_schematron
from teikit.validate.source import Source, read_source

__all__ = [
    "INVALID", "UNREADABLE", "VALID", "Problem", "Report", "SchemaSpec", "check_documents",
    "check_files",
    "expand_paths", "resolve_schemas", "validate_files",
]

SchemaSpec = str | Path

_XML_ID_RULES = {"xsd:id-unique", "xsd:type:NCName", "xsd:type:ID"}


@dataclass(frozen=True)
class _Check:
    kind: str          # "xsd" | "sch" | "rng"
    path: Path
    label: str


def resolve_schemas(schemas: SchemaSpec | Sequence[SchemaSpec],
                    tei_all_path: Path | str | None = None) -> list[_Check]:
    """Turn ``"edition"``, ``"tei_all"`` or paths into the checks to run."""
    specs: Sequence[SchemaSpec] = [schemas] if isinstance(schemas, str | Path) else schemas
    if not specs:
        raise InputError("no schema to validate against")
    checks: list[_Check] = []
    for spec in specs:
        if spec == "edition":
            checks.append(_Check("xsd", schema_path("edition.xsd"), "edition.xsd"))
            checks.append(_Check("sch", schema_path("edition.sch"), "edition.sch"))
        elif spec == "tei_all":
            checks.append(_Check("rng", find_tei_all(tei_all_path), "tei_all"))
        else:
            path = Path(spec)
            if path.suffix.lower() == ".odd":
                if not path.is_file():
                    raise InputError(f"{spec}: schema file not found")
                compiled = compile_odd(path, find_tei_all(tei_all_path))
                checks.append(_Check("rng", compiled, path.name))
                rules = compile_odd_rules(path)
                if rules is not None:
                    checks.append(_Check("sch", rules, f"{path.name} (Schematron)"))
                continue
            kind = {".xsd": "xsd", ".sch": "sch", ".rng": "rng"}.get(path.suffix.lower())
            if kind is None:
                raise InputError(f"{spec}: unknown schema",
                                 hint="use edition, tei_all, or a .xsd, .rng, .sch or .odd file")
            if not path.is_file():
                raise InputError(f"{spec}: schema file not found")
            checks.append(_Check(kind, path, path.name))
    return checks


def validate_xsd(source: Source, path: Path) -> list[Problem]:
    """The problems of ``source`` against the W3C XML Schema at ``path``.

    libxml2 gives the verdict (:mod:`teikit.validate.libxml_xsd`, the schema compiled once per
    process); only a document it refuses is explained by :mod:`teikit.validate.xsd`
    (``xmlschema``, imported only then), so a valid document never waits for xmlschema.
    """
    from teikit.validate import libxml_xsd

    if libxml_xsd.is_valid(source, path):
        return []
    from teikit.validate import xsd

    problems = xsd.validate_xsd(source, path)
    if problems or libxml_xsd.compiled_xsd(path) is None:
        return problems
    # libxml2 refused what xmlschema accepts: say what libxml2 said rather than nothing
    return [Problem(source.name, line, 1, "error", message, "xsd:libxml2")
            for line, message in libxml_xsd.libxml_messages(source, path)]


def rules_ahead(source: Source, path: Path) -> Future[list[Finding]]:
    """What the rules at ``path`` find in ``source``, found in a thread of its own while the
    caller checks the XSD: Saxon keeps the interpreter for all its run and libxml2 gives it up
    while it validates, so the two take the time of the longer. Saxon reads the document's
    bytes, not the tree libxml2 reads (:func:`run_schematron`)."""
    return _rules_thread().submit(run_schematron, source, path)


@cache
def _rules_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="teikit-rules")


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given; a directory stands for every ``*.xml`` file under it (sorted)."""
    expanded: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            expanded.extend(sorted(p for p in path.rglob("*.xml") if p.is_file()))
        else:
            expanded.append(path)
    return expanded


def check_files(paths: Iterable[Path | str], schemas: SchemaSpec | Sequence[SchemaSpec] = "edition",
                *, tei_all_path: Path | str | None = None, engine: Engine = "auto") -> Report:
    """Validate ``paths`` (directories expanded) and return the :class:`Report`.

    Raises :class:`teikit.errors.TeikitError` only for problems with the schemas or tools
    (unknown schema, tei_all not found, jing missing when asked for); problems with the files —
    including unreadable or unsafe ones — are in the report.
    """
    checks = resolve_schemas(schemas, tei_all_path)
    files = expand_paths(paths)
    if not files:
        raise InputError("no XML files to validate", hint="name files or folders holding *.xml")
    names = [str(f) for f in files]
    problems: list[Problem] = []
    sources: list[Source] = []
    for file in files:
        try:
            sources.append(read_source(file))
        except UnreadableError as unreadable:
            problems.append(unreadable.problem)
    return _check_sources(names, sources, problems, checks, engine)


def check_documents(documents: Sequence[tuple[str, bytes]],
                    schemas: SchemaSpec | Sequence[SchemaSpec] = "edition", *,
                    tei_all_path: Path | str | None = None, engine: Engine = "auto") -> Report:
    """As :func:`check_files` for documents in memory, ``(name, bytes)``: what the converter
    and the build check before they replace a file."""
    checks = resolve_schemas(schemas, tei_all_path)
    problems: list[Problem] = []
    sources: list[Source] = []
    for name, data in documents:
        try:
            sources.append(read_source(name, data))
        except UnreadableError as unreadable:
            problems.append(unreadable.problem)
    return _check_sources([name for name, _ in documents], sources, problems, checks, engine)


def _check_sources(names: list[str], sources: list[Source], problems: list[Problem],
                   checks: list[_Check], engine: Engine) -> Report:
    rng_by_jing = any(c.kind == "rng" for c in checks) and choose_engine(engine) == "jing"
    only_rng = all(c.kind == "rng" for c in checks)
    for source in sources:
        # libxml2's own xml:id checks: jing makes its own; tei_all ignores ids in examples
        if not (only_rng and rng_by_jing):
            problems.extend(source.problems)
        if not only_rng:
            problems.extend(source.example_problems)
        # the parser has already reported xml:id clashes and malformed ids: say it once
        parse_found_id_problem = any(p.rule.startswith("xml:id")
                                     for p in [*source.problems, *source.example_problems])
        # the rules run beside the XSD, when there is one
        ahead = {c.path: rules_ahead(source, c.path) for c in checks if c.kind == "sch"} \
            if any(c.kind == "xsd" for c in checks) else {}
        for check in checks:
            if check.kind == "xsd":
                found = validate_xsd(source, check.path)
                if parse_found_id_problem:
                    found = [p for p in found if p.rule not in _XML_ID_RULES]
                problems.extend(found)
            elif check.kind == "sch":
                running = ahead.get(check.path)
                problems.extend(validate_schematron(
                    source, check.path, running.result() if running is not None else None))
    for check in checks:
        if check.kind == "rng" and sources:
            for found in validate_relaxng(sources, check.path, engine).values():
                problems.extend(found)
    labels = []
    for check in checks:
        label = check.label
        if check.kind == "rng":
            label += f" ({choose_engine(engine)})"
        labels.append(label)
    return group_by_file(names, problems, labels)


def validate_files(paths: Iterable[Path | str],
                   schema: SchemaSpec | Sequence[SchemaSpec] = "edition", *,
                   tei_all_path: Path | str | None = None,
                   engine: Engine = "auto") -> list[Problem]:
    """Every problem in ``paths`` against ``schema`` (see :func:`check_files`), sorted by file.

    An empty list means every file is valid. Problems with ``fatal=True`` mean a file could not
    be checked at all; ``severity == "warning"`` problems do not make a file invalid.
    """
    return check_files(paths, schema, tei_all_path=tei_all_path, engine=engine).problems
