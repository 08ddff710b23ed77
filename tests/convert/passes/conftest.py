"""Helpers for the pass tests: transcriptions and registers built in the test itself."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from teikit.convert.model import Block, BlockKind, Span, Transcription
from teikit.register.entries import Register, register_from_tree


def make_doc(*texts: str | tuple[BlockKind, str], name: str = "test") -> Transcription:
    """A transcription whose blocks are ``texts`` (paragraphs unless a kind is given)."""
    blocks = []
    offset = 0
    for index, item in enumerate(texts):
        kind, text = item if isinstance(item, tuple) else (BlockKind.PARAGRAPH, item)
        key = "double" if kind is BlockKind.QUOTATION else ""
        blocks.append(Block(index, kind, text, offset, index + 1, key=key))
        offset += len(text) + 2
    return Transcription(name, "\n\n".join(b.text for b in blocks), tuple(blocks), "utf-8", True)


def make_register(xml: str) -> Register:
    """A register from the TEI lists in ``xml`` (wrapped in a TEI standOff)."""
    source = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><standOff>{xml}</standOff></TEI>')
    return register_from_tree(etree.fromstring(source))


def tagged(doc: Transcription, spans: Sequence[Span], tag: str | None = None
           ) -> list[tuple[str, str, dict[str, str]]]:
    """(text, tag, attrs) of each span, in order."""
    return [(doc.blocks[s.block].text[s.start:s.end], s.tag or "", dict(s.attrs))
            for s in sorted(spans, key=lambda s: (s.block, s.start))
            if tag is None or s.tag == tag]
