"""Serve a built site on this machine only (127.0.0.1): the search loads its index with fetch(),
which browsers refuse for pages opened from file://."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from teikit.errors import InputError

LOOPBACK = "127.0.0.1"


_TYPES = {**http.server.SimpleHTTPRequestHandler.extensions_map,
          ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm",
          ".pf_meta": "application/octet-stream"}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Pagefind's files with their types; no request log."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.extensions_map = _TYPES
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(site_dir: Path, port: int = 0, host: str = LOOPBACK
                ) -> http.server.ThreadingHTTPServer:
    """A server for ``site_dir`` on ``host:port`` (port 0: any free port)."""
    site_dir = Path(site_dir)
    if not (site_dir / "index.html").is_file():
        raise InputError(f"{site_dir}: no index.html here", hint="build the edition first")
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    return http.server.ThreadingHTTPServer((host, port), handler)


@contextmanager
def serving(site_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve ``site_dir`` in a background thread for the duration of the block; yields its URL."""
    server = make_server(site_dir, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOOPBACK}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
