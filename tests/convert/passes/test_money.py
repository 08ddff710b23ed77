"""Money pass: amounts as measure[@type='currency'] with a numeric quantity and a unit."""

from __future__ import annotations

import pytest

from teikit.convert.model import BlockKind, Span
from teikit.convert.passes.money import MoneyOptions, find_amounts, run
from tests.convert.passes.conftest import make_doc, tagged


def amounts(text: str) -> list[tuple[str, str, str]]:
    return [(text[start:end], quantity, unit) for start, end, quantity, unit in find_amounts(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("a skilled worker (500 rubles a month)", [("500 rubles", "500", "rouble")]),
    ("with an extra hundred rubles for each dependent",
     [("hundred rubles", "100", "rouble")]),
    ("a loan of five million francs", [("five million francs", "5000000", "franc")]),
    ("100,000 francs", [("100,000 francs", "100000", "franc")]),
    ("two hundred and fifty roubles", [("two hundred and fifty roubles", "250", "rouble")]),
    ("One thousand five hundred roubles",
     [("One thousand five hundred roubles", "1500", "rouble")]),
    ("twenty-five kopecks", [("twenty-five kopecks", "25", "kopeck")]),
    ("$1,000 and $5 million", [("$1,000", "1000", "dollar"), ("$5 million", "5000000", "dollar")]),
    ("2.50 dollars", [("2.50 dollars", "2.5", "dollar")]),
    ("ten pounds sterling", [("ten pounds sterling", "10", "pound")]),
    # as French and German print figures: thousands apart, a decimal comma
    ("a envoyé 3 000 francs.", [("3 000 francs", "3000", "franc")]),
    ("1\u202f250\u00a0000 francs", [("1\u202f250\u00a0000 francs", "1250000", "franc")]),
    ("2,50 francs par jour", [("2,50 francs", "2.5", "franc")]),
    ("12 500,50 francs", [("12 500,50 francs", "12500.5", "franc")]),
    ("en 1906 500 francs", [("500 francs", "500", "franc")]),
])
def test_amounts_in_figures_and_in_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert amounts(text) == expected


def test_pounds_shillings_and_pence_are_one_amount_in_pounds() -> None:
    assert amounts("It cost £3 10s. and then £3 10s. 6d. a week.") == [
        ("£3 10s.", "3.5", "pound"), ("£3 10s. 6d.", "3.525", "pound")]
    assert amounts("a wage of 10s. 6d., or 6d. an hour") == [
        ("10s. 6d.", "10.5", "shilling"), ("6d.", "6", "penny")]
    # a third of a shilling has no exact decimal: the amount is given in pence
    assert amounts("Spinners 10s. 4d., overseers £2 0s. 1d.") == [
        ("10s. 4d.", "124", "penny"), ("£2 0s. 1d.", "481", "penny")]


@pytest.mark.parametrize("text", [
    "paid in roubles", "some francs", "hundreds of roubles", "five pounds of flour",
    "question marks", "Mark said so", "the $ sign", "a pound of bread", "p. 123",
    "three marks of respect",
])
def test_what_is_not_an_amount(text: str) -> None:
    assert amounts(text) == []


def test_an_amount_in_a_quotation_is_tagged_one_across_a_repair_is_not() -> None:
    doc = make_doc("He said “it costs 500 rubles” and paid 30 fa├žade francs.")
    text = doc.blocks[0].text
    quote_start = text.index("“")
    quote = Span(0, quote_start, text.index("”") + 1, "quote", {}, open_len=1, close_len=1)
    repair_start = text.index("30")
    repair = Span(0, repair_start, repair_start + len("30 fa├žade"), "choice", atomic=True,
                  open_len=len("30 fa├žade"))
    result = run(doc, (quote, repair), MoneyOptions())
    assert tagged(doc, result.spans) == [
        ("500 rubles", "measure", {"type": "currency", "quantity": "500", "unit": "rouble"})]
    assert result.warnings == ()


def test_a_year_the_date_pass_took_is_not_an_amount() -> None:
    doc = make_doc("prices rose in 1917 roubles and all")
    text = doc.blocks[0].text
    year = Span(0, text.index("1917"), text.index("1917") + 4, "date", {"when": "1917"})
    assert run(doc, (year,), MoneyOptions()).spans == ()


def test_the_title_page_holds_no_amounts() -> None:
    doc = make_doc((BlockKind.TITLE, "The 500 Roubles"), "It cost 500 roubles.")
    assert [s.block for s in run(doc, (), MoneyOptions()).spans] == [1]


def test_converted_amounts_are_valid_in_the_edition_schema_and_tei_all(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from teikit.convert import convert_text
    from teikit.validate import check_files
    from teikit.xmlio import serialize_tei

    conversion = convert_text("A Title\n\nIt cost £3 10s. 6d., then $1,000, "
                              "then five million francs and 100,000 francs.\n", "money")
    measures = conversion.tree.getroot().iter("{http://www.tei-c.org/ns/1.0}measure")
    assert [(m.text, m.get("quantity"), m.get("unit")) for m in measures] == [
        ("£3 10s. 6d.", "3.525", "pound"), ("$1,000", "1000", "dollar"),
        ("five million francs", "5000000", "franc"), ("100,000 francs", "100000", "franc")]
    path = tmp_path / "money.xml"
    path.write_bytes(serialize_tei(conversion.tree))
    report = check_files([path], ["edition", "tei_all"])
    assert report.exit_code == 0, report.as_text()
