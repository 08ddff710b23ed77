"""HTML rendering speed, warm and in-process: the seed edition and the 561 KB corpus file.

Baseline: the same path through saxonche with an identity stylesheet (read, parse safely with
lxml, hand to Saxon, transform, serialise). The ratio is what the reading-edition templates
cost on top of moving the document through Saxon at all.

    python -m bench.bench_render_html
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bench.timing import best_of, report
from teikit.render import _processor
from teikit.render.html import html_string
from teikit.xmlio import parse_xml_bytes, read_input_bytes

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tei" / "serge-year-one-2.xml"
LARGE = REPO.parent / "shared" / "tei-corpus" / "testP5ExTcp1.xml"
SAMPLE = REPO / "tests" / "fixtures" / "tei" / "sample-edition.xml"

IDENTITY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>"""


def identity_transform(path: Path) -> str:
    """What transform_to_string does, with a stylesheet that copies its input."""
    processor = _processor()
    executable = identity_transform.executable  # type: ignore[attr-defined]
    tree = parse_xml_bytes(read_input_bytes(path), str(path))
    document = processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
    return str(executable.transform_to_string(xdm_node=document))


identity_transform.executable = (  # type: ignore[attr-defined]
    _processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=IDENTITY))


def main() -> None:
    for label, path in (("seed", SEED), ("sample fixture", SAMPLE), ("testP5ExTcp1", LARGE)):
        if not path.exists():
            print(f"{label}: {path} not found, skipped")
            continue
        baseline = best_of(lambda p=path: identity_transform(p), repeat=11)
        rendered = best_of(lambda p=path: html_string(p), repeat=11)
        size = path.stat().st_size / 1024
        print(f"{label} ({size:.0f} KB)")
        report("  baseline: identity XSLT, same path", baseline, baseline, "baseline")
        report("  render html (html.xsl, warm)", rendered, baseline, "baseline")


if __name__ == "__main__":
    main()
