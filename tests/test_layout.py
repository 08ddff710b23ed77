"""The package layout is the pipeline: other packages reach the converter only through
``teikit.convert`` (and its data model), never through its internals."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

SRC = REPO / "src" / "teikit"
# the package, its data model, and its table of conventions (the delimiters the TEI records,
# which every reader of the TEI needs to show them)
PUBLIC_CONVERT = {"teikit.convert", "teikit.convert.model", "teikit.convert.conventions"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_module_outside_convert_imports_a_converter_internal() -> None:
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        if (SRC / "convert") in path.parents:
            continue
        for module in imported_modules(path):
            if module.startswith("teikit.convert") and module not in PUBLIC_CONVERT:
                offenders.append(f"{path.relative_to(REPO)}: {module}")
    assert offenders == []


def test_the_converter_modules_live_in_the_convert_package() -> None:
    flat = {p.stem for p in SRC.glob("*.py")}
    assert not flat & {"ingest", "model", "weave", "assemble", "header", "readback", "passes",
                       "conventions", "entities"}


# each module imported first in a fresh interpreter (a fork of one that has imported nothing of
# teikit, only the libraries it uses): an import cycle shows only when one of its modules is
# the first imported
_IMPORT_EACH = """
import importlib, os, sys
import babel.dates, click, convertdate, lxml.etree, lxml.html
failed = []
for name in sys.argv[1:]:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(name)
        except BaseException as error:
            print(f"{name}: {type(error).__name__}: {error}", flush=True)
            os._exit(1)
        os._exit(0)
    if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0:
        failed.append(name)
sys.exit(1 if failed else 0)
"""


def test_every_module_can_be_imported_first() -> None:
    import subprocess
    import sys

    modules = sorted(".".join(("teikit", *p.relative_to(SRC).with_suffix("").parts))
                     .removesuffix(".__init__") for p in SRC.rglob("*.py")
                     if p.name != "__main__.py")
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH, *modules], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
