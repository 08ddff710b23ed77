"""A TEI file rendered to HTML and then to XSL-FO is parsed once; a file that changed is parsed
again, however quickly it changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teikit import xmlio
from teikit.render.fo import fo_string
from teikit.render.html import html_string
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "tei" / "sample-edition.xml"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = xmlio.parse_xml_bytes

    def counting(data: bytes, name: str = "<input>") -> object:
        seen.append(name)
        return real(data, name)

    monkeypatch.setattr(xmlio, "parse_xml_bytes", counting)
    return seen


def test_the_html_and_the_fo_of_a_file_parse_it_once(tmp_path: Path, parses: list[str]) -> None:
    tei = tmp_path / "text.xml"
    shutil.copy(SAMPLE, tei)
    html_string(tei)
    fo_string(tei)
    assert parses.count(str(tei)) == 1


def test_a_file_rewritten_at_once_with_as_many_bytes_is_read_anew(tmp_path: Path,
                                                                   parses: list[str]) -> None:
    tei = tmp_path / "text.xml"
    text = SAMPLE.read_text(encoding="utf-8")
    marker = "Trotsky"
    assert marker in text
    tei.write_text(text, encoding="utf-8")
    before = html_string(tei)
    tei.write_text(text.replace(marker, "Trotzki"), encoding="utf-8")   # same size, same inode
    after = html_string(tei)
    assert "Trotzki" in after and "Trotzki" not in before
    assert parses.count(str(tei)) == 2
