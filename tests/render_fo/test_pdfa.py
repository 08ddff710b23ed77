"""The print edition is PDF/A-2b, the ISO profile archives preserve: FOP, told so by its
configuration, writes the XMP metadata that declares the conformance and refuses what the
profile forbids; every font is embedded."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.render_fo.conftest import Book


def test_the_pdf_declares_pdf_a_2b_and_embeds_every_font(book: Book) -> None:
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils is not installed")
    metadata = subprocess.run(["pdfinfo", "-meta", str(book.pdf)], capture_output=True,
                              text=True, check=True).stdout
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", metadata)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", metadata)
    fonts = subprocess.run(["pdffonts", str(book.pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts
    # columns: name type encoding emb sub uni object ID
    assert all(line.split()[-5] == "yes" for line in fonts), fonts
