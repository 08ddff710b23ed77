"""Random documents valid against schema/edition.xsd, built by walking its content models.

Used to test that the edition schema is a subset of tei_all: whatever it admits, jing with
tei_all.rng must admit too.
"""

from __future__ import annotations

import random
from typing import Any

import xmlschema
from lxml import etree
from xmlschema.validators import XsdElement, XsdGroup

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WORDS = ["Petrograd", "Soviet", "the", "congress", "1917", "Kerensky", "bread", "peace"]


class Generator:
    def __init__(self, schema: xmlschema.XMLSchema, seed: int, max_depth: int = 7) -> None:
        self.schema = schema
        self.random = random.Random(seed)
        self.max_depth = max_depth
        self.ids = 0

    def document(self) -> etree._ElementTree:
        root_decl = next(iter(self.schema.elements.values()))
        return etree.ElementTree(self.element(root_decl, 0))

    # -------------------------------------------------------------- elements

    def element(self, decl: XsdElement, depth: int) -> etree._Element:
        element = etree.Element(decl.name)
        xsd_type = decl.type
        for name, attribute in xsd_type.attributes.items():
            if name is None:
                continue
            if attribute.use == "required" or self.random.random() < 0.35:
                element.set(name, self.value(attribute.type, name))
        if xsd_type.is_simple() or xsd_type.has_simple_content():
            element.text = self.value(xsd_type if xsd_type.is_simple() else xsd_type.content,
                                      "")
            return element
        content = xsd_type.content
        mixed = bool(xsd_type.mixed)
        if isinstance(content, XsdGroup):
            for child in self.particles(content, depth):
                element.append(child)
        if mixed:
            self.sprinkle_text(element)
        return element

    def sprinkle_text(self, element: etree._Element) -> None:
        element.text = self.words()
        for child in element:
            if self.random.random() < 0.6:
                child.tail = " " + self.words()

    def words(self) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(1, 3)))

    def occurs(self, particle: Any, depth: int) -> int:
        low = particle.min_occurs
        high = particle.max_occurs if particle.max_occurs is not None else low + 2
        if depth >= self.max_depth:
            return low
        return self.random.randint(low, min(high, low + 2))

    def particles(self, group: XsdGroup, depth: int) -> list[etree._Element]:
        made: list[etree._Element] = []
        for _ in range(self.occurs(group, depth) if depth else max(group.min_occurs, 1)):
            if group.model == "choice":
                options = list(group)
                if depth >= self.max_depth:
                    # prefer options that can be empty, so the document stops growing
                    options = [o for o in options if self.cheap(o)] or options
                made.extend(self.particle(self.random.choice(options), depth))
            else:
                for particle in group:
                    made.extend(self.particle(particle, depth))
        return made

    def particle(self, particle: Any, depth: int) -> list[etree._Element]:
        if isinstance(particle, XsdGroup):
            return self.particles(particle, depth)
        count = self.occurs(particle, depth)
        return [self.element(particle, depth + 1) for _ in range(count)]

    def cheap(self, particle: Any) -> bool:
        if isinstance(particle, XsdGroup):
            return False
        xsd_type = particle.type
        if xsd_type.is_simple() or xsd_type.has_simple_content():
            return True
        if xsd_type.attributes and any(a.use == "required" for a in xsd_type.attributes.values()):
            return False
        return xsd_type.is_emptiable()

    # -------------------------------------------------------------- values

    def value(self, xsd_type: Any, attribute: str) -> str:
        if attribute == XML_ID:
            self.ids += 1
            return f"id{self.ids}"
        if attribute == XML_LANG:
            return self.random.choice(["en", "fr", "ru"])
        name = self.type_name(xsd_type)
        enumeration = getattr(xsd_type, "enumeration", None)
        if enumeration:
            return str(self.random.choice(enumeration))
        if name in {"noteRend"}:
            return " ".join(self.random.sample(["brackets", "signed"], self.random.randint(1, 2)))
        if name in {"localPointer"}:
            return f"#p{self.random.randint(1, 5)}"
        if name in {"localPointers"}:
            return " ".join(f"#p{i}" for i in range(self.random.randint(1, 2)))
        if name == "isoDate":
            year = self.random.randint(1600, 2099)
            month = f"{self.random.randint(1, 12):02d}"
            day = f"{self.random.randint(1, 28):02d}"
            return self.random.choice([f"{year}", f"{year}-{month}", f"{year}-{month}-{day}"])
        if name == "gapSign":
            return self.random.choice(["...", "…", ". . .", "....", "[...]", "[…]",
                                       "[illegible]", "[two words illegible]"])
        if name == "positiveInteger":
            return str(self.random.randint(1, 9))
        if name == "quantity":
            return self.random.choice(["500", "3.525", "100000"])
        if name == "word":
            return self.random.choice(["123", "xiv", "a"])
        if name == "language":
            return "en"
        if name == "boolean":
            return self.random.choice(["true", "false"])
        if name == "anyURI":
            return "https://example.org/licence"
        return self.words()

    def type_name(self, xsd_type: Any) -> str:
        node = xsd_type
        while node is not None:
            name = getattr(node, "local_name", None)
            if name:
                return str(name)
            node = getattr(node, "base_type", None)
        return ""
