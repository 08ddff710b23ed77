"""Texts the passes were not written for: the further transcriptions, with their own registers."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.cli import main
from teikit.config import TextSettings
from teikit.convert import convert_transcription
from teikit.convert.ingest import ingest_file, ingest_text
from teikit.register.entries import load_register
from teikit.register.report import entities_report
from teikit.register.suggest import suggest_register
from teikit.xmlio import serialize_tei
from tests.conftest import FIXTURES

TEXTS = FIXTURES / "transcriptions"
TEI = "{http://www.tei-c.org/ns/1.0}"
NAMES = ["marchal-printers-strike", "volkova-letter"]

INFERRED = {"cert": "medium", "resp": "#teikit", "evidence": "internal"}


def convert(name: str, with_register: bool = True) -> etree._Element:
    doc = ingest_file(TEXTS / f"{name}.txt")
    register = TEXTS / f"{name}.register.xml" if with_register else None
    conversion = convert_transcription(doc, TextSettings(name=name, register_path=register))
    return etree.fromstring(serialize_tei(conversion.tree))


def marked(root: etree._Element, tag: str) -> list[tuple[str, dict[str, str]]]:
    text = root.find(f"{TEI}text")
    assert text is not None
    return [("".join(e.itertext()), dict(e.attrib)) for e in text.iter(f"{TEI}{tag}")]


def test_strike_article_gets_names_dates_and_quotations() -> None:
    root = convert("marchal-printers-strike")
    people = marked(root, "persName")
    assert ("Louis Garnier", {"ref": "#garnier"}) in people
    assert ("Garnier", {"ref": "#garnier"}) in people
    assert ("Bourse du Travail", {"ref": "#bourse-du-travail"}) in marked(root, "orgName")
    assert ("3 May 1906", {"when": "1906-05-03"}) in marked(root, "date")
    # the year from the text, inferred: so marked
    assert ("10 May", {"when": "1906-05-10", **INFERRED}) in marked(root, "date")
    speeches = marked(root, "q")
    assert [attrs["who"] for _, attrs in speeches] == ["#garnier", "#garnier"]
    assert ("freedom of the press", {"rend": "single"}) in marked(root, "soCalled")


def test_letter_gets_its_places_people_and_periodical() -> None:
    root = convert("volkova-letter")
    assert ("Golos Truda", {"level": "j", "ref": "#golos-truda"}) in marked(root, "title")
    places = {text for text, _ in marked(root, "placeName")}
    assert {"Moscow", "Kursk", "Belgorod", "Kharkov", "Donets Basin"} <= places
    assert ("Petrenko", {"ref": "#petrenko"}) in marked(root, "persName")
    assert ("2 March", {"when": "1921-03-02", **INFERRED}) in marked(root, "date")
    assert [text for text, _ in marked(root, "soCalled")] == ["arithmetic of hunger"]


@pytest.mark.parametrize("name", NAMES)
def test_every_pointer_resolves_and_only_used_entries_are_copied(name: str) -> None:
    root = convert(name)
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in root.iter()}
    text = root.find(f"{TEI}text")
    assert text is not None
    refs = {e.get(a)[1:] for e in text.iter() for a in ("ref", "who", "source")
            if (e.get(a) or "").startswith("#")}
    assert refs and refs <= ids
    stand_off = root.find(f"{TEI}standOff")
    assert stand_off is not None
    copied = {e.get("{http://www.w3.org/XML/1998/namespace}id")
              for e in stand_off.iter() if e.get("{http://www.w3.org/XML/1998/namespace}id")}
    assert copied == refs


@pytest.mark.parametrize("name", NAMES)
def test_suggest_finds_most_names_of_the_register(name: str) -> None:
    register = load_register(TEXTS / f"{name}.register.xml")
    _, entries = suggest_register(ingest_file(TEXTS / f"{name}.txt"))
    suggested = {form for entry in entries for form in entry.forms}
    found = [e for e in register.entries.values() if set(e.forms) & suggested]
    assert len(found) / len(register) >= 0.85, sorted(
        e.id for e in register.entries.values() if e not in found)
    kinds = {form: entry.kind for entry in entries for form in entry.forms}
    right = [e for e in found if any(kinds.get(f) is e.kind for f in e.forms)]
    assert len(right) / len(found) >= 0.75


@pytest.mark.parametrize("name", NAMES)
def test_without_a_register_names_are_tagged_as_unreviewed(name: str) -> None:
    root = convert(name, with_register=False)
    names = [attrs for tag in ("persName", "orgName", "placeName")
             for _, attrs in marked(root, tag)]
    assert len(names) >= 5
    assert all(a.get("resp") == "#teikit" and a.get("cert") and "ref" not in a for a in names)


def test_suggest_command_writes_a_register_that_loads(tmp_path: Path) -> None:
    output = tmp_path / "suggested.xml"
    result = CliRunner().invoke(main, ["entities", "suggest", str(TEXTS / "volkova-letter.txt"),
                                       "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "suggested entries" in result.output
    register = load_register(output)
    assert {"petrenko", "kharkov"} <= set(register.entries)


def test_report_command_lists_entities_with_counts_and_contexts(tmp_path: Path) -> None:
    path = tmp_path / "letter.xml"
    path.write_bytes(etree.tostring(convert("volkova-letter")))
    result = CliRunner().invoke(main, ["entities", "report", str(path)])
    assert result.exit_code == 0, result.output
    assert "#petrenko (person) Petrenko: 2" in result.output
    assert "[Petrenko]" in result.output
    assert "capitalised names the register does not know" in result.output


def test_report_command_fails_with_one_line_on_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["entities", "report", str(tmp_path / "nope.xml")])
    assert result.exit_code != 0
    assert result.output.count("\n") == 1 and "no such file" in result.output


def test_report_lists_undecided_mentions_for_review(tmp_path: Path) -> None:
    source = ("Victor Serge\n\nA Title\n\nThe Central Committee met in Moscow.\n\n"
              "Lenin spoke.\n")
    doc = ingest_text(source, "review")
    register = FIXTURES.parent.parent / "tei" / "register.xml"
    conversion = convert_transcription(doc, TextSettings(name="review", register_path=register))
    path = tmp_path / "review.xml"
    path.write_bytes(serialize_tei(conversion.tree))
    report = entities_report(path)
    assert [(hit.surface, hit.kind) for hit in report.ambiguous] == [("Central Committee", "org")]
    counts = {use.id: use.count for use in report.entities}
    assert counts["moscow"] == counts["lenin"] == 1
