"""Dates whose year or calendar was inferred: a warning each from `teikit convert`, and a list
with their paragraphs in `teikit entities report`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from tests.conftest import FIXTURES

TEI = "{http://www.tei-c.org/ns/1.0}"
MEMOIR = FIXTURES / "dates" / "vereshchagina-winter.txt"


def test_convert_warns_about_each_inferred_date_and_the_report_lists_them(tmp_path: Path) -> None:
    source = tmp_path / MEMOIR.name
    shutil.copy(MEMOIR, source)
    runner = CliRunner()
    converted = runner.invoke(main, ["convert", str(source)])
    assert converted.exit_code == 0, converted.output
    tei = source.with_suffix(".xml")
    inferred = [d for d in etree.parse(str(tei)).iter(f"{TEI}date") if d.get("cert")]
    assert len(inferred) >= 10
    warned = re.findall(r"teikit: warning: line \d+: date “([^”]+)”", converted.output)
    assert warned == ["".join(d.itertext()) for d in inferred]

    report = runner.invoke(main, ["entities", "report", str(tei), "--json"])
    assert report.exit_code == 0, report.output
    dates = json.loads(report.output)["dates"]
    assert [d["surface"] for d in dates] == warned
    the_6th = next(d for d in dates if d["surface"] == "the 6th")
    assert the_6th["value"] == "1918-01-19 (Old Style 1918-01-06)"
    assert the_6th["cert"] == "medium" and the_6th["paragraph"] > 1
    assert "early on [the 6th], and the assembly" in the_6th["context"]
    text = runner.invoke(main, ["entities", "report", str(tei)]).output
    assert f"{len(dates)} dates whose year or calendar was inferred (@cert)" in text
