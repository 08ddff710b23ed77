"""A TEI file edited by hand, or not written by teikit, is never overwritten without --force;
--force keeps a backup first; the build goes on with the other texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from teikit.cli import main
from teikit.convert import convert_file
from teikit.errors import EditedTeiError
from teikit.fingerprint import Origin, origin
from tests.conftest import TRANSCRIPTIONS
from tests.corrections.conftest import seed_folder

NAME = "serge-year-one-2"


@pytest.fixture
def generated(tmp_path: Path) -> Path:
    tei = seed_folder(tmp_path)
    output = tei / f"{NAME}.xml"
    convert_file(tei / "sources" / f"{NAME}.txt", output, config_path=tei / "edition.toml")
    return output


def convert(output: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["convert", str(output.parent / "sources" / f"{NAME}.txt"),
                                       "-o", str(output), *extra])
    return result.exit_code, result.output


def test_a_generated_file_is_recognised_and_may_be_replaced(generated: Path) -> None:
    assert origin(generated) is Origin.GENERATED
    assert generated.read_text("utf-8").count('<?teikit fingerprint="sha256:') == 1
    assert convert(generated) == (0, f"wrote {generated}\n")


def test_the_fingerprint_ignores_spelling_but_not_edits(generated: Path) -> None:
    data = generated.read_text("utf-8")
    # the same document spelt otherwise: another XML declaration, a character reference
    generated.write_text(data.replace("<?xml version='1.0' encoding='UTF-8'?>",
                                      '<?xml version="1.0" encoding="utf-8"?>')
                         .replace("People’s", "People&#x2019;s", 1), "utf-8")
    assert origin(generated) is Origin.GENERATED
    generated.write_text(data.replace("People’s", "Peoples", 1), "utf-8")
    assert origin(generated) is Origin.EDITED


def test_a_fingerprint_of_an_earlier_teikit_is_still_recognised(generated: Path) -> None:
    # earlier versions wrote the digest of the Canonical XML 2.0 form, naming no form
    import hashlib
    import re

    from lxml import etree

    data = generated.read_text("utf-8")
    instruction = re.search(r"<\?teikit [^?]*\?>\n?", data)
    assert instruction is not None and 'canonical="c14n-1.0"' in instruction.group()
    unstamped = data.replace(instruction.group(), "")
    value = hashlib.sha256(etree.tostring(etree.ElementTree(etree.fromstring(
        unstamped.encode("utf-8"))), method="c14n2")).hexdigest()
    earlier = unstamped.replace("?>\n<TEI", f'?>\n<?teikit fingerprint="sha256:{value}"?>\n<TEI', 1)
    generated.write_text(earlier, "utf-8")
    assert origin(generated) is Origin.GENERATED
    generated.write_text(earlier.replace("People’s", "Peoples", 1), "utf-8")
    assert origin(generated) is Origin.EDITED


def test_an_edited_file_is_not_overwritten(generated: Path) -> None:
    edited = generated.read_text("utf-8").replace('ref="#trotsky"', 'ref="#lenin"', 1)
    generated.write_text(edited, "utf-8")
    code, output = convert(generated)
    assert code == 1
    assert f"{generated}: edited since teikit wrote it; not overwritten" in output
    assert f"teikit corrections absorb {generated}" in output and "--force" in output
    assert generated.read_text("utf-8") == edited


def test_force_keeps_a_backup_and_never_overwrites_one(generated: Path) -> None:
    edited = generated.read_text("utf-8").replace('ref="#trotsky"', 'ref="#lenin"', 1)
    generated.write_text(edited, "utf-8")
    code, output = convert(generated, "--force")
    assert code == 0, output
    backup = generated.with_name(f"{NAME}.xml.bak")
    assert f"kept the replaced file as {backup}" in output
    assert backup.read_text("utf-8") == edited
    assert origin(generated) is Origin.GENERATED
    generated.write_text(edited.replace("#lenin", "#kerensky"), "utf-8")
    assert convert(generated, "--force")[0] == 0
    assert backup.read_text("utf-8") == edited
    assert "#kerensky" in generated.with_name(f"{NAME}.xml.bak.1").read_text("utf-8")


@pytest.mark.parametrize("content", ["<TEI xmlns='http://www.tei-c.org/ns/1.0'/>",
                                     "not XML at all", ""])
def test_a_file_without_fingerprint_is_never_overwritten(generated: Path, content: str) -> None:
    generated.write_text(content, "utf-8")
    with pytest.raises(EditedTeiError, match="not written by teikit"):
        convert_file(generated.parent / "sources" / f"{NAME}.txt", generated,
                     config_path=generated.parent / "edition.toml")
    code, output = convert(generated)
    assert code == 1 and "no fingerprint" in output
    assert generated.read_text("utf-8") == content


def test_the_build_keeps_an_edited_file_and_builds_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "edition"
    (folder / "sources").mkdir(parents=True)
    for name in ("volkova-letter", "marchal-printers-strike"):
        shutil.copy(TRANSCRIPTIONS / f"{name}.txt", folder / "sources")
    (folder / "edition.toml").write_text(
        '[edition]\ndate = "2026-01-01"\nsources = "sources"\noutput = "."\nsite = "site"\n',
        encoding="utf-8")
    for name in ("volkova-letter", "marchal-printers-strike"):
        convert_file(folder / "sources" / f"{name}.txt", folder / f"{name}.xml",
                     config_path=folder / "edition.toml")
    letter = folder / "volkova-letter.xml"
    edited = letter.read_text("utf-8").replace("</body>", "</body>\n", 1)
    letter.write_text(edited, "utf-8")

    result = CliRunner().invoke(main, ["build", "--config", str(folder / "edition.toml")])
    assert result.exit_code == 1
    assert f"kept {letter}: {letter}: edited since teikit wrote it" in result.output
    assert "1 TEI file not rebuilt" in result.output
    assert letter.read_text("utf-8") == edited
    assert "converted" in result.output and "marchal-printers-strike.xml" in result.output
    assert (folder / "site" / "marchal-printers-strike.html").is_file()
    assert (folder / "site" / "marchal-printers-strike.pdf").read_bytes().startswith(b"%PDF")
    assert not (folder / "site" / "volkova-letter.html").exists()


def test_a_fingerprint_of_an_unknown_canonical_form_is_no_fingerprint(generated: Path) -> None:
    data = generated.read_text("utf-8")
    generated.write_text(data.replace('canonical="c14n-1.0"', 'canonical="c14n-9.9"', 1), "utf-8")
    assert origin(generated) is Origin.UNKNOWN
