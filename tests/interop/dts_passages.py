"""Serve a TEI file's passages with dapytains (a DTS implementation) and print what it serves.

Run by the interpreter of the environment dapytains is installed in (it pins its own Saxon):
    .venv-dts/bin/python tests/interop/dts_passages.py FILE.xml
Prints JSON: every citable unit (ref, type) in order, and the words of each unit's passage.
"""

import json
import sys

from dapytains.tei.document import Document
from lxml import etree

TEI_TEXT = "{http://www.tei-c.org/ns/1.0}text"


def units(refs, out):
    for unit in refs:
        out.append({"ref": unit.ref, "type": unit.citeType})
        units(unit.children, out)
    return out


def main(path: str) -> None:
    document = Document(path)
    served = []
    for unit in units(document.get_reffs(), []):
        # the passage as XML, read back as any client of the server would read it
        passage = etree.fromstring(etree.tostring(document.get_passage(unit["ref"])))
        text = next(passage.iter(TEI_TEXT), None)
        unit["text"] = " ".join("".join(text.itertext()).split()) if text is not None else ""
        served.append(unit)
    json.dump({"units": served}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
