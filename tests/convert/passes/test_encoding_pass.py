"""Encoding repair: mis-decoded UTF-8 is found and repaired; nothing undamaged is touched."""

from __future__ import annotations

import pytest

from teikit.convert.ingest import ingest_text
from teikit.convert.passes.encoding import EncodingOptions, find_damage, run


@pytest.mark.parametrize(("damaged", "code_page"), [
    ("façade".encode().decode("cp852"), "cp852"),
    ("façade".encode().decode("cp1252"), "cp1252"),
    ("révolution".encode().decode("cp437"), "cp437"),
    ("révolution".encode().decode("cp850"), "cp850"),
    ("Gdańsk".encode().decode("latin-1"), "latin-1"),
])
def test_utf8_read_with_a_single_byte_code_page_is_repaired(damaged, code_page):
    (repair,) = find_damage(damaged)
    repaired = damaged[:repair.start] + repair.repaired + damaged[repair.end:]
    assert repaired in {"façade", "révolution", "Gdańsk"}
    assert repair.original != repair.repaired


def test_a_whole_word_of_another_script_is_repaired():
    damaged = "Совет".encode().decode("latin-1")
    repairs = list(find_damage(damaged))
    assert "".join(r.repaired for r in repairs) == "Совет"


def test_the_seed_word_is_cp852_damage():
    (repair,) = find_damage("tore a large gap in the fa├žade of the military school")
    assert (repair.original, repair.repaired, repair.code_page) == ("├ž", "ç", "cp852")


@pytest.mark.parametrize("genuine", [
    "“Anything goes!” – he said, L’An 1 de la révolution russe",
    "coup d’etat, Tsarskoye-Selo, naïve, Übermensch, façade, Dzerzhinsky — ’s",
    "« guillemets » et „Anführungszeichen“ ‘single’",
    "Здравствуйте, товарищи! Ελληνικά 日本語",
    "the sign read “CAFÉ” and “ÇA IRA”, said CÉSAR’s men",
    "“Ú” and “Ú”.",
])
def test_genuine_text_is_never_touched(genuine):
    assert list(find_damage(genuine)) == []


def test_repair_covers_the_whole_word_and_keeps_the_original():
    doc = ingest_text("A gap in the fa├žade of the school.\n", "t")
    (span,) = run(doc, (), EncodingOptions()).spans
    assert doc.blocks[0].text[span.start:span.end] == "fa├žade"
    sic, corr = span.content
    assert (sic.tag, sic.text) == ("sic", "fa├žade")
    assert (corr.tag, corr.text) == ("corr", "façade")
    assert corr.attrs["subtype"] == "utf8-as-cp852"
    assert corr.attrs["resp"] == "#teikit"


def test_cp1252_undefined_byte_passed_through_as_a_control_character_is_repaired():
    """"”" is E2 80 9D; CP1252 has no character for 9D, so lenient decoders leave U+009D."""
    (repair,) = find_damage("confidenceâ€\x9d that")
    assert (repair.original, repair.repaired, repair.code_page) == ("â€\x9d", "”", "cp1252")


def test_character_references_left_from_a_web_page_are_repaired_with_the_original_kept():
    doc = ingest_text("He wrote &quot;To the Slanderers&quot;: &#8220;We are not afraid&#8221;, "
                      "and signed &#x2013; Ed.\n", "t")
    spans = run(doc, (), EncodingOptions()).spans
    text = doc.blocks[0].text
    assert [(text[s.start:s.end], s.content[1].text, s.content[1].attrs["subtype"])
            for s in spans] == [
        ("&quot;To", '"To', "html-reference"),
        ("Slanderers&quot;", 'Slanderers"', "html-reference"),
        ("&#8220;We", "“We", "html-reference"), ("afraid&#8221;", "afraid”", "html-reference"),
        ("&#x2013;", "–", "html-reference")]
    assert all(s.content[0].text == text[s.start:s.end] for s in spans)


@pytest.mark.parametrize("genuine", [
    "AT&T and R&D; the Smith & Wesson", "&nosuchname; stays", "&#0; and &#xD800; are no characters",
    "the sign &amp is unfinished"])
def test_what_is_not_a_character_reference_is_never_touched(genuine):
    assert run(ingest_text(genuine + "\n", "t"), (), EncodingOptions()).spans == ()


def test_the_header_lists_character_references_among_the_repairs():
    from teikit.config import TextSettings
    from teikit.convert import convert_text

    root = convert_text("A Title\n\nThe strike &amp; the lock-out.\n", "t",
                        TextSettings(name="t")).tree.getroot()
    correction = "".join(root.find(".//{http://www.tei-c.org/ns/1.0}correction").itertext())
    assert "“&amp;” → “&” (an HTML character reference)" in correction
    assert "character references of a web page" in correction


@pytest.mark.parametrize(("damaged", "meant"), [
    ("didnÃ¢â‚¬â„¢t", "didn’t"), ("cafÃƒÂ©", "café"), ("Ã¢â‚¬Å“crisis", "“crisis"),
    ("Ã‚Â£12", "£12")])
def test_utf8_mis_decoded_twice_over_is_repaired_in_one_go(damaged, meant):
    doc = ingest_text(f"The {damaged} of it.\n", "t")
    (span,) = run(doc, (), EncodingOptions()).spans
    sic, corr = span.content
    assert (sic.text, corr.text) == (damaged, meant)
    assert corr.attrs["subtype"] == "utf8-as-cp1252-twice"

