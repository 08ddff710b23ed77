"""Conversion speed: the seed transcription → TEI, against parsing and serialising that TEI.

The baseline (lxml parse + serialise of the finished TEI) is the least any converter producing
the same document must do, so the ratio says how much the passes and the weave cost on top.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from bench.timing import best_of, report
from teikit.config import load_config
from teikit.convert import convert_transcription
from teikit.convert.ingest import ingest_file

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "tei" / "sources" / "serge-year-one-2.txt"


def main() -> None:
    config = load_config(REPO / "tei" / "edition.toml")
    settings = config.settings_for(SOURCE.stem)
    doc = ingest_file(SOURCE)
    xml = etree.tostring(convert_transcription(doc, settings).tree)

    baseline = best_of(lambda: etree.tostring(etree.fromstring(xml)))
    report("baseline: parse + serialise the TEI (lxml)", baseline, baseline, "baseline")
    report("ingest (decode + blocks)", best_of(lambda: ingest_file(SOURCE)), baseline, "baseline")
    report("convert (ingest + passes + weave + header)",
           best_of(lambda: convert_transcription(ingest_file(SOURCE), settings)), baseline,
           "baseline")


if __name__ == "__main__":
    main()
