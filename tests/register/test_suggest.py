"""Suggestions for a register: kinds from evidence, clean spans, one register for the edition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from eval.score_names import NameScore, score_directory
from teikit.cli import main
from teikit.config import TextSettings
from teikit.convert import convert_transcription
from teikit.convert.ingest import ingest_text
from teikit.convert.model import BlockKind
from teikit.register.candidates import find_candidates
from teikit.register.entries import EntityKind, load_register
from teikit.register.suggest import merge_into_register, suggest
from tests.conftest import FIXTURES, REPO
from tests.convert.passes.conftest import make_doc, make_register

NAMES = FIXTURES / "names"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="session")
def scores() -> NameScore:
    return score_directory(NAMES)


def test_the_uncurated_pipeline_tags_the_names_of_the_reference_texts(scores: NameScore) -> None:
    assert len(scores.texts) >= 6
    assert scores.f1 >= 0.85, "\n".join(scores.lines(verbose=True))
    assert scores.kind_accuracy >= 0.90, scores.wrong_kind
    assert scores.junk_share <= 0.10, scores.junk


def test_every_reference_text_is_scored_on_its_own(scores: NameScore) -> None:
    for text in scores.texts:
        assert text.tp / max(1, text.tp + text.fn) >= 0.75, (text.name, text.missed)


def kinds(*texts: str | tuple[BlockKind, str]) -> dict[str, EntityKind]:
    return {c.form: c.kind for c in find_candidates(make_doc(*texts)) if c.confident}


def transcription_kinds(text: str) -> dict[str, EntityKind]:
    """The kinds of the confident names of a whole transcription (title block, header, body)."""
    from teikit.convert.ingest import ingest_text

    return {c.form: c.kind for c in find_candidates(ingest_text(text, "t")) if c.confident}


# --- kinds from evidence --------------------------------------------------------------------


def test_context_decides_the_kind_not_a_default() -> None:
    found = kinds("Delegates came from Riga and from Warsaw. The strike committee met in "
                  "Poplar, and Mr. Aitken said that Poplar would hold. The Clyde Workers’ "
                  "Committee answered. The Glasgow Herald printed the reply.")
    assert found["Riga"] is found["Warsaw"] is found["Poplar"] is EntityKind.PLACE
    assert found["Aitken"] is EntityKind.PERSON
    assert found["Clyde Workers’ Committee"] is EntityKind.ORG
    assert found["Glasgow Herald"] is EntityKind.TITLE


def test_a_verb_of_speech_makes_a_person_and_a_plural_after_the_article_a_group() -> None:
    found = kinds("When the meeting ended Dunlop said nothing. The Cossacks rode in at night.")
    assert found["Dunlop"] is EntityKind.PERSON
    assert found["Cossacks"] is EntityKind.ORG


def test_names_in_a_list_share_their_kind() -> None:
    found = kinds("He went on to Kovno, Grodno and Zgierz by the night train.")
    assert found["Grodno"] is found["Zgierz"] is EntityKind.PLACE


def test_a_name_without_evidence_is_left_for_review_not_made_a_person() -> None:
    doc = make_doc("The men of the Clyde came out. The Clyde was silent.")
    result = suggest(doc)
    assert "Clyde" not in {f for e in result.entries for f in e.forms}
    assert "Clyde" in {c.form for c in result.review}


def test_every_suggestion_records_its_evidence_and_a_confidence() -> None:
    result = suggest(make_doc("Comrade Wilhelm Vogt reported from Stettin."))
    vogt = next(s for s in result.new if s.entry.forms[0] == "Wilhelm Vogt")
    assert vogt.entry.kind is EntityKind.PERSON and 0 < vogt.confidence <= 1
    assert any("Comrade" in e for e in vogt.evidence)
    assert "Comrade" in vogt.entry.note and "not reviewed" in vogt.entry.note


def test_the_typography_of_periodicals_and_events() -> None:
    found = kinds("The article appeared in Freiheit on the eve of the Kapp Putsch. The British "
                  "Gazette was printed by the Government. What the papers called Bloody "
                  "Friday was not the end.")
    assert found["Freiheit"] is EntityKind.TITLE
    assert found["British Gazette"] is EntityKind.TITLE
    assert found["Kapp Putsch"] is found["Bloody Friday"] is EntityKind.EVENT


def test_a_publisher_is_a_body_and_collected_works_a_book_and_a_volume_no_name() -> None:
    doc = make_doc((BlockKind.FIELD, "Lenin Collected Works, Progress Publishers, 1964, Moscow, "
                    "Volume 24, pages 55-92"),
                   "The Putilov Works struck again, and the Putilov Works won.")
    found = {c.form: c for c in find_candidates(doc)}
    assert found["Lenin Collected Works"].kind is EntityKind.TITLE
    assert found["Lenin Collected Works"].title_level == "m"
    assert found["Progress Publishers"].kind is EntityKind.ORG
    assert found["Putilov Works"].kind is EntityKind.ORG
    assert "Volume" not in found


def test_editions_of_works_are_books_in_any_of_the_familys_languages() -> None:
    doc = ingest_text("Jules Ferrand\n\nLe Parti\n\nSource: Ausgewählte Werke, Band 4, 1951\n"
                      "First Published: Œuvres complètes, Tome 3, 1971\n"
                      "This Version: Gesammelte Reden und Schriften, Volume 2, 1960\n\n"
                      "The party met.\n", "t")
    found = {c.form: c for c in find_candidates(doc)}
    for form in ("Ausgewählte Werke", "Œuvres complètes", "Gesammelte Reden und Schriften"):
        assert found[form].kind is EntityKind.TITLE and found[form].title_level == "m", form


def test_a_citation_field_gives_its_names_their_kinds_by_their_parts() -> None:
    doc = ingest_text("Mara Lindqvist\n\nThe Quarry Strike\n\nSource: Mara Lindqvist, A History "
                      "of the Quarrymen, translated by Tove Brask, Hollis and Crane, Leeds 1931."
                      "\n\nThe quarries closed.\n", "t")
    found = {c.form: c for c in find_candidates(doc) if c.confident}
    assert found["A History of the Quarrymen"].kind is EntityKind.TITLE
    assert found["A History of the Quarrymen"].title_level == "m"
    assert found["Hollis and Crane"].kind is EntityKind.ORG
    assert found["Tove Brask"].kind is EntityKind.PERSON
    assert found["Mara Lindqvist"].kind is EntityKind.PERSON
    assert found["Leeds"].kind is EntityKind.PLACE
    assert "Crane" not in found and "Quarrymen" not in found


def test_the_familys_authors_their_books_and_the_person_a_letter_is_written_to() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "Historical materialism was formulated by Marx and Engels. In his preface to the "
        "Critique of Political Economy, Marx wrote: men enter into definite relations. Engels, "
        "in a letter to Bloch of 1890, added that the economy is the basis. The Times printed "
        "a letter to the Times."))}
    assert found["Marx"].kind is found["Engels"].kind is found["Bloch"].kind is EntityKind.PERSON
    assert found["Critique of Political Economy"].kind is EntityKind.TITLE
    assert found["Critique of Political Economy"].title_level == "m"
    assert "Political Economy" not in found


def test_a_person_the_family_cites_outweighs_a_town_of_the_same_name() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "Your pamphlet has arrived, and Engels has read it."))}
    assert (found["Engels"].kind, found["Engels"].status) == (EntityKind.PERSON, "accepted")


# --- spans and junk -------------------------------------------------------------------------


def test_internal_abbreviations_and_initials_stay_in_the_name() -> None:
    found = kinds("The engineers of St. Petersburg climbed Mt. Elbrus with Mr. A. J. Cook.")
    assert found["St. Petersburg"] is EntityKind.PLACE
    assert "Mt. Elbrus" in found
    assert found["A. J. Cook"] is EntityKind.PERSON


def test_a_title_is_kept_out_of_the_name_and_recorded() -> None:
    (legien,) = [c for c in find_candidates(make_doc("In Berlin, Herr Carl Legien spoke."))
                 if "Legien" in c.form]
    assert legien.form == "Carl Legien" and legien.titles == ["Herr"]


def test_general_strike_is_an_event_not_a_person_strike() -> None:
    found = kinds("The General Council called off the General Strike on Wednesday.")
    assert found["General Strike"] is EntityKind.EVENT
    assert found["General Council"] is EntityKind.ORG
    assert "Strike" not in found and "General Strike on Wednesday" not in found


def test_a_name_does_not_swallow_the_phrase_after_it() -> None:
    forms = {c.form for c in find_candidates(make_doc(
        "Colonel Petrov of the Gendarmes arrested him. The Council of People’s Commissars met.",
        "Petrov of the Gendarmes was there too."))}
    assert "Petrov" in forms and not any(f.startswith("Petrov of") for f in forms)
    assert "Council of People’s Commissars" in forms


def test_religious_words_pronouns_roles_and_sentence_openers_are_not_names() -> None:
    forms = {c.form for c in find_candidates(make_doc(
        "God knows the men were right. Thy will be done, O Lord. Whatever the Secretary says, "
        "the Government and the Lord Provost will not move. Nowhere did we find help; nowhere."
    ))}
    assert not forms & {"God", "Thy", "Lord", "Whatever", "Secretary", "Government",
                        "Lord Provost", "Nowhere"}


def test_months_joined_by_a_hyphen_are_a_date_not_a_name() -> None:
    found = {c.form for c in find_candidates(make_doc(
        "In July-August 1917 the strikes spread from Riga to Reval; on Monday-Tuesday the "
        "Riga men came out again."))}
    assert "July-August" not in found and "Monday-Tuesday" not in found
    assert "Riga" in found


def test_capitalised_german_nouns_are_not_names_but_german_names_are() -> None:
    found = kinds("The Betriebsräte of Blohm und Voss met. The Obleute and the Meister of the "
                  "yard stayed. The Reichstag says nothing; the Gewerkschaften und die Partei "
                  "nicht. Herr Legien spoke for the Allgemeiner Deutscher Gewerkschaftsbund.")
    assert not {"Betriebsräte", "Obleute", "Meister", "Gewerkschaften"} & set(found)
    assert found["Blohm und Voss"] is found["Reichstag"] is EntityKind.ORG
    assert found["Allgemeiner Deutscher Gewerkschaftsbund"] is EntityKind.ORG


@pytest.mark.parametrize("suggested", [False, True])
def test_no_name_nests_in_itself_in_the_header(suggested: bool, tmp_path: Path) -> None:
    source = ("Anna Volkova\n\nA Letter\n\nWritten: Moscow, 14 March 1921.\n"
              "Source: Bulletin of the Southern Bureau, No. 7.\n\nMoscow, 14 March 1921\n\n"
              "Dear Comrades,\n\nWe met in Moscow with the Southern Bureau.\n")
    doc = ingest_text(source, "nest")
    register = None
    if suggested:
        register = tmp_path / "register.xml"
        merge_into_register(register, [doc])
    conversion = convert_transcription(doc, TextSettings(name="nest", register_path=register))
    root = conversion.tree.getroot()
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    if suggested:
        assert root.xpath("//tei:placeName[@ref='#moscow']", namespaces=ns)
    for tag in ("placeName", "orgName", "persName", "title", "name"):
        assert root.xpath(f"//tei:{tag}//tei:{tag}", namespaces=ns) == [], tag


# --- one register for the edition ------------------------------------------------------------


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """A copy of the curated register and two of the reference texts."""
    shutil.copy(REPO / "tei" / "register.xml", tmp_path / "register.xml")
    for name in ("clyde-forty-hours-strike", "sorokin-railway-speech"):
        shutil.copy(NAMES / f"{name}.txt", tmp_path / f"{name}.txt")
    (tmp_path / "edition.toml").write_text('[edition]\nregister = "register.xml"\n',
                                           encoding="utf-8")
    return tmp_path


def _sources(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def test_suggest_adds_to_the_configured_register_and_a_second_run_adds_nothing(
        edition: Path) -> None:
    register = edition / "register.xml"
    before = register.read_bytes()
    runner = CliRunner()
    first = runner.invoke(main, ["entities", "suggest", *map(str, _sources(edition))])
    assert first.exit_code == 0, first.output
    after_first = register.read_bytes()
    added = len(load_register(register)) - len(load_register(REPO / "tei" / "register.xml"))
    assert added > 20 and f"{added} suggested entries added" in first.output
    second = runner.invoke(main, ["entities", "suggest", *map(str, _sources(edition))])
    assert second.exit_code == 0, second.output
    assert "0 suggested entries added" in second.output
    assert register.read_bytes() == after_first != before


def test_curated_entries_stay_byte_identical(edition: Path) -> None:
    register = edition / "register.xml"
    before = register.read_bytes()
    merge_into_register(register, [ingest_text(p.read_text(encoding="utf-8"), p.stem)
                                   for p in _sources(edition)])
    after = register.read_bytes()
    # the original is the new file with one inserted run of bytes taken out
    prefix = next(i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b)
    suffix = len(before) - prefix
    assert after[:prefix] == before[:prefix] and after[len(after) - suffix:] == before[prefix:]
    old = etree.parse(REPO / "tei" / "register.xml").getroot()
    new = etree.parse(str(register)).getroot()
    new_by_id = {e.get(XML_ID): e for e in new.iter() if e.get(XML_ID)}
    for entry in (e for e in old.iter() if e.get(XML_ID)):
        assert etree.tostring(new_by_id[entry.get(XML_ID)]) == etree.tostring(entry)
    suggested = [e for e in new.iter() if e.get("resp") == "#teikit" and e.get(XML_ID)]
    assert suggested and all(e.get("cert") in {"low", "medium"} for e in suggested)


def test_dry_run_lists_what_it_would_add_and_writes_nothing(edition: Path) -> None:
    register = edition / "register.xml"
    before = register.read_bytes()
    result = CliRunner().invoke(main, ["entities", "suggest", "--dry-run",
                                       *map(str, _sources(edition))])
    assert result.exit_code == 0, result.output
    assert "would add to" in result.output and "  + person #" in result.output
    assert register.read_bytes() == before


def test_new_forms_are_linked_to_existing_entries_without_touching_them() -> None:
    register = make_register("""
<listPerson><person xml:id="dunlop"><persName>Neil Dunlop</persName></person></listPerson>
<listOrg><org xml:id="ase"><orgName>Amalgamated Society of Engineers</orgName></org></listOrg>
""")
    doc = make_doc("Dunlop said that the ASE had broken faith. Dunlop was arrested.")
    result = suggest(doc, register)
    links = {s.entry.forms: s.same_as for s in result.new}
    assert links[("Dunlop",)] == "dunlop"
    assert links[("ASE",)] == "ase"


def test_a_surname_in_the_same_texts_is_a_form_of_the_full_name() -> None:
    result = suggest(make_doc("Neil Dunlop came out. Dunlop was struck down. H. Lind and "
                              "Hannah Lind signed."))
    forms = {s.entry.forms for s in result.new}
    assert ("Neil Dunlop", "Dunlop") in forms
    assert ("Hannah Lind", "H. Lind") in forms


def test_a_surname_that_is_also_a_town_is_the_person_of_the_text_so_named() -> None:
    """"Hale" is a town in the gazetteer; in a text that names Tom Hale and says nothing of a
    place, it is his surname. "Port of London Authority" is a body, not a port."""
    found = kinds("Tom Hale spoke at the docks. Hale refers to the estimates of the Port of "
                  "London Authority, which the Liberal government raised.")
    assert found["Hale"] is EntityKind.PERSON
    assert found["Port of London Authority"] is EntityKind.ORG
    assert "Liberal" not in found


def test_the_german_people_of_a_body_are_no_part_of_its_name() -> None:
    found = kinds("Seit dem 18. Juli stehen die Arbeiter der Vulcan-Werft im Streik. „Wir werden "
                  "nicht nachgeben“, erklärte der Vorsitzende des Deutschen Metallarbeiter-"
                  "Verbandes, Alexander Schlicke. Der Vorstand der Partei schwieg.")
    assert found["Vulcan-Werft"] is EntityKind.ORG
    assert found["Deutschen Metallarbeiter-Verbandes"] is EntityKind.ORG
    assert found["Alexander Schlicke"] is EntityKind.PERSON
    assert not {"Arbeiter der Vulcan-Werft", "Vorsitzende des Deutschen Metallarbeiter-Verbandes"
                } & set(found)


def test_a_name_after_a_comma_is_said_of_the_one_before_not_listed_with_it() -> None:
    """An apposition ("the union's secretary, Pierre Lafont") is no list; three names parted by
    commas are one."""
    found = kinds("The Amalgamated Society of Engineers, Tom Mann, was on strike. Delegates came "
                  "from Riga, Kovno, Zgierz and Grodno.")
    assert found["Tom Mann"] is EntityKind.PERSON
    assert found["Zgierz"] is EntityKind.PLACE


def test_suggested_aliases_tag_mentions_with_the_existing_entry(tmp_path: Path) -> None:
    register = tmp_path / "register.xml"
    register.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>R'
        '</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>'
        '</sourceDesc></fileDesc></teiHeader><standOff><listPerson><person xml:id="dunlop">'
        '<persName>Neil Dunlop</persName></person></listPerson></standOff></TEI>',
        encoding="utf-8")
    doc = ingest_text("Dunlop said that the strike would go on. Dunlop was arrested.\n", "t")
    merge_into_register(register, [doc])
    conversion = convert_transcription(doc, TextSettings(name="t", register_path=register))
    refs = [s.attrs.get("ref") for s in conversion.spans if s.tag == "persName"]
    assert refs == ["#dunlop", "#dunlop"]
    ids = {e.get(XML_ID) for e in conversion.tree.getroot().iter() if e.get(XML_ID)}
    assert "dunlop" in ids


def test_suggest_without_a_config_prints_a_new_register(tmp_path: Path) -> None:
    source = tmp_path / "text.txt"
    source.write_text("Mr. Aitken spoke in Glasgow.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["entities", "suggest", str(source)])
    assert result.exit_code == 0, result.output
    assert "<persName type=\"reg\">Aitken</persName>" in result.output


def test_a_soviet_of_workers_and_soldiers_deputies_is_one_name() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "The Soviet of Workers' and Soldiers' Deputies met; the Workers' and Peasants' "
        "Government answered. Samara and Syzran stood apart."))}
    assert found["Soviet of Workers' and Soldiers' Deputies"].kind is EntityKind.ORG
    assert "Soviet of Workers" not in found
    assert {"Samara", "Syzran"} <= set(found)        # "and" between two names still parts them


def test_works_named_by_their_noun_are_books_and_an_issue_number_is_not_in_a_name() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "He wrote the April Theses and quoted the Communist Manifesto. See Pravda No. 26 and "
        "Iskra Nos. 3-4, and the Collected Works Vol. 24."))}
    for work in ("April Theses", "Communist Manifesto"):
        assert (found[work].kind, found[work].title_level) == (EntityKind.TITLE, "m")
    assert {"Pravda", "Iskra"} <= set(found)
    assert not any(form.endswith(("No", "Nos", "Vol")) for form in found)


def test_a_surname_ending_in_s_that_speaks_is_a_person_and_a_party_a_body() -> None:
    found = {c.form: c.kind for c in find_candidates(make_doc(
        "Burns called that a lie. Jones wrote to us. Mensheviks declared otherwise, and the "
        "Cadets said no."))}
    assert found["Burns"] is found["Jones"] is EntityKind.PERSON
    assert found["Mensheviks"] is found["Cadets"] is EntityKind.ORG


def test_a_town_spelt_with_a_hyphen_as_older_texts_do_is_in_the_gazetteer() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "Mrs. Crawfurd read a letter from the women of Nizhni-Novgorod."))}
    assert (found["Nizhni-Novgorod"].kind, found["Nizhni-Novgorod"].status) == (
        EntityKind.PLACE, "accepted")


def test_the_countries_and_lands_of_the_time_are_places() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "The armies marched against the workers of Russia and of Hungary, from Bessarabia "
        "to Persia; the miners of Wales and of Galicia struck with them."))}
    for place in ("Russia", "Hungary", "Bessarabia", "Persia", "Wales", "Galicia"):
        assert (found[place].kind, found[place].status) == (EntityKind.PLACE, "accepted"), place


def test_a_preposition_after_a_place_ends_the_place_and_a_particle_stays_in_a_name() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "Während die Regierung in Berlin von Sieg spricht, tagt der Rat in Frankfurt am Main. "
        "Otto von Bismarck schwieg, und Leonardo da Vinci auch."))}
    assert found["Berlin"].kind is EntityKind.PLACE
    assert not any(form.startswith("Berlin ") for form in found)
    assert found["Frankfurt am Main"].kind is EntityKind.PLACE
    assert "Otto von Bismarck" in found and "Leonardo da Vinci" in found


def test_french_articles_open_no_name_and_a_hyphenated_first_name_is_one() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "La Compagnie a renvoyé Jean-Baptiste Calvignac. Le Gouvernement de Paris hésite."))}
    assert found["Jean-Baptiste Calvignac"].kind is EntityKind.PERSON
    assert found["Jean-Baptiste Calvignac"].status == "accepted"
    # "Le" is listed as a given name elsewhere; here it opens a sentence
    assert found["Gouvernement de Paris"].kind is EntityKind.ORG
    assert not any(form.startswith(("Le ", "La ")) for form in found)


def test_german_places_joined_by_und_are_two_and_an_article_opens_no_name() -> None:
    found = {c.form: c for c in find_candidates(make_doc(
        "In Berlin und München wehte die rote Fahne. Der Spartakusbund ist keine Partei. "
        "Die Firma Siemens und Halske streikte, und Die Rote Fahne schrieb darüber."))}
    assert found["Berlin"].kind is found["München"].kind is EntityKind.PLACE
    assert found["Spartakusbund"].kind is EntityKind.ORG          # not "Der Spartakusbund"
    assert "Siemens und Halske" in " ".join(found)                # a firm keeps its "und"
    assert found["Die Rote Fahne"].kind is EntityKind.TITLE       # the periodical's article



def test_a_dialogues_speaker_labels_name_nobody() -> None:
    """"Q." and "A." before a turn are labels, not a person's initials: "A. Yes." names no
    "A. Yes", and "A. Lloyd George says …" names Lloyd George."""
    doc = ingest_text("An Interview\n\nWritten: 1920\n\nQ. What is the position?\n\nA. Yes.\n\n"
                      "Q. And the Allies?\n\nA. Lloyd George says one thing and does another.\n",
                      "interview")
    assert [b.label for b in doc.of_kind(BlockKind.TURN)] == ["Q.", "A.", "Q.", "A."]
    found = {c.form: c for c in find_candidates(doc)}
    assert not [form for form in found if form.startswith(("Q.", "A."))]
    assert found["Lloyd George"].kind is EntityKind.PERSON
    conversion = convert_transcription(doc, TextSettings(name="interview"))
    names = conversion.tree.getroot().iterfind(
        ".//{http://www.tei-c.org/ns/1.0}sp/{http://www.tei-c.org/ns/1.0}p/"
        "{http://www.tei-c.org/ns/1.0}persName")
    assert [name.text for name in names] == ["Lloyd George"]


def test_a_sentence_that_opens_with_a_verb_before_a_name_leaves_the_verb_out() -> None:
    found = {c.form for c in find_candidates(make_doc(
        "Tell Sonja that I think of her. Give Karl my love. Send Hans the books."))}
    assert not [form for form in found if form.split()[0] in ("Tell", "Give", "Send")]
    assert "Sonja" in found


def test_a_first_name_in_a_field_that_names_people_is_a_person_whatever_heads_it() -> None:
    found = transcription_kinds("On the Mass Strike\n\nWritten: 1906\nTranslated: Patrick "
                                "Lavin, 1925; revised by Sam Hall, 2005\n\nThe mass strike is "
                                "no method.\n")
    assert found["Sam Hall"] is EntityKind.PERSON


def test_a_firm_of_brothers_is_a_firm_whatever_first_name_it_bears() -> None:
    found = kinds("We visited the mills of Messrs. Baxter Brothers and of Cox Brothers at Lochee.")
    assert found["Baxter Brothers"] is found["Cox Brothers"] is EntityKind.ORG


def test_a_word_that_is_a_first_name_after_the_article_names_no_person() -> None:
    found = kinds("The delegates rise and sing “The Red Flag.” There was shooting on the Nevsky.")
    assert "Red Flag" not in found and "Nevsky" not in found


def test_a_regiment_is_a_body_and_an_old_mans_epithet_is_no_part_of_his_name() -> None:
    found = kinds("The Volynsky regiment has mutinied. Old Nikitin said: “Now we shall see.”")
    assert found["Volynsky"] is EntityKind.ORG
    assert found["Nikitin"] is EntityKind.PERSON and "Old Nikitin" not in found


def test_the_speaker_named_in_full_in_the_minutes_is_a_person_and_a_role_nobody() -> None:
    found = transcription_kinds("Minutes\n\nWritten: 1921\n\nMARGARET DUNN (Leeds Weavers): I "
                                "move it.\n\nCHAIRMAN: Those in favour? Carried.\n\nA DELEGATE: "
                                "Too long!\n\nCROSS (Sheffield Engineers): I second.\n")
    assert found["MARGARET DUNN"] is EntityKind.PERSON
    # a town that is also a given name, before its trade, names the body of that trade
    assert found["Leeds Weavers"] is found["Sheffield Engineers"] is EntityKind.ORG
    assert not {"CHAIRMAN", "DELEGATE", "A DELEGATE"} & set(found)


def test_and_joins_the_trades_and_the_district_a_union_organises_not_two_bodies() -> None:
    found = kinds("The National Committee for Organizing Iron and Steel Workers met. The Dundee "
                  "and District Jute and Flax Workers' Union struck. The Miners and the "
                  "Railwaymen stood together.")
    assert found["National Committee for Organizing Iron and Steel Workers"] is EntityKind.ORG
    assert found["Dundee and District Jute and Flax Workers' Union"] is EntityKind.ORG
    assert not [form for form in found if "Miners and" in form]


def test_a_region_after_its_town_and_a_comma_is_a_place() -> None:
    found = kinds("The strike began in Gary, Indiana, and spread to Youngstown.")
    assert found["Gary"] is found["Indiana"] is EntityKind.PLACE


def test_initials_around_of_are_a_bodys() -> None:
    found = kinds("The committee was set up by the A. F. of L. in August 1918.")
    assert found["A. F. of L."] is EntityKind.ORG


def test_a_french_body_is_named_by_its_head_and_the_lower_case_words_after_it() -> None:
    found = kinds("Les souscriptions sont reçues à la Bourse du travail de Toulouse et au siège "
                  "du Parti ouvrier à Paris. La Confédération générale du travail a appelé à la "
                  "grève. Le Parti est uni.")
    assert found["Bourse du travail"] is found["Parti ouvrier"] is EntityKind.ORG
    assert found["Confédération générale du travail"] is EntityKind.ORG
    assert not [form for form in found if form.startswith("Parti est")]


def test_an_english_union_before_a_lower_case_word_is_not_a_french_name() -> None:
    found = kinds("The Union official spoke at the Miners' Union general meeting.")
    assert not [form for form in found if "official" in form or "general" in form]


def test_a_body_over_the_title_is_the_author_and_its_town_no_person() -> None:
    found = transcription_kinds("Comité de grève des mineurs de Carmaux\n\nAppel aux "
                                "travailleurs\n\nÉcrit : 2 septembre 1892\n\nLes mineurs de "
                                "Carmaux sont en grève.\n\nCarmaux, le 2 septembre 1892.\n\nLe "
                                "secrétaire, A. Roques.\n")
    assert found.get("Carmaux") is EntityKind.PLACE
    assert found["A. Roques"] is EntityKind.PERSON


def test_a_body_named_by_its_members_over_the_title_is_the_author_no_person() -> None:
    found = transcription_kinds("Industrial Workers of the World\n\nResolution on the Mooney "
                                "Case\n\nWritten: 1917\n\nRESOLVED, That the Industrial "
                                "Workers of the World call upon every local union to protest.\n")
    assert found["Industrial Workers of the World"] is EntityKind.ORG


def test_a_german_address_and_a_noun_after_an_article_are_no_names_but_a_party_is() -> None:
    found = transcription_kinds("Karl Liebknecht\n\nRede\n\nGehalten: 16. März 1916\n\n"
                                "Meine Herren! Die Arbeiter in Deutschland und in Frankreich "
                                "hungern. Die Sozialdemokratische Partei Deutschlands hat sie im "
                                "Stich gelassen, und die Regierung schweigt.\n")
    assert "Meine Herren" not in found and "Herren" not in found and "Stich" not in found
    assert found["Sozialdemokratische Partei Deutschlands"] is EntityKind.ORG
    assert found["Deutschland"] is found["Frankreich"] is EntityKind.PLACE


@pytest.mark.parametrize(("salutation", "name"), [
    ("Lieber Genosse Lenin!", "Lenin"), ("Werte Genossin Zetkin!", "Zetkin"),
    ("Cher camarade Monatte,", "Monatte"), ("Chère Rosa,", "Rosa"),
])
def test_a_german_or_french_salutation_names_only_whom_it_addresses(salutation, name) -> None:
    found = transcription_kinds(f"Brief\n\nGeschrieben: 1921\n\nStuttgart, den 25. Januar "
                                f"1921\n\n{salutation}\n\nDie Lage ist schwierig.\n\nMit "
                                "herzlichen Grüßen\nClara Zetkin\n")
    assert found.get(name) is EntityKind.PERSON
    assert not [form for form in found if form.startswith(("Lieber", "Werte", "Cher"))]


def test_french_countries_and_the_french_section_of_the_international() -> None:
    found = transcription_kinds("Alfred Rosmer\n\nLe congrès\n\nÉcrit : 1920\n\nLa Section "
                                "française de l’Internationale ouvrière a voté contre. En "
                                "Allemagne et en Russie, les ouvriers sont avec nous.\n")
    assert found["Section française de l’Internationale ouvrière"] is EntityKind.ORG
    assert found["Allemagne"] is found["Russie"] is EntityKind.PLACE
    assert "Section general" not in kinds("The Section general secretary spoke.")


def test_a_word_the_text_speaks_of_is_no_name() -> None:
    found = kinds("The German “Arbeiterin” is rendered as “woman worker”; the word ‘Narodnik’ "
                  "is kept. Narodnik circles met in Kazan.")
    assert "Arbeiterin" not in found
