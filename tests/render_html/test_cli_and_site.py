"""`teikit render html`: one page, or a site with an index of the texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
from click.testing import CliRunner

from teikit.cli import main
from teikit.render.html import render_site
from tests.render_html.conftest import CORPUS, SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_render_html_writes_the_page_and_its_assets(tmp_path: Path):
    tei = tmp_path / "sample.xml"
    shutil.copy(SAMPLE, tei)
    code, out, _ = run("render", "html", str(tei))
    assert code == 0
    page = tmp_path / "sample.html"
    assert out.strip() == f"wrote {page}"
    assert lxml.html.fromstring(page.read_bytes()).xpath("//h1")
    for asset in ("edition.css", "print.css", "edition.js"):
        assert (tmp_path / "assets" / asset).is_file()


def test_render_html_to_a_chosen_file(tmp_path: Path):
    out = tmp_path / "out" / "page.html"
    out.parent.mkdir()
    code, _, _ = run("render", "html", str(SAMPLE), "-o", str(out))
    assert code == 0
    assert out.is_file() and (out.parent / "assets" / "edition.css").is_file()


def test_missing_file_is_one_line_error(tmp_path: Path):
    code, _, err = run("render", "html", str(tmp_path / "nope.xml"))
    assert code == 2
    assert err.strip().splitlines() == [f"teikit: error: {tmp_path / 'nope.xml'}: no such file "
                                        "(check the path)"]


def test_malformed_tei_is_one_line_error(tmp_path: Path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><text>", encoding="utf-8")
    code, _, err = run("render", "html", str(bad))
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "not well-formed XML" in err
    assert "Traceback" not in err


def test_xml_that_is_not_tei_is_one_line_error(tmp_path: Path):
    plain = tmp_path / "plain.xml"
    plain.write_text("<TEI><text><body><p>no namespace</p></body></text></TEI>",
                     encoding="utf-8")
    code, _, err = run("render", "html", str(plain))
    assert code == 2
    assert err.strip().splitlines() == [
        f"teikit: error: {plain}: not a TEI document (root element <TEI> in no namespace) "
        "(expected <TEI> or <teiCorpus> in http://www.tei-c.org/ns/1.0)"]
    assert not (tmp_path / "plain.html").exists()


def test_refuses_to_overwrite_its_input(tmp_path: Path):
    tei = tmp_path / "x.html"
    shutil.copy(SAMPLE, tei)
    code, _, err = run("render", "html", str(tei), "-o", str(tei))
    assert code == 2
    assert "refusing to overwrite the input" in err


def test_several_files_need_a_site(tmp_path: Path):
    code, _, err = run("render", "html", str(SAMPLE), str(CORPUS / "testNotes1.xml"))
    assert code != 0
    assert "--site" in err


def test_site_has_a_page_per_text_and_an_index(tmp_path: Path):
    site = tmp_path / "site"
    code, out, _ = run("render", "html", "--site", str(site), str(SAMPLE),
                       str(CORPUS / "testNotes1.xml"))
    assert code == 0
    assert out.splitlines()[-1] == f"wrote {site / 'index.html'}"
    index = lxml.html.fromstring((site / "index.html").read_bytes())
    entries = index.xpath("//li[@class='text-entry']")
    assert len(entries) == 2
    first = entries[0]
    assert first.xpath("string(.//p[@class='text-author'])") == "Victor Serge"
    link = first.xpath(".//p[@class='text-title']/a")[0]
    assert link.get("href") == "./sample-edition.html"
    assert link.text_content() == (
        "Year One of the Russian Revolution: II – The Counter-Revolutionary Socialists")
    assert " ".join(first.xpath("string(.//p[@class='text-source'])").split()) == (
        "Source: New International XIV, no. 4 (April 1948): 123–126")
    # the text's own date (written 1925–1928), not the date of the issue it was taken from
    assert " ".join(first.xpath("string(.//p[@class='text-date'])").split()) == (
        "Date: 1925–1928")
    page = lxml.html.fromstring((site / "sample-edition.html").read_bytes())
    assert page.xpath("//nav[@class='site-nav']/a/@href") == ["index.html"]
    assert (site / "assets" / "edition.js").is_file()


def test_site_refuses_two_texts_with_one_page_name(tmp_path: Path):
    twin = tmp_path / "twin"
    twin.mkdir()
    shutil.copy(SAMPLE, twin / "sample-edition.xml")
    code, _, err = run("render", "html", "--site", str(tmp_path / "site"), str(SAMPLE),
                       str(twin / "sample-edition.xml"))
    assert code == 2
    assert "sample-edition.html" in err


def test_render_site_returns_pages_then_index(tmp_path: Path):
    written = render_site([SAMPLE], tmp_path)
    assert [p.name for p in written] == ["sample-edition.html", "index.html"]
