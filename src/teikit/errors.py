"""Every error teikit raises, each with the exit code the command line ends with.

A :class:`TeikitError` is a problem the user can fix (bad input, a missing tool, an unwritable
path): the command line prints ``str(error)`` as one line on stderr and exits with the class's
``exit_code`` (like click's exceptions), without a traceback. :class:`LossError` is the one
error that is a bug of teikit itself, not of its input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from teikit.validate.report import Problem

# exit codes: 1 the input is well-formed but invalid, 2 it cannot be used at all, 70 (sysexits'
# EX_SOFTWARE) teikit has a bug
INVALID, UNUSABLE, INTERNAL = 1, 2, 70


class TeikitError(Exception):
    """A problem the user can fix: bad input, a missing tool, an unwritable path.

    ``str(error)`` is the one-line message the CLI prints; ``hint`` says what to do about it.
    """

    exit_code = UNUSABLE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(TeikitError):
    """The input cannot be read as what it claims to be (empty, binary, mis-encoded, malformed)."""


class OddError(InputError):
    """An ODD customisation uses a construct teikit does not compile."""


class OutputError(TeikitError):
    """An output cannot be written where asked (would overwrite the input, unwritable, …)."""


class ToolMissingError(TeikitError):
    """An external program (FOP, jing) is needed but not installed."""


class UnreadableError(InputError):
    """A document to validate cannot be checked at all; ``problem`` says why (a fatal problem,
    reported like every other problem)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class InvalidConversionError(TeikitError):
    """The TEI the converter made does not pass the edition schema and rules: it is not written
    (the earlier file stays as it was)."""

    exit_code = INVALID


class EditedTeiError(TeikitError):
    """A TEI file would be overwritten although it is not what teikit wrote (edited by hand, or
    without a fingerprint): see :mod:`teikit.fingerprint`."""

    exit_code = INVALID


class CorrectionError(InputError):
    """An editor's correction cannot be read, or no longer matches the text."""


class BuildFailedError(TeikitError):
    """Some texts of an edition were not built (each is reported with its reason); the others
    were, and the failed ones keep their earlier outputs."""

    exit_code = INVALID


class InvalidEditionError(InvalidConversionError):
    """The generated TEI does not validate: the build stops before writing or rendering."""


class FopError(TeikitError):
    """FOP reported an error, an unresolved reference or a character missing from the fonts."""


class LossError(AssertionError):
    """Weaving would lose or alter source characters (a bug in a pass or in the weave, never the
    input's fault: it is not a :class:`TeikitError`, and the command line shows its traceback)."""

    exit_code = INTERNAL
