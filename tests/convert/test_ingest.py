"""Ingest: decoding decisions and the classification of blocks."""

from __future__ import annotations

import pytest
from lxml import etree
from lxml import html as lxml_html

from teikit.convert.ingest import decode, ingest_file, ingest_text, quotation_marks
from teikit.convert.model import BlockKind
from teikit.errors import InputError
from tests.conftest import SEED_SOURCE, TRANSCRIPTIONS


@pytest.fixture(scope="module")
def seed():
    return ingest_file(SEED_SOURCE)


def texts(doc, kind):
    return [b.text for b in doc.blocks if b.kind is kind]


def test_seed_title_block_is_author_work_and_part(seed):
    assert texts(seed, BlockKind.AUTHOR) == ["Victor Serge"]
    assert texts(seed, BlockKind.TITLE) == ["Year One of the Russian Revolution"]
    assert texts(seed, BlockKind.SUBTITLE) == ["II – The Counter-Revolutionary Socialists"]


@pytest.mark.parametrize("label", [
    "Editor's Note:", "Editors’ note:", "Editorial Note.", "Publisher's Note –",
    "Note by the editors:", "Note de la rédaction :", "Anmerkung der Redaktion:"])
def test_a_paragraph_after_the_header_that_says_it_is_the_editors_is_the_headnote(label):
    doc = ingest_text(f"Ida Berg\n\nOn Strikes\n\nWritten: 1917\n\n{label} The pamphlet was "
                      "written before the conference.\n\nThe strike began.\n\nEditor's note: "
                      "a paragraph further on is the text's.\n\nThe strike ended.\n", "t")
    assert texts(doc, BlockKind.HEADNOTE) == [
        f"{label} The pamphlet was written before the conference."]
    assert texts(doc, BlockKind.PARAGRAPH)[0] == "The strike began."
    assert len(texts(doc, BlockKind.PARAGRAPH)) == 3


def test_an_editors_note_in_brackets_after_the_header_is_the_headnote():
    note = "[Editorial Note: The report was prepared after a visit to Dundee. – N. F.]"
    doc = ingest_text(f"On Jute\n\nWritten: 1906\n\n{note}\n\nThe mills work long hours.\n\n"
                      "[Editorial note: one further on] is the text's.\n", "t")
    assert texts(doc, BlockKind.HEADNOTE) == [note]
    assert len(texts(doc, BlockKind.PARAGRAPH)) == 2


@pytest.mark.parametrize(("line", "kind"), [
    ("What Is To Be Done?", BlockKind.HEADING), ("Where To Begin?", BlockKind.HEADING),
    ("What did the liberals say?", BlockKind.PARAGRAPH),
])
def test_a_question_heads_a_section_only_in_title_case(line, kind):
    doc = ingest_text(f"On Tasks\n\nWritten: 1905\n\n{line}\n\nThe strike began at the depot.\n",
                      "t")
    assert [b.kind for b in doc.blocks if b.text == line] == [kind]


def test_a_note_after_the_header_that_names_no_editor_is_the_texts():
    doc = ingest_text("Ida Berg\n\nOn Strikes\n\nWritten: 1917\n\nNote: the figures are "
                      "the union's.\n\nThe strike began.\n", "t")
    assert texts(doc, BlockKind.HEADNOTE) == []


def test_seed_header_fields_keep_label_and_value(seed):
    fields = [(b.label, b.key, b.text) for b in seed.blocks if b.kind is BlockKind.FIELD]
    assert [label for label, _, _ in fields] == [
        "Written:", "First Published:", "This Version:", "Translation:", "Transcription/Mark-up:"]
    assert seed.field("translation").text == "Dan Eastman."
    assert seed.field("this_version").text.startswith("New International, Vol. XIV No. 4")


def test_seed_headnote_is_two_paragraphs_signed_by_the_editor(seed):
    headnote = texts(seed, BlockKind.HEADNOTE)
    assert len(headnote) == 2
    assert headnote[0].startswith("Our second installment")
    assert headnote[1].endswith("anti-Bolshevik socialists.")
    assert texts(seed, BlockKind.SIGNED) == ["– Ed."]


def test_seed_has_six_section_headings(seed):
    assert texts(seed, BlockKind.HEADING) == [
        "The Junkers’ Mutiny", "The Cossack Division Marches on Petrograd",
        "Counter-Revolutionary Socialism", "The Initiative of the Masses",
        "The Governmental Crisis", "Reliance on the Masses"]


def test_whole_paragraph_quotations_become_block_quotations_without_their_marks(seed):
    quotations = [b for b in seed.blocks if b.kind is BlockKind.QUOTATION]
    assert len(quotations) == 14
    anything_goes = next(b for b in quotations if b.text == "Anything goes!")
    assert (anything_goes.prefix, anything_goes.suffix, anything_goes.key) == ("“", "”", "double")
    # a paragraph that opens and closes with a quotation but says something between is prose
    assert any(b.text.startswith("“There was nothing for us,”")
               for b in seed.blocks if b.kind is BlockKind.PARAGRAPH)


def test_block_offsets_point_into_the_source(seed):
    for block in seed.blocks:
        assert seed.source[block.offset:block.offset + len(block.text)] == block.text
        assert seed.source.count("\n", 0, block.offset) + 1 == block.line


def test_trailer_is_recognised(seed):
    assert texts(seed, BlockKind.TRAILER) == ["Last updated on: 2 August 2018"]


@pytest.mark.parametrize(("text", "marks"), [
    ("“Anything goes!”", ("“", "”")),
    ("“One” and “two”", None),
    ("“Outer ‘inner’ end.”", ("“", "”")),
    ("‘single’", ("‘", "’")),
    ('"straight"', ('"', '"')),
    ("no quotation", None),
])
def test_quotation_marks_of_a_whole_paragraph(text, marks):
    assert quotation_marks(text) == marks


def test_letter_has_dateline_salutation_closing_and_signature():
    doc = ingest_file(TRANSCRIPTIONS / "volkova-letter.txt")
    kinds = [b.kind for b in doc.blocks]
    assert texts(doc, BlockKind.DATELINE) == ["Moscow, 14 March 1921"]
    assert texts(doc, BlockKind.SALUTE) == ["Dear Comrades,", "With communist greetings,"]
    assert texts(doc, BlockKind.SIGNED) == ["A. Volkova"]
    assert kinds[-1] is BlockKind.SIGNED
    assert doc.field("public_domain") is not None and doc.field("source") is not None


def test_notes_section_yields_numbered_footnotes_without_their_labels():
    doc = ingest_file(TRANSCRIPTIONS / "marchal-printers-strike.txt")
    footnotes = [(b.key, b.prefix, b.text) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE]
    assert footnotes[0] == ("1", "1.", "The Rue du Croissant was the centre of the Paris "
                                        "newspaper trade.")
    assert [key for key, _, _ in footnotes] == ["1", "2"]
    assert texts(doc, BlockKind.NOTES_HEADING) == ["Notes"]
    assert {b.key for b in doc.blocks if b.kind is BlockKind.FIELD} >= {
        "source", "translation", "transcription", "html_markup", "proofread", "copyleft"}


def test_text_without_header_block_warns_and_keeps_everything_as_body():
    doc = ingest_text("A Heading\n\nFirst paragraph.\n\nSecond paragraph.\n", "plain")
    assert [b.kind for b in doc.blocks] == [BlockKind.HEADING, BlockKind.PARAGRAPH,
                                            BlockKind.PARAGRAPH]
    assert any("no header block" in w and "author" in w for w in doc.warnings)


def test_hard_wrapped_paragraph_stays_one_block():
    doc = ingest_text("First line of a paragraph\nthat continues here.\n\nNext one.\n", "wrapped")
    assert [b.text for b in doc.blocks] == [
        "First line of a paragraph\nthat continues here.", "Next one."]


class TestDecoding:
    def test_utf8_is_taken_as_is(self):
        decoded = decode("Café “L’An”".encode(), "x")
        assert (decoded.text, decoded.encoding, decoded.detected) == ("Café “L’An”", "utf-8", True)

    def test_utf8_bom_is_dropped(self):
        assert decode(b"\xef\xbb\xbfHello", "x").text == "Hello"

    def test_windows_1252_is_detected_not_garbled(self):
        decoded = decode("L’An 1 de la révolution – “façade”".encode("cp1252"), "x")
        assert decoded.text == "L’An 1 de la révolution – “façade”"
        assert decoded.encoding == "cp1252"

    def test_latin1_with_bytes_undefined_in_1252_falls_back_to_latin1(self):
        decoded = decode("révolution".encode("latin-1") + b"\x81", "x")
        assert decoded.encoding == "latin-1"
        assert decoded.text.startswith("révolution")

    def test_named_encoding_is_used_and_recorded(self):
        decoded = decode("révolution".encode("latin-1"), "x", encoding="latin-1")
        assert (decoded.text, decoded.encoding, decoded.detected) == ("révolution", "latin-1",
                                                                      False)

    def test_named_encoding_that_does_not_fit_is_an_error(self):
        with pytest.raises(InputError, match="cannot be decoded as utf-8"):
            decode("révolution".encode("latin-1"), "x", encoding="utf-8")

    @pytest.mark.parametrize("data", [b"", b"  \n\n "])
    def test_empty_input_is_an_error(self, data):
        with pytest.raises(InputError, match="empty"):
            decode(data, "x")

    def test_binary_input_is_an_error(self):
        with pytest.raises(InputError, match="binary"):
            decode(bytes(range(256)) * 4, "x")


@pytest.mark.parametrize(("line", "is_heading"), [
    ("II.", True),
    ("IV", True),
    ("Chapter III", True),
    ("Part Two: The Masses", True),
    ("Part of the army remained loyal.", False),
    ("Not one single army unit replied to this appeal.", False),
    ("“Anything goes!”", False),
    ("The Junkers’ Mutiny", True),
    ("§ 2. Nine Days", True),
    ("§ 3", True),
    ("Chapter 3: The Return", True),
    ("Book II", True),
    ("Section 3", True),
    ("1. The Owners’ Terms", True),
    # a sentence that begins with a section's number is prose
    ("§ 1. The owners offered a shilling.", False),
    ("§ 3 of the statute forbids a lock-out", False),
    ("Part One of the plan was adopted.", False),
    ("Section 3 of the law forbids strikes", False),
    # a slogan in capitals is a cry, a question in capitals still a heading
    ("WORKERS OF THE WORLD, UNITE!", False),
    ("WHAT IS TO BE DONE?", True),
    # a name and a figure is a line of figures; a place and a year may head a section
    ("Chemnitz: 30,000", False),
    ("Wages: 12.5%", False),
    ("Petrograd: 1917", True),
    # a note's marker at the end says nothing of what the line is
    ("The congress met in March.[1]", False),
    ("The strike was broken.¹", False),
    ("The old price.*", False),
    ("Chapter 2[2]", True),
])
def test_heading_shapes(line, is_heading):
    doc = ingest_text(f"{line}\n\nA paragraph of prose follows here.\n", "h")
    assert (doc.blocks[0].kind is BlockKind.HEADING) is is_heading


LETTER_WITH_POSTSCRIPTS = """Written: October 2, 1920.

Glasgow, October 2, 1920

Dear Comrade,

The Council has asked me to reply.

I remain, with affection,

J. Smith
Secretary

P.S. The minutes are enclosed.

PS. A second copy follows.
"""


def test_letter_ends_with_closer_signature_of_two_lines_and_postscripts():
    doc = ingest_text(LETTER_WITH_POSTSCRIPTS, "t")
    assert texts(doc, BlockKind.SALUTE) == ["Dear Comrade,", "I remain, with affection,"]
    assert texts(doc, BlockKind.SIGNED) == ["J. Smith\nSecretary"]
    assert texts(doc, BlockKind.POSTSCRIPT) == ["P.S. The minutes are enclosed.",
                                                "PS. A second copy follows."]
    assert texts(doc, BlockKind.HEADING) == []


def test_postscript_sign_needs_the_letter_and_the_end():
    """"P.S." opens a postscript only at the end of a letter; elsewhere it is a paragraph."""
    doc = ingest_text("Some Article\n\nP.S. is how the paper signed its afterthoughts.\n\n"
                      "The end of the article.\n", "t")
    assert texts(doc, BlockKind.POSTSCRIPT) == []


TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def converted(text):
    """The conversion of ``text`` with no config or register, as an editor's new text has."""
    from teikit.config import TextSettings
    from teikit.convert import convert_text

    return convert_text(text, "t", TextSettings(name="t"))


def test_a_heading_right_after_a_heading_heads_the_same_section_but_a_part_holds_its_chapter(
        tmp_path):
    from teikit.validate import validate_files

    conversion = converted("The Junius Pamphlet\n\nWritten: 1915\n\nCHAPTER I\n\n"
                           "The Scene Has Changed\n\nThe scene has changed fundamentally.\n\n"
                           "PART TWO\n\nCHAPTER III\n\nThe Social Democracy\n\n"
                           "It voted the war credits.\n")
    root = conversion.tree.getroot()
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"

    def heads(div):  # type: ignore[no-untyped-def]
        return [(h.get("type"), h.get(xml_id), h.text) for h in div.findall("t:head", TEI)]

    first, part = root.findall(".//t:body/t:div", TEI)
    assert (first.get("type"), heads(first)) == (
        "chapter", [(None, "h-1", "CHAPTER I"), ("sub", "h-1.2", "The Scene Has Changed")])
    (chapter,) = part.findall("t:div", TEI)
    assert (part.get("type"), heads(part)) == ("part", [(None, "h-2", "PART TWO")])
    assert (chapter.get("type"), heads(chapter)) == (
        "chapter", [(None, "h-3", "CHAPTER III"), ("sub", "h-3.2", "The Social Democracy")])
    assert [p.get("n") for p in root.iterfind(".//t:body//t:p", TEI)] == ["1.1", "3.1"]
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []


def test_a_marker_in_superscript_digits_and_a_notes_heading_with_a_colon():
    from teikit.convert.readback import read_back

    text = ("On Ireland\n\nWritten: 1913\n\nThe population of Ireland was 1,466,000.¹ The war "
            "destroyed a third of it.¹² Then came 1652.⁰¹\n\nNotes:\n\n1. Petty, Political "
            "Anatomy of Ireland, 1672.\n")
    conversion = converted(text)
    notes = conversion.tree.getroot().findall(".//t:body//t:note[@type='footnote']", TEI)
    assert [(n.get("n"), n.get("rend"), "".join(n.itertext())) for n in notes] == [
        ("1", "superscript", "Petty, Political Anatomy of Ireland, 1672.")]
    # "¹²" names no note of the notes section, "⁰¹" is no number: they stay text
    assert " ".join(read_back(conversion.tree).split()) == " ".join(text.split())


def test_a_paragraph_set_in_from_the_others_is_a_block_quotation():
    doc = ingest_text("A Text\n\nWritten: 1893\n\nMarx wrote:\n\n    In the social production "
                      "of their life,\n    men enter into definite relations.\n\nThis is the "
                      "kernel.\n\n    “A quotation in marks.”\n", "t")
    quotations = [(b.text.split()[0], b.key) for b in doc.blocks if b.kind is BlockKind.QUOTATION]
    assert quotations == [("In", ""), ("A", "double")]


def test_paragraphs_whose_first_lines_are_indented_are_paragraphs():
    doc = ingest_text("A Text\n\nWritten: 1893\n\n    The first paragraph, wrapped\nat the margin."
                      "\n\n    The second one.\n\n    The third one, wrapped\nagain.\n", "t")
    assert texts(doc, BlockKind.QUOTATION) == []
    assert len(texts(doc, BlockKind.PARAGRAPH)) == 3


@pytest.mark.parametrize(("name", "expected"), [("ed", "text-ed"), ("teikit", "text-teikit"),
                                               ("serge-letter", "serge-letter")])
def test_the_documents_id_never_repeats_another_id_of_the_document(name, expected, tmp_path):
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.validate import validate_files

    conversion = convert_text("A Title\n\nWritten: 1918\n\nThe workers [of Petrograd] rose.\n",
                              name, TextSettings(name=name))
    root = conversion.tree.getroot()
    assert root.get("{http://www.w3.org/XML/1998/namespace}id") == expected
    written = tmp_path / f"{name}.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []


def test_a_line_of_signs_alone_is_a_break_in_the_section(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    text = ("Notes on the Revolution\n\nWritten: 1919\n\n* * *\n\nFebruary 27. The regiment "
            "came out.\n\n***\n\nThe end, – and the beginning - of it.\n\n⁂\n\nNothing more.\n")
    conversion = converted(text)
    body = conversion.tree.getroot().find(".//t:body/t:div", TEI)
    assert [(etree.QName(e).localname, e.get("type"), e.get("n")) for e in body] == [
        ("ab", "separator", "1.1"), ("p", None, "1.2"), ("ab", "separator", "1.3"),
        ("p", None, "1.4"), ("ab", "separator", "1.5"), ("p", None, "1.6")]
    assert comparable(read_back(conversion.tree.getroot())) == comparable(text)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []


@pytest.mark.parametrize(("text", "labels"), [
    ("1. The convocation of a Constituent Assembly;\n2. Freedom of the press;\n"
     "3. An eight-hour day.", ["1.", "2.", "3."]),
    ("(a) the land,\n    as the peasants took it;\n(b) the factories.", ["(a)", "(b)"]),
    ("- bread\n- peace\n- land", ["-", "-", "-"]),
])
def test_lines_that_each_open_with_a_marker_are_a_list(text, labels, tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    source = f"Demands\n\nWritten: 1917\n\nOur demands were:\n\n{text}\n\nNothing more.\n"
    conversion = converted(source)
    (found,) = conversion.tree.getroot().findall(".//t:body//t:list", TEI)
    assert [label.text for label in found.findall("t:label", TEI)] == labels
    assert len(found.findall("t:item", TEI)) == len(labels) and found.get("n") == "1.2"
    assert comparable(read_back(conversion.tree.getroot())) == comparable(source)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []


def test_a_chronology_of_dated_lines_is_a_list_labelled_by_its_dates(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    lines = ("February 23 – Women textile workers strike.\nMarch 2 – Nicholas II abdicates.\n"
             "July 3–5 – The July Days.")
    source = f"A Chronology of 1917\n\nWritten: 1967\n\nThe year in brief.\n\n{lines}\n"
    conversion = converted(source)
    (found,) = conversion.tree.getroot().findall(".//t:body//t:list", TEI)
    assert ["".join(label.itertext()) for label in found.findall("t:label", TEI)] == [
        "February 23 –", "March 2 –", "July 3–5 –"]
    assert [label[0].get("when") or label[0].get("from")
            for label in found.findall("t:label", TEI)] == ["1917-02-23", "1917-03-02",
                                                             "1917-07-03"]
    assert ["".join(item.itertext()) for item in found.findall("t:item", TEI)][1] == \
        "Nicholas II abdicates."
    assert comparable(read_back(conversion.tree.getroot())) == comparable(source)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []


@pytest.mark.parametrize("text", [
    "The year 1917 ended\n1918. began with the Assembly.",      # a year is no marker
    "They came on foot\n– so said the report –\nand left by night.",   # dashes open dialogue
    "c) the third point\nd) the fourth",                         # letters start at a
    "1. one point only",
    "On February 23 – a Thursday – the women struck.\nThe men followed them.",
])
def test_prose_is_no_list(text):
    doc = ingest_text(f"A Text\n\nWritten: 1917\n\n{text}\n", "t")
    assert texts(doc, BlockKind.LIST) == []


def test_a_quotation_over_paragraphs_reads_back_and_is_valid(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.render.html import render_html
    from teikit.validate import validate_files

    text = ("Ten Days\n\nWritten: 1919\n\nTrotsky said: “We are not afraid of the bourgeoisie. "
            "The delegates have taken power.\n\n“Those who leave us leave the revolution!”\n\n"
            "The hall rose.\n")
    conversion = converted(text)
    root = conversion.tree.getroot()
    assert [q.get("rend") for q in root.iterfind(".//t:body//t:quote", TEI)] == [
        "double-continued", "double"]
    assert comparable(read_back(root)) == comparable(text)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []
    page = lxml_html.parse(str(render_html(written))).getroot()
    shown = page.xpath("string(//p[@id='p-1.1'])")
    assert "“We are not afraid" in shown and "power.”" not in shown


def test_headings_numbered_with_a_section_sign_open_sections(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    text = ("The Dockers’ Strike\n\nWritten: 1911\n\nThe strike began on a Monday.\n\n"
            "§ 1. The Owners’ Terms\n\nThe owners offered a shilling.\n\n§ 2. Nine Days\n\n"
            "For nine days the port stood still.\n\n3. The Return to Work\n\nThey went back "
            "on the tenth.\n")
    conversion = converted(text)
    divs = conversion.tree.getroot().findall(".//t:body/t:div", TEI)
    assert [[h.text for h in div.findall("t:head", TEI)] for div in divs] == [
        [], ["§ 1. The Owners’ Terms"], ["§ 2. Nine Days"], ["3. The Return to Work"]]
    # a numbered heading on a line of its own is no list of one item
    assert conversion.tree.getroot().findall(".//t:list", TEI) == []
    assert comparable(read_back(conversion.tree.getroot())) == comparable(text)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written]) == []


INTERVIEW = """An Interview in Essen

Written: 1923

Our correspondent met the secretary of the district in Essen.

Question: What is the position of the Communist Party in the Ruhr?

Answer: The party is the only force that stands between the workers and starvation.

Q: And the Social Democrats?

A: They will follow the masses.

INTERVIEWER: Will there be a strike?

KARSKI: There will.

The interview ended there.
"""


def test_paragraphs_that_open_with_alternating_speakers_are_a_dialogues_turns():
    doc = ingest_text(INTERVIEW, "t")
    assert [b.text.split(":")[0] for b in doc.blocks if b.kind is BlockKind.TURN] == [
        "Question", "Answer", "Q", "A", "INTERVIEWER", "KARSKI"]
    assert texts(doc, BlockKind.HEADING) == []


@pytest.mark.parametrize(("text", "kinds"), [
    # one labelled paragraph is no dialogue, and a question with a label is never a heading
    ("Question: What is to be done?\n\nThe old question again.",
     [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]),
    ("Answer: The party will act.\n\nThe answer came late.",
     [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]),
    # the same speaker twice does not alternate
    ("TROTSKY: The army is ours.\n\nTROTSKY: The railways too.",
     [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]),
    # a heading's word and capitals before a colon, and lettered sections, head sections
    ("PART ONE: The Masses\n\nThe masses moved.", [BlockKind.HEADING, BlockKind.PARAGRAPH]),
    ("A. The Agrarian Question\n\nThe land was taken.", [BlockKind.HEADING, BlockKind.PARAGRAPH]),
    ("LENINISM: A Reply\n\nThe critics were answered.", [BlockKind.HEADING, BlockKind.PARAGRAPH]),
    # "Q." and "A." are labels where they alternate; an answer's second paragraph is prose
    ("Q. And the Social Democrats?\n\nA. They will follow.\n\nThey always have.\n\n"
     "Q. When?", [BlockKind.TURN, BlockKind.TURN, BlockKind.PARAGRAPH, BlockKind.TURN]),
    # an initial and a name under the interview is its signer, not the answer's turn
    ("Q. And the Social Democrats?\n\nA. They will follow.\n\nQ. When?\n\nA. Soon.\n\n"
     "A. Kollontai",
     [BlockKind.TURN, BlockKind.TURN, BlockKind.TURN, BlockKind.TURN, BlockKind.SIGNED]),
    # turns on lines of their own, with no blank line between; a line without a label runs on
    ("Q: How long have you worked in the pit?\nA: Since I was twelve,\nat Barnsley.\n"
     "Q: And the lockout?", [BlockKind.TURN, BlockKind.TURN, BlockKind.TURN]),
    ("The miner said he would hold out\nA: long as it takes, and more.",
     [BlockKind.PARAGRAPH]),
    # the short labels with both a stop and a colon
    ("Q.: How did the strike begin?\n\nA.: In the AEG works.\n\nQ.: And the unions?",
     [BlockKind.TURN, BlockKind.TURN, BlockKind.TURN]),
    # minutes: what the record says of a speaker stands in parentheses in the label
    ("MARGARET DUNN (Leeds Weavers): I move the resolution.\n\nCHAIRMAN: Those in favour?\n\n"
     "ALBERT CROSS (Sheffield Engineers): I second.",
     [BlockKind.TURN, BlockKind.TURN, BlockKind.TURN]),
])
def test_a_speakers_label_is_a_turn_only_where_speakers_alternate(text, kinds):
    doc = ingest_text(f"A Text\n\nWritten: 1923\n\n{text}\n", "t")
    body = [b.kind for b in doc.blocks if b.kind not in (BlockKind.TITLE, BlockKind.FIELD)]
    assert body == kinds
    for block in doc.blocks:
        assert doc.source[block.offset:block.offset + len(block.text)] == block.text
        assert doc.source.count("\n", 0, block.offset) + 1 == block.line


def test_a_dialogues_turns_are_speeches_of_their_speakers_numbered_as_blocks(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.render.fo import fo_string
    from teikit.render.html import html_string
    from teikit.validate import validate_files

    conversion = converted(INTERVIEW)
    root = conversion.tree.getroot()
    (section,) = root.findall(".//t:body/t:div", TEI)
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    assert [(etree.QName(e).localname, e.get(xml_id), e.get("n")) for e in section][:3] == [
        ("p", "p-1.1", "1.1"), ("sp", "p-1.2", "1.2"), ("sp", "p-1.3", "1.3")]
    turn = section[1]
    assert [etree.QName(e).localname for e in turn] == ["speaker", "p"]
    assert turn[0].text == "Question:" and "".join(turn[1].itertext()).startswith("What is")
    assert comparable(read_back(root)) == comparable(INTERVIEW)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written], ["edition", "tei_all"]) == []
    # the reading and the print edition: a numbered paragraph its speaker's label opens
    page = lxml_html.fromstring(html_string(written))
    (shown,) = page.xpath("//p[@id='p-1.4']")
    assert shown.xpath("string(a[@class='para-num'])") == "1.4"
    assert shown.xpath("string(span[@class='tei-speaker'])") == "Q:"
    assert shown.text_content().removeprefix("1.4") == "Q: And the Social Democrats?"
    fo = etree.fromstring(fo_string(written).encode())
    (printed,) = fo.xpath("//*[@id='p-1.4']")
    assert printed.xpath("string(*[@font-weight='bold'])") == "Q:"


RAILWAYS = """Lev Marten

On the Railways

Written: 1924

The railways are the sinews of the state.[1]

Notes

[1] A figure of speech of the time.

Next: Chapter 4 | Contents | Top of the page

Back to the Trotsky Internet Archive

Last updated on: 12.3.2009
"""


def test_the_web_pages_navigation_after_the_notes_is_no_part_of_the_last_note(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.render.html import html_string
    from teikit.validate import validate_files

    conversion = converted(RAILWAYS)
    root = conversion.tree.getroot()
    (note,) = root.findall(".//t:body//t:note", TEI)
    assert "".join(note.itertext()) == "A figure of speech of the time."
    back = root.find(".//t:back", TEI)
    assert [(etree.QName(e).localname, e.get("type"), "".join(e.itertext()).strip())
            for e in back] == [
        ("divGen", "notes", "Notes"),
        ("fw", "navigation", "Next: Chapter 4 | Contents | Top of the page"),
        ("fw", "navigation", "Back to the Trotsky Internet Archive"),
        ("div", "colophon", "Last updated on: 12.3.2009")]
    # the page's chrome is not the text: no name of it is marked up, nor found for the index
    assert [e for e in back.iter() if etree.QName(e).localname == "orgName"] == []
    assert comparable(read_back(root)) == comparable(RAILWAYS)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written], ["edition", "tei_all"]) == []
    page = lxml_html.fromstring(html_string(written))
    assert [p.text_content() for p in page.xpath("//p[@class='page-navigation']")] == [
        "Next: Chapter 4 | Contents | Top of the page", "Back to the Trotsky Internet Archive"]


@pytest.mark.parametrize(("tail", "navigation"), [
    # right under the last note, with no blank line between
    ("[1] A figure of speech.\nTop of the page\n\n<< Previous | Next >>",
     ["Top of the page", "<< Previous | Next >>"]),
    ("[1] A figure of speech.\n\nLenin Works Archive | 1924\nLast updated on: 12.3.2009",
     ["Lenin Works Archive | 1924"]),
    # sentences that end the text are the text
    ("[1] A figure of speech.\n\nThe workers must keep their own archive.", []),
    ("[1] A figure of speech.\n\nThe Tasks of the Proletariat | 1917", []),
])
def test_the_web_pages_navigation_is_known_by_its_phrases_at_the_end(tail, navigation):
    doc = ingest_text("On the Railways\n\nWritten: 1924\n\nThe railways are the sinews of the "
                      f"state.[1]\n\nNotes\n\n{tail}\n", "t")
    assert texts(doc, BlockKind.NAVIGATION) == navigation
    assert texts(doc, BlockKind.FOOTNOTE)[0] == "A figure of speech."


def test_a_trail_of_the_web_page_before_the_title_is_navigation_at_the_top():
    doc = ingest_text("Marxists Internet Archive > Marten > 1924\n\nLev Marten\n\nOn the "
                      "Railways\n\nWritten: 1924\n\nThe railways are the sinews of the state.\n",
                      "t")
    assert [(b.text, b.key) for b in doc.blocks if b.kind is BlockKind.NAVIGATION] == [
        ("Marxists Internet Archive > Marten > 1924", "top")]
    assert texts(doc, BlockKind.AUTHOR) == ["Lev Marten"]
    assert texts(doc, BlockKind.TITLE) == ["On the Railways"]
    # a text's own contents at its start are no navigation
    doc = ingest_text("Contents\n\nThe railways are the sinews of the state.\n", "t")
    assert texts(doc, BlockKind.NAVIGATION) == []


def test_a_manifesto_ends_with_its_slogans_in_its_last_section():
    conversion = converted("To the Workers of All Countries\n\nWritten: March 1920\n\nThe "
                           "governments of Europe prepare new wars.\n\nLONG LIVE THE "
                           "INTERNATIONAL!\n\nWORKERS OF THE WORLD, UNITE!\n\nThe Executive "
                           "Committee\n")
    (section,) = conversion.tree.getroot().findall(".//t:body/t:div", TEI)
    assert [("".join(p.itertext()), len(p)) for p in section.findall("t:p", TEI)][1:3] == [
        ("LONG LIVE THE INTERNATIONAL!", 0), ("WORKERS OF THE WORLD, UNITE!", 0)]


@pytest.mark.parametrize(("block", "author", "title", "subtitles"), [
    ("Lev Marten\nOn the Railways", ["Lev Marten"], ["On the Railways"], []),
    ("V. I. Lenin\nThe Tasks of the Proletariat\nChapter 3", ["V. I. Lenin"],
     ["The Tasks of the Proletariat"], ["Chapter 3"]),
    # a title over two lines is one title
    ("The Proletarian Revolution and\nthe Renegade Kautsky", [],
     ["The Proletarian Revolution and\nthe Renegade Kautsky"], []),
    # without a name first, the lines under the title are its parts
    ("Letter to Marcel Dufour\nFrom the Front", [], ["Letter to Marcel Dufour"],
     ["From the Front"]),
])
def test_the_author_and_the_title_on_lines_of_one_chunk(block, author, title, subtitles):
    doc = ingest_text(f"{block}\n\nWritten: 1924\n\nThe railways are the sinews of the state.\n",
                      "t")
    assert texts(doc, BlockKind.AUTHOR) == author
    assert texts(doc, BlockKind.TITLE) == title
    assert texts(doc, BlockKind.SUBTITLE) == subtitles


SCISSORS = """The Peasant and the Town

Written: 1923

The peasant sells his grain at the old price.* The town sells him nails at the new one.†

This is the scissors of prices.**

* The price fixed in 1921.

† The prices of the Moscow market.

** The word is the author’s own.
"""


def test_notes_marked_by_signs_that_end_the_text_are_footnotes_at_their_signs(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    doc = ingest_text(SCISSORS, "t")
    assert [(b.key, b.text) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE] == [
        ("*", "The price fixed in 1921."), ("†", "The prices of the Moscow market."),
        ("**", "The word is the author’s own.")]
    assert len(texts(doc, BlockKind.PARAGRAPH)) == 2
    conversion = converted(SCISSORS)
    root = conversion.tree.getroot()
    notes = root.findall(".//t:body//t:note[@type='footnote']", TEI)
    assert [(n.get("n"), "".join(n.itertext())) for n in notes] == [
        ("*", "The price fixed in 1921."), ("†", "The prices of the Moscow market."),
        ("**", "The word is the author’s own.")]
    assert comparable(read_back(root)) == comparable(SCISSORS)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written], ["edition", "tei_all"]) == []


@pytest.mark.parametrize("ending", [
    "* * *",                                  # a break, not a note
    "* bread\n* peace",                       # a list of bullets
    "† The prices of the Moscow market.",     # no dagger in the text
])
def test_a_sign_opening_the_last_paragraph_is_no_note_without_its_marker(ending):
    doc = ingest_text("The Peasant and the Town\n\nWritten: 1923\n\nThe peasant sells his "
                      f"grain at the old price.*\n\n{ending}\n", "t")
    assert texts(doc, BlockKind.FOOTNOTE) == []


def test_a_note_labelled_by_its_sign_in_the_notes_section(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    text = ("The Peasant and the Town\n\nWritten: 1923\n\nThe old price.* The new one.[1]\n\n"
            "Notes\n\n* The price fixed in 1921.\n\n[1] The market.\n")
    doc = ingest_text(text, "t")
    assert [(b.key, b.label) for b in doc.blocks if b.kind is BlockKind.FOOTNOTE] == [
        ("*", "*"), ("1", "[1]")]
    conversion = converted(text)
    assert comparable(read_back(conversion.tree.getroot())) == comparable(text)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written], ["edition", "tei_all"]) == []


PAMPHLET = """Rosa Lindqvist

The Road to Power

Written: 1912

“The emancipation of the working classes must be conquered by the working classes themselves.”
– Karl Marx

Part One

Chapter 1

The Crisis

The crisis of 1907 shook the whole of Sweden.

Chapter 2

“Theory becomes a material force as soon as it has gripped the masses.”

— Karl Marx, 1844

The strike lasted for six weeks.
"""


def test_a_quotation_with_its_source_that_opens_the_text_or_a_section_is_its_epigraph(tmp_path):
    from teikit.convert.readback import comparable, read_back
    from teikit.validate import validate_files

    doc = ingest_text(PAMPHLET, "t")
    assert texts(doc, BlockKind.EPIGRAPH_SOURCE) == ["– Karl Marx", "— Karl Marx, 1844"]
    assert [b.text.split()[0] for b in doc.blocks if b.kind is BlockKind.EPIGRAPH] == [
        "The", "Theory"]
    conversion = converted(PAMPHLET)
    (part,) = conversion.tree.getroot().findall(".//t:body/t:div", TEI)
    chapters = part.findall("t:div", TEI)
    # the text's epigraph heads its first division (the part), before the heading; a
    # chapter's, after it
    assert [etree.QName(e).localname for e in part] == ["epigraph", "head", "div", "div"]
    assert [[etree.QName(e).localname for e in div][:3] for div in chapters] == [
        ["head", "head", "p"], ["head", "epigraph", "p"]]
    assert part.find("t:head", TEI).get("{http://www.w3.org/XML/1998/namespace}id") == "h-1"
    assert part.find("t:epigraph/t:quote", TEI).get("rend") == "double"
    assert comparable(read_back(conversion.tree.getroot())) == comparable(PAMPHLET)
    written = tmp_path / "t.xml"
    conversion.tree.write(str(written), encoding="utf-8", xml_declaration=True)
    assert validate_files([written], ["edition", "tei_all"]) == []


@pytest.mark.parametrize("text", [
    # a quotation without its source is a block quotation
    "“The emancipation of the working classes.”\n\nThe crisis shook Sweden.",
    # in the middle of the text, a quotation and a reply are the text
    "The crisis shook Sweden.\n\n“Are you coming?”\n\n– Yes, he said.\n\nThey left.",
    # under a heading with nothing after it but another heading
    "Chapter 1\n\n“Theory becomes a material force.”\n– Karl Marx\n\nChapter 2\n\nThe end.",
    # in an interview, under a turn as short as a heading ("A." answers)
    "A. Never.\n\n“Theory becomes a material force.”\n– Karl Marx\n\nQ: How long have "
    "you worked in the pit?\nA: Since I was twelve.",
])
def test_what_is_no_epigraph(text):
    doc = ingest_text(f"The Road\n\nWritten: 1912\n\n{text}\n", "t")
    assert texts(doc, BlockKind.EPIGRAPH) == []


@pytest.mark.parametrize("line", [
    "N. Sukhanov, Notes on the Revolution, Vols. I–III. Berlin: Grzhebin, 1922.",
    "The Communist Manifesto. London: Penguin, 1967.",
    "Leon Trotsky, The History of the Russian Revolution, translated by Max Eastman, 3 vols., "
    "London: Gollancz, 1932–33.",
], ids=["volumes", "title", "translated"])
def test_a_work_cited_with_its_imprint_on_a_line_of_its_own_is_a_citation(line):
    doc = ingest_text(f"Review\n\nWritten: 1923\n\n{line}\n\nNo book of the year is so "
                      "long.\n\nP. M.\n", "review")
    assert [(b.kind, b.text) for b in doc.blocks if b.kind in (
        BlockKind.BIBL, BlockKind.PARAGRAPH)] == [
            (BlockKind.BIBL, line), (BlockKind.PARAGRAPH, "No book of the year is so long.")]


def test_books_cited_at_the_end_of_a_text_are_citations_not_its_dateline():
    doc = ingest_text("The Women of the Mills\n\nWritten: 1912\n\nThe women earn eight marks "
                      "a week.\n\nFurther reading:\n\nClara Zetkin, Die Arbeiterinnenfrage. "
                      "Berlin: Vorwärts, 1889.\n\nAugust Bebel, Die Frau und der Sozialismus. "
                      "Stuttgart: Dietz, 1891.\n", "weil")
    assert texts(doc, BlockKind.BIBL) == [
        "Clara Zetkin, Die Arbeiterinnenfrage. Berlin: Vorwärts, 1889.",
        "August Bebel, Die Frau und der Sozialismus. Stuttgart: Dietz, 1891."]
    assert texts(doc, BlockKind.DATELINE) == []


@pytest.mark.parametrize(("line", "dates"), [
    ("August Bebel, Stuttgart, 1891", False),     # a name that opens with a month
    ("Glasgow, 3 August 1920", True), ("August 3, 1917.", True), ("August 1917", True),
    ("Paris, le 3 août 1920", True), ("Berlin, den 3. März 1919", True),
])
def test_a_dateline_has_its_month_by_its_day_or_year(line, dates):
    from teikit.convert.ingest import _date_line

    assert _date_line(line) is dates


@pytest.mark.parametrize("line", [
    "He wrote Notes on the Revolution in Berlin: it appeared in 1922.",
    "Adopted by the General Executive Board, Chicago, July 2, 1917.",
    "London, Moscow and Berlin: the three capitals of 1922.",
    "The strike began in Leeds, and by March 1912 it had spread to Bradford, Halifax and "
    "Huddersfield.",
    "Pravda, No. 26, 1917.",
])
def test_a_sentence_that_names_a_work_a_place_and_a_year_stays_a_paragraph(line):
    doc = ingest_text(f"Review\n\nWritten: 1923\n\n{line}\n\nNo book of the year is so "
                      "long.\n", "review")
    assert not doc.of_kind(BlockKind.BIBL)
