"""Tables of figures: lines whose cells are parted by runs of spaces, at the same columns,
become table/row/cell (a first row of words over figures the labels, a simple caption the
head) — and the lines that only look like it (prose typed with two spaces after its full
stops, verse, a list) stay what they were."""

from __future__ import annotations

from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from tests.conftest import checked_conversion

T = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
HEAD = "Ada Thornley\n\nThe Coalfields in Figures\n\nWritten: 1927\nSource: The Pit, No. 4.\n\n"
OPENING = "The owners’ own returns tell the story of the last years.\n\n"
COAL = "    1913    287\n    1925    243\n    1926    126"
DISTRICTS = ("    District        Pits     Men\n    Durham           212   150,000\n"
             "    South Wales      320   200,000")
AFTER = "\n\nThe figures for the lock-out year speak for themselves.\n"


def converted(body: str) -> etree._Element:
    return checked_conversion(HEAD + OPENING + body + AFTER)


def blocks(root: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in root.find(".//t:body/t:div", NS)]


def rows(table: etree._Element) -> list[list[str]]:
    """Each row's cells, as their words read (a cell may name a place: "South Wales")."""
    return [["".join(cell.itertext()) for cell in row] for row in table.iterfind("t:row", NS)]


def test_a_table_of_figures_is_a_table_of_a_row_per_line_and_a_cell_per_cell() -> None:
    root = converted(COAL)
    assert blocks(root) == ["p", "table", "p"]
    table = root.find(".//t:body//t:table", NS)
    assert rows(table) == [["1913", "287"], ["1925", "243"], ["1926", "126"]]
    assert all(row.get("role") is None for row in table)
    # numbered as the blocks around it are
    assert (table.get(XML_ID), table.get("n")) == ("p-1.2", "1.2")
    # the spaces between the cells stay between the elements
    assert table[0][0].tail == "    "


def test_a_first_row_of_words_over_figures_is_the_label_row() -> None:
    table = converted(DISTRICTS).find(".//t:body//t:table", NS)
    assert rows(table) == [["District", "Pits", "Men"], ["Durham", "212", "150,000"],
                           ["South Wales", "320", "200,000"]]
    assert [row.get("role") for row in table] == ["label", None, None]


def test_a_simple_caption_before_the_table_is_its_head() -> None:
    root = converted("Table: Output of coal, in million tons\n\n" + COAL)
    assert blocks(root) == ["p", "table", "p"]
    table = root.find(".//t:body//t:table", NS)
    assert table.find("t:head", NS).text == "Table: Output of coal, in million tons"
    assert len(rows(table)) == 3


def test_a_caption_over_several_lines_stays_a_paragraph() -> None:
    root = converted("Table 3. Output of coal in the districts of the federation, in\n"
                     "million tons, as the owners returned it\n\n" + COAL)
    assert blocks(root) == ["p", "p", "table", "p"]
    assert root.find(".//t:body//t:table/t:head", NS) is None


def test_prose_typed_with_two_spaces_after_its_full_stops_is_no_table() -> None:
    root = converted(
        "The lock-out began in May.  The owners had refused to meet the men.  Nobody in\n"
        "the coalfields expected the Congress to call it off.  Yet that it did, and soon.\n"
        "The miners stayed out alone.  They were out for seven months.  Then they went\n"
        "back on the owners’ terms.  Hunger had done what the police could not do.")
    assert blocks(root) == ["p", "p", "p"]


def test_short_sentences_parted_by_two_spaces_are_no_table() -> None:
    root = converted("They came.  We stayed.\nThey left.  We won.")
    assert root.find(".//t:body//t:table", NS) is None


def test_verse_is_no_table() -> None:
    root = converted("The men sang:\n\n    They lock the gate, they bank the fire,\n"
                     "    They starve the child, they break the wire.")
    assert root.find(".//t:body//t:table", NS) is None
    assert root.find(".//t:body//t:quote/t:lg", NS) is not None


def test_a_list_is_no_table() -> None:
    root = converted("1.  Durham     212\n2.  Fife       118\n3.  Kent        12")
    assert root.find(".//t:body//t:table", NS) is None
    assert root.find(".//t:body//t:list", NS) is not None


def _tree(body: str) -> etree._ElementTree:
    return convert_text(HEAD + OPENING + body + AFTER, "t", TextSettings(name="t")).tree


def test_the_html_edition_sets_a_table_with_its_figures_right() -> None:
    from lxml import html

    from teikit.render.html import html_string

    data = etree.tostring(_tree("Table: Men at work\n\n" + DISTRICTS), encoding="utf-8")
    table = html.fromstring(html_string(data)).get_element_by_id("p-1.2")
    assert table.tag == "table" and table.find("caption").text == "Table: Men at work"
    cells = [[(cell.tag, cell.get("class")) for cell in row] for row in table.iter("tr")]
    assert cells == [[("th", None), ("th", "figure"), ("th", "figure")],
                     [("td", None), ("td", "figure"), ("td", "figure")],
                     [("td", None), ("td", "figure"), ("td", "figure")]]


def test_the_print_edition_sets_a_table_with_its_figures_right() -> None:
    from teikit.render.fo import fo_string

    fo = etree.fromstring(fo_string(etree.tostring(_tree(DISTRICTS), encoding="utf-8"))
                          .encode("utf-8"))
    ns = {"fo": "http://www.w3.org/1999/XSL/Format"}
    rows = fo.findall(".//fo:table//fo:table-row", ns)
    assert [["".join(cell.itertext()) for cell in row] for row in rows] == [
        ["District", "Pits", "Men"], ["Durham", "212", "150,000"],
        ["South Wales", "320", "200,000"]]
    assert [cell.get("text-align") for cell in rows[1]] == [None, "end", "end"]


def test_the_json_export_keeps_a_table_as_one_block() -> None:
    from teikit.export.text_json import text_json

    records = text_json(_tree(COAL), "t")["blocks"]
    table = next(record for record in records if record["element"] == "table")
    assert (table["id"], table["text"].split()) == ("p-1.2", ["1913", "287", "1925", "243",
                                                              "1926", "126"])
