"""Every pass is a function of (document, earlier spans, options): nothing survives a run."""

from __future__ import annotations

import dataclasses

import pytest

from teikit.config import TextSettings
from teikit.convert.passes import PASSES, run_passes
from teikit.register.entries import load_register
from tests.conftest import REPO
from tests.convert.passes.conftest import make_doc

SETTINGS = TextSettings(name="t", register_path=REPO / "tei" / "register.xml", year=None,
                        calendar="julian")
TEXTS = ("Lenin said on October 27 (November 9, New Style): “We shall now proceed … to build.”",
         "On 3 May he wrote [the Left S-Rs – Ed.] to Pravda ... and left.",
         "An extra ” here, and fa├žade.")


@pytest.fixture(scope="module")
def register():  # type: ignore[no-untyped-def]
    return load_register(SETTINGS.register_path)  # type: ignore[arg-type]


def test_the_sequence_names_each_concern_once() -> None:
    concerns = [p.concern for p in PASSES]
    assert concerns == ["encoding", "pages", "quotes", "editorial", "stage", "dates", "money",
                        "entities"]


@pytest.mark.parametrize("markup_pass", PASSES, ids=lambda p: p.concern)
def test_options_are_frozen_dataclasses(markup_pass, register) -> None:  # type: ignore[no-untyped-def]
    options = markup_pass.options_class.from_settings(SETTINGS, register)
    assert dataclasses.is_dataclass(options)
    fields = dataclasses.fields(options)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(options, fields[0].name if fields else "anything", None)


@pytest.mark.parametrize("markup_pass", PASSES, ids=lambda p: p.concern)
def test_a_second_run_finds_exactly_what_the_first_did(markup_pass, register) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(*TEXTS)
    first = markup_pass.run_with(doc, (), SETTINGS, register)
    other = make_doc("Nothing here, on 5 June.")
    markup_pass.run_with(other, (), SETTINGS, register)
    assert markup_pass.run_with(doc, (), SETTINGS, register) == first


def test_warnings_come_back_with_the_spans_not_on_the_pass(register) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(*TEXTS)
    result = run_passes(doc, SETTINGS, register)
    assert any("unbalanced quotation mark '”'" in w for w in result.warnings)
    assert any("without a year" in w for w in result.warnings)
    assert run_passes(doc, SETTINGS, register) == result
    assert {s.concern for s in result.spans} >= {"encoding", "quotes", "editorial", "dates",
                                                  "entities"}
