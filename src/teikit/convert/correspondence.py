"""A letter's metadata in the header: ``correspDesc`` with who sent it, from where and when,
and to whom — read from the letter itself once it is woven (the dateline of its opener, the
name under its signature, the name in its salutation), so that letter catalogues (CMIF,
correspSearch) can list it.

    text//opener/dateline (placeName, date) ─┐
    text//closer/signed (persName), author  ──┼─▶ profileDesc/correspDesc
    text//opener/salute (persName, orgName)  ─┘
"""

from __future__ import annotations

import copy

from lxml import etree

from teikit import TEI_NS

NS = {"tei": TEI_NS}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NAMES = ("persName", "orgName", "name")
# what a correspAction keeps of a name or date found in the letter
KEPT_ATTRIBUTES = ("ref", "when", "when-custom", "datingMethod", "calendar", "notBefore",
                   "notAfter", "from", "to", "cert", "resp", "evidence")


def _first(root: etree._Element, paths: tuple[str, ...]) -> etree._Element | None:
    for path in paths:
        found = root.find(path, NS)
        if found is not None:
            return found
    return None


def _action_part(element: etree._Element) -> etree._Element:
    """A name or date as a correspAction holds it: the element, its text, its pointers."""
    part = etree.Element(element.tag, nsmap={None: TEI_NS})
    for attribute in KEPT_ATTRIBUTES:
        if element.get(attribute):
            part.set(attribute, element.get(attribute, ""))
    part.text = " ".join("".join(element.itertext()).split())
    return part


def is_letter(text: etree._Element) -> bool:
    """Whether ``text`` (a TEI ``text`` or one ``div``) is a letter: it opens as one (an
    ``opener`` with a salutation), takes leave as one (a closing ``salute``), or says so (``div
    type="letter"``). A signature and a dateline alone close a manifesto or an article as
    well, and a dateline alone opens an interview."""
    return text.get("type") == "letter" or text.find(".//tei:div[@type='letter']", NS) is not None \
        or text.find(".//tei:opener/tei:salute", NS) is not None \
        or text.find(".//tei:closer/tei:salute", NS) is not None


def corresp_desc(root: etree._Element, letter: etree._Element | None = None
                 ) -> etree._Element | None:
    """``correspDesc`` for a TEI letter (``letter``: the one of several letters the text holds,
    ``div type="letter"``, which it then points at with ``@corresp``), or None when the text
    is not a letter (:func:`is_letter`)."""
    text = root.find("tei:text", NS) if letter is None else letter
    if text is None:
        return None
    if not is_letter(text):
        return None
    sender = _first(text, tuple(f".//tei:closer//tei:signed//tei:{n}" for n in NAMES))
    if sender is None:
        sender = _first(root, tuple(f"tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author"
                                    f"//tei:{n}" for n in NAMES))
    place = _first(text, (".//tei:opener/tei:dateline//tei:placeName",
                          ".//tei:closer/tei:dateline//tei:placeName"))
    date = _first(text, (".//tei:opener/tei:dateline//tei:date",
                         ".//tei:closer/tei:dateline//tei:date"))
    addressee = _first(text, tuple(f".//tei:opener/tei:salute//tei:{n}" for n in NAMES))
    desc = etree.Element(f"{{{TEI_NS}}}correspDesc", nsmap={None: TEI_NS})
    if letter is not None:
        desc.set("corresp", f"#{letter.get(XML_ID)}")
    sent = etree.SubElement(desc, f"{{{TEI_NS}}}correspAction", type="sent")
    for part in (sender, place, date):
        if part is not None:
            sent.append(_action_part(part))
    if addressee is not None:
        received = etree.SubElement(desc, f"{{{TEI_NS}}}correspAction", type="received")
        received.append(_action_part(addressee))
    if len(sent) == 0:
        desc.remove(sent)
    return desc if len(desc) else None


def add_signer_as_author(root: etree._Element) -> None:
    """A letter whose source names no author was written by the one who signed it: the name
    under its signature becomes the ``titleStmt``'s ``author`` (with the signature's ``@cert``
    and ``@resp``: the converter's reading). A text of several letters keeps none."""
    statement = root.find("tei:teiHeader/tei:fileDesc/tei:titleStmt", NS)
    letters = root.findall("tei:text/tei:body/tei:div[@type='letter']", NS)
    if statement is None or statement.find("tei:author", NS) is not None or len(letters) != 1:
        return
    signer = _first(letters[0], tuple(f"tei:closer//tei:signed//tei:{n}" for n in NAMES))
    if signer is None:
        return
    author = etree.Element(f"{{{TEI_NS}}}author", nsmap={None: TEI_NS})
    author.append(_action_part(signer))
    titles = statement.findall("tei:title", NS)
    titles[-1].addnext(author)
    author.tail = titles[-1].tail
    etree.indent(author, space="  ", level=4)


def add_corresp_desc(root: etree._Element) -> None:
    """Put the letter's ``correspDesc`` into ``profileDesc`` (after ``langUsage`` or what the
    TEI order puts before it), unless the header has one or the text is not a letter; a text of
    several letters (each ``div type="letter"`` with an id) gets one for each, in their order."""
    profile = root.find("tei:teiHeader/tei:profileDesc", NS)
    if profile is None or profile.find("tei:correspDesc", NS) is not None:
        return
    letters = root.findall(f"tei:text/tei:body/tei:div[@type='letter'][@{XML_ID}]", NS)
    descs = [corresp_desc(root, letter) for letter in letters] or [corresp_desc(root)]
    # TEI's profileDesc is a free sequence; teikit writes creation, langUsage, then these
    anchor = _first(profile, ("tei:langUsage", "tei:creation"))
    for desc in descs:
        if desc is None:
            continue
        if anchor is not None:
            anchor.addnext(desc)
        else:
            profile.insert(0, desc)
        etree.indent(desc, space="  ", level=3)
        desc.tail = copy.copy(anchor.tail) if anchor is not None else None
        anchor = desc
