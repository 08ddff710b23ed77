"""``--schema FILE.odd``: an ODD customisation compiled by pruning tei_all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.validate import check_files
from teikit.validate.oddcompile import OddError, build_grammar, compile_odd, element_modules
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
    ('<constraintSpec ident="c" scheme="schematron"/>', "<constraintSpec> is not supported"),
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

