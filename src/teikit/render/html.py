"""The HTML reading edition: ``xslt/html/html.xsl`` per text, ``xslt/site.xsl`` for the list of
texts.

Python only chooses paths and parameters and copies the static assets (``xslt/assets/``) next
to the pages; every byte of HTML comes from the stylesheets.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.render import transform_to_string
from teikit.resources import xslt_path
from teikit.xmlio import (
    parse_xml_bytes,
    parse_xml_file,
    read_input_bytes,
    write_text_atomically,
)

TEI_NS = "http://www.tei-c.org/ns/1.0"
SITE_NS = "urn:teikit:site"
ASSETS_DIRNAME = "assets"
INDEX_NAME = "index.html"
STYLESHEET = "html/html.xsl"


def html_string(tei: Path | bytes, *, assets: str = f"{ASSETS_DIRNAME}/", home: str = "",
                stylesheet: Path | None = None) -> str:
    """Render one TEI document (a path or its bytes) to an HTML5 page and return it.

    ``assets`` is the URL prefix of the CSS and JavaScript; ``home`` the URL of the page that
    lists all texts (no link when empty); ``stylesheet`` a project stylesheet that imports
    teikit's (``urn:teikit:xslt:html``) instead of teikit's own.
    """
    name = str(tei) if isinstance(tei, Path) else "<input>"
    data = read_input_bytes(tei) if isinstance(tei, Path) else tei
    tree = parse_xml_bytes(data, name)
    root = tree.getroot()
    if root.tag not in (f"{{{TEI_NS}}}TEI", f"{{{TEI_NS}}}teiCorpus"):
        raise InputError(f"{name}: not a TEI document (root element {root.tag!r})",
                         hint=f"expected TEI or teiCorpus in the namespace {TEI_NS}")
    return transform_to_string(stylesheet or STYLESHEET, tree, assets=assets, home=home)


def copy_assets(target_dir: Path) -> Path:
    """Copy the stylesheet's CSS and JavaScript into ``target_dir/assets`` and return that path."""
    source = xslt_path(ASSETS_DIRNAME)
    target = Path(target_dir) / ASSETS_DIRNAME
    try:
        shutil.copytree(source, target, dirs_exist_ok=True)
    except OSError as error:
        raise OutputError(f"{target}: cannot copy the page assets: {error}") from None
    return target


def default_output(tei: Path) -> Path:
    return Path(tei).with_suffix(".html")


def render_html(tei: Path, out: Path | None = None, *, home: str = "",
                stylesheet: Path | None = None) -> Path:
    """Write the reading edition of ``tei`` to ``out`` (default: beside it, ``.html``).

    The assets are copied into ``assets/`` next to the page. Returns the page's path.
    """
    tei = Path(tei)
    out = default_output(tei) if out is None else Path(out)
    page = html_string(tei, home=home, stylesheet=stylesheet)
    written = write_text_atomically(out, page, inputs=[tei])
    copy_assets(written.parent)
    return written


def page_name(tei: Path) -> str:
    return Path(tei).with_suffix(".html").name


def render_site(tei_files: Sequence[Path], site_dir: Path, *,
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
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise InputError(f"two texts would both be written to {duplicates[0]}",
                         hint="give the TEI files different names")
    written: list[Path] = []
    for tei, name in zip(tei_files, names, strict=True):
        page = html_string(Path(tei), home=INDEX_NAME, stylesheet=stylesheet)
        written.append(write_text_atomically(site_dir / name, page, inputs=[Path(tei)]))
    manifest = site_manifest(tei_files, names)
    index = transform_to_string("site.xsl", etree.tostring(manifest), assets=f"{ASSETS_DIRNAME}/")
    written.append(write_text_atomically(site_dir / INDEX_NAME, index, inputs=list(tei_files)))
    copy_assets(site_dir)
    return written


def site_manifest(tei_files: Sequence[Path], names: Sequence[str]) -> etree._Element:
    """An XML list of the texts for ``site.xsl``: each entry's page name and TEI header."""
    root = etree.Element(f"{{{SITE_NS}}}site", nsmap={None: SITE_NS, "tei": TEI_NS})
    for tei, name in zip(tei_files, names, strict=True):
        document = parse_xml_file(Path(tei)).getroot()
        entry = etree.SubElement(root, f"{{{SITE_NS}}}text", href=name)
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
