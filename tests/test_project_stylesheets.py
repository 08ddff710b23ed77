"""A project's own stylesheet: it imports teikit's by a stable name and overrides one element.

The same two overrides in both outputs: a person's name is wrapped (teikit's rendering of the
name is kept inside it, by xsl:next-match), and a note is printed in the line in parentheses
instead of as a numbered note.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.config import load_config
from teikit.errors import InputError
from teikit.render.fo import fo_string
from teikit.render.html import html_string
from teikit.resources import xslt_path
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "tei" / "sample-edition.xml"
TEI = "http://www.tei-c.org/ns/1.0"
FO = "http://www.w3.org/1999/XSL/Format"

HTML_OVERRIDE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:import href="urn:teikit:xslt:html"/>
  <xsl:template match="tei:persName">
    <span class="project-person"><xsl:next-match/></span>
  </xsl:template>
  <xsl:template match="tei:note">
    <small class="project-note">(<xsl:apply-templates/>)</small>
  </xsl:template>
</xsl:stylesheet>
"""

FO_OVERRIDE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">
  <xsl:import href="urn:teikit:xslt:fo"/>
  <xsl:template match="tei:persName">
    <fo:inline font-variant="small-caps"><xsl:next-match/></fo:inline>
  </xsl:template>
  <xsl:template match="tei:note">
    <fo:inline font-size="80%">(<xsl:apply-templates/>)</fo:inline>
  </xsl:template>
</xsl:stylesheet>
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    (folder / "edition-html.xsl").write_text(HTML_OVERRIDE, encoding="utf-8")
    (folder / "edition-fo.xsl").write_text(FO_OVERRIDE, encoding="utf-8")
    return folder


def sample_names_and_notes() -> tuple[int, list[str]]:
    """How many persName the sample's text holds, and the words of its first note."""
    text = etree.parse(str(SAMPLE)).find(f"{{{TEI}}}text")
    assert text is not None
    names = text.findall(f".//{{{TEI}}}persName")
    note = text.find(f".//{{{TEI}}}note")
    assert names and note is not None
    return len(names), " ".join("".join(note.itertext()).split()).split()


def having(element: str, css_class: str) -> str:
    """XPath of an element with a class among its classes."""
    return f"{element}[contains(concat(' ', normalize-space(@class), ' '), ' {css_class} ')]"


def test_html_override_wraps_every_name_and_puts_notes_in_the_line(project: Path) -> None:
    count, note_words = sample_names_and_notes()
    page = lxml.html.fromstring(html_string(SAMPLE, stylesheet=project / "edition-html.xsl"))
    wrapped = page.xpath(f"//{having('span', 'project-person')}")
    assert len(wrapped) == count
    # teikit's own rendering of the name stands inside, e.g. the link to the register entry
    assert all(span.xpath(f"{having('*', 'ent')} | {having('*', 'name')}") for span in wrapped)
    assert page.xpath(f"//{having('span', 'project-person')}/{having('a', 'ent-person')}"
                      "[starts-with(@href, '#reg-')]")
    notes = page.xpath(f"//{having('small', 'project-note')}")
    assert notes and not page.xpath(f"//{having('a', 'noteref')}")
    assert " ".join(notes[0].text_content().split()).strip("()").split()[:3] == note_words[:3]
    # everything else is still teikit's page
    assert page.xpath(f"//{having('section', 'indices')}//{having('li', 'entry-person')}")


def test_teikits_own_html_has_neither_override(project: Path) -> None:
    page = lxml.html.fromstring(html_string(SAMPLE))
    assert not page.xpath(f"//{having('span', 'project-person')}")
    assert not page.xpath(f"//{having('small', 'project-note')}")
    assert page.xpath(f"//{having('a', 'noteref')}")


def test_fo_override_keeps_the_index_ids_inside_the_wrapped_names(project: Path) -> None:
    count, note_words = sample_names_and_notes()
    fo = etree.fromstring(fo_string(SAMPLE, stylesheet=project / "edition-fo.xsl").encode())
    ns = {"fo": FO}
    wrapped = fo.findall(".//fo:inline[@font-variant='small-caps']", ns)
    assert len(wrapped) == count
    # the index still finds its mentions: teikit's ids ix.K.N, now inside the project's inline
    cited = {c.get("ref-id") for c in fo.iterfind(".//fo:page-number-citation", ns)}
    cited_mentions = {i for i in cited if i.startswith("ix.")}
    in_wrapped = {e.get("id") for w in wrapped for e in w.iter() if e.get("id")}
    assert cited_mentions and cited_mentions <= {e.get("id") for e in fo.iter()}
    assert cited_mentions & in_wrapped
    # no numbered footnotes: the notes stand in the line in parentheses
    markers = [" ".join("".join(f[0].itertext()).split())
               for f in fo.iterfind(".//fo:footnote", ns)]
    assert not [m for m in markers if m.isdigit()]
    inline_notes = [" ".join("".join(i.itertext()).split())
                    for i in fo.iterfind(".//fo:inline[@font-size='80%']", ns)]
    assert any(n.startswith("(") and n.strip("()").split()[:3] == note_words[:3]
               for n in inline_notes)


def test_command_line_takes_the_stylesheet_for_html_and_fo(project: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    html = tmp_path / "page.html"
    result = runner.invoke(main, ["render", "html", str(SAMPLE), "-o", str(html),
                                  "--stylesheet", str(project / "edition-html.xsl")])
    assert result.exit_code == 0, result.output
    assert 'class="project-person"' in html.read_text(encoding="utf-8")
    fo = tmp_path / "book.fo"
    result = runner.invoke(main, ["render", "fo", str(SAMPLE), "-o", str(fo),
                                  "--stylesheet", str(project / "edition-fo.xsl")])
    assert result.exit_code == 0, result.output
    assert 'font-variant="small-caps"' in fo.read_text(encoding="utf-8")


def test_a_missing_or_broken_stylesheet_is_one_line_and_exit_2(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["render", "html", str(SAMPLE), "-o", str(tmp_path / "a.html"),
                                  "--stylesheet", str(tmp_path / "missing.xsl")])
    assert result.exit_code == 2
    assert "missing.xsl: no such stylesheet" in result.output
    broken = tmp_path / "broken.xsl"
    broken.write_text(HTML_OVERRIDE.replace("urn:teikit:xslt:html", "urn:teikit:xslt:nothing"),
                      encoding="utf-8")
    with pytest.raises(InputError, match="does not compile"):
        html_string(SAMPLE, stylesheet=broken)
    assert not (tmp_path / "a.html").exists()


def test_config_names_the_stylesheets_relative_to_itself(tmp_path: Path) -> None:
    config = tmp_path / "edition.toml"
    config.write_text('[edition]\n[render]\nhtml_stylesheet = "xsl/page.xsl"\n', encoding="utf-8")
    loaded = load_config(config)
    assert loaded.html_stylesheet == tmp_path / "xsl" / "page.xsl"
    assert loaded.fo_stylesheet is None
    config.write_text('[render]\nhtml_stylesheets = "x.xsl"\n', encoding="utf-8")
    with pytest.raises(InputError, match="no setting 'html_stylesheets'"):
        load_config(config)


def test_every_stable_name_of_the_catalog_is_a_stylesheet_of_teikits() -> None:
    catalog = etree.parse(str(xslt_path("catalog.xml")))
    entries = catalog.xpath("//c:uri", namespaces={
        "c": "urn:oasis:names:tc:entity:xmlns:xml:catalog"})
    names = {e.get("name"): e.get("uri") for e in entries}
    assert set(names) == {f"urn:teikit:xslt:{n}" for n in ("html", "fo", "site", "common")}
    for uri in names.values():
        stylesheet = etree.parse(str(xslt_path(uri))).getroot()
        assert stylesheet.tag == "{http://www.w3.org/1999/XSL/Transform}stylesheet", uri
