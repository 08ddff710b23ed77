"""The edition as a whole: per text a digest (``xslt/digest.xsl``), the reading page with its
neighbours and downloads (``xslt/html/html.xsl``), and the edition-wide pages (``xslt/site.xsl``:
contents, registers, chronology, search) from the digests of every text.

Python chooses paths and parameters and joins the digests into one list for the stylesheets;
the search index is written by Pagefind from one small page per paragraph
(``xslt/search-pages.xsl``, written with the digest), with filters by text and by the kinds of
names the paragraph holds.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Callable, Coroutine, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.render import transform_to_string
from teikit.render.html import copy_assets
from teikit.xmlio import write_text_atomically

if TYPE_CHECKING:
    from teikit.buildstate import BuildState
    from teikit.config import EditionConfig

SITE_NS = "urn:teikit:site"
S = f"{{{SITE_NS}}}"
TEI = "{http://www.tei-c.org/ns/1.0}"
INDEX_PAGE = "index.html"
SEARCH_DIR = "pagefind"
MENTION_COUNTS = "edition-mentions.js"   # read by assets/edition.js for the popovers
# Edition-wide pages: (stylesheet page parameter, file name). Registers list only used kinds.
REGISTER_PAGES = {"person": "persons.html", "org": "organisations.html", "place": "places.html",
                  "bibl": "titles.html", "event": "events.html"}
FIXED_PAGES = {"index": INDEX_PAGE, "chronology": "chronology.html", "search": "search.html"}


@dataclass(frozen=True)
class EditionText:
    """What the build needs to place a text in the edition: its name, title and date."""

    name: str
    title: str
    date: str
    sort: str


def write_digest(tei: Path, out: Path, name: str) -> Path:
    """Write the digest of ``tei`` (see ``xslt/digest.xsl``) to ``out``."""
    text = transform_to_string("digest.xsl", Path(tei), name=name)
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_text_atomically(out, text, inputs=[Path(tei)])


def read_digest_summary(digest: Path, name: str) -> EditionText:
    title = date = sort = ""
    for _, element in etree.iterparse(str(digest), events=("end",), resolve_entities=False,
                                      no_network=True, huge_tree=True):
        if element.tag == f"{S}title":
            title = element.text or ""
        elif element.tag == f"{S}date":
            date = element.text or ""
        elif element.tag == f"{S}digest":
            sort = element.get("sort", "")
        if element.tag in (f"{S}para", f"{S}entry"):
            element.clear()
    return EditionText(name, title or name, date, sort)


def check_order(order: Any) -> None:
    """Refuse an ``[edition] order`` that is not ``"date"``, ``"name"`` or a list of names."""
    if order in ("date", "name"):
        return
    if isinstance(order, list) and all(isinstance(n, str) for n in order):
        return
    raise InputError(f"unknown edition order {order!r}",
                     hint='use "date", "name" or a list of text names')


def order_texts(texts: Sequence[EditionText], order: Any = "date") -> list[EditionText]:
    """The edition's order: ``"date"`` (the default; undated texts last, then by name),
    ``"name"``, or a list of text names (texts it leaves out follow by date)."""
    def by_date(text: EditionText) -> tuple[int, str, str]:
        return (0 if text.sort else 1, text.sort, text.name)

    check_order(order)
    if order == "name":
        return sorted(texts, key=lambda t: t.name)
    if isinstance(order, list):
        position = {str(n): i for i, n in enumerate(order)}
        listed = sorted((t for t in texts if t.name in position), key=lambda t: position[t.name])
        return listed + sorted((t for t in texts if t.name not in position), key=by_date)
    return sorted(texts, key=by_date)


def neighbours(ordered: Sequence[EditionText]) -> list[dict[str, str]]:
    """Per text the stylesheet parameters that place it in the edition (previous, next)."""
    result = []
    for i, _text in enumerate(ordered):
        navigation = {"position": f"{i + 1}", "count": f"{len(ordered)}"}
        if i > 0:
            before = ordered[i - 1]
            navigation |= {"prev": f"{before.name}.html", "prev-title": before.title}
        if i + 1 < len(ordered):
            after = ordered[i + 1]
            navigation |= {"next": f"{after.name}.html", "next-title": after.title}
        result.append(navigation)
    return result


def reading_page(tei: Path, name: str, navigation: dict[str, str],
                 downloads: Iterable[str] = ("xml", "pdf", "txt"), *,
                 stylesheet: Path | None = None) -> str:
    """The reading page of one text in the edition: neighbours, downloads, register pages;
    ``stylesheet``: a project stylesheet that imports teikit's."""
    params = {"assets": "assets/", "home": INDEX_PAGE, "edition": "yes",
              "downloads": " ".join(f"{name}.{kind}" for kind in downloads), **navigation}
    return transform_to_string(stylesheet or "html/html.xsl", Path(tei), **params)


# What each edition-wide page reads of the digests: the register pages and the mention counts
# only the mentions (and the entries of their kind), the contents and the chronology the
# headers. Each page gets a manifest of just that, so that memory follows the largest page,
# not the whole edition.
_HEADERS = {"index", "chronology"}


def _edition_manifest(texts: Sequence[EditionText], state: BuildState,
                      formats: Sequence[str], page: str) -> bytes:
    """The texts in the edition's order, each with what ``page`` needs of its digest
    (``page``: a key of FIXED_PAGES or REGISTER_PAGES, or ``counts`` for the mention counts);
    register entries once each, however many texts hold a copy."""
    root = etree.Element(f"{S}site", nsmap={None: SITE_NS})
    seen: set[str] = set()
    for text in texts:
        entry = etree.SubElement(root, f"{S}text", name=text.name, href=f"{text.name}.html",
                                 tei=f"{text.name}.xml", txt=f"{text.name}.txt")
        if "pdf" in formats:
            entry.set("pdf", f"{text.name}.pdf")
        digest = etree.SubElement(entry, f"{S}digest")
        for element in _digest_parts(state.digest_path(text.name), page, seen):
            if element.tag == f"{S}digest":
                digest.attrib.update(element.attrib)
            else:
                digest.append(element)
    return etree.tostring(root)


def _digest_parts(path: Path, page: str, seen: set[str]) -> Iterator[etree._Element]:
    """The parts of one digest that ``page`` needs, read one element at a time."""
    wanted = {f"{S}title", f"{S}author", f"{S}date"}
    if page in _HEADERS:
        wanted.add(f"{TEI}teiHeader")
    if page == "index":
        wanted.add(f"{S}para")
    if page == "chronology":
        wanted.add(f"{S}when")
    if page not in _HEADERS:
        wanted.add(f"{S}mention")
    if page in REGISTER_PAGES:
        wanted.add(f"{S}entry")
    depth = 0
    for event, element in etree.iterparse(str(path), events=("start", "end"),
                                          resolve_entities=False, no_network=True,
                                          load_dtd=False, huge_tree=True):
        if event == "start":
            depth += 1
            if depth == 1:
                yield etree.Element(f"{S}digest", dict(element.attrib))
            continue
        depth -= 1
        if element.tag not in wanted or (depth > 1 and element.tag != f"{S}mention"
                                         and element.tag != f"{S}when"):
            if depth <= 1:
                element.clear()
            continue
        if element.tag == f"{S}entry":
            key = element.get("key", "")
            if element.get("kind") != page or key in seen:
                element.clear()
                continue
            seen.add(key)
        part = _copy(element)
        if element.tag == f"{S}para":
            part.attrib.pop("text", None)
            part[:] = []
        yield part
        if depth <= 1:
            element.clear()


def _copy(element: etree._Element) -> etree._Element:
    import copy

    return copy.deepcopy(element)


def render_edition_pages(texts: Sequence[EditionText], state: BuildState, site_dir: Path,
                         config: EditionConfig, formats: Sequence[str],
                         warn: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Write the edition-wide pages and the search index; return the files written.

    Every page and the index are made (into the build state's folder) before any of them
    replaces an earlier one; one page is in memory at a time."""
    from teikit.render.html import check_html

    counts_manifest = _edition_manifest(texts, state, formats, "counts")
    kinds = _used_kinds(counts_manifest)
    pages = dict(FIXED_PAGES) | {kind: page for kind, page in REGISTER_PAGES.items()
                                 if kind in kinds}
    links = " ".join(f"{key}={page}" for key, page in pages.items())
    title = str(config.edition.get("title", "Texts"))
    fresh = state.folder / "pages-new"
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    made: list[str] = []
    for key, page in pages.items():
        html = transform_to_string("site.xsl", _edition_manifest(texts, state, formats, key),
                                   assets="assets/", page=key, pages=links, title=title)
        write_text_atomically(fresh / page, html, check=check_html)
        made.append(page)
    write_text_atomically(fresh / MENTION_COUNTS, transform_to_string("mentions.xsl",
                                                                      counts_manifest))
    made.append(MENTION_COUNTS)
    del counts_manifest
    fresh_index = state.folder / f"{SEARCH_DIR}-new"
    write_search_index(state.search_pages, fresh_index)
    bundle = site_dir / SEARCH_DIR
    if bundle.is_symlink() or bundle.is_file():
        raise OutputError(f"{bundle}: not a folder teikit wrote; the search index is not "
                          "written", hint="move it away")
    written = []
    for page in made:
        target = site_dir / page
        if target.is_dir() or target.is_symlink():
            raise OutputError(f"{target}: not a page teikit wrote; the edition pages are not "
                              "replaced", hint="move it away")
    for page in made:
        os.replace(fresh / page, site_dir / page)
        written.append(site_dir / page)
    copy_assets(site_dir, warn)
    shutil.rmtree(bundle, ignore_errors=True)   # the bundle is teikit's alone
    os.replace(fresh_index, bundle)
    written.append(bundle / "pagefind.js")
    shutil.rmtree(fresh, ignore_errors=True)
    return written


def _used_kinds(manifest: bytes) -> set[str]:
    root = etree.fromstring(manifest)
    return {m.get("kind", "") for m in root.iter(f"{S}mention")}


# ---- search ---------------------------------------------------------------------------------

def write_search_pages(digest: Path, folder: Path, lang: str = "en") -> list[Path]:
    """One page per numbered paragraph of a text (``xslt/search-pages.xsl``) into ``folder``
    (replaced whole), for Pagefind to index with the rest of the edition."""
    pages = etree.fromstring(transform_to_string("search-pages.xsl", Path(digest), lang=lang)
                             .encode("utf-8"))
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    written = []
    for page in pages.iter(f"{S}page"):
        html = page[0]
        out = folder / page.get("file", "")
        if out.parent != folder:
            raise OutputError(f"{digest}: unexpected search page name {page.get('file')!r}")
        text = etree.tostring(html, method="html", encoding="unicode", doctype="<!DOCTYPE html>")
        written.append(write_text_atomically(out, text))
    return written


def _run_coroutine_apart(make: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a coroutine to its end in a thread of its own, so that a caller that already runs
    an event loop (a notebook, a test driving a browser) can build too."""
    failures: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(make())
        except BaseException as error:  # handed to the caller's thread
            failures.append(error)

    thread = threading.Thread(target=target, name="pagefind")
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def write_search_index(search_pages: Path, bundle: Path) -> Path:
    """The Pagefind bundle in ``bundle`` (replaced whole) from the paragraph pages of every text
    (:func:`write_search_pages`), indexed in one request."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:  # pragma: no cover - pagefind is a dependency
        raise OutputError("the search index needs the Python package pagefind[bin]") from None

    async def write() -> None:
        config: IndexConfig = {"output_path": str(bundle)}
        async with PagefindIndex(config=config) as index:
            await index.add_directory(str(search_pages))

    shutil.rmtree(bundle, ignore_errors=True)
    try:
        _run_coroutine_apart(write)
    except OSError as error:
        raise OutputError(f"{bundle}: cannot write the search index: {error}") from None
    if not (bundle / "pagefind.js").is_file():
        raise OutputError(f"{bundle}: Pagefind wrote no index")
    return bundle / "pagefind.js"
