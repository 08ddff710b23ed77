"""Build the edition: every source in ``tei/sources/`` becomes ``tei/NAME.xml``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from teikit.config import load_config
from teikit.convert import convert_file
from teikit.errors import InputError


def build_edition(config_path: Path, warn: Callable[[str], None] = lambda _: None
                  ) -> Iterator[str]:
    """Convert every ``*.txt`` in the config's sources folder; yield progress lines."""
    config = load_config(config_path)
    sources = sorted(config.sources_dir.glob("*.txt"))
    if not sources:
        raise InputError(f"{config.sources_dir}: no *.txt sources to convert")
    for source in sources:
        output = config.output_dir / f"{source.stem}.xml"
        result = convert_file(source, output, config_path=config_path)
        for message in result.warnings:
            warn(f"{source.name}: {message}")
        yield f"converted {source} → {output}"
