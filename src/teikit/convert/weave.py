"""Weave: the one place where text and spans become nested TEI elements.

Rules, in order:

1. A span nests inside another when it lies within the other's *content* (delimiters excluded);
   spans with the same range nest by priority (higher outside).
2. When two spans cross, or one touches another's delimiters or lies inside an atomic span, the
   lower-priority span is dropped (ties: the later one) and returned so callers can report it.
3. Delimiter characters (``open_len``/``close_len``) and atomic content are recorded by the
   element's attributes; every other character becomes text, in order.
4. After weaving, the element is read back (:func:`teikit.convert.readback.inline_text`) and
   compared with the source text, whitespace-normalised: a mismatch is a bug and raises
   :class:`~teikit.errors.LossError` instead of writing a lossy file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from teikit import TEI_NS, XML_NS
from teikit.convert.model import Node, Span
from teikit.errors import LossError
from teikit.tree import qname


def make_element(tag: str, attrs: dict[str, str] | None = None, text: str | None = None
                 ) -> etree._Element:
    """A TEI element; attribute names are TEI's (``xml:id`` with its prefix)."""
    element = etree.Element(qname(tag), nsmap={None: TEI_NS})
    for key, value in (attrs or {}).items():
        element.set(_attribute(key), value)
    if text:
        element.text = text
    return element


def _attribute(name: str) -> str:
    return f"{{{XML_NS}}}{name[4:]}" if name.startswith("xml:") else name


def _nests(inner: Span, outer: Span) -> bool:
    o0, o1 = outer.inner
    if (inner.start, inner.end) == (outer.start, outer.end):
        return not outer.atomic and outer.priority > inner.priority and not (
            outer.open_len or outer.close_len)
    return not outer.atomic and o0 <= inner.start and inner.end <= o1


def _compatible(a: Span, b: Span) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    return _nests(a, b) or _nests(b, a)


def resolve(spans: Sequence[Span]) -> tuple[list[Span], list[Span]]:
    """Split spans into (kept, dropped) so that the kept ones nest properly."""
    ordered = sorted(enumerate(spans), key=lambda item: (-item[1].priority, item[0]))
    kept: list[Span] = []
    dropped: list[Span] = []
    for _, span in ordered:
        if all(_compatible(span, other) for other in kept):
            kept.append(span)
        else:
            dropped.append(span)
    kept.sort(key=lambda s: (s.start, -s.end, -s.priority))
    return kept, dropped


def _append_text(container: etree._Element, last: etree._Element | None, text: str) -> None:
    if not text:
        return
    if last is None:
        container.text = (container.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _build_nodes(parent: etree._Element, nodes: Sequence[Node]) -> None:
    for node in nodes:
        child = make_element(node.tag, dict(node.attrs), node.text or None)
        _build_nodes(child, node.children)
        parent.append(child)


def _emit(container: etree._Element, text: str, lo: int, hi: int, spans: list[Span]) -> None:
    cursor, last, index = lo, None, 0
    while index < len(spans):
        span = spans[index]
        following = index + 1
        while following < len(spans) and _nests(spans[following], span):
            following += 1
        _append_text(container, last, text[cursor:span.start])
        element = make_element(span.tag or "seg", dict(span.attrs))
        if span.atomic:
            _build_nodes(element, span.content)
        else:
            _emit(element, text, span.inner[0], span.inner[1], spans[index + 1:following])
        container.append(element)
        last, cursor, index = element, span.end, following
    _append_text(container, last, text[cursor:hi])


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def weave(container: etree._Element, text: str, spans: Sequence[Span]) -> list[Span]:
    """Fill ``container`` with ``text`` marked up by ``spans``; return the dropped spans."""
    from teikit.convert.readback import inline_text

    kept, dropped = resolve([s for s in spans if s.tag is not None])
    _emit(container, text, 0, len(text), kept)
    restored = inline_text(container)
    if normalise_space(restored) != normalise_space(text):
        raise LossError(_describe_loss(text, restored, kept))
    return dropped


def _describe_loss(expected: str, restored: str, spans: Sequence[Span]) -> str:
    a, b = normalise_space(expected), normalise_space(restored)
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
              min(len(a), len(b)))
    concerns = sorted({s.concern for s in spans})
    return (f"weaving would change the text at character {at}: expected {a[at:at + 40]!r}, "
            f"got {b[at:at + 40]!r} (spans from: {', '.join(concerns)})")
