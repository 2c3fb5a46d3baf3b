"""One local SparkSession with an Iceberg hadoop catalog for the whole test session."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

from lakehouse.specs import DatasetSpec, load_specs

CATALOG = "lake"


@pytest.fixture(scope="session")
def lake_root() -> Iterator[Path]:
    root = Path(tempfile.mkdtemp(prefix="lakehouse-tests-"))
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def spark(lake_root: Path) -> Iterator[SparkSession]:
    from lakehouse.spark_config import local_session

    session = local_session(lake_root / "warehouse", catalog=CATALOG)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def specs() -> dict[str, DatasetSpec]:
    return load_specs()


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    folder = tmp_path / "landing"
    folder.mkdir()
    return folder
