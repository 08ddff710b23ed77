"""Every error class of the project lives in teikit.errors and carries its exit code."""

from __future__ import annotations

import ast
import inspect

import teikit.errors
from tests.conftest import REPO

SRC = REPO / "src" / "teikit"


def test_no_error_class_is_defined_outside_errors_py() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if path == SRC / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            bases = {ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases}
            if any(base.endswith(("Error", "Exception")) for base in bases):
                offenders.append(f"{path.relative_to(REPO)}: {node.name}")
    assert offenders == []


def test_each_error_class_carries_its_exit_code() -> None:
    classes = [c for _, c in inspect.getmembers(teikit.errors, inspect.isclass)
               if issubclass(c, Exception) and c.__module__ == "teikit.errors"]
    assert len(classes) >= 8
    for error in classes:
        assert isinstance(error.exit_code, int) and error.exit_code > 0, error
    assert teikit.errors.InvalidEditionError.exit_code == 1
    assert teikit.errors.InputError.exit_code == 2
