"""Cost of the name, date and quotation passes on the seed, against ingesting the same text.

Ingest (decode and cut into blocks) is the work every pass builds on; the ratios say what each
concern adds. The register is loaded once, as a conversion does.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import best_of, report
from teikit.config import load_config
from teikit.convert.ingest import ingest_file
from teikit.convert.passes.dates import DatePass
from teikit.convert.passes.entities import EntityPass
from teikit.convert.passes.quotes import QuotePass
from teikit.register.candidates import find_candidates
from teikit.register.entries import load_register

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "tei" / "sources" / "serge-year-one-2.txt"


def main() -> None:
    settings = load_config(REPO / "tei" / "edition.toml").settings_for(SOURCE.stem)
    assert settings.register_path is not None
    register = load_register(settings.register_path)
    doc = ingest_file(SOURCE)
    quotes = QuotePass(register).propose(doc, ())
    dates = DatePass(settings.year, settings.calendar).propose(doc, quotes)

    baseline = best_of(lambda: ingest_file(SOURCE))
    report("baseline: ingest the seed", baseline, baseline, "ingest")
    report("load the register (119 entries)",
           best_of(lambda: load_register(settings.register_path)), baseline, "ingest")  # type: ignore[arg-type]
    report("quotation pass", best_of(lambda: QuotePass(register).propose(doc, ())), baseline,
           "ingest")
    report("date pass", best_of(lambda: DatePass(settings.year, settings.calendar).propose(
        doc, quotes)), baseline, "ingest")
    report("entity pass (matcher built each time)",
           best_of(lambda: EntityPass(register).propose(doc, quotes + dates)), baseline, "ingest")
    report("name candidates without a register", best_of(lambda: find_candidates(doc)), baseline,
           "ingest")


if __name__ == "__main__":
    main()
