"""``teikit entities report`` points at corrections: what the converter was unsure about, with
the block id and the correction that changes it — and that correction works as printed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.convert import convert_file
from teikit.register.report import entities_report
from tests.conftest import SEED_TEI
from tests.corrections.conftest import TEI, XML_ID


def test_the_review_lists_inferred_years_and_shared_forms_with_their_correction() -> None:
    report = entities_report(SEED_TEI)
    by_reason = {(item.paragraph, item.text): item for item in report.review}
    date = by_reason[("p-1.4", "October 27")]
    assert "year 1917 inferred" in date.reason and "Old Style" in date.reason
    assert date.correction.strip().splitlines() == [
        "[[correction]]", 'action = "date"', 'paragraph = "p-1.4"', 'text = "October 27"',
        'calendar = "gregorian"']
    shared = by_reason[("p-4.1", "Central Committee")]
    assert "shared form" in shared.reason
    assert 'set = { ref = "#sr-cc" }' in shared.correction
    output = CliRunner().invoke(main, ["entities", "report", str(SEED_TEI)]).output
    assert "mentions and dates to review" in output
    assert '  p-1.4: <date> “October 27” (year 1917 inferred, read as Old Style)' in output


def test_a_correction_from_the_review_applies_as_printed(seed_tei: Path) -> None:
    item = next(i for i in entities_report(SEED_TEI).review
                if (i.paragraph, i.text) == ("p-1.4", "October 27"))
    (seed_tei / "corrections").mkdir()
    (seed_tei / "corrections" / "serge-year-one-2.toml").write_text(item.correction, "utf-8")
    output = seed_tei / "serge-year-one-2.xml"
    convert_file(seed_tei / "sources" / "serge-year-one-2.txt", output,
                 config_path=seed_tei / "edition.toml")
    paragraph = etree.parse(str(output)).getroot().find(f".//*[@{XML_ID}='p-1.4']")
    (date,) = paragraph.iter(f"{TEI}date")
    assert date.get("when") == "1917-10-27" and date.get("calendar") == "#gregorian"
    assert date.get("resp") == "#corrector"
    assert entities_report(output).review[0].paragraph != "p-1.4", "reviewed: not listed again"
