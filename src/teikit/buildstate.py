"""What the last build made, and from what: the small state that lets ``teikit build`` skip work.

The state lives in the site folder, ``SITE/.teikit-build/``:

- ``state.json`` — per text the fingerprint of its inputs (source bytes, its settings in the
  config, the register, its corrections, teikit's own code, stylesheets and schemas), the hash
  of the TEI written and the fingerprint of its rendering (the TEI, its neighbours in the
  edition, the formats); for the edition-wide pages one fingerprint of everything they show;
- ``digests/NAME.xml`` — per text what the edition-wide pages need (header, dates, mentions,
  paragraph texts), so that they are rebuilt without reading every TEI file again;
- ``search/NAME/para-N.html`` — per paragraph the page Pagefind indexes.

Deleting the folder (or ``teikit build --force``) rebuilds everything. A state that cannot be
read is treated as absent.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from teikit.cache import digest
from teikit.resources import resource_dir
from teikit.xmlio import write_text_atomically

STATE_DIRNAME = ".teikit-build"
STATE_VERSION = 1
_PACKAGE_DIR = Path(__file__).resolve().parent


def file_hash(path: Path | None) -> str:
    """The hash of a file's bytes; ``"-"`` for no file, ``"missing"`` for one that is not there."""
    if path is None:
        return "-"
    try:
        return digest(Path(path).read_bytes())
    except OSError:
        return "missing"


def _tree_files(folder: Path, patterns: Iterable[str]) -> list[Path]:
    files: set[Path] = set()
    for pattern in patterns:
        files.update(p for p in folder.rglob(pattern) if p.is_file())
    return sorted(files)


@cache
def code_fingerprint() -> str:
    """teikit's own part in every output: its Python code, stylesheets, assets and schemas."""
    parts: list[bytes | str] = []
    for folder, patterns in ((_PACKAGE_DIR, ["*.py"]), (resource_dir("xslt"), ["*"]),
                             (resource_dir("schema"), ["*"])):
        for path in _tree_files(folder, patterns):
            if "__pycache__" in path.parts:
                continue
            parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return digest(*parts)


def json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


@dataclass
class TextState:
    inputs: str = ""        # fingerprint of what the conversion read
    tei: str = ""           # hash of the TEI it wrote
    render: str = ""        # fingerprint of what the rendering read
    outputs: list[str] = field(default_factory=list)   # site files written, relative to the site


@dataclass
class BuildState:
    """The state of one site folder (see the module docstring)."""

    site_dir: Path
    texts: dict[str, TextState] = field(default_factory=dict)
    edition: str = ""
    edition_outputs: list[str] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        return self.site_dir / STATE_DIRNAME

    @property
    def digests(self) -> Path:
        return self.folder / "digests"

    def digest_path(self, name: str) -> Path:
        return self.digests / f"{name}.xml"

    @property
    def search_pages(self) -> Path:
        return self.folder / "search"

    def search_folder(self, name: str) -> Path:
        return self.search_pages / name

    @classmethod
    def load(cls, site_dir: Path) -> BuildState:
        state = cls(Path(site_dir))
        try:
            data = json.loads((state.folder / "state.json").read_text(encoding="utf-8"))
            if data.get("version") != STATE_VERSION:
                return state
            state.texts = {name: TextState(**entry) for name, entry in data["texts"].items()}
            state.edition = str(data.get("edition", ""))
            state.edition_outputs = list(data.get("edition_outputs", []))
        except (OSError, ValueError, TypeError, KeyError):
            return cls(Path(site_dir))
        return state

    def save(self) -> None:
        self.digests.mkdir(parents=True, exist_ok=True)
        data = {"version": STATE_VERSION,
                "texts": {name: vars(entry) for name, entry in sorted(self.texts.items())},
                "edition": self.edition, "edition_outputs": self.edition_outputs}
        write_text_atomically(self.folder / "state.json",
                              json.dumps(data, indent=1, ensure_ascii=False) + "\n")
