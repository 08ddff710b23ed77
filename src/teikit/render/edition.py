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
from collections.abc import Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.render import transform_to_string
from teikit.render.html import copy_assets
from teikit.xmlio import parse_xml_file, write_text_atomically

if TYPE_CHECKING:
    from teikit.buildstate import BuildState
    from teikit.config import EditionConfig

SITE_NS = "urn:teikit:site"
S = f"{{{SITE_NS}}}"
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


def _edition_manifest(texts: Sequence[EditionText], state: BuildState,
                      formats: Sequence[str]) -> etree._Element:
    """All digests in the edition's order, without the paragraph texts (search has those)."""
    root = etree.Element(f"{S}site", nsmap={None: SITE_NS})
    for text in texts:
        digest = parse_xml_file(state.digest_path(text.name)).getroot()
        for para in digest.iter(f"{S}para"):
            para.attrib.pop("text", None)
        entry = etree.SubElement(root, f"{S}text", name=text.name, href=f"{text.name}.html",
                                 tei=f"{text.name}.xml", txt=f"{text.name}.txt")
        if "pdf" in formats:
            entry.set("pdf", f"{text.name}.pdf")
        entry.append(digest)
    return root


def render_edition_pages(texts: Sequence[EditionText], state: BuildState, site_dir: Path,
                         config: EditionConfig, formats: Sequence[str],
                         warn: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Write the edition-wide pages and the search index; return the files written.

    Every page and the index are made before any of them replaces an earlier one."""
    from teikit.render.html import check_html

    manifest = etree.tostring(_edition_manifest(texts, state, formats))
    kinds = _used_kinds(manifest)
    pages = dict(FIXED_PAGES) | {kind: page for kind, page in REGISTER_PAGES.items()
                                 if kind in kinds}
    links = " ".join(f"{key}={page}" for key, page in pages.items())
    title = str(config.edition.get("title", "Texts"))
    made = {page: transform_to_string("site.xsl", manifest, assets="assets/", page=key,
                                      pages=links, title=title)
            for key, page in pages.items()}
    counts = transform_to_string("mentions.xsl", manifest)
    fresh_index = state.folder / f"{SEARCH_DIR}-new"
    write_search_index(state.search_pages, fresh_index)
    written = [write_text_atomically(site_dir / page, html, check=check_html)
               for page, html in made.items()]
    written.append(write_text_atomically(site_dir / MENTION_COUNTS, counts))
    copy_assets(site_dir, warn)
    bundle = site_dir / SEARCH_DIR
    if bundle.is_symlink() or bundle.is_file():
        raise OutputError(f"{bundle}: not a folder teikit wrote; the search index is not "
                          "written", hint="move it away")
    shutil.rmtree(bundle, ignore_errors=True)   # the bundle is teikit's alone
    os.replace(fresh_index, bundle)
    written.append(bundle / "pagefind.js")
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
