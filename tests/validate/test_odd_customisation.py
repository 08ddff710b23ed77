"""``--schema FILE.odd``: an ODD customisation compiled by pruning tei_all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.validate import check_files
from teikit.validate.oddcompile import (
    OddError,
    build_grammar,
    build_rules,
    compile_odd,
    element_modules,
)
from teikit.validate.report import FileResult, Report
from tests.conftest import TEI_ALL_RNG

from .conftest import DATA

ODD_DATA = DATA / "odd"
CUSTOM = ODD_DATA / "no-msdescription.odd"
RNG = "{http://relaxng.org/ns/structure/1.0}"
TEI_HEADER = ("<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt>"
              "<p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
              "</teiHeader>")

needs_jing = pytest.mark.skipif(shutil.which("jing") is None, reason="needs jing")


@pytest.fixture(scope="session")
def compiled() -> Path:
    return compile_odd(CUSTOM, TEI_ALL_RNG)


def write_odd(directory: Path, spec_body: str) -> Path:
    path = directory / "custom.odd"
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">' + TEI_HEADER
                    + '<text><body>\n<schemaSpec ident="x" start="TEI">\n'
                    + '<moduleRef key="core"/><moduleRef key="header"/>'
                    + '<moduleRef key="textstructure"/>\n' + spec_body
                    + "\n</schemaSpec></body></text></TEI>", encoding="utf-8")
    return path


def test_every_tei_all_element_has_a_module() -> None:
    grammar = etree.parse(str(TEI_ALL_RNG))
    elements = {d.get("name") for d in grammar.getroot().iter(f"{RNG}define")
                if (e := d.find(f"{RNG}element")) is not None and e.get("name") == d.get("name")}
    modules = element_modules(grammar)
    assert set(modules) == elements
    assert (modules["msDesc"], modules["persName"], modules["idno"], modules["p"],
            modules["TEI"], modules["app"]) == ("msdescription", "namesdates", "header",
                                                "core", "textstructure", "textcrit")


def test_the_compiled_grammar_is_cached_per_process(compiled: Path) -> None:
    assert compile_odd(CUSTOM, TEI_ALL_RNG) == compiled
    grammar = etree.parse(str(compiled))
    defines = {d.get("name"): d for d in grammar.getroot().iter(f"{RNG}define")}
    assert defines["msDesc"].find(f"{RNG}notAllowed") is not None       # module not selected
    assert defines["note"].find(f"{RNG}notAllowed") is not None         # elementSpec delete
    assert defines["mentioned"].find(f"{RNG}notAllowed") is not None    # moduleRef @except
    assert defines["listPlace"].find(f"{RNG}notAllowed") is not None    # not in @include
    assert defines["ptr"].find(f"{RNG}element") is not None             # elementRef


DOCUMENTS = ["valid.xml", "dropped-module.xml", "deleted-attribute.xml", "closed-value.xml"]


@pytest.fixture(scope="session")
def reports(compiled: Path) -> dict[str, Report]:
    """One jing run for tei_all and one for the customisation, over all the documents."""
    files = [ODD_DATA / name for name in DOCUMENTS]
    return {"tei_all": check_files(files, "tei_all", tei_all_path=TEI_ALL_RNG),
            "odd": check_files(files, str(CUSTOM), tei_all_path=TEI_ALL_RNG)}


def result_of(report: Report, name: str) -> FileResult:
    return next(r for r in report.results if Path(r.file).name == name)


@needs_jing
def test_unchanged_elements_stay_valid(reports: dict[str, Report]) -> None:
    assert result_of(reports["odd"], "valid.xml").valid
    assert "no-msdescription.odd (jing)" in reports["odd"].as_text()


@needs_jing
@pytest.mark.parametrize(("name", "expected"), [
    ("dropped-module.xml", 'element "msDesc" not allowed'),
    ("deleted-attribute.xml", 'attribute "n" not allowed'),
    ("closed-value.xml", 'must be equal to "chapter" or "section"'),
])
def test_what_the_odd_removes_is_invalid(reports: dict[str, Report], name: str,
                                         expected: str) -> None:
    assert result_of(reports["tei_all"], name).valid  # each is valid tei_all
    problems = [p for p in reports["odd"].problems if Path(p.file).name == name]
    assert problems and not result_of(reports["odd"], name).valid
    assert all(p.rule == "odd:no-msdescription.odd" for p in problems)
    assert expected in problems[0].message


@needs_jing
def test_cli_validates_against_an_odd() -> None:
    result = CliRunner().invoke(main, ["validate", "--schema", str(CUSTOM),
                                       "--tei-all", str(TEI_ALL_RNG),
                                       str(ODD_DATA / "deleted-attribute.xml")])
    assert result.exit_code == 1
    assert 'deleted-attribute.xml:4:60: error: attribute "n" not allowed' in result.output


def test_cli_names_an_unsupported_construct_and_its_line() -> None:
    result = CliRunner().invoke(main, ["validate", "--schema", str(ODD_DATA / "new-class.odd"),
                                       "--tei-all", str(TEI_ALL_RNG),
                                       str(ODD_DATA / "valid.xml")])
    assert result.exit_code == 2
    assert "new-class.odd:10: <classSpec> is not supported" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("body", "message"), [
    ('<elementSpec ident="myElement" mode="add"><content><empty/></content></elementSpec>',
     "<elementSpec ident='myElement' mode='add'> defines a new element"),
    ('<elementSpec ident="p" mode="change"><content><empty/></content></elementSpec>',
     "<content> in <elementSpec ident='p' mode='change'> is not supported"),
    ('<elementSpec ident="p" mode="replace"/>', "<elementSpec mode='replace'> (ident='p')"),
    ('<macroSpec ident="macro.paraContent" mode="change"/>', "<macroSpec> is not supported"),
    ('<constraintSpec ident="c" scheme="xpath"/>', "<constraintSpec scheme='xpath'> is not "
                                                   "supported"),
    ('<constraintSpec ident="c"><constraint><sch:assert xmlns:sch="http://purl.oclc.org/dsdl/'
     'schematron" test="true()">x</sch:assert></constraint></constraintSpec>',
     "<sch:assert> in constraintSpec 'c' has no context"),
    ('<moduleRef key="nonesuch"/>', "<moduleRef key='nonesuch'>: no such TEI module"),
    ('<moduleRef key="namesdates" include="msDesc"/>', "not in module namesdates: msDesc"),
    ('<moduleRef url="https://example.org/x.rng"/>', "<moduleRef url=…>"),
    ('<elementSpec ident="p" mode="change"><attList><attDef ident="colour" mode="add"/>'
     "</attList></elementSpec>", "<attDef ident='colour' mode='add'> on p adds a new attribute"),
    ('<elementSpec ident="div" mode="change"><attList><attDef ident="type" mode="change">'
     '<valList type="open"><valItem ident="a"/></valList></attDef></attList></elementSpec>',
     "changes valList type='open'; only a closed valList is supported"),
])
def test_unsupported_constructs_are_named_with_their_line(tmp_path: Path, body: str,
                                                          message: str) -> None:
    odd = write_odd(tmp_path, body)
    with pytest.raises(OddError) as raised:
        build_grammar(odd, TEI_ALL_RNG)
    text = str(raised.value)
    assert "custom.odd:4: <" in text and message in text
    assert "\n" not in text



SCH = 'xmlns:sch="http://purl.oclc.org/dsdl/schematron"'
RULES_BODY = (
    f'<constraintSpec ident="one-title" scheme="schematron"><constraint><sch:rule {SCH} '
    'context="tei:titleStmt"><sch:assert test="count(tei:title) = 1">one title only'
    "</sch:assert></sch:rule></constraint></constraintSpec>"
    '<elementSpec ident="p" mode="change"><constraintSpec ident="p-not-empty" '
    f'scheme="schematron"><constraint><sch:report {SCH} test="not(normalize-space())">an empty '
    "paragraph</sch:report></constraint></constraintSpec></elementSpec>")
TWO_TITLES_EMPTY_P = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
                      "<title>a</title><title>b</title></titleStmt><publicationStmt><p>p</p>"
                      "</publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>"
                      "</teiHeader><text><body><p/></body></text></TEI>")


def test_schematron_constraints_of_an_odd_become_named_checks(tmp_path: Path) -> None:
    odd = write_odd(tmp_path, RULES_BODY)
    rules = build_rules(odd)
    assert rules is not None
    ids = rules.getroot().xpath("//sch:assert/@id | //sch:report/@id",
                                namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"})
    assert sorted(ids) == ["one-title", "p-not-empty"]
    document = tmp_path / "doc.xml"
    document.write_text(TWO_TITLES_EMPTY_P, encoding="utf-8")
    problems = check_files([document], odd, tei_all_path=TEI_ALL_RNG).problems
    assert sorted(p.rule for p in problems) == ["sch:one-title", "sch:p-not-empty"]


@needs_jing
def test_the_edition_odd_compiles_and_accepts_the_seed_edition(tmp_path: Path) -> None:
    from tests.conftest import REPO

    seed = REPO / "tei" / "serge-year-one-2.xml"
    odd = REPO / "schema" / "edition.odd"
    report = check_files([seed], odd, tei_all_path=TEI_ALL_RNG)
    assert report.exit_code == 0, [p.message for p in report.problems]
    broken = etree.parse(str(seed))
    first = broken.getroot().xpath("//tei:persName[@ref][1]",
                                   namespaces={"tei": "http://www.tei-c.org/ns/1.0"})[0]
    first.set("ref", "#nobody-of-that-name")
    dangling = tmp_path / "dangling.xml"
    broken.write(str(dangling), xml_declaration=True, encoding="UTF-8")
    problems = check_files([dangling], odd, tei_all_path=TEI_ALL_RNG).problems
    assert [p.rule for p in problems if "nobody-of-that-name" in p.message] \
        == ["sch:ref-resolves"]
