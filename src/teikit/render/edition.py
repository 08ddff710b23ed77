"""The edition as a whole: per text a digest (``xslt/digest.xsl``), the reading page with its
neighbours and downloads (``xslt/html/html.xsl``), and the edition-wide pages (``xslt/site.xsl``:
contents, registers, chronology, search) from the digests of every text.

Python chooses paths and parameters and joins the digests into one list for the stylesheets;
the search index is written by Pagefind from one small page per paragraph
(``xslt/search-pages.xsl``, written with the digest), with filters by text and by the kinds of
names the paragraph holds.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.render import InBackground, SaxonSource, transform_to_string
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
PAGEFIND_TIMEOUT = 600  # seconds for indexing the whole edition
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


# What the edition-wide pages read of the digests, in three manifests made in one reading of
# each digest: the contents the headers and the paragraphs' sections, the chronology the
# headers and the dates, the registers, the search page and the mention counts the mentions
# and the register entries (each entry once, however many texts hold a copy). No page gets
# the paragraph texts (the search index has them) or what it does not show.
CONTENTS, CHRONOLOGY, MENTIONS = "contents", "chronology", "mentions"
_MANIFEST_OF = {"index": CONTENTS, "chronology": CHRONOLOGY}   # every other page: MENTIONS
_COMMON = {f"{S}title", f"{S}author", f"{S}date"}
_WANTED = {CONTENTS: _COMMON | {f"{TEI}teiHeader", f"{S}para"},
           CHRONOLOGY: _COMMON | {f"{TEI}teiHeader", f"{S}when"},
           MENTIONS: _COMMON | {f"{S}mention", f"{S}entry"}}
_NESTED = {f"{S}mention", f"{S}when"}   # inside paragraphs; taken out of them


def _edition_manifests(texts: Sequence[EditionText], state: BuildState,
                       formats: Sequence[str]) -> tuple[dict[str, bytes], set[str]]:
    """The three manifests (see above): the texts in the edition's order, each with the parts
    of its digest that the pages of that manifest read; and the kinds of names mentioned.

    Each text's parts are written out as soon as its digest is read, so that memory holds one
    text's parts and the manifests' bytes, never a tree of the whole edition."""
    buffers = {kind: io.BytesIO() for kind in _WANTED}
    seen: set[str] = set()
    kinds_used: set[str] = set()
    with contextlib.ExitStack() as stack:
        writers = {kind: stack.enter_context(etree.xmlfile(buffer, encoding="utf-8"))
                   for kind, buffer in buffers.items()}
        for writer in writers.values():
            stack.enter_context(writer.element(f"{S}site", nsmap={None: SITE_NS}))
        for text in texts:
            entries, digests = {}, {}
            for kind in writers:
                entry = etree.Element(f"{S}text", name=text.name, href=f"{text.name}.html",
                                      tei=f"{text.name}.xml", txt=f"{text.name}.txt",
                                      nsmap={None: SITE_NS})
                if "pdf" in formats:
                    entry.set("pdf", f"{text.name}.pdf")
                entries[kind] = entry
                digests[kind] = etree.SubElement(entry, f"{S}digest")
            _distribute(state.digest_path(text.name), digests, seen)
            kinds_used.update(m.get("kind", "") for m in digests[MENTIONS].iter(f"{S}mention"))
            for kind, writer in writers.items():
                writer.write(entries[kind])
    return {kind: buffer.getvalue() for kind, buffer in buffers.items()}, kinds_used


def _distribute(path: Path, digests: dict[str, etree._Element], seen: set[str]) -> None:
    """Read one digest and copy each part into the manifests that want it, in the digest's
    order (a paragraph's mentions and dates before the paragraph). A register entry another
    text brought already is skipped whole, without a look inside it."""
    root = etree.parse(str(path), _DIGEST_PARSER).getroot()
    for digest in digests.values():
        digest.attrib.update(root.attrib)
    for element in root.iterchildren("*"):
        if element.tag == f"{S}entry":
            key = element.get("key", "")
            if key in seen:
                continue
            seen.add(key)
        for _, nested in etree.iterwalk(element, events=("end",), tag=_NESTED_TAGS):
            if nested is not element:
                _share(nested, digests)
        _share(element, digests)


def _share(element: etree._Element, digests: dict[str, etree._Element]) -> None:
    """A copy of ``element`` in each manifest that wants it (a paragraph without its text)."""
    for kind, wanted in _WANTED.items():
        if element.tag not in wanted:
            continue
        if element.tag == f"{S}para":
            part = etree.Element(element.tag, element.attrib, nsmap=element.nsmap)
            part.attrib.pop("text", None)
        else:
            part = element.__deepcopy__(None)
            part.tail = None
        digests[kind].append(part)


_NESTED_TAGS = tuple(_NESTED)
_DIGEST_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 huge_tree=True)


def render_edition_pages(texts: Sequence[EditionText], state: BuildState, site_dir: Path,
                         config: EditionConfig, formats: Sequence[str],
                         warn: Callable[[str], None] = lambda _: None) -> list[Path]:
    """Write the edition-wide pages and the search index; return the files written.

    The search index is written by Pagefind (another process) while the pages are made; every
    page and the index are made (into the build state's folder) before any of them replaces an
    earlier one."""
    from teikit.render.html import check_html

    fresh_index = state.folder / f"{SEARCH_DIR}-new"
    indexing = InBackground(lambda: write_search_index(state.search_pages, fresh_index))
    try:
        manifests, kinds = _edition_manifests(texts, state, formats)
        pages = dict(FIXED_PAGES) | {kind: page for kind, page in REGISTER_PAGES.items()
                                     if kind in kinds}
        links = " ".join(f"{key}={page}" for key, page in pages.items())
        title = str(config.edition.get("title", "Texts"))
        fresh = state.folder / "pages-new"
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        made: list[str] = []
        # each manifest read once, for all the pages that read it, and let go before the next
        for manifest in (CONTENTS, CHRONOLOGY, MENTIONS):
            source = SaxonSource.written_here(manifests.pop(manifest), f"<{manifest} manifest>")
            for key, page in pages.items():
                if _MANIFEST_OF.get(key, MENTIONS) != manifest:
                    continue
                html = transform_to_string("site.xsl", source, assets="assets/", page=key,
                                           pages=links, title=title)
                write_text_atomically(fresh / page, html, check=check_html)
                made.append(page)
            if manifest == MENTIONS:
                write_text_atomically(fresh / MENTION_COUNTS,
                                      transform_to_string("mentions.xsl", source))
                made.append(MENTION_COUNTS)
            del source
    finally:
        indexing.join()
    indexing.result()
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


# ---- search ---------------------------------------------------------------------------------

def write_search_pages(digest: Path, folder: Path, lang: str = "en") -> list[Path]:
    """One page per numbered paragraph of a text (``xslt/search-pages.xsl``) into ``folder``
    (replaced whole), for Pagefind to index with the rest of the edition.

    ``folder`` is made afresh and its pages written straight into it: it is the staged folder
    that replaces the text's earlier one whole, once it is complete (a temporary file and a
    rename for each page made the seed's 78 pages take 41–53 ms instead of 26 ms)."""
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
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as error:
            raise OutputError(f"{out}: cannot be written: {error.strerror}") from None
        written.append(out)
    return written


def write_search_index(search_pages: Path, bundle: Path) -> Path:
    """The Pagefind bundle in ``bundle`` (replaced whole) from the paragraph pages of every text
    (:func:`write_search_pages`), indexed by one run of Pagefind's own binary (the Python
    package's asyncio service would cost a build the import of asyncio and ssl, a third of a
    second). It runs in the build state's folder, with no ``PAGEFIND_*`` settings from the
    environment, so that no configuration file or variable of the user's changes the index."""
    try:
        from pagefind_bin import get_executable
    except ImportError:  # pragma: no cover - pagefind[bin] is a dependency
        raise OutputError("the search index needs the Python package pagefind[bin]") from None

    try:
        executable = get_executable()
    except (FileNotFoundError, OSError) as error:
        raise OutputError(f"Pagefind's binary is missing: {error}",
                          hint="pip install 'pagefind[bin]'") from None
    shutil.rmtree(bundle, ignore_errors=True)
    environment = {key: value for key, value in os.environ.items()
                   if not key.upper().startswith("PAGEFIND")}
    try:
        completed = subprocess.run(
            [str(executable), "--site", str(search_pages.resolve()), "--output-path",
             str(bundle.resolve()), "--silent"],
            cwd=bundle.parent, env=environment, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=PAGEFIND_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise OutputError(f"{bundle}: Pagefind took longer than {PAGEFIND_TIMEOUT} s") from None
    except OSError as error:
        raise OutputError(f"{bundle}: cannot run Pagefind: {error.strerror}") from None
    if completed.returncode != 0 or not (bundle / "pagefind.js").is_file():
        said = " ".join((completed.stderr or completed.stdout).split())[-400:]
        raise OutputError(f"{bundle}: Pagefind wrote no index"
                          + (f": {said}" if said else ""))
    return bundle / "pagefind.js"
