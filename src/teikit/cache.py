"""The user's cache: things teikit computed once and can read back in a later run.

Where: ``$TEIKIT_CACHE_DIR`` (set but empty: no cache at all), else ``$XDG_CACHE_HOME/teikit``,
else ``~/.cache/teikit``; the directory is created private (0700). Every entry is named by a
digest of everything it was computed from, written to a temporary file and renamed into place
(two processes writing the same entry at once both write whole, equal files), and read back
defensively: an entry that is missing, truncated or not what the reader expects is ignored and
computed again. The cache only ever saves time; deleting it at any moment is safe.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

CACHE_ENV = "TEIKIT_CACHE_DIR"


def cache_dir() -> Path | None:
    """``$TEIKIT_CACHE_DIR`` (set but empty: no cache), else ``$XDG_CACHE_HOME/teikit``, else
    ``~/.cache/teikit``."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit"


def digest(*parts: bytes | str) -> str:
    """SHA-256 over ``parts`` (each length-prefixed, so that no two lists share a digest)."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(f"{len(data)}:".encode())
        hasher.update(data)
    return hasher.hexdigest()


def file_stamp(path: Path | str) -> str:
    """A file's resolved path, size and modification time, for a key that must change when a
    tool's files do (jing's jar, FOP's jars, the JVM) without reading them."""
    resolved = Path(path).resolve()
    status = resolved.stat()
    return f"{resolved}:{status.st_size}:{status.st_mtime_ns}"


def entry_path(kind: str, key: str, suffix: str) -> Path | None:
    """Where the entry ``kind-KEY.SUFFIX`` lives, or ``None`` when the cache is off."""
    directory = cache_dir()
    return None if directory is None else directory / f"{kind}-{key[:40]}{suffix}"


def read_entry(kind: str, key: str, suffix: str) -> bytes | None:
    """The bytes of an entry, or ``None`` (no cache, no entry, unreadable)."""
    path = entry_path(kind, key, suffix)
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_entry(kind: str, key: str, suffix: str, data: bytes) -> None:
    """Store an entry atomically; any failure is ignored (the cache is an optimisation)."""
    from teikit.xmlio import write_bytes_atomically

    path = entry_path(kind, key, suffix)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_bytes_atomically(path, data)
    except Exception:
        return


# ------------------------------------------------------------------------- in this process

def computed_once(function: Callable[P, T]) -> Callable[P, T]:
    """As :func:`functools.cache` (positional, hashable arguments), except that a value two
    threads ask for at once is computed once: the second waits for the first. A compilation
    started in the background (:func:`teikit.render.prepare`) is then never done twice. A
    failure is not remembered: the next call tries again."""
    lock = threading.Lock()
    done: dict[Hashable, T] = {}
    pending: dict[Hashable, threading.Event] = {}

    @functools.wraps(function)
    def once(*args: P.args, **kwargs: P.kwargs) -> T:
        key: Hashable = (args, tuple(sorted(kwargs.items())))
        while True:
            with lock:
                if key in done:
                    return done[key]
                event = pending.get(key)
                if event is None:
                    event = pending[key] = threading.Event()
                    break
            event.wait()
        try:
            value = function(*args, **kwargs)
            with lock:
                done[key] = value
            return value
        finally:
            with lock:
                pending.pop(key, None)
            event.set()

    return once
