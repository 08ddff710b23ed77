"""The edition of several texts in a real browser: registers that land on paragraphs, search,
previous/next, downloads, accessibility of the edition-wide pages.

The site is served on 127.0.0.1 by :mod:`teikit.serve` (Pagefind loads its index with fetch(),
which pages from file:// may not do). Every step waits for a state, never for a time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

from teikit.config import load_config
from teikit.serve import serving
from tests.conftest import REPO

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TIMEOUT_MS = 20_000  # a loaded two-core machine


@pytest.fixture(scope="module")
def site_url(built_test_edition) -> Iterator[str]:
    config, report = built_test_edition
    assert report.failures == []
    with serving(load_config(config).site_dir) as url:
        yield url


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.errors = errors
    yield page
    context.close()


def paragraph_number_of(tab: Any) -> str:
    """The number of the paragraph that holds the element the URL's fragment names."""
    return tab.evaluate("""() => {
        const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        let block = target;
        while (block && !(block.querySelector && block.querySelector(':scope > a.para-num'))) {
            block = block.parentElement;
        }
        return block ? block.querySelector(':scope > a.para-num').textContent : null;
    }""")


def test_persons_page_links_land_on_the_paragraphs_of_both_texts(tab: Any, site_url: str):
    tab.goto(site_url + "persons.html")
    entry = tab.locator("li#lenin")
    texts = entry.locator("li.reg-text")
    assert texts.count() == 2
    assert re.fullmatch(r"\d+ mentions in 2 texts", entry.locator(".reg-count").inner_text())
    for i in range(texts.count()):
        tab.goto(site_url + "persons.html")
        link = tab.locator("li#lenin li.reg-text").nth(i).locator("a.mention-link").first
        label = link.inner_text()
        href = link.get_attribute("href")
        link.click()
        tab.wait_for_url(re.compile(re.escape(href.split("#")[0]) + "#"))
        tab.wait_for_load_state("load")
        assert f"¶ {paragraph_number_of(tab)}" == label
        assert "Lenin" in tab.evaluate(
            "() => document.getElementById(location.hash.slice(1)).textContent")
    assert tab.errors == []


def test_a_name_on_a_reading_page_links_to_the_edition_register(tab: Any, site_url: str):
    tab.goto(site_url + "orlov-petrograd-notes.html")
    tab.wait_for_function("window.teikitMentions !== undefined")
    tab.locator("main a.ent[data-entry='lenin']").first.click()
    popover = tab.locator("#register-popover")
    popover.wait_for(state="visible")
    persons = tab.request.get(site_url + "persons.html").text()
    in_register = re.search(r'id="lenin".*?class="reg-count">(\d+) mentions in 2 texts', persons,
                            re.S)
    assert in_register, "the register counts Lenin's mentions"
    link = popover.locator("a.reg-edition")
    assert link.inner_text() == f"all {in_register.group(1)} mentions in 2 texts"
    link.click()
    tab.wait_for_url(re.compile(r"persons\.html#lenin$"))
    assert tab.locator("li#lenin li.reg-text").count() == 2


def search(tab: Any, site_url: str, words: str) -> list[dict[str, str]]:
    results = tab.locator("#search-results")
    tab.wait_for_function("document.getElementById('search-status').textContent"
                          ".includes('Type a word')")
    tab.fill("#search-input", words)
    tab.evaluate("() => { document.getElementById('search-results').dataset.state = ''; }")
    tab.click("form.search-form button[type=submit]")
    tab.wait_for_function("document.getElementById('search-results').dataset.state === 'done'")
    return results.evaluate("""list => Array.from(list.children).map(li => ({
        href: li.querySelector('a').getAttribute('href'),
        text: li.querySelector('.search-text').textContent,
        snippet: li.querySelector('.search-snippet').textContent}))""")


def test_search_finds_a_word_in_two_texts_and_a_filter_narrows_to_one(tab: Any, site_url: str):
    tab.goto(site_url + "search.html")
    found = search(tab, site_url, "Kerensky")
    pages = {r["href"].split("#")[0] for r in found}
    assert {"orlov-petrograd-notes.html", "berg-kharkov-report.html"} <= pages
    # each result links to its paragraph by the paragraph's stable id (section.position)
    assert all(re.search(r"#p-\d+\.\d+$", r["href"]) for r in found), found
    assert all("kerensky" in r["snippet"].lower() for r in found), found
    tab.select_option("#filter-text", "Notes from Petrograd")
    tab.evaluate("() => { document.getElementById('search-results').dataset.state = ''; }")
    tab.click("form.search-form button[type=submit]")
    tab.wait_for_function("document.getElementById('search-results').dataset.state === 'done'")
    narrowed = tab.locator("#search-results a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert narrowed and all(h.startswith("orlov-petrograd-notes.html#p-") for h in narrowed)
    tab.locator("#search-results a").first.click()
    tab.wait_for_url(re.compile(r"orlov-petrograd-notes\.html#p-\d+\.\d+$"))
    anchor = tab.url.split("#")[1]
    assert "Kerensky" in tab.locator(f"[id='{anchor}']").inner_text()
    assert tab.errors == []


def test_previous_next_and_downloads(tab: Any, site_url: str):
    tab.goto(site_url + "orlov-petrograd-notes.html")
    tab.locator("nav.edition-nav-start a.nav-next").click()
    tab.wait_for_url(re.compile(r"volkova-letter\.html$"))
    assert tab.locator("h1").first.inner_text().startswith("Letter to the Metalworkers")
    tab.locator("nav.edition-nav-start a.nav-prev").click()
    tab.wait_for_url(re.compile(r"orlov-petrograd-notes\.html$"))
    for link in tab.locator("a.download").all():
        response = tab.request.get(site_url + link.get_attribute("href"))
        assert response.status == 200
        body = response.text()
        if link.get_attribute("href").endswith(".xml"):
            assert body.startswith("<?xml") and "Notes from Petrograd" in body
        else:
            assert "The city is quiet this morning." in body


@pytest.mark.parametrize("page", ["index.html", "persons.html", "places.html",
                                  "organisations.html", "chronology.html",
                                  "search.html?q=Kerensky",
                                  "orlov-petrograd-notes.html"])
def test_no_serious_accessibility_violations_on_the_edition_pages(tab: Any, site_url: str,
                                                                  page: str):
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is not installed: `make test` runs npm install")
        pytest.skip("axe-core is not installed: run npm install")
    tab.goto(site_url + page)
    tab.wait_for_load_state("load")
    if page.startswith("search"):
        tab.wait_for_function(
            "document.getElementById('search-results').dataset.state === 'done'")
    tab.add_script_tag(path=str(AXE))
    results = tab.evaluate("async () => await axe.run(document)")
    serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
