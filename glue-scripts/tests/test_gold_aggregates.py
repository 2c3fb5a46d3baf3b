"""Gold measures match values computed by hand on a small fixture."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from pyspark.sql import DataFrame, SparkSession

from lakehouse.gold import customer_ltv, daily_sales, product_daily

TX_SCHEMA = (
    "transaction_id string, customer_id string, product_id string, quantity int, "
    "currency string, transaction_ts timestamp, status string, channel string, "
    "amount decimal(18,2)"
)
TS = datetime(2024, 3, 1, 10)


@pytest.fixture(scope="module")
def transactions(spark: SparkSession) -> DataFrame:
    d = Decimal
    rows = [
        ("T1", "C1", "P1", 2, "USD", TS, "completed", "web", d("20.00")),
        ("T2", "C1", "P2", 1, "USD", datetime(2024, 3, 1, 18), "completed", "web", d("5.50")),
        ("T3", "C2", "P1", 1, "USD", TS, "refunded", "web", d("10.00")),
        ("T4", "C2", "P1", 5, "USD", TS, "pending", "web", d("50.00")),
        ("T5", "C1", "P1", 1, "EUR", datetime(2024, 3, 2, 9), "completed", "store", d("9.00")),
        ("T6", "C3", "P2", 3, "USD", TS, "cancelled", "mobile", d("16.50")),
    ]
    return spark.createDataFrame(rows, TX_SCHEMA)


def as_tuples(frame: DataFrame) -> set[tuple]:
    return {tuple(r) for r in frame.collect()}


def test_daily_sales_counts_completed_and_sums_refunds_per_day_channel_currency(
    transactions: DataFrame,
) -> None:
    assert as_tuples(daily_sales(transactions)) == {
        (date(2024, 3, 1), "web", "USD", 2, 3, Decimal("25.50"), Decimal("10.00")),
        (date(2024, 3, 2), "store", "EUR", 1, 1, Decimal("9.00"), Decimal("0.00")),
    }


def test_product_daily_sums_completed_units_and_revenue(transactions: DataFrame) -> None:
    assert as_tuples(product_daily(transactions)) == {
        (date(2024, 3, 1), "P1", "USD", 2, Decimal("20.00")),
        (date(2024, 3, 1), "P2", "USD", 1, Decimal("5.50")),
        (date(2024, 3, 2), "P1", "EUR", 1, Decimal("9.00")),
    }


def test_customer_ltv_per_currency_with_country_and_segment_when_known(
    spark: SparkSession, transactions: DataFrame
) -> None:
    customers = spark.createDataFrame(
        [("C1", "DE", "retail")], "customer_id string, country string, segment string"
    )
    assert as_tuples(customer_ltv(transactions, customers)) == {
        ("C1", "USD", 2, Decimal("25.50"), TS, datetime(2024, 3, 1, 18), "DE", "retail"),
        (
            "C1",
            "EUR",
            1,
            Decimal("9.00"),
            datetime(2024, 3, 2, 9),
            datetime(2024, 3, 2, 9),
            "DE",
            "retail",
        ),
    }
