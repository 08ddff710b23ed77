"""Rendering is XSLT only: Python passes paths and parameters, the stylesheets in ``xslt/`` do
the rest. Each stylesheet is compiled once per process (saxonche, XSLT 3.0).

A stylesheet is named either by its path inside ``xslt/`` (a ``str``, e.g. ``"html/html.xsl"``)
or, for a project's own stylesheet, by its file (a :class:`~pathlib.Path`). A project
stylesheet imports teikit's by a stable name that ``xslt/catalog.xml`` resolves, e.g.
``<xsl:import href="urn:teikit:xslt:html"/>``, and overrides the templates it wants.

Saxon only ever sees documents parsed by :mod:`teikit.xmlio` (no DTD, no entities, no network),
re-serialised without their DOCTYPE, through the one processor that module configures.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Generic, TypeAlias, TypeVar, cast

from lxml import etree
from saxonche import PySaxonProcessor, PyXsltExecutable

from teikit.cache import computed_once
from teikit.convert import conventions
from teikit.errors import InputError
from teikit.resources import xslt_path
from teikit.xmlio import SAXON_LOCK, saxon_input, saxon_input_text, saxon_processor

CATALOG = "catalog.xml"
R = TypeVar("R")

Stylesheet: TypeAlias = str | Path
"""A stylesheet of teikit's by its path in ``xslt/`` (str), or a project's by its file (Path)."""

_lock = SAXON_LOCK

# The shared layer (xslt/common/common.xsl) declares this parameter; every teikit stylesheet
# and every project stylesheet that imports one is given it.
CONVENTIONS_PARAMETER = "{urn:teikit}conventions"
# and this one: false when the input holds no control character, so that no text node of it
# needs to be searched for one (xslt/common/text.xsl)
CONTROLS_PARAMETER = "{urn:teikit}input-has-controls"


@cache
def conventions_parameter() -> str:
    """The encoding's tables, defined once in :mod:`teikit.convert.conventions`, as the JSON
    the stylesheets read: quotation marks by ``@rend`` token, the signatures of editorial notes
    and their dashes, the editorial brackets, the marks of stage directions by ``@rend``
    token. The XSLT holds no copy of them."""
    return json.dumps({
        "quote-marks": {rend: list(marks) for rend, marks in conventions.QUOTE_MARKS.items()},
        "signatures": {token: word for token, (word, _) in conventions.SIGNATURES.items()},
        "signature-dash": conventions.SIGNATURE_DASH,
        "signature-dashes": conventions.SIGNATURE_DASHES,
        "brackets": list(conventions.BRACKETS),
        "stage-marks": {rend: list(marks) for rend, marks in conventions.STAGE_MARKS.items()},
    }, ensure_ascii=False, sort_keys=True)


@cache
def _processor() -> PySaxonProcessor:
    """The one safe processor (:func:`teikit.xmlio.saxon_processor`, which also loads
    ``xslt/catalog.xml``)."""
    return saxon_processor()


def compiled_stylesheet(stylesheet: Stylesheet) -> PyXsltExecutable:
    """The compiled stylesheet: ``xslt/NAME`` for a name, the file itself for a path. Compiled
    once per process (a project's file again when it has changed)."""
    if isinstance(stylesheet, str):
        return _compile(xslt_path(stylesheet), None)
    path = Path(stylesheet).resolve()
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        raise InputError(f"{stylesheet}: no such stylesheet",
                         hint="check the path (a config's stylesheet is relative to the config)"
                         ) from None
    try:
        return _compile(path, modified)
    except InputError:
        raise
    except Exception as error:  # saxonche raises PySaxonApiError without a stable import path
        raise InputError(f"{stylesheet}: the stylesheet does not compile: {error}",
                         hint="a project stylesheet imports teikit's, e.g. "
                              '<xsl:import href="urn:teikit:xslt:html"/>') from None


@computed_once
def _compile(path: Path, modified: int | None) -> PyXsltExecutable:
    """``modified`` is part of the cache key only, so that an edited file is compiled again."""
    with _lock:
        compiler = _processor().new_xslt30_processor()
        return compiler.compile_stylesheet(stylesheet_file=str(path))


class InBackground(threading.Thread, Generic[R]):
    """A function run in a thread of its own, started at once; :meth:`result` waits for it and
    returns its value or raises what it raised. The thread detaches from the JVM before it ends
    (:func:`teikit.render.fop.detach_from_jvm`: one that ends attached keeps the process from
    exiting)."""

    def __init__(self, function: Callable[[], R], name: str = "teikit-background") -> None:
        super().__init__(name=name, daemon=True)
        self._function = function
        self._value: R | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        from teikit.render.fop import detach_from_jvm

        try:
            self._value = self._function()
        except BaseException as error:  # handed to the caller's thread
            self._error = error
        finally:
            detach_from_jvm()

    def result(self) -> R:
        self.join()
        if self._error is not None:
            raise self._error
        return cast(R, self._value)


def prepare(*work: Stylesheet | Callable[[], object]) -> InBackground[None]:
    """Compile these stylesheets (or run these callables, say another compilation) in order in a
    background thread, and return it: saxonche lets Python run while it compiles, so a build
    compiles what it will need while it converts. A failure is left for the real call to
    report; join the thread before the process ends."""
    def run() -> None:
        for item in work:
            try:
                item() if callable(item) else compiled_stylesheet(item)
            except Exception:  # reported when the stylesheet is used
                continue

    return InBackground(run, name="teikit-compile")


# The files read last, parsed (checked) and handed to Saxon, by their path and the digest of
# their bytes: a build renders each TEI file to HTML and to XSL-FO, one after the other, and
# parses it once. The bytes are read (and checked) every time, so a file that changed, however
# quickly, is parsed again. A very large file is not kept (its tree would outweigh the saving).
_SOURCES_KEPT = 2
_SOURCE_KEPT_BYTES = 16 * 1024 * 1024
_sources: dict[tuple[str, str], tuple[etree._ElementTree, Any, bool]] = {}
_sources_lock = threading.Lock()


def forget_sources() -> None:
    """Forget the files kept parsed (for a benchmark that must parse every time)."""
    with _sources_lock:
        _sources.clear()


def read_source(path: Path) -> etree._ElementTree:
    """The TEI file at ``path``, parsed and checked by :mod:`teikit.xmlio` (the tree the
    stylesheets will be given when :func:`transform_to_string` is called with the path)."""
    return _read_source(path)[0]


def _read_source(path: Path) -> tuple[etree._ElementTree, Any, bool]:
    import hashlib

    from teikit.xmlio import parse_xml_bytes, read_input_bytes

    name = str(path)
    data = read_input_bytes(path)
    key = (name, hashlib.sha256(data).hexdigest())
    with _sources_lock:
        kept = _sources.get(key)
    if kept is not None:
        return kept
    tree = parse_xml_bytes(data, name)
    document, controls = saxon_input(tree, name)
    if len(data) > _SOURCE_KEPT_BYTES:
        return tree, document, controls
    with _sources_lock:
        _sources[key] = (tree, document, controls)
        while len(_sources) > _SOURCES_KEPT:
            del _sources[next(iter(_sources))]
    return tree, document, controls


@dataclass(frozen=True)
class SaxonSource:
    """A document read once for several transformations: the edition-wide pages read the same
    manifests."""

    name: str
    document: Any      # saxonche's PyXdmNode
    controls: bool     # whether it holds a control character (see saxon_input)

    @classmethod
    def written_here(cls, data: bytes, name: str) -> SaxonSource:
        """A document that teikit itself serialised with lxml (UTF-8, no DOCTYPE), read by Saxon
        as it is: not parsed by lxml first, which would hold a second tree of it."""
        return cls(name, *saxon_input_text(data.decode("utf-8"), name))


def _to_saxon(source: bytes | etree._ElementTree, name: str) -> tuple[Any, bool]:
    from teikit.xmlio import check_safe, parse_xml_bytes

    if isinstance(source, etree._ElementTree):
        check_safe(source, name)
        tree = source
    else:
        tree = parse_xml_bytes(source, name)
    return saxon_input(tree, name)


def transform_to_string(stylesheet: Stylesheet,
                        source: Path | bytes | etree._ElementTree | SaxonSource,
                        **params: Any) -> str:
    """Run a stylesheet (see :func:`compiled_stylesheet`) on a TEI file (its bytes, a tree
    parsed by :mod:`teikit.xmlio`, or a :class:`SaxonSource`) and return the serialised result.

    The source is parsed by :mod:`teikit.xmlio` first (no entities, no network) and handed to
    Saxon as its re-serialised root element, so Saxon never reads a DOCTYPE or fetches anything.
    """
    if isinstance(source, Path):
        name = str(source)
        _, document, controls = _read_source(source)
    elif isinstance(source, SaxonSource):
        name, document, controls = source.name, source.document, source.controls
    else:
        name = str(source.docinfo.URL or "<input>") \
            if isinstance(source, etree._ElementTree) else "<input>"
        document, controls = _to_saxon(source, name)
    processor = _processor()
    executable = compiled_stylesheet(stylesheet)
    with _lock:
        executable.clear_parameters()
        executable.set_parameter(CONVENTIONS_PARAMETER,
                                 processor.make_string_value(conventions_parameter()))
        executable.set_parameter(CONTROLS_PARAMETER, processor.make_boolean_value(controls))
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
