"""Gold: business aggregates as Iceberg tables, maintained from what changed in silver.

Gold reads silver's changes since the silver snapshots it last processed from Iceberg's
changelog (`silver_changes`), so a run costs what changed, not what silver holds:
- daily_sales / product_daily: the touched (order_date, ...) groups are recomputed from
  silver, reading only the touched days (partition pruning on days(transaction_ts)); a group
  whose recomputation is empty is deleted, an unchanged one is not rewritten;
- customer_ltv: the changed completed transactions' deltas are added to the stored orders and
  revenue; first/last order move with rows that appeared, and when a row that went away held
  one, a search outward from it in widening day windows finds the new one. Country and segment
  come from silver customers, so a customer that lands after their transactions fills them in.
customer_ltv is replaced in one commit whose snapshot summary records the silver snapshots it
reflects: that commit is gold's ledger, so a retried run neither skips nor double-counts a
change, and re-running a day with nothing new in silver changes nothing. Without a usable
recorded snapshot (first run, expired snapshots) gold rebuilds from all of silver.

A gold row exists for a group with at least one transaction its measures count:
completed (all tables) or refunded (daily_sales.refunds).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import reduce
from typing import TypeVar

from pyspark import StorageLevel
from pyspark.sql import Column, DataFrame, Row, SparkSession
from pyspark.sql import functions as F

from lakehouse.specs import DatasetSpec, load_specs
from lakehouse.tables import Lake, change_columns, column_list, create_namespace, create_table

TRANSACTIONS = "transactions"
CUSTOMERS = "customers"
MONEY = "decimal(18,2)"
Point = TypeVar("Point", date, datetime)


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


def _merged(
    intervals: list[tuple[Point, Point]], adjacent: Callable[[Point], Point]
) -> list[tuple[Point, Point]]:
    """Inclusive intervals with overlapping ones (or touching, per `adjacent`) merged."""
    merged: list[list[Point]] = []
    for first, last in sorted(intervals):
        if merged and first <= adjacent(merged[-1][1]):
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    return [(first, last) for first, last in merged]


def on_days(days: list[date]) -> Column:
    """transaction_ts on one of the (UTC) days, as range predicates Iceberg prunes
    days(transaction_ts) partitions with. Day starts are cast in the session time zone (UTC),
    not built from Python datetimes, which PySpark reads in the process's local time zone."""
    ts = F.col("transaction_ts")

    def start(day: date) -> Column:
        return F.lit(f"{day.isoformat()} 00:00:00").cast("timestamp")

    ranges = _merged([(d, d) for d in days], lambda d: d + timedelta(days=1))
    return reduce(
        lambda a, b: a | b,
        [(ts >= start(first)) & (ts < start(last + timedelta(days=1))) for first, last in ranges],
    )


def _between(windows: list[tuple[datetime, datetime]]) -> Column:
    """transaction_ts within one of the inclusive windows (instants collected from Spark, so
    they round-trip through the same local-time conversion)."""
    ts = F.col("transaction_ts")
    ranges = _merged(windows, lambda t: t)
    return reduce(lambda a, b: a | b, [(ts >= F.lit(lo)) & (ts <= F.lit(hi)) for lo, hi in ranges])


# Gold's ledger: the silver snapshots a customer_ltv commit reflects, in its snapshot summary.
MARKER_PREFIX = "lakehouse.silver-snapshot."


def current_snapshot(spark: SparkSession, table: str) -> int | None:
    if not spark.catalog.tableExists(table):
        return None
    main = spark.table(f"{table}.refs").where(F.col("name") == "main").collect()
    return main[0].snapshot_id if main else None


def _is_ancestor(spark: SparkSession, table: str, snapshot: int) -> bool:
    """Whether the snapshot still exists and leads to the current one (no expiry, no rollback)."""
    ancestors = spark.table(f"{table}.history").where(F.col("is_current_ancestor"))
    existing = spark.table(f"{table}.snapshots").select("snapshot_id")
    return (
        not ancestors.join(existing, "snapshot_id")
        .where(F.col("snapshot_id") == snapshot)
        .isEmpty()
    )


def processed_snapshots(spark: SparkSession, lake: Lake) -> dict[str, int]:
    """Silver snapshots per dataset that gold reflects: the marker of the newest customer_ltv
    commit that has one (a compaction's commit carries none and changes no content)."""
    target = lake.gold(CUSTOMER_LTV.name)
    marked = (
        spark.table(f"{target}.snapshots")
        .join(spark.table(f"{target}.history").where(F.col("is_current_ancestor")), "snapshot_id")
        .where(F.exists(F.map_keys("summary"), lambda k: k.startswith(MARKER_PREFIX)))
        .orderBy(F.col("made_current_at").desc())
        .select("summary")
        .limit(1)
        .collect()
    )
    if not marked:
        return {}
    summary = marked[0].summary
    return {
        k.removeprefix(MARKER_PREFIX): int(v)
        for k, v in summary.items()
        if k.startswith(MARKER_PREFIX)
    }


@dataclass(frozen=True)
class SilverChanges:
    """What changed in one silver table since gold last read it, up to `snapshot`.

    `rows` are the key and gold input columns with `_sign` +1 (present now, absent before) or -1
    (present before, absent now); None when nothing changed. When gold has no usable earlier
    snapshot, `full` is set and `rows` is the whole table, all +1: gold rebuilds from it."""

    dataset: str
    snapshot: int
    rows: DataFrame | None
    full: bool = False


def table_at(spark: SparkSession, table: str, snapshot: int) -> DataFrame:
    return spark.read.format("iceberg").option("snapshot-id", str(snapshot)).load(table)


def silver_changes(
    spark: SparkSession, lake: Lake, spec: DatasetSpec, done: int | None
) -> SilverChanges | None:
    """Net changes between the snapshot gold processed and the current one (None: the table
    has no data yet), read from Iceberg's changelog: rows of the files a commit removed are
    DELETEs, of the files it added INSERTs, so the cost follows the files silver rewrote, not
    the table. A row a rewrite carried over appears as both and cancels, as do versions that
    differ only outside the gold inputs (a redelivered record, a changed email)."""
    table = lake.silver(spec.name)
    snapshot = current_snapshot(spark, table)
    if snapshot is None:
        return None
    if snapshot == done:
        return SilverChanges(spec.name, snapshot, None)
    columns = change_columns(spec)
    if done is None or not _is_ancestor(spark, table, done):
        rows = table_at(spark, table, snapshot).select(*columns, F.lit(1).alias("_sign"))
        return SilverChanges(spec.name, snapshot, rows, full=True)
    changelog = (
        spark.read.format("iceberg")
        .option("start-snapshot-id", str(done))
        .option("end-snapshot-id", str(snapshot))
        .load(f"{table}.changes")
    )
    # Copy-on-write silver yields INSERT and DELETE only (no UPDATE_* without identifier columns).
    sign = F.when(F.col("_change_type") == "INSERT", 1).otherwise(-1)
    rows = changelog.groupBy(*columns).agg(F.sum(sign).alias("_sign")).where(F.col("_sign") != 0)
    return SilverChanges(spec.name, snapshot, rows)


@dataclass(frozen=True)
class GoldResult:
    silver_snapshots: dict[str, int]
    touched_groups: dict[str, int]


def refresh(spark: SparkSession, lake: Lake) -> GoldResult:
    """Brings gold up to the current silver snapshots; a no-op when it already reflects them."""
    ensure_gold_tables(spark, lake)
    specs = load_specs()
    done = processed_snapshots(spark, lake)
    tx, cu = (silver_changes(spark, lake, specs[d], done.get(d)) for d in (TRANSACTIONS, CUSTOMERS))
    changed = [c for c in (tx, cu) if c is not None and c.rows is not None]
    if not changed:
        return GoldResult(done, {})
    cached = [c.rows.persist(StorageLevel.MEMORY_AND_DISK) for c in changed if c.rows is not None]
    try:
        touched = {}
        if tx is not None and tx.rows is not None:
            touched = _refresh_daily(spark, lake, tx.rows, tx.snapshot, tx.full)
        touched[CUSTOMER_LTV.name] = _refresh_ltv(spark, lake, tx, cu)
    finally:
        for frame in cached:
            frame.unpersist()
    return GoldResult({c.dataset: c.snapshot for c in (tx, cu) if c is not None}, touched)


def _refresh_daily(
    spark: SparkSession, lake: Lake, rows: DataFrame, snapshot: int, full: bool
) -> dict[str, int]:
    """Recomputes the touched (order_date, ...) groups from silver, reading only their days."""
    changed = rows.withColumn("order_date", _order_date())
    silver = table_at(spark, lake.silver(TRANSACTIONS), snapshot)
    if not full:
        days = [r.order_date for r in changed.select("order_date").distinct().collect()]
        if not days:
            return {}
        silver = silver.where(on_days(days))
    counts = {}
    for table, compute in ((DAILY_SALES, daily_sales), (PRODUCT_DAILY, product_daily)):
        groups = changed.select(*table.keys)
        if full:
            # A rebuild also deletes groups silver no longer has.
            groups = groups.unionByName(spark.table(lake.gold(table.name)).select(*table.keys))
        groups = groups.distinct()
        fresh = compute(silver).join(groups, list(table.keys), "left_semi")
        merge_recomputed(spark, lake.gold(table.name), table, groups, fresh)
        counts[table.name] = groups.count()
    return counts


LTV_KEYS = list(CUSTOMER_LTV.keys)


def _ltv_deltas(changed: DataFrame) -> DataFrame:
    """Per (customer, currency): the change of orders and revenue, and the earliest and latest
    completed order among the rows that appeared and among the rows that went away."""
    completed = changed.where(F.col("status") == "completed")
    ts, sign = F.col("transaction_ts"), F.col("_sign")
    return completed.groupBy(*LTV_KEYS).agg(
        F.sum(sign).alias("d_orders"),
        F.sum(sign * F.col("amount")).alias("d_revenue"),
        F.min(F.when(sign > 0, ts)).alias("in_first"),
        F.max(F.when(sign > 0, ts)).alias("in_last"),
        F.min(F.when(sign < 0, ts)).alias("out_first"),
        F.max(F.when(sign < 0, ts)).alias("out_last"),
    )


def _apply_deltas(stored: DataFrame, deltas: DataFrame) -> DataFrame:
    """Stored measures plus deltas. A first (last) order stays known unless a row that went
    away held it and no new row precedes (follows) it; then it is null, for `_search_extremes`.
    Groups left without completed orders drop out."""
    joined = stored.join(deltas, LTV_KEYS, "full")
    first, last = F.col("first_order_ts"), F.col("last_order_ts")
    first_known = (
        F.col("out_first").isNull() | (F.col("out_first") > first) | (F.col("in_first") < first)
    )
    last_known = F.col("out_last").isNull() | (F.col("out_last") < last) | (F.col("in_last") > last)
    orders = F.coalesce(F.col("orders"), F.lit(0)) + F.coalesce(F.col("d_orders"), F.lit(0))
    return joined.select(
        *LTV_KEYS,
        orders.alias("orders"),
        (F.coalesce(F.col("revenue"), F.lit(0)) + F.coalesce(F.col("d_revenue"), F.lit(0))).alias(
            "revenue"
        ),
        F.when(F.coalesce(first_known, F.lit(False)), F.least(first, "in_first")).alias(
            "first_order_ts"
        ),
        F.when(F.coalesce(last_known, F.lit(False)), F.greatest(last, "in_last")).alias(
            "last_order_ts"
        ),
        first.alias("_stored_first"),
        last.alias("_stored_last"),
        "in_first",
        "in_last",
    ).where(F.col("orders") > 0)


# Day widths of the windows `_search_extremes` tries, outward from the lost first/last order.
SEARCH_WIDTHS = (1, 8, 64, 512)


def _search_extremes(silver: DataFrame, lost: list[Row]) -> dict[tuple[str, str], tuple]:
    """New first/last completed order of groups that lost theirs. Every completed row of such a
    group lies within its stored [first, last] or appeared in this change, so the new first is
    the earliest row at or after the stored first (or the earliest that appeared, when none is
    left in the span); likewise the last. Day windows from the stored value widen 8x per pass:
    the scan covers the gap to the neighbouring order, not the customer's whole history."""
    completed = silver.where(F.col("status") == "completed")
    known = {(r.customer_id, r.currency): [r.first_order_ts, r.last_order_ts] for r in lost}
    rows = {(r.customer_id, r.currency): r for r in lost}
    ts = F.col("transaction_ts")
    for width in (*SEARCH_WIDTHS, None):
        pending = [g for g, (first, last) in known.items() if first is None or last is None]
        if not pending:
            break
        windows = []
        for group in pending:
            r, (first, last) = rows[group], known[group]
            lo, hi = r._stored_first, r._stored_last
            span = timedelta(days=width) if width else hi - lo
            # A side already known gets an empty window (hi before lo).
            first_window = (lo, min(lo + span, hi)) if first is None else (hi, lo)
            last_window = (max(hi - span, lo), hi) if last is None else (hi, lo)
            windows.append((*group, *first_window, *last_window))
        bounds = completed.sparkSession.createDataFrame(
            windows,
            "customer_id string, currency string, first_lo timestamp, first_hi timestamp, "
            "last_lo timestamp, last_hi timestamp",
        )
        searched = [(w[i], w[i + 1]) for w in windows for i in (2, 4) if w[i] <= w[i + 1]]
        hits = (
            completed.where(_between(searched))
            .join(F.broadcast(bounds), LTV_KEYS)
            .groupBy(*LTV_KEYS)
            .agg(
                F.min(F.when(ts.between(F.col("first_lo"), F.col("first_hi")), ts)).alias("first"),
                F.max(F.when(ts.between(F.col("last_lo"), F.col("last_hi")), ts)).alias("last"),
            )
            .collect()
        )
        for h in hits:
            extremes = known[(h.customer_id, h.currency)]
            extremes[0] = extremes[0] or h.first
            extremes[1] = extremes[1] or h.last
    for group, extremes in known.items():
        # Nothing left within the stored span: only rows that appeared remain.
        extremes[0] = extremes[0] or rows[group].in_first
        extremes[1] = extremes[1] or rows[group].in_last
    return {group: (first, last) for group, (first, last) in known.items()}


def _ltv_measures(transactions: DataFrame) -> DataFrame:
    completed = transactions.where(F.col("status") == "completed")
    return completed.groupBy(*LTV_KEYS).agg(
        F.count(F.lit(1)).alias("orders"),
        F.sum("amount").alias("revenue"),
        F.min("transaction_ts").alias("first_order_ts"),
        F.max("transaction_ts").alias("last_order_ts"),
    )


def _with_profile(measures: DataFrame, customers: DataFrame) -> DataFrame:
    profile = customers.select("customer_id", "country", "segment")
    return _shape(measures.join(profile, "customer_id", "left"), CUSTOMER_LTV)


def customer_ltv(transactions: DataFrame, customers: DataFrame) -> DataFrame:
    """Completed orders per customer and currency, with country and segment when known."""
    return _with_profile(_ltv_measures(transactions), customers)


def _refresh_ltv(
    spark: SparkSession, lake: Lake, tx: SilverChanges | None, cu: SilverChanges | None
) -> int:
    """Replaces customer_ltv with the stored measures plus the deltas of the changed rows (all
    of silver on a rebuild) and current profiles, in one commit that records the silver
    snapshots it reflects. Returns the number of customers whose inputs changed."""
    target = lake.gold(CUSTOMER_LTV.name)
    base = current_snapshot(spark, target)
    marks = {c.dataset: c.snapshot for c in (tx, cu) if c is not None}
    touched = _touched_customers(tx, cu)
    empty = spark.createDataFrame([], column_list(CUSTOMER_LTV.columns))
    if not touched and not (tx is not None and tx.full):
        _commit(empty, target, marks, base, replace=False)
        return 0
    stored = (table_at(spark, target, base) if base is not None else empty).select(
        *LTV_KEYS, "orders", "revenue", "first_order_ts", "last_order_ts"
    )
    profiles = (
        table_at(spark, lake.silver(CUSTOMERS), cu.snapshot)
        if cu is not None
        else spark.createDataFrame([], "customer_id string, country string, segment string")
    )
    if tx is None or tx.rows is None:
        _commit(_with_profile(stored, profiles), target, marks, base, replace=True)
    elif tx.full:
        silver = table_at(spark, lake.silver(TRANSACTIONS), tx.snapshot)
        _commit(customer_ltv(silver, profiles), target, marks, base, replace=True)
    else:
        applied = _apply_deltas(stored, _ltv_deltas(tx.rows)).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            lost = applied.where(
                F.col("first_order_ts").isNull() | F.col("last_order_ts").isNull()
            ).collect()
            silver = table_at(spark, lake.silver(TRANSACTIONS), tx.snapshot)
            measures = _fill_extremes(spark, applied, _search_extremes(silver, lost))
            _commit(_with_profile(measures, profiles), target, marks, base, replace=True)
        finally:
            applied.unpersist()
    return touched


def _touched_customers(tx: SilverChanges | None, cu: SilverChanges | None) -> int:
    ids = []
    if tx is not None and tx.rows is not None:
        ids.append(tx.rows.where(F.col("status") == "completed").select("customer_id"))
    if cu is not None and cu.rows is not None:
        ids.append(cu.rows.select("customer_id"))
    return reduce(DataFrame.unionByName, ids).distinct().count() if ids else 0


def _fill_extremes(
    spark: SparkSession, applied: DataFrame, found: dict[tuple[str, str], tuple]
) -> DataFrame:
    columns = [*LTV_KEYS, "orders", "revenue", "first_order_ts", "last_order_ts"]
    if not found:
        return applied.select(*columns)
    extremes = spark.createDataFrame(
        [(*group, first, last) for group, (first, last) in found.items()],
        "customer_id string, currency string, _first timestamp, _last timestamp",
    )
    return applied.join(F.broadcast(extremes), LTV_KEYS, "left").select(
        *LTV_KEYS,
        "orders",
        "revenue",
        F.coalesce("first_order_ts", "_first").alias("first_order_ts"),
        F.coalesce("last_order_ts", "_last").alias("last_order_ts"),
    )


def _commit(
    frame: DataFrame, target: str, marks: dict[str, int], base: int | None, replace: bool
) -> None:
    """One commit: the table's rows replaced by frame (replace) or left as they are (only the
    marks recorded), failing if another writer committed since `base`, the snapshot read."""
    writer = frame.writeTo(target)
    for dataset, snapshot in marks.items():
        writer = writer.option(f"snapshot-property.{MARKER_PREFIX}{dataset}", str(snapshot))
    if base is not None:
        writer = writer.option("validate-from-snapshot-id", str(base)).option(
            "isolation-level", "serializable"
        )
    writer.overwrite(F.lit(replace))
