"""TEI → the formats archives ingest: Dublin Core, DataCite, the register as TEI/CSV/JSON, a JSON
of text and entities, CMIF for letters, and a BagIt package of the whole edition.

Every format is built from :mod:`.metadata` (what a TEI document says about itself) with lxml or
``json``; nothing here parses text or builds markup from strings.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from teikit.config import load_config
from teikit.errors import InputError


def edition_tei_files(config_path: Path) -> list[Path]:
    """The TEI files of the edition a config describes (``NAME.xml`` for every source)."""
    config = load_config(config_path)
    sources = sorted(config.sources_dir.glob("*.txt"))
    files = [config.output_dir / f"{source.stem}.xml" for source in sources]
    missing = [f for f in files if not f.is_file()]
    if not files:
        raise InputError(f"{config.sources_dir}: no *.txt sources")
    if missing:
        raise InputError(f"{missing[0]}: not built yet", hint="run `teikit build` first")
    return files


def write_dublin_core(files: Iterable[Path], folder: Path) -> list[Path]:
    from lxml import etree

    from teikit.export.dublin_core import dublin_core
    from teikit.export.metadata import metadata_of_file
    from teikit.xmlio import write_bytes_atomically

    written = []
    for file in files:
        record = dublin_core(metadata_of_file(file))
        data = etree.tostring(record, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        written.append(write_bytes_atomically(folder / f"{file.stem}.dc.xml", data, [file]))
    return written


def write_datacite(files: Iterable[Path], folder: Path) -> list[Path]:
    from teikit.export.datacite import datacite
    from teikit.export.metadata import metadata_of_file
    from teikit.xmlio import write_text_atomically

    written = []
    for file in files:
        record = datacite(metadata_of_file(file))
        text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        written.append(write_text_atomically(folder / f"{file.stem}.datacite.json", text, [file]))
    return written


def write_register_files(files: list[Path], folder: Path, title: str) -> list[Path]:
    """register.xml (TEI), register.csv, register.json of the entries ``files`` mention."""
    from lxml import etree

    from teikit.export.metadata import metadata_of_file
    from teikit.export.package import merged_register
    from teikit.export.register_files import register_csv, register_json, register_tei
    from teikit.xmlio import write_bytes_atomically, write_text_atomically

    register, mentions = merged_register(metadata_of_file(f) for f in files)
    tree = register_tei(register, title, mentions)
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return [
        write_bytes_atomically(folder / "register.xml", data, files),
        write_text_atomically(folder / "register.csv", register_csv(register, mentions), files),
        write_text_atomically(folder / "register.json", register_json(register, mentions), files),
    ]
