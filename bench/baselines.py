"""The baseline stylesheets of the rendering benchmarks, run through the same saxonche path.

When ``$TEIKIT_TEI_STYLESHEETS`` names a checkout of the TEI Consortium's Stylesheets (it is
never vendored here), their ``html/html.xsl`` and ``fo/fo.xsl`` are the baselines: what a TEI
project would otherwise run. Without it the baseline is an identity transform, the cost of
moving the document through Saxon at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from saxonche import PyXsltExecutable

from teikit.render import _processor
from teikit.xmlio import parse_xml_bytes, read_input_bytes, saxon_input

STYLESHEETS_ENV = "TEIKIT_TEI_STYLESHEETS"

IDENTITY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>"""


def tei_stylesheet(kind: str) -> Path | None:
    """``html/html.xsl`` or ``fo/fo.xsl`` of the checkout named by the environment, if any."""
    checkout = os.environ.get(STYLESHEETS_ENV)
    if not checkout:
        return None
    path = Path(checkout) / kind / f"{kind}.xsl"
    return path if path.is_file() else None


@cache
def _compiled(kind: str) -> tuple[str, PyXsltExecutable]:
    compiler = _processor().new_xslt30_processor()
    theirs = tei_stylesheet(kind)
    if theirs is not None:
        return (f"TEI Stylesheets {kind}.xsl",
                compiler.compile_stylesheet(stylesheet_file=str(theirs)))
    return "identity XSLT", compiler.compile_stylesheet(stylesheet_text=IDENTITY)


def baseline(kind: str) -> tuple[str, Callable[[Path], str]]:
    """(label, transform) for ``kind`` (``html`` or ``fo``): the path teikit's own rendering
    takes (read, parse safely with lxml, hand to Saxon, transform, serialise)."""
    label, executable = _compiled(kind)

    def transform(path: Path) -> str:
        tree = parse_xml_bytes(read_input_bytes(path), str(path))
        document, _ = saxon_input(tree, str(path))
        return str(executable.transform_to_string(xdm_node=document))

    return label, transform
