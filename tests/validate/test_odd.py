"""schema/edition.odd documents the same customisation as edition.xsd and edition.sch."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from lxml import etree

from teikit.validate.odd import build_odd
from tests.conftest import REPO, TEI_ALL_RNG

SCHEMA = REPO / "schema"
NS = {"tei": "http://www.tei-c.org/ns/1.0", "xs": "http://www.w3.org/2001/XMLSchema",
      "sch": "http://purl.oclc.org/dsdl/schematron"}


def test_the_committed_odd_is_what_the_schemas_generate() -> None:
    generated = build_odd()
    if os.environ.get("TEIKIT_UPDATE_GOLDEN") == "1":
        (SCHEMA / "edition.odd").write_bytes(generated)
    assert (SCHEMA / "edition.odd").read_bytes() == generated, \
        "edition.odd is stale: run TEIKIT_UPDATE_GOLDEN=1 pytest tests/validate/test_odd.py"


def test_odd_and_xsd_admit_the_same_elements() -> None:
    odd = etree.parse(str(SCHEMA / "edition.odd"))
    xsd = etree.parse(str(SCHEMA / "edition.xsd"))
    included = {name for value in odd.xpath("//tei:moduleRef/@include", namespaces=NS)
                for name in value.split()}
    assert included == set(xsd.xpath("//xs:element/@name", namespaces=NS))


def test_odd_declares_every_schematron_rule_as_a_constraint() -> None:
    odd = etree.parse(str(SCHEMA / "edition.odd"))
    sch = etree.parse(str(SCHEMA / "edition.sch"))
    constraints = odd.xpath("//tei:constraintSpec", namespaces=NS)
    assertions = sch.xpath("//sch:assert | //sch:report", namespaces=NS)
    assert [c.get("ident") for c in constraints] == [a.get("id") for a in assertions]
    for constraint, assertion in zip(constraints, assertions, strict=True):
        (check,) = constraint.xpath(".//sch:assert | .//sch:report", namespaces=NS)
        assert check.get("test") == assertion.get("test")


def test_odd_closed_value_lists_match_the_xsd_enumerations() -> None:
    odd = etree.parse(str(SCHEMA / "edition.odd"))
    xsd = etree.parse(str(SCHEMA / "edition.xsd"))
    odd_values = {str(v) for v in odd.xpath("//tei:valItem/@ident", namespaces=NS)}
    xsd_values = {str(v) for v in xsd.xpath("//xs:enumeration/@value", namespaces=NS)}
    assert odd_values == xsd_values


@pytest.mark.skipif(shutil.which("jing") is None, reason="needs jing")
def test_the_odd_is_itself_valid_tei() -> None:
    completed = subprocess.run(["jing", str(TEI_ALL_RNG), str(SCHEMA / "edition.odd")],
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout
