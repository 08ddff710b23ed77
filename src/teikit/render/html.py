"""The HTML reading edition: ``xslt/html/html.xsl`` per text, ``xslt/site.xsl`` for the list of
texts.

Python only chooses paths and parameters and copies the static assets (``xslt/assets/``) next
to the pages; every byte of HTML comes from the stylesheets.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.render import read_source, transform_to_string
from teikit.resources import schema_path, xslt_path
from teikit.xmlio import (
    parse_xml_bytes,
    parse_xml_file,
    require_tei,
    write_bytes_atomically,
    write_text_atomically,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
SITE_NS = "urn:teikit:site"
ASSETS_DIRNAME = "assets"
INDEX_NAME = "index.html"
# names of the site's own files: a text may not take them (compared case-insensitively, since
# a case-insensitive file system would make "Index" the index)
SITE_NAMES = frozenset({"index", ASSETS_DIRNAME})
# what teikit wrote into assets/ (name → SHA-256), so that it never overwrites a file it did not
ASSETS_RECORD = ".teikit-assets.json"

Warn = Callable[[str], None]


def _ignore(_: str) -> None:
    return None


def page_url(name: str) -> str:
    """The relative URL of a page file: every character but letters, digits and ``_.-~`` is
    percent-encoded, behind ``./`` — ``javascript:alert(1).html`` is a file, never a script."""
    return "./" + quote(name, safe="")


def check_html(path: Path) -> None:
    """A rendered page is complete: an HTML document that ends with its ``</html>``."""
    data = path.read_bytes()
    head, tail = data[:200].lstrip().lower(), data[-100:].rstrip().lower()
    if not (head.startswith((b"<!doctype html", b"<html")) and tail.endswith(b"</html>")):
        raise OutputError(f"{path}: the rendered page is incomplete; the old page is kept")

STYLESHEET = "html/html.xsl"


def html_string(tei: Path | bytes, *, assets: str = f"{ASSETS_DIRNAME}/", home: str = "",
                stylesheet: Path | None = None) -> str:
    """Render one TEI document (a path or its bytes) to an HTML5 page and return it.

    ``assets`` is the URL prefix of the CSS and JavaScript; ``home`` the URL of the page that
    lists all texts (no link when empty); ``stylesheet`` a project stylesheet that imports
    teikit's (``urn:teikit:xslt:html``) instead of teikit's own.
    """
    name = str(tei) if isinstance(tei, Path) else "<input>"
    tree = require_tei(read_source(tei) if isinstance(tei, Path) else parse_xml_bytes(tei, name),
                       name)
    return transform_to_string(stylesheet or STYLESHEET, tei if isinstance(tei, Path) else tree,
                               assets=assets, home=home,
                               metadata=page_metadata(tree, Path(name).stem))


def page_metadata(tree: etree._ElementTree, name: str) -> str:
    """What the page's ``<head>`` says about the text, as JSON for the stylesheet: its Dublin
    Core elements (``dc``, pairs) and its schema.org description (``schema_org``, JSON-LD)."""
    from teikit.export.dublin_core import dublin_core_fields
    from teikit.export.metadata import read_metadata
    from teikit.export.schema_org import schema_org

    meta = read_metadata(tree, name)
    return json.dumps({"dc": dublin_core_fields(meta), "schema_org": schema_org(meta)},
                      ensure_ascii=False)


def copy_assets(target_dir: Path, warn: Warn = _ignore) -> Path:
    """Copy the stylesheet's CSS and JavaScript into ``target_dir/assets`` and return that path
    (see :func:`copy_owned_files`: a file teikit did not write is kept)."""
    source = xslt_path(ASSETS_DIRNAME)
    files = {asset.relative_to(source).as_posix(): asset.read_bytes()
             for asset in sorted(source.rglob("*")) if asset.is_file()}
    return copy_owned_files(files, Path(target_dir) / ASSETS_DIRNAME, warn)


def copy_schema_files(target_dir: Path, warn: Warn = _ignore) -> Path:
    """Copy the schemas a TEI file's ``<?xml-model?>`` names into ``target_dir/schema``, so the
    TEI files published beside them can be checked where they are."""
    from teikit.convert import SCHEMA_MODELS

    files = {name: schema_path(name).read_bytes() for name, _namespace in SCHEMA_MODELS}
    return copy_owned_files(files, Path(target_dir) / "schema", warn)


def copy_owned_files(files: dict[str, bytes], target: Path, warn: Warn = _ignore) -> Path:
    """Write ``files`` (relative path → content) into the folder ``target`` and return it.

    A file already there is replaced only if teikit wrote it (its SHA-256 is in the record kept
    in the folder) or it is identical; any other file — say a custom ``edition.css`` — is
    kept, with a warning."""
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{target}: cannot create the folder: {error}") from None
    record_path = target / ASSETS_RECORD
    record = _read_record(record_path)
    written: dict[str, str] = {}
    for relative, data in files.items():
        digest = hashlib.sha256(data).hexdigest()
        destination = target / relative
        if destination.is_symlink() or destination.exists():
            try:
                current = hashlib.sha256(destination.read_bytes()).hexdigest()
            except OSError:
                current = None
            if current == digest:
                written[relative] = digest
                continue
            if current is None or record.get(relative) != current:
                warn(f"{destination}: kept; teikit did not write it (delete it to get teikit's)")
                continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(destination, data)
        written[relative] = digest
    if written != record:
        text = json.dumps(written, indent=1, sort_keys=True) + "\n"
        write_text_atomically(record_path, text)
    return target


def _read_record(path: Path) -> dict[str, str]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(record, dict):
        return {}
    return {str(k): str(v) for k, v in record.items()}


def check_page_name(name: str) -> None:
    """Refuse a page name that would overwrite one of the site's own files."""
    stem = name.rsplit(".", 1)[0]
    if stem.casefold() in SITE_NAMES or name.startswith("."):
        raise InputError(f"a text named {stem!r} would overwrite the site's own {name}",
                         hint="rename the TEI file (and its source)")


def default_output(tei: Path) -> Path:
    return Path(tei).with_suffix(".html")


def render_html(tei: Path, out: Path | None = None, *, home: str = "",
                stylesheet: Path | None = None, warn: Warn = _ignore) -> Path:
    """Write the reading edition of ``tei`` to ``out`` (default: beside it, ``.html``).

    The assets are copied into ``assets/`` next to the page. Returns the page's path.
    """
    tei = Path(tei)
    out = default_output(tei) if out is None else Path(out)
    page = html_string(tei, home=home, stylesheet=stylesheet)
    written = write_text_atomically(out, page, inputs=[tei], check=check_html)
    copy_assets(written.parent, warn)
    return written


def page_name(tei: Path) -> str:
    return Path(tei).with_suffix(".html").name


def render_site(tei_files: Sequence[Path], site_dir: Path, warn: Warn = _ignore, *,
                stylesheet: Path | None = None) -> list[Path]:
    """Write one page per TEI file plus ``index.html`` (author, title, source, date of each
    text) into ``site_dir``, with the assets. Returns the pages written, index last."""
    site_dir = Path(site_dir)
    try:
        site_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{site_dir}: cannot create the site directory: {error.strerror}"
                          ) from None
    names = [page_name(tei) for tei in tei_files]
    for name in names:
        check_page_name(name)
    folded = [name.casefold() for name in names]
    duplicates = sorted({name for name, key in zip(names, folded, strict=True)
                         if folded.count(key) > 1})
    if duplicates:
        raise InputError(f"two texts would both be written to {duplicates[0]}",
                         hint="give the TEI files different names")
    # every page is rendered and checked before any is written
    pages = [html_string(Path(tei), home=INDEX_NAME, stylesheet=stylesheet) for tei in tei_files]
    manifest = site_manifest(tei_files, names)
    index = transform_to_string("site.xsl", etree.tostring(manifest), assets=f"{ASSETS_DIRNAME}/")
    written: list[Path] = []
    for tei, name, page in zip(tei_files, names, pages, strict=True):
        written.append(write_text_atomically(site_dir / name, page, inputs=[Path(tei)],
                                             check=check_html))
    written.append(write_text_atomically(site_dir / INDEX_NAME, index, inputs=list(tei_files),
                                         check=check_html))
    copy_assets(site_dir, warn)
    return written


def site_manifest(tei_files: Sequence[Path], names: Sequence[str]) -> etree._Element:
    """An XML list of the texts for ``site.xsl``: each entry's page name and TEI header."""
    root = etree.Element(f"{{{SITE_NS}}}site", nsmap={None: SITE_NS, "tei": TEI_NS})
    for tei, name in zip(tei_files, names, strict=True):
        document = parse_xml_file(Path(tei)).getroot()
        entry = etree.SubElement(root, f"{{{SITE_NS}}}text", href=page_url(name))
        header = document.find(f"{{{TEI_NS}}}teiHeader")
        if header is None:
            raise InputError(f"{tei}: not a TEI document (no teiHeader)")
        entry.append(_copy(header))
    return root


XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _copy(element: etree._Element) -> etree._Element:
    """A copy without xml:id attributes: ids of different texts would clash in one list."""
    copy = etree.fromstring(etree.tostring(element))
    for node in copy.iter():
        node.attrib.pop(XML_ID, None)
    return copy
