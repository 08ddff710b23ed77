"""Rendering is XSLT only: Python passes paths and parameters, the stylesheets in ``xslt/`` do
the rest. Each stylesheet is compiled once per process (saxonche, XSLT 3.0)."""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree
from saxonche import PySaxonProcessor, PyXsltExecutable

from teikit.errors import InputError
from teikit.resources import xslt_path

_lock = threading.Lock()


@cache
def _processor() -> PySaxonProcessor:
    return PySaxonProcessor(license=False)


@cache
def compiled_stylesheet(name: str) -> PyXsltExecutable:
    """Compile ``xslt/NAME`` once per process."""
    with _lock:
        compiler = _processor().new_xslt30_processor()
        return compiler.compile_stylesheet(stylesheet_file=str(xslt_path(name)))


def transform_to_string(stylesheet: str, source: Path | bytes | etree._ElementTree,
                        **params: Any) -> str:
    """Run ``xslt/STYLESHEET`` on a TEI file (its bytes, or a tree parsed by
    :mod:`teikit.xmlio`) and return the serialised result.

    The source is parsed by :mod:`teikit.xmlio` first (no entities, no network) and handed to
    Saxon as a string, so Saxon never reads a DOCTYPE or fetches anything on its own.
    """
    from teikit.xmlio import parse_xml_bytes, read_input_bytes

    if isinstance(source, etree._ElementTree):
        tree = source
        name = str(source.docinfo.URL or "<input>")
    else:
        data = read_input_bytes(source) if isinstance(source, Path) else source
        name = str(source) if isinstance(source, Path) else "<input>"
        tree = parse_xml_bytes(data, name)
    text = etree.tostring(tree, encoding="unicode")
    processor = _processor()
    executable = compiled_stylesheet(stylesheet)
    with _lock:
        document = processor.parse_xml(xml_text=text)
        executable.clear_parameters()
        for key, value in params.items():
            executable.set_parameter(key, processor.make_string_value(str(value)))
        try:
            result = executable.transform_to_string(xdm_node=document)
        except Exception as error:  # saxonche raises PySaxonApiError without a stable import path
            raise InputError(f"{name}: XSLT {stylesheet} failed: {error}") from None
    if result is None:
        raise InputError(f"{name}: XSLT {stylesheet} produced no output")
    return result
