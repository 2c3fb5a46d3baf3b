"""Gold: business aggregates as Iceberg tables, recomputed only for the groups a run touched.

Silver records the old and new version of every upserted row (the `*_changes` tables). Gold
reads the changes of the silver runs it has not processed, derives the touched groups, and
recomputes just those groups from silver:
- daily_sales / product_daily: touched (order_date, ...) groups, reading only the touched
  days of silver transactions (partition pruning on days(transaction_ts));
- customer_ltv: touched customers, from changed transactions and changed customers (so a
  customer that lands after their transactions gains country and segment).
A group whose recomputation is empty is deleted; an unchanged group is not rewritten, so
re-running a day with the same data changes nothing.

A gold row exists for a group with at least one transaction its measures count:
completed (all tables) or refunded (daily_sales.refunds).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F

from lakehouse.tables import Lake, create_namespace, create_table, processed_batches, record_batches

TRANSACTIONS = "transactions"
CUSTOMERS = "customers"
MONEY = "decimal(18,2)"


@dataclass(frozen=True)
class GoldTable:
    name: str
    keys: tuple[str, ...]
    columns: tuple[tuple[str, str], ...]
    partitioning: str

    @property
    def measures(self) -> tuple[str, ...]:
        return tuple(n for n, _ in self.columns if n not in self.keys)


DAILY_SALES = GoldTable(
    "daily_sales",
    ("order_date", "channel", "currency"),
    (
        ("order_date", "date"),
        ("channel", "string"),
        ("currency", "string"),
        ("orders", "bigint"),
        ("units", "bigint"),
        ("revenue", MONEY),
        ("refunds", MONEY),
    ),
    " PARTITIONED BY (months(order_date))",
)
CUSTOMER_LTV = GoldTable(
    "customer_ltv",
    ("customer_id", "currency"),
    (
        ("customer_id", "string"),
        ("currency", "string"),
        ("orders", "bigint"),
        ("revenue", MONEY),
        ("first_order_ts", "timestamp"),
        ("last_order_ts", "timestamp"),
        ("country", "string"),
        ("segment", "string"),
    ),
    "",
)
PRODUCT_DAILY = GoldTable(
    "product_daily",
    ("order_date", "product_id", "currency"),
    (
        ("order_date", "date"),
        ("product_id", "string"),
        ("currency", "string"),
        ("units", "bigint"),
        ("revenue", MONEY),
    ),
    " PARTITIONED BY (months(order_date))",
)
GOLD_TABLES = (DAILY_SALES, CUSTOMER_LTV, PRODUCT_DAILY)


def _order_date() -> Column:
    # The session time zone is UTC, so this is the UTC date of the instant.
    return F.to_date("transaction_ts").alias("order_date")


def _sum_where(condition: Column, value: str) -> Column:
    return F.sum(F.when(condition, F.col(value)))


def _shape(frame: DataFrame, table: GoldTable) -> DataFrame:
    return frame.select(*[F.col(n).cast(t).alias(n) for n, t in table.columns])


def daily_sales(transactions: DataFrame) -> DataFrame:
    """orders, units and revenue over completed; refunds = amount over refunded."""
    completed = F.col("status") == "completed"
    counted = transactions.where(F.col("status").isin("completed", "refunded"))
    aggregated = counted.groupBy(_order_date(), "channel", "currency").agg(
        F.count(F.when(completed, 1)).alias("orders"),
        F.coalesce(_sum_where(completed, "quantity"), F.lit(0)).alias("units"),
        F.coalesce(_sum_where(completed, "amount"), F.lit(0)).alias("revenue"),
        F.coalesce(_sum_where(F.col("status") == "refunded", "amount"), F.lit(0)).alias("refunds"),
    )
    return _shape(aggregated, DAILY_SALES)


def product_daily(transactions: DataFrame) -> DataFrame:
    """units and revenue over completed transactions."""
    completed = transactions.where(F.col("status") == "completed")
    aggregated = completed.groupBy(_order_date(), "product_id", "currency").agg(
        F.sum("quantity").alias("units"), F.sum("amount").alias("revenue")
    )
    return _shape(aggregated, PRODUCT_DAILY)


def customer_ltv(transactions: DataFrame, customers: DataFrame) -> DataFrame:
    """Completed orders per customer and currency, with country and segment when known."""
    completed = transactions.where(F.col("status") == "completed")
    aggregated = completed.groupBy("customer_id", "currency").agg(
        F.count(F.lit(1)).alias("orders"),
        F.sum("amount").alias("revenue"),
        F.min("transaction_ts").alias("first_order_ts"),
        F.max("transaction_ts").alias("last_order_ts"),
    )
    profile = customers.select("customer_id", "country", "segment")
    return _shape(aggregated.join(profile, "customer_id", "left"), CUSTOMER_LTV)


def ensure_gold_tables(spark: SparkSession, lake: Lake) -> None:
    create_namespace(spark, lake.catalog, lake.gold_database)
    for table in GOLD_TABLES:
        create_table(spark, lake.gold(table.name), list(table.columns), table.partitioning)


def merge_recomputed(
    spark: SparkSession, target: str, table: GoldTable, touched: DataFrame, fresh: DataFrame
) -> None:
    """Makes the touched groups of target equal to fresh: update changed, insert new, delete
    groups that fresh no longer has. Untouched groups and unchanged rows are left alone."""
    source = (
        touched.select(*table.keys)
        .distinct()
        .join(fresh.withColumn("_present", F.lit(True)), list(table.keys), "left")
    )
    view = f"gold_source_{table.name}"
    source.createOrReplaceTempView(view)
    on = " AND ".join(f"t.{k} = s.{k}" for k in table.keys)
    same = " AND ".join(f"t.{m} <=> s.{m}" for m in table.measures)
    names = [n for n, _ in table.columns]
    spark.sql(
        f"MERGE INTO {target} t USING {view} s ON {on} "
        "WHEN MATCHED AND s._present IS NULL THEN DELETE "
        f"WHEN MATCHED AND NOT ({same}) THEN UPDATE SET "
        + ", ".join(f"t.{m} = s.{m}" for m in table.measures)
        + " WHEN NOT MATCHED AND s._present THEN INSERT ("
        + ", ".join(names)
        + ") VALUES ("
        + ", ".join(f"s.{n}" for n in names)
        + ")"
    )
    spark.catalog.dropTempView(view)


def _days_filter(days: list[date]) -> Column:
    """Range predicates on transaction_ts so Iceberg prunes to the touched days' partitions."""
    ranges = [
        (F.col("transaction_ts") >= F.lit(datetime.combine(d, time.min)))
        & (F.col("transaction_ts") < F.lit(datetime.combine(d + timedelta(days=1), time.min)))
        for d in days
    ]
    return reduce(lambda a, b: a | b, ranges)


@dataclass(frozen=True)
class GoldResult:
    silver_runs: tuple[str, ...]
    touched_groups: dict[str, int]


def refresh(spark: SparkSession, lake: Lake, run_date: date) -> GoldResult:
    """Recomputes the gold groups touched by silver runs gold has not processed yet."""
    ensure_gold_tables(spark, lake)
    pending: dict[str, list[str]] = {}
    changes: dict[str, DataFrame] = {}
    for dataset in (TRANSACTIONS, CUSTOMERS):
        if not spark.catalog.tableExists(lake.changes(dataset)):
            continue
        done = processed_batches(spark, lake, dataset, "gold")
        runs = [
            r.silver_run_id
            for r in spark.table(lake.changes(dataset)).select("silver_run_id").distinct().collect()
            if r.silver_run_id not in done
        ]
        if runs:
            pending[dataset] = sorted(runs)
            changes[dataset] = spark.table(lake.changes(dataset)).where(
                F.col("silver_run_id").isin(runs)
            )
    touched: dict[str, int] = {}
    if TRANSACTIONS in changes:
        touched.update(_refresh_daily(spark, lake, changes[TRANSACTIONS]))
    touched_customers = [c.select("customer_id") for c in changes.values()]
    if touched_customers:
        customers = reduce(DataFrame.unionByName, touched_customers).distinct()
        touched[CUSTOMER_LTV.name] = _refresh_ltv(spark, lake, customers)
    for dataset, runs in pending.items():
        record_batches(spark, lake, dataset, "gold", runs, run_date)
    return GoldResult(tuple(sorted(r for runs in pending.values() for r in runs)), touched)


def _refresh_daily(spark: SparkSession, lake: Lake, changed: DataFrame) -> dict[str, int]:
    changed = changed.withColumn("order_date", F.to_date("transaction_ts"))
    days = sorted(r.order_date for r in changed.select("order_date").distinct().collect())
    silver = spark.table(lake.silver(TRANSACTIONS)).where(_days_filter(days))
    counts = {}
    for table, compute in ((DAILY_SALES, daily_sales), (PRODUCT_DAILY, product_daily)):
        groups = changed.select(*table.keys).distinct()
        fresh = compute(silver).join(groups, list(table.keys), "left_semi")
        merge_recomputed(spark, lake.gold(table.name), table, groups, fresh)
        counts[table.name] = groups.count()
    return counts


def _silver_or_empty(spark: SparkSession, lake: Lake, dataset: str, schema: str) -> DataFrame:
    """A silver table, or an empty frame when that dataset has never been loaded."""
    name = lake.silver(dataset)
    return (
        spark.table(name) if spark.catalog.tableExists(name) else spark.createDataFrame([], schema)
    )


def _refresh_ltv(spark: SparkSession, lake: Lake, customers: DataFrame) -> int:
    transactions = _silver_or_empty(
        spark,
        lake,
        TRANSACTIONS,
        "customer_id string, currency string, status string, "
        "amount decimal(18,2), transaction_ts timestamp",
    ).join(customers, "customer_id", "left_semi")
    profiles = _silver_or_empty(
        spark, lake, CUSTOMERS, "customer_id string, country string, segment string"
    ).join(customers, "customer_id", "left_semi")
    fresh = customer_ltv(transactions, profiles)
    existing = spark.table(lake.gold(CUSTOMER_LTV.name)).join(customers, "customer_id", "left_semi")
    groups = fresh.select(*CUSTOMER_LTV.keys).unionByName(existing.select(*CUSTOMER_LTV.keys))
    merge_recomputed(spark, lake.gold(CUSTOMER_LTV.name), CUSTOMER_LTV, groups, fresh)
    return customers.count()
