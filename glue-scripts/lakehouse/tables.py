"""Iceberg table names, DDL and the batch ledger shared by the silver and gold jobs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from lakehouse.specs import DatasetSpec, Field

# Row metadata carried from bronze into silver, so every silver row names its source line.
SILVER_METADATA = (
    ("source_file", "string"),
    ("line_number", "int"),
    ("ingest_ts", "timestamp"),
    ("batch_id", "string"),
)
LEDGER_COLUMNS = (
    ("dataset", "string"),
    ("layer", "string"),
    ("batch_id", "string"),
    ("run_date", "date"),
    ("processed_ts", "timestamp"),
)


@dataclass(frozen=True)
class Lake:
    """Where a deployment keeps its tables: the Iceberg catalog and the per-layer databases."""

    catalog: str
    silver_database: str
    gold_database: str

    def silver(self, dataset: str) -> str:
        return f"{self.catalog}.{self.silver_database}.{dataset}"

    def ledger(self) -> str:
        return f"{self.catalog}.{self.silver_database}.processed_batches"

    def gold(self, table: str) -> str:
        return f"{self.catalog}.{self.gold_database}.{table}"


def spark_type(field: Field) -> str:
    return "int" if field.type == "integer" else field.type


def column_list(columns: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> str:
    return ", ".join(f"{name} {kind}" for name, kind in columns)


def silver_columns(spec: DatasetSpec) -> list[tuple[str, str]]:
    return [(f.name, spark_type(f)) for f in spec.fields] + list(SILVER_METADATA)


def change_columns(spec: DatasetSpec) -> list[str]:
    """The key and the columns gold reads: a change elsewhere (e.g. an email) touches no gold."""
    return list(dict.fromkeys([*spec.key, *spec.gold_inputs]))


def partition_clause(spec: DatasetSpec) -> str:
    transforms = {"identity": "{}", "day": "days({})", "month": "months({})", "year": "years({})"}
    parts = [transforms[p.transform].format(p.column) for p in spec.partitioning]
    return f" PARTITIONED BY ({', '.join(parts)})" if parts else ""


def create_namespace(spark: SparkSession, catalog: str, database: str) -> None:
    spark.sql(f"CREATE NAMESPACE IF NOT EXISTS {catalog}.{database}")


# Gold reads silver's changes from Iceberg's changelog, which covers copy-on-write snapshots
# only; the modes are pinned so an engine default or a later ALTER cannot switch them silently.
COPY_ON_WRITE = {
    "write.merge.mode": "copy-on-write",
    "write.update.mode": "copy-on-write",
    "write.delete.mode": "copy-on-write",
}


def create_table(
    spark: SparkSession,
    name: str,
    columns: list[tuple[str, str]],
    partitioning: str = "",
    properties: dict[str, str] | None = None,
) -> None:
    settings = {"format-version": "2", **(properties or {})}
    listed = ", ".join(f"'{k}' = '{v}'" for k, v in settings.items())
    spark.sql(
        f"CREATE TABLE IF NOT EXISTS {name} ({column_list(columns)}) USING iceberg{partitioning}"
        f" TBLPROPERTIES ({listed})"
    )


def ensure_silver_tables(spark: SparkSession, lake: Lake, spec: DatasetSpec) -> None:
    create_namespace(spark, lake.catalog, lake.silver_database)
    create_table(
        spark, lake.silver(spec.name), silver_columns(spec), partition_clause(spec), COPY_ON_WRITE
    )
    create_table(spark, lake.ledger(), list(LEDGER_COLUMNS))


def processed_batches(spark: SparkSession, lake: Lake, dataset: str, layer: str) -> set[str]:
    if not spark.catalog.tableExists(lake.ledger()):
        return set()
    rows = (
        spark.table(lake.ledger())
        .where((F.col("dataset") == dataset) & (F.col("layer") == layer))
        .select("batch_id")
        .collect()
    )
    return {r.batch_id for r in rows}


def record_batches(
    spark: SparkSession, lake: Lake, dataset: str, layer: str, batch_ids: list[str], run_date: date
) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [(dataset, layer, b, run_date, now) for b in batch_ids]
    spark.createDataFrame(rows, column_list(LEDGER_COLUMNS)).writeTo(lake.ledger()).append()


def merge_by_key(spark: SparkSession, target: str, source: DataFrame, key: tuple[str, ...]) -> None:
    """Upsert: the source row replaces the target row with the same key.

    A matching target row has its first key column within the source's range, so the ON clause
    says so with literals: Iceberg then skips every file whose min/max of that column lies
    outside the range. With time-ordered keys (order numbers, ULIDs) that leaves the recent
    files only; with random keys the range spans everything and nothing changes.
    """
    first = key[0]
    low, high = source.agg(F.min(first), F.max(first)).first() or (None, None)
    if low is None:
        return
    view = f"merge_source_{abs(hash(target))}"
    source.createOrReplaceTempView(view)
    on = " AND ".join(f"t.{k} = s.{k}" for k in key)
    spark.sql(
        f"MERGE INTO {target} t USING {view} s ON {on} AND t.{first} BETWEEN :low AND :high "
        "WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *",
        args={"low": low, "high": high},
    )
    spark.catalog.dropTempView(view)
