"""Paths shared by every test. ``../shared`` is the read-only project input beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_cbfdfa432e988fe7.txt"
GOLD = SHARED / "gold" / "seed-gold.json"
TEI_ALL_RNG = SHARED / "tei-p5" / "tei_all.rng"
CORPUS = SHARED / "tei-corpus"
SEED_SOURCE = REPO / "tei" / "sources" / "serge-year-one-2.txt"
SEED_TEI = REPO / "tei" / "serge-year-one-2.xml"
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture
def artifacts_dir() -> Path:
    """Where tests leave files for a person to look at (screenshots, page images)."""
    path = REPO / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


TRANSCRIPTIONS = FIXTURES / "transcriptions"


def jing(*paths: Path) -> tuple[int, str]:
    """Validate files against the official tei_all.rng with Debian's jing: (exit code, errors)."""
    import subprocess

    completed = subprocess.run(["jing", str(TEI_ALL_RNG), *map(str, paths)],
                               capture_output=True, text=True, check=False)
    lines = [line for line in (completed.stdout + completed.stderr).splitlines()
             if line.strip() and "[warning]" not in line]
    return completed.returncode, "\n".join(lines)
