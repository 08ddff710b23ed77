"""The print edition is PDF/A-2b, the ISO profile archives preserve: FOP, told so by its
configuration, writes the XMP metadata that declares the conformance and refuses what the
profile forbids; every font is embedded. Both FOPs teikit runs (the warm JVM and the ``fop``
command) read the same configuration."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from teikit.render.fop import JvmFop, fop_session, jvm_available
from tests.render_fo.conftest import Book


def _assert_pdf_a_2b(pdf: Path) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils is not installed")
    metadata = subprocess.run(["pdfinfo", "-meta", str(pdf)], capture_output=True,
                              text=True, check=True).stdout
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", metadata)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", metadata)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts
    # columns: name type encoding emb sub uni object ID
    assert all(line.split()[-5] == "yes" for line in fonts), fonts


def test_the_pdf_declares_pdf_a_2b_and_embeds_every_font(book: Book) -> None:
    _assert_pdf_a_2b(book.pdf)


@pytest.mark.skipif(not jvm_available(), reason="JPype or FOP's jars not installed")
def test_the_warm_jvm_writes_pdf_a(sample_book: Book) -> None:
    assert isinstance(fop_session(), JvmFop)   # so the sample was laid out in this process
    _assert_pdf_a_2b(sample_book.pdf)


def test_the_fop_command_writes_pdf_a(command_book: Book) -> None:
    _assert_pdf_a_2b(command_book.pdf)
