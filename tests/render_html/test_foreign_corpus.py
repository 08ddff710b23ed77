"""TEI from other projects is read fully: sixteen files in the shapes other editions write
(drama, a critical apparatus, manuscript descriptions, letters with correspDesc, DTA forme
work, EpiDoc, registers in body and particDesc, spoken language, a dictionary, tables) are all
valid tei_all, and the reading page, the print edition's FO and ``export text`` each keep at
least 99% of the words of their text and of the header's descriptions of sources and people."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teikit.convert import read_back_file
from teikit.render.fo import fo_string
from teikit.render.html import html_string
from tests.conftest import FIXTURES, jing

FOREIGN = sorted((FIXTURES / "foreign").glob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"
WORD = re.compile(r"\w+")
# elements that may stand inside a word ("Διον<supplied>ύσιος</supplied>", "wel-<lb/>ches");
# every other element boundary separates words
WORD_INTERNAL = {"hi", "supplied", "expan", "abbr", "ex", "am", "unclear", "add", "del",
                 "choice", "orig", "reg", "sic", "corr", "seg", "w", "c", "g", "damage", "emph",
                 "foreign"}
# a line, column or page break inside a word says so
BREAKS = {"lb", "cb", "pb"}
# of a choice the edition shows one reading (the others may be offered beside it)
SHOWN_READING = ("corr", "reg", "expan")
# what a reader of the edition is owed besides the text: the header's descriptions of the
# sources (manuscripts, witnesses, bibliography) and of the people and places
DESCRIBED = ("fileDesc/sourceDesc", "profileDesc/particDesc", "profileDesc/settingDesc",
             "profileDesc/correspDesc")


# and in the outputs, the phrase-level elements; any other element is a block, which a reader
# sees apart from its neighbours
HTML_PHRASES = {"a", "span", "em", "i", "b", "strong", "sup", "sub", "small", "abbr", "cite",
                "q", "mark", "s", "u", "del", "ins", "bdi", "code", "time", "var", "dfn", "kbd"}
FO_PHRASES = {"inline", "basic-link", "page-number", "page-number-citation", "character",
              "wrapper"}


# margin furniture: a paragraph's number stands apart from the paragraph's first word
# and a tooltip (an original reading, an explanation) is read apart from the word it explains
SEPARATE_CLASSES = {"para-num", "tip", "noteref"}
# an editor's brackets around restored letters ("[Διον]ύσιος") or an expansion ("ἀν(έθηκεν)")
# stand inside the word
EDITORIAL_BRACKETS = re.compile(r"[\[\]⟨⟩()]")


def _words_of(element: etree._Element, parts: list[str], internal: set[str]) -> None:
    name = etree.QName(element).localname if isinstance(element.tag, str) else ""
    separate = bool(set((element.get("class") or "").split()) & SEPARATE_CLASSES)
    joined = name in internal or (name in BREAKS and element.get("break") == "no")
    gap = "" if joined and not separate else " "
    parts.append(gap + (element.text or ""))
    children = [c for c in element if isinstance(c.tag, str)]
    if name == "choice" and internal is WORD_INTERNAL:
        shown = next((c for c in children if etree.QName(c).localname in SHOWN_READING),
                     children[0] if children else None)
        children = [shown] if shown is not None else []
    for child in element:
        if child in children:
            _words_of(child, parts, internal)
        parts.append(child.tail or "")
    parts.append(gap)


def words(element: etree._Element, internal: set[str]) -> str:
    parts: list[str] = []
    _words_of(element, parts, internal)
    return "".join(parts)


def expected_words(path: Path, described: bool = True) -> Counter[str]:
    """The words of the text, and with ``described`` those of the header's descriptions."""
    root = etree.parse(str(path)).getroot()
    parts: list[str] = []
    text = root.find(f"{{{TEI}}}text")
    if text is not None:
        parts.append(words(text, WORD_INTERNAL))
    for steps in DESCRIBED if described else ():
        found = root.find(f"{{{TEI}}}teiHeader/" + "/".join(f"{{{TEI}}}{s}"
                                                           for s in steps.split("/")))
        if found is not None:
            parts.append(words(found, WORD_INTERNAL))
    return Counter(WORD.findall(" ".join(parts)))


def kept(expected: Counter[str], shown: str) -> tuple[float, list[str]]:
    got = Counter(WORD.findall(EDITORIAL_BRACKETS.sub("", shown)))
    total = sum(expected.values())
    kept_words = sum(min(n, got[w]) for w, n in expected.items())
    return kept_words / total, sorted(w for w, n in expected.items() if got[w] < n)


def test_the_foreign_corpus_is_valid_tei_all() -> None:
    assert len(FOREIGN) >= 15
    code, errors = jing(*FOREIGN)
    assert code == 0, errors


@pytest.mark.parametrize("path", FOREIGN, ids=lambda p: p.stem)
def test_page_print_and_text_keep_the_words(path: Path) -> None:
    expected = expected_words(path)
    expected_in_text = expected_words(path, described=False)
    body = lxml.html.fromstring(html_string(path)).find("body")
    page = words(body, HTML_PHRASES)
    fo = words(etree.fromstring(fo_string(path).encode("utf-8")), FO_PHRASES)
    text = read_back_file(path, corrected=True)
    for output, shown, wanted in (("html", page, expected), ("fo", fo, expected),
                                  ("text", text, expected_in_text)):
        share, missing = kept(wanted, shown)
        assert share >= 0.99, f"{output} keeps {share:.1%}; missing: {missing[:20]}"
