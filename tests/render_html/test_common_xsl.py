"""The shared functions of xslt/common/ (imported by the HTML and the FO stylesheets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from saxonche import PySaxonProcessor

from teikit.convert.conventions import (
    BRACKETS,
    QUOTE_MARKS,
    SIGNATURE_DASH,
    SIGNATURE_DASHES,
    SIGNATURES,
    STAGE_MARKS,
)
from teikit.render import CONVENTIONS_PARAMETER, conventions_parameter
from teikit.resources import xslt_path

PROCESSOR = PySaxonProcessor(license=False)

TEST_DOCUMENT = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>
  <date xml:id="julian" when="1917-11-09" when-custom="1917-10-27"
        calendar="#julian">October 27</date>
  <date xml:id="range" from="1925" to="1928">1925–1928</date>
  <date xml:id="julian-range" from="1917-10-14" to="1917-12-13" from-custom="1917-10"
        to-custom="1917-11" datingMethod="#julian" calendar="#julian">October and November</date>
  <date xml:id="days" from="1917-10-25" to="1917-11-02">25 October to 2 November</date>
  <date xml:id="month" when="1948-04">April 1948</date>
  <date xml:id="vague" notBefore="1490" notAfter="1510">c. 1500</date>
  <quote xml:id="outer" rend="double">a <q xml:id="inner" rend="single">b
    <soCalled xml:id="third">c</soCalled></q></quote>
  <quote xml:id="marked">“already marked”</quote>
  <quote xml:id="french" rend="guillemets">oui</quote>
  <gap xml:id="gap1" reason="editorial" resp="#ed" rend="..."/>
  <name xml:id="ed">The editors</name>
  <head xml:id="head">The <soCalled>usurpers</soCalled><note>a note</note> and <gap/>
    <choice><sic>teh</sic><corr>the</corr></choice> end</head>
</p></body></text></TEI>"""


def evaluate(expression: str, document_text: str = TEST_DOCUMENT) -> str:
    """Evaluate an XPath expression with tk: functions against a document (by default
    TEST_DOCUMENT), in a stylesheet that imports common/common.xsl and declares nothing else."""
    stylesheet = f"""<xsl:stylesheet version="3.0"
        xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:tk="urn:teikit"
        xmlns:tei="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
      <xsl:import href="{xslt_path('common/common.xsl').as_uri()}"/>
      <xsl:output method="text"/>
      <xsl:template match="/"><xsl:value-of select="{expression}" separator="|"/></xsl:template>
    </xsl:stylesheet>"""
    executable = PROCESSOR.new_xslt30_processor().compile_stylesheet(stylesheet_text=stylesheet)
    executable.set_parameter(CONVENTIONS_PARAMETER,
                             PROCESSOR.make_string_value(conventions_parameter()))
    document = PROCESSOR.parse_xml(xml_text=document_text)
    return str(executable.transform_to_string(xdm_node=document))


@pytest.mark.parametrize(("iso", "label"), [
    ("1917-11-09", "9 November 1917"),
    ("1948-04", "April 1948"),
    ("1930", "1930"),
    ("1917-13", "1917"),
    ("about 1500", "about 1500"),
])
def test_format_iso(iso: str, label: str):
    assert evaluate(f"tk:format-iso('{iso}')") == label


@pytest.mark.parametrize(("date", "label"), [
    ("julian", "27 October 1917 O.S. = 9 November 1917 N.S."),
    ("range", "1925–1928"),
    ("julian-range", "October–November 1917 O.S. = 14 October – 13 December 1917 N.S."),
    ("days", "25 October – 2 November 1917"),
    ("month", "April 1948"),
    ("vague", "between 1490 and 1510"),
])
def test_date_label(date: str, label: str):
    assert evaluate(f"tk:date-label(id('{date}'))") == label


@pytest.mark.parametrize(("quote", "marks"), [
    ("outer", "“|”"),
    ("inner", "‘|’"),
    ("third", "“|”"),
    ("marked", ""),
    ("french", "«|»"),
])
def test_quote_marks_follow_nesting(quote: str, marks: str):
    assert evaluate(f"tk:quote-marks(id('{quote}'))") == marks


def test_gap_label_and_explanation():
    assert evaluate("$tk:gap-label") == "[…]"
    assert evaluate("tk:gap-explanation(id('gap1'))") == (
        "Passage omitted by the editors (marked “...” in the source)")


@pytest.mark.parametrize(("url", "safe"), [
    ("https://www.wikidata.org/wiki/Q1394", "true"),
    ("#note-1", "true"),
    ("other.html#x", "true"),
    ("javascript:alert(1)", "false"),
    (" JavaScript:alert(1)", "false"),
    ("data:text/html,x", "false"),
    ("https://x.org/a b", "false"),
])
def test_safe_url(url: str, safe: str):
    assert evaluate(f"tk:safe-url('{url}')") == safe


def test_plain_text_keeps_marks_and_gaps_but_not_notes_or_rejected_readings():
    assert evaluate("tk:plain(id('head'))") == "The “usurpers” and […] the end"


def test_mention_count_label():
    assert evaluate("tk:mention-count-label(0), tk:mention-count-label(1), "
                    "tk:mention-count-label(3)") == (
        "not mentioned in the text|1 mention in this text|3 mentions in this text")


def test_numbering_works_for_any_importing_stylesheet():
    """Note and mention numbers are computed per document by the common layer, for any importer."""
    sample = (Path(__file__).parents[1] / "fixtures" / "tei" / "sample-edition.xml").read_text(
        encoding="utf-8")
    assert evaluate("//tei:note[tk:is-numbered-note(.)] ! tk:note-number(.)", sample) == "1|2|3"
    assert evaluate("//tei:text//tei:persName[@ref = '#trotsky'] ! tk:mention-number(.)",
                    sample) == "1|2|3"
    assert evaluate("count(tk:mentions(id('lenin')))", sample) == "2"


# ---- the tables of src/teikit/convert/conventions.py, read by the XSLT (never copied there) ----

def one_element(xml: str) -> str:
    return f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>{xml}</p></body></text></TEI>'


@pytest.mark.parametrize("rend", sorted(QUOTE_MARKS))
def test_a_quotation_recorded_with_a_rend_takes_the_marks_the_converter_read(rend: str):
    """Guillemets and low-high quotes keep their form; double and single quotes (curly or
    straight) are set by nesting, with the converter's double pair outside."""
    marks = evaluate("tk:quote-marks(//tei:quote)", one_element(f'<quote rend="{rend}">x</quote>'))
    kept = QUOTE_MARKS[rend] not in (QUOTE_MARKS["double"], QUOTE_MARKS["single"]) and not (
        set("".join(QUOTE_MARKS[rend])) <= {'"', "'"})
    assert marks == "|".join(QUOTE_MARKS[rend] if kept else QUOTE_MARKS["double"])


def test_nested_quotations_alternate_the_converters_double_and_single_marks():
    marks = evaluate("//tei:q ! string-join(tk:quote-marks(.), ' ')",
                     one_element("<q>a <q>b <q>c</q></q></q>"))
    double, single = " ".join(QUOTE_MARKS["double"]), " ".join(QUOTE_MARKS["single"])
    assert marks == "|".join([double, single, double])


@pytest.mark.parametrize("opening", sorted({marks[0] for marks in QUOTE_MARKS.values()}))
def test_a_quotation_that_opens_with_any_known_mark_gets_none_generated(opening: str):
    escaped = {'"': "&quot;", "'": "&apos;"}.get(opening, opening)
    assert evaluate("count(tk:quote-marks(//tei:quote))",
                    one_element(f"<quote>{escaped}x</quote>")) == "0"


@pytest.mark.parametrize("token", sorted(SIGNATURES))
@pytest.mark.parametrize("dash_token", ["", *sorted(SIGNATURE_DASHES)])
def test_a_signed_note_prints_the_converters_signature(token: str, dash_token: str):
    signature = evaluate("tk:note-signature(//tei:note)", one_element(
        f'<note type="gloss" place="inline" rend="brackets {token} {dash_token}">x</note>'))
    dash = SIGNATURE_DASHES.get(dash_token, SIGNATURE_DASH)
    assert signature == f"{dash} {SIGNATURES[token][0]}"


def test_an_inline_note_takes_the_converters_brackets():
    assert evaluate("tk:note-brackets(//tei:note)", one_element(
        '<note type="paraphrase">x</note>')) == "|".join(BRACKETS)


@pytest.mark.parametrize("rend", sorted(STAGE_MARKS))
def test_a_stage_direction_takes_the_marks_its_rend_records(rend: str):
    assert evaluate("tk:stage-marks(//tei:stage)", one_element(
        f'<stage type="applause" rend="{rend}">Applause.</stage>')) == "|".join(STAGE_MARKS[rend])
    assert evaluate("count(tk:stage-marks(//tei:stage))", one_element(
        '<stage type="applause">Applause.</stage>')) == "0"
    assert evaluate("tk:plain(//tei:p)", one_element(
        f'We rose. <stage type="applause" rend="{rend}">Applause.</stage>')) == (
        "We rose. {}Applause.{}".format(*STAGE_MARKS[rend]))


def test_lines_of_verse_quoted_in_marks_carry_the_opening_and_the_closing_mark():
    verse = ('<quote type="block" rend="double"><lg><l>one</l><l>two</l><l>three</l></lg>'
             '</quote>')
    document = f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div>{verse}</div>' \
               '</body></text></TEI>'
    assert evaluate("for $l in //tei:l return string-join(tk:line-marks($l), '+')",
                    document) == "“+|+|+”"
    unmarked = document.replace(' rend="double"', "")
    assert evaluate("count(//tei:l ! tk:line-marks(.))", unmarked) == "0"


def test_no_stylesheet_repeats_a_table_of_the_converter():
    """What the tables hold reaches the XSLT only as the parameter: no stylesheet writes two
    entries of one of the tables of conventions.py (one alone may be a word of its own: the
    element signed, the abbreviation "[Ed.]")."""
    tables = {
        "signature tokens": [*SIGNATURES, *SIGNATURE_DASHES],
        "signatures": [word for word, _ in SIGNATURES.values()],
        "quotation @rend tokens": [r for r in QUOTE_MARKS if r not in ("double", "single")],
        "pairs of marks": [f"'{a}', '{b}'" for a, b in QUOTE_MARKS.values()],
    }
    copies = []
    for path in sorted(xslt_path(".").rglob("*.xsl")):
        text = path.read_text(encoding="utf-8")
        for table, entries in tables.items():
            found = [e for e in entries if (e if e.startswith("'") else f"'{e}'") in text]
            if len(found) > 1:
                copies.append(f"{path.name}: {table} {found}")
    assert copies == []


@pytest.mark.parametrize("text", ["", " ", "a", " a ", "a\t\n b", "\n\n", " a  b\r\n", "\ta b\t"])
def test_white_space_collapses_as_the_regular_expression_would(text: str):
    escaped = text.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")
    assert evaluate(f"tk:collapse-space('{escaped}') = replace('{escaped}', '\\s+', ' ')") == "true"


def test_control_characters_are_shown_by_default_and_sought_only_where_teikit_found_one():
    document = one_element("x\u0085y")
    assert evaluate("tk:printable-text(//tei:p/text(), //tei:p)", document) == "x‹U+0085›y"
    # what teikit tells a stylesheet about each input
    from teikit.xmlio import parse_xml_bytes, saxon_input

    assert saxon_input(parse_xml_bytes(document.encode("utf-8"), "x"))[1] is True
    assert saxon_input(parse_xml_bytes(one_element("x y").encode("utf-8"), "x"))[1] is False


@pytest.mark.parametrize(("imprint", "line"), [
    ("<date>26 October 1917</date>", "Izvestia, no. 207 (26 October 1917)"),
    ("<date/>", "Izvestia, no. 207"),            # the source gives no date: no empty brackets
], ids=["dated", "undated"])
def test_the_source_line_names_the_date_only_when_the_source_gives_one(imprint: str,
                                                                       line: str) -> None:
    document = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc>
      <biblStruct><monogr><title level="j">Izvestia</title>
        <imprint><biblScope unit="issue">No. 207</biblScope>{imprint}</imprint></monogr>
      </biblStruct></sourceDesc></fileDesc></teiHeader></TEI>"""
    assert evaluate("tk:source-line(/*)", document) == line


@pytest.mark.parametrize(("text_author", "line"), [
    ("Nora Finch", "Women's Trade Union League, Annual Report for 1906 (1907): 31–38"),
    ("Women's Trade Union League", "Annual Report for 1906 (1907): 31–38"),
], ids=["a-body's-report", "the-texts-own-author"])
def test_the_source_line_names_a_books_author_where_it_is_not_the_texts(text_author: str,
                                                                        line: str) -> None:
    document = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><sourceDesc>
      <biblStruct><analytic><author>{text_author}</author><title level="a">On Jute</title>
        </analytic><monogr><author>Women's Trade Union League</author>
        <title level="m">Annual Report for 1906</title><imprint><date when="1907">1907</date>
        </imprint><biblScope unit="page" from="31" to="38">pp. 31–38</biblScope></monogr>
      </biblStruct></sourceDesc></fileDesc></teiHeader></TEI>"""
    assert evaluate("tk:source-line(/*)", document) == line
