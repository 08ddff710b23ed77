"""The built edition schema is kept between runs, and never used once its source changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teikit import cache
from teikit.validate import xsd
from tests.conftest import REPO

from .conftest import SAMPLE


@pytest.fixture
def schema_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    copy = tmp_path / "edition.xsd"
    shutil.copy(REPO / "schema" / "edition.xsd", copy)
    return copy


def load_fresh(path: Path) -> object:
    """What a new process would get: bypass the per-process memo."""
    return xsd.load_xsd.__wrapped__(path)  # type: ignore[attr-defined]


def test_a_second_run_reads_the_built_schema_from_the_cache(schema_copy: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    first = load_fresh(schema_copy)
    assert list((schema_copy.parent / "cache").glob("xsd-*.pickle"))

    def no_building(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the schema was built again")

    monkeypatch.setattr(xsd.xmlschema, "XMLSchema", no_building)
    second = load_fresh(schema_copy)
    assert second is not first
    assert second.is_valid(str(SAMPLE))  # type: ignore[attr-defined]


def test_an_edited_schema_is_built_again(schema_copy: Path) -> None:
    load_fresh(schema_copy)
    text = schema_copy.read_text(encoding="utf-8")
    schema_copy.write_text(text.replace('<xs:enumeration value="letter"/>', ""),
                           encoding="utf-8")
    rebuilt = load_fresh(schema_copy)
    assert not rebuilt.is_valid(str(SAMPLE))  # type: ignore[attr-defined]


def test_an_empty_cache_setting_turns_the_cache_off(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.CACHE_ENV, "")
    assert cache.cache_dir() is None
    load_fresh(REPO / "schema" / "edition.xsd")
    assert not list(tmp_path.iterdir())


def test_a_corrupt_cache_entry_is_ignored(schema_copy: Path) -> None:
    load_fresh(schema_copy)
    (entry,) = (schema_copy.parent / "cache").glob("xsd-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert load_fresh(schema_copy).is_valid(str(SAMPLE))  # type: ignore[attr-defined]
