"""An edition folder with the seed (its config, register and source) to correct."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def seed_folder(root: Path) -> Path:
    """``root/tei`` holding edition.toml, register.xml and sources/ of the project."""
    tei = root / "tei"
    (tei / "sources").mkdir(parents=True)
    for name in ("edition.toml", "register.xml"):
        shutil.copy(REPO / "tei" / name, tei / name)
    shutil.copy(REPO / "tei" / "sources" / "serge-year-one-2.txt", tei / "sources")
    return tei


@pytest.fixture
def seed_tei(tmp_path: Path) -> Path:
    return seed_folder(tmp_path)
