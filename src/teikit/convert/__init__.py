"""Text → TEI: a plain-text transcription becomes a TEI P5 document, and back.

    ingest (blocks) → passes (spans) → weave (TEI elements) → assemble (header, body, back)
    → tei/NAME.xml;   readback: TEI → the plain transcription

Other packages use what this module exports, and :mod:`.model` (the data the converter and the
register share); everything else in the package is the converter's own.
"""

from teikit.convert.ingest import ingest_file, ingest_text
from teikit.convert.pipeline import (
    Conversion,
    InvalidConversionError,
    check_conversions,
    convert_file,
    convert_text,
    convert_transcription,
    prepare_conversion,
)
from teikit.convert.readback import comparable, read_back, read_back_file

__all__ = [
    "Conversion",
    "InvalidConversionError",
    "check_conversions",
    "comparable",
    "convert_file",
    "convert_text",
    "convert_transcription",
    "ingest_file",
    "ingest_text",
    "prepare_conversion",
    "read_back",
    "read_back_file",
]
