"""Progress of batch work: a bar with counts and an ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from typing import Any

import click


class TerminalProgress:
    """:class:`teikit.build.Progress` for the command line (on stderr, so stdout stays clean)."""

    def __init__(self, interactive: bool | None = None) -> None:
        self.interactive = sys.stderr.isatty() if interactive is None else interactive
        self._bar: Any = None
        self._label = ""
        self._total = 0
        self._count = 0

    def stage(self, label: str, total: int) -> None:
        self._label, self._total, self._count = label, total, 0
        if self.interactive:
            self._bar = click.progressbar(length=total, label=label.ljust(10), show_eta=True,
                                          show_pos=True, file=sys.stderr)
            self._bar.__enter__()

    def advance(self, message: str) -> None:
        self._count += 1
        if self._bar is not None:
            self._bar.update(1)
        else:
            click.echo(f"[{self._count}/{self._total}] {message}", err=True)

    def done(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def note(self, message: str) -> None:
        click.echo(message, err=True)
