"""An edition of several texts: built once, rebuilt only where something changed, a broken
text reported while the others are built, and edition-wide pages that link into the texts."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from teikit.build import build_edition
from teikit.cli import main
from teikit.config import load_config
from tests.conftest import EDITION_TEXTS
from tests.render_html.conftest import html_text, missing_words, tei_words


def site_of(config: Path) -> Path:
    return load_config(config).site_dir


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (the site and the TEI) with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def page_text(page: Path) -> str:
    return " ".join(lxml.html.parse(str(page)).getroot().text_content().split())


@pytest.fixture
def edition_copy(built_test_edition, tmp_path: Path) -> Path:
    """A copy of the built test edition (sources, TEI, site and build state) to change."""
    config, report = built_test_edition
    assert report.failures == []
    target = tmp_path / "edition"
    shutil.copytree(config.parent, target)
    return target / "edition.toml"


def test_every_text_of_the_edition_is_built(built_test_edition):
    config, report = built_test_edition
    assert report.failures == [], report.failures
    assert sorted(report.texts) == sorted(EDITION_TEXTS)
    assert sorted(report.converted) == sorted(EDITION_TEXTS)
    site = site_of(config)
    for name in EDITION_TEXTS:
        for suffix in (".html", ".xml", ".txt"):
            assert (site / f"{name}{suffix}").is_file()
    for page in ("index.html", "persons.html", "places.html", "organisations.html",
                 "chronology.html", "search.html", "pagefind/pagefind.js"):
        assert (site / page).is_file(), page


def test_texts_follow_their_own_dates_and_the_index_shows_them(built_test_edition):
    config, report = built_test_edition
    # Serge wrote in 1925–1928 (the New International printed it in 1948): his own date counts
    assert report.texts == ["marchal-printers-strike", "orlov-petrograd-notes",
                            "volkova-letter", "berg-kharkov-report", "serge-year-one-2"]
    index = lxml.html.parse(str(site_of(config) / "index.html")).getroot()
    seed = index.get_element_by_id("text-serge-year-one-2")
    assert seed.find_class("text-date")[0].text_content() == "Date: 1925–1928"
    titles = [li.find_class("text-title")[0].text_content()
              for li in index.find_class("text-entry")]
    assert titles[1] == "Notes from Petrograd"


def test_reading_pages_keep_every_word_of_their_tei(built_test_edition):
    config, _ = built_test_edition
    site = site_of(config)
    for name in EDITION_TEXTS:
        page = lxml.html.parse(str(site / f"{name}.html")).getroot()
        words = tei_words(config.parent / f"{name}.xml", "text")
        assert missing_words(words, html_text(page.xpath("//body")[0])) == {}, name


def test_register_page_links_each_mention_to_its_paragraph(built_test_edition):
    config, _ = built_test_edition
    site = site_of(config)
    persons = lxml.html.parse(str(site / "persons.html")).getroot()
    lenin = persons.get_element_by_id("lenin")
    texts = lenin.find_class("reg-text")
    assert len(texts) == 2
    assert "2 texts" in lenin.find_class("reg-count")[0].text_content()
    for link in lenin.xpath(".//a[@class='mention-link']"):
        page, anchor = link.get("href").split("#")
        target = lxml.html.parse(str(site / page)).getroot().get_element_by_id(anchor)
        paragraph = target.xpath("ancestor::*[a[@class='para-num']][1]")[0]
        number = paragraph.xpath("a[@class='para-num']")[0].text
        assert link.text_content() == f"¶ {number}"


def test_a_rebuild_with_nothing_changed_converts_and_renders_nothing(edition_copy: Path):
    before = snapshot(edition_copy.parent)
    report = build_edition(edition_copy, jobs=2, formats=("html",))
    assert (report.converted, report.rendered, report.edition_pages) == ([], [], [])
    assert report.failures == []
    assert snapshot(edition_copy.parent) == before


def test_touching_one_source_rebuilds_that_text_and_the_edition_pages(edition_copy: Path):
    folder = edition_copy.parent
    before = snapshot(folder)
    source = folder / "sources" / "berg-kharkov-report.txt"
    source.write_text(source.read_text(encoding="utf-8")
                      + "\nThe delegates left for Kharkov by the night train.\n", encoding="utf-8")
    report = build_edition(edition_copy, jobs=2, formats=("html",))
    assert report.converted == ["berg-kharkov-report"]
    assert report.rendered == ["berg-kharkov-report"]
    after = snapshot(folder)
    changed = {path for path in after if before.get(path) != after[path]}
    changed |= set(before) - set(after)
    edition_wide = {"site/index.html", "site/persons.html", "site/places.html",
                    "site/organisations.html", "site/titles.html", "site/events.html",
                    "site/chronology.html", "site/search.html", "site/edition-mentions.js"}
    own = {"sources/berg-kharkov-report.txt", "berg-kharkov-report.xml",
           "site/berg-kharkov-report.html", "site/berg-kharkov-report.xml",
           "site/berg-kharkov-report.txt"}
    unexpected = {path for path in changed - own - edition_wide
                  if not path.startswith(("site/pagefind/", "site/.teikit-build/"))}
    assert unexpected == set()
    assert {"site/berg-kharkov-report.html", "berg-kharkov-report.xml"} <= changed
    assert "by the night train" in page_text(folder / "site" / "berg-kharkov-report.html")


def test_a_broken_source_is_reported_and_the_others_are_built(edition_copy: Path, tmp_path: Path,
                                                                monkeypatch):
    monkeypatch.setenv("TEIKIT_FOP", str(tmp_path / "no-fop"))  # the FO without FOP: quicker
    folder = edition_copy.parent
    (folder / "sources" / "broken.txt").write_bytes(b"\x00\x01\x02 not a transcription \xff\x00")
    volkova = folder / "sources" / "volkova-letter.txt"
    volkova.write_text(volkova.read_text(encoding="utf-8") + "\nP.S. Greetings to Petrenko.\n",
                       encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--config", str(edition_copy), "--jobs", "2"])
    assert result.exit_code == 1, result.output
    assert "broken: convert failed:" in result.output
    assert "5 of 6 texts built, 1 converted" in result.output
    assert "Greetings to Petrenko" in page_text(folder / "site" / "volkova-letter.html")
    assert not (folder / "site" / "broken.html").exists()
    # the failure is not remembered as built: the next build tries it again
    again = build_edition(edition_copy, jobs=1)  # the formats of the run above: html and pdf
    assert [f.name for f in again.failures] == ["broken"]
    assert again.converted == again.rendered == []


def test_force_rebuilds_everything(edition_copy: Path):
    report = build_edition(edition_copy, jobs=2, formats=("html",), force=True)
    assert sorted(report.converted) == sorted(report.rendered) == sorted(EDITION_TEXTS)
    assert report.edition_pages


def test_search_pages_are_paragraphs_with_their_place_as_filters(built_test_edition):
    from teikit.buildstate import BuildState

    config, _ = built_test_edition
    state = BuildState.load(site_of(config))
    pages = sorted(state.search_folder("orlov-petrograd-notes").glob("*.html"))
    # named after the paragraphs' stable ids, the anchors of the reading page
    assert [p.name for p in pages] == ["p-1.1.html", "p-1.2.html", "p-1.3.html"]
    first = lxml.html.parse(str(pages[0])).getroot()
    filters = [(e.get("data-pagefind-filter"), e.text_content())
               for e in first.xpath("//*[@data-pagefind-filter]")]
    assert filters == [("href", "orlov-petrograd-notes.html#p-1.1"),
                       ("text", "Notes from Petrograd"), ("section", "Petrograd, October 27"),
                       ("paragraph", "1.1"), ("names", "organisations"), ("names", "persons")]
    searched = first.xpath("//*[@data-pagefind-body]")[0].text_content().strip()
    assert searched.startswith("The city is quiet this morning.")
    assert "Kerensky has left the capital" in searched


def changed_files(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {p for p in after if before.get(p) != after[p]} | (set(before) - set(after))


def test_a_changed_corrections_file_rebuilds_only_its_text(edition_copy: Path):
    folder = edition_copy.parent
    page = folder / "site" / "orlov-petrograd-notes.html"
    assert "Kerensky" in _names_on(page)
    before = snapshot(folder)
    (folder / "corrections").mkdir()
    (folder / "corrections" / "orlov-petrograd-notes.toml").write_text(
        '[editor]\nid = "jd"\nname = "Jane Doe"\n\n[[correction]]\naction = "untag"\n'
        'paragraph = "p-1.1"\ntext = "Kerensky"\nelement = "persName"\n', encoding="utf-8")
    report = build_edition(edition_copy, jobs=2, formats=("html",))
    assert report.failures == []
    assert report.converted == report.rendered == ["orlov-petrograd-notes"]
    assert "Kerensky" not in _names_on(page)
    changed = {p for p in changed_files(before, snapshot(folder))
               if not p.startswith(("site/pagefind/", "site/.teikit-build/"))}
    others = {p for p in changed if "orlov-petrograd-notes" not in p
              and not p.startswith("corrections/")}
    assert others <= {"site/index.html", "site/persons.html", "site/places.html",
                      "site/organisations.html", "site/chronology.html", "site/search.html",
                      "site/edition-mentions.js"}, others
    assert {"orlov-petrograd-notes.xml", "site/orlov-petrograd-notes.html"} <= changed


def _names_on(page: Path) -> set[str]:
    """The words of the names marked up on a reading page (their popover triggers)."""
    root = lxml.html.parse(str(page)).getroot()
    return {" ".join(e.text_content().split()) for e in root.xpath("//a[@data-entry]")}


def test_a_hand_edited_tei_is_kept_with_its_pages_and_the_others_are_built(edition_copy: Path):
    folder = edition_copy.parent
    tei = folder / "volkova-letter.xml"
    edited = tei.read_text(encoding="utf-8").replace("</body>", "</body>\n", 1)
    tei.write_text(edited, encoding="utf-8")
    source = folder / "sources" / "berg-kharkov-report.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nA last line.\n", encoding="utf-8")
    before = snapshot(folder / "site")
    result = CliRunner().invoke(main, ["build", "--config", str(edition_copy), "-j", "2"])
    assert result.exit_code == 1, result.output
    assert f"kept {tei}: {tei}: edited since teikit wrote it" in result.output
    assert "teikit: error: 1 TEI file not rebuilt" in result.output
    assert tei.read_text(encoding="utf-8") == edited
    after = snapshot(folder / "site")
    assert [p for p in changed_files(before, after) if "volkova-letter" in p] == []
    assert before["berg-kharkov-report.html"] != after["berg-kharkov-report.html"]
    # --force rebuilds it, keeping the edited file as a backup
    result = CliRunner().invoke(main, ["build", "--config", str(edition_copy), "--force"])
    assert result.exit_code == 0, result.output
    assert (folder / "volkova-letter.xml.bak").read_text(encoding="utf-8") == edited
    assert f"kept the replaced file as {folder / 'volkova-letter.xml.bak'}" in result.output
