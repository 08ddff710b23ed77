"""Convert a plain-text transcription into a TEI P5 document.

    ingest (blocks) → markup passes (spans) → assemble + weave (TEI) → register → write
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.config import EditionConfig, TextSettings, find_config, load_config
from teikit.convert.assemble import add_schema_models, assemble
from teikit.convert.correspondence import add_corresp_desc
from teikit.convert.ingest import ingest_file, ingest_text
from teikit.convert.model import Span, Transcription
from teikit.errors import InvalidConversionError, OutputError
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
    data: bytes = b""


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


def prepare_conversion(source: Path, output: Path | None = None, *,
                       config_path: Path | None = None, register_path: Path | None = None,
                       encoding: str | None = None, schema_href: str | None = None,
                       config: EditionConfig | None = None) -> Conversion:
    """Convert ``source`` in memory (``.data`` holds the serialised TEI); nothing is written.

    Every input is checked first — the output path, the config, the register, the source — so a
    bad one fails before any work."""
    source = Path(source)
    output = Path(output) if output is not None else source.with_suffix(".xml")
    if config is None:
        config = load_config(config_path if config_path is not None else find_config(source))
    settings = config.settings_for(source.stem, register_path)
    check_not_an_input(output, [source, config.path, settings.register_path])
    if output.is_dir():
        raise OutputError(f"{output}: is a directory", hint="give a file name with -o")
    doc = ingest_file(source, encoding)
    if schema_href is None:
        schema_href = os.path.relpath(resource_dir("schema"), output.resolve().parent)
    conversion = convert_transcription(doc, settings, schema_href=schema_href.replace(os.sep, "/"))
    conversion.data = serialize_tei(conversion.tree)
    conversion.output = output
    return conversion


def check_conversions(conversions: list[Conversion], schemas: tuple[str, ...] = ("edition",)
                      ) -> list[str]:
    """Validate converted TEI in memory; raise :class:`InvalidConversionError` with the first
    problems when any is invalid, else return the report's lines (warnings, then the summary)."""
    from teikit.validate import check_documents

    report = check_documents([(str(c.output), c.data) for c in conversions], schemas)
    errors = [p for p in report.problems if p.severity == "error"]
    if errors:
        shown = "; ".join(str(p) for p in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        raise InvalidConversionError(
            f"the converted TEI is not valid, so nothing was written: {shown}{more}")
    return [str(p) for p in report.problems] + [report.summary()]


def convert_file(source: Path, output: Path | None = None, *, config_path: Path | None = None,
                 register_path: Path | None = None, encoding: str | None = None,
                 schema_href: str | None = None, validate: bool = True) -> Conversion:
    """Convert ``source``, check the TEI in memory against the edition schema and rules, and
    only then write it atomically (never over the input, the config or the register).

    ``schema_href`` is where the ``<?xml-model?>`` instructions point; by default the project's
    ``schema/`` folder relative to the output."""
    conversion = prepare_conversion(source, output, config_path=config_path,
                                    register_path=register_path, encoding=encoding,
                                    schema_href=schema_href)
    if validate:
        check_conversions([conversion])
    assert conversion.output is not None
    write_bytes_atomically(conversion.output, conversion.data, [Path(source)])
    return conversion
