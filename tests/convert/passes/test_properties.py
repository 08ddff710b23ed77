"""Whatever the text, the passes propose spans inside it and the edition reads back losslessly."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from teikit.config import TextSettings
from teikit.convert import convert_transcription
from teikit.convert.conventions import QUOTE_MARKS
from teikit.convert.ingest import ingest_text
from teikit.convert.passes import dates, entities, quotes
from teikit.convert.readback import comparable, read_back
from tests.conftest import REPO
from tests.convert.passes.conftest import make_doc

REGISTER = REPO / "tei" / "register.xml"
FRAGMENTS = ["Lenin", "Lenin’s", "Lenin-Trotsky", "Central Committee", "Dan Eastman", "Dan",
             "the S-Rs", "Left S-Rs", "cadets", "Cadets", "October 27", "November 10, New Style",
             "(", ")", "October 28 (November 10, New Style)", "1925–1928", "p. 123–126", "May",
             "“", "”", "‘", "’", "'", '"', "...", "[S-Rs]", "[the Congress – Ed.]", ",", ".", ":",
             "said Dan", "he wrote", "the", "workers’", "People’s", "Pravda", "July Days", "2018",
             "in 1917", "«", "»", "the 28th day of October", "Municipal Duma", "Moscow"]
paragraph = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=1, max_size=3))
def test_spans_stay_inside_their_blocks_and_keep_delimiters_as_marks(texts: list[str]) -> None:
    from teikit.register.entries import load_register

    register = load_register(REGISTER)
    doc = make_doc(*texts)
    spans = quotes.run(doc, (), quotes.QuoteOptions(register)).spans
    spans += dates.run(doc, spans, dates.DateOptions(1917, "julian")).spans
    spans += entities.run(doc, spans, entities.EntityOptions(register)).spans
    marks = {mark for pair in QUOTE_MARKS.values() for mark in pair}
    for span in spans:
        if span.tag is None:
            continue
        text = doc.blocks[span.block].text
        assert 0 <= span.start < span.end <= len(text)
        if span.open_len:
            assert text[span.start:span.start + span.open_len] in marks
            assert text[span.end - span.close_len:span.end] in marks


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=1, max_size=3))
@example([", Lenin"])     # a last line opening with a comma: no signer's function before it
def test_converted_text_reads_back_to_the_source(texts: list[str]) -> None:
    source = "Victor Serge\n\nA Title\n\n" + "\n\n".join(texts) + "\n"
    doc = ingest_text(source, "prop")
    conversion = convert_transcription(
        doc, TextSettings(name="prop", register_path=REGISTER, year=1917, calendar="julian"))
    assert comparable(read_back(conversion.tree.getroot())) == comparable(source)
