"""Third-party readers of teikit's TEI, installed from the registries by `make install`."""

from __future__ import annotations

import os

import pytest


def missing(what: str, how: str) -> None:
    """In CI a missing reader fails the test (the install step is broken); elsewhere it skips."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is not installed: `make install` {how}")
    pytest.skip(f"{what} is not installed: {how}")
