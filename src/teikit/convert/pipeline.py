"""Convert a plain-text transcription into a TEI P5 document.

    ingest (blocks) → markup passes (spans) → assemble + weave (TEI) → register → write
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.config import EditionConfig, TextSettings, find_config, load_config
from teikit.convert.assemble import add_schema_models, assemble, keep_document_id_unique
from teikit.convert.correspondence import add_corresp_desc, add_signer_as_author
from teikit.convert.ingest import ingest_file, ingest_text
from teikit.convert.model import BlockKind, Span, Transcription
from teikit.errors import CorrectionError, InputError, InvalidConversionError, OutputError
from teikit.fingerprint import may_replace, stamp
from teikit.language import decide
from teikit.resources import resource_dir
from teikit.tree import qname
from teikit.xmlio import check_not_an_input, serialize_tei, write_bytes_atomically

if TYPE_CHECKING:
    from teikit.convert.corrections import Corrections
    from teikit.register.entries import Entry


@dataclass
class Conversion:
    tree: etree._ElementTree
    transcription: Transcription
    spans: list[Span]
    warnings: list[str] = field(default_factory=list)
    output: Path | None = None
    backup: Path | None = None     # where --force kept the file it replaced
    # the element each block became (by block index) and the corrections applied
    elements: dict[int, etree._Element] = field(default_factory=dict)
    corrections: Corrections | None = None
    data: bytes = b""


def convert_transcription(doc: Transcription, settings: TextSettings,
                          schema_href: str = "../schema",
                          corrections: Corrections | None = None) -> Conversion:
    """Run the passes over an ingested transcription, apply the editor's corrections and
    assemble the TEI.

    ``corrections`` default to the file ``settings.corrections_path`` names (if it exists)."""
    # imported here: the passes and the corrections read the register, whose modules import the
    # converter's model
    from teikit.convert.corrections import CONCERN as CORRECTIONS
    from teikit.convert.corrections import (
        apply_corrections,
        load_corrections,
        new_entries,
        record_corrections,
    )
    from teikit.convert.passes import run_passes
    from teikit.register.entries import register_for

    if corrections is None:
        corrections = load_corrections(settings.corrections_path)
    if not settings.language:
        settings = replace(settings, language=text_language(doc))
    found = run_passes(doc, settings, register_for(settings))
    doc, spans, applied = apply_corrections(doc, list(found.spans), corrections)
    assembly = assemble(doc, spans, settings)
    for span in assembly.dropped:
        if span.concern == CORRECTIONS:
            block = doc.blocks[span.block]
            raise CorrectionError(
                f"{corrections.path}: the correction tagging <{span.tag}> "
                f"“{block.text[span.inner[0]:span.inner[1]]}” (line {block.line}) crosses "
                "other mark-up", hint="tag a span that nests with the elements around it")
    record_corrections(assembly.root, corrections, applied, settings.publication_date)
    warnings = [*found.warnings, *assembly.warnings,
                *attach_register(assembly.root, spans, settings, new_entries(corrections))]
    add_signer_as_author(assembly.root)
    add_corresp_desc(assembly.root)
    keep_document_id_unique(assembly.root)
    tree = etree.ElementTree(assembly.root)
    add_schema_models(tree, schema_href)
    return Conversion(tree, doc, spans, warnings, elements=assembly.elements,
                      corrections=corrections)


# the blocks whose words tell the text's language: its own prose, not the header's citations
# (often of an edition in another language) or the archive's trailer
_PROSE = frozenset({BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.HEADNOTE, BlockKind.HEADING,
                    BlockKind.PARAGRAPH, BlockKind.QUOTATION, BlockKind.LIST, BlockKind.SALUTE,
                    BlockKind.POSTSCRIPT, BlockKind.FOOTNOTE, BlockKind.AFTERWORD,
                    BlockKind.POEM})


def text_language(doc: Transcription) -> str:
    """The language of a text whose config names none: English, German or French by its
    function words (:mod:`teikit.language`); English, the family's first, when they do not
    tell."""
    return decide(b.text for b in doc.blocks if b.kind in _PROSE).language or "en"


def convert_text(text: str, name: str = "text", settings: TextSettings | None = None) -> Conversion:
    """Convert a transcription given as a string (used by tests and other tools)."""
    return convert_transcription(ingest_text(text, name), settings or TextSettings(name=name))


def attach_register(root: etree._Element, spans: list[Span], settings: TextSettings,
                    extra: Mapping[str, Entry] | None = None) -> list[str]:
    """Copy the register entries the text points at into ``standOff``; return warnings.

    The ``standOff`` follows ``text``, so that every ``@ref``, ``@who`` and ``@source`` that
    names a register entry resolves inside the file, and tools that show a document in order
    (CETEIcean, the TEI Stylesheets' text output) show the text first.
    """
    from teikit.register.entries import Register, pointers_used, register_for, register_lists

    register = register_for(settings)
    if extra:
        register = Register({**register.entries, **extra}, register.path)
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
                       config: EditionConfig | None = None,
                       corrections_path: Path | None = None) -> Conversion:
    """Convert ``source`` in memory (``.data`` holds the serialised, fingerprinted TEI);
    nothing is written.

    Every input is checked first — the output path, the config, the register, the corrections,
    the source — so a bad one fails before any work."""
    source = Path(source)
    output = Path(output) if output is not None else source.with_suffix(".xml")
    if config is None:
        config = load_config(config_path if config_path is not None else find_config(source))
    settings = config.settings_for(source.stem, register_path)
    check_not_an_input(output, [source, config.path, settings.register_path])
    if output.is_dir():
        raise OutputError(f"{output}: is a directory", hint="give a file name with -o")
    doc = ingest_file(source, encoding)
    if corrections_path is not None:
        if not Path(corrections_path).is_file():
            raise InputError(f"{corrections_path}: no such corrections file",
                             hint="check the path given with --corrections")
        settings = replace(settings, corrections_path=Path(corrections_path))
    if schema_href is None:
        schema_href = os.path.relpath(resource_dir("schema"), output.resolve().parent)
    conversion = convert_transcription(doc, settings, schema_href=schema_href.replace(os.sep, "/"))
    conversion.data = stamp(serialize_tei(conversion.tree))
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
                 schema_href: str | None = None, validate: bool = True, force: bool = False,
                 corrections_path: Path | None = None) -> Conversion:
    """Convert ``source``, check the TEI in memory against the edition schema and rules, and
    only then write it atomically (never over the input, the config or the register).

    An existing ``output`` is replaced only if it is what teikit wrote (its fingerprint matches,
    see :mod:`teikit.fingerprint`); ``force`` replaces it anyway after keeping a backup.
    ``schema_href`` is where the ``<?xml-model?>`` instructions point; by default the project's
    ``schema/`` folder relative to the output."""
    conversion = prepare_conversion(source, output, config_path=config_path,
                                    register_path=register_path, encoding=encoding,
                                    schema_href=schema_href, corrections_path=corrections_path)
    if validate:
        check_conversions([conversion])
    assert conversion.output is not None
    conversion.backup = may_replace(conversion.output, force)
    write_bytes_atomically(conversion.output, conversion.data, [Path(source)])
    return conversion
