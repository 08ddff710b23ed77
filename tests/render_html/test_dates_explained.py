"""The reading edition explains each date as the TEI encodes it: a dual date gives both values,
a date marked New Style is never shown as an Old Style conversion, an inferred one says so."""

from __future__ import annotations

import lxml.html
import pytest

from teikit.convert import convert_text
from teikit.render.html import html_string
from teikit.xmlio import serialize_tei

TEXT = ("Anna Vereshchagina\n\nA Winter in Petrograd\n\n"
        "We lived in Petrograd, then in Moscow. Nicholas abdicated on March 2 (15, N.S.), and the "
        "appeal of the Soviet followed on March 14 [New Style – Ed.]; on March 20, 1917 we met "
        "again, and on the 23rd. Her name-day, December 6 by the old calendar, was kept.\n")


@pytest.fixture(scope="module")
def tips() -> dict[str, str]:
    """Each date's text → its explanation on the page."""
    page = lxml.html.fromstring(html_string(serialize_tei(convert_text(TEXT, "t").tree)))
    out = {}
    for time in page.iter("time"):
        tip = time.find(".//span[@class='tip']")
        if tip is not None:
            out[(time.text or "").strip()] = tip.text_content()
    return out


def test_a_dual_date_gives_both_values(tips: dict[str, str]) -> None:
    assert tips["March 2 (15, N.S.)"].startswith(
        "2 March 1917 O.S. = 15 March 1917 N.S. (the text gives both)")


def test_a_date_marked_new_style_is_not_explained_as_an_old_style_conversion(
        tips: dict[str, str]) -> None:
    assert "O.S." not in tips["March 14"]
    assert tips["March 14"].startswith("14 March 1917 N.S. (New Style, as marked in the text)")


def test_an_old_style_date_and_an_inferred_one(tips: dict[str, str]) -> None:
    assert tips["March 20, 1917"].startswith("20 March 1917 O.S. = 2 April 1917 N.S.")
    assert "inferred by the converter; certainty: " in tips["the 23rd"]
    assert tips["December 6"].startswith("6 December O.S. = 19 December N.S., every year")
