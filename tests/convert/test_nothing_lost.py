"""Nothing lost: every transcription, read back from its TEI, is the source text again."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit import TEI_NS
from teikit.config import TextSettings
from teikit.convert import convert_file, convert_text
from teikit.convert.readback import comparable, read_back
from tests.conftest import REPO, SEED_SOURCE, TRANSCRIPTIONS, jing

SOURCES = [SEED_SOURCE, *sorted(TRANSCRIPTIONS.glob("*.txt"))]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_read_back_equals_the_source(source: Path, tmp_path: Path):
    output = tmp_path / f"{source.stem}.xml"
    convert_file(source, output, config_path=REPO / "tei" / "edition.toml")
    tree = etree.parse(str(output))
    assert comparable(read_back(tree.getroot())) == comparable(source.read_text("utf-8"))


def test_every_transcription_is_valid_tei_all(tmp_path: Path):
    outputs = []
    for source in SOURCES:
        output = tmp_path / f"{source.stem}.xml"
        convert_file(source, output, config_path=REPO / "tei" / "edition.toml")
        outputs.append(output)
    code, errors = jing(*outputs)
    assert code == 0, errors


# ------------------------------------------------------------------ generated transcriptions

WORD = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1,
               max_size=10)
PUNCT = st.sampled_from([",", ".", ";", ":", "!", "?", " –", "’s", "(sic)", "(!)"])


@st.composite
def inline(draw, depth: int = 0) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["word", "word", "word", "punct", "quote", "bracket",
                                     "ellipsis", "mojibake", "nested"]))
        if kind == "word":
            pieces.append(draw(WORD))
        elif kind == "punct":
            pieces.append(draw(WORD) + draw(PUNCT))
        elif kind == "quote":
            pieces.append("“" + draw(inline(depth + 1)) + "”")
        elif kind == "nested":
            pieces.append("“" + draw(WORD) + " ‘" + draw(WORD) + "’ " + draw(WORD) + "”")
        elif kind == "bracket":
            signed = draw(st.booleans())
            pieces.append("[" + draw(WORD) + (" – Ed." if signed else "") + "]")
        elif kind == "ellipsis":
            pieces.append(draw(st.sampled_from(["...", "…", ". . .", "[illegible]",
                                                "[three words illegible]"])))
        else:
            pieces.append("fa├žade")
    return " ".join(pieces)


@st.composite
def transcription(draw) -> str:
    blocks = []
    if draw(st.booleans()):
        blocks += ["Some Author", "A Title of the Work",
                   "Written: 1917.\nSource: " + draw(WORD) + ", No. 4, April 1948, p. 1–2."]
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "p", "p", "heading", "quotation"]))
        if kind == "heading":
            blocks.append(draw(WORD).capitalize() + " " + draw(WORD).capitalize())
        elif kind == "quotation":
            blocks.append("“" + draw(inline()) + "”")
        else:
            blocks.append(draw(inline()) + ".")
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(transcription())
def test_generated_transcriptions_survive_conversion(text: str):
    conversion = convert_text(text, "generated", TextSettings(name="generated", editor="Ed."))
    assert comparable(read_back(conversion.tree.getroot())) == comparable(text)
    # the corrected reading differs exactly by the repairs the conversion recorded
    source = conversion.transcription.source
    for span in sorted((s for s in conversion.spans if s.concern == "encoding"),
                       key=lambda s: s.start + conversion.transcription.blocks[s.block].offset,
                       reverse=True):
        at = conversion.transcription.blocks[span.block].offset + span.start
        source = source[:at] + span.content[1].text + source[at + span.end - span.start:]
    repaired = source
    corrected = comparable(read_back(conversion.tree.getroot(), corrected=True))
    assert corrected == comparable(repaired)
    assert "fa├žade" not in corrected


# the shapes of the family's blocks, to be arranged in any order: headings and their further
# lines, breaks, lists, letters' parts, speeches' openings and stage directions, notes sections
# and markers, the quotations that run over paragraphs, indented quotations, verse (after a
# colon, set in, in stanzas) and the short lines that are not verse, editors' brackets and dual
# dates
FAMILY_BLOCKS = [
    "CHAPTER I", "The Scene Has Changed", "II", "§ 2. Nine Days", "* * *", "⁂",
    "1. The first point;\n2. The second point;\n3. The third.", "- bread\n- peace",
    "(a) one\n(b) two", "The workers [of Petrograd] rose on October 25 [November 7], 1917.",
    "Trotsky said: “We are not afraid of the bourgeoisie.",
    "“Those who leave us leave the revolution!”",
    "    An indented quotation of some length, set in from the text.", "Dear Comrades,",
    "Yours fraternally,", "A. Kollontai", "Moscow, 8 March 1920", "P.S. Send me the reports.",
    "Notes:", "1. A note on the text.", "[1] Another note.", "The vote was taken.¹ Then [1].",
    "[Translator's note: drafted by Lenin.]", "Comrades!",
    "In the spring of 1917 the Soviet met at the Tauride Palace.", "N.B. Read this twice.",
    "«Vive la Commune!» cried the crowd.", "He said: \"We shall return,\" and left.",
    "– Yes, he said.\n– No, said she.", "THE CLASS CHARACTER OF THE REVOLUTION",
    "Take the lines of Blok:", "In the wind, in the snow,\nTwelve men go,\nAnd fire, fire, fire.",
    "    We are the smiths of the iron hour,\n    We beat the hammer, we forge the power.",
    "    1913    287\n    1920     41", "(Prolonged applause.)",
    "We shall win! (Stormy applause. Cries of “Hurrah!”) The rest (see below) follows.",
    "(Voices: \"No!\") [The speaker resumed – Ed.] (Laughter.)",
    "Question: What is the position of the party?", "Answer: The party will act [at once].¹",
    "Q. And the Social Democrats?", "A. They will follow.", "A. Soon.",
    "TROTSKY: There will be a strike.",
    "The old price.* The new one.†", "* The price fixed in 1921.", "† The prices of the market.",
    "“Theory becomes a material force.”\n– Karl Marx", "— Lenin, 1902",
    "Q: How long have you worked in the pit?\nA: Since I was twelve,\nat Barnsley.",
    "The lines were cut. [Page 55] The engines |56| stood [p. xiv] still.", "[Page 57]",
    "On behalf of the Executive Committee:", "V. Ulyanov (Lenin)", "Appendix: The Resolution",
    "The congress met in March.[1]", "Table of Contents:", "CHAPTER I\nII .... 4", "P. V.",
    "The Strike Committee of the Tramwaymen", "We won! [Loud cheers.] (Renewed laughter.)",
    "Annie", "Saint-Étienne, le 16 mars 1906", "Ils ont reçu 3 000 francs et 2,50 francs.",
    "They went to school [or the other way about]. ... Spinners earn 10s. 4d.",
    "Q.: And the unions?", "A.: They did not.",
    "MARGARET DUNN (Leeds Weavers): I move it. (Hear, hear.)", "CHAIRMAN: Carried. (Applause.)",
    "The word is that [illegible] has been [two words illegible] arrested.",
    "In his pamphlet “The State and Revolution” he answered them.",
    "Editor’s Note: The author was arrested in 1920.", "PART TWO", "Chapter 3: The Split",
    "The Amsterdam Bureau:\nHerman Gorter\nAnton Pannekoek",
    "N. Sukhanov, Notes on the Revolution, Vols. I–III. Berlin: Grzhebin, 1922.",
    "February 23 – The women strike.\nJuly 3–5 – The July Days.",
    "Dates before 1 February 1918 are given in the Old Style.",
    "In the name of the Russian Republic,",
    "Chairman of the Council: V. Ulyanov (Lenin)\nSecretary: N. Gorbunov", "Glasgow, April 14."]
FAMILY_HEADS = [
    "Lenin\n\nOn Tasks\n\nWritten: 1917\nSource: Pravda, No. 3, 1917.\nTranslated: A. B.",
    "On Tasks\n\nDelivered: November 22 (December 5), 1917",
    "Lenin\n\nOn Tasks\n\nPart One\n\nChapter 1\n\nDate: 1893\nTranscribed/HTML Markup: X Y",
    "On Tasks", "Marxists Internet Archive > Lenin > 1917\n\nOn Tasks\n\nWritten: 1917",
    "V. I. Lenin\n\nOn Tasks\n\nWritten: Summer 1918\nFirst Published: 1926 in Russian\n"
    "Transcription\\Markup: R. Cymbala\n\n[Editorial Note: Drafted in haste. – N. F.]",
    "V. I. Lenin\nOn Tasks\n\nWritten: 1917"]
# the web page's chrome after the text: its navigation and when it was last updated, on lines
# of their own or right under the last one of the text
FAMILY_TAILS = [
    "", "\n\nTop of the page", "\nTop of the page",
    "\n\nNext: Chapter 4 | Contents | Top of the page\n\nLast updated on: 12.3.2009",
    "\n\n<< Previous | Next >>\nBack to the Trotsky Internet Archive\n\nLenin Works Archive | 1917"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FAMILY_HEADS), st.lists(st.sampled_from(FAMILY_BLOCKS), min_size=1,
                                              max_size=9),
       st.sampled_from(["t", "ed", "lenin"]), st.sampled_from(FAMILY_TAILS))
@example(FAMILY_HEADS[0], ["Question: What is the position of the party?",
                           "Answer: The party will act [at once].¹", "Q. And the Social Democrats?",
                           "A. They will follow.", "Notes:", "1. A note on the text."], "t",
         FAMILY_TAILS[-1])
@example(FAMILY_HEADS[1], ["“Theory becomes a material force.”\n– Karl Marx", "II",
                           "“Those who leave us leave the revolution!”", "— Lenin, 1902",
                           "Comrades!"], "t", "")
@example(FAMILY_HEADS[-1], ["The old price.* The new one.†", "CHAPTER I", "Dear Comrades,",
                            "* The price fixed in 1921.", "† The prices of the market."], "ed",
         FAMILY_TAILS[2])
@example(FAMILY_HEADS[0], ["Table of Contents:", "CHAPTER I\nII .... 4", "CHAPTER I",
                          "The vote was taken.¹ Then [1].", "II", "Notes:",
                          "1. A note on the text.", "Appendix: The Resolution",
                          "The congress met in March.[1]"], "t", "")
@example(FAMILY_HEADS[0], ["Moscow, 8 March 1920", "CHAPTER I", "CHAPTER I"], "t", "")
@example(FAMILY_HEADS[0], ["Comrades!", "[Page 57]", "N.B. Read this twice."], "t", "")
@example(FAMILY_HEADS[0], ["Comrades!", "* * *", "CHAPTER I", "Annie"], "t", "")
@example("On Tasks", ["PART TWO", "CHAPTER I", "CHAPTER I"], "t", "")
@example(FAMILY_HEADS[0], ["Editor’s Note: The author was arrested in 1920."], "t",
         "\nTop of the page")
@example(FAMILY_HEADS[0], ["CHAPTER I", "Notes:", "* The price fixed in 1921.", "CHAPTER I",
                          "Notes:", "* * *"], "t", "")
@example(FAMILY_HEADS[0], ["CHAPTER I", "Notes:", "* The price fixed in 1921.", "CHAPTER I",
                          "Notes:", "* The price fixed in 1921."], "t", "")
@example(FAMILY_HEADS[0], ["[Page 57]", "Saint-Étienne, le 16 mars 1906"], "t", "")
@example(FAMILY_HEADS[0], ["Moscow, 8 March 1920",
                          "“Theory becomes a material force.”\n– Karl Marx", "* * *"], "t", "")
@example(FAMILY_HEADS[0], ["CHAPTER I", "Notes:", "* The price fixed in 1921.",
                          "Moscow, 8 March 1920", "* * *"], "t", "")
def test_any_arrangement_of_the_familys_blocks_is_valid_and_lossless(
        head: str, blocks: list[str], name: str, tail: str) -> None:
    from teikit.validate import check_documents

    text = "\n\n".join([head, *blocks]) + tail + "\n"
    conversion = convert_text(text, name, TextSettings(name=name))
    assert comparable(read_back(conversion.tree.getroot())) == comparable(text)
    # the web page's navigation is never the text's: each line of it is forme work of its own
    trail = [line for line in head.split("\n")[:1] if " > " in line]
    navigation = [line for line in tail.split("\n") if line and not line.startswith("Last")]
    assert [fw.text for fw in conversion.tree.iter(f"{{{TEI_NS}}}fw")] == trail + navigation
    data = etree.tostring(conversion.tree, encoding="utf-8", xml_declaration=True)
    report = check_documents([(f"{name}.xml", data)], ("edition",))
    assert [p for p in report.problems if p.severity == "error"] == []


@pytest.mark.parametrize("text", [
    "A Title\n\nSource: The Herald, No. 2, 1905.\n\nThe strike began.\n\nNotes\n\n"
    "The figures are incomplete.\n\nThe second note.\n",
    "A Title\n\nSource: The Herald, No. 2, 1905.\n\nThe strike began.\n\nNotes\n\n"
    "1. A note whose marker the text lacks.\n",
], ids=["notes-without-markers", "labelled-note-without-marker"])
def test_notes_without_markers_are_kept_in_the_back_and_valid(text: str, tmp_path: Path):
    from teikit.validate import check_files

    conversion = convert_text(text, "t", TextSettings(name="t"))
    root = conversion.tree.getroot()
    assert comparable(read_back(root)) == comparable(text)
    notes = root.xpath("//t:back/t:div[@type='notes']", namespaces={"t": TEI_NS})
    assert len(notes) == 1
    output = tmp_path / "t.xml"
    output.write_bytes(etree.tostring(conversion.tree, encoding="utf-8"))
    assert [str(p) for p in check_files([output], ["edition", "tei_all"]).problems
            if p.severity == "error"] == []


@pytest.mark.parametrize("text", [
    # an unlabelled paragraph opens the "Notes" part, labelled notes follow: no notes section
    "A Title\n\nWritten: 1917\n\nThe strike began.[1]\n\nNotes:\n\n“Quoted whole.”\n\n"
    "[1] The note.\n",
    # a note marked twice, by a superscript and by brackets
    "A Title\n\nWritten: 1917\n\nThe vote was taken.¹ Then [1] came.\n\nNotes\n\n[1] The note.\n",
    # notes numbered again, and labelled in two styles
    "A Title\n\nWritten: 1917\n\nThe strike.[1]\n\nNotes\n\n[1] The first.\n\n1. The second.\n",
    # markers inside the notes section are the notes' text
    "A Title\n\nWritten: 1917\n\nThe strike.[1]\n\nNotes\n\n1. The note.\n\nSee [1] and ¹ above.\n",
], ids=["unlabelled-first", "marked-twice", "numbered-again", "markers-in-notes"])
def test_the_notes_of_a_text_keep_every_word_whatever_their_numbering(text: str) -> None:
    from teikit.validate import check_documents

    conversion = convert_text(text, "t", TextSettings(name="t"))
    assert comparable(read_back(conversion.tree.getroot())) == comparable(text)
    data = etree.tostring(conversion.tree, encoding="utf-8", xml_declaration=True)
    report = check_documents([("t.xml", data)], ("edition",))
    assert [p for p in report.problems if p.severity == "error"] == []
