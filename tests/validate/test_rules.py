"""Edition rules in depth: Julian/Gregorian agreement across centuries (checked against
convertdate), the Schematron compiler's semantics, and xml:id pitfalls of the parsers."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from convertdate import julian
from lxml import etree

from teikit.errors import InputError
from teikit.validate import check_files, validate_files
from teikit.validate.schematron import compile_schematron, element_at
from tests.conftest import TEI_ALL_RNG

from .conftest import SAMPLE

TEI = "http://www.tei-c.org/ns/1.0"
MARKER = "<p>We write.</p>"


def julian_dates(count: int, seed: int) -> list[tuple[int, int, int]]:
    """Julian calendar dates 1583–2099 that xs:date can also spell (no Julian-only Feb 29)."""
    rng = random.Random(seed)
    found: list[tuple[int, int, int]] = []
    # always include the century-year edges, where the difference changes
    for year in (1700, 1800, 1900, 2000, 2100 - 1):
        found += [(year, 2, 28), (year, 3, 1)]
    while len(found) < count:
        day = date(1583, 1, 1) + timedelta(days=rng.randrange(0, 517 * 365))
        found.append((day.year, day.month, day.day))
    return found


def dates_document(tmp_path: Path, shift_days: int) -> tuple[Path, int]:
    dates = []
    for year, month, day in julian_dates(120, seed=1917):
        gregorian = date(*julian.to_gregorian(year, month, day)) + timedelta(days=shift_days)
        dates.append(f'<date when="{gregorian.isoformat()}" when-custom="{year:04d}-{month:02d}-'
                     f'{day:02d}" datingMethod="#julian" calendar="#julian">x</date>')
    path = tmp_path / f"dates{shift_days}.xml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        MARKER, f"<p>{' '.join(dates)}</p>"), encoding="utf-8")
    return path, len(dates)


def test_julian_dates_agree_with_convertdate_in_every_century(tmp_path: Path) -> None:
    path, _ = dates_document(tmp_path, 0)
    assert validate_files([path]) == []


def test_a_julian_date_one_day_off_is_reported_everywhere(tmp_path: Path) -> None:
    path, count = dates_document(tmp_path, 1)
    problems = validate_files([path])
    assert [p.rule for p in problems] == ["sch:julian-gregorian-agree"] * count


def test_the_1917_difference_is_13_days_and_1700_is_10() -> None:
    assert date(*julian.to_gregorian(1917, 10, 25)) - date(1917, 10, 25) == timedelta(days=13)
    assert date(*julian.to_gregorian(1700, 2, 28)) - date(1700, 2, 28) == timedelta(days=10)


def test_first_matching_rule_of_a_pattern_wins(tmp_path: Path) -> None:
    rules = tmp_path / "rules.sch"
    rules.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
        '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
        '<pattern><rule context="tei:persName[@ref]"><report id="first" test="true()">a'
        '</report></rule><rule context="tei:persName"><report id="second" test="true()">b'
        '</report></rule></pattern></schema>')
    problems = validate_files([SAMPLE], rules)
    named = etree.parse(str(SAMPLE)).xpath("//tei:persName", namespaces={"tei": TEI})
    with_ref = [e for e in named if e.get("ref")]
    assert sorted(p.rule for p in problems) == sorted(
        ["sch:first"] * len(with_ref) + ["sch:second"] * (len(named) - len(with_ref)))


def test_unsupported_schematron_features_are_refused_clearly() -> None:
    schema = etree.fromstring(
        b'<schema xmlns="http://purl.oclc.org/dsdl/schematron"><phase id="x"/></schema>')
    with pytest.raises(InputError, match="<phase> is not supported"):
        compile_schematron(schema.getroottree())


def test_rules_found_by_path_check_the_nodes_a_walk_would(tmp_path: Path) -> None:
    """A pattern's rules are applied to the nodes their contexts select, or (for contexts a path
    would read differently: ".", current()) by walking every node: the same findings, in order,
    each node by the first rule it matches."""
    def rules(form: str) -> str:
        first, second = {
            "path": ("tei:p[@n]", "tei:p | @n"),
            "walk": (".[self::tei:p][@n]", ".[self::tei:p or self::attribute(n)]"),
        }[form]
        return f"""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
          <ns prefix="tei" uri="{TEI}"/>
          <pattern id="p"><rule context="{first}"><report id="numbered" test="true()">n</report>
            </rule><rule context="{second}"><report id="other" test="true()">o</report></rule>
          </pattern></schema>"""

    document = tmp_path / "doc.xml"
    document.write_text(f'<TEI xmlns="{TEI}"><text><body><p n="1">a</p><p>b</p>'
                        f'<div n="2"><p n="3">c</p></div></body></text></TEI>', encoding="utf-8")
    found = {}
    for form in ("path", "walk"):
        schema = tmp_path / f"{form}.sch"
        schema.write_text(rules(form), encoding="utf-8")
        found[form] = [(p.rule, p.line, p.xpath) for p in validate_files([document], schema)]
    assert found["path"] == found["walk"]
    assert [rule for rule, _, _ in found["path"]] == [
        "sch:numbered", "sch:other", "sch:other", "sch:other", "sch:numbered", "sch:other"]


def test_svrl_locations_map_back_to_elements() -> None:
    root = etree.fromstring(f'<a xmlns="{TEI}"><b/><b><c x="1"/></b></a>'.encode())
    target = root[1][0]
    assert element_at(root, f"/Q{{{TEI}}}a[1]/Q{{{TEI}}}b[2]/Q{{{TEI}}}c[1]") is target
    assert element_at(root, f"/Q{{{TEI}}}a[1]/Q{{{TEI}}}b[2]/Q{{{TEI}}}c[1]/@x") is target


EG_XML = f"""<?xml version="1.0"?>
<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
</teiHeader><text><body><div xml:id="d1">
<egXML xmlns="http://www.tei-c.org/ns/Examples"><p xml:id="d1">an example</p></egXML>
<p>text</p></div></body></text></TEI>
"""


@pytest.mark.skipif(shutil.which("jing") is None, reason="needs jing")
@pytest.mark.parametrize("engine", ["jing", "lxml"])
def test_ids_repeated_inside_examples_do_not_count_for_tei_all(tmp_path: Path,
                                                               engine: str) -> None:
    path = tmp_path / "example.xml"
    path.write_text(EG_XML)
    report = check_files([path], "tei_all", tei_all_path=TEI_ALL_RNG, engine=engine)
    assert report.exit_code == 0, report.as_text()


def test_ids_repeated_inside_examples_do_count_for_the_edition(tmp_path: Path) -> None:
    path = tmp_path / "example.xml"
    path.write_text(EG_XML)
    rules = {p.rule for p in validate_files([path])}
    assert "xml:id-unique" in rules


def test_julian_ranges_are_checked_at_both_ends(tmp_path: Path) -> None:
    ranges = []
    starts = julian_dates(40, seed=1918)
    for index, (year, month, day) in enumerate(starts):
        first = date(*julian.to_gregorian(year, month, day))
        last = first + timedelta(days=3)
        end_julian = date(*julian.from_gregorian(last.year, last.month, last.day))
        wrong_end = last + timedelta(days=1) if index % 2 else last
        ranges.append(
            f'<date from="{first.isoformat()}" to="{wrong_end.isoformat()}" '
            f'from-custom="{year:04d}-{month:02d}-{day:02d}" '
            f'to-custom="{end_julian.isoformat()}" datingMethod="#julian">x</date>')
    path = tmp_path / "ranges.xml"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace(
        MARKER, f"<p>{' '.join(ranges)}</p>"), encoding="utf-8")
    problems = validate_files([path])
    assert [p.rule for p in problems] == ["sch:julian-range-agree"] * (len(ranges) // 2)
    assert all("@to-custom=" in p.message for p in problems)


def test_a_patterns_attribute_rules_are_found_in_one_walk_and_its_element_rules_apart() -> None:
    """How the compiled rules find their nodes: the union of a context is split only at its
    top, never inside a predicate or a string."""
    from teikit.validate.schematron import _selection, _union

    assert _union("tei:a[@x = 'p | q'] | tei:b[(@y | @z)]") == ["tei:a[@x = 'p | q']",
                                                              "tei:b[(@y | @z)]"]
    assert _selection(["@ref", "@active | @passive", "tei:date[@when]"]) == \
        "//(tei:date[@when]) | //(@ref | @active | @passive)"


def test_the_rules_read_the_document_itself_but_never_through_its_doctype(
        tmp_path: Path) -> None:
    """Saxon is given the file's own text (its prolog included) when it is UTF-8 with no
    DOCTYPE; a document with a DOCTYPE as its root element re-serialised: Saxon's parser refuses
    every DOCTYPE, and no DTD (here one that would add an attribute) reaches the rules."""
    from teikit.validate.source import read_source
    from teikit.xmlio import saxon_document_of, saxon_processor

    def ask(path: Path, question: str) -> str:
        source = read_source(path)
        xpath = saxon_processor().new_xpath_processor()
        xpath.set_context(xdm_item=saxon_document_of(source.data, source.tree, source.name))
        return str(xpath.evaluate_single(question))

    (tmp_path / "adds.dtd").write_text('<!ATTLIST TEI rend CDATA "from-the-dtd">',
                                       encoding="utf-8")
    with_doctype = tmp_path / "with-doctype.xml"
    with_doctype.write_text(f'<!DOCTYPE TEI SYSTEM "adds.dtd"><TEI xmlns="{TEI}"/>',
                            encoding="utf-8")
    plain = tmp_path / "plain.xml"
    plain.write_text(f'<?xml-model href="edition.sch"?>\n<TEI xmlns="{TEI}"/>', encoding="utf-8")
    assert ask(with_doctype, "concat('[', string(/*/@rend), ']')") == "[]"
    assert ask(plain, "string(count(/processing-instruction()))") == "1"
