"""tei_all conformance: agreement with jing on the third-party corpus, and edition.xsd as a
true subset of tei_all (what it admits, tei_all admits; where tei_all objects, it objects)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from teikit.validate import check_files, validate_files
from teikit.xmlio import jing_copy, parse_xml_bytes
from tests.conftest import CORPUS, REPO, TEI_ALL_RNG

from .conftest import SAMPLE, load_cases
from .generate import Generator

pytestmark = pytest.mark.skipif(shutil.which("jing") is None, reason="jing is the reference")

EXPECTED = {row["file"]: row["jing_tei_all"]
            for row in csv.DictReader((CORPUS / "MANIFEST.tsv").open(encoding="utf-8"),
                                      delimiter="\t")}


def jing_verdicts(paths: list[Path]) -> dict[Path, int]:
    """Errors per file according to jing itself, run directly."""
    completed = subprocess.run(["jing", str(TEI_ALL_RNG), *map(str, paths)], capture_output=True,
                               text=True, check=False)
    counts = {path: 0 for path in paths}
    # jing names a file as it was given; the same file may also be reached through a symlink
    by_name = {name: path for path in paths for name in (str(path), str(path.resolve()))}
    for line in completed.stdout.splitlines():
        name = line.split(":", 1)[0]
        if name in by_name:
            counts[by_name[name]] += 1
    return counts


def test_corpus_manifest_lists_twenty_files() -> None:
    assert len(EXPECTED) == 20
    assert sorted(EXPECTED) == sorted(p.name for p in CORPUS.glob("*.xml"))


def test_tei_all_gives_jings_verdict_and_error_count_on_the_corpus() -> None:
    report = check_files([CORPUS], "tei_all", tei_all_path=TEI_ALL_RNG)
    verdicts = {Path(r.file).name: ("valid" if r.valid else "invalid", r.errors)
                for r in report.results}
    expected = {}
    for name, verdict in EXPECTED.items():
        state, count = verdict.split(" (")
        expected[name] = (state, int(count.split()[0]))
    assert verdicts == expected
    assert report.exit_code == 1


@pytest.mark.slow
def test_in_process_engine_agrees_with_jing_on_the_corpus() -> None:
    files = sorted(CORPUS.glob("*.xml"))
    reference = jing_verdicts(files)
    report = check_files(files, "tei_all", tei_all_path=TEI_ALL_RNG, engine="lxml")
    ours = {Path(r.file): r.valid for r in report.results}
    assert ours == {path: errors == 0 for path, errors in reference.items()}


@pytest.mark.slow
def test_both_engines_put_tei_all_errors_on_jings_lines() -> None:
    files = [CORPUS / "testdrama.xml", CORPUS / "testRendition1.xml"]
    by_jing = check_files(files, "tei_all", tei_all_path=TEI_ALL_RNG, engine="jing")
    by_lxml = check_files(files, "tei_all", tei_all_path=TEI_ALL_RNG, engine="lxml")
    assert [(p.file, p.line) for p in by_lxml.problems] == \
        [(p.file, p.line) for p in by_jing.problems]
    for problem in by_lxml.problems:  # the column of the element's start tag, not a guess
        line = Path(problem.file).read_text(encoding="utf-8").splitlines()[problem.line - 1]
        assert line[problem.column - 1] == "<"


def test_generated_edition_documents_are_valid_tei_all(tmp_path: Path) -> None:
    schema = xmlschema.XMLSchema(str(REPO / "schema" / "edition.xsd"))
    paths = []
    for seed in range(40):
        tree = Generator(schema, seed, max_depth=4 + seed % 5).document()
        assert list(schema.iter_errors(tree)) == [], f"generator made an invalid doc ({seed})"
        path = tmp_path / f"generated-{seed}.xml"
        path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
        paths.append(path)
    assert {path.name: n for path, n in jing_verdicts(paths).items() if n} == {}


def test_our_editions_pass_the_edition_schema_and_tei_all() -> None:
    files = [SAMPLE, *sorted((REPO / "tei").glob("*.xml"))]
    assert validate_files(files, ["edition", "tei_all"], tei_all_path=TEI_ALL_RNG) == []
    assert all(n == 0 for n in jing_verdicts(files).values())


def test_converted_fixture_transcriptions_pass_both(tmp_path: Path) -> None:
    from teikit.convert import convert_file

    sources = sorted((REPO / "tests" / "fixtures" / "transcriptions").glob("*.txt"))
    assert sources
    outputs = [convert_file(source, tmp_path / f"{source.stem}.xml").output for source in sources]
    assert validate_files(outputs, ["edition", "tei_all"], tei_all_path=TEI_ALL_RNG) == []


def test_broken_documents_fail_tei_all_exactly_where_the_manifest_says(tmp_path: Path) -> None:
    cases = load_cases()
    paths = [case.write(tmp_path) for case in cases]
    reference = jing_verdicts(paths)
    tei_all_objects = {case.name: reference[path] > 0 for case, path in zip(cases, paths,
                                                                           strict=True)}
    assert tei_all_objects == {case.name: case.tei_all for case in cases}
    # and where tei_all objects, the edition schema objects too
    for case, path in zip(cases, paths, strict=True):
        if case.tei_all:
            assert any(p.severity == "error" for p in validate_files([path])), case.name


def test_doctype_is_blanked_for_jing_without_moving_lines() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd" [\n' \
           b'<!ATTLIST p rend CDATA "x">\n]>\n<TEI/>\n'
    blanked = jing_copy(data, parse_xml_bytes(data), "x.xml")
    assert blanked is not None
    assert b"DOCTYPE" not in blanked and b"example.invalid" not in blanked
    assert blanked.count(b"\n") == data.count(b"\n")
    assert blanked.index(b"<TEI/>") == data.index(b"<TEI/>")


def test_jing_in_this_processs_jvm_says_what_the_jing_command_says(tmp_path: Path) -> None:
    """A build checks tei_all with jing in its JVM (teikit.validate.jvm_jing): the same
    problems, lines and columns as the command, for documents jing reads as they are and for
    the copies it is given (a DOCTYPE, another encoding)."""
    from teikit.validate import jvm_jing

    if not jvm_jing.available():
        pytest.skip("JPype, FOP's jars or jing's jar are not installed")
    sample = SAMPLE.read_text(encoding="utf-8")
    documents = {
        "valid.xml": sample,
        "unknown.xml": sample.replace("<p>We write.</p>", "<p>We <blink>write</blink>.</p>"),
        "attribute.xml": sample.replace("<p>We write.</p>", '<p colour="red">We write.</p>'),
        "doctype.xml": sample.replace("<TEI ", '<!DOCTYPE TEI SYSTEM "missing.dtd">\n<TEI ', 1)
        .replace("<p>We write.</p>", "<p>We <blink>write</blink>.</p>"),
    }
    paths = []
    for name, text in documents.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    latin = tmp_path / "latin.xml"
    latin.write_bytes(sample.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
                      .replace("<p>We write.</p>", "<p>Caf\u00e9 <blink>x</blink></p>")
                      .encode("iso-8859-1", errors="xmlcharrefreplace"))
    paths.append(latin)
    with pytest.MonkeyPatch.context() as patch:   # the command, even if a build prepared it
        patch.setenv("TEIKIT_CACHE_DIR", "")      # and every document checked, none remembered
        patch.setattr(jvm_jing, "ready", lambda _schema: False)
        by_command = check_files(paths, "tei_all", tei_all_path=TEI_ALL_RNG, engine="jing")
    jvm_jing.prepare(TEI_ALL_RNG)
    assert jvm_jing.ready(TEI_ALL_RNG)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEIKIT_CACHE_DIR", "")
        in_jvm = check_files(paths, "tei_all", tei_all_path=TEI_ALL_RNG, engine="jing")
    assert [str(p) for p in in_jvm.problems] == [str(p) for p in by_command.problems]
    assert {Path(p.file).name for p in in_jvm.problems} == {
        "unknown.xml", "attribute.xml", "doctype.xml", "latin.xml"}


def test_a_document_jing_found_valid_is_not_checked_again_until_it_or_the_schema_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text converted again to the same bytes is not checked against tei_all again (the
    build's jing costs a second of compilation); an invalid one always is, for its messages."""
    from teikit.validate import relaxng

    monkeypatch.setenv("TEIKIT_CACHE_DIR", str(tmp_path / "cache"))
    schema = tmp_path / "tei_all.rng"
    shutil.copy(TEI_ALL_RNG, schema)
    sample = SAMPLE.read_text(encoding="utf-8")
    valid, invalid = tmp_path / "valid.xml", tmp_path / "invalid.xml"
    valid.write_text(sample, encoding="utf-8")
    invalid.write_text(sample.replace("<p>We write.</p>", "<p>We <blink>write</blink>.</p>"),
                       encoding="utf-8")
    checked: list[str] = []
    run_jing = relaxng._run_jing

    def counting(sources, schema_path):  # type: ignore[no-untyped-def]
        checked.extend(Path(s.name).name for s in sources)
        return run_jing(sources, schema_path)

    monkeypatch.setattr(relaxng, "_run_jing", counting)

    def errors() -> dict[str, int]:
        report = check_files([valid, invalid], "tei_all", tei_all_path=schema, engine="jing")
        return {name: sum(1 for p in report.problems if Path(p.file).name == name)
                for name in ("valid.xml", "invalid.xml")}

    assert errors()["valid.xml"] == 0 and errors()["invalid.xml"] > 0
    assert checked == ["valid.xml", "invalid.xml", "invalid.xml"]
    assert relaxng.known_valid(schema, valid.read_bytes())
    assert not relaxng.known_valid(schema, invalid.read_bytes())
    checked.clear()
    valid.write_text(sample.replace("We write.", "We write again."), encoding="utf-8")
    assert errors()["valid.xml"] == 0
    assert checked == ["valid.xml", "invalid.xml"]           # new bytes: checked
    checked.clear()
    schema.write_bytes(schema.read_bytes() + b"\n")
    errors()
    assert checked == ["valid.xml", "invalid.xml"]           # a changed schema: checked again


@pytest.mark.parametrize(("blocks", "valid"), [
    ('<pb n="57"/><closer><signed>V. Ulyanov</signed></closer>', False),
    ('<pb n="57"/>', True),
    ('<pb n="57"/><p>The text.</p><closer><signed>V. Ulyanov</signed></closer>', True),
], ids=["page-break-then-closer", "page-break-alone", "page-break-text-closer"])
def test_a_sections_closer_needs_a_block_before_it_in_both_schemas(
        tmp_path: Path, blocks: str, valid: bool) -> None:
    """TEI puts a div's closing parts after its text (model.divBottom after model.common): a
    page break alone is no text, in the edition schema as in tei_all."""
    tree = etree.parse(str(REPO / "tei" / "serge-year-one-2.xml"))
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    section = tree.find(".//t:body/t:div", ns)
    for child in list(section):
        section.remove(child)
    for element in etree.fromstring(
            f'<x xmlns="http://www.tei-c.org/ns/1.0"><head>II</head>{blocks}</x>'):
        section.append(element)
    path = tmp_path / "section.xml"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    edition = [p for p in check_files([path], ["edition"]).problems if p.severity == "error"]
    assert (edition == []) is valid
    assert (jing_verdicts([path])[path] == 0) is valid
