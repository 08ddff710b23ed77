"""TEI → XSL-FO with ``xslt/fo/fo.xsl``: the print edition before FOP lays it out.

Python only chooses the stylesheet parameters; every decision about the book is in the XSLT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.render import read_source, transform_to_string
from teikit.xmlio import parse_xml_bytes, require_tei, write_text_atomically

PAGE_SIZES = ("A5", "A4")
STYLESHEET = "fo/fo.xsl"
FO_NAMESPACE = "http://www.w3.org/1999/XSL/Format"

# Mentions of indexed names carry ids ix.K.N (K: the entity, N: the mention); see xslt/fo/back.xsl.
MENTION_ID = re.compile(r"^ix\.(\d+)\.(\d+)$")


def check_page_size(page_size: str) -> str:
    """Return the canonical spelling of a supported page size or raise :class:`InputError`."""
    canonical = page_size.strip().upper()
    if canonical not in PAGE_SIZES:
        raise InputError(f"unsupported page size {page_size!r}",
                         hint=f"choose one of {', '.join(PAGE_SIZES)}")
    return canonical


def fo_string(tei: Path | bytes, page_size: str = "A5",
              cited_mentions: Iterable[str] | None = None, *, cite_all: bool = False,
              stylesheet: Path | None = None) -> str:
    """The XSL-FO of a TEI document as a string.

    ``cited_mentions``: the mention ids (``ix.K.N``) whose page numbers the index prints. By
    default the index cites the first mention of a name in each paragraph; the PDF renderer,
    which knows the pages, asks for every mention (``cite_all``) and keeps the first mention on
    each page (:func:`teikit.render.pdf.cite_pages`). ``stylesheet``: a project stylesheet that
    imports teikit's (``urn:teikit:xslt:fo``) instead of teikit's own.
    """
    params = {"page-size": check_page_size(page_size)}
    if cite_all:
        params["index-cite"] = "all"
    elif cited_mentions is not None:
        ids = sorted(set(cited_mentions), key=_mention_order)
        params["index-cite"] = " ".join(ids) if ids else "none"
    name = str(tei) if isinstance(tei, Path) else "<input>"
    if isinstance(tei, Path):   # read and parsed once for the HTML and the FO of a build
        require_tei(read_source(tei), name)
        text = transform_to_string(stylesheet or STYLESHEET, tei, **params)
    else:
        tree = require_tei(parse_xml_bytes(tei, name), name)
        text = transform_to_string(stylesheet or STYLESHEET, tree, **params)
    check_fo_text(text, name)
    return text


def check_fo_text(text: str, name: str) -> None:
    """The stylesheet's result is a complete XSL-FO document (``fo:root`` with pages)."""
    try:
        root = parse_xml_bytes(text.encode("utf-8"), f"{name} (XSL-FO)").getroot()
    except InputError as error:
        raise OutputError(f"{name}: the XSL-FO is not complete: {error.message}") from None
    if root.tag != f"{{{FO_NAMESPACE}}}root" or root.find(f"{{{FO_NAMESPACE}}}page-sequence") \
            is None:
        raise OutputError(f"{name}: the stylesheet produced no XSL-FO pages")


def render_fo(tei: Path, out: Path, page_size: str = "A5", *,
              stylesheet: Path | None = None) -> Path:
    """Write the XSL-FO of ``tei`` to ``out`` (atomically) and return ``out``."""
    text = fo_string(tei, page_size, stylesheet=stylesheet)
    return write_text_atomically(out, text, inputs=[tei])


def _mention_order(mention_id: str) -> tuple[int, int]:
    match = MENTION_ID.match(mention_id)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def normalise_fo(text: str) -> str:
    """FO in a stable, reviewable form for golden files.

    Generated ids (which depend on how many documents the XSLT processor has parsed) are renumbered
    in document order, and the tree is indented. Indentation only touches whitespace between
    elements, which XSL-FO collapses anyway.
    """
    tree = parse_xml_bytes(text.encode("utf-8"), "<fo>")
    renamed: dict[str, str] = {}

    def stable(value: str) -> str:
        if MENTION_ID.match(value):
            return value
        if value not in renamed:
            renamed[value] = f"id{len(renamed) + 1}"
        return renamed[value]

    for element in tree.iter():
        for attribute in ("id", "ref-id", "internal-destination"):
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, stable(value))
    etree.indent(tree, space=" ")
    return etree.tostring(tree, encoding="unicode") + "\n"
