"""Shared fixtures for the HTML edition tests: rendered pages, TEI word lists, a browser."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teikit.render.html import render_html
from tests.conftest import CORPUS, FIXTURES, SEED_TEI

SAMPLE = FIXTURES / "tei" / "sample-edition.xml"
CORPUS_FILES = sorted(CORPUS.glob("*.xml"))
TEI = "{http://www.tei-c.org/ns/1.0}"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# A word: a run of letters, or a run of digits (a note number may touch the word before it).
WORD = re.compile(r"[^\W\d_]+|\d+")

# Inside choice, the page shows the corrected/regularised/expanded reading and offers the
# other one on hover: the reading text is the shown alternative.
_HIDDEN_ALTERNATIVES = {f"{TEI}sic", f"{TEI}orig", f"{TEI}abbr"}

# TEI elements that stand apart from the words around them (blocks, notes, line breaks).
def _tei_names(names: str) -> set[str]:
    return {f"{TEI}{name}" for name in names.split()}


_TEI_SEPARATE = _tei_names(
    "note p ab head l lg item label cell row list table lb pb cb dateline salute signed "
    "opener closer speaker sp stage byline docAuthor docTitle titlePart docImprint docDate "
    "trailer figure figDesc fw castItem castList role roleDesc bibl biblStruct listBibl "
    "div div1 div2 div3 div4 div5 div6 div7 argument epigraph quote cit u gap graphic rdg "
    "lem app ptr person place org event desc idno pause kinesic vocal incident shift "
    "writing"
)

# Children of bibliographic containers are separate fields (title, idno, biblScope …).
_TEI_FIELD_PARENTS = _tei_names("bibl biblStruct monogr analytic imprint series msIdentifier")

# HTML elements that the browser lays out apart from their neighbours.
_HTML_BLOCKS = ("p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote section article header "
                "footer nav main table tr td th caption figure figcaption br aside")
_HTML_SEPARATE = set(_HTML_BLOCKS.split())


def seed_or_skip() -> Path:
    if not SEED_TEI.exists():
        pytest.skip(f"{SEED_TEI.name} is not generated yet")
    return SEED_TEI


# parents whose adjacent children are alternatives or parts of one word, not words apart
_WORD_PARENTS = {f"{TEI}{name}" for name in ("choice", "app", "rdgGrp", "subst", "expan", "abbr",
                                              "w", "seg", "hi")}


def _touches_a_part(node: etree._Element) -> bool:
    """An element right after another in a parent of elements only (two segments of speech,
    an address's lines, a dictionary entry's form and sense): a reader sees them apart."""
    parent = node.getparent()
    previous = node.getprevious()
    return (parent is not None and previous is not None and not previous.tail
            and parent.tag.startswith(TEI)
            and not (parent.text or "").strip() and parent.tag not in _WORD_PARENTS
            and not any((child.tail or "").strip() for child in parent))


def reading_text(element: etree._Element) -> str:
    """The text of a TEI element as a reader sees it (choice shows one of its alternatives)."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            return
        parent = node.getparent()
        hidden = (node.tag in _HIDDEN_ALTERNATIVES and parent is not None
                  and parent.tag == f"{TEI}choice"
                  and any(child.tag in {f"{TEI}corr", f"{TEI}reg", f"{TEI}expan"}
                          for child in parent))
        separate = (node.tag in _TEI_SEPARATE and node.get("break") != "no") or (
            parent is not None and parent.tag in _TEI_FIELD_PARENTS) or _touches_a_part(node)
        if separate:
            parts.append(" ")
        if not hidden:
            parts.append(node.text or "")
            for child in node:
                walk(child)
        if separate:
            parts.append(" ")
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return "".join(parts)


def tei_words(tei: Path, where: str = "body") -> Counter[str]:
    """Words of every TEI ``<body>`` (or ``<text>``) in the file, with their counts."""
    tree = etree.parse(str(tei), etree.XMLParser(resolve_entities=False, no_network=True))
    words: Counter[str] = Counter()
    for element in tree.iter(f"{TEI}{where}"):
        if next(element.iterancestors(f"{TEI}{where}"), None) is not None:
            continue  # counted with the outer one (floatingText, group)
        words.update(WORD.findall(reading_text(element)))
    return words


def missing_words(expected: Counter[str], shown: str) -> dict[str, int]:
    """Words of ``expected`` that ``shown`` has fewer times. Case is ignored: CSS may set a word
    in capitals (``text-transform``), and innerText reports it so."""
    seen = Counter(word.casefold() for word in WORD.findall(shown))
    wanted: Counter[str] = Counter()
    for word, count in expected.items():
        wanted[word.casefold()] += count
    return {word: count - seen[word] for word, count in wanted.items() if seen[word] < count}


def html_text(element: lxml.html.HtmlElement, skip: frozenset[str] = frozenset({"tip"})) -> str:
    """The text of an HTML element with blocks kept apart, as a browser would show it;
    elements with a class in ``skip`` (by default tooltips, hidden until hover) are left out."""
    parts: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if not isinstance(node.tag, str):
            parts.append(node.tail or "")
            return
        classes = set((node.get("class") or "").split())
        if not skip & classes:
            separate = node.tag in _HTML_SEPARATE or {"noteref", "block", "para-num"} & classes
            parts.append(" " if separate else "")
            parts.append(node.text or "")
            for child in node:
                walk(child)
            parts.append(" " if separate else "")
        parts.append(node.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return "".join(parts)


def parse_page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


@pytest.fixture(scope="session")
def pages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pages")


@pytest.fixture(scope="session")
def sample_page(pages_dir: Path) -> Path:
    return render_html(SAMPLE, pages_dir / "sample-edition.html")


@pytest.fixture(scope="session")
def sample_doc(sample_page: Path) -> lxml.html.HtmlElement:
    return parse_page(sample_page)


@pytest.fixture(scope="session")
def seed_page(pages_dir: Path) -> Path:
    return render_html(seed_or_skip(), pages_dir / "seed.html")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
