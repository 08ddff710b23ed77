"""jing in this process's JVM (the one FOP runs in, :func:`teikit.render.fop.start_jvm`).

The ``jing`` command starts a JVM and compiles ``tei_all.rng`` for every run, about a second,
while checking a document takes milliseconds. A build asks for the schema as it starts
(:func:`prepare`, in a background thread while it converts); from then on
:func:`teikit.validate.relaxng.validate_relaxng` checks documents here, with the same
messages as the command (jing's own, with its line and column). Without JPype, jing's jar or a
schema prepared in this process, the command runs as before.

Nothing is fetched: the documents are given as bytes (without a DOCTYPE, see
:func:`teikit.xmlio.jing_copy`) to a parser that refuses any DOCTYPE and external entity, and
the schema is checked to be local (:func:`teikit.validate.relaxng.check_schema_is_local`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from teikit.cache import computed_once
from teikit.errors import InputError

_lock = threading.Lock()
_ready: set[Path] = set()


@dataclass(frozen=True)
class Message:
    """What jing said about a document: as the command prints it, ``line:column: severity``."""

    severity: str          # "error", "fatal" or "warning"
    line: int
    column: int
    text: str


@dataclass
class _Compiled:
    driver: Any
    handler: Any
    messages: list[Message] = field(default_factory=list)


def available() -> bool:
    """JPype, a JVM, FOP's jars (the JVM's class path) and jing's jar are all there."""
    from teikit.render.fop import jing_jar, jvm_available

    return jvm_available() and jing_jar() is not None


def prepare(schema: Path) -> None:
    """Compile ``schema`` in the JVM (starting it if need be), so that later checks use it."""
    _compiled(Path(schema).resolve())


def ready(schema: Path) -> bool:
    """Whether ``schema`` has been compiled here (by :func:`prepare`)."""
    return Path(schema).resolve() in _ready


def validate(schema: Path, documents: list[tuple[str, bytes]]) -> dict[str, list[Message]]:
    """jing's messages for each document (name, bytes), against the prepared ``schema``."""
    import jpype

    compiled = _compiled(Path(schema).resolve())
    source_class = jpype.JClass("org.xml.sax.InputSource")
    stream = jpype.JClass("java.io.ByteArrayInputStream")
    found: dict[str, list[Message]] = {}
    with _lock:
        for name, data in documents:
            compiled.messages.clear()
            source = source_class(stream(jpype.JArray(jpype.JByte)(data)))
            source.setSystemId(jpype.JString(Path(name).resolve().as_uri()))
            compiled.driver.validate(source)
            found[name] = list(compiled.messages)
    return found


@computed_once
def _compiled(schema: Path) -> _Compiled:
    import jpype

    from teikit.render.fop import start_jvm

    start_jvm()
    builder = jpype.JClass("com.thaiopensource.util.PropertyMapBuilder")()
    properties = jpype.JClass("com.thaiopensource.validate.ValidateProperty")
    compiled = _Compiled(driver=None, handler=None)
    compiled.handler = _handler_class()(compiled.messages)
    properties.ERROR_HANDLER.put(builder, compiled.handler)
    properties.XML_READER_CREATOR.put(builder, _reader_creator_class()())
    driver_class = jpype.JClass("com.thaiopensource.validate.ValidationDriver")
    compiled.driver = driver_class(builder.toPropertyMap())
    location = driver_class.fileInputSource(jpype.JString(str(schema)))
    with _lock:
        loaded = compiled.driver.loadSchema(location)
    if not loaded:
        detail = compiled.messages[0].text if compiled.messages else "the schema does not load"
        raise InputError(f"{schema}: jing failed: {detail}")
    compiled.messages.clear()
    _ready.add(schema)
    return compiled


@cache
def _handler_class() -> type:
    import jpype

    from teikit.render.fop import java_override

    @jpype.JImplements("org.xml.sax.ErrorHandler")
    class Handler:
        """Keeps what jing reports, as the command would print it."""

        def __init__(self, messages: list[Message]) -> None:
            self.messages = messages

        def _keep(self, severity: str, error: Any) -> None:
            self.messages.append(Message(severity, int(error.getLineNumber()),
                                         int(error.getColumnNumber()),
                                         " ".join(str(error.getMessage()).split())))

        @java_override
        def warning(self, error: Any) -> None:
            self._keep("warning", error)

        @java_override
        def error(self, error: Any) -> None:
            self._keep("error", error)

        @java_override
        def fatalError(self, error: Any) -> None:  # Java names it
            self._keep("fatal", error)

    return Handler


@cache
def _reader_creator_class() -> type:
    import jpype

    from teikit.render.fop import java_override, safe_sax_parser_factory

    @jpype.JImplements("com.thaiopensource.xml.sax.XMLReaderCreator")
    class ReaderCreator:
        """XML readers that read no DOCTYPE, no external entity and no XInclude."""

        @java_override
        def createXMLReader(self) -> Any:  # Java names it
            return safe_sax_parser_factory().newSAXParser().getXMLReader()

    return ReaderCreator


