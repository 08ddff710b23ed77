"""Print edition speed: XSL-FO generation (XSLT, in process) and FOP.

Baselines, measured in the same run:
- FO generation against the TEI Consortium's Stylesheets' fo.xsl when
  ``$TEIKIT_TEI_STYLESHEETS`` names a checkout, else an identity transform, through the same
  saxonche path (bench.baselines), on the seed and on the 548 KB corpus file.
- A layout in the warm JVM (teikit.render.fop) against one run of the ``fop`` command on the
  same FO, and the command's fixed cost (a one-page document).
- The whole PDF of the seed (the FO, two layouts for the exact index) against one ``fop`` run
  of its final FO.

    python -m bench.bench_print
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from lxml import etree

from bench.baselines import baseline
from bench.timing import interleaved, report
from teikit.render import forget_sources, transform_to_string
from teikit.render.fo import fo_string
from teikit.render.fop import SubprocessFop, fop_session
from teikit.render.pdf import fop_config, render_pdf_report
from teikit.xmlio import parse_xml_bytes, read_input_bytes, write_text_atomically

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tei" / "serge-year-one-2.xml"
LARGE = REPO.parent / "shared" / "tei-corpus" / "testP5ExTcp1.xml"

FO = "http://www.w3.org/1999/XSL/Format"


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


def fop_command(fo: Path, out: Path) -> None:
    """The Debian ``fop`` command as a user runs it."""
    subprocess.run(["fop", "-q", "-c", str(fop_config()), "-fo", str(fo), "-pdf", str(out)],
                   capture_output=True, check=True, stdin=subprocess.DEVNULL)


def main() -> None:
    if not SEED.exists():
        print(f"{SEED} not found, skipped")
        return
    name, transform = baseline("fo")
    for label, path in (("seed", SEED), ("testP5ExTcp1 (548 KB)", LARGE)):
        if not path.exists():
            continue
        times = interleaved({
            "base": lambda p=path: transform(p),
            # each call reads and parses the file, as the baseline does
            "ours": lambda p=path: transform_to_string(
                "fo/fo.xsl", parse_xml_bytes(read_input_bytes(p), str(p)), **{"page-size": "A5"}),
            "fo_string": lambda p=path: (forget_sources(), fo_string(p))}, rounds=15)
        base = times["base"]
        report(f"{label}: baseline {name}, same path", base, base, "baseline")
        report(f"{label}: fo.xsl, same path", times["ours"], base, "baseline")
        report(f"{label}: fo_string (+ the FO checked whole)", times["fo_string"], base,
               "baseline")
    try:
        SubprocessFop()
    except Exception as error:  # FOP missing: the FO figures still stand
        print(f"FOP timings skipped: {error}")
        return
    with tempfile.TemporaryDirectory(prefix="teikit-bench-") as scratch:
        folder = Path(scratch)
        os.environ["TEIKIT_CACHE_DIR"] = ""  # every PDF below finds its index pages itself
        tiny = write_text_atomically(folder / "one-page.fo", one_page_fo())
        fop_fixed = timed(lambda: fop_command(tiny, folder / "one-page.pdf"))
        book_fo = render_pdf_report(SEED, folder / "seed.pdf").fo
        fop_book = timed(lambda: fop_command(book_fo, folder / "again.pdf"))
        base = "one `fop` run"
        report("`fop` command: one-page FO → PDF (its fixed cost)", fop_fixed, fop_book, base)
        report("`fop` command: seed FO → PDF", fop_book, fop_book, base)
        session = fop_session()
        data = book_fo.read_bytes()
        report(f"seed FO → PDF, one layout ({session.name}, warm)",
               timed(lambda: session.layout(data, "pdf")), fop_book, base)
        start = time.perf_counter()
        render_pdf_report(SEED, folder / "whole.pdf", session=session)
        report("seed → PDF (FO once, 2 layouts: exact index), warm", time.perf_counter() - start,
               fop_book, base)


if __name__ == "__main__":
    main()
