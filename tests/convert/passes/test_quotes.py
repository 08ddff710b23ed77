"""Quotation pass: marks paired as written, kinds by rule, speakers from the register."""

from __future__ import annotations

from teikit.convert.model import BlockKind
from teikit.convert.passes.quotes import QuoteOptions, find_segments, run
from tests.convert.passes.conftest import make_doc, make_register, tagged

REGISTER = make_register("""
<listPerson>
  <person xml:id="trotsky"><persName>Trotsky</persName></person>
  <person xml:id="dan"><persName>Dan</persName></person>
  <person xml:id="sadoul"><persName>Sadoul</persName></person>
  <person xml:id="thomas"><persName>Albert Thomas</persName></person>
  <person xml:id="plekhanov"><persName>Plekhanov</persName></person>
  <person xml:id="krasnov"><persName>Krasnov</persName></person>
</listPerson>
<listOrg><org xml:id="sr-party"><orgName>S-R Party</orgName></org></listOrg>
<listBibl><bibl xml:id="delo-naroda"><title level="j">Delo Naroda</title></bibl></listBibl>
""")


def quotes(*texts: str | tuple[BlockKind, str]):  # type: ignore[no-untyped-def]
    doc = make_doc(*texts)
    result = run(doc, (), QuoteOptions(REGISTER))
    return tagged(doc, result.spans), result


def test_scare_quotes_and_cited_speech() -> None:
    found, _ = quotes("the discredited appellation of “ministers” – and “civil war” (sic). "
                      "They had written: “In this grave hour the revolution had received a blow.”")
    assert [(text, tag) for text, tag, _ in found] == [
        ("“ministers”", "soCalled"), ("“civil war”", "soCalled"),
        ("“In this grave hour the revolution had received a blow.”", "quote")]
    assert all(attrs["rend"] == "double" for _, _, attrs in found)


def test_a_short_segment_with_a_reporting_clause_is_speech_with_its_speaker() -> None:
    found, _ = quotes("“In the early days,” said Dan, “we counted on force.” (Direct quotation!)")
    assert found == [
        ("“In the early days,”", "q", {"who": "#dan", "rend": "double"}),
        ("“we counted on force.”", "q", {"who": "#dan", "rend": "double"})]


def test_pronoun_speaker_is_the_last_person_named() -> None:
    found, _ = quotes("Trotsky was busy. “I have taken this work,” he said, “only to publish.”")
    assert [attrs.get("who") for _, _, attrs in found] == ["#trotsky", "#trotsky"]


def test_subject_of_the_introducing_clause_speaks_not_the_addressee() -> None:
    found, _ = quotes("Old Plekhanov, receiving Sadoul, said of them: “We must crush them.” "
                      "One of the leaders of the S-R Party wrote to Krasnov: “Our forces are "
                      "two hundred men.” Delo Naroda announced that “the president is leading "
                      "the troops.”")
    assert [attrs.get("who") or attrs.get("source") for _, _, attrs in found] == [
        "#plekhanov", None, "#delo-naroda"]


def test_nested_quotations_and_apostrophes() -> None:
    text = ("“Plekhanov says the ‘Bolshevik bands’ in his eyes are ‘a horrible mixture of "
            "idealists, imbeciles and traitors’. The People’s Commissars and the workers’ "
            "union agree.”")
    found, _ = quotes(text)
    assert [(text, tag, attrs["rend"]) for text, tag, attrs in found] == [
        (text, "quote", "double"), ("‘Bolshevik bands’", "soCalled", "single"),
        ("‘a horrible mixture of idealists, imbeciles and traitors’", "quote", "single")]


def test_block_quotation_marks_are_nested_and_its_speaker_goes_to_the_block() -> None:
    found, _ = quotes("Sadoul wrote to Albert Thomas:",
                      (BlockKind.QUOTATION, "He calls them ‘bandits’ and says ‘Against the "
                                            "Bolsheviks, anything goes!’"))
    assert ("", "", {"source": "#sadoul"}) in found
    assert [(t, tag) for t, tag, _ in found if tag] == [
        ("‘bandits’", "soCalled"), ("‘Against the Bolsheviks, anything goes!’", "quote")]


def test_unbalanced_marks_are_reported_not_fatal() -> None:
    found, result = quotes("He said “nothing at all and left.", "An extra ” here.")
    assert found == []
    assert len(result.warnings) == 2
    assert "unbalanced quotation mark '“'" in result.warnings[0]


def test_segments_pair_straight_and_curly_marks() -> None:
    segments, unbalanced = find_segments('He said "yes" and «non» and “so”.')
    assert [(s.opening, s.closing) for s in segments] == [('"', '"'), ("«", "»"), ("“", "”")]
    assert unbalanced == []


def test_straight_single_quotes_pair_up_around_apostrophes_and_elisions() -> None:
    found, result = quotes(
        "It was in '89 that the men's demand was made: 'the tanner', sixpence. Tillett said, "
        "'Tom, they won't last a week,' and the employers' spokesman called it \"a riot of "
        "'agitators' and nothing more\". 'Tis true, said the 'respectable' press of the "
        "workers' union.")
    assert [(text, tag, attrs["rend"]) for text, tag, attrs in found] == [
        ("'the tanner'", "quote", "straight-single"),
        ("'Tom, they won't last a week,'", "quote", "straight-single"),
        ("\"a riot of 'agitators' and nothing more\"", "quote", "straight-double"),
        ("'agitators'", "soCalled", "straight-single"),
        ("'respectable'", "soCalled", "straight-single")]
    assert result.warnings == ()     # an apostrophe left open is no unbalanced mark


def test_header_fields_are_not_searched() -> None:
    found, _ = quotes((BlockKind.FIELD, "“Quoted” title, 1930."))
    assert found == []


def test_a_quotation_over_several_paragraphs_opens_each_and_closes_the_last() -> None:
    found, result = quotes("Trotsky said: “We are not afraid of the so-called ‘democracy’ of the "
                           "bourgeoisie.", "“The delegates have taken power.",
                           "“Those who leave us leave the revolution,” he said. Then he sat down.")
    assert [(text, tag, attrs.get("rend"), attrs.get("who")) for text, tag, attrs in found] == [
        ("“We are not afraid of the so-called ‘democracy’ of the bourgeoisie.", "q",
         "double-continued", "#trotsky"),
        ("‘democracy’", "soCalled", "single", None),
        ("“The delegates have taken power.", "q", "double-continued", "#trotsky"),
        ("“Those who leave us leave the revolution,”", "q", "double", "#trotsky")]
    assert result.warnings == ()
    # its last part is cited speech however short, and the speaker's
    found, _ = quotes("Trotsky said: “We are not afraid of the bourgeoisie.", "“Enough.”")
    assert found[-1] == ("“Enough.”", "q", {"who": "#trotsky", "rend": "double"})


def test_an_unclosed_mark_before_a_paragraph_that_does_not_go_on_stays_text() -> None:
    found, result = quotes("He said: “We are not afraid of the bourgeoisie.",
                           "The delegates had taken power.")
    assert found == [] and len(result.warnings) == 1


def test_a_work_named_in_title_case_is_a_title_its_noun_giving_the_level() -> None:
    found, _ = quotes("In his pamphlet “The State and Revolution” Lenin answered them. In the "
                      "article “Can the Bolsheviks Retain State Power?” he went further. Kautsky "
                      "replied with “The Dictatorship of the Proletariat”.")
    assert [(text, tag, attrs.get("level")) for text, tag, attrs in found] == [
        ("“The State and Revolution”", "title", "m"),
        ("“Can the Bolsheviks Retain State Power?”", "title", "a"),
        ("“The Dictatorship of the Proletariat”", "title", "a")]
    assert all(attrs["rend"] == "double" for _, _, attrs in found)


def test_title_case_that_is_cited_a_cry_or_what_one_is_called_is_no_title() -> None:
    found, _ = quotes("The crowd shouted “All Power to the Soviets!” What could the “Leader of "
                      "the Provisional Government” do? “The Bread Is Gone,” said Trotsky.")
    assert [tag for _, tag, _ in found] == ["quote", "quote", "q"]


def test_german_capitalises_its_nouns_so_its_title_case_is_no_title() -> None:
    doc = make_doc("Die Presse fordert ‚Ruhe und Ordnung‘ und meint damit die Polizei.")
    found = tagged(doc, run(doc, (), QuoteOptions(REGISTER, "de")).spans)
    assert [tag for _, tag, _ in found] == ["soCalled"]
