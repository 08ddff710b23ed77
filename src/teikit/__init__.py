"""teikit: plain-text transcriptions to TEI P5 scholarly editions.

The pipeline runs one way: text → :class:`~teikit.convert.model.Transcription` → markup passes
(spans) → :func:`~teikit.convert.weave.weave` → TEI (lxml) → validation → XSLT outputs.
"""

__version__ = "0.1.0"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
