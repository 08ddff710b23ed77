"""The reading edition in a real browser (Debian's Chromium driven by Playwright).

Pages are opened from file:// URLs; nothing is fetched from the network. Screenshots go to
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from teikit.render.html import render_html
from tests.conftest import REPO
from tests.render_html.conftest import (
    CORPUS_FILES,
    SAMPLE,
    missing_words,
    seed_or_skip,
    tei_words,
)

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (390, 1280)


class Page:
    """A browser tab on one page, collecting console errors and uncaught exceptions."""

    def __init__(self, browser: Any, path: Path, width: int = 1280, javascript: bool = True):
        self.context = browser.new_context(viewport={"width": width, "height": 900},
                                           java_script_enabled=javascript)
        self.errors: list[str] = []
        self.tab = self.context.new_page()
        # a bound, not a wait: every step waits for a state, and a loaded 2-core machine may take
        # many seconds to lay out and paint a long page
        self.tab.set_default_timeout(60_000)
        self.tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.tab.on("pageerror", lambda e: self.errors.append(str(e)))
        self.tab.goto(path.as_uri())
        self.tab.wait_for_load_state("load")

    def hash(self) -> str:
        return self.tab.evaluate("location.hash")

    def in_viewport(self, selector: str) -> bool:
        return self.tab.evaluate(
            """(sel) => { const r = document.querySelector(sel).getBoundingClientRect();
                          return r.bottom > 0 && r.top < window.innerHeight; }""", selector)

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def sample_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(SAMPLE, tmp_path_factory.mktemp("browser") / "sample-edition.html")


@pytest.fixture(scope="module")
def seed_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return render_html(seed_or_skip(), tmp_path_factory.mktemp("browser-seed") / "seed.html")


@pytest.fixture
def page(browser: Any, sample_html: Path) -> Iterator[Page]:
    opened = Page(browser, sample_html)
    yield opened
    opened.close()


def test_no_console_errors(page: Page):
    page.tab.click("a.ent[data-entry='lenin']")
    page.tab.keyboard.press("Escape")
    assert page.errors == []


def test_seed_page_has_no_console_errors(browser: Any, seed_html: Path):
    opened = Page(browser, seed_html)
    try:
        assert opened.errors == []
    finally:
        opened.close()


def test_note_reference_jumps_to_the_note_and_back(page: Page):
    page.tab.click("#noteref-3")
    assert page.hash() == "#note-3"
    assert page.in_viewport("#note-3")
    page.tab.click("#note-3 .note-back")
    assert page.hash() == "#noteref-3"
    assert page.in_viewport("#noteref-3")


def test_entity_popover_opens_on_click_with_register_data(page: Page):
    page.tab.click("#m-lenin-1")
    popover = page.tab.locator("#register-popover")
    assert popover.is_visible()
    text = popover.inner_text()
    assert "Lenin" in text
    assert "(1870–1924)" in text
    assert "Vladimir Ilyich Ulyanov" in text
    assert "Leader of the Bolshevik Party" in text
    assert popover.locator("a[href='https://www.wikidata.org/wiki/Q1394']").count() == 1
    mentions = popover.locator("a[href='#reg-lenin']")
    assert mentions.inner_text() == "2 mentions in this text"
    assert page.tab.get_attribute("#m-lenin-1", "aria-haspopup") == "dialog"
    assert page.tab.get_attribute("#m-lenin-1", "aria-expanded") == "true"
    assert page.hash() == "", "the click opened the popover instead of following the link"
    mentions.click()
    assert page.hash() == "#reg-lenin"
    assert page.tab.locator("#register-popover").count() == 0


def test_entity_popover_opens_by_keyboard_and_closes_with_escape(page: Page):
    for _ in range(60):
        page.tab.keyboard.press("Tab")
        if page.tab.evaluate("document.activeElement.matches('a.ent[data-entry]')"):
            break
    else:
        pytest.fail("no name reachable with Tab")
    name = page.tab.evaluate("document.activeElement.id")
    page.tab.keyboard.press("Enter")
    popover = page.tab.locator("#register-popover")
    assert popover.is_visible()
    assert "Victor Serge" in popover.inner_text()
    assert "mentions in this text" in popover.inner_text()
    assert page.tab.evaluate("document.activeElement.id") == "register-popover"
    page.tab.keyboard.press("Escape")
    assert popover.count() == 0
    assert page.tab.evaluate("document.activeElement.id") == name


def test_tabbing_through_a_popover_returns_to_the_text(page: Page):
    page.tab.focus("#m-lenin-1")
    page.tab.keyboard.press("Enter")
    links = page.tab.locator("#register-popover a[href], #register-popover button").count()
    for _ in range(links + 1):
        page.tab.keyboard.press("Tab")
    assert page.tab.locator("#register-popover").count() == 0
    assert page.tab.evaluate("document.activeElement.id") == "m-lenin-1"
    page.tab.keyboard.press("Tab")
    assert page.tab.evaluate("document.activeElement.id") != "m-lenin-1"


def test_index_entry_jumps_to_the_mention(page: Page):
    page.tab.click("#reg-trotsky a.mention-link[href='#m-trotsky-2']")
    assert page.hash() == "#m-trotsky-2"
    assert page.in_viewport("#m-trotsky-2")
    assert page.tab.evaluate("document.querySelector(':target').id") == "m-trotsky-2"


def test_highlight_toggle_turns_highlighting_off_and_on(page: Page):
    def background() -> str:
        return page.tab.evaluate(
            "getComputedStyle(document.querySelector('#m-lenin-1')).backgroundColor")

    highlighted = background()
    assert highlighted != "rgba(0, 0, 0, 0)"
    page.tab.click("label[for='highlight-toggle']")
    assert background() == "rgba(0, 0, 0, 0)"
    page.tab.click("label[for='highlight-toggle']")
    assert background() == highlighted


def test_date_explains_itself_on_focus(page: Page):
    date = page.tab.locator("time[datetime='1917-11-09']")
    tip = date.locator(".tip")
    assert not tip.is_visible()
    date.focus()
    assert tip.is_visible()
    assert tip.inner_text() == "27 October 1917 O.S. = 9 November 1917 N.S."
    page.tab.keyboard.press("Escape")
    assert not tip.is_visible(), "Escape dismisses the explanation"


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scrolling_and_screenshots(browser: Any, sample_html: Path, width: int,
                                                 artifacts_dir: Path):
    opened = Page(browser, sample_html, width=width)
    try:
        sizes = opened.tab.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert sizes[0] <= sizes[1]
        opened.tab.click("#m-lenin-1")
        after = opened.tab.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert after[0] <= after[1], "the popover must fit the screen"
        opened.tab.keyboard.press("Escape")
        opened.tab.screenshot(path=str(artifacts_dir / f"html-sample-{width}.png"), full_page=True)
    finally:
        opened.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_seed_fits_the_screen_and_screenshots(browser: Any, seed_html: Path, width: int,
                                              artifacts_dir: Path):
    opened = Page(browser, seed_html, width=width)
    try:
        sizes = opened.tab.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert sizes[0] <= sizes[1]
        # a full-page capture of the seed (a long page) takes longer than the 5 s of the other
        # waits when the machine is busy
        opened.tab.screenshot(path=str(artifacts_dir / f"html-seed-{width}.png"), full_page=True,
                              timeout=60000)
    finally:
        opened.close()


def test_notes_sit_beside_the_text_when_wide_and_below_it_when_narrow(browser: Any,
                                                                       sample_html: Path):
    boxes = {}
    for width in WIDTHS:
        opened = Page(browser, sample_html, width=width)
        try:
            boxes[width] = opened.tab.evaluate(
                """() => { const p = document.querySelector('#noteref-3').closest('p')
                                     .getBoundingClientRect();
                           const n = document.querySelector('#note-3').getBoundingClientRect();
                           return {pRight: p.right, pBottom: p.bottom, nLeft: n.left,
                                   nTop: n.top}; }""")
        finally:
            opened.close()
    wide, narrow = boxes[1280], boxes[390]
    assert wide["nLeft"] >= wide["pRight"], "beside the paragraph"
    assert narrow["nTop"] >= narrow["pBottom"], "below the paragraph"


def test_works_without_javascript(browser: Any, sample_html: Path):
    opened = Page(browser, sample_html, javascript=False)
    try:
        assert opened.tab.get_attribute("#m-lenin-1", "aria-haspopup") is None
        opened.tab.click("#m-lenin-1")
        assert opened.hash() == "#reg-lenin", "a name is a link to its index entry"
        assert opened.in_viewport("#reg-lenin")
        assert "Vladimir Ilyich Ulyanov" in opened.tab.inner_text("#reg-lenin")
        opened.tab.click("#noteref-1")
        assert opened.hash() == "#note-1"
        opened.tab.click("label[for='highlight-toggle']")
        assert opened.tab.evaluate(
            "getComputedStyle(document.querySelector('#m-lenin-1')).backgroundColor"
        ) == "rgba(0, 0, 0, 0)"
    finally:
        opened.close()


def test_prints_without_controls_in_one_column(browser: Any, sample_html: Path,
                                                artifacts_dir: Path):
    opened = Page(browser, sample_html)
    try:
        opened.tab.emulate_media(media="print")
        hidden = opened.tab.evaluate(
            """['.masthead', '.toc', '.page-footer'].map(
                 s => getComputedStyle(document.querySelector(s)).display)""")
        assert hidden == ["none", "none", "none"]
        assert opened.tab.evaluate(
            "getComputedStyle(document.querySelector('.section')).display") == "block"
        assert opened.tab.locator("#note-3").is_visible()
        pdf = opened.tab.pdf(format="A4")
        (artifacts_dir / "html-sample-print.pdf").write_bytes(pdf)
        assert pdf.startswith(b"%PDF")
    finally:
        opened.close()


def axe_violations(browser: Any, path: Path) -> list[dict[str, Any]]:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is not installed: `make test` runs npm install")
        pytest.skip("axe-core is not installed: run npm install")
    opened = Page(browser, path)
    try:
        opened.tab.add_script_tag(path=str(AXE))
        results = opened.tab.evaluate("async () => await axe.run(document)")
        with_popover = {"violations": []}
        names = opened.tab.locator("main a.ent[data-entry]")
        if names.count():
            names.first.click()
            with_popover = opened.tab.evaluate(
                "async () => await axe.run('#register-popover')")
    finally:
        opened.close()
    found = results["violations"] + with_popover["violations"]
    return [{"id": v["id"], "impact": v["impact"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in found if v["impact"] in ("serious", "critical")]


def test_accessibility_of_the_sample_page(browser: Any, sample_html: Path):
    assert axe_violations(browser, sample_html) == []


def test_accessibility_of_the_seed_page(browser: Any, seed_html: Path):
    assert axe_violations(browser, seed_html) == []


CHECKED_TAGS = ("p", "div", "span", "a", "li", "ul", "ol", "dl", "blockquote", "section", "table",
                "cite", "time", "i", "em")


def visible_text_and_tree(browser: Any, path: Path) -> tuple[str, dict[str, int]]:
    """The page's innerText, and how many elements of each tag the browser's parser built."""
    opened = Page(browser, path)
    try:
        text = opened.tab.evaluate("document.body.innerText")
        counts = opened.tab.evaluate(
            "(tags) => Object.fromEntries("
            "  tags.map(t => [t, document.getElementsByTagName(t).length]))",
            list(CHECKED_TAGS))
        return text, counts
    finally:
        opened.close()


def written_tags(path: Path) -> dict[str, int]:
    page = path.read_text(encoding="utf-8")
    return {tag: len(re.findall(rf"<{tag}[\s>]", page)) for tag in CHECKED_TAGS}


def test_seed_shows_every_word_of_its_body(browser: Any, seed_html: Path):
    text, counts = visible_text_and_tree(browser, seed_html)
    assert missing_words(tei_words(seed_or_skip()), text) == {}
    assert counts == written_tags(seed_html), "the browser had to repair the HTML"


@pytest.mark.parametrize("tei", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_page_shows_every_word_of_its_body(browser: Any, tei: Path,
                                                  tmp_path_factory: pytest.TempPathFactory):
    page_path = render_html(tei, tmp_path_factory.mktemp("corpus") / f"{tei.stem}.html")
    text, counts = visible_text_and_tree(browser, page_path)
    assert missing_words(tei_words(tei), text) == {}
    assert counts == written_tags(page_path), "the browser had to repair the HTML"
