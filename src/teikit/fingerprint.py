"""The fingerprint of a generated TEI file: is it still what teikit wrote?

Every TEI file the converter writes carries, before its root element, the processing instruction

    <?teikit fingerprint="sha256:…" canonical="c14n-1.0"?>

whose value is the SHA-256 digest of the document's canonical form (Canonical XML 1.0 with
comments, made by libxml2) *without* that instruction. A fingerprint without ``canonical``
was written by an earlier teikit from the Canonical XML 2.0 form, and is checked with that.
Canonical XML makes the check indifferent to how the bytes are spelt (attribute order
and quotes, the XML declaration, ``&#x2019;`` for ``’``) but not to anything an editor does to
the document: a changed word, attribute, element, comment or line break changes the digest.

Before replacing a TEI file, ``teikit convert`` and ``teikit build`` ask :func:`may_replace`:

- no file yet, or a file whose fingerprint matches: replace it;
- a file changed since teikit wrote it, or one without a fingerprint (made by hand or by another
  tool): refuse (:class:`EditedTeiError`), unless ``force``, which first keeps the old file as
  ``NAME.xml.bak`` (``.bak.1``, ``.bak.2``, … when that exists: a backup is never overwritten).
"""

from __future__ import annotations

import hashlib
import re
import shutil
from enum import StrEnum
from pathlib import Path

from lxml import etree

from teikit.errors import EditedTeiError

PI_TARGET = "teikit"
# the canonical forms a fingerprint is made of, by its ``canonical`` pseudo-attribute: lxml's
# serialisation method for each (1.0 is libxml2's, in C: 20 times as fast on the seed)
CANONICAL_FORMS = {"c14n-1.0": "c14n", "c14n-2.0": "c14n2"}
CANONICAL = "c14n-1.0"          # what teikit writes
EARLIER_CANONICAL = "c14n-2.0"  # a fingerprint that names none
_VALUE = re.compile(r'fingerprint="sha256:([0-9a-f]{64})"(?:\s+canonical="([a-z0-9.-]+)")?')


class Origin(StrEnum):
    ABSENT = "absent"          # no file: nothing to lose
    GENERATED = "generated"    # the fingerprint matches
    EDITED = "edited"          # the fingerprint does not match: changed since it was written
    UNKNOWN = "unknown"        # no fingerprint (or not XML): made by hand or elsewhere


def digest(tree: etree._ElementTree, canonical: str = CANONICAL) -> str:
    """SHA-256 of the ``canonical`` form of ``tree`` without its fingerprint instruction."""
    data = etree.tostring(tree, method=CANONICAL_FORMS[canonical])
    return hashlib.sha256(data).hexdigest()


def _fingerprint_pis(tree: etree._ElementTree) -> list[etree._ProcessingInstruction]:
    root = tree.getroot()
    return [node for node in root.itersiblings(preceding=True)
            if isinstance(node, etree._ProcessingInstruction) and node.target == PI_TARGET]


def stamp(data: bytes) -> bytes:
    """``data`` (a serialised TEI document) with its fingerprint instruction added."""
    from teikit.xmlio import parse_xml_bytes, serialize_tei

    tree = parse_xml_bytes(data)
    for old in _fingerprint_pis(tree):
        detach(old)
    value = digest(tree)
    tree.getroot().addprevious(
        etree.ProcessingInstruction(
            PI_TARGET, f'fingerprint="sha256:{value}" canonical="{CANONICAL}"'))
    return serialize_tei(tree)


def origin(path: Path) -> Origin:
    """Whether ``path`` is absent, as teikit wrote it, edited since, or of unknown origin."""
    from teikit.errors import InputError
    from teikit.xmlio import parse_xml_file

    path = Path(path)
    if not path.exists():
        return Origin.ABSENT
    try:
        tree = parse_xml_file(path)
    except InputError:
        return Origin.UNKNOWN
    found = _fingerprint_pis(tree)
    if len(found) != 1:
        return Origin.UNKNOWN
    match = _VALUE.fullmatch((found[0].text or "").strip())
    canonical = (match.group(2) or EARLIER_CANONICAL) if match is not None else ""
    if match is None or canonical not in CANONICAL_FORMS:
        return Origin.UNKNOWN
    detach(found[0])
    return Origin.GENERATED if digest(tree, canonical) == match.group(1) else Origin.EDITED


def detach(node: etree._ProcessingInstruction) -> None:
    """Remove a processing instruction, also one before or after the root element."""
    parent = node.getparent()
    if parent is not None:
        parent.remove(node)
        return
    # a sibling of the root: lxml removes it by moving it under a throwaway element
    etree.Element("discard").append(node)


__all__ = ["EditedTeiError", "Origin", "backup", "detach", "digest", "may_replace", "origin",
           "stamp"]


def may_replace(path: Path, force: bool = False) -> Path | None:
    """Check that ``path`` may be overwritten; with ``force``, back it up first.

    Returns the backup's path (or ``None``); raises :class:`EditedTeiError` when refused."""
    state = origin(path)
    if state in (Origin.ABSENT, Origin.GENERATED):
        return None
    if force:
        return backup(path)
    absorb = f"teikit corrections absorb {path}"
    if state is Origin.EDITED:
        raise EditedTeiError(
            f"{path}: edited since teikit wrote it; not overwritten",
            hint=f"keep the edits as corrections with `{absorb}`, or rebuild with --force, "
                 "which keeps the edited file as a .bak backup")
    raise EditedTeiError(
        f"{path}: not written by teikit (no fingerprint); not overwritten",
        hint="move it away, or rebuild with --force, which keeps it as a .bak backup")


def backup(path: Path) -> Path:
    """Copy ``path`` to ``path.bak`` (or the first free ``.bak.N``) and return the copy."""
    target = path.with_name(path.name + ".bak")
    number = 0
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.bak.{number}")
    shutil.copy2(path, target)
    return target
