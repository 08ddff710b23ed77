"""Rendering is XSLT only: Python passes paths and parameters, the stylesheets in ``xslt/`` do
the rest. Each stylesheet is compiled once per process (saxonche, XSLT 3.0).

Saxon only ever sees documents parsed by :mod:`teikit.xmlio` (no DTD, no entities, no network),
re-serialised without their DOCTYPE, through the one processor that module configures.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PyXsltExecutable

from teikit.errors import InputError
from teikit.resources import xslt_path
from teikit.xmlio import SAXON_LOCK, saxon_document, saxon_processor

_lock = SAXON_LOCK


@cache
def compiled_stylesheet(name: str) -> PyXsltExecutable:
    """Compile ``xslt/NAME`` once per process."""
    with _lock:
        compiler = saxon_processor().new_xslt30_processor()
        return compiler.compile_stylesheet(stylesheet_file=str(xslt_path(name)))


def transform_to_string(stylesheet: str, source: Path | bytes | etree._ElementTree,
                        **params: Any) -> str:
    """Run ``xslt/STYLESHEET`` on a TEI file (its bytes, or a tree parsed by
    :mod:`teikit.xmlio`) and return the serialised result.

    The source is parsed by :mod:`teikit.xmlio` first (no entities, no network) and handed to
    Saxon as its re-serialised root element, so Saxon never reads a DOCTYPE or fetches anything.
    """
    from teikit.xmlio import check_safe, parse_xml_bytes, read_input_bytes

    if isinstance(source, etree._ElementTree):
        tree = source
        name = str(source.docinfo.URL or "<input>")
        check_safe(tree, name)
    else:
        data = read_input_bytes(source) if isinstance(source, Path) else source
        name = str(source) if isinstance(source, Path) else "<input>"
        tree = parse_xml_bytes(data, name)
    processor = saxon_processor()
    executable = compiled_stylesheet(stylesheet)
    document = saxon_document(tree, name)
    with _lock:
        executable.clear_parameters()
        for key, value in params.items():
            executable.set_parameter(key, processor.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=document)
        except Exception as error:  # saxonche raises PySaxonApiError without a stable import path
            detail = " ".join(str(error).split())[:300]
            raise InputError(f"{name}: XSLT {stylesheet} failed: {detail}") from None
    if not result:
        raise InputError(f"{name}: XSLT {stylesheet} produced no output")
    return result
