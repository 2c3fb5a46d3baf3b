"""One local SparkSession with an Iceberg hadoop catalog for the whole test session."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from itertools import count
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

from lakehouse.gold import customer_ltv, daily_sales, product_daily
from lakehouse.pipeline import Locations, run_all, run_bronze, run_silver
from lakehouse.specs import DatasetSpec, load_specs
from lakehouse.summary import DatasetCounts, run_summary
from lakehouse.tables import Lake

CATALOG = "lake"
GOLD_TABLES = ("daily_sales", "customer_ltv", "product_daily")
lake_numbers = count(1)


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


class LakeRun:
    """One isolated lake (own namespaces and folders) in the session's catalog."""

    def __init__(self, spark: SparkSession, specs: dict[str, DatasetSpec], root: Path) -> None:
        n = next(lake_numbers)
        self.spark = spark
        self.specs = [specs["transactions"], specs["customers"]]
        self.lake = Lake(CATALOG, f"silver{n}", f"gold{n}")
        self.root = root

    def locations(self, landing: Path) -> Locations:
        return Locations(str(landing), str(self.root / "bronze"), str(self.root / "q"))

    def run(self, landing: Path, run_date: date) -> dict:
        run_id = f"run{next(lake_numbers):04d}"
        counts, gold = run_all(
            self.spark, self.lake, self.specs, self.locations(landing), run_date, run_id
        )
        return run_summary(run_date, run_id, counts, gold.touched_groups)["datasets"]

    def bronze_and_silver(self, landing: Path, run_date: date) -> list[DatasetCounts]:
        """A run that stops before gold."""
        run_bronze(
            self.spark,
            self.specs,
            self.locations(landing),
            run_date,
            f"run{next(lake_numbers):04d}",
        )
        return run_silver(self.spark, self.lake, self.specs, self.locations(landing), run_date)

    def gold(self, table: str) -> set[tuple]:
        return {tuple(r) for r in self.spark.table(self.lake.gold(table)).collect()}

    def all_gold(self) -> dict[str, set[tuple]]:
        return {t: self.gold(t) for t in GOLD_TABLES}

    def recomputed_gold(self) -> dict[str, set[tuple]]:
        """Gold computed from scratch over all of silver: what incremental gold must equal."""
        transactions = self.spark.table(self.lake.silver("transactions"))
        customers = self.spark.table(self.lake.silver("customers"))
        frames = {
            "daily_sales": daily_sales(transactions),
            "customer_ltv": customer_ltv(transactions, customers),
            "product_daily": product_daily(transactions),
        }
        return {t: {tuple(r) for r in f.collect()} for t, f in frames.items()}


@pytest.fixture
def lake(spark: SparkSession, specs: dict[str, DatasetSpec], tmp_path: Path) -> LakeRun:
    return LakeRun(spark, specs, tmp_path)
