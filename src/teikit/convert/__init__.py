"""Text → TEI: a plain-text transcription becomes a TEI P5 document, and back.

    ingest (blocks) → passes (spans) → weave (TEI elements) → assemble (header, body, back)
    → tei/NAME.xml;   readback: TEI → the plain transcription

Other packages use what this module exports, :mod:`.model` (the data the converter and the
register share) and :mod:`.conventions` (how delimiters are recorded, which the stylesheets
read too); everything else in the package is the converter's own.
"""

from teikit.convert import conventions
from teikit.convert.ingest import ingest_file, ingest_text
from teikit.convert.pipeline import Conversion, convert_file, convert_text, convert_transcription
from teikit.convert.readback import comparable, read_back, read_back_file

__all__ = [
    "Conversion",
    "comparable",
    "conventions",
    "convert_file",
    "convert_text",
    "convert_transcription",
    "ingest_file",
    "ingest_text",
    "read_back",
    "read_back_file",
]
