"""XSD problems are classified from xmlschema's typed error attributes and point at their
element by line and by XPath."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit import TEI_NS
from teikit.validate import validate_files
from teikit.validate.source import read_source
from teikit.validate.xsd import load_xsd, validate_xsd

from .conftest import load_cases

XSD = Path(__file__).resolve().parents[2] / "schema" / "edition.xsd"
XSD_CASES = [c for c in load_cases() if any(r.startswith("xsd:") for r in c.rules)]


@pytest.mark.parametrize("case", XSD_CASES[:12], ids=[c.name for c in XSD_CASES[:12]])
def test_each_problem_has_an_xpath_to_the_element_on_its_line(case, broken_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = broken_dir / case.write(broken_dir).name
    tree = etree.parse(str(path))
    for problem in validate_files([path], ["edition"]):
        if not problem.rule.startswith("xsd:"):
            continue
        (element,) = tree.xpath(problem.xpath, namespaces={"tei": TEI_NS})
        assert element.sourceline == problem.line


def test_the_rules_do_not_depend_on_the_wording_of_xmlschemas_messages(
        broken_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    schema = load_xsd(XSD.resolve())
    paths = [broken_dir / c.write(broken_dir).name for c in XSD_CASES]
    expected = {path: [p.rule for p in validate_xsd(read_source(path), XSD)] for path in paths}
    original = type(schema).iter_errors

    def reworded(self, source, *args, **kwargs):  # type: ignore[no-untyped-def]
        for error in original(self, source, *args, **kwargs):
            error.reason = "Fehler"   # a translated, or reworded, message
            yield error

    monkeypatch.setattr(type(schema), "iter_errors", reworded)
    found = {path: [p.rule for p in validate_xsd(read_source(path), XSD)] for path in paths}
    assert found == expected
    assert {rule for rules in found.values() for rule in rules} >= {
        "xsd:attribute-not-allowed", "xsd:attribute-required", "xsd:type:cert"}


def test_a_duplicate_xml_id_is_its_own_rule(broken_dir: Path) -> None:
    (case,) = [c for c in load_cases() if c.name == "duplicate xml:id"]
    path = broken_dir / case.write(broken_dir).name
    problems = [p for p in validate_xsd(read_source(path), XSD) if p.rule == "xsd:id-unique"]
    assert [p.message for p in problems] == [
        "xml:id 'victor-serge' is used more than once; each xml:id must be unique"]
