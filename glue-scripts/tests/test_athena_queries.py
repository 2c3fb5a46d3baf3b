"""The Athena named queries (analytics/athena/*.sql).

Each query is parsed as Trino (Athena engine version 3) and every table and column it names is
resolved against the schemas the jobs write; then it is transpiled to Spark SQL and run over
the sample data's lake, with answers checked by hand against sample-data/README.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlglot
from pyspark.sql import SparkSession
from sqlglot import exp
from sqlglot.errors import OptimizeError
from sqlglot.optimizer.qualify import qualify
from sqlglot.schema import MappingSchema

import lake_schemas
from lakehouse.gold import DAILY_SALES, GOLD_TABLES
from lakehouse.specs import DatasetSpec
from lakehouse.tables import column_list, create_namespace, create_table, silver_columns
from tests.conftest import CATALOG
from tests.helpers import REPO, LakeRun, expected_sample_counts

QUERIES = REPO / "analytics" / "athena"
QUERY_FILES = sorted(p.name for p in QUERIES.glob("*.sql"))
# Names as a stack's catalog would have them (names.catalog in the platform program).
GOLD_DB, SILVER_DB, QUARANTINE_DB = (
    f"lakehouse_test_{layer}" for layer in ("gold", "silver", "quarantine")
)


def render(template: str, silver_database: str, quarantine_tables: Sequence[str]) -> str:
    """Fills the placeholders as renderNamedQuery in components/analytics/athena-analytics.ts."""
    values = {
        "silver_database": silver_database,
        "quarantined_records": "\n    UNION ALL\n    ".join(
            f"SELECT * FROM {table}" for table in quarantine_tables
        ),
    }
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], template)


def render_for_athena(name: str, datasets: Sequence[str]) -> str:
    return render(
        (QUERIES / name).read_text(encoding="utf-8"),
        f'"{SILVER_DB}"',
        [f'"{QUARANTINE_DB}"."{dataset}"' for dataset in datasets],
    )


def lake_schema(specs: dict[str, DatasetSpec]) -> dict[str, dict[str, dict[str, str]]]:
    """Database -> table -> column -> type, as the jobs and the catalog create them."""
    folders = lake_schemas.QUARANTINE_PARTITION_FOLDERS
    quarantine = {n: t for n, t in lake_schemas.quarantine_columns() if n not in folders}
    # The Glue table's only partition key is the first folder; batch folders are read beneath.
    quarantine[folders[0]] = dict(lake_schemas.quarantine_columns())[folders[0]]
    return {
        GOLD_DB: {table.name: dict(table.columns) for table in GOLD_TABLES},
        SILVER_DB: {name: dict(silver_columns(spec)) for name, spec in specs.items()},
        QUARANTINE_DB: dict.fromkeys(specs, quarantine),
    }


def check_against_lake(sql: str, schema: dict[str, dict[str, dict[str, str]]]) -> None:
    """Raises when the query names a table or column the lake does not have."""
    tree = sqlglot.parse_one(sql, dialect="trino")
    ctes = {cte.alias for cte in tree.find_all(exp.CTE)}
    for table in tree.find_all(exp.Table):
        if table.db or table.name not in ctes:
            database = table.db or GOLD_DB
            if table.name not in schema.get(database, {}):
                raise OptimizeError(f"unknown table {database}.{table.name}")
    mapping = MappingSchema(schema, dialect="spark")
    qualify(tree, schema=mapping, db=GOLD_DB, dialect="trino", validate_qualify_columns=True)


def test_every_query_file_is_valid_trino_naming_only_tables_and_columns_the_jobs_write(
    specs: dict[str, DatasetSpec],
) -> None:
    assert QUERY_FILES == [
        "customer-segmentation.sql",
        "data-quality.sql",
        "gold-lineage.sql",
        "revenue-trend.sql",
    ]
    for name in QUERY_FILES:
        sql = render_for_athena(name, sorted(specs))
        assert "{{" not in sql, name
        check_against_lake(sql, lake_schema(specs))


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        ("SELECT order_date, revenu FROM daily_sales", "revenu"),
        ("SELECT * FROM daily_sale", "daily_sale"),
        (f'SELECT transaction_id FROM "{SILVER_DB}".customers', "transaction_id"),
    ],
)
def test_the_lake_check_rejects_unknown_tables_and_columns(
    specs: dict[str, DatasetSpec], broken: str, problem: str
) -> None:
    with pytest.raises(OptimizeError, match=problem):
        check_against_lake(broken, lake_schema(specs))


def run_on_spark(
    spark: SparkSession,
    name: str,
    *,
    gold_namespace: str,
    silver_namespace: str = "unused",
    quarantine_views: Sequence[str] = (),
    parameters: Sequence[str] = (),
) -> list[tuple[Any, ...]]:
    """The query transpiled to Spark SQL, with `?` parameters bound in order as strings."""
    template = (QUERIES / name).read_text(encoding="utf-8")
    tree = sqlglot.parse_one(render(template, silver_namespace, quarantine_views), dialect="trino")
    placeholders = list(tree.find_all(exp.Placeholder, bfs=False))
    assert len(placeholders) == len(parameters), name
    for placeholder, value in zip(placeholders, parameters, strict=True):
        placeholder.replace(exp.Literal.string(value))
    spark.sql(f"USE {CATALOG}.{gold_namespace}")
    try:
        return [tuple(row) for row in spark.sql(tree.sql(dialect="spark")).collect()]
    finally:
        spark.sql("USE spark_catalog.default")


@pytest.fixture
def query_sample(sample_lake: LakeRun) -> Callable[..., list[tuple[Any, ...]]]:
    spark = sample_lake.spark
    views = []
    for dataset in sorted(spec.name for spec in sample_lake.specs):
        view = f"quarantine_{dataset}"
        spark.read.parquet(str(sample_lake.root / "q" / dataset)).createOrReplaceTempView(view)
        views.append(view)

    def query(name: str, parameters: Sequence[str] = ()) -> list[tuple[Any, ...]]:
        return run_on_spark(
            spark,
            name,
            gold_namespace=sample_lake.lake.gold_database,
            silver_namespace=sample_lake.lake.silver_database,
            quarantine_views=views,
            parameters=parameters,
        )

    return query


def test_revenue_trend_over_the_sample_is_per_currency_and_day_with_7_day_averages(
    query_sample: Callable[..., list[tuple[Any, ...]]],
) -> None:
    # daily_sales of sample-data/README.md summed per day and currency; averages divide by 7.
    # (order_date, currency, orders, revenue, refunds, orders_7d_avg, revenue_7d_avg)
    expected = [
        (date(2024, 3, 1), "EUR", 2, "11.00", "5.50", "0.29", "1.57"),
        (date(2024, 3, 1), "GBP", 1, "10.00", "0.00", "0.14", "1.43"),
        (date(2024, 3, 1), "USD", 2, "59.97", "0.00", "0.29", "8.57"),
        (date(2024, 3, 2), "USD", 1, "59.97", "0.00", "0.43", "17.13"),
    ]
    assert query_sample("revenue-trend.sql") == [
        (*row[:3], *(Decimal(v) for v in row[3:])) for row in expected
    ]


def test_revenue_trend_average_spans_exactly_the_7_days_ending_on_the_row(
    spark: SparkSession,
) -> None:
    namespace = "trend_window"
    create_namespace(spark, CATALOG, namespace)
    table = f"{CATALOG}.{namespace}.{DAILY_SALES.name}"
    create_table(spark, table, list(DAILY_SALES.columns), DAILY_SALES.partitioning)
    rows = [
        (date(2024, 1, 1), "web", "USD", 10, 10, Decimal("100.00"), Decimal("0.00")),
        (date(2024, 1, 7), "web", "USD", 7, 7, Decimal("70.00"), Decimal("0.00")),
        (date(2024, 1, 8), "store", "USD", 7, 7, Decimal("7.00"), Decimal("0.00")),
    ]
    spark.createDataFrame(rows, column_list(DAILY_SALES.columns)).writeTo(table).append()

    averages = [
        (r[0], r[5], r[6])
        for r in run_on_spark(spark, "revenue-trend.sql", gold_namespace=namespace)
    ]

    # 2024-01-07 still sees 2024-01-01 (6 days back); 2024-01-08 no longer does.
    assert averages == [
        (date(2024, 1, 1), Decimal("1.43"), Decimal("14.29")),
        (date(2024, 1, 7), Decimal("2.43"), Decimal("24.29")),
        (date(2024, 1, 8), Decimal("2.00"), Decimal("11.00")),
    ]


def test_customer_segmentation_over_the_sample_ranks_ltv_quartiles_within_each_currency(
    query_sample: Callable[..., list[tuple[Any, ...]]],
) -> None:
    # customer_ltv of sample-data/README.md; ties (C001 and C002 in EUR) rank by customer id.
    assert query_sample("customer-segmentation.sql") == [
        ("DE", "unknown", "EUR", 2, 1, 1, Decimal("5.50"), Decimal("5.50")),
        ("US", "retail", "EUR", 1, 1, 1, Decimal("5.50"), Decimal("5.50")),
        ("unknown", "unknown", "GBP", 1, 1, 1, Decimal("10.00"), Decimal("10.00")),
        ("GB", "enterprise", "USD", 3, 1, 1, Decimal("59.97"), Decimal("59.97")),
        ("US", "retail", "USD", 2, 1, 1, Decimal("39.98"), Decimal("39.98")),
        ("US", "retail", "USD", 1, 1, 1, Decimal("19.99"), Decimal("19.99")),
    ]


def test_data_quality_over_the_sample_counts_the_run_summarys_quarantine_by_reason(
    query_sample: Callable[..., list[tuple[Any, ...]]],
) -> None:
    rows = query_sample("data-quality.sql")

    counted = {(dataset, reason): records for _, dataset, reason, records, _ in rows}
    expected = {
        (dataset, reason): n
        for dataset, counts in expected_sample_counts().items()
        for reason, n in counts["quarantined"].items()
    }
    assert counted == expected
    assert {row[0] for row in rows} == {date(2024, 3, 1)}
    # The three malformed transactions come from web-orders.jsonl (2) and store-orders.csv (1).
    files = {(dataset, reason): n for _, dataset, reason, _, n in rows}
    assert files.pop(("transactions", "malformed")) == 2
    assert set(files.values()) == {1}


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            ("2024-03-01", "web", "USD"),
            ("T1001", "completed", 1, Decimal("39.98"), Decimal("0.00"), "web-orders.jsonl", 1),
        ),
        (
            ("2024-03-01", "unknown", "EUR"),
            ("T1009", "refunded", 0, Decimal("0.00"), Decimal("5.50"), "web-orders.jsonl", 11),
        ),
    ],
)
def test_gold_lineage_leads_from_a_daily_sales_row_to_its_landing_file_and_line(
    query_sample: Callable[..., list[tuple[Any, ...]]],
    key: tuple[str, str, str],
    expected: tuple[Any, ...],
) -> None:
    rows = query_sample("gold-lineage.sql", key)

    assert len(rows) == 1
    row = rows[0]
    transaction_id, status, orders, revenue, refunds, file_name, line = expected
    assert row[:3] == (date.fromisoformat(key[0]), key[1], key[2])
    assert row[3:6] == (orders, revenue, refunds)
    assert row[6:8] == (transaction_id, status)
    # Silver's source_file is the landing object the line was read from.
    source_file = row[11]
    assert source_file.endswith(f"/landing/transactions/2024-03-01/{file_name}")
    assert Path(source_file.removeprefix("file:")).is_file()
    assert row[12] == line
