"""Convert a plain-text transcription into a TEI P5 document.

    ingest (blocks) → markup passes (spans) → assemble + weave (TEI) → register → write
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.config import TextSettings, find_config, load_config
from teikit.convert.assemble import add_schema_models, assemble
from teikit.convert.correspondence import add_corresp_desc
from teikit.convert.ingest import ingest_file, ingest_text
from teikit.convert.model import Span, Transcription
from teikit.errors import OutputError
from teikit.resources import resource_dir
from teikit.tree import qname
from teikit.xmlio import check_not_an_input, serialize_tei, write_bytes_atomically


@dataclass
class Conversion:
    tree: etree._ElementTree
    transcription: Transcription
    spans: list[Span]
    warnings: list[str] = field(default_factory=list)
    output: Path | None = None


def convert_transcription(doc: Transcription, settings: TextSettings,
                          schema_href: str = "../schema") -> Conversion:
    """Run the passes over an ingested transcription and assemble the TEI."""
    # imported here: the passes read the register, whose modules import the converter's model
    from teikit.convert.passes import run_passes
    from teikit.register.entries import register_for

    found = run_passes(doc, settings, register_for(settings))
    spans = list(found.spans)
    assembly = assemble(doc, spans, settings)
    warnings = [*found.warnings, *assembly.warnings,
                *attach_register(assembly.root, spans, settings)]
    add_corresp_desc(assembly.root)
    tree = etree.ElementTree(assembly.root)
    add_schema_models(tree, schema_href)
    return Conversion(tree, doc, spans, warnings)


def convert_text(text: str, name: str = "text", settings: TextSettings | None = None) -> Conversion:
    """Convert a transcription given as a string (used by tests and other tools)."""
    return convert_transcription(ingest_text(text, name), settings or TextSettings(name=name))


def attach_register(root: etree._Element, spans: list[Span], settings: TextSettings) -> list[str]:
    """Copy the register entries the text points at into ``standOff``; return warnings.

    The ``standOff`` follows ``text``, so that every ``@ref``, ``@who`` and ``@source`` that
    names a register entry resolves inside the file, and tools that show a document in order
    (CETEIcean, the TEI Stylesheets' text output) show the text first.
    """
    from teikit.register.entries import pointers_used, register_for, register_lists

    register = register_for(settings)
    used = pointers_used(spans, register)
    if not used:
        return []
    lists = register_lists(register, used)
    stand_off = root.find(qname("standOff"))
    if stand_off is None:
        stand_off = root.makeelement(qname("standOff"))
        text = root.find(qname("text"))
        if text is not None:
            text.addnext(stand_off)
            stand_off.tail, text.tail = text.tail, text.tail
        else:
            root.append(stand_off)
    for list_element in lists:
        stand_off.append(list_element)
    etree.indent(stand_off, space="  ", level=1)
    return []


def convert_file(source: Path, output: Path | None = None, *, config_path: Path | None = None,
                 register_path: Path | None = None, encoding: str | None = None,
                 schema_href: str | None = None) -> Conversion:
    """Convert ``source`` and write the TEI atomically (never over the input).

    ``schema_href`` is where the ``<?xml-model?>`` instructions point; by default the project's
    ``schema/`` folder relative to the output."""
    source = Path(source)
    output = Path(output) if output is not None else source.with_suffix(".xml")
    check_not_an_input(output, [source])
    if output.exists() and output.is_dir():
        raise OutputError(f"{output}: is a directory", hint="give a file name with -o")
    config = load_config(config_path if config_path is not None else find_config(source))
    doc = ingest_file(source, encoding)
    settings = config.settings_for(doc.name, register_path)
    if schema_href is None:
        schema_href = os.path.relpath(resource_dir("schema"), output.resolve().parent)
    conversion = convert_transcription(doc, settings, schema_href=schema_href.replace(os.sep, "/"))
    conversion.output = write_bytes_atomically(output, serialize_tei(conversion.tree), [source])
    return conversion
