"""The edition schema at libxml2 speed: libxml2 gives the verdict, xmlschema explains a failure;
the Schematron rules are translated once and kept between runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from teikit.validate import check_files, libxml_xsd, schematron, xsd
from teikit.validate.source import read_source
from tests.conftest import REPO

from .conftest import SAMPLE, Case, load_cases

XSD = REPO / "schema" / "edition.xsd"
SCH = REPO / "schema" / "edition.sch"
XSD_CASES = [c for c in load_cases() if any(r.startswith("xsd:") for r in c.rules)]


def test_libxml2_and_xmlschema_agree_on_every_broken_document(broken_dir: Path) -> None:
    assert libxml_xsd.compiled_xsd(XSD) is not None
    assert libxml_xsd.is_valid(read_source(SAMPLE), XSD) is True
    for case in load_cases():
        source = read_source(case.write(broken_dir))
        explained = xsd.validate_xsd(source, XSD)
        assert libxml_xsd.is_valid(source, XSD) is (not explained), case.name


@pytest.mark.parametrize("case", XSD_CASES[:3], ids=[c.name for c in XSD_CASES[:3]])
def test_an_invalid_document_still_gets_xmlschemas_message(case: Case, broken_dir: Path) -> None:
    path = case.write(broken_dir)
    reported = [p for p in check_files([path], [XSD]).problems if p.rule.startswith("xsd:")]
    assert reported and reported == xsd.validate_xsd(read_source(path), XSD)
    assert all(p.rule != "xsd:libxml2" for p in reported)


def test_a_valid_document_never_imports_xmlschema() -> None:
    program = ("import sys; from teikit.validate import check_files; "
               f"r = check_files([{str(SAMPLE)!r}]); "
               "print(r.exit_code, 'xmlschema' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=True, env={"PYTHONPATH": str(REPO / "src"), "PATH": "",
                                 "TEIKIT_CACHE_DIR": ""})
    assert result.stdout.split() == ["0", "False"], result.stderr


def test_a_schema_importing_a_remote_file_is_left_to_xmlschema(tmp_path: Path) -> None:
    remote = tmp_path / "remote.xsd"
    remote.write_text(XSD.read_text(encoding="utf-8").replace(
        '<xs:import namespace="http://www.w3.org/XML/1998/namespace"/>',
        '<xs:import namespace="http://www.w3.org/XML/1998/namespace" '
        'schemaLocation="http://127.0.0.1:9/xml.xsd"/>'), encoding="utf-8")
    assert libxml_xsd.compiled_xsd(remote) is None
    assert libxml_xsd.is_valid(read_source(SAMPLE), remote) is None


@pytest.fixture
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "edition.sch"
    copy.write_bytes(SCH.read_bytes())
    return copy


def compile_fresh(path: Path) -> object:
    """What a new process does: bypass the per-process memo."""
    return schematron._compiled.__wrapped__(path.resolve(), 0)  # type: ignore[attr-defined]


def test_the_translated_rules_are_read_back_in_a_later_run(
        rules_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_fresh(rules_copy)
    assert len(list((rules_copy.parent / "cache").glob("schematron-*.xsl"))) == 1

    def no_translation(_path: Path) -> bytes:
        raise AssertionError("the rules were translated again")

    monkeypatch.setattr(schematron, "_translate", no_translation)
    assert compile_fresh(rules_copy) is not None


def test_edited_rules_are_translated_again_and_a_damaged_entry_is_ignored(
        rules_copy: Path) -> None:
    compile_fresh(rules_copy)
    (entry,) = (rules_copy.parent / "cache").glob("schematron-*.xsl")
    entry.write_bytes(b'<?xml version="1.0"?><xsl:stylesheet broken</xsl:stylesheet>')
    assert compile_fresh(rules_copy) is not None
    rules_copy.write_text(rules_copy.read_text(encoding="utf-8") + "<!-- edited -->\n",
                          encoding="utf-8")
    compile_fresh(rules_copy)
    assert len(list((rules_copy.parent / "cache").glob("schematron-*.xsl"))) == 2
