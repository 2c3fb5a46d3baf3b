"""Small builders shared by the tests."""

from __future__ import annotations

import json
import re
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

from pyspark.sql import SparkSession

from lakehouse.gold import customer_ltv, daily_sales, product_daily
from lakehouse.pipeline import Locations, run_all, run_bronze, run_silver
from lakehouse.specs import DatasetSpec
from lakehouse.summary import DatasetCounts, run_summary
from lakehouse.tables import Lake
from tests.conftest import CATALOG

REPO = Path(__file__).resolve().parents[2]
GOLD_TABLES = ("daily_sales", "customer_ltv", "product_daily")
lake_numbers = count(1)


def write_landing(landing: Path, dataset: str, name: str, content: str | bytes) -> Path:
    """A landing file written byte for byte, so BOMs and CRLFs reach the reader untouched."""
    target = landing / dataset / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return target


def jsonl(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def transaction(transaction_id: str, **overrides: Any) -> dict[str, Any]:
    """A valid transaction; overrides change or (with None) remove single fields."""
    record: dict[str, Any] = {
        "transaction_id": transaction_id,
        "customer_id": "C1",
        "product_id": "P1",
        "quantity": 2,
        "unit_price": "10.00",
        "currency": "USD",
        "transaction_ts": "2024-03-01T10:00:00Z",
        "status": "completed",
        "channel": "web",
    }
    record.update(overrides)
    return {k: v for k, v in record.items() if v is not None}


def customer(customer_id: str, **overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "customer_id": customer_id,
        "email": "someone@example.com",
        "country": "DE",
        "signup_date": "2023-05-01",
        "segment": "retail",
    }
    record.update(overrides)
    return {k: v for k, v in record.items() if v is not None}


def bronze_frame(spark: Any, payloads: list[str | None], source_file: str = "f.jsonl") -> Any:
    """Bronze-shaped rows, one per payload, numbered from line 1 of one source file."""
    from datetime import date, datetime

    from lakehouse.bronze import BRONZE_SCHEMA

    rows = [
        (source_file, n, "json", p or "", p, datetime(2024, 3, 1), "b1", date(2024, 3, 1))
        for n, p in enumerate(payloads, start=1)
    ]
    return spark.createDataFrame(rows, BRONZE_SCHEMA)


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


def expected_sample_counts() -> dict:
    readme = (REPO / "sample-data" / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```json expected-counts\n(.*?)```", readme, re.DOTALL)
    assert block, "sample-data/README.md must hold the expected-counts block"
    return json.loads(block.group(1))
