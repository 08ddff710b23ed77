"""HTML rendering speed, warm and in-process: the seed edition and the 548 KB corpus file.

Baseline (bench.baselines): the TEI Consortium's Stylesheets' html.xsl when
``$TEIKIT_TEI_STYLESHEETS`` names a checkout, else an identity stylesheet, through the same
saxonche path (read, parse safely with lxml, hand to Saxon, transform, serialise). teikit's
html.xsl on that path with the parameters teikit gives it, and ``html_string`` (which also
reads the page's metadata from the TEI in Python, for the stylesheet to write): the fastest of 15
interleaved runs of each (bench.timing.interleaved).

    TEIKIT_TEI_STYLESHEETS=/path/to/Stylesheets python -m bench.bench_render_html
"""

from __future__ import annotations

from pathlib import Path

from bench.baselines import baseline
from bench.timing import interleaved, report
from teikit.render import forget_sources, transform_to_string
from teikit.render.html import STYLESHEET, html_string, page_metadata
from teikit.xmlio import parse_xml_bytes, read_input_bytes

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "tei" / "serge-year-one-2.xml"
LARGE = REPO.parent / "shared" / "tei-corpus" / "testP5ExTcp1.xml"
SAMPLE = REPO / "tests" / "fixtures" / "tei" / "sample-edition.xml"


def main() -> None:
    name, transform = baseline("html")
    for label, path in (("seed", SEED), ("sample fixture", SAMPLE), ("testP5ExTcp1", LARGE)):
        if not path.exists():
            print(f"{label}: {path} not found, skipped")
            continue
        # the parameters teikit gives html.xsl; the page's metadata is made in Python
        metadata = page_metadata(parse_xml_bytes(read_input_bytes(path), str(path)), path.stem)
        # each call reads and parses the file, as the baseline does (teikit keeps the last
        # files it parsed, for a build that renders a text twice: not here)
        times = interleaved({
            "base": lambda p=path: transform(p),
            "ours": lambda p=path, m=metadata: transform_to_string(
                STYLESHEET, parse_xml_bytes(read_input_bytes(p), str(p)), assets="assets/",
                home="", metadata=m),
            "rendered": lambda p=path: (forget_sources(), html_string(p))}, rounds=15)
        base, ours, rendered = times["base"], times["ours"], times["rendered"]
        size = path.stat().st_size / 1024
        print(f"{label} ({size:.0f} KB)")
        report(f"  baseline: {name}, same path", base, base, "baseline")
        report("  html.xsl, same path, teikit's parameters", ours, base, "baseline")
        report("  render html (+ the page metadata, in Python)", rendered, base, "baseline")


if __name__ == "__main__":
    main()
