"""One error handler for the whole command line: every command reports bad input as one line
on stderr with the error class's exit code, never a traceback."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.errors import InputError
from tests.conftest import REPO

MISSING = "no-such-file"
COMMANDS = [
    ["convert", f"{MISSING}.txt"],
    ["export", "text", f"{MISSING}.xml"],
    ["build", "--config", f"{MISSING}.toml"],
    ["render", "html", f"{MISSING}.xml"],
    ["render", "fo", f"{MISSING}.xml"],
    ["render", "pdf", f"{MISSING}.xml"],
    ["entities", "report", f"{MISSING}.xml"],
    ["entities", "suggest", f"{MISSING}.txt"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_missing_input_is_one_line_and_exit_2(args: list[str], tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == InputError.exit_code, result.output
    assert len(lines) == 1 and lines[0].startswith("teikit: error: "), result.stderr
    assert MISSING in lines[0]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_handler_is_written_once_at_group_level() -> None:
    tree = ast.parse((REPO / "src" / "teikit" / "cli.py").read_text(encoding="utf-8"))
    handlers = [node for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler)
                and "TeikitError" in ast.unparse(node.type or ast.Constant(None))]
    assert len(handlers) == 1
    (group,) = [node for node in ast.walk(tree)
                if isinstance(node, ast.ClassDef) and node.name == "TeikitGroup"]
    assert handlers[0] in list(ast.walk(group))
