"""Gold maintained from silver's changes equals gold recomputed from all of silver, through
updates that move, refund or cancel orders, late customers, failed runs and expired snapshots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

from lakehouse import gold
from lakehouse.specs import DatasetSpec
from tests.helpers import LakeRun, customer, jsonl, transaction, write_landing

DAY1, DAY2, DAY3 = date(2024, 3, 1), date(2024, 3, 2), date(2024, 3, 3)


def land_day1(landing: Path) -> None:
    write_landing(
        landing,
        "transactions",
        "d1.jsonl",
        jsonl(
            transaction("T1", transaction_ts="2024-03-01T10:00:00Z"),
            # C1's first USD order, 10 days before the next one.
            transaction("T2", transaction_ts="2024-02-20T08:00:00Z", quantity=1),
            # C1's last USD order.
            transaction("T3", transaction_ts="2024-03-01T12:00:00Z", channel="mobile"),
            transaction("T4", customer_id="C2", status="refunded"),
            transaction("T5", customer_id="C2", currency="EUR", product_id="P2"),
        ),
    )
    write_landing(landing, "customers", "d1.jsonl", jsonl(customer("C1")))


def land_day2(landing: Path) -> None:
    write_landing(
        landing,
        "transactions",
        "d2.jsonl",
        jsonl(
            transaction("T2", transaction_ts="2024-02-20T08:00:00Z", quantity=1, status="pending"),
            transaction("T3", transaction_ts="2024-03-01T12:00:00Z", status="refunded"),
            transaction("T6", customer_id="C3", transaction_ts="2024-03-02T09:00:00Z"),
        ),
    )
    write_landing(landing, "customers", "d2.jsonl", jsonl(customer("C2", country="fr")))


def land_day3(landing: Path) -> None:
    write_landing(
        landing,
        "transactions",
        "d3.jsonl",
        jsonl(
            transaction("T1", transaction_ts="2024-03-01T10:00:00Z", status="refunded"),
            # Back to completed, and moved to the next day.
            transaction("T3", transaction_ts="2024-03-02T15:00:00Z", channel="mobile"),
            transaction("T5", customer_id="C2", currency="EUR", status="cancelled"),
            transaction("T6", customer_id="C3", transaction_ts="2024-03-02T09:00:00Z", quantity=7),
        ),
    )
    write_landing(landing, "customers", "d3.jsonl", jsonl(customer("C1", email="new@example.com")))


def ltv_of(rows: set[tuple]) -> dict[tuple, tuple]:
    return {r[:2]: r[2:] for r in rows}


@dataclass(frozen=True)
class DayResult:
    gold: dict[str, set[tuple]]
    recomputed: dict[str, set[tuple]]


@pytest.fixture(scope="module")
def three_days(
    spark: SparkSession, specs: dict[str, DatasetSpec], tmp_path_factory: pytest.TempPathFactory
) -> dict[date, DayResult]:
    """Gold after each of three runs, and gold recomputed from all of silver at that point."""
    root = tmp_path_factory.mktemp("three-days")
    lake, landing = LakeRun(spark, specs, root), root / "landing"
    results = {}
    for land, day in ((land_day1, DAY1), (land_day2, DAY2), (land_day3, DAY3)):
        land(landing)
        lake.run(landing, day)
        results[day] = DayResult(lake.all_gold(), lake.recomputed_gold())
    return results


@pytest.mark.parametrize("day", [DAY1, DAY2, DAY3])
def test_gold_from_changes_equals_gold_recomputed_from_silver_after_every_run(
    three_days: dict[date, DayResult], day: date
) -> None:
    assert three_days[day].gold == three_days[day].recomputed


def test_refunding_the_first_and_last_order_moves_them_to_the_neighbouring_orders(
    three_days: dict[date, DayResult],
) -> None:
    # Day 2 took T2 (Feb 20) and T3 (Mar 1 12:00) away; T1 (Mar 1 10:00) is first and last.
    orders, _, first, last, *_ = ltv_of(three_days[DAY2].gold["customer_ltv"])[("C1", "USD")]
    assert (orders, first, last) == (1, datetime(2024, 3, 1, 10), datetime(2024, 3, 1, 10))


def test_a_customer_losing_every_completed_order_leaves_customer_ltv(
    three_days: dict[date, DayResult],
) -> None:
    assert ("C2", "EUR") in ltv_of(three_days[DAY1].gold["customer_ltv"])
    # Day 3 cancelled T5, C2's only EUR order.
    assert ("C2", "EUR") not in ltv_of(three_days[DAY3].gold["customer_ltv"])


def test_a_change_outside_the_gold_inputs_touches_no_gold_row(lake: LakeRun, landing: Path) -> None:
    land_day1(landing)
    lake.run(landing, DAY1)
    before = lake.all_gold()
    write_landing(landing, "customers", "email.jsonl", jsonl(customer("C1", email="x@y.org")))
    counts = lake.bronze_and_silver(landing, DAY2)

    assert [c.accepted for c in counts] == [0, 1]
    assert gold.refresh(lake.spark, lake.lake).touched_groups == {"customer_ltv": 0}
    assert lake.all_gold() == before


def test_a_gold_run_failing_before_its_ltv_commit_is_retried_without_double_counting(
    lake: LakeRun, landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    land_day1(landing)
    lake.run(landing, DAY1)
    land_day2(landing)
    lake.bronze_and_silver(landing, DAY2)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("job lost its executors")

    with monkeypatch.context() as patch:
        patch.setattr(gold, "_commit", fail)
        with pytest.raises(RuntimeError):
            gold.refresh(lake.spark, lake.lake)
    gold.refresh(lake.spark, lake.lake)
    gold.refresh(lake.spark, lake.lake)

    assert lake.all_gold() == lake.recomputed_gold()


def test_gold_rebuilds_from_silver_when_the_snapshot_it_recorded_has_expired(
    lake: LakeRun, landing: Path
) -> None:
    land_day1(landing)
    lake.run(landing, DAY1)
    land_day2(landing)
    lake.bronze_and_silver(landing, DAY2)
    for dataset in ("transactions", "customers"):
        lake.spark.sql(
            f"CALL {lake.lake.catalog}.system.expire_snapshots(table => "
            f"'{lake.lake.silver_database}.{dataset}', "
            "older_than => TIMESTAMP '2999-01-01 00:00:00', retain_last => 1)"
        )

    result = gold.refresh(lake.spark, lake.lake)

    assert result.touched_groups["daily_sales"] > 0
    assert lake.all_gold() == lake.recomputed_gold()
