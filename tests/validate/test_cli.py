"""`teikit validate` as a person uses it: report lines, exit codes, JSON, directories, safety."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result

from teikit.cli import main
from tests.conftest import REPO

from .conftest import SAMPLE

REPORT_SCHEMA = json.loads((REPO / "schema" / "validation-report.schema.json").read_text())

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">&lol3;</TEI>
"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">&secret;</TEI>
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["validate", *args])


def sample_with(tmp_path: Path, old: str, new: str, name: str = "doc.xml") -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_valid_file_exits_0_with_a_summary() -> None:
    result = run(str(SAMPLE))
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines() == [
        "1 file checked against edition.xsd, edition.sch: 1 valid, 0 invalid "
        "(0 errors, 0 warnings)"]


def test_invalid_file_exits_1_with_one_line_per_problem(tmp_path: Path) -> None:
    path = sample_with(tmp_path, '<div type="letter">', '<div type="canto">')
    result = run(str(path))
    assert result.exit_code == 1
    first, summary = result.output.strip().splitlines()
    line = SAMPLE.read_text().splitlines().index('      <div type="letter">') + 1
    assert first == (f"{path}:{line}:7: error: attribute @type='canto' on <div> is not one of "
                     "the allowed values: section, transcription, headnote, letter, colophon, "
                     "part, chapter, appendix, afterword, contents, notes [xsd:type:divType]")
    assert summary.endswith("0 valid, 1 invalid (1 error, 0 warnings)")


def test_error_lines_point_at_the_offending_element(tmp_path: Path) -> None:
    # a broken pointer on the third line of a paragraph that spans several lines
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "<p>We write.</p>", "<p>We\nwrite\n  to <persName ref=\"#nobody\">Lenin</persName>.</p>")
    path = tmp_path / "lines.xml"
    path.write_text(text, encoding="utf-8")
    expected_line = text[: text.index('<persName ref="#nobody"')].count("\n") + 1
    result = run(str(path))
    assert f"{path}:{expected_line}:6: error: @ref of <persName> points to #nobody" in result.output


def test_schematron_problems_carry_the_line_of_their_element(tmp_path: Path) -> None:
    path = sample_with(tmp_path, 'when="1917-11-09"', 'when="1917-11-08"')
    text = path.read_text()
    offset = text.index('<date when="1917-11-08"')
    line = text[:offset].count("\n") + 1
    column = offset - text.rfind("\n", 0, offset)
    result = run(str(path))
    assert f"{path}:{line}:{column}: error: the Julian date 1917-10-27 is 1917-11-09" in \
        result.output


def test_json_output_has_the_same_fields_and_follows_the_shipped_schema(tmp_path: Path) -> None:
    broken = sample_with(tmp_path, "<p>We write.</p>", "<p bar=\"x\">We write.</p>")
    result = run("--format", "json", str(SAMPLE), str(broken))
    assert result.exit_code == 1
    report = json.loads(result.output)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert [f["valid"] for f in report["files"]] == [True, False]
    (problem,) = report["problems"]
    assert problem["rule"] == "xsd:attribute-not-allowed"
    assert problem["message"] == "attribute @bar is not allowed on <p>"
    assert problem["severity"] == "error" and problem["line"] > 0


def test_a_directory_stands_for_the_xml_files_in_it(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.xml").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "notes.txt").write_text("not xml")
    result = run(str(tmp_path))
    assert result.exit_code == 0
    assert "2 files checked" in result.output


@pytest.mark.parametrize(("data", "expected"), [
    (BILLION_LAUGHS, "declares entities"),
    (XXE, "declares entities"),
])
def test_entity_attacks_are_refused_without_expanding(tmp_path: Path, data: bytes,
                                                      expected: str) -> None:
    path = tmp_path / "attack.xml"
    path.write_bytes(data)
    result = run(str(path))
    assert result.exit_code == 2
    assert expected in result.output and "[xml:no-entities]" in result.output
    assert "root:" not in result.output  # nothing of /etc/passwd


def test_malformed_xml_reports_the_parsers_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n  </TEI>\n')
    result = run(str(path))
    assert result.exit_code == 2
    first = result.output.splitlines()[0]
    assert first.startswith(f"{path}:3:")
    assert "not well-formed XML" in first and first.endswith("[xml:well-formed]")


def test_missing_file_is_unreadable_but_the_others_are_still_checked(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.xml"), str(SAMPLE))
    assert result.exit_code == 2
    assert "no such file" in result.output
    assert "1 valid, 0 invalid, 1 unreadable" in result.output


def test_unknown_schema_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--schema", str(tmp_path / "thing.dtd"), str(SAMPLE))
    assert result.exit_code == 2
    assert "unknown schema" in result.output
    assert "Traceback" not in result.output


def test_wrong_root_element(tmp_path: Path) -> None:
    path = tmp_path / "div.xml"
    path.write_text('<div xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></div>\n')
    result = run(str(path))
    assert result.exit_code == 1
    assert (f"{path}:1:1: error: the root element <div> is not allowed; expected <TEI> "
            "[xsd:root]") in result.output


def test_a_user_schematron_file_runs_alone(tmp_path: Path) -> None:
    rules = tmp_path / "rules.sch"
    rules.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="tei:persName">'
        '<report id="no-trotsky" role="warning" test=". = \'Trotsky\'">Trotsky again</report>'
        '</rule></pattern></schema>')
    result = run("--schema", str(rules), str(SAMPLE))
    assert result.exit_code == 0  # warnings do not make a file invalid
    assert result.output.count("warning: Trotsky again [sch:no-trotsky]") == 2


def test_a_folder_without_xml_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "no XML files to validate" in result.output


def test_json_report_of_an_unreadable_file_follows_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "attack.xml"
    path.write_bytes(XXE)
    result = run("--format", "json", str(path))
    assert result.exit_code == 2
    report = json.loads(result.output)
    jsonschema.validate(report, REPORT_SCHEMA)
    assert report["files"] == [{"file": str(path), "readable": False, "valid": False,
                                "errors": 1, "warnings": 0}]
    assert report["problems"][0]["fatal"] is True


def test_a_user_xsd_is_used_as_given(tmp_path: Path) -> None:
    schema = tmp_path / "tiny.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'targetNamespace="urn:tiny" elementFormDefault="qualified">'
        '<xs:element name="n" type="xs:integer"/></xs:schema>')
    good, bad = tmp_path / "good.xml", tmp_path / "bad.xml"
    good.write_text('<n xmlns="urn:tiny">42</n>')
    bad.write_text('<n xmlns="urn:tiny">forty-two</n>')
    result = run("--schema", str(schema), str(good), str(bad))
    assert result.exit_code == 1
    (line, summary) = result.output.strip().splitlines()
    assert line.startswith(f"{bad}:1:1: error: the content of <n>")
    assert summary.startswith("2 files checked against tiny.xsd: 1 valid, 1 invalid")


def test_a_tei_root_outside_the_tei_namespace_says_so(tmp_path: Path) -> None:
    path = tmp_path / "nons.xml"
    path.write_text("<TEI><teiHeader/></TEI>\n")
    result = run(str(path))
    assert result.exit_code == 1
    assert (f"{path}:1:1: error: the root element <TEI> is not in the namespace "
            'http://www.tei-c.org/ns/1.0 (add xmlns="http://www.tei-c.org/ns/1.0") '
            "[xsd:root]") in result.output
