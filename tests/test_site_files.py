"""What a built site carries for archives and crawlers: TEI that validates where it is published
(its schemas beside it) and, when the edition says where it is published, a sitemap."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.fingerprint import Origin, origin
from teikit.render.sitemap import SITEMAP_NS, sitemap_xml
from teikit.validate import check_files
from tests.conftest import TRANSCRIPTIONS

BASE = "https://edition.example.org/letters/"
TEXTS = ("volkova-letter", "marchal-printers-strike")


def _edition(folder: Path, base_url: str) -> Path:
    (folder / "sources").mkdir()
    for name in TEXTS:
        shutil.copy(TRANSCRIPTIONS / f"{name}.txt", folder / "sources")
    config = folder / "edition.toml"
    config.write_text(f'[edition]\npublisher = "Test Press"\ndate = "2026-01-01"\n'
                      f'sources = "sources"\noutput = "."\nsite = "site"\n'
                      f'base_url = "{base_url}"\n', encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    config = _edition(tmp_path_factory.mktemp("published"), BASE)
    result = CliRunner().invoke(main, ["build", "--config", str(config), "--formats", "html"])
    assert result.exit_code == 0, result.output
    return config.parent / "site"


def test_the_sitemap_lists_every_page_and_download_under_the_base_url(site: Path) -> None:
    locs = [loc.text for loc in etree.parse(str(site / "sitemap.xml")).iter(f"{{{SITEMAP_NS}}}loc")]
    assert locs[0] == BASE + "index.html"
    for name in TEXTS:
        assert {BASE + f"{name}.html", BASE + f"{name}.xml", BASE + f"{name}.txt"} <= set(locs)
    pages = {p.name for p in site.glob("*.html")}
    assert {loc.removeprefix(BASE) for loc in locs if loc.endswith(".html")} == pages
    assert len(locs) == len(set(locs))


def test_the_sites_tei_validates_against_the_schemas_beside_it(site: Path) -> None:
    for name in TEXTS:
        tei = site / f"{name}.xml"
        before_root = reversed(list(etree.parse(str(tei)).getroot().itersiblings(preceding=True)))
        models = [pi.get("href") for pi in before_root if getattr(pi, "target", "") == "xml-model"]
        assert models == ["schema/edition.xsd", "schema/edition.sch"]
        assert all((site / href).is_file() for href in models)
        assert origin(tei) is Origin.GENERATED
        report = check_files([tei], [str(site / href) for href in models])
        assert report.exit_code == 0, [p.message for p in report.problems]


def test_without_a_base_url_there_is_no_sitemap(tmp_path: Path) -> None:
    config = _edition(tmp_path, "")
    result = CliRunner().invoke(main, ["build", "--config", str(config), "--formats", "html"])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "site" / "sitemap.xml").exists()
    assert (tmp_path / "site" / "schema" / "edition.xsd").is_file()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "edition.example.org", "ftp://x.org/",
                                 "https://exa mple.org/"])
def test_a_base_url_that_is_not_a_web_address_is_refused_before_any_work(
        tmp_path: Path, url: str) -> None:
    config = _edition(tmp_path, url)
    result = CliRunner().invoke(main, ["build", "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert "base_url" in result.output and "not a web address" in result.output
    assert not (tmp_path / "site").exists() and not list(tmp_path.glob("*.xml"))


def test_sitemap_paths_are_quoted_and_listed_once() -> None:
    root = etree.fromstring(sitemap_xml("https://x.org/ed", ["a b.html", "a b.html", "c.pdf"]))
    assert [loc.text for loc in root.iter(f"{{{SITEMAP_NS}}}loc")] == [
        "https://x.org/ed/a%20b.html", "https://x.org/ed/c.pdf"]
