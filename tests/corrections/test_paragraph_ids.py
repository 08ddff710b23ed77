"""Block ids come from the section and the place in it: inserting a paragraph changes no id
before it and none in the other sections; the HTML numbers and links use them."""

from __future__ import annotations

from lxml import etree

from teikit.convert import convert_text
from tests.conftest import SEED_SOURCE
from tests.corrections.conftest import TEI, XML_ID

INSERTED = "An inserted paragraph, to see which ids move."


def ids_and_texts(text: str) -> dict[str, str]:
    root = convert_text(text, "serge-year-one-2").tree.getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    return {e.get(XML_ID): " ".join("".join(e.itertext()).split())
            for e in body.iter() if isinstance(e.tag, str) and e.get(XML_ID)}


def test_inserting_a_paragraph_moves_only_the_later_ids_of_its_section() -> None:
    source = SEED_SOURCE.read_text(encoding="utf-8")
    anchor = "\n\nThe bourgeois newspapers continued"     # the second paragraph of section 2
    assert source.count(anchor) == 1
    before = ids_and_texts(source)
    after = ids_and_texts(source.replace(anchor, f"\n\n{INSERTED}{anchor}"))

    assert after["p-2.2"] == INSERTED
    moved = {key for key in before if before[key] != after.get(key)}
    section_2 = sorted((k for k in before if k.startswith("p-2.")),
                       key=lambda k: int(k.split(".")[1]))
    assert moved == set(section_2[1:]), "only the paragraphs after it in its section move"
    for key in section_2[1:]:
        number = int(key.split(".")[1])
        assert after[f"p-2.{number + 1}"] == before[key]
    assert len(before) > 60 and {k for k in before if k.startswith("h-")} == {
        "h-2", "h-3", "h-4", "h-5", "h-6", "h-7"}


def test_every_body_paragraph_and_heading_has_an_id_and_a_citation_number() -> None:
    root = convert_text(SEED_SOURCE.read_text(encoding="utf-8"), "s").tree.getroot()
    body = root.find(f"{TEI}text/{TEI}body")
    blocks = [e for e in body.iter(f"{TEI}p", f"{TEI}head", f"{TEI}quote")
              if e.getparent().tag == f"{TEI}div"]
    assert blocks and all(e.get(XML_ID) for e in blocks)
    for element in blocks:
        if etree.QName(element).localname == "head":
            assert element.get(XML_ID).startswith("h-")
        else:
            assert element.get(XML_ID) == f"p-{element.get('n')}"
    headnote = root.find(f"{TEI}text/{TEI}front/{TEI}div[@type='headnote']")
    assert [p.get(XML_ID) for p in headnote] == ["hn-1", "hn-2", "hn-3"]


def test_the_reading_and_print_editions_use_the_ids(tmp_path) -> None:
    import lxml.html

    from teikit.render.fo import fo_string
    from teikit.render.html import render_html
    from tests.conftest import SEED_TEI

    page = lxml.html.parse(str(render_html(SEED_TEI, tmp_path / "seed.html"))).getroot()
    numbers = page.xpath("//a[@class='para-num']")
    assert numbers[0].text == "1.1" and numbers[0].get("href") == "#p-1.1"
    for number in numbers:
        target = page.xpath(f"//*[@id='{number.get('href')[1:]}']")
        assert len(target) == 1 and number in target[0].iter()
    assert "¶ 2.3" in page.xpath("string(//p[@class='cite-hint'])")
    fo = etree.fromstring(fo_string(SEED_TEI).encode("utf-8"))
    assert fo.xpath("//*[@id='p-2.3']"), "the PDF's link targets are the same ids"
