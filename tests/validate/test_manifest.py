"""Data-driven: each small invalid document gives exactly the errors its manifest entry names,
and together the entries exercise every rule of edition.xsd and edition.sch."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from teikit.validate import check_files, validate_files

from .conftest import SAMPLE, Case, load_cases

CASES = load_cases()
REPO = Path(__file__).resolve().parents[2]
XSD = REPO / "schema" / "edition.xsd"
SCH = REPO / "schema" / "edition.sch"


def test_the_sample_edition_is_valid() -> None:
    assert validate_files([SAMPLE]) == []


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_document_reports_expected_rules(case: Case, broken_dir: Path) -> None:
    path = broken_dir / case.write(broken_dir).name
    problems = validate_files([path])
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    assert len(errors) == case.errors, "\n".join(map(str, problems))
    assert len(warnings) == case.warnings, "\n".join(map(str, problems))
    assert set(case.rules) == {p.rule for p in problems}
    assert all(p.line > 0 and p.column > 0 for p in problems)
    assert check_files([path]).exit_code == (1 if errors else 0)


def _schematron_ids() -> set[str]:
    schema = etree.parse(str(SCH))
    ns = {"sch": "http://purl.oclc.org/dsdl/schematron"}
    return {f"sch:{i}" for i in schema.xpath("//sch:assert/@id | //sch:report/@id", namespaces=ns)}


def _xsd_named_simple_types() -> set[str]:
    schema = etree.parse(str(XSD))
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    return {f"xsd:type:{n}" for n in schema.xpath("/xs:schema/xs:simpleType/@name", namespaces=ns)}


def test_manifest_covers_every_schematron_rule() -> None:
    covered = {rule for case in CASES for rule in case.rules}
    assert _schematron_ids() - covered == set()


def test_manifest_covers_every_xsd_value_list_and_datatype() -> None:
    covered = {rule for case in CASES for rule in case.rules}
    assert _xsd_named_simple_types() - covered == set()


def test_manifest_covers_every_kind_of_xsd_problem() -> None:
    kinds = {re.sub(r"^(xsd:(?:content|type)):.*$", r"\1", rule)
             for case in CASES for rule in case.rules}
    assert {"xsd:content", "xsd:type", "xsd:attribute-not-allowed", "xsd:attribute-required",
            "xml:id-unique", "xml:id-ncname"} <= kinds


def test_every_case_is_a_distinct_document() -> None:
    documents = Counter(case.document() for case in CASES)
    assert max(documents.values()) == 1
