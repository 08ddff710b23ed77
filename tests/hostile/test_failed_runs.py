"""A failed build or render leaves every earlier good output byte-identical; an interrupted one
leaves no temporary file; outputs get the umask's mode."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from tests.conftest import REPO, TRANSCRIPTIONS
from tests.hostile.inputs import SAMPLE_TEI

CONFIG = ('[edition]\npublisher = "Test Press"\ndate = "2026-01-01"\nsources = "sources"\n'
          'output = "."\nsite = "site"\nregister = "register.xml"\n\n'
          '[texts.volkova-letter]\neditor = "The bulletin editors"\nyear = 1921\n')


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An edition built once, with a real FOP: the good outputs every failure must keep."""
    folder = tmp_path_factory.mktemp("edition")
    (folder / "sources").mkdir()
    for name in ("volkova-letter", "marchal-printers-strike"):
        shutil.copy(TRANSCRIPTIONS / f"{name}.txt", folder / "sources")
    shutil.copy(TRANSCRIPTIONS / "volkova-letter.register.xml", folder / "register.xml")
    (folder / "edition.toml").write_text(CONFIG, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(folder / "edition.toml")])
    assert result.exit_code == 0, result.output
    assert (folder / "site" / "volkova-letter.pdf").read_bytes().startswith(b"%PDF-")
    return folder


def _break(folder: Path, how: str) -> list[str]:
    """Damage the copy of the edition; return extra CLI arguments."""
    config = folder / "edition.toml"
    if how == "page-size":
        config.write_text(CONFIG.replace('site = "site"', 'site = "site"\npage_size = "Z9"'),
                          encoding="utf-8")
    elif how == "year":
        config.write_text(CONFIG.replace("year = 1921", 'year = "x"'), encoding="utf-8")
    elif how == "text-not-table":
        config.write_text(CONFIG + "\n[texts]\nother = 3\n", encoding="utf-8")
    elif how == "register-not-well-formed":
        register = folder / "register.xml"
        register.write_text(register.read_text(encoding="utf-8").replace("</TEI>", ""),
                            encoding="utf-8")
    elif how == "register-entities":
        register = folder / "register.xml"
        register.write_text(register.read_text(encoding="utf-8").replace(
            "<TEI", '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI', 1),
            encoding="utf-8")
    elif how == "source-named-index":
        shutil.copy(folder / "sources" / "volkova-letter.txt", folder / "sources" / "index.txt")
    elif how == "control-character":
        source = folder / "sources" / "marchal-printers-strike.txt"
        source.write_text(source.read_text(encoding="utf-8") + "\x1b[0m tail\n",
                          encoding="utf-8")
    elif how.startswith("fop-"):
        fake = folder / "fake-fop"
        body = {"fop-true": "exit 0", "fop-false": "exit 1",
                "fop-garbage": 'for last; do :; done; printf "not a pdf" > "$last"'}[how]
        fake.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        fake.chmod(0o755)
        return ["TEIKIT_FOP", str(fake)]
    return []


FAILURES = ["page-size", "year", "text-not-table", "register-not-well-formed",
            "register-entities", "source-named-index", "control-character", "fop-true",
            "fop-false", "fop-garbage"]


@pytest.mark.parametrize("how", FAILURES)
def test_a_failed_build_keeps_every_earlier_output(built: Path, tmp_path: Path, how: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # in place (the TEI points at the schemas by a relative path), restored afterwards
    folder = built
    shutil.copytree(built, tmp_path / "pristine")
    try:
        _failed_build_keeps_outputs(folder, how, monkeypatch)
    finally:
        shutil.rmtree(folder)
        shutil.copytree(tmp_path / "pristine", folder)


def _failed_build_keeps_outputs(folder: Path, how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    environment = _break(folder, how)
    if environment:
        monkeypatch.setenv(*environment)
    outputs = {name: digest for name, digest in _digests(folder).items()
               if name.endswith((".xml", ".html", ".fo", ".pdf", ".css", ".js"))
               and name != "register.xml"}
    result = CliRunner().invoke(main, ["build", "--config", str(folder / "edition.toml")])
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("teikit: error:")]
    assert len(errors) == 1, result.output
    after = _digests(folder)
    changed = [name for name, digest in outputs.items() if after.get(name) != digest]
    assert changed == [], f"{how}: changed {changed}"
    assert not [p for p in folder.rglob("*.tmp")]


def test_a_failed_render_keeps_the_pdf_and_its_fo(built: Path, tmp_path: Path) -> None:
    tei = tmp_path / "volkova-letter.xml"
    shutil.copy(built / "volkova-letter.xml", tei)
    pdf, fo = tmp_path / "book.pdf", tmp_path / "book.fo"
    shutil.copy(built / "site" / "volkova-letter.pdf", pdf)
    shutil.copy(built / "site" / "volkova-letter.fo", fo)
    before = _digests(tmp_path)
    result = CliRunner().invoke(main, ["render", "pdf", str(tei), "-o", str(pdf),
                                       "--fop", "/bin/true"])
    assert result.exit_code == 2 and "FOP wrote" in result.output
    assert _digests(tmp_path) == before


def _run(*args: str, umask: int = 0o022, tmpdir: Path | None = None) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    if tmpdir is not None:
        environment["TMPDIR"] = str(tmpdir)
    return subprocess.Popen([sys.executable, "-m", "teikit", *args], env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: os.umask(umask))


@pytest.mark.parametrize("umask, mode, command, outputs", [
    (0o022, 0o644, "pdf", ("sample.pdf", "sample.fo")),
    (0o027, 0o640, "html", ("sample.html", "assets/edition.css")),
])
def test_new_outputs_get_the_umasks_mode(tmp_path: Path, umask: int, mode: int, command: str,
                                         outputs: tuple[str, ...]) -> None:
    tei = tmp_path / "sample.xml"
    shutil.copy(SAMPLE_TEI, tei)
    process = _run("render", command, str(tei), umask=umask)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    for name in outputs:
        assert (tmp_path / name).stat().st_mode & 0o777 == mode, name


def test_an_interrupted_render_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM while FOP runs: the run ends cleanly, the earlier PDF stays, nothing is left."""
    tei = tmp_path / "sample.xml"
    shutil.copy(SAMPLE_TEI, tei)
    started = tmp_path / "fop-started"
    slow = tmp_path / "slow-fop"
    slow.write_text(f"#!/bin/sh\ntouch '{started}'\nexec sleep 300\n", encoding="utf-8")
    slow.chmod(0o755)
    pdf = tmp_path / "sample.pdf"
    pdf.write_bytes(b"%PDF-1.4\nearlier\n%%EOF\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = _run("render", "pdf", str(tei), "-o", str(pdf), "--fop", str(slow),
                   tmpdir=scratch)
    deadline = time.monotonic() + 240
    while not started.exists():   # wait until FOP is running
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the render never started FOP"
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err
    assert pdf.read_bytes() == b"%PDF-1.4\nearlier\n%%EOF\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fop-started", "sample.pdf",
                                                           "sample.xml", "slow-fop", "tmp"]
    assert list(scratch.iterdir()) == []


def test_a_file_whose_work_would_not_fit_in_memory_is_refused_with_the_figures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from teikit import xmlio
    from teikit.errors import InputError

    big = tmp_path / "big.xml"
    big.write_bytes(b"<TEI>" + b"x" * (3 * 2**20) + b"</TEI>")
    monkeypatch.setattr(xmlio, "available_memory", lambda: 20 * 2**20)
    with pytest.raises(InputError, match=r"big\.xml: is 3\.0 MB; processing it needs about"):
        xmlio.read_input_bytes(big, memory_factor=xmlio.XML_MEMORY_FACTOR)


def test_a_small_file_is_read_without_asking_for_the_free_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from teikit import xmlio

    def not_asked() -> int:
        raise AssertionError("the free memory was looked up for a small file")

    small = tmp_path / "small.xml"
    small.write_bytes(SAMPLE_TEI.read_bytes())
    monkeypatch.setattr(xmlio, "available_memory", not_asked)
    assert xmlio.read_input_bytes(small, memory_factor=xmlio.XML_MEMORY_FACTOR)
