"""The register: any TEI document with entity lists in standOff, back or sourceDesc."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from teikit.errors import InputError
from teikit.register.entries import (
    EntityKind,
    Entry,
    build_register,
    load_register,
    register_from_tree,
    register_lists,
)
from teikit.xmlio import serialize_tei
from tests.conftest import REPO, TEI_ALL_RNG

TEI_NS = "http://www.tei-c.org/ns/1.0"
LISTS = """
<listPerson>
  <person xml:id="lenin"><persName type="reg">Vladimir Lenin</persName><persName>Lenin</persName>
    <persName type="full">Vladimir Ilyich Lenin</persName>
    <idno type="wikidata">Q1394</idno><note>Bolshevik leader.</note></person>
</listPerson>
<listPlace><place xml:id="smolny"><placeName>Smolny</placeName></place></listPlace>
<listRelation><relation name="location" active="#lenin" passive="#smolny"/></listRelation>
"""


@pytest.mark.parametrize("wrapper", [
    "<standOff>{}</standOff>",
    "<text><back><div>{}</div></back></text>",
    "<teiHeader><fileDesc><sourceDesc>{}</sourceDesc></fileDesc></teiHeader>",
    # other projects: ACDH and TEI Publisher keep a register in a body of its own, letters
    # editions in the header's particDesc
    "<text><body>{}</body></text>",
    "<teiHeader><profileDesc><particDesc>{}</particDesc></profileDesc></teiHeader>",
])
def test_lists_are_read_from_anywhere_tei_allows_a_register(wrapper: str) -> None:
    tree = etree.fromstring(f'<TEI xmlns="{TEI_NS}">{wrapper.format(LISTS)}</TEI>')
    register = register_from_tree(tree)
    lenin = register.get("lenin")
    assert lenin is not None
    assert lenin.kind is EntityKind.PERSON
    assert lenin.name == "Vladimir Lenin"
    assert lenin.full_name == "Vladimir Ilyich Lenin"
    assert lenin.forms == ("Vladimir Lenin", "Lenin", "Vladimir Ilyich Lenin")
    assert lenin.idnos == (("wikidata", "Q1394"),)
    assert lenin.related == ("smolny",)
    assert register.forms()["Smolny"][0].id == "smolny"


def test_the_seed_register_loads_and_only_gives_verified_wikidata_ids() -> None:
    register = load_register(REPO / "tei" / "register.xml")
    assert len(register) > 100
    with_ids = {e.id for e in register.entries.values() if e.idnos}
    assert {"lenin", "trotsky", "moscow"} <= with_ids
    assert "kerensky" not in with_ids
    assert register.forms()["Central Committee"] and len(register.forms()["Central Committee"]) == 2


@pytest.mark.parametrize(("xml", "message"), [
    ('<TEI xmlns="x"/>', "not a TEI document"),
    (f'<TEI xmlns="{TEI_NS}"><text><body><p/></body></text></TEI>', "no standOff"),
    (f'<TEI xmlns="{TEI_NS}"><standOff><listPerson><person xml:id="a"><persName>A</persName>'
     '</person><person xml:id="a"><persName>B</persName></person></listPerson></standOff></TEI>',
     "xml:id 'a' is used more than once"),
])
def test_bad_registers_are_refused_with_one_line(xml: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "register.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_register(path)


def test_used_entries_become_standoff_lists_with_their_relations() -> None:
    register = load_register(REPO / "tei" / "register.xml")
    lists = register_lists(register, ["lenin", "bolsheviks", "moscow"])
    names = [etree.QName(e).localname for e in lists]
    assert names == ["listPerson", "listOrg", "listPlace", "listRelation"]
    relation = lists[-1][0]
    assert (relation.get("active"), relation.get("passive")) == ("#lenin", "#bolsheviks")


def test_built_register_round_trips_and_is_valid_tei(tmp_path: Path) -> None:
    entries = [Entry("krasnov", EntityKind.PERSON, ("Krasnov",), "Krasnov", note="General."),
               Entry("pravda", EntityKind.TITLE, ("Pravda",), "Pravda", level="j"),
               Entry("july-days", EntityKind.EVENT, ("July Days",), "July Days")]
    path = tmp_path / "register.xml"
    tree = build_register(entries, "Test register", comments={"krasnov": "seen -- twice"})
    path.write_bytes(serialize_tei(tree))
    register = load_register(path)
    assert [(e.id, e.kind, e.forms) for e in register.entries.values()] == [
        (e.id, e.kind, e.forms) for e in entries]
    assert register.get("pravda").level == "j"  # type: ignore[union-attr]
    if shutil.which("jing") and TEI_ALL_RNG.is_file():
        result = subprocess.run(["jing", str(TEI_ALL_RNG), str(path)], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stdout


def test_a_foreign_idno_subtype_survives_into_a_valid_edition(tmp_path: Path) -> None:
    from teikit.config import TextSettings
    from teikit.convert import convert_text
    from teikit.validate import check_files

    register = tmp_path / "register.xml"
    register.write_text(
        f'<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>'
        '<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>'
        '</teiHeader><text><body><listPerson><person xml:id="lenin">'
        '<persName>Lenin</persName><idno type="URL" subtype="pmb">https://pmb.acdh.oeaw.ac.at/'
        'entity/1</idno><idno type="gnd">118571869</idno></person></listPerson></body></text>'
        '</TEI>', encoding="utf-8")
    settings = TextSettings(name="note", register_path=register)
    conversion = convert_text("Lenin spoke.\n", "note", settings)
    tei = tmp_path / "note.xml"
    tei.write_bytes(serialize_tei(conversion.tree))
    person = next(conversion.tree.iter(f"{{{TEI_NS}}}person"))
    idnos = [(i.get("type"), i.get("subtype"), i.text) for i in person.iter(f"{{{TEI_NS}}}idno")]
    assert ("URL", "pmb", "https://pmb.acdh.oeaw.ac.at/entity/1") in idnos
    assert ("URI", "gnd", "https://d-nb.info/gnd/118571869") in idnos
    report = check_files([tei], ["edition"])
    assert report.exit_code == 0, [str(p) for p in report.problems]
