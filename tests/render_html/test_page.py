"""The reading edition of the sample TEI file: what a reader finds on the page (static HTML)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from tests.render_html.conftest import SAMPLE, html_text, missing_words, tei_words


def page_of(text: str, name: str, folder: Path) -> lxml.html.HtmlElement:
    """The reading page of ``text`` converted without a config, as the edition renders it."""
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.render.html import render_html

    tei = folder / f"{name}.xml"
    convert_text(text, name, TextSettings(name=name)).tree.write(
        str(tei), encoding="utf-8", xml_declaration=True)
    return lxml.html.parse(str(render_html(tei))).getroot()


def text_of(element: lxml.html.HtmlElement) -> str:
    """Text as read, without the paragraph numbers in the margin."""
    return " ".join(html_text(element, skip=frozenset({"para-num"})).split())


def one(doc: lxml.html.HtmlElement, xpath: str) -> lxml.html.HtmlElement:
    found = doc.xpath(xpath)
    assert len(found) == 1, f"{xpath}: {len(found)} matches"
    return found[0]


def visible_text(doc: lxml.html.HtmlElement) -> str:
    """The page text without tooltips (which only show on hover/focus)."""
    return html_text(one(doc, "//body"))


def test_page_is_html5_with_language_and_title(sample_page, sample_doc):
    assert sample_page.read_text(encoding="utf-8").startswith("<!DOCTYPE HTML>")
    assert sample_doc.get("lang") == "en"
    assert text_of(one(sample_doc, "//title")) == (
        "Victor Serge — Year One of the Russian Revolution: "
        "II – The Counter-Revolutionary Socialists")
    assert text_of(one(sample_doc, "//h1")) == "Year One of the Russian Revolution"
    assert text_of(one(sample_doc, "//*[@class='doc-subtitle']")) == (
        "II – The Counter-Revolutionary Socialists")
    assert sample_doc.xpath("//main//article")


def test_metadata_panel_describes_the_source_and_how_to_cite(sample_doc):
    rows = {text_of(row.find("dt")): text_of(row.find("dd"))
            for row in sample_doc.xpath("//dl[@class='meta']/div")}
    assert rows["Author"] == "Victor Serge"
    assert rows["Part"] == "II – The Counter-Revolutionary Socialists"
    assert rows["First published"] == "L’An 1 de la révolution russe, 1930"
    assert rows["Source"] == "New International XIV, no. 4 (April 1948): 123–126"
    assert rows["Translation"] == "Dan Eastman"
    assert rows["Transcription and mark-up"] == "Einde O’Callaghan, Marxists’ Internet Archive"
    assert rows["Licence"].startswith("The TEI encoding is licensed under Creative Commons")
    citation = text_of(one(sample_doc, "//p[@class='citation']"))
    assert citation.startswith("Victor Serge, “Year One of the Russian Revolution: II – The")
    assert "translated by Dan Eastman" in citation
    assert "New International XIV, no. 4 (April 1948): 123–126" in citation
    fields = text_of(one(sample_doc, "//section[@class='source-fields']"))
    assert "Written: 1925–1928, Vienna." in fields


def test_highwire_citation_metadata_for_reference_managers(sample_doc):
    meta = {m.get("name"): m.get("content") for m in sample_doc.xpath("//meta[@name]")}
    assert meta["citation_journal_title"] == "New International"
    assert (meta["citation_volume"], meta["citation_issue"]) == ("14", "4")
    assert (meta["citation_firstpage"], meta["citation_lastpage"]) == ("123", "126")


def test_the_first_publication_gives_its_issue_and_place_on_the_page_and_in_print(tmp_path):
    from teikit.render.fo import fo_string

    text = ("V. I. Lenin\n\nThe Tasks of the Proletariat\n\nFirst Published: Pravda, No. 26, "
            "April 7, 1917, Petrograd\n\nThe text.\n")
    doc = page_of(text, "tasks", tmp_path)
    rows = {text_of(row.find("dt")): text_of(row.find("dd"))
            for row in doc.xpath("//dl[@class='meta']/div")}
    assert rows["First published"] == "Pravda, No. 26, April 7, 1917, Petrograd"
    printed = "".join(lxml.html.fromstring(fo_string(tmp_path / "tasks.xml").encode()).itertext())
    assert "First published: Pravda, No. 26, April 7, 1917, Petrograd." in " ".join(
        printed.split())


def test_table_of_contents_links_every_titled_section(sample_doc):
    links = sample_doc.xpath("//nav[@class='toc']//a")
    assert [text_of(a) for a in links] == [
        "Editors’ note", "The Junkers’ Mutiny", "Counter-Revolutionary Socialism", "Notes",
        "Indices"]
    for link in links:
        assert sample_doc.xpath(f"//*[@id='{link.get('href')[1:]}']"), link.get("href")


def test_a_text_without_titled_sections_has_no_empty_contents(tmp_path):
    doc = page_of("A Short Note\n\nWritten: 1915\n\nThe scene has changed.\n", "note", tmp_path)
    assert doc.xpath("//nav[@class='toc']") == []
    assert doc.xpath("//p[@id='p-1.1']")


def test_paragraphs_of_the_body_are_numbered_for_citation(sample_doc):
    numbers = sample_doc.xpath("//a[@class='para-num']")
    assert [int(a.text) for a in numbers] == list(range(1, len(numbers) + 1))
    assert all(a.get("href") == f"#{a.get('id')}" for a in numbers)
    first = numbers[0].getparent()
    assert text_of(first).startswith("The first Soviet government")
    assert first.xpath("a[1]/@class") == ["para-num"]
    quote = one(sample_doc, "//blockquote")
    assert quote.xpath("a[@class='para-num']"), "block quotations are numbered too"
    assert not sample_doc.xpath("//div[@class='front']//a[@class='para-num']")
    assert not sample_doc.xpath("//div[contains(@class, 'notes-block')]//a[@class='para-num']")


def test_headnote_is_set_apart_with_its_author(sample_doc):
    headnote = one(sample_doc, "//section[contains(@class, 'div-headnote')]")
    assert text_of(headnote.find("h2")) == "Editors’ note"
    assert "By the editors of New International" in text_of(headnote)
    assert headnote.getparent().get("class") == "front"


def test_quotation_marks_follow_nesting(sample_doc):
    outer = one(sample_doc, "//span[@class='q q-quote']")
    assert text_of(outer) == "“Our forces consist of ‘two or three hundred’ Junkers.”"
    block = one(sample_doc, "//blockquote")
    assert text_of(block).startswith("“There was nothing for us")
    assert "‘usurpers’" in text_of(block)
    assert text_of(block).endswith("and go on.”")
    assert "“ministers”" in text_of(one(sample_doc, "(//section[@id='s3']/p)[1]"))


def test_gap_shows_an_ellipsis_in_brackets_and_explains_it(sample_doc):
    gaps = sample_doc.xpath("//span[@class='gap']")
    assert len(gaps) == 2
    editorial, quoted = gaps
    assert editorial.text == "[…]"
    assert editorial.get("tabindex") == "0"
    tip = one(sample_doc, f"//*[@id='{editorial.get('aria-describedby')}']")
    assert text_of(tip) == ("Passage omitted by the editors of New International "
                            "(marked “...” in the source)")
    assert "Omission within the quotation" in text_of(quoted)


def test_what_could_not_be_read_shows_as_the_source_marks_it_and_says_why(tmp_path):
    doc = page_of("A Diary\n\nWritten: 1917\n\nThe word is that [two words illegible] has been "
                  "arrested, and [manuscript damaged] the rest.\n", "diary", tmp_path)
    illegible, damaged = doc.xpath("//span[@class='gap']")
    assert illegible.text == "[two words illegible]" and damaged.text == "[manuscript damaged]"
    assert text_of(one(doc, f"//*[@id='{illegible.get('aria-describedby')}']")) == \
        "Not legible in the source: 2 words"
    assert text_of(one(doc, f"//*[@id='{damaged.get('aria-describedby')}']")) == \
        "Lost to damage in the source"


def test_numbered_notes_link_both_ways(sample_doc):
    refs = sample_doc.xpath("//a[@class='noteref']")
    assert [text_of(r) for r in refs] == ["1", "2", "3"]
    assert [r.get("aria-label") for r in refs] == ["Note 1", "Note 2", "Note 3"]
    for number, ref in enumerate(refs, start=1):
        assert ref.get("href") == f"#note-{number}"
        note = one(sample_doc, f"//li[@id='note-{number}']")
        back = note.xpath(".//a[@class='note-back']")[0]
        assert back.get("href") == f"#{ref.get('id')}"
    assert text_of(one(sample_doc, "//li[@id='note-1']")).endswith(
        "the Second Congress of Soviets – Ed.")
    assert text_of(one(sample_doc, "//li[@id='note-3']")).endswith(
        "Lenin, Collected Works, vol. 26, p. 1.")


def test_note_number_hugs_the_word_before_it(sample_doc):
    ref = one(sample_doc, "//a[@id='noteref-1']")
    before = ref.getparent().text if ref.getprevious() is None else ref.getprevious().tail
    assert before.endswith("at this same meeting"), "the space before the note is dropped"
    assert ref.tail.startswith(" after a lively debate")


def test_notes_follow_the_paragraph_they_belong_to(sample_doc):
    block = one(sample_doc, "//li[@id='note-3']/ancestor::div[@class='notes-block']")
    paragraph = block.getprevious()
    assert paragraph.xpath(".//a[@id='noteref-3']")


def test_paraphrase_is_italic_in_brackets(sample_doc):
    paraphrase = one(sample_doc, "//span[@class='paraphrase']")
    assert text_of(paraphrase) == "[But the Cossacks were demoralized and beaten back.]"
    assert paraphrase.xpath("span[@class='note-text']")


def test_repaired_word_shows_the_correction_and_keeps_the_original(sample_doc):
    choice = one(sample_doc, "//span[@class='choice']")
    tip = one(choice, "span[@class='tip']")
    shown = text_of(choice).replace(text_of(tip), "").strip()
    assert shown == "façade"
    assert "the source has “fa├žade” (a character-encoding error)" in text_of(tip)


def test_julian_dates_show_both_calendars(sample_doc):
    date = one(sample_doc, "//time[@datetime='1917-11-09']")
    assert date.text == "October 27"
    assert text_of(one(date, "span[@class='tip']")) == (
        "27 October 1917 O.S. = 9 November 1917 N.S.")
    assert "date-julian" in date.get("class")
    plain = one(sample_doc, "//time[@datetime='2018-08-02']")
    assert plain.get("tabindex") is None, "no explanation when the date reads the same"


def test_names_link_to_their_register_entry_and_back(sample_doc):
    mentions = sample_doc.xpath("//a[contains(@class, 'ent ')][@data-entry='lenin']")
    assert [m.get("id") for m in mentions] == ["m-lenin-1", "m-lenin-2"]
    assert {m.get("href") for m in mentions} == {"#reg-lenin"}
    entry = one(sample_doc, "//li[@id='reg-lenin']")
    assert text_of(one(entry, ".//*[@class='reg-name']")) == "Lenin"
    assert text_of(one(entry, ".//*[@class='reg-dates']")) == "(1870–1924)"
    assert text_of(one(entry, ".//*[@class='reg-full']")) == "Vladimir Ilyich Ulyanov"
    assert one(entry, ".//a[@rel='external']").get("href") == "https://www.wikidata.org/wiki/Q1394"
    assert text_of(one(entry, ".//*[@class='reg-count']")) == "2 mentions in this text"
    assert [a.get("href") for a in entry.xpath(".//a[@class='mention-link']")] == [
        "#m-lenin-1", "#m-lenin-2"]


def test_register_relations_link_entries_both_ways(sample_doc):
    def relations(entry: str) -> list[str]:
        return [text_of(p) for p in sample_doc.xpath(f"//li[@id='{entry}']//p[@class='reg-rel']")]

    assert relations("reg-trotsky") == ["Member of: Petrograd Soviet"]
    assert relations("reg-petrograd-soviet") == ["Members named in the text: Trotsky"]
    assert relations("reg-delo-naroda") == ["Part of: S-R Party"]
    assert relations("reg-sr-party") == ["Includes: Delo Naroda"]
    link = one(sample_doc, "//li[@id='reg-trotsky']//p[@class='reg-rel']/a")
    assert link.get("href") == "#reg-petrograd-soviet"


def test_nested_names_do_not_nest_links(sample_doc):
    assert not sample_doc.xpath("//a//a")
    nested = one(sample_doc, "//*[@id='m-petrograd-2']")
    assert nested.tag == "span"
    assert nested.getparent().get("data-entry") == "petrograd-soviet"


def test_unresolved_names_are_not_linked(sample_doc):
    ambiguous = sample_doc.xpath("//span[@class='name tei-persName'][. = 'Dan']")
    assert len(ambiguous) == 1


def test_indices_group_entries_by_kind_sorted_by_surname(sample_doc):
    headings = [text_of(h) for h in sample_doc.xpath("//section[@id='indices']//h3")]
    assert headings == ["Persons", "Organisations", "Places", "Periodicals and publications",
                        "Events"]
    names = sample_doc.xpath("//section[@id='index-person']//*[@class='reg-name']")
    persons = [text_of(n) for n in names]
    assert persons.index("Lenin") < persons.index("Victor Serge") < persons.index("Trotsky")
    unmentioned = one(sample_doc, "//li[@id='reg-pulkovo']")
    assert text_of(one(unmentioned, ".//*[@class='reg-count']")) == "not mentioned in the text"


def test_every_internal_link_has_a_target_and_ids_are_unique(sample_doc):
    ids = [e.get("id") for e in sample_doc.xpath("//*[@id]")]
    assert len(ids) == len(set(ids))
    targets = {h[1:] for h in sample_doc.xpath("//a/@href") if h.startswith("#")}
    assert targets <= set(ids)


def test_text_from_the_tei_is_escaped(sample_page, sample_doc):
    scripts = sample_doc.xpath("//script[not(@type = 'application/ld+json')]")
    assert [s.get("src") for s in scripts] == ["assets/edition.js"]
    assert all(not (s.text or "").strip() for s in scripts)
    (data,) = sample_doc.xpath("//script[@type = 'application/ld+json']")
    assert isinstance(json.loads(data.text), dict)
    assert not sample_doc.xpath("//img | //b")
    assert not sample_doc.xpath("//@*[starts-with(name(), 'on')]")
    assert not [h for h in sample_doc.xpath("//@href") if h.lower().startswith("javascript")]
    page = text_of(sample_doc)
    assert '<script>alert("text")</script>' in page
    assert '"><img src=x onerror=alert(1)>' in page
    assert "Mr <script>alert(1)</script>" in page
    raw = sample_page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in raw
    assert "<img" not in raw


def test_unknown_elements_keep_their_text(sample_doc):
    assert text_of(one(sample_doc, "//span[@class='tei-unknownThing']")) == "an unknown element"
    assert text_of(one(sample_doc, "//span[@class='tei-seg type-odd']")) == "an inline segment"
    floating = one(sample_doc, "//div[@class='tei-floatingText']")
    assert [text_of(p) for p in floating.xpath(".//p")] == [
        "A block inside a block: floating text."]


def test_blocks_inside_paragraphs_make_valid_html(sample_doc):
    holder = one(sample_doc, "//div[@class='p'][contains(., 'A list inside a paragraph')]")
    assert [text_of(li) for li in holder.xpath("div[@class='list']/ul/li")] == [
        "first item", "second item"]
    assert text_of(holder).endswith("and the paragraph goes on.")
    unknown = one(sample_doc, "//div[@class='tei-unknownBlock']")
    assert [text_of(p) for p in unknown.xpath("p")] == ["An unknown element around a paragraph."]


def test_letter_parts_are_laid_out(sample_doc):
    assert text_of(one(sample_doc, "//p[@class='tei-dateline']")) == "Petrograd, December 1917"
    assert text_of(one(sample_doc, "//div[@class='tei-closer']")) == (
        "Yours fraternally, L. Trotsky")


def test_every_word_of_the_text_is_on_the_page(sample_doc):
    assert missing_words(tei_words(SAMPLE, "text"), visible_text(sample_doc)) == {}


@pytest.mark.parametrize("missing", ["text", "body"])
def test_word_check_detects_a_dropped_word(sample_doc, missing):
    """The completeness check above can fail: remove a paragraph and it reports the words."""
    doc = lxml.html.fromstring(lxml.html.tostring(sample_doc))
    one(doc, "//p[contains(., 'We write to you in haste.')]").drop_tree()
    missing_now = missing_words(tei_words(SAMPLE, missing), visible_text(doc))
    assert {"write", "haste"} <= missing_now.keys()


def test_a_heading_over_several_lines_is_one_heading_in_the_page_and_the_contents(tmp_path):
    text = ("The Junius Pamphlet\n\nWritten: 1915\n\nCHAPTER I\n\nThe Scene Has Changed\n\n"
            "The scene has changed fundamentally.\n\nCHAPTER II\n\nAnd the war goes on.\n")
    doc = page_of(text, "junius", tmp_path)
    heading = one(doc, "//h2[@id='h-1']")
    assert text_of(heading) == "CHAPTER I The Scene Has Changed"
    assert heading.xpath("span[@class='head-line'][@id='h-1.2']")
    assert [text_of(a) for a in doc.xpath("//nav[@class='toc']//a")][:2] == [
        "CHAPTER I: The Scene Has Changed", "CHAPTER II"]


def test_a_break_in_a_section_is_shown_as_printed_and_not_numbered(tmp_path):
    doc = page_of("Notes\n\nWritten: 1919\n\nThe regiment came out.\n\n* * *\n\nThe end.\n",
                  "notes", tmp_path)
    (separator,) = doc.xpath("//p[@class='section-break']")
    assert separator.get("role") == "separator" and text_of(separator) == "* * *"
    assert [a.text for a in doc.xpath("//main//a[@class='para-num']")] == ["1.1", "1.3"]
