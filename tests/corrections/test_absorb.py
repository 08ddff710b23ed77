"""Hand edits to the seed's TEI, made with lxml, are absorbed into the corrections file, and a
rebuild reproduces the edited mark-up element by element; text edits and edits corrections
cannot express are reported and keep the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.convert import absorb, convert_file
from tests.corrections.conftest import TEI, XML_ID, seed_folder

NAME = "serge-year-one-2"


def by_id(tree: etree._ElementTree, block_id: str) -> etree._Element:
    found = tree.getroot().find(f".//*[@{XML_ID}='{block_id}']")
    assert found is not None
    return found


def find(parent: etree._Element, tag: str, text: str, nth: int = 0) -> etree._Element:
    return [e for e in parent.iter(f"{TEI}{tag}") if "".join(e.itertext()) == text][nth]


def unwrap(element: etree._Element) -> None:
    parent, previous = element.getparent(), element.getprevious()
    assert parent is not None
    moved = (element.text or "")
    children = list(element)
    if not children:
        moved += element.tail or ""
        if previous is not None:
            previous.tail = (previous.tail or "") + moved
        else:
            parent.text = (parent.text or "") + moved
        parent.remove(element)
        return
    raise AssertionError("only leaf elements are unwrapped here")


def wrap_in_text(parent: etree._Element, words: str, tag: str, **attrs: str) -> None:
    """Wrap the first ``words`` of ``parent``'s leading text in a new element."""
    text = parent.text or ""
    at = text.index(words)
    element = etree.Element(f"{TEI}{tag}", attrs)
    element.text, element.tail = words, text[at + len(words):]
    parent.text = text[:at]
    parent.insert(0, element)


def rename(element: etree._Element, tag: str) -> None:
    element.tag = f"{TEI}{tag}"


def mark_up_edits(tree: etree._ElementTree) -> int:
    """Twelve different edits of the mark-up; returns their number."""
    first = by_id(tree, "p-1.1")
    unwrap(find(first, "persName", "Trotsky"))                                    # 1 untag
    find(first, "orgName", "Bolsheviks", 1).set("ref", "#mensheviks")             # 2 ref
    find(first, "note", "S-Rs").set("type", "paraphrase")                         # 3 note type
    smolny = find(by_id(tree, "p-2.1"), "placeName", "Smolny")
    rename(smolny, "orgName")                                                     # 4 kind
    wrap_in_text(by_id(tree, "p-2.5"), "Junkers", "orgName", ref="#red-guards")   # 5 tag
    unwrap(find(by_id(tree, "p-2.5"), "date", "the 28th day of October"))         # 6 untag date
    date = find(by_id(tree, "p-1.4"), "date", "October 27")                       # 7 date value
    for name in ("when-custom", "datingMethod"):
        del date.attrib[name]
    date.set("when", "1917-10-27")
    date.set("calendar", "#gregorian")
    quote = find(by_id(tree, "p-1.3"), "q", "There was nothing for us,")          # 8 q → quote
    rename(quote, "quote")
    del quote.attrib["who"]
    usurpers = find(by_id(tree, "p-2.1"), "soCalled", "usurpers,")                # 9 soCalled → q
    rename(usurpers, "q")
    usurpers.set("who", "#lenin")
    paragraph = by_id(tree, "p-4.16")                                             # 10 block
    rename(paragraph, "quote")
    paragraph.attrib.clear()
    paragraph.set("type", "block")
    paragraph.set(XML_ID, "p-4.16")
    paragraph.set("n", "4.16")
    find(by_id(tree, "p-2.2"), "orgName", "Mensheviks").set("cert", "low")        # 11 cert
    by_id(tree, "p-4.6").set("source", "#mensheviks")                             # 12 speaker
    return 12


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    tei = seed_folder(tmp_path)
    output = tei / f"{NAME}.xml"
    convert_file(tei / "sources" / f"{NAME}.txt", output, config_path=tei / "edition.toml")
    return output


def same_markup(edited: etree._Element, rebuilt: etree._Element) -> list[str]:
    """Element-by-element differences; the corrector's @resp on rebuilt elements aside."""
    problems = []
    pairs = list(zip(edited.iter(), rebuilt.iter(), strict=False))
    if len(list(edited.iter())) != len(list(rebuilt.iter())):
        problems.append("different number of nodes")
    for mine, theirs in pairs:
        if mine.tag != theirs.tag:
            problems.append(f"{mine.tag} vs {theirs.tag}")
            break
        attrs = dict(theirs.attrib)
        if attrs.get("resp") == "#corrector" and mine.get("resp") != "#corrector":
            attrs.pop("resp")
            if mine.get("resp"):
                attrs["resp"] = mine.get("resp")
        if dict(mine.attrib) != attrs:
            problems.append(f"{mine.tag}: {dict(mine.attrib)} vs {attrs}")
        if (mine.text, mine.tail) != (theirs.text, theirs.tail):
            problems.append(f"{mine.tag}: text {mine.text!r} vs {theirs.text!r}")
    return problems


def test_mark_up_edits_are_absorbed_and_a_rebuild_reproduces_them(generated: Path) -> None:
    tree = etree.parse(str(generated))
    edits = mark_up_edits(tree)
    tree.write(str(generated), xml_declaration=True, encoding="UTF-8")
    edited_text = etree.parse(str(generated)).getroot().find(f"{TEI}text")

    report = absorb(generated)
    assert len(report.written) >= edits >= 10
    assert report.text_edits == [] and report.inexpressible == [], report.lines()
    assert report.replaced
    corrections = (generated.parent / "corrections" / f"{NAME}.toml").read_text("utf-8")
    for line in ('action = "untag"', 'to = "orgName"', 'action = "block"', '"#mensheviks"',
                 'calendar = "#gregorian"', 'to = "q"', 'to = "quote"'):
        assert line in corrections

    # the next build may replace the file: it is what teikit wrote
    convert_file(generated.parent / "sources" / f"{NAME}.txt", generated,
                 config_path=generated.parent / "edition.toml")
    rebuilt = etree.parse(str(generated)).getroot()
    assert same_markup(edited_text, rebuilt.find(f"{TEI}text")) == []
    recorded = [e for e in rebuilt.iter() if e.get("resp") == "#corrector"]
    assert len(recorded) >= 9, "changed names, dates, quotations and blocks carry @resp"


def test_a_text_edit_is_reported_not_absorbed_and_the_file_kept(generated: Path) -> None:
    tree = etree.parse(str(generated))
    first = by_id(tree, "p-3.1")
    first.text = first.text.replace("What forces", "Which forces")
    find(by_id(tree, "p-1.1"), "orgName", "Bolsheviks", 1).set("ref", "#mensheviks")
    tree.write(str(generated), xml_declaration=True, encoding="UTF-8")
    before = generated.read_bytes()

    report = absorb(generated)
    assert [edit.split(":")[0] for edit in report.text_edits] == ["p-3.1"]
    assert "Which forces" in report.text_edits[0]
    assert report.inexpressible == [], "a text edit is not also an inexpressible one"
    assert not report.replaced and generated.read_bytes() == before
    corrections = (generated.parent / "corrections" / f"{NAME}.toml").read_text("utf-8")
    assert '"#mensheviks"' in corrections and "Which" not in corrections


def test_a_new_division_is_listed_as_inexpressible(generated: Path) -> None:
    tree = etree.parse(str(generated))
    body = tree.getroot().find(f"{TEI}text/{TEI}body")
    extra = etree.SubElement(body, f"{TEI}div", type="section")
    etree.SubElement(extra, f"{TEI}p").text = "An editor's addition."
    tree.write(str(generated), xml_declaration=True, encoding="UTF-8")

    report = absorb(generated)
    assert report.inexpressible and "div" in " ".join(report.inexpressible)
    assert not report.replaced
    assert "An editor's addition." in generated.read_text("utf-8")


def test_the_command_reports_what_it_could_not_absorb_and_exits_1(generated: Path) -> None:
    from click.testing import CliRunner

    from teikit.cli import main

    tree = etree.parse(str(generated))
    body = tree.getroot().find(f"{TEI}text/{TEI}body")
    etree.SubElement(etree.SubElement(body, f"{TEI}div", type="section"), f"{TEI}p").text = "x"
    tree.write(str(generated), xml_declaration=True, encoding="UTF-8")
    result = CliRunner().invoke(main, ["corrections", "absorb", str(generated)])
    assert result.exit_code == 1
    assert "no mark-up differences to absorb" in result.output
    assert "corrections cannot express (not absorbed)" in result.output
    assert "added: <div>" in result.output and f"{generated} kept as it is" in result.output
