"""Verse a text quotes: short lines set in, quoted whole or after a colon become lg/l inside a
block quotation — and the short lines that are no verse (wrapped prose, lists, a letter's
parts, tables of figures, dialogue) stay what they were."""

from __future__ import annotations

from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.convert.readback import comparable, read_back
from tests.conftest import checked_conversion

T = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
HEAD = "Nadia Lerner\n\nThe Poets of the Street\n\nWritten: 1921\nSource: Krasnaya Nov, No. 3.\n\n"
BLOK = ("In the wind, in the snow,\nTwelve men go,\nRifles slung on their backs,\n"
        "And fire, fire, fire.")
# verse before the lines a test shows to be no verse: the rule is at work in the same text
VERSE_FIRST = "Take the lines of Blok:\n\n" + BLOK + "\n\n"
AFTER = ("\n\nThe poem was read in every workers’ club of Petrograd that winter, and half the "
         "hall knew it by heart.\n")


def converted(body: str) -> etree._Element:
    return checked_conversion(HEAD + body + AFTER)


def blocks(root: etree._Element) -> list[str]:
    """The body's blocks as tag names, a block quotation's verse as quote/lg…"""
    out = []
    for block in root.find(".//t:body/t:div", NS):
        name = etree.QName(block).localname
        lg = block.find("t:lg", NS)
        out.append(f"{name}/lg" if lg is not None else name)
    return out


def verse_lines(root: etree._Element) -> list[list[str]]:
    """The lines of each stanza of the text's verse."""
    stanzas = [lg for lg in root.iter(f"{T}lg") if lg.find("t:l", NS) is not None]
    return [["".join(line.itertext()) for line in lg.findall("t:l", NS)] for lg in stanzas]


def test_short_lines_after_a_colon_are_verse_quoted_in_a_block():
    root = converted("Take the lines of Blok:\n\n" + BLOK)
    assert blocks(root) == ["p", "quote/lg", "p"]
    assert verse_lines(root) == [["In the wind, in the snow,", "Twelve men go,",
                                  "Rifles slung on their backs,", "And fire, fire, fire."]]
    quote = root.find(".//t:body//t:quote[@type='block']", NS)
    assert (quote.get(XML_ID), quote.get("n"), quote.get("rend")) == ("p-1.2", "1.2", None)
    # the paragraph after the verse keeps the next number
    assert root.findall(".//t:body/t:div/t:p", NS)[-1].get("n") == "1.3"


def test_short_lines_set_in_from_the_prose_are_verse():
    root = converted("The song went round the barracks.\n\n    Get up, you workers, from your "
                     "sleep,\n    The dawn is red above the keep.")
    assert blocks(root) == ["p", "quote/lg", "p"]
    assert verse_lines(root) == [["Get up, you workers, from your sleep,",
                                  "The dawn is red above the keep."]]


def test_stanzas_parted_by_blank_lines_are_one_poem_of_stanzas_with_one_number():
    root = converted("The smiths’ song has two verses.\n\n"
                     "    We are the smiths of the iron hour,\n"
                     "    We beat the hammer, we forge the power.\n\n"
                     "    The night is long, the forge is red,\n"
                     "    We sing for the living, we mourn the dead.")
    assert blocks(root) == ["p", "quote/lg", "p"]
    quote = root.find(".//t:body//t:quote", NS)
    poem = quote.find("t:lg", NS)
    assert (quote.get("n"), poem.get("type")) == ("1.2", "poem")
    assert [lg.get("type") for lg in poem] == ["stanza", "stanza"]
    assert verse_lines(root) == [
        ["We are the smiths of the iron hour,", "We beat the hammer, we forge the power."],
        ["The night is long, the forge is red,", "We sing for the living, we mourn the dead."]]
    assert [p.get("n") for p in root.findall(".//t:body/t:div/t:p", NS)] == ["1.1", "1.3"]


def test_verse_quoted_whole_in_marks_keeps_its_marks_in_rend():
    root = converted("“Bread for the hungry,\nPeace for the weary,\nLand for the tillers.”")
    assert blocks(root) == ["quote/lg", "p"]
    assert root.find(".//t:body//t:quote", NS).get("rend") == "double"
    assert len(verse_lines(root)[0]) == 3


def test_a_hard_wrapped_paragraph_after_a_colon_is_prose():
    root = converted(VERSE_FIRST + "The committee wrote to the district soviet:\n\n"
                     "Your letter of 20 February came this morning. We have read it\n"
                     "twice, and we confess that the phrase about the revolution by\n"
                     "the clock made the whole committee laugh aloud.")
    assert blocks(root) == ["p", "quote/lg", "p", "p", "p"]


def test_prose_wrapped_narrower_than_verse_is_still_prose():
    # every line was full when it broke, and the lines run on in lower case
    root = converted(VERSE_FIRST + "The committee wrote to the district soviet:\n\n"
                     "Your letter came this morning. We have\n"
                     "read it twice, and we confess that the\n"
                     "phrase made the whole committee laugh.")
    assert blocks(root) == ["p", "quote/lg", "p", "p", "p"]


def test_short_lines_without_a_colon_indentation_or_marks_are_a_paragraph():
    root = converted(VERSE_FIRST + "The song went round the barracks.\n\n" + BLOK)
    assert blocks(root) == ["p", "quote/lg", "p", "p", "p"]


def test_a_list_after_a_colon_is_a_list():
    root = converted(VERSE_FIRST + "The conference demands:\n\n1. The eight-hour day;\n"
                     "2. Freedom of the press;\n3. The land to the peasants.")
    assert blocks(root) == ["p", "quote/lg", "p", "list", "p"]


def test_a_table_of_figures_set_in_after_a_colon_is_no_verse_but_a_table():
    root = converted(VERSE_FIRST + "The output of the mills was as follows:\n\n"
                     "    1913    287\n    1917    160\n    1920     41")
    assert blocks(root) == ["p", "quote/lg", "p", "table", "p"]
    assert [cell.text for cell in root.iterfind(".//t:body//t:cell", NS)] == [
        "1913", "287", "1917", "160", "1920", "41"]


def test_dialogue_after_a_colon_is_no_verse():
    root = converted(VERSE_FIRST + "They spoke at the gate:\n\n– Who goes there?\n"
                     "– The Red Guard.")
    assert blocks(root) == ["p", "quote/lg", "p", "p", "p"]


def test_a_letters_address_and_closing_are_no_verse():
    letter = ("Nadia Lerner\n\nLetter to the Dock Union\n\nWritten: 1924\n\n"
              "To the Executive Committee,\nDock Labourers’ Union,\nLiverpool.\n\n"
              "Dear Comrades,\n\nThe men sang at the gate:\n\n" + BLOK + "\n\n"
              "We ask the union to send us its rules.\n\n"
              "    Yours fraternally,\n    N. Lerner\n    Secretary\n")
    conversion = convert_text(letter, "t", TextSettings(name="t"))
    root = conversion.tree.getroot()
    assert len(verse_lines(root)) == 1     # Blok's, not the address's or the closing's lines
    assert ["".join(e.itertext()) for e in root.iterfind(".//t:opener//t:addrLine", NS)] == [
        "To the Executive Committee,", "Dock Labourers’ Union,", "Liverpool."]
    assert comparable(read_back(root)) == comparable(letter)


def test_markup_across_two_lines_of_verse_is_left_out_and_reported():
    text = (HEAD + "He sang:\n\n    Raise the “red flag\n    Over the town” and sing,\n"
            "    The workers’ day is here." + AFTER)
    conversion = convert_text(text, "t", TextSettings(name="t"))
    root = conversion.tree.getroot()
    assert verse_lines(root) == [["Raise the “red flag", "Over the town” and sing,",
                                  "The workers’ day is here."]]
    assert any("overlaps other markup" in w and "red flag" in w for w in conversion.warnings)
    assert comparable(read_back(root)) == comparable(text)


def test_the_editorial_declaration_names_verse_only_in_a_text_that_has_it():
    def segmentation(body: str) -> str:
        root = convert_text(HEAD + body + AFTER, "t", TextSettings(name="t")).tree.getroot()
        return "".join(root.find(".//t:segmentation", NS).itertext())

    assert "an l for each line" in segmentation("Take the lines of Blok:\n\n" + BLOK)
    assert "an l for each line" not in segmentation("It was a fine song.\n\n" + BLOK)


def test_an_editor_can_make_the_verse_a_paragraph_again(tmp_path):
    from teikit.convert import ingest_text
    from teikit.convert.corrections import load_corrections
    from teikit.convert.pipeline import convert_transcription

    corrections = tmp_path / "t.toml"
    corrections.write_text('[editor]\nid = "jd"\nname = "Jane Doe"\n\n[[correction]]\n'
                           'action = "paragraph"\nparagraph = "p-1.2"\n', encoding="utf-8")
    text = HEAD + "Take the lines of Blok:\n\n" + BLOK + AFTER
    conversion = convert_transcription(ingest_text(text, "t"), TextSettings(name="t"),
                                       corrections=load_corrections(corrections))
    root = conversion.tree.getroot()
    assert blocks(root) == ["p", "p", "p"]
    assert comparable(read_back(root)) == comparable(text)


SONG = ("Eugène Pottier\n\nThe Internationale\n\nWritten: June 1871\nTranslated: Charles H. Kerr"
        "\n\nArise, ye prisoners of starvation!\nArise, ye wretched of the earth,\nFor justice "
        "thunders condemnation,\nA better world’s in birth.\n\n’Tis the final conflict,\nLet "
        "each stand in his place,\nThe International Working Class\nShall be the human race.\n")


def test_a_text_that_is_verse_alone_is_its_own_poem_numbered_as_a_block(tmp_path) -> None:
    import lxml.html

    from teikit.render.html import html_string

    root = checked_conversion(SONG)
    (poem,) = root.find(".//t:body/t:div", NS)
    assert (etree.QName(poem).localname, poem.get("type"), poem.get("n")) == ("lg", "poem", "1.1")
    assert root.find(".//t:body//t:quote", NS) is None     # the text quotes nothing
    assert verse_lines(root)[1] == ["’Tis the final conflict,", "Let each stand in his place,",
                                    "The International Working Class", "Shall be the human race."]
    tei = tmp_path / "song.xml"
    tei.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    page = lxml.html.fromstring(html_string(tei))
    assert page.xpath("string(//div[@id='p-1.1']/a[@class='para-num'])") == "1.1"


def test_short_lines_among_prose_are_no_poem_of_the_text():
    root = converted("The song went round:\n\n" + BLOK)
    assert root.find(".//t:body/t:div/t:lg", NS) is None
