"""A local HTTP listener that fails the test if anything connects to it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Listener:
    """Records every request made to 127.0.0.1:PORT (answers 404, so nothing is served)."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                listener.hits.append(f"{self.command} {self.path}")
                self.send_error(404)

            do_HEAD = do_POST = do_GET

            def log_message(self, *_: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="session")
def listener() -> Iterator[Listener]:
    with Listener() as running:
        yield running


@pytest.fixture
def no_connections(listener: Listener) -> Iterator[Listener]:
    listener.hits.clear()
    yield listener
    assert listener.hits == [], f"something connected to the listener: {listener.hits}"
