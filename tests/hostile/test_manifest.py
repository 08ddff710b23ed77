"""Bad and hostile input against every command, from the table in ``manifest.csv``.

Each row names an input (made by :mod:`tests.hostile.inputs` in a fresh workspace), a command,
the exit code and a fragment of the message expected, and the files the command must leave
byte-identical. For every row, whatever it expects:

- no traceback, and a failure is one ``teikit: error:`` line (``validate`` reports per problem);
- no connection to the local listener (``{url}``), whatever the input points at;
- the secret file's content (named only in DOCTYPEs, entities, XIncludes) and ``/etc/passwd``
  appear in no output: not on stdout/stderr, not in any file the command wrote;
- ``contains`` (``FILE:TEXT``) must be in the file after the run, ``forbidden`` in no output.

Commands run in-process through click's ``CliRunner`` so stylesheets and schemas are compiled
once for the whole table.
"""

from __future__ import annotations

import csv
import hashlib
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.fingerprint import stamp
from tests.hostile.conftest import Listener
from tests.hostile.inputs import INPUTS, SAMPLE_TEI, Workspace

MANIFEST = Path(__file__).with_name("manifest.csv")
PREVIOUS = {
    # an earlier good TEI as teikit wrote it (with its fingerprint), which teikit may replace
    "out.xml": stamp(SAMPLE_TEI.read_bytes()),
    "out.html": b"<!DOCTYPE html><html><body>an earlier good page</body></html>\n",
    "out.fo": b'<?xml version="1.0"?><root xmlns="http://www.w3.org/1999/XSL/Format"/>\n',
    "out.pdf": b"%PDF-1.4\nan earlier good PDF\n%%EOF\n",
    "out.txt": b"an earlier good export\n",
}
PASSWD_MARK = "root:x:0:0"


@dataclass(frozen=True)
class Row:
    id: str
    input: str
    command: str
    exit: int
    message: str
    unchanged: tuple[str, ...]
    contains: tuple[str, ...]
    forbidden: tuple[str, ...]


def load_rows() -> list[Row]:
    rows = []
    with MANIFEST.open(encoding="utf-8", newline="") as stream:
        for record in csv.DictReader(line for line in stream if not line.startswith("#")):
            rows.append(Row(
                id=record["id"], input=record["input"], command=record["command"],
                exit=int(record["exit"]), message=record["message"],
                unchanged=_list(record["unchanged"]), contains=_list(record["contains"]),
                forbidden=_list(record["forbidden"])))
    return rows


def _list(field: str) -> tuple[str, ...]:
    return tuple(item for item in field.split("|") if item)


ROWS = load_rows()


def test_the_table_is_large_and_well_formed() -> None:
    assert len(ROWS) >= 150
    assert len({row.id for row in ROWS}) == len(ROWS), "row ids must be unique"
    unknown = sorted({row.input for row in ROWS} - set(INPUTS))
    assert not unknown, f"inputs without a generator: {unknown}"
    unused = sorted(set(INPUTS) - {row.input for row in ROWS})
    assert not unused, f"generators no row uses: {unused}"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _outputs(root: Path, before: dict[Path, str]) -> list[Path]:
    """Files written or changed by the command (the workspace's own inputs excluded)."""
    found = []
    for path in root.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        if before.get(path) != _digest(path):
            found.append(path)
    return found


def _snapshot(root: Path) -> dict[Path, str]:
    return {path: _digest(path) for path in root.rglob("*")
            if path.is_file() and not path.is_symlink()}


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_hostile_input(row: Row, tmp_path: Path, no_connections: Listener) -> None:
    ws = Workspace(tmp_path, no_connections.port)
    for name, data in PREVIOUS.items():
        (tmp_path / name).write_bytes(data)
    given = INPUTS[row.input](ws)
    values = {"in": given, "ws": str(tmp_path), "url": ws.url}
    arguments = [token.format(**values) for token in shlex.split(row.command)]
    before = _snapshot(tmp_path)
    expected_same = {name: _digest(tmp_path / name) for name in row.unchanged}

    result = CliRunner().invoke(main, arguments, catch_exceptions=True)
    output = result.output  # stdout and stderr together

    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{row.id}: uncaught {result.exception!r}\n{output}") \
            from result.exception
    assert "Traceback" not in output
    assert result.exit_code == row.exit, f"{row.id}: exit {result.exit_code}\n{output}"
    assert row.message.lower() in output.lower(), f"{row.id}: {row.message!r} not in\n{output}"
    if row.exit != 0 and arguments[0] != "validate":
        errors = [line for line in output.splitlines()
                  if line.startswith(("teikit: error:", "Error:"))]
        assert len(errors) == 1, f"{row.id}: expected one error line\n{output}"

    for name, digest in expected_same.items():
        assert _digest(tmp_path / name) == digest, f"{row.id}: {name} was changed"
    written = _outputs(tmp_path, before)
    texts = [output] + [path.read_bytes().decode("utf-8", "replace") for path in written]
    for text in texts:
        assert ws.secret not in text, f"{row.id}: the secret leaked"
        assert PASSWD_MARK not in text, f"{row.id}: /etc/passwd leaked"
        for forbidden in row.forbidden:
            assert forbidden not in text, f"{row.id}: {forbidden!r} in an output"
    for item in row.contains:
        name, _, wanted = item.partition(":")
        content = (tmp_path / name).read_text(encoding="utf-8", errors="replace")
        assert wanted in content, f"{row.id}: {wanted!r} not in {name}"
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert not leftovers, f"{row.id}: temporary files left: {leftovers}"
