"""The print edition's list of Old Style dates holds the dates written in the Old Style (dual
ones too) and never a date the text or its editor marks New Style."""

from __future__ import annotations

from lxml import etree

from teikit.convert import convert_text
from teikit.render.fo import fo_string
from teikit.xmlio import serialize_tei

FO = "{http://www.w3.org/1999/XSL/Format}"
TEXT = ("Anna Vereshchagina\n\nA Winter in Petrograd\n\n"
        "We lived in Petrograd, then in Moscow. Nicholas abdicated on March 2 (15, N.S.), and the "
        "appeal of the Soviet followed on March 14 [New Style – Ed.]; on March 20, 1917 we met "
        "again.\n")


def test_the_old_style_concordance_lists_old_style_dates_only() -> None:
    fo = etree.fromstring(fo_string(serialize_tei(convert_text(TEXT, "t").tree)).encode())
    concordance = next(b for b in fo.iter(f"{FO}block") if (b.get("id") or "").endswith("-dates"))
    rows = [[" ".join("".join(c.itertext()).split()) for c in row.iter(f"{FO}table-cell")][:2]
            for row in concordance.iter(f"{FO}table-row")][1:]
    assert rows == [["March 2 (15, N.S.)", "15 March 1917"], ["March 20, 1917", "2 April 1917"]]
    note = " ".join("".join(fo.find(f".//{FO}footnote-body").itertext()).split())
    assert note.startswith("*Old Style dates (Julian calendar) run 13 days behind the New Style")
