"""Books printed once per test session: FOP takes a second or more per run."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.render.fop import SubprocessFop
from teikit.render.pdf import render_pdf_report
from tests.conftest import FIXTURES, SEED_TEI

SAMPLE_TEI = FIXTURES / "tei" / "sample-print.xml"


@dataclass(frozen=True)
class Book:
    name: str
    tei: Path
    pdf: Path
    fo: Path
    warnings: list[str]


@pytest.fixture(scope="session")
def sample_book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The hand-written sample, printed through the command line as a user would."""
    out = tmp_path_factory.mktemp("print-sample") / "sample-print.pdf"
    result = CliRunner().invoke(main, ["render", "pdf", str(SAMPLE_TEI), "-o", str(out)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning" in line]
    return Book("sample", SAMPLE_TEI, out, out.with_suffix(".fo"), warnings)


@pytest.fixture(scope="session")
def seed_book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The seed edition (tei/serge-year-one-2.xml), printed through the library."""
    if not SEED_TEI.is_file():
        pytest.skip("the seed edition has not been generated yet")
    out = tmp_path_factory.mktemp("print-seed") / "serge-year-one-2.pdf"
    report = render_pdf_report(SEED_TEI, out)
    return Book("seed", SEED_TEI, report.pdf, report.fo, report.warnings)


@pytest.fixture(scope="session")
def command_book(tmp_path_factory: pytest.TempPathFactory) -> Book:
    """The sample printed by the ``fop`` command (a JVM per layout), as without JPype."""
    out = tmp_path_factory.mktemp("print-command") / "sample-print.pdf"
    report = render_pdf_report(SAMPLE_TEI, out, session=SubprocessFop())
    return Book("command", SAMPLE_TEI, report.pdf, report.fo, report.warnings)


@pytest.fixture(params=["sample", "seed"])
def book(request: pytest.FixtureRequest) -> Book:
    return request.getfixturevalue(f"{request.param}_book")
