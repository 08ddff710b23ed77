"""The text and its entities as JSON: one record per paragraph (its identifier, section, the
text as a reader reads it) with the names and dates in it as character offsets, for scripts,
search indexes and NLP tools that do not read TEI."""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from teikit import TEI_NS, XML_NS
from teikit.export.metadata import TextMetadata, normalised, read_metadata
from teikit.export.register_files import entry_record

NAME_KINDS = {"persName": "person", "orgName": "org", "placeName": "place", "title": "title",
              "name": "name", "date": "date"}
BLOCKS = {"head", "p", "quote", "l", "item", "salute", "signed", "dateline", "closer", "opener",
          "postscript", "label", "trailer", "byline", "docAuthor", "titlePart", "sp", "speaker",
          "note", "ab", "stage", "table"}
# a choice shows its editorial reading; an omission its sign
READING_OF_CHOICE = ("corr", "reg", "expan")


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _reading(element: etree._Element, parts: list[str],
             marks: list[tuple[etree._Element, int, int]]) -> None:
    start = sum(len(p) for p in parts)
    name = _local(element)
    if name == "choice":
        chosen = next((c for c in element if _local(c) in READING_OF_CHOICE), None)
        if chosen is not None:
            parts.append("".join(chosen.itertext()))
    elif name == "gap":
        parts.append(element.get("rend") or "…")
    else:
        if element.text:
            parts.append(element.text)
        # children with no text beside them (a closer's lines, a stanza's) stand apart
        apart = not (element.text or "").strip() and not any(
            (child.tail or "").strip() for child in element)
        for child in element:
            # a block inside the block (a quotation, a verse line, a closer's signature) is read
            # as part of it: the record is the outermost block's
            if isinstance(child.tag, str):
                if apart and parts and not parts[-1][-1:].isspace():
                    parts.append(" ")
                _reading(child, parts, marks)
            if child.tail:
                parts.append(child.tail)
    if name in NAME_KINDS:
        marks.append((element, start, sum(len(p) for p in parts)))


def _block_record(block: etree._Element, position: int, section: str) -> dict[str, Any]:
    parts: list[str] = []
    marks: list[tuple[etree._Element, int, int]] = []
    _reading(block, parts, marks)
    raw = "".join(parts)
    # offsets are into the text with its whitespace folded, as it is shown
    folded, index_map = _fold(raw)
    mentions = []
    for element, start, end in marks:
        if element is block:
            continue
        a, b = index_map[start], index_map[end]
        record: dict[str, Any] = {"kind": NAME_KINDS[_local(element)], "start": a, "end": b,
                                  "text": folded[a:b].strip()}
        for attribute in ("ref", "when", "when-custom", "from", "to", "notBefore", "notAfter",
                          "cert"):
            if element.get(attribute):
                record[attribute] = element.get(attribute)
        mentions.append(record)
    return {"id": block.get(f"{{{XML_NS}}}id") or f"{section}.{position}", "section": section,
            "element": _local(block), "text": folded, "mentions": mentions}


def _fold(text: str) -> tuple[str, list[int]]:
    """Whitespace folded to single spaces and trimmed, with the map from old to new offsets."""
    out: list[str] = []
    index_map = []
    previous_space = True
    for char in text:
        index_map.append(len(out))
        if char.isspace():
            if not previous_space:
                out.append(" ")
            previous_space = True
        else:
            out.append(char)
            previous_space = False
    index_map.append(len(out))
    while out and out[-1] == " ":
        out.pop()
    length = len(out)
    return "".join(out), [min(i, length) for i in index_map]


def _section_label(element: etree._Element | None, labels: dict[etree._Element, str]) -> str:
    """A section's identifier, else its kind and number in document order ("div3")."""
    if element is None:
        return "text"
    if element not in labels:
        name = _local(element)
        label = element.get(f"{{{XML_NS}}}id") or element.get("n") or ""
        if not label:
            label = f"{name}{sum(1 for other in labels if _local(other) == name) + 1}"
        labels[element] = label
    return labels[element]


def text_json(tree: etree._ElementTree, name: str = "") -> dict[str, Any]:
    meta: TextMetadata = read_metadata(tree, name)
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    blocks: list[dict[str, Any]] = []
    if text is not None:
        counters: dict[str, int] = {}
        labels: dict[etree._Element, str] = {}
        for block in text.iter(*(f"{{{TEI_NS}}}{b}" for b in BLOCKS)):
            parent = block.getparent()
            # a block inside another block (a quotation in a paragraph) belongs to that one
            if any(_local(a) in BLOCKS for a in block.iterancestors()):
                continue
            section_element = next((a for a in block.iterancestors()
                                    if _local(a) in ("div", "front", "back", "body")), parent)
            section = _section_label(section_element, labels)
            counters[section] = counters.get(section, 0) + 1
            record = _block_record(block, counters[section], section)
            if record["text"]:
                blocks.append(record)
    return {
        "id": meta.identifier,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": [a.name for a in meta.authors],
        "languages": list(meta.languages),
        "created": meta.created,
        "first_published": meta.first_published,
        "blocks": blocks,
        "entities": [entry_record(meta.register.entries[i], n)
                     for i, n in sorted(meta.mentioned.items())],
    }


def text_json_string(tree: etree._ElementTree, name: str = "") -> str:
    return json.dumps(text_json(tree, name), ensure_ascii=False, indent=2) + "\n"


__all__ = ["normalised", "text_json", "text_json_string"]
