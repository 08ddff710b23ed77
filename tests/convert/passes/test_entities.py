"""Entity pass: register forms found in the text, longest match, context for shared forms."""

from __future__ import annotations

from dataclasses import replace

import pytest

from teikit.convert.model import BlockKind, Span
from teikit.convert.passes.entities import EntityOptions
from teikit.convert.passes.entities import run as run_entities
from teikit.register.candidates import find_candidates
from teikit.register.entries import EntityKind
from tests.convert.passes.conftest import make_doc, make_register, tagged

REGISTER = make_register("""
<listPerson>
  <person xml:id="lenin"><persName type="reg">Vladimir Lenin</persName>
    <persName>Lenin</persName></person>
  <person xml:id="trotsky"><persName>Trotsky</persName></person>
  <person xml:id="fyodor-dan"><persName>Dan</persName></person>
  <person xml:id="dan-eastman"><persName>Dan Eastman</persName></person>
  <person xml:id="chernov"><persName>Chernov</persName></person>
</listPerson>
<listOrg>
  <org xml:id="kadets"><orgName>Cadets</orgName></org>
  <org xml:id="sr-party"><orgName>S-Rs</orgName><orgName>S-R Party</orgName></org>
  <org xml:id="left-srs"><orgName>Left S-Rs</orgName></org>
  <org xml:id="bolsheviks"><orgName>Bolsheviks</orgName></org>
  <org xml:id="sovnarkom"><orgName>Council of People’s Commissars</orgName></org>
  <org xml:id="sr-cc"><orgName>Central Committee</orgName></org>
  <org xml:id="bolshevik-cc"><orgName>Central Committee</orgName></org>
  <listRelation>
    <relation name="affiliation" active="#lenin" passive="#bolsheviks"/>
    <relation name="affiliation" active="#chernov" passive="#sr-party"/>
    <relation name="partOf" active="#sr-cc" passive="#sr-party"/>
    <relation name="partOf" active="#bolshevik-cc" passive="#bolsheviks"/>
  </listRelation>
</listOrg>
<listBibl><bibl xml:id="pravda"><title level="j">Pravda</title></bibl></listBibl>
<listEvent><event xml:id="july-days"><eventName>July Days</eventName></event></listEvent>
""")


def run(*texts: str | tuple[BlockKind, str], earlier: tuple[Span, ...] = ()):  # type: ignore[no-untyped-def]
    doc = make_doc(*texts)
    return tagged(doc, run_entities(doc, earlier, EntityOptions(REGISTER)).spans)


def test_longest_form_wins() -> None:
    found = run("Translated by Dan Eastman; Dan spoke. The Left S-Rs and the S-Rs met the "
                "Council of People’s Commissars.")
    assert [(text, attrs["ref"]) for text, _, attrs in found] == [
        ("Dan Eastman", "#dan-eastman"), ("Dan", "#fyodor-dan"), ("Left S-Rs", "#left-srs"),
        ("S-Rs", "#sr-party"), ("Council of People’s Commissars", "#sovnarkom")]


def test_possessive_stays_outside_and_hyphenated_pairs_give_two_names() -> None:
    found = run("Lenin’s office; the resolution of Lenin-Trotsky.")
    assert [(text, tag) for text, tag, _ in found] == [
        ("Lenin", "persName"), ("Lenin", "persName"), ("Trotsky", "persName")]


def test_case_matters_cadets_the_party_not_cadets_the_students() -> None:
    found = run("The cadets of the military schools rose; three Cadets joined.")
    assert [(text, attrs["ref"]) for text, _, attrs in found] == [("Cadets", "#kadets")]


def test_word_boundaries() -> None:
    assert run("Danube, Leninism and Trotskyists.") == []


def test_one_letter_forms_are_ignored() -> None:
    register = make_register('<listPerson><person xml:id="a"><persName>A</persName>'
                             '<persName>A. Volkova</persName></person></listPerson>')
    doc = make_doc("A letter from A. Volkova.")
    found = tagged(doc, run_entities(doc, (), EntityOptions(register)).spans)
    assert [text for text, _, _ in found] == ["A. Volkova"]


def test_periodicals_and_events_get_their_elements() -> None:
    found = run("Pravda wrote about the July Days.")
    assert found == [("Pravda", "title", {"level": "j", "ref": "#pravda"}),
                     ("July Days", "name", {"type": "event", "ref": "#july-days"})]


def test_shared_form_is_decided_by_the_party_named_in_the_paragraph() -> None:
    found = run("Chernov led the S-R Party. The Central Committee hesitated.",
                "Lenin said the Bolsheviks would win; the Central Committee agreed.")
    committees = [attrs.get("ref") for text, _, attrs in found if text == "Central Committee"]
    assert committees == ["#sr-cc", "#bolshevik-cc"]


def test_shared_form_looks_back_to_earlier_paragraphs_of_the_section() -> None:
    found = run("The Bolsheviks met.", "Then the Central Committee voted.")
    assert ("Central Committee", "orgName", {"ref": "#bolshevik-cc"}) in found


def test_shared_form_without_context_is_left_for_review() -> None:
    found = run("The Central Committee met.")
    assert found == [("Central Committee", "orgName", {"cert": "low"})]


def test_a_heading_ends_the_context() -> None:
    found = run("The Bolsheviks met.", (BlockKind.HEADING, "Elsewhere"),
                "The Central Committee met.")
    assert ("Central Committee", "orgName", {"cert": "low"}) in found


def test_names_inside_quotations_are_tagged_but_never_over_their_marks() -> None:
    doc = make_doc("He said: “Lenin is right.” ‘Trotsky’")
    text = doc.blocks[0].text
    start = text.index("“")
    quote = Span(0, start, text.index("”") + 1, "quote", open_len=1, close_len=1)
    single = Span(0, text.index("‘"), len(text), "soCalled", open_len=1, close_len=1)
    found = tagged(doc, run_entities(doc, (quote, single), EntityOptions(REGISTER)).spans)
    assert [t for t, _, _ in found] == ["Lenin", "Trotsky"]


def test_the_author_is_tagged_in_the_title_page_but_not_the_works_title() -> None:
    assert [tag for _, tag, _ in run((BlockKind.AUTHOR, "Lenin"))] == ["persName"]
    assert run((BlockKind.TITLE, "Pravda")) == []


def test_without_a_register_confident_names_are_tagged_as_unreviewed() -> None:
    doc = make_doc("General Krasnov marched on the city. The Cossacks followed Krasnov.",
                   "Later Krasnov fled to the Don region. The Executive Committee protested.")
    found = tagged(doc, run_entities(doc, (), EntityOptions()).spans)
    assert ("Krasnov", "persName", {"cert": "medium", "resp": "#teikit"}) in found
    assert ("Executive Committee", "orgName", {"cert": "medium", "resp": "#teikit"}) in found
    assert all("ref" not in attrs for _, _, attrs in found)
    assert not any(text in {"The", "Later"} for text, _, _ in found)


def test_candidates_drop_personal_titles_and_guess_kinds() -> None:
    doc = make_doc("Countess Panina met Colonel Muraviev in Gatchina. The Red Guard held the "
                   "Nevsky Prospect and waited for Muraviev.")
    kinds = {c.form: c.kind.value for c in find_candidates(doc)}
    assert kinds["Panina"] == "person"
    assert kinds["Muraviev"] == "person"
    assert kinds["Red Guard"] == "org"
    assert kinds["Nevsky Prospect"] == "place"
    assert kinds["Gatchina"] == "place"


def test_a_references_place_of_publication_does_not_make_its_title_a_place() -> None:
    doc = make_doc("See Ivo Brandt, Years of Struggle, London 1953, and Days of Hunger, "
                   "Glasgow 1961.", "We went from Samara, Syzran and Kazan to Moscow.")
    accepted = {c.form: c.kind.value for c in find_candidates(doc) if c.status == "accepted"}
    assert "Struggle" not in accepted and "Hunger" not in accepted
    assert accepted["London"] == accepted["Glasgow"] == "place"
    assert accepted["Syzran"] == "place"      # a list of places still shares its kind


def test_a_bodys_initials_are_an_organisation_and_a_states_a_place() -> None:
    doc = make_doc("The C.P.G.B. and the ILP sent greetings to the U.S.A. The R.I.L.U. spoke "
                   "for the USSR, and J.R. Campbell and G.D.H. Cole for the CPGB. In 1926 the "
                   "X. went quiet.", "WORKERS OF THE WORLD, UNITE!")
    found = {c.form: (c.kind.value, c.status) for c in find_candidates(doc)}
    for body in ("C.P.G.B.", "ILP", "R.I.L.U.", "CPGB"):
        assert found[body] == ("org", "accepted")
    assert found["U.S.A."] == found["USSR"] == ("place", "accepted")
    assert found["J.R. Campbell"][0] == found["G.D.H. Cole"][0] == "person"
    assert "U.S.A. The R.I.L.U." not in found         # a sentence ends with the initials
    assert found.get("UNITE", ("", "review"))[1] == "review"


def test_signature_lines_and_postscript_signs_are_not_names() -> None:
    doc = make_doc((BlockKind.SIGNED, "J. McAllister\nSecretary"),
                   (BlockKind.PARAGRAPH, "P.S. Do not forget the pamphlet."))
    forms = {c.form for c in find_candidates(doc)}
    assert "J. McAllister" in forms
    assert "Secretary" not in forms        # the signer's function, not a second name
    assert not any("\n" in form or form.startswith("P.S") for form in forms)


def test_a_slogan_in_capitals_names_nobody() -> None:
    doc = make_doc("LONG LIVE THE COMMUNIST INTERNATIONAL!", "Greetings to the Communist "
                   "International.", "DOWN WITH THE ILP!")
    assert {c.form for c in find_candidates(doc)} == {"Communist International"}


def test_a_name_may_wrap_onto_the_next_line_of_a_paragraph() -> None:
    doc = make_doc("They meet at the Café du\nCommerce every Sunday.")
    assert "Café du\nCommerce" in {c.form for c in find_candidates(doc)}


def test_the_place_of_a_delivered_or_written_field_is_a_place() -> None:
    doc = make_doc((BlockKind.FIELD, "3rd March 1919, Ivanovo."))
    doc = replace(doc, blocks=(replace(doc.blocks[0], label="Delivered:", key="delivered"),))
    (candidate,) = find_candidates(doc)
    assert (candidate.form, candidate.kind) == ("Ivanovo", EntityKind.PLACE)


@pytest.mark.parametrize(("label", "value", "form", "kind"), [
    ("Transcription/Markup:", "Grace Kim and Daniel Moss.", "Daniel Moss", EntityKind.PERSON),
    ("Online Version:", "Labour History Archive, 2003.", "Labour History Archive",
     EntityKind.ORG),
    ("Copyleft:", "Workers’ Press Archive 2006.", "Workers’ Press Archive", EntityKind.ORG),
    ("Source:", "Archive of the Glasgow Trades Council, box 14.",
     "Archive of the Glasgow Trades Council", EntityKind.ORG),
    ("Source:", "Izvestia of the Saratov Soviet, No. 88.", "Izvestia of the Saratov Soviet",
     EntityKind.TITLE),
    ("First Published:", "as a pamphlet, Kraków 1907.", "Kraków", EntityKind.PLACE),
])
def test_what_a_header_field_names(label: str, value: str, form: str, kind: EntityKind) -> None:
    doc = make_doc((BlockKind.FIELD, value))
    doc = replace(doc, blocks=(replace(doc.blocks[0], label=label),))
    found = {c.form: c.kind for c in find_candidates(doc)}
    assert found[form] is kind
