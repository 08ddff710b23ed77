"""The edition as one BagIt bag (RFC 8493) an archive can ingest and check: the TEI, the schema
files the TEI names, the register (TEI, CSV, JSON), the metadata of every text (Dublin Core,
DataCite) and of the deposit (``.zenodo.json``), and the rendered site when it has been built.

The bag is assembled in a temporary folder next to the target and moved into place only after
``bagit`` has validated it, so a failed export never leaves half a bag behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.errors import InputError, OutputError
from teikit.export.datacite import datacite, zenodo
from teikit.export.dublin_core import dublin_core
from teikit.export.metadata import TextMetadata, read_metadata
from teikit.export.register_files import register_csv, register_json, register_tei
from teikit.register import Entry, Register
from teikit.resources import schema_path
from teikit.xmlio import parse_xml_file

# what a TEI file needs to be checked where it lands: the schemas its xml-model names
SCHEMA_FILES = ("edition.xsd", "edition.sch", "tei_all.rng", "TEI-LICENSE.md")
CHECKSUMS = ("sha256", "sha512")


@dataclass(frozen=True)
class Package:
    path: Path
    texts: int
    files: int


def _xml(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def merged_register(metadata: Iterable[TextMetadata]) -> tuple[Register, dict[str, int]]:
    entries: dict[str, Entry] = {}
    mentions: dict[str, int] = {}
    for meta in metadata:
        entries.update(meta.register.entries)
        for entry_id, count in meta.mentioned.items():
            mentions[entry_id] = mentions.get(entry_id, 0) + count
    return Register(entries), mentions


def _make_readable(folder: Path) -> None:
    """Folders and files as the umask allows (a temporary folder starts private)."""
    umask = os.umask(0)
    os.umask(umask)
    for path in [folder, *folder.rglob("*")]:
        path.chmod((0o777 if path.is_dir() else 0o666) & ~umask)


def write_package(tei_files: list[Path], target: Path, *, title: str, publisher: str,
                  site_dir: Path | None = None) -> Package:
    """Write a validated BagIt bag of the edition at ``target`` (which must not exist)."""
    import bagit

    if not tei_files:
        raise InputError("no TEI files to package")
    if target.exists():
        raise OutputError(f"{target}: already exists", hint="name a new folder for the package")
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        metadata = []
        (work / "tei").mkdir()
        (work / "metadata").mkdir()
        for tei in tei_files:
            tree = parse_xml_file(tei)
            meta = read_metadata(tree, tei.stem)
            metadata.append(meta)
            shutil.copyfile(tei, work / "tei" / tei.name)
            (work / "metadata" / f"{tei.stem}.dc.xml").write_bytes(_xml(dublin_core(meta)))
            (work / "metadata" / f"{tei.stem}.datacite.json").write_text(
                json.dumps(datacite(meta), ensure_ascii=False, indent=2) + "\n",
                encoding="utf-8")
        (work / "schema").mkdir()
        for name in SCHEMA_FILES:
            shutil.copyfile(schema_path(name), work / "schema" / name)
        register, mentions = merged_register(metadata)
        (work / "register").mkdir()
        (work / "register" / "register.xml").write_bytes(
            _xml(register_tei(register, f"Register of {title}", mentions)))
        (work / "register" / "register.csv").write_text(register_csv(register, mentions),
                                                        encoding="utf-8")
        (work / "register" / "register.json").write_text(register_json(register, mentions),
                                                         encoding="utf-8")
        (work / ".zenodo.json").write_text(
            json.dumps(zenodo(metadata, title, publisher), ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8")
        if site_dir is not None and site_dir.is_dir():
            shutil.copytree(site_dir, work / "site")
        bag = bagit.make_bag(str(work), {
            "Source-Organization": publisher or "teikit",
            "External-Description": f"TEI P5 edition: {title}",
            "Bag-Group-Identifier": title,
        }, checksums=list(CHECKSUMS))
        bag.validate()
        files = sum(1 for _ in bag.payload_files())
        _make_readable(work)
        work.rename(target)
    except bagit.BagError as error:
        shutil.rmtree(work, ignore_errors=True)
        raise OutputError(f"{target}: the bag did not validate: {error}") from None
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Package(target, len(tei_files), files)
