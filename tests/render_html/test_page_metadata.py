"""The reading page's head describes the text for harvesters: Dublin Core and schema.org."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from teikit.export.dublin_core import dublin_core_fields
from teikit.export.metadata import metadata_of_file
from teikit.render.html import html_string
from tests.conftest import REPO

SEED = REPO / "tei" / "serge-year-one-2.xml"
HOSTILE = '</script><script>alert(1)</script><img src=x onerror="alert(2)">'


def head_of(tei: Path | bytes) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html_string(tei)).find("head")


def json_ld(head: lxml.html.HtmlElement) -> dict[str, object]:
    (script,) = head.findall("script[@type='application/ld+json']")
    return json.loads(script.text)


@pytest.fixture(scope="module")
def seed_head() -> lxml.html.HtmlElement:
    return head_of(SEED)


def test_dublin_core_in_the_head_is_the_exported_record(
        seed_head: lxml.html.HtmlElement) -> None:
    shown = [(meta.get("name").removeprefix("DC."), meta.get("content"))
             for meta in seed_head.findall("meta") if meta.get("name", "").startswith("DC.")]
    assert shown == dublin_core_fields(metadata_of_file(SEED))
    assert ("creator", "Victor Serge") in shown
    assert seed_head.find("link[@rel='schema.DC']") is not None


def test_schema_org_names_the_work_its_author_and_whom_it_mentions(
        seed_head: lxml.html.HtmlElement) -> None:
    work = json_ld(seed_head)
    assert (work["@context"], work["@type"]) == ("https://schema.org", "CreativeWork")
    assert work["name"] == "Year One of the Russian Revolution"
    assert work["author"] == [{"@type": "Person", "name": "Victor Serge"}]
    mentions = {m["name"]: m for m in work["mentions"]}  # type: ignore[attr-defined]
    assert mentions["Vladimir Lenin"]["@type"] == "Person"
    assert any(uri.startswith("https://www.wikidata.org/entity/Q")
               for uri in mentions["Vladimir Lenin"].get("sameAs", []))


def test_a_hostile_title_stays_data_in_the_head() -> None:
    tei = SEED.read_bytes().replace(b"Year One of the Russian Revolution</title>",
                                    HOSTILE.replace("<", "&lt;").encode() + b"</title>", 1)
    assert HOSTILE.replace("<", "&lt;").encode() in tei
    page = lxml.html.document_fromstring(html_string(tei))
    scripts = page.findall(".//script")
    assert [s.get("type") or s.get("src") for s in scripts] == [
        "application/ld+json", "assets/edition.js"]
    assert page.find(".//img[@onerror]") is None
    assert json_ld(page.find("head"))["name"] == HOSTILE
