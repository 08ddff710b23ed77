"""Editorial apparatus: glosses, paraphrases, the editor's signature, omissions, footnotes."""

from __future__ import annotations

import pytest

from teikit.convert.ingest import ingest_text
from teikit.convert.model import Span
from teikit.convert.passes.editorial import EditorialOptions, run


def propose(text: str, earlier: tuple[Span, ...] = ()) -> tuple[str, list[Span]]:
    doc = ingest_text(text, "t")
    spans = [s for s in run(doc, earlier, EditorialOptions("#ed")).spans if s.block == 0]
    return doc.blocks[0].text, spans


def test_signed_gloss_moves_the_signature_into_resp():
    text, (note,) = propose("set up at this same meeting [the Second Congress of Soviets – Ed.] "
                            "after a lively debate.\n")
    assert note.tag == "note"
    assert dict(note.attrs) == {"type": "gloss", "resp": "#ed", "place": "inline",
                                "rend": "brackets signed"}
    start, end = note.inner
    assert text[start:end] == "the Second Congress of Soviets"
    assert text[note.start:note.end] == "[the Second Congress of Soviets – Ed.]"


def test_abbreviation_in_brackets_is_a_gloss():
    text, (note,) = propose("20 Left Socialist-Revolutionaries [S-Rs], and several others.\n")
    assert note.attrs["type"] == "gloss"
    assert text[slice(*note.inner)] == "S-Rs"


def test_bracketed_sentence_between_sentences_is_a_paraphrase():
    _, (note,) = propose("Only the heights of Pulkovo remained. [But the Cossacks were "
                         "demoralized and beaten back by the Soviet forces.] Krasnov himself "
                         "was forced to surrender.\n")
    assert note.attrs["type"] == "paraphrase"
    assert note.attrs["rend"] == "brackets"


def test_omission_outside_a_quotation_is_the_editors():
    text, (gap,) = propose("who had no desire to govern alone ... But the Left S-Rs refused.\n")
    assert text[gap.start:gap.end] == "..."
    assert dict(gap.attrs) == {"reason": "editorial", "resp": "#ed", "rend": "..."}
    assert gap.atomic


@pytest.mark.parametrize(("text", "sign"), [
    ("in the afternoon [or the other way about]. ... The mills", "..."),
    ("in the afternoon. ... The mills", "..."),
    ("in the afternoon.... The mills", "...."),
    ("in the afternoon . . . The mills", ". . ."),
    ("in the afternoon . . . . The mills", ". . ."),
    ("in the afternoon… The mills", "…"),
])
def test_an_omission_is_its_sign_as_printed_without_a_sentences_full_stop(text, sign):
    found, spans = propose(text + "\n")
    (gap,) = [s for s in spans if s.tag == "gap"]
    assert found[gap.start:gap.end] == sign


def test_omission_inside_an_earlier_quotation_span_is_not_attributed():
    text = "wrote a comrade. “We made some tea ... The ministry was deserted.” Then he left.\n"
    start = text.index("“")
    end = text.index("”") + 1
    quote = Span(0, start, end, "quote", {"rend": "double"}, open_len=1, close_len=1)
    _, (gap,) = propose(text, (quote,))
    assert gap.attrs["reason"] == "omitted"
    assert "resp" not in gap.attrs

    _, (unquoted,) = propose(text, ())
    assert unquoted.attrs["reason"] == "editorial"


def test_omission_in_a_block_quotation_is_not_attributed():
    _, (gap,) = propose("“No one will help you ... Organize around your soviets.”\n")
    assert gap.attrs["reason"] == "omitted"


def test_other_omission_signs_keep_their_form():
    _, gaps = propose("First … second . . . third [...] end.\n")
    assert [g.attrs["rend"] for g in gaps if g.tag == "gap"] == ["[...]", "…", ". . ."]


def test_authorial_parentheses_stay_text():
    _, spans = propose("and against “civil war” (sic). Conclusion: “to end civil war” (!) with "
                       "the Committee.\n")
    assert spans == []


def test_numbered_bracket_is_a_footnote_marker_only_when_the_note_exists():
    text = "The strike began.[1] It spread.[2]\n\nNotes\n\n1. A note.\n"
    _, spans = propose(text)
    (marker,) = spans
    assert dict(marker.attrs) == {"type": "footnote", "place": "foot", "n": "1"}


def test_a_note_that_names_its_writer_first_points_at_them():
    doc = ingest_text("A Title\n\nTranslated: Peter Hale.\nTranscription/Markup: Ann Roe\n\nThe "
                      "vote was taken. [Translator's note: drafted by Lenin.] [MIA Note: the "
                      "page is torn.] [Ed. note: see below.] [Notes of the session.]\n", "t")
    notes = [s for s in run(doc, (), EditorialOptions("#ed")).spans if s.tag == "note"]
    assert [n.attrs["resp"] for n in notes] == ["#translator", "#transcriber", "#ed", "#ed"]
    assert all(n.attrs["rend"] == "brackets" for n in notes)


def test_translators_signature_points_at_the_translator_and_keeps_its_hyphen():
    doc = ingest_text("A Title\n\nTranslated: Peter Hale.\n\nyour phrase [the revolution\n"
                      "by the clock - Trans.] made me laugh.\n", "t")
    (note,) = [s for s in run(doc, (), EditorialOptions("#ed")).spans if s.tag == "note"]
    block = doc.blocks[note.block]
    assert note.attrs["resp"] == "#translator"
    assert note.attrs["rend"] == "brackets signed-trans sign-hyphen"
    assert block.text[slice(*note.inner)] == "the revolution\nby the clock"


def test_transcribers_signature_without_a_transcriber_in_the_header_falls_back_to_the_editor():
    text, (note,) = propose("reached Saratov on 5 June 1918 [New Style – MIA].\n")
    assert (note.attrs["resp"], note.attrs["rend"]) == ("#ed", "brackets signed-mia")
    assert text[slice(*note.inner)] == "New Style"


def test_sic_in_brackets_is_a_note_of_its_own_type():
    text, (note,) = propose("the soviets in the 1880s [sic] and they were wrong.\n")
    assert note.attrs["type"] == "sic"
    assert text[slice(*note.inner)] == "sic"


@pytest.mark.parametrize(("bracket", "attrs"), [
    ("[illegible]", {"reason": "illegible"}),
    ("[Illegible.]", {"reason": "illegible"}),
    ("[two words illegible]", {"reason": "illegible", "unit": "word", "quantity": "2"}),
    ("[illegible word]", {"reason": "illegible", "unit": "word", "quantity": "1"}),
    ("[illegible words]", {"reason": "illegible", "unit": "word"}),
    ("[3 lines missing]", {"reason": "lost", "unit": "line", "quantity": "3"}),
    ("[manuscript damaged]", {"reason": "damage"}),
])
def test_a_bracket_saying_the_text_could_not_be_read_is_a_gap_that_keeps_it(bracket, attrs):
    text, (gap,) = propose(f"The word is that {bracket} has been arrested.\n")
    assert gap.tag == "gap"
    assert dict(gap.attrs) == {**attrs, "rend": bracket}
    assert text[gap.start:gap.end] == bracket


@pytest.mark.parametrize("bracket", ["[the illegible scrawl of the police]", "[missing link]",
                                     "[0 words illegible]"])
def test_other_words_about_reading_are_a_gloss(bracket):
    _, (note,) = propose(f"The word is that {bracket} has been arrested.\n")
    assert note.tag == "note"
