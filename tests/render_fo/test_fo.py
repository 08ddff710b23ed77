"""The XSL-FO the stylesheet writes, checked without FOP: conventions shared with the HTML
edition, the structure of the book, page sizes, and golden files for review."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import InputError
from teikit.render.fo import fo_string, normalise_fo, render_fo
from tests.conftest import SEED_TEI
from tests.render_fo.conftest import SAMPLE_TEI
from tests.render_fo.printing import NS, numbered_notes, parse

GOLDEN = Path(__file__).parent / "golden"


def fo_tree(source: Path | bytes, **options: str) -> etree._Element:
    return etree.fromstring(fo_string(source, **options).encode("utf-8"))


def flat(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.fixture(scope="module")
def sample_fo() -> etree._Element:
    return fo_tree(SAMPLE_TEI)


def test_quotation_marks_follow_nesting(sample_fo: etree._Element) -> None:
    text = flat(sample_fo)
    assert "“There was nothing for us,” says Trotsky" in text
    # a soCalled inside a quotation takes single marks, whatever the source had
    assert "“leading General Krasnov’s troops and ‘defending’ Petrograd.”" in text


def test_block_quotation_is_indented_and_takes_the_marks_of_html(
        sample_fo: etree._Element) -> None:
    block = next(b for b in sample_fo.iterfind(".//fo:block", NS)
                 if flat(b).startswith("“Resist this senseless adventure"))
    assert block.get("start-indent") not in (None, "0mm")
    assert flat(block).endswith("Military Academy.”")
    assert "‘the revolution’" in flat(block)


def test_gap_paraphrase_and_correction(sample_fo: etree._Element) -> None:
    text = flat(sample_fo)
    assert "Cossacks […] Only the heights" in text
    paraphrase = next(i for i in sample_fo.iterfind(".//fo:inline[@font-style='italic']", NS)
                      if flat(i).startswith("But the Cossacks"))
    assert flat(paraphrase.getparent()) == (
        "[But the Cossacks were demoralized and beaten back by the Soviet forces.]")
    assert "façade" in text and "fa├žade" not in text


def test_what_could_not_be_read_is_printed_as_the_source_marks_it_and_the_book_says_so() -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.xmlio import serialize_tei

    tei = serialize_tei(convert_text("A Diary\n\nWritten: 1917\n\nThe word is that [illegible] "
                                     "has been arrested.\n", "diary",
                                     TextSettings(name="diary")).tree)
    text = flat(fo_tree(tei))
    assert "The word is that [illegible] has been arrested." in text
    assert "marked as the transcription marks it, such as [illegible]" in text
    assert "Omissions are marked" not in text


def test_footnotes_are_valid_fo_with_inline_marker_and_block_body(
        sample_fo: etree._Element) -> None:
    footnotes = sample_fo.findall(".//fo:footnote", NS)
    numbered = [f for f in footnotes if (f.findtext("fo:inline", namespaces=NS) or "").isdigit()]
    assert len(numbered) == len(numbered_notes(parse(SAMPLE_TEI)))
    for footnote in footnotes:
        marker, body = list(footnote)
        assert marker.tag == f"{{{NS['fo']}}}inline"
        assert body.tag == f"{{{NS['fo']}}}footnote-body"
        assert all(child.tag in (f"{{{NS['fo']}}}block", f"{{{NS['fo']}}}list-block")
                   for child in body)
        assert footnote.find(".//fo:footnote", NS) is None
    signed = next(f for f in numbered if "Second Congress" in flat(f))
    assert flat(signed.find("fo:footnote-body", NS)).endswith("Soviets – Ed.")


def test_the_first_old_style_date_has_a_note_and_all_are_in_the_concordance(
        sample_fo: etree._Element) -> None:
    date_note = next(f for f in sample_fo.iterfind(".//fo:footnote", NS)
                     if f.findtext("fo:inline", namespaces=NS) == "*")
    assert "October 27 is 9 November 1917" in flat(date_note)
    concordance = next(b for b in sample_fo.iterfind(".//fo:block[@id]", NS)
                       if b.get("id").endswith("-dates"))
    assert "October 27" in flat(concordance) and "9 November 1917" in flat(concordance)


def test_running_heads_name_the_sections(sample_fo: etree._Element) -> None:
    markers = [flat(m) for m in sample_fo.iterfind(".//fo:marker", NS)]
    assert markers == ["II – The Counter-Revolutionary Socialists", "The Junkers’ Mutiny",
                       "The Cossack Division Marches on Petrograd"]
    verso = sample_fo.find(".//fo:static-content[@flow-name='verso-head']", NS)
    assert "Victor Serge · Year One of the Russian Revolution" in flat(verso)


def test_contents_and_index_cite_pages_of_existing_ids(sample_fo: etree._Element) -> None:
    ids = [e.get("id") for e in sample_fo.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    citations = [c.get("ref-id") for c in sample_fo.iterfind(".//fo:page-number-citation", NS)]
    assert citations and set(citations) <= set(ids)
    text = flat(sample_fo)
    for heading in ("Contents", "Index", "Persons", "Organisations", "Places", "Krasnov"):
        assert heading in text


def test_index_cites_the_mentions_it_is_given(sample_fo: etree._Element) -> None:
    mentions = sorted({e.get("id") for e in sample_fo.iter() if re.match(r"ix\.", e.get("id", ""))})
    chosen = mentions[:2]
    tree = fo_tree(SAMPLE_TEI, cited_mentions=chosen)  # type: ignore[arg-type]
    cited = [c.get("ref-id") for c in tree.iterfind(".//fo:page-number-citation", NS)
             if c.get("ref-id", "").startswith("ix.")]
    assert sorted(cited) == chosen


@pytest.mark.parametrize(("size", "width", "height"), [("A5", "148mm", "210mm"),
                                                        ("a4", "210mm", "297mm")])
def test_page_size(size: str, width: str, height: str) -> None:
    tree = fo_tree(SAMPLE_TEI, page_size=size)
    masters = tree.findall(".//fo:simple-page-master", NS)
    assert masters and all(m.get("page-width") == width and m.get("page-height") == height
                           for m in masters)


def test_unknown_page_size_is_refused() -> None:
    with pytest.raises(InputError, match="page size"):
        fo_string(SAMPLE_TEI, page_size="Letter")


def test_render_fo_writes_atomically_and_refuses_the_input(tmp_path: Path) -> None:
    out = render_fo(SAMPLE_TEI, tmp_path / "book.fo")
    assert etree.parse(str(out)).getroot().tag == f"{{{NS['fo']}}}root"
    assert [p.name for p in tmp_path.iterdir()] == ["book.fo"]
    with pytest.raises(Exception, match="refusing to overwrite"):
        render_fo(SAMPLE_TEI, SAMPLE_TEI)


@pytest.mark.parametrize("source", [SAMPLE_TEI, SEED_TEI], ids=["sample", "seed"])
def test_golden_fo(source: Path) -> None:
    """Review changes to the print edition as a diff; TEIKIT_UPDATE_GOLDEN=1 rewrites these."""
    if not source.is_file():
        pytest.skip(f"{source.name} not generated yet")
    golden = GOLDEN / f"{source.stem}.fo"
    actual = normalise_fo(fo_string(source))
    if os.environ.get("TEIKIT_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file; run with TEIKIT_UPDATE_GOLDEN=1 to create {golden}"
    assert actual == golden.read_text(encoding="utf-8")


def test_normalised_fo_does_not_depend_on_earlier_transforms() -> None:
    first = normalise_fo(fo_string(SAMPLE_TEI))
    fo_string(SAMPLE_TEI, page_size="A4")  # Saxon numbers documents as it parses them
    assert normalise_fo(fo_string(SAMPLE_TEI)) == first


CONTROL_TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
               '</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>'
               '</sourceDesc></fileDesc><encodingDesc><editorialDecl><p>Repairs: “â€\u009d” → “”'
               '”</p></editorialDecl></encodingDesc></teiHeader><text><body><p>a '
               '<choice><sic>â€\u009d</sic><corr>”</corr></choice> b</p></body></text></TEI>')


def test_control_characters_are_printed_as_their_code_point() -> None:
    """A damaged reading kept in the TEI may hold a C1 control character, which no font has."""
    fo = fo_string(CONTROL_TEI.encode("utf-8"))
    assert "\u009d" not in fo
    assert "â€‹U+009D›" in fo


def test_every_element_that_names_an_entry_carries_the_id_the_index_cites() -> None:
    """Names are the same set of elements in both outputs (xslt/common/names.xsl): a settlement
    or a title pointing at a register entry is a mention the index cites, with its id."""
    tei = (b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
           b'</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>'
           b'</sourceDesc></fileDesc></teiHeader><text><body><p>In <settlement ref="#kharkov">'
           b'Kharkov</settlement>, <persName ref="#volkova">Volkova</persName> and the '
           b'<geogName ref="#urals">Urals</geogName>.</p></body></text><standOff><listPlace>'
           b'<place xml:id="kharkov"><placeName>Kharkov</placeName></place><place xml:id="urals">'
           b'<placeName>The Urals</placeName></place></listPlace><listPerson><person '
           b'xml:id="volkova"><persName>A. Volkova</persName></person></listPerson></standOff>'
           b'</TEI>')
    root = fo_tree(tei)
    cited = {c.get("ref-id") for c in root.iterfind(".//fo:page-number-citation", NS)
             if (c.get("ref-id") or "").startswith("ix.")}
    carried = {e.get("id"): flat(e) for e in root.iter() if (e.get("id") or "").startswith("ix.")}
    assert len(cited) == 3
    assert cited <= set(carried)
    assert sorted(carried.values()) == ["Kharkov", "Urals", "Volkova"]
