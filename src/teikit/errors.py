"""Errors that reach the user as one line of text and a non-zero exit code."""

from __future__ import annotations


class TeikitError(Exception):
    """A problem the user can fix: bad input, a missing tool, an unwritable path.

    ``str(error)`` is the one-line message the CLI prints; ``hint`` says what to do about it.
    """

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(TeikitError):
    """The input cannot be read as what it claims to be (empty, binary, mis-encoded, malformed)."""


class OutputError(TeikitError):
    """An output cannot be written where asked (would overwrite the input, unwritable, …)."""


class ToolMissingError(TeikitError):
    """An external program (FOP, jing) is needed but not installed."""
