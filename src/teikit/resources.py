"""Locate the project's run-time resources: ``schema/`` and ``xslt/``.

In a source checkout (editable install) they sit at the repository root; in a wheel they are
packaged under ``teikit/_data/``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """Return the directory ``schema`` or ``xslt`` wherever this installation keeps it."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"teikit resource directory {name!r} not found next to {_PACKAGE_DIR}")


def schema_path(filename: str) -> Path:
    return resource_dir("schema") / filename


def xslt_path(filename: str) -> Path:
    return resource_dir("xslt") / filename
