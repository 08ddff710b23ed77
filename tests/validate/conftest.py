"""Helpers for the validation tests: the sample edition and its deliberately broken variants."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent / "data"
SAMPLE = DATA / "edition-sample.xml"
MANIFEST = DATA / "invalid-manifest.json"


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    errors: int
    warnings: int
    rules: tuple[str, ...]
    tei_all: bool

    def document(self) -> str:
        base = SAMPLE.read_text(encoding="utf-8")
        assert base.count(self.old) >= 1, f"{self.name}: {self.old!r} not in the sample"
        return base.replace(self.old, self.new, 1)

    def write(self, directory: Path) -> Path:
        slug = "".join(c if c.isalnum() else "-" for c in self.name.lower()).strip("-")
        path = directory / f"{slug}.xml"
        path.write_text(self.document(), encoding="utf-8")
        return path


def load_cases() -> list[Case]:
    manifest: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return [Case(c["name"], c["replace"][0], c["replace"][1], c["errors"], c.get("warnings", 0),
                 tuple(c["rules"]), c["tei_all"]) for c in manifest["cases"]]


@pytest.fixture(scope="session")
def broken_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every manifest case written out as a file, once per session."""
    directory = tmp_path_factory.mktemp("broken")
    for case in load_cases():
        case.write(directory)
    return directory
