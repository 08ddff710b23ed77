"""The problem record every validator produces, and its text and JSON renderings.

One problem per line: ``file:line:col: error|warning: message [rule]``; then a summary line.
The JSON rendering carries the same fields (its schema is ``schema/validation-report.schema.json``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

# exit codes of ``teikit validate``
VALID, INVALID, UNREADABLE = 0, 1, 2

REPORT_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one file, where it is, and which rule says so.

    ``line``/``column`` are 1-based; 0 means "the whole file" (e.g. it could not be read).
    ``fatal`` marks a file that could not be checked at all (missing, not well-formed, unsafe).
    ``xpath`` designates the element concerned (``/tei:TEI/tei:text/tei:body/tei:p[3]``, the
    prefix ``tei`` standing for the TEI namespace); "" when the problem has no element.
    """

    file: str
    line: int
    column: int
    severity: Severity
    message: str
    rule: str
    fatal: bool = False
    xpath: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.severity}: {self.message} [{self.rule}]"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def sort_key(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.file, problem.line, problem.column, problem.rule, problem.message)


@dataclass(frozen=True)
class FileResult:
    """The verdict on one file."""

    file: str
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for p in self.problems if p.severity == "warning")

    @property
    def readable(self) -> bool:
        return not any(p.fatal for p in self.problems)

    @property
    def valid(self) -> bool:
        return self.errors == 0


@dataclass(frozen=True)
class Report:
    """Everything one validation run found, file by file, in the order the files were given."""

    results: tuple[FileResult, ...]
    schemas: tuple[str, ...] = field(default=())

    @property
    def problems(self) -> list[Problem]:
        return [p for result in self.results for p in result.problems]

    @property
    def exit_code(self) -> int:
        if any(not r.readable for r in self.results):
            return UNREADABLE
        if any(not r.valid for r in self.results):
            return INVALID
        return VALID

    def summary(self) -> str:
        files = len(self.results)
        unreadable = sum(1 for r in self.results if not r.readable)
        invalid = sum(1 for r in self.results if r.readable and not r.valid)
        valid = files - unreadable - invalid
        errors = sum(r.errors for r in self.results)
        warnings = sum(r.warnings for r in self.results)
        parts = [f"{_count(files, 'file')} checked against {', '.join(self.schemas) or 'nothing'}:",
                 f"{valid} valid, {invalid} invalid"]
        if unreadable:
            parts[-1] += f", {unreadable} unreadable"
        parts.append(f"({_count(errors, 'error')}, {_count(warnings, 'warning')})")
        return " ".join(parts)

    def as_text(self) -> str:
        lines = [str(p) for p in self.problems]
        lines.append(self.summary())
        return "\n".join(lines) + "\n"

    def as_json(self) -> dict[str, Any]:
        return {
            "version": REPORT_FORMAT_VERSION,
            "schemas": list(self.schemas),
            "valid": self.exit_code == VALID,
            "exit_code": self.exit_code,
            "files": [
                {"file": r.file, "readable": r.readable, "valid": r.valid and r.readable,
                 "errors": r.errors, "warnings": r.warnings}
                for r in self.results
            ],
            "problems": [p.as_dict() for p in self.problems],
            "summary": self.summary(),
        }


def group_by_file(files: Sequence[str], problems: Iterable[Problem],
                  schemas: Sequence[str] = ()) -> Report:
    by_file: dict[str, list[Problem]] = {name: [] for name in files}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    return Report(
        tuple(FileResult(name, tuple(sorted(found, key=sort_key)))
              for name, found in by_file.items()),
        tuple(schemas),
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
