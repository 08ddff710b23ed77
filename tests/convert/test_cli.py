"""The command line on good and bad input: one-line errors, exit codes, no partial files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from tests.conftest import REPO, TRANSCRIPTIONS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a subprocess (as a user would)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, "-m", "teikit", *args], capture_output=True,
                          text=True, env=env, check=False)


def assert_clean_failure(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    error_lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(error_lines) == 1, result.stderr
    assert message in error_lines[0]


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    source = tmp_path / "letter.txt"
    source.write_bytes((TRANSCRIPTIONS / "volkova-letter.txt").read_bytes())
    return source


def test_convert_writes_tei_next_to_the_source(letter: Path):
    result = run("convert", str(letter))
    assert result.returncode == 0, result.stderr
    assert letter.with_suffix(".xml").read_text(encoding="utf-8").startswith("<?xml")
    assert "wrote" in result.stdout


def test_export_text_prints_the_transcription(letter: Path, tmp_path: Path):
    output = tmp_path / "out.xml"
    CliRunner().invoke(main, ["convert", str(letter), "-o", str(output)], catch_exceptions=False)
    result = CliRunner().invoke(main, ["export", "text", str(output)])
    assert result.exit_code == 0
    assert " ".join(result.output.split()) == " ".join(letter.read_text().split())


def test_empty_file(tmp_path: Path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    assert_clean_failure(run("convert", str(source)), "the file is empty")
    assert not source.with_suffix(".xml").exists()


def test_binary_file(tmp_path: Path):
    source = tmp_path / "image.txt"
    source.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_clean_failure(run("convert", str(source)), "binary")
    assert not source.with_suffix(".xml").exists()


def test_missing_path(tmp_path: Path):
    assert_clean_failure(run("convert", str(tmp_path / "nowhere.txt")), "no such file")
    assert list(tmp_path.iterdir()) == []


def test_output_equal_to_input_is_refused_and_the_input_untouched(letter: Path):
    before = letter.read_bytes()
    assert_clean_failure(run("convert", str(letter), "-o", str(letter)),
                         "refusing to overwrite the input")
    assert letter.read_bytes() == before


def test_unwritable_output_directory(letter: Path, tmp_path: Path):
    assert_clean_failure(run("convert", str(letter), "-o", str(tmp_path / "no" / "dir.xml")),
                         "does not exist")


def test_unwritable_output_location(letter: Path):
    # /proc refuses new files even to root: a real, unwritable directory on every Linux machine
    assert_clean_failure(run("convert", str(letter), "-o", "/proc/teikit-test.xml"),
                         "cannot write in /proc")


def test_output_path_that_is_a_directory(letter: Path, tmp_path: Path):
    assert_clean_failure(run("convert", str(letter), "-o", str(tmp_path)), "is a directory")


def test_failed_conversion_leaves_an_existing_output_untouched(tmp_path: Path):
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    output = tmp_path / "keep.xml"
    output.write_text("previous result")
    assert_clean_failure(run("convert", str(source), "-o", str(output)), "empty")
    assert output.read_text() == "previous result"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt", "keep.xml"]


def test_unknown_option_is_a_usage_error():
    result = run("convert", "--colour", "x.txt")
    assert result.returncode == 2
    assert "No such option" in result.stderr and "Traceback" not in result.stderr


def test_windows_1252_source_is_decoded_and_the_decision_recorded(tmp_path: Path):
    source = tmp_path / "cp1252.txt"
    source.write_bytes("Café owners spoke of “a conspiracy” – L’An 1.\n".encode("cp1252"))
    result = run("convert", str(source))
    assert result.returncode == 0, result.stderr
    xml = source.with_suffix(".xml").read_text(encoding="utf-8")
    assert "Café owners spoke of" in xml
    assert "decoded as cp1252 (detected)" in xml


def test_named_encoding_that_does_not_fit(tmp_path: Path):
    source = tmp_path / "latin.txt"
    source.write_bytes("révolution\n".encode("latin-1"))
    assert_clean_failure(run("convert", str(source), "--encoding", "utf-8"),
                         "cannot be decoded as utf-8")
    assert_clean_failure(run("convert", str(source), "--encoding", "klingon"),
                         "unknown encoding")


def test_text_without_header_converts_with_a_warning(tmp_path: Path):
    source = tmp_path / "bare.txt"
    source.write_text("Just one paragraph of prose, no header at all.\n", encoding="utf-8")
    result = run("convert", str(source))
    assert result.returncode == 0
    assert "warning: no header block found" in result.stderr
    assert "author, title, source and translator are missing" in result.stderr


def test_malformed_config_is_reported(letter: Path, tmp_path: Path):
    config = tmp_path / "edition.toml"
    config.write_text("[edition\npublisher = 1", encoding="utf-8")
    assert_clean_failure(run("convert", str(letter), "--config", str(config)),
                         "not a valid TOML config")


def test_export_of_malformed_xml_names_line_and_column(tmp_path: Path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI>\n  <text>\n</TEI>\n", encoding="utf-8")
    assert_clean_failure(run("export", "text", str(broken)), f"{broken}:3:")


def test_export_refuses_entity_declarations(tmp_path: Path):
    evil = tmp_path / "xxe.xml"
    evil.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM '
                    '"file:///etc/passwd">]>\n<TEI>&x;</TEI>\n', encoding="utf-8")
    result = run("export", "text", str(evil))
    assert_clean_failure(result, "declares entities")
    assert "root:" not in result.stdout
