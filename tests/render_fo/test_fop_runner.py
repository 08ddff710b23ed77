"""Running FOP: what it says becomes clear errors; a missing FOP is one line with a hint."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml.builder import ElementMaker

from teikit.cli import main
from teikit.errors import FopError, ToolMissingError
from teikit.render.pdf import (
    classify_fop_output,
    find_fop,
    first_mention_per_page,
    render_pdf,
    run_fop,
)
from teikit.xmlio import serialize_tei
from tests.conftest import REPO
from tests.render_fo.conftest import SAMPLE_TEI

FO_NS = "http://www.w3.org/1999/XSL/Format"
FO = ElementMaker(namespace=FO_NS, nsmap={"fo": FO_NS})

# Lines as FOP 2.8 and the Debian start script print them.
LOG = "\n".join([
    "[warning] /usr/bin/fop: JVM flavor 'sun' not understood",
    "[INFO] FOUserAgent - Rendered page #1.",
    '[WARN] FOUserAgent - Glyph "日" (0x65e5) not available in font '
    '"DejaVuSerifCondensed-Italic".',
    "[WARN] FOUserAgent - The contents of fo:block line 1 exceed the available area in the "
    "inline-progression direction by 5097 millipoints. (See position 1:60376)",
    '[WARN] FOUserAgent - Page 3: Unresolved ID reference "ix.1.2" found.',
    "[ERROR] FOP - Exception <org.apache.fop.apps.FOPException: javax.xml.transform."
    "TransformerException: org.apache.fop.fo.ValidationException: file:/tmp/t.fo:4:50: Invalid "
    'property encountered on "fo:inline": index-key (See position 4:50)',
    "\tat org.apache.fop.cli.InputHandler.transformTo(InputHandler.java:296)",
    "SEVERE: Couldn't find hyphenation pattern xx",
])


def small_fo(text: str, **block_attributes: str) -> bytes:
    root = FO.root(
        FO("layout-master-set", FO("simple-page-master", FO("region-body"), **{
            "master-name": "page", "page-width": "100mm", "page-height": "100mm"})),
        FO("page-sequence", FO.flow(FO.block(text, **block_attributes),
                                    **{"flow-name": "xsl-region-body"}),
           **{"master-reference": "page"}),
        **{"font-family": "DejaVu Serif"})
    return serialize_tei(root.getroottree())


def test_fop_log_is_sorted_into_errors_glyphs_and_warnings() -> None:
    report = classify_fop_output(LOG)
    assert report.errors == [
        'Page 3: Unresolved ID reference "ix.1.2" found.',
        'file:/tmp/t.fo:4:50: Invalid property encountered on "fo:inline": index-key',
        "Couldn't find hyphenation pattern xx",
    ]
    assert report.missing_glyphs == [
        'Glyph "日" (0x65e5) not available in font "DejaVuSerifCondensed-Italic".']
    assert len(report.warnings) == 1 and "exceed the available area" in report.warnings[0]


def test_first_mention_of_each_entity_on_each_page() -> None:
    pages = {"ix.1.1": 7, "ix.1.2": 7, "ix.2.3": 7, "ix.1.4": 8, "ix.2.5": 9, "ix.2.6": 9}
    assert first_mention_per_page(pages) == ["ix.1.1", "ix.2.3", "ix.1.4", "ix.2.5"]


def test_invalid_fo_is_a_one_line_fop_error(tmp_path: Path) -> None:
    fo = tmp_path / "bad.fo"
    fo.write_bytes(small_fo("text", **{"no-such-property": "1"}))
    with pytest.raises(FopError) as caught:
        run_fop(fo, tmp_path / "bad.pdf")
    assert "no-such-property" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.fo"]  # no partial PDF


def test_a_character_missing_from_the_fonts_fails_unless_allowed(tmp_path: Path) -> None:
    fo = tmp_path / "cjk.fo"
    fo.write_bytes(small_fo("Tokyo 東京"))
    with pytest.raises(FopError, match="not available in font"):
        run_fop(fo, tmp_path / "cjk.pdf")
    report = run_fop(fo, tmp_path / "cjk.pdf", allow_missing_glyphs=True)
    assert len(report.missing_glyphs) == 2
    assert (tmp_path / "cjk.pdf").read_bytes().startswith(b"%PDF")


def test_missing_fop_is_named_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_FOP", "/nonexistent/fop")
    with pytest.raises(ToolMissingError, match="apt-get install fop"):
        find_fop()
    with pytest.raises(ToolMissingError):
        render_pdf(SAMPLE_TEI, Path("never-written.pdf"))
    assert not Path("never-written.pdf").exists()


def test_render_pdf_without_fop_says_so_in_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "TEIKIT_FOP": str(tmp_path / "no-fop")}
    result = subprocess.run([sys.executable, "-m", "teikit", "render", "pdf", str(SAMPLE_TEI),
                             "-o", str(tmp_path / "book.pdf")],
                            capture_output=True, text=True, env=env, check=False)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Apache FOP not found" in lines[0] and "apt-get install fop" in lines[0]
    assert not list(tmp_path.iterdir())


def test_render_fo_command_and_page_size_choice(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "book.fo"
    result = runner.invoke(main, ["render", "fo", str(SAMPLE_TEI), "-o", str(out),
                                  "--page-size", "A4"])
    assert result.exit_code == 0, result.output
    assert 'page-width="210mm"' in out.read_text(encoding="utf-8")
    refused = runner.invoke(main, ["render", "fo", str(SAMPLE_TEI), "--page-size", "B5"])
    assert refused.exit_code != 0


def test_render_fo_command_on_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", "fo", str(tmp_path / "nothing.xml")])
    assert result.exit_code != 0
    assert "no such file" in result.output
