"""Text → TEI: a plain-text transcription becomes a TEI P5 document, and back.

    ingest (blocks) → passes (spans) → weave (TEI elements) → assemble (header, body, back)
    → tei/NAME.xml;   readback: TEI → the plain transcription

Other packages use what this module exports, :mod:`.model` (the data the converter and the
register share) and :mod:`.conventions` (how delimiters are recorded, which the stylesheets
read too); everything else in the package is the converter's own.
"""

from typing import TYPE_CHECKING

from teikit.convert import conventions
from teikit.convert.assemble import SCHEMA_MODELS, with_schema_href
from teikit.convert.ingest import ingest_file, ingest_text
from teikit.convert.pipeline import (
    Conversion,
    check_conversions,
    convert_file,
    convert_text,
    convert_transcription,
    prepare_conversion,
)
from teikit.convert.readback import comparable, read_back, read_back_file
from teikit.errors import InvalidConversionError

if TYPE_CHECKING:
    from teikit.convert.absorption import AbsorbReport, absorb, correction_table
    from teikit.convert.corrections import occurrence_at

__all__ = [
    "SCHEMA_MODELS",
    "AbsorbReport",
    "Conversion",
    "InvalidConversionError",
    "absorb",
    "check_conversions",
    "comparable",
    "conventions",
    "convert_file",
    "convert_text",
    "convert_transcription",
    "correction_table",
    "ingest_file",
    "ingest_text",
    "occurrence_at",
    "prepare_conversion",
    "read_back",
    "read_back_file",
    "with_schema_href",
]


# corrections and absorbing read the register, which reads the model: loaded when first used
_LAZY = {"AbsorbReport": "teikit.convert.absorption", "absorb": "teikit.convert.absorption",
         "correction_table": "teikit.convert.absorption",
         "occurrence_at": "teikit.convert.corrections"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
