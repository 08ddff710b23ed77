"""Cost of the name, date, money and quotation passes on the seed, against ingesting the same text.

Ingest (decode and cut into blocks) is the work every pass builds on; the ratios say what each
concern adds. The register is loaded once, as a conversion does.
"""

from __future__ import annotations

from pathlib import Path

from bench.timing import best_of, report
from teikit.config import load_config
from teikit.convert.ingest import ingest_file
from teikit.convert.passes import dates, entities, money, quotes
from teikit.register.candidates import find_candidates
from teikit.register.entries import load_register

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "tei" / "sources" / "serge-year-one-2.txt"


def main() -> None:
    settings = load_config(REPO / "tei" / "edition.toml").settings_for(SOURCE.stem)
    assert settings.register_path is not None
    register = load_register(settings.register_path)
    doc = ingest_file(SOURCE)
    quote_options = quotes.QuoteOptions(register)
    date_options = dates.DateOptions(settings.year, settings.calendar)
    entity_options = entities.EntityOptions(register)
    quoted = quotes.run(doc, (), quote_options).spans
    dated = dates.run(doc, quoted, date_options).spans

    baseline = best_of(lambda: ingest_file(SOURCE))
    report("baseline: ingest the seed", baseline, baseline, "ingest")
    report("load the register (119 entries)",
           best_of(lambda: load_register(settings.register_path)), baseline, "ingest")  # type: ignore[arg-type]
    report("quotation pass", best_of(lambda: quotes.run(doc, (), quote_options)), baseline,
           "ingest")
    report("date pass", best_of(lambda: dates.run(doc, quoted, date_options)), baseline, "ingest")
    report("money pass", best_of(lambda: money.run(doc, quoted + dated, money.MoneyOptions())),
           baseline, "ingest")
    report("entity pass (matcher built each time)",
           best_of(lambda: entities.run(doc, quoted + dated, entity_options)), baseline, "ingest")
    report("name candidates without a register", best_of(lambda: find_candidates(doc)), baseline,
           "ingest")


if __name__ == "__main__":
    main()
