"""Stage directions of a speech's record: "(Applause.)" and its kin become stage[@type] with
their parentheses in @rend — in a speech only, and only parentheses that note what the hall
did; the cries they quote stay quotations."""

from __future__ import annotations

import pytest
from lxml import etree

from teikit.config import TextSettings
from teikit.convert import convert_text
from teikit.convert.directions import stage_directions
from tests.conftest import checked_conversion

NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SPEECH = ("Pavel Ostrovsky\n\nTo the Congress of Textile Workers\n\n"
          "Delivered: 14 March 1920, Ivanovo\nSource: Izvestia, No. 60, 1920.\n\nComrades!\n\n")
ARTICLE = ("Pavel Ostrovsky\n\nThe Congress of Textile Workers\n\n"
           "Written: 14 March 1920\nSource: Izvestia, No. 60, 1920.\n\n")


def converted(text: str) -> etree._Element:
    return checked_conversion(text)


def stages(root: etree._Element) -> list[tuple[str, str, str]]:
    return [(s.get("type"), s.get("rend"), " ".join("".join(s.itertext()).split()))
            for s in root.iterfind(".//t:body//t:stage", NS)]


@pytest.mark.parametrize(("text", "kind"), [
    ("(Applause.)", "applause"), ("(Prolonged applause.)", "applause"),
    ("(Stormy applause, all rise.)", "applause"), ("(Laughter.)", "laughter"),
    ("(Uproar.)", "noise"), ("(Noise in the hall.)", "noise"),
    ("(Cries of “Shame!”)", "interjection"), ('(Voices: "No!")', "interjection"),
    ("(A voice: “And the bread?”)", "interjection"), ("(Shouts from the left.)", "interjection"),
    ("(Interruption.)", "interjection"), ("(applause)", "applause"),
    ("(Prolonged cheering.)", "applause"), ("(Renewed laughter.)", "laughter"),
    ("(Loud and prolonged applause.)", "applause"), ("(Much laughter.)", "laughter"),
    # a German record and a French one
    ("(Lebhafter Beifall.)", "applause"), ("(Heiterkeit.)", "laughter"),
    ("(Unruhe rechts.)", "noise"), ("(Zuruf: „Landesverrat!“)", "interjection"),
    ("(Sehr richtig! bei den Sozialdemokraten.)", "interjection"),
    ("(Glocke des Präsidenten.)", "noise"), ("(Vifs applaudissements.)", "applause"),
    ("(Rires.)", "laughter"), ("(Mouvements divers.)", "noise"),
    ("(Exclamations à droite.)", "interjection"),
])
def test_a_parenthesis_noting_what_the_hall_did_is_a_direction(text: str, kind: str) -> None:
    assert stage_directions(f"We shall win. {text} And so on.") == [
        (14, 14 + len(text), kind, "parentheses")]


def test_a_reporters_bracket_noting_what_the_hall_did_is_a_direction() -> None:
    text = "[Loud cheers.]"
    assert stage_directions(f"We shall win. {text} And so on.") == [
        (14, 14 + len(text), "applause", "brackets")]


@pytest.mark.parametrize("text", ["(see below)", "(sic)", "(15, N.S.)", "(Applauses)",
                                  "(long live the Soviets!)", "(prolonged strikes)",
                                  "(the applause of the bourgeoisie)", "(Voicestream)",
                                  "(Beifallsstürme der Presse)", "(voir plus bas)"])
def test_other_parentheses_are_the_speakers_words(text: str) -> None:
    assert stage_directions(f"We shall win {text} and so on.") == []


def test_directions_in_a_speechs_paragraph_are_stage_elements_in_their_parentheses() -> None:
    root = converted(SPEECH + "The mills of Ivanovo stood idle all winter. (Prolonged applause.) "
                     "We shall not let them stand another winter. (Laughter.)\n")
    assert stages(root) == [("applause", "parentheses", "Prolonged applause."),
                            ("laughter", "parentheses", "Laughter.")]
    paragraph = root.find(".//t:body//t:stage", NS).getparent()
    assert etree.QName(paragraph).localname == "p"


def test_the_cries_a_direction_reports_are_quotations_inside_it() -> None:
    root = converted(SPEECH + "The owners want their mills back. (Cries of “Shame!”) They shall "
                     'not have them. (Voices: "Never!")\n')
    assert stages(root) == [("interjection", "parentheses", "Cries of Shame!"),
                            ("interjection", "parentheses", "Voices: Never!")]
    quoted = [(q.get("rend"), q.text) for stage in root.iterfind(".//t:stage", NS)
              for q in stage.iterfind("t:quote", NS)]
    assert quoted == [("double", "Shame!"), ("straight-double", "Never!")]


def test_a_direction_standing_alone_is_a_numbered_block_of_the_section() -> None:
    root = converted(SPEECH + "We shall win.\n\n(Stormy applause. The meeting sings the "
                     "Internationale.)\n\nThe congress went on to the agenda.\n")
    div = root.find(".//t:body/t:div", NS)
    assert [(etree.QName(e).localname, e.get("n")) for e in div] == [
        ("p", "1.1"), ("p", "1.2"), ("stage", "1.3"), ("p", "1.4")]
    stage = div[2]
    assert (stage.get(XML_ID), stage.get("type"), stage.get("rend"), stage.text) == (
        "p-1.3", "applause", "parentheses",
        "Stormy applause. The meeting sings the Internationale.")


def test_a_direction_in_square_brackets_is_a_direction_in_its_brackets() -> None:
    # many records print the hall's doings in brackets: the stenographer's, not an editor's
    root = converted(SPEECH + "We shall win. [Applause.] The owners want their mills back. "
                     "[Cries of “Shame!”] [Their mills, that is.]\n\n[Stormy applause.]\n\n"
                     "The congress went on.\n")
    assert stages(root) == [("applause", "brackets", "Applause."),
                            ("interjection", "brackets", "Cries of Shame!"),
                            ("applause", "brackets", "Stormy applause.")]
    # other brackets are still the editor's
    assert [n.text for n in root.iterfind(".//t:body//t:note", NS)] == ["Their mills, that is."]
    article = converted(ARTICLE + "The hall rose. [Applause.]\n")
    assert stages(article) == []
    assert root.find(".//t:body/t:div/t:stage", NS).get("rend") == "brackets"


def test_a_direction_inside_another_is_part_of_it_and_of_two_that_cross_the_first_counts():
    assert stage_directions("We win. (Cries of [Applause.]) And so on.") == [
        (8, 30, "interjection", "parentheses")]
    assert stage_directions("We win (Applause [Laughter) here] now.") == [
        (7, 27, "applause", "parentheses")]
    root = converted(SPEECH + "We win (Applause [Laughter) here] now.\n")
    assert stages(root) == [("applause", "parentheses", "Applause [Laughter")]


def test_a_parenthesis_of_other_words_in_a_speech_is_text() -> None:
    root = converted(SPEECH + "The old owners (see below) want their mills back. (Applause.)\n")
    assert stages(root) == [("applause", "parentheses", "Applause.")]
    assert "(see below)" in "".join(root.find(".//t:body//t:stage/..", NS).itertext())


def test_applause_outside_a_speech_is_the_texts_words() -> None:
    speech = converted(SPEECH + "The hall rose. (Applause.)\n\n(Laughter.)\n")
    article = converted(ARTICLE + "The hall rose. (Applause.)\n\n(Laughter.)\n")
    assert [kind for kind, _, _ in stages(speech)] == ["applause", "laughter"]
    assert stages(article) == []
    assert [p.text for p in article.iterfind(".//t:body//t:p", NS)] == [
        "The hall rose. (Applause.)", "(Laughter.)"]


def test_a_direction_inside_a_quotation_is_the_quotations_text() -> None:
    root = converted(SPEECH + "The minutes read: “The chairman spoke of bread for the cities "
                     "(Applause.) and of peace.” (Laughter.)\n")
    assert stages(root) == [("laughter", "parentheses", "Laughter.")]


def test_the_editorial_declaration_explains_directions_only_where_there_are_some() -> None:
    def interpretation(text: str) -> str:
        root = convert_text(text, "t", TextSettings(name="t")).tree.getroot()
        return "".join(root.find(".//t:interpretation", NS).itertext())

    assert "is a stage direction" in interpretation(SPEECH + "We rose. (Applause.)\n")
    assert "is a stage direction" not in interpretation(SPEECH + "We rose (see below).\n")


MINUTES = ("Minutes of the Second Session\n\nWritten: 14 June 1921\n\n"
           "WILKES: Each speaker shall have ten minutes. (Hear, hear.)\n\n"
           "A DELEGATE: Ten minutes is too long!\n\n(Laughter.)\n\n"
           "CHAIRMAN: The proposal is carried. (Loud applause.)\n")


def test_the_record_of_a_meeting_in_turns_has_directions_in_its_turns_and_between_them() -> None:
    root = converted(MINUTES)
    assert stages(root) == [("interjection", "parentheses", "Hear, hear."),
                            ("laughter", "parentheses", "Laughter."),
                            ("applause", "parentheses", "Loud applause.")]
    in_turns = root.xpath(".//t:sp/t:p/t:stage", namespaces=NS)
    assert len(in_turns) == 2
    assert root.xpath("string(.//t:body//t:div/t:stage)", namespaces=NS) == "Laughter."


def test_an_interviews_answer_may_note_that_the_speaker_laughs() -> None:
    root = converted("An Interview\n\nPublished: The New Leader, 4 May 1923\n\n"
                     "Q.: What will happen now?\n\nA.: No one knows. (Laughs.) We shall see.\n\n"
                     "Q.: And the unions?\n")
    assert stages(root) == [("laughter", "parentheses", "Laughs.")]
