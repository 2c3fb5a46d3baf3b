"""One local SparkSession with an Iceberg hadoop catalog for the whole test session."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pyspark.sql import SparkSession

from lakehouse.specs import DatasetSpec, load_specs

if TYPE_CHECKING:
    from tests.helpers import LakeRun

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


@pytest.fixture(scope="session")
def sample_lake(spark: SparkSession, specs: dict[str, DatasetSpec], lake_root: Path) -> LakeRun:
    """sample-data/landing run once through bronze, silver and gold on 2024-03-01."""
    # helpers imports this module, so it is imported here rather than at the top.
    from tests.helpers import REPO, LakeRun

    lake = LakeRun(spark, specs, lake_root / "sample")
    lake.run(REPO / "sample-data" / "landing", date(2024, 3, 1))
    return lake


@pytest.fixture
def lake(spark: SparkSession, specs: dict[str, DatasetSpec], tmp_path: Path) -> LakeRun:
    """A fresh, isolated lake per test."""
    from tests.helpers import LakeRun

    return LakeRun(spark, specs, tmp_path)
