"""Every kind of correction, on the seed and on a small text of our own: the element and its
attributes in the TEI, the record of who decided, validity and a lossless read-back."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import comparable, convert_file, ingest_text, read_back
from teikit.convert.corrections import load_corrections
from teikit.convert.pipeline import convert_transcription
from teikit.errors import CorrectionError
from teikit.validate import check_files
from tests.corrections.conftest import TEI, XML_ID, seed_folder

SEED_CORRECTIONS = '''
[editor]
id = "jd"
name = "Jane Doe"

[[entry]]
id = "junkers"
kind = "org"
name = "Junkers"
note = "Cadets of the military schools."

[[correction]]          # 1. untag a mention
action = "untag"
paragraph = "p-1.1"
text = "Trotsky"
element = "persName"

[[correction]]          # 2. another @ref (the second "Bolsheviks" of the paragraph)
action = "change"
paragraph = "p-1.1"
text = "Bolsheviks"
occurrence = 2
set = { ref = "#mensheviks" }

[[correction]]          # 3. another kind
action = "change"
paragraph = "p-2.1"
text = "Smolny"
element = "placeName"
to = "orgName"

[[correction]]          # 4. tag a missed span with a new entry
action = "tag"
paragraph = "p-2.5"
text = "Junkers"
element = "orgName"
entry = "junkers"

[[correction]]          # 5. tag a missed span with a register entry
action = "tag"
paragraph = "p-2.5"
text = "Junkers"
occurrence = 2
element = "orgName"
set = { ref = "#red-guards", cert = "low" }

[[correction]]          # 6. the date is New Style, and not quite certain
action = "date"
paragraph = "p-1.4"
text = "October 27"
calendar = "gregorian"
set = { cert = "medium" }

[[correction]]          # 7. untag a date
action = "untag"
paragraph = "p-2.5"
text = "the 28th day of October"
element = "date"

[[correction]]          # 8. a quotation's kind
action = "change"
paragraph = "p-1.3"
text = "There was nothing for us,"
element = "q"
to = "quote"

[[correction]]          # 9. kind and speaker
action = "change"
paragraph = "p-2.1"
text = "usurpers,"
element = "soCalled"
to = "q"
set = { who = "#lenin" }

[[correction]]          # 10. a paragraph is a block quotation
action = "block"
paragraph = "p-4.16"

[[correction]]          # 11. a block quotation is a paragraph
action = "paragraph"
paragraph = "p-4.11"

[[correction]]          # 12. a date's value
action = "date"
paragraph = "p-4.4"
text = "October 26"
set = { when = "1917-11-08", cert = "high" }
unset = ["when-custom", "datingMethod", "calendar"]

[[correction]]          # 13. a speaker of a quotation
action = "change"
paragraph = "p-1.3"
text = """but to leave the Left S-Rs the task of persuading their neighbors to the right to \\
    come over to the revolution. We believed it our duty to assume all responsibility in the \\
    name of our party, while they devoted themselves to that hopeless enterprise."""
element = "q"
set = { who = "#lenin" }
'''


@pytest.fixture(scope="module")
def corrected(tmp_path_factory) -> tuple[Path, etree._ElementTree]:
    tei = seed_folder(tmp_path_factory.mktemp("corrected"))
    (tei / "corrections").mkdir()
    (tei / "corrections" / "serge-year-one-2.toml").write_text(SEED_CORRECTIONS,
                                                              encoding="utf-8")
    output = tei / "serge-year-one-2.xml"
    convert_file(tei / "sources" / "serge-year-one-2.txt", output,
                 config_path=tei / "edition.toml")
    return output, etree.parse(str(output))


def block(tree: etree._ElementTree, block_id: str) -> etree._Element:
    found = tree.getroot().find(f".//*[@{XML_ID}='{block_id}']")
    assert found is not None, block_id
    return found


def elements(parent: etree._Element, tag: str, text: str) -> list[etree._Element]:
    return [e for e in parent.iter(f"{TEI}{tag}") if "".join(e.itertext()) == text]


def test_the_corrected_seed_is_valid_everywhere_and_loses_nothing(corrected) -> None:
    output, tree = corrected
    report = check_files([output], ["edition", "tei_all"])
    assert report.exit_code == 0, report.as_text()
    source = (output.parent / "sources" / "serge-year-one-2.txt").read_text(encoding="utf-8")
    assert comparable(read_back(tree.getroot())) == comparable(source)


def test_untagging_a_mention_leaves_its_text_and_the_others(corrected) -> None:
    _, tree = corrected
    first = block(tree, "p-1.1")
    assert elements(first, "persName", "Trotsky") == []
    assert "proposed by Trotsky to avoid" in "".join(first.itertext())
    assert elements(block(tree, "p-1.3"), "persName", "Trotsky"), "other paragraphs keep theirs"


def test_another_ref_for_one_occurrence_only(corrected) -> None:
    _, tree = corrected
    named = elements(block(tree, "p-1.1"), "orgName", "Bolsheviks")
    assert [e.get("ref") for e in named] == ["#bolsheviks", "#mensheviks"]
    assert named[1].get("resp") == "#jd" and named[0].get("resp") is None


def test_another_kind(corrected) -> None:
    _, tree = corrected
    paragraph = block(tree, "p-2.1")
    assert elements(paragraph, "placeName", "Smolny") == []
    (smolny,) = elements(paragraph, "orgName", "Smolny")
    assert smolny.attrib == {"ref": "#smolny", "resp": "#jd"}


def test_a_missed_span_tagged_with_a_new_entry_or_a_register_entry(corrected) -> None:
    _, tree = corrected
    first, second = elements(block(tree, "p-2.5"), "orgName", "Junkers")[:2]
    assert first.attrib == {"ref": "#junkers", "resp": "#jd"}
    assert second.attrib == {"ref": "#red-guards", "cert": "low", "resp": "#jd"}
    entry = tree.getroot().find(f"{TEI}standOff//{TEI}org[@{XML_ID}='junkers']")
    assert entry is not None and "Cadets" in "".join(entry.itertext())


def test_a_date_set_to_new_style_and_a_date_untagged(corrected) -> None:
    _, tree = corrected
    (date,) = elements(block(tree, "p-1.4"), "date", "October 27")
    assert date.attrib == {"when": "1917-10-27", "calendar": "#gregorian", "cert": "medium",
                           "resp": "#jd"}
    assert tree.getroot().find(f".//{TEI}calendarDesc/{TEI}calendar[@{XML_ID}='gregorian']") \
        is not None
    assert elements(block(tree, "p-2.5"), "date", "the 28th day of October") == []


def test_a_date_given_another_value(corrected) -> None:
    _, tree = corrected
    (date,) = elements(block(tree, "p-4.4"), "date", "October 26")
    assert date.attrib == {"when": "1917-11-08", "cert": "high", "resp": "#jd"}


def test_a_quotation_changes_kind_and_speaker(corrected) -> None:
    _, tree = corrected
    paragraph = block(tree, "p-1.3")
    (quote,) = elements(paragraph, "quote", "There was nothing for us,")
    assert quote.attrib == {"rend": "double", "resp": "#jd"}, "a quote has no @who"
    (q,) = [e for e in paragraph.iter(f"{TEI}q")]
    assert q.get("who") == "#lenin" and q.get("resp") == "#jd"
    (usurpers,) = elements(block(tree, "p-2.1"), "q", "usurpers,")
    assert usurpers.attrib == {"rend": "double", "who": "#lenin", "resp": "#jd"}


def test_paragraphs_become_block_quotations_and_back(corrected) -> None:
    _, tree = corrected
    made = block(tree, "p-4.16")
    assert etree.QName(made).localname == "quote" and made.get("type") == "block"
    assert made.get("resp") == "#jd" and made.get("n") == "4.16"
    undone = block(tree, "p-4.11")
    assert etree.QName(undone).localname == "p"
    assert "".join(undone.itertext()).startswith("“The minority held")


def test_the_header_names_the_editor_and_lists_every_correction(corrected) -> None:
    _, tree = corrected
    root = tree.getroot()
    editor = root.find(f".//{TEI}titleStmt/{TEI}respStmt/{TEI}persName[@{XML_ID}='jd']")
    assert editor is not None and editor.text == "Jane Doe"
    (change,) = root.findall(f".//{TEI}revisionDesc/{TEI}change[@who='#jd']")
    text = "".join(change.itertext())
    assert text.startswith("13 corrections of the automatic mark-up applied")
    assert "untagged <persName> “Trotsky” in p-1.1" in text
    assert "untagged <date> “the 28th day of October” in p-2.5" in text


SMALL = """The strike began on 3 May 1921 in Lodz. “We shall not return,” said Maria Nowak. The
so-called “arbitration” failed.

“Bread and roses.”

The committee met again.
"""
SMALL_CORRECTIONS = '''
[[entry]]
id = "nowak"
kind = "person"
name = "Maria Nowak"

[[entry]]
id = "strike-committee"
kind = "org"
name = "The strike committee"

[[correction]]
action = "change"
paragraph = "p-1.1"
text = "Maria Nowak"
element = "persName"
set = { ref = "#nowak" }
unset = ["cert"]

[[correction]]
action = "untag"
paragraph = "p-1.1"
text = "Lodz"
element = "placeName"

[[correction]]
action = "tag"
paragraph = "p-1.3"
text = "committee"
element = "orgName"
entry = "strike-committee"

[[correction]]
action = "change"
paragraph = "p-1.1"
text = "We shall not return,"
to = "q"
set = { who = "#nowak" }

[[correction]]
action = "change"
paragraph = "p-1.1"
text = "arbitration"
to = "title"
set = { level = "a" }

[[correction]]
action = "date"
paragraph = "p-1.1"
text = "3 May 1921"
set = { cert = "low" }

[[correction]]
action = "paragraph"
paragraph = "p-1.2"

[[correction]]
action = "block"
paragraph = "p-1.3"
'''


def test_every_kind_on_a_text_of_our_own(tmp_path: Path) -> None:
    path = tmp_path / "small.toml"
    path.write_text(SMALL_CORRECTIONS, encoding="utf-8")
    doc = ingest_text(SMALL, "small")
    conversion = convert_transcription(doc, TextSettings(name="small"),
                                       corrections=load_corrections(path))
    root = conversion.tree.getroot()
    paragraph = root.find(f".//*[@{XML_ID}='p-1.1']")
    (nowak,) = elements(paragraph, "persName", "Maria Nowak")
    assert nowak.attrib == {"ref": "#nowak", "resp": "#corrector"}
    assert elements(paragraph, "placeName", "Lodz") == []
    (committee,) = elements(root.find(f".//*[@{XML_ID}='p-1.3']"), "orgName", "committee")
    assert committee.attrib == {"ref": "#strike-committee", "resp": "#corrector"}
    (said,) = elements(paragraph, "q", "We shall not return,")
    assert said.get("who") == "#nowak"
    (title,) = elements(paragraph, "title", "arbitration")
    assert title.attrib == {"rend": "double", "level": "a", "resp": "#corrector"}
    (date,) = elements(paragraph, "date", "3 May 1921")
    assert date.get("cert") == "low" and date.get("when") == "1921-05-03"
    assert etree.QName(root.find(f".//*[@{XML_ID}='p-1.2']")).localname == "p"
    third = root.find(f".//*[@{XML_ID}='p-1.3']")
    assert etree.QName(third).localname == "quote" and third.get("type") == "block"
    assert root.find(f".//{TEI}standOff//{TEI}person[@{XML_ID}='nowak']") is not None
    output = tmp_path / "small.xml"
    output.write_bytes(etree.tostring(conversion.tree, xml_declaration=True, encoding="UTF-8"))
    report = check_files([output], ["edition", "tei_all"])
    assert report.exit_code == 0, report.as_text()
    assert comparable(read_back(root)) == comparable(SMALL)


@pytest.mark.parametrize(("table", "problem"), [
    ('paragraph = "p-1.1"\ntext = "Maria Novak"\naction = "untag"',
     "“Maria Novak” occurs 0 times in the block"),
    ('paragraph = "p-1.1"\ntext = "strike"\naction = "untag"',
     "no <element> holds exactly “strike” there"),
    ('paragraph = "p-1.1"\ntext = "Lodz"\naction = "tag"\nelement = "placeName"',
     "<placeName> already holds “Lodz”"),
    ('paragraph = "p-1.1"\ntext = "The"\noccurrence = 3\naction = "untag"',
     "“The” occurs 2 times in the block"),
    ('paragraph = "p-7.1"\ntext = "x"\naction = "untag"', "there is no block p-7.1"),
    ('paragraph = "p-1.1"\naction = "paragraph"', "the block is a paragraph"),
])
def test_a_correction_that_no_longer_matches_is_an_error_naming_it(
        tmp_path: Path, table: str, problem: str) -> None:
    path = tmp_path / "small.toml"
    path.write_text(f"[[correction]]\n{table}\n", encoding="utf-8")
    with pytest.raises(CorrectionError) as raised:
        convert_transcription(ingest_text(SMALL, "small"), TextSettings(name="small"),
                              corrections=load_corrections(path))
    message = str(raised.value)
    assert "correction 1 (" in message and "no longer matches" in message
    assert problem in message
    assert "p-" in message


def test_a_stale_correction_stops_the_conversion_of_the_seed(seed_tei: Path) -> None:
    (seed_tei / "corrections").mkdir()
    (seed_tei / "corrections" / "serge-year-one-2.toml").write_text(
        '[[correction]]\naction = "untag"\nparagraph = "p-2.1"\ntext = "Petrograd had no"\n',
        encoding="utf-8")
    output = seed_tei / "serge-year-one-2.xml"
    with pytest.raises(CorrectionError, match=r"correction 1 \(untag “Petrograd had no” in "
                                              r"p-2.1\) no longer matches"):
        convert_file(seed_tei / "sources" / "serge-year-one-2.txt", output,
                     config_path=seed_tei / "edition.toml")
    assert not output.exists()


def test_a_correction_reaches_the_editors_note_after_the_text(tmp_path: Path) -> None:
    path = tmp_path / "afterword.toml"
    path.write_text('[[correction]]\naction = "untag"\nparagraph = "after-1"\n'
                    'text = "Gary"\n', encoding="utf-8")
    text = "The strike spread.\n\nEditor’s Note: The author wrote from Gary in 1919.\n"
    conversion = convert_transcription(ingest_text(text, "small"), TextSettings(name="small"),
                                       corrections=load_corrections(path))
    note = conversion.tree.getroot().find(f".//*[@{XML_ID}='after-1']")
    assert etree.QName(note.getparent()).localname == "div"
    assert elements(note, "placeName", "Gary") == []
    assert "".join(note.itertext()) == "Editor’s Note: The author wrote from Gary in 1919."
