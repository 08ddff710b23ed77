"""The build command: every source converted, validated, rendered."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.build import render_outputs
from teikit.cli import main
from teikit.config import load_config
from tests.conftest import REPO, TRANSCRIPTIONS


@pytest.fixture(scope="module")
def built_edition(tmp_path_factory) -> tuple[Path, str]:
    """A small edition folder (two transcriptions, their config) built once."""
    folder = tmp_path_factory.mktemp("edition")
    (folder / "sources").mkdir()
    for name in ("volkova-letter", "marchal-printers-strike"):
        shutil.copy(TRANSCRIPTIONS / f"{name}.txt", folder / "sources")
    (folder / "edition.toml").write_text(
        '[edition]\npublisher = "Test Press"\ndate = "2026-01-01"\nsources = "sources"\n'
        'output = "."\nsite = "site"\n\n[texts.volkova-letter]\neditor = "The bulletin editors"\n',
        encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(folder / "edition.toml")])
    return folder, result.output + f"\nexit={result.exit_code}"


def test_every_source_becomes_valid_tei(built_edition):
    folder, output = built_edition
    assert "exit=0" in output, output
    assert (folder / "volkova-letter.xml").is_file()
    assert (folder / "marchal-printers-strike.xml").is_file()
    assert ("2 texts checked against edition.xsd, edition.sch, tei_all: 2 valid, 0 invalid"
            in output)


def test_site_has_a_page_per_text_an_index_and_the_print_edition(built_edition):
    folder, _ = built_edition
    site = folder / "site"
    for name in ("volkova-letter", "marchal-printers-strike"):
        page = (site / f"{name}.html").read_text(encoding="utf-8")
        assert "<html" in page
        assert (site / f"{name}.fo").read_text(encoding="utf-8").startswith("<?xml")
        assert (site / f"{name}.pdf").read_bytes().startswith(b"%PDF")
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "Letter to the Metalworkers of Kharkov" in index
    assert "The Paris Printers’ Strike of 1906" in index
    assert (site / "assets").is_dir()


def test_each_page_links_its_tei_pdf_and_text_and_every_output_is_world_readable(built_edition):
    import lxml.html

    folder, _ = built_edition
    site = folder / "site"
    page = lxml.html.parse(str(site / "volkova-letter.html")).getroot()
    links = {a.text_content().strip(): a.get("href") for a in page.find_class("download")}
    assert links == {"TEI": "volkova-letter.xml", "PDF": "volkova-letter.pdf",
                     "Plain text": "volkova-letter.txt"}
    from teikit.fingerprint import digest
    from teikit.xmlio import parse_xml_file

    # the same document, its xml-model pointing into the site's schema/ folder
    tei, copy = (parse_xml_file(p) for p in (folder / "volkova-letter.xml",
                                              site / "volkova-letter.xml"))
    assert etree.tostring(copy.getroot()) == etree.tostring(tei.getroot())
    assert digest(copy) != digest(tei) and b'href="schema/edition.xsd"' in (
        site / "volkova-letter.xml").read_bytes()
    assert "Dear Comrades," in (site / "volkova-letter.txt").read_text(encoding="utf-8")
    published = [p for p in site.rglob("*") if p.is_file() and ".teikit-build" not in p.parts]
    assert [p.name for p in published if p.stat().st_mode & 0o777 != 0o644] == []


def test_under_a_private_umask_the_site_is_still_world_readable(tmp_path):
    """A user whose umask keeps new files to themselves (077) still gets a site a web server
    can read: every page, download, asset and search file 0644."""
    import os
    import subprocess
    import sys

    (tmp_path / "sources").mkdir()
    shutil.copy(TRANSCRIPTIONS / "volkova-letter.txt", tmp_path / "sources")
    (tmp_path / "edition.toml").write_text(
        '[edition]\npublisher = "Test Press"\ndate = "2026-01-01"\nsources = "sources"\n'
        'output = "."\nsite = "site"\n', encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "teikit", "build", "--config", str(tmp_path / "edition.toml"),
         "--formats", "html"], env={**os.environ, "PYTHONPATH": str(REPO / "src")},
        capture_output=True, text=True, timeout=600, preexec_fn=lambda: os.umask(0o077),
        check=False)
    assert completed.returncode == 0, completed.stderr
    site = tmp_path / "site"
    published = [p for p in site.rglob("*") if p.is_file() and ".teikit-build" not in p.parts]
    assert {"index.html", "volkova-letter.html", "pagefind.js", "edition.css"} <= {
        p.name for p in published}
    assert [p.relative_to(site).as_posix() for p in published
            if p.stat().st_mode & 0o777 != 0o644] == []


def test_without_fop_the_build_writes_the_fo_and_warns(built_edition, tmp_path, monkeypatch):
    folder, _ = built_edition
    monkeypatch.setenv("TEIKIT_FOP", str(tmp_path / "no-fop-here"))
    (folder / "edition.toml").write_text(
        (folder / "edition.toml").read_text(encoding="utf-8").replace(
            'site = "site"', 'site = "site-without-fop"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(folder / "edition.toml")])
    assert result.exit_code == 0, result.output
    site = folder / "site-without-fop"
    assert (site / "volkova-letter.fo").is_file()
    assert not (site / "volkova-letter.pdf").exists()
    assert "no PDF" in result.output and "apt-get install fop" in result.output


def test_build_without_sources_is_an_error(tmp_path: Path):
    (tmp_path / "edition.toml").write_text('[edition]\nsources = "nothing"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(tmp_path / "edition.toml")])
    assert result.exit_code == 2
    assert "no *.txt sources" in result.output


def test_repository_edition_config_names_existing_inputs():
    from teikit.config import load_config

    config = load_config(REPO / "tei" / "edition.toml")
    settings = config.settings_for("serge-year-one-2")
    assert settings.register_path is not None and settings.register_path.is_file()
    assert sorted(config.sources_dir.glob("*.txt"))


def _rebuild(folder: Path, site: str, *arguments: str, formats_key: str = "") -> tuple[Path, str]:
    config = folder / "edition.toml"
    text = config.read_text(encoding="utf-8")
    text = re.sub(r'site = "[^"]*"', f'site = "{site}"{formats_key}', text, count=1)
    copy = folder / f"{site}.toml"
    copy.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(copy), *arguments])
    assert result.exit_code == 0, result.output
    return folder / site, result.output


def test_formats_choose_the_outputs(built_edition):
    folder, _ = built_edition
    site, output = _rebuild(folder, "site-html", "--formats", "html")
    assert (site / "volkova-letter.html").is_file() and (site / "index.html").is_file()
    assert not list(site.glob("*.fo")) and not list(site.glob("*.pdf"))
    assert "2 valid, 0 invalid" in output  # still converted and validated
    site, _ = _rebuild(folder, "site-fo", "--formats", "fo")
    assert (site / "volkova-letter.fo").is_file()
    assert not list(site.glob("*.html")) and not list(site.glob("*.pdf"))


def test_the_config_names_the_formats_and_the_option_wins(built_edition):
    folder, _ = built_edition
    site, _ = _rebuild(folder, "site-config", formats_key='\nformats = ["fo"]')
    assert list(site.glob("*.fo")) and not list(site.glob("*.html"))
    site, _ = _rebuild(folder, "site-option", "--formats", "html",
                       formats_key='\nformats = ["fo"]')
    assert list(site.glob("*.html")) and not list(site.glob("*.fo"))


def test_an_unknown_format_is_refused_with_the_choices(built_edition):
    folder, _ = built_edition
    result = CliRunner().invoke(main, ["build", "--config", str(folder / "edition.toml"),
                                       "--formats", "html,epub"])
    assert result.exit_code == 2
    assert "epub" in result.output and "html, fo, pdf" in result.output


def test_the_configs_project_stylesheets_render_the_site_and_the_print_edition(
        built_edition, tmp_path, monkeypatch):
    folder, _ = built_edition
    monkeypatch.setenv("TEIKIT_FOP", str(tmp_path / "no-fop-here"))  # the FO is enough here
    (folder / "project").mkdir(exist_ok=True)
    (folder / "project" / "page.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
        ' xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">'
        '<xsl:import href="urn:teikit:xslt:html"/>'
        '<xsl:template match="tei:body"><div class="project-body"><xsl:next-match/></div>'
        '</xsl:template></xsl:stylesheet>', encoding="utf-8")
    (folder / "project" / "book.xsl").write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
        ' xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:tei="http://www.tei-c.org/ns/1.0"'
        ' exclude-result-prefixes="#all"><xsl:import href="urn:teikit:xslt:fo"/>'
        '<xsl:template match="tei:body"><fo:block font-variant="small-caps"><xsl:next-match/>'
        '</fo:block></xsl:template></xsl:stylesheet>', encoding="utf-8")
    config = folder / "project.toml"
    config.write_text(
        '[edition]\npublisher = "Test Press"\ndate = "2026-01-01"\nsources = "sources"\n'
        'output = "."\nsite = "site-project"\n\n'
        '[render]\nhtml_stylesheet = "project/page.xsl"\nfo_stylesheet = "project/book.xsl"\n',
        encoding="utf-8")
    # what build_edition does after validating, without converting and validating again
    loaded = load_config(config)
    texts = [folder / "volkova-letter.xml", folder / "marchal-printers-strike.xml"]
    lines = list(render_outputs(texts, loaded.site_dir, loaded.page_size, lambda _: None,
                                html_stylesheet=loaded.html_stylesheet,
                                fo_stylesheet=loaded.fo_stylesheet))
    assert any("index.html" in line for line in lines)
    site = folder / "site-project"
    for name in ("volkova-letter", "marchal-printers-strike"):
        assert 'class="project-body"' in (site / f"{name}.html").read_text(encoding="utf-8")
        assert 'font-variant="small-caps"' in (site / f"{name}.fo").read_text(encoding="utf-8")
    assert 'project-body' not in (folder / "site" / "volkova-letter.html").read_text(
        encoding="utf-8")


def test_tei_all_is_compiled_only_when_a_text_may_come_out_new(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A --force build of unchanged inputs gets TEI jing has seen valid: nothing to compile in
    the JVM. An edited source may come out otherwise: tei_all is compiled ahead again. Either
    way the build leaves the interpreter's thread switching as it found it."""
    import sys

    from teikit.build import build_edition
    from teikit.validate import jvm_jing

    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "edition"
    (folder / "sources").mkdir(parents=True)
    source = folder / "sources" / "volkova-letter.txt"
    shutil.copy(TRANSCRIPTIONS / source.name, source)
    config = folder / "edition.toml"
    config.write_text('[edition]\npublisher = "Test Press"\ndate = "2026-01-01"\n'
                      'sources = "sources"\noutput = "."\nsite = "site"\n', encoding="utf-8")
    compiled: list[Path] = []
    prepare = jvm_jing.prepare
    monkeypatch.setattr(jvm_jing, "prepare", lambda schema: (compiled.append(schema),
                                                             prepare(schema))[1])
    switching = sys.getswitchinterval()

    def build(force: bool) -> None:
        report = build_edition(config, force=force, jobs=1, formats=("html",))
        assert report.exit_code == 0, report.failures
        assert sys.getswitchinterval() == switching

    build(force=False)
    if not jvm_jing.available():
        pytest.skip("no JVM with jing: tei_all is checked by the command")
    assert len(compiled) == 1
    build(force=True)
    assert len(compiled) == 1
    source.write_text(source.read_text(encoding="utf-8") + "\nA line added.\n",
                      encoding="utf-8")
    build(force=False)
    assert len(compiled) == 2


def test_the_build_makes_the_folders_it_writes_into(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    shutil.copy(TRANSCRIPTIONS / "volkova-letter.txt", tmp_path / "sources")
    (tmp_path / "edition.toml").write_text(
        '[edition]\nsources = "sources"\noutput = "tei"\nsite = "site"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(tmp_path / "edition.toml"),
                                       "--formats", "html"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "tei" / "volkova-letter.xml").is_file()
    assert (tmp_path / "site" / "volkova-letter.html").is_file()


def test_transcriptions_in_tei_sources_build_without_a_config(tmp_path: Path, monkeypatch):
    (tmp_path / "tei" / "sources").mkdir(parents=True)
    shutil.copy(TRANSCRIPTIONS / "volkova-letter.txt", tmp_path / "tei" / "sources")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "--formats", "html"])
    assert result.exit_code == 0, result.output
    assert "no tei/edition.toml: the edition is built with the defaults" in result.output
    assert (tmp_path / "tei" / "volkova-letter.xml").is_file()
    assert (tmp_path / "site" / "volkova-letter.html").is_file()
    # a config named but missing, or beside another config, is still an error
    for missing in ("tei/editon.toml", "elsewhere/edition.toml"):
        result = CliRunner().invoke(main, ["build", "--config", missing])
        assert result.exit_code == 2 and "config file not found" in result.output
    (tmp_path / "tei" / "other.toml").write_text("[edition]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2 and "config file not found" in result.output


def test_a_register_suggested_from_the_texts_builds_the_registers_of_the_edition(tmp_path: Path):
    (tmp_path / "sources").mkdir()
    for name in ("volkova-letter", "marchal-printers-strike"):
        shutil.copy(TRANSCRIPTIONS / f"{name}.txt", tmp_path / "sources")
    config = tmp_path / "edition.toml"
    config.write_text('[edition]\nsources = "sources"\noutput = "tei"\nsite = "site"\n',
                      encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["build", "--config", str(config), "--formats", "html"])
    assert first.exit_code == 0, first.output
    assert "no register" in first.output and not (tmp_path / "site" / "persons.html").exists()
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "indices of the persons" not in index      # the contents promise no registers
    suggested = runner.invoke(main, ["entities", "suggest", *map(str, sorted(
        (tmp_path / "sources").glob("*.txt"))), "-o", str(tmp_path / "register.xml")])
    assert suggested.exit_code == 0, suggested.output
    config.write_text('[edition]\nsources = "sources"\noutput = "tei"\nsite = "site"\n'
                      'register = "register.xml"\n', encoding="utf-8")
    second = runner.invoke(main, ["build", "--config", str(config), "--formats", "html"])
    assert second.exit_code == 0, second.output
    assert (tmp_path / "site" / "persons.html").is_file()
    assert "indices of the persons" in (tmp_path / "site" / "index.html").read_text(
        encoding="utf-8")
    unreviewed = etree.parse(str(tmp_path / "tei" / "volkova-letter.xml")).xpath(
        "//*[local-name() = 'person'][@resp = '#teikit']")
    assert unreviewed


def one_letter_edition(folder: Path) -> tuple[Path, Path]:
    """An edition of one text (a letter) in ``folder``: its source and its config."""
    (folder / "sources").mkdir()
    source = folder / "sources" / "volkova-letter.txt"
    shutil.copy(TRANSCRIPTIONS / "volkova-letter.txt", source)
    config = folder / "edition.toml"
    config.write_text('[edition]\nsources = "sources"\noutput = "."\nsite = "site"\n',
                      encoding="utf-8")
    return source, config


def test_a_pdf_laid_out_ahead_is_written_only_with_the_tei_it_was_made_from(tmp_path: Path):
    """In one process the PDF is laid out as soon as the TEI is converted and checked, before
    the TEI is published; when the TEI on disk was edited by hand and is kept, the text is not
    rendered again and its PDF stays the one of the kept TEI."""
    from teikit.build import build_edition

    source, config = one_letter_edition(tmp_path)
    first = build_edition(config, jobs=1)
    pdf = tmp_path / "site" / "volkova-letter.pdf"
    assert first.exit_code == 0 and first.rendered == ["volkova-letter"]
    printed = pdf.read_bytes()
    assert printed.startswith(b"%PDF")
    tei = tmp_path / "volkova-letter.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("</body>", "<p>By hand.</p></body>"),
                   encoding="utf-8")
    source.write_text(source.read_text(encoding="utf-8") + "\nA new last line.\n",
                      encoding="utf-8")
    again = build_edition(config, jobs=1)
    assert "By hand." in tei.read_text(encoding="utf-8") and again.rendered == []
    assert pdf.read_bytes() == printed


def test_a_tei_as_the_last_build_wrote_it_is_replaced_without_reading_its_fingerprint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build state's hash of the TEI it wrote answers "may it be replaced?" for a file left
    as it was; a file changed since (edited by hand) still has its fingerprint read, and is
    kept."""
    from teikit import fingerprint
    from teikit.build import build_edition

    source, config = one_letter_edition(tmp_path)
    read: list[Path] = []
    origin = fingerprint.origin
    monkeypatch.setattr(fingerprint, "origin", lambda path: (read.append(path), origin(path))[1])

    def build_with_a_new_line(line: str, *, force: bool = False) -> list[str]:
        source.write_text(source.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
        return build_edition(config, jobs=1, formats=("html",), force=force).converted

    assert build_with_a_new_line("A first new line.") == ["volkova-letter"]
    assert build_with_a_new_line("A second new line.") == ["volkova-letter"]
    assert build_with_a_new_line("A third new line.", force=True) == ["volkova-letter"]
    assert read == [tmp_path / "volkova-letter.xml"]   # the first build's: no state yet
    tei = tmp_path / "volkova-letter.xml"
    tei.write_text(tei.read_text(encoding="utf-8").replace("</body>", "<p>By hand.</p></body>"),
                   encoding="utf-8")
    assert build_with_a_new_line("A fourth new line.") == []
    assert len(read) == 2 and "By hand." in tei.read_text(encoding="utf-8")
