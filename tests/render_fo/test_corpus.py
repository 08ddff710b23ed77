"""Foreign TEI (../shared/tei-corpus): every document yields sound XSL-FO, and FOP prints every
valid one without errors. Characters no installed font has (CJK, private use) are the only
warnings allowed: they are reported, and this edition's own texts must have none."""

from __future__ import annotations

import csv
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import TeikitError
from teikit.render.fo import fo_string
from teikit.render.pdf import PdfResult, render_pdf_report
from tests.conftest import CORPUS
from tests.render_fo.printing import NS, page_count, pdf_fonts, pdf_text


def manifest() -> list[dict[str, str]]:
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


ALL = [row["file"] for row in manifest()]
VALID = [row["file"] for row in manifest() if row["jing_tei_all"].startswith("valid")]

# Scripts DejaVu does not cover, and the private use area no font can be expected to cover.
UNCOVERED = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ue000-\uf8ff]")
FO_BLOCK_PARENTS = {"flow", "static-content", "table-body", "table-row", "list-block", "list-item",
                    "footnote-body", "table", "root", "page-sequence", "layout-master-set"}


@pytest.mark.parametrize("name", ALL)
def test_fo_is_sound(name: str) -> None:
    fo = etree.fromstring(fo_string(CORPUS / name).encode("utf-8"))
    ids = [e.get("id") for e in fo.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    references = {e.get(a) for e in fo.iter() for a in ("ref-id", "internal-destination")
                  if e.get(a)}
    assert references <= set(ids), f"unresolved: {sorted(references - set(ids))[:5]}"
    for element in fo.iter(f"{{{NS['fo']}}}*"):
        local = etree.QName(element).localname
        if local in FO_BLOCK_PARENTS:
            assert not (element.text or "").strip(), f"text directly in fo:{local}"
            assert all(not (child.tail or "").strip() for child in element), (
                f"text directly in fo:{local}")
    assert not fo.findall(".//fo:footnote//fo:footnote", NS)
    assert not fo.findall(".//fo:marker//fo:footnote", NS)


@pytest.fixture(scope="module")
def printed_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PdfResult | str]:
    """Every valid corpus document printed once, two at a time (one FOP run each: the exact
    index pass is tested on this edition's own texts)."""
    out = tmp_path_factory.mktemp("print-corpus")

    def render(name: str) -> PdfResult | str:
        try:
            return render_pdf_report(CORPUS / name, out / f"{Path(name).stem}.pdf",
                                     allow_missing_glyphs=True, exact_index=False)
        except TeikitError as error:
            return str(error)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(VALID, pool.map(render, VALID), strict=True))


@pytest.mark.slow
@pytest.mark.parametrize("name", VALID)
def test_valid_corpus_document_prints(name: str, printed_corpus: dict[str, PdfResult | str]
                                      ) -> None:
    result = printed_corpus[name]
    assert isinstance(result, PdfResult), result
    for warning in result.warnings:
        glyph = re.match(r'Glyph "(.)"', warning)
        assert glyph and UNCOVERED.match(glyph.group(1)), f"FOP: {warning}"
    assert page_count(result.pdf) >= 3
    assert all(font.embedded for font in pdf_fonts(result.pdf))
    assert pdf_text(result.pdf, 1, 1).strip(), "empty title page"
