"""Print edition speed for the seed: XSL-FO generation (XSLT, in process) and FOP (a JVM per run).

Baselines, measured in the same run:
- FO generation against an identity transform through the same path (read, parse safely with
  lxml, hand to Saxon, transform, serialise): what the print templates cost on top of moving the
  document through Saxon at all.
- FOP against FOP rendering a one-page document with the same configuration and fonts: what the
  book costs on top of starting the JVM and loading FOP and the fonts.
- The whole PDF (two layout passes for the exact index, see teikit.render.pdf) against one FOP
  run of its final FO.

    python -m bench.bench_print
"""

from __future__ import annotations

import tempfile
import time
from functools import cache
from pathlib import Path

from lxml import etree
from saxonche import PyXsltExecutable

from bench.timing import best_of, report
from teikit.render import _processor
from teikit.render.fo import fo_string
from teikit.render.pdf import find_fop, render_pdf_report, run_fop
from teikit.xmlio import parse_xml_bytes, read_input_bytes, write_text_atomically

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tei" / "serge-year-one-2.xml"

IDENTITY = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:mode on-no-match="shallow-copy"/>
</xsl:stylesheet>"""

FO = "http://www.w3.org/1999/XSL/Format"


@cache
def _identity() -> PyXsltExecutable:
    return _processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=IDENTITY)


def identity_transform(path: Path) -> str:
    """What transform_to_string does, with a stylesheet (compiled once) that copies its input."""
    processor = _processor()
    executable = _identity()
    tree = parse_xml_bytes(read_input_bytes(path), str(path))
    document = processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"))
    return str(executable.transform_to_string(xdm_node=document))


def one_page_fo() -> str:
    """A page of text in the edition's font: FOP's fixed cost."""
    root = etree.Element(f"{{{FO}}}root", nsmap={"fo": FO}, attrib={"font-family": "DejaVu Serif"})
    masters = etree.SubElement(root, f"{{{FO}}}layout-master-set")
    master = etree.SubElement(masters, f"{{{FO}}}simple-page-master", {
        "master-name": "page", "page-width": "148mm", "page-height": "210mm"})
    etree.SubElement(master, f"{{{FO}}}region-body", {"margin": "15mm"})
    sequence = etree.SubElement(root, f"{{{FO}}}page-sequence", {"master-reference": "page"})
    flow = etree.SubElement(sequence, f"{{{FO}}}flow", {"flow-name": "xsl-region-body"})
    etree.SubElement(flow, f"{{{FO}}}block").text = "Year One of the Russian Revolution"
    return etree.tostring(root, encoding="unicode")


def timed(function: object, repeat: int = 3) -> float:
    """Median of ``repeat`` runs (FOP runs are too slow for more)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main() -> None:
    if not SEED.exists():
        print(f"{SEED} not found, skipped")
        return
    baseline = best_of(lambda: identity_transform(SEED))
    report("seed → XSL-FO (fo.xsl)", best_of(lambda: fo_string(SEED)), baseline,
           "identity XSLT")
    try:
        find_fop()
    except Exception as error:  # FOP missing: the FO figures still stand
        print(f"FOP timings skipped: {error}")
        return
    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as scratch:
        folder = Path(scratch)
        tiny = write_text_atomically(folder / "one-page.fo", one_page_fo())
        fop_baseline = timed(lambda: run_fop(tiny, folder / "one-page.pdf"))
        book_fo = render_pdf_report(SEED, folder / "seed.pdf").fo
        fop_book = timed(lambda: run_fop(book_fo, folder / "again.pdf"))
        report("FOP: seed FO → PDF (one run)", fop_book, fop_baseline, "FOP one-page")
        whole = timed(lambda: render_pdf_report(SEED, folder / "seed.pdf"), repeat=1)
        report("seed → PDF (XSLT ×2, FOP ×2: exact index)", whole, fop_book,
               "one FOP run of the book")


if __name__ == "__main__":
    main()
