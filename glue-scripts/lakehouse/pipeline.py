"""The three hops in order, as the Glue jobs run them, for one set of datasets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from pyspark.sql import SparkSession

from lakehouse import bronze, gold, silver
from lakehouse.specs import DatasetSpec
from lakehouse.summary import DatasetCounts
from lakehouse.tables import Lake


@dataclass(frozen=True)
class Locations:
    landing_uri: str
    bronze_uri: str
    quarantine_uri: str


def run_bronze(
    spark: SparkSession,
    specs: list[DatasetSpec],
    locations: Locations,
    run_date: date,
    run_id: str,
) -> list[bronze.BronzeResult]:
    ingest_ts = datetime.now(UTC).replace(tzinfo=None)
    return [
        bronze.ingest(
            spark, spec, locations.landing_uri, locations.bronze_uri, run_date, run_id, ingest_ts
        )
        for spec in specs
    ]


def run_silver(
    spark: SparkSession,
    lake: Lake,
    specs: list[DatasetSpec],
    locations: Locations,
    run_date: date,
) -> list[DatasetCounts]:
    return [
        silver.process(
            spark, lake, spec, locations.bronze_uri, locations.quarantine_uri, run_date
        ).counts
        for spec in specs
    ]


def run_all(
    spark: SparkSession,
    lake: Lake,
    specs: list[DatasetSpec],
    locations: Locations,
    run_date: date,
    run_id: str,
) -> tuple[list[DatasetCounts], gold.GoldResult]:
    run_bronze(spark, specs, locations, run_date, run_id)
    counts = run_silver(spark, lake, specs, locations, run_date)
    return counts, gold.refresh(spark, lake)
