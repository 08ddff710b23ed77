"""The edition schema admits exactly the @rend tokens the converter writes: its value lists are
the keys of the tables in src/teikit/convert/conventions.py (the stylesheets get the tables
themselves as a parameter, see tests/render_html/test_common_xsl.py)."""

from __future__ import annotations

from lxml import etree

from teikit.convert.conventions import (
    BRACKETS_REND,
    NOTE_LABELS,
    PAGE_MARKS,
    QUOTE_MARKS,
    SIGNATURE_DASHES,
    SIGNATURES,
    STAGE_MARKS,
    SUPERSCRIPT_REND,
)
from teikit.convert.directions import DIRECTIONS
from teikit.resources import schema_path

XS = "http://www.w3.org/2001/XMLSchema"


def enumeration(type_name: str) -> set[str]:
    schema = etree.parse(str(schema_path("edition.xsd")))
    values = schema.xpath(f"//xs:simpleType[@name = '{type_name}']//xs:enumeration/@value",
                          namespaces={"xs": XS})
    assert values, f"no simpleType {type_name} in edition.xsd"
    return {str(v) for v in values}


def test_quotation_rend_tokens_are_the_keys_of_quote_marks() -> None:
    assert enumeration("quoteRend") == set(QUOTE_MARKS)


def test_note_rend_tokens_hold_every_signature_and_dash_token() -> None:
    tokens = {BRACKETS_REND, SUPERSCRIPT_REND, *NOTE_LABELS, *SIGNATURES, *SIGNATURE_DASHES}
    assert tokens <= enumeration("noteRendToken")


def test_stage_rend_tokens_are_the_keys_of_stage_marks() -> None:
    assert enumeration("stageRend") == set(STAGE_MARKS)


def test_page_rend_tokens_are_the_keys_of_page_marks() -> None:
    assert enumeration("pageRend") == set(PAGE_MARKS)


def test_stage_types_are_the_kinds_of_the_directions_table() -> None:
    assert enumeration("stageType") == set(DIRECTIONS.values())
