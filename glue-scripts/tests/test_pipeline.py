"""End to end on local Spark + Iceberg: sample data, reruns, late customers, updates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from lakehouse.local_pipeline import main
from tests.helpers import (
    REPO,
    LakeRun,
    customer,
    expected_sample_counts,
    jsonl,
    transaction,
    write_landing,
)


def test_sample_data_counts_match_the_readme_and_rerun_changes_nothing(lake: LakeRun) -> None:
    landing = REPO / "sample-data" / "landing"
    first = lake.run(landing, date(2024, 3, 1))
    gold_after_first = lake.all_gold()
    second = lake.run(landing, date(2024, 3, 1))

    assert first == expected_sample_counts()
    assert all(c["read"] == 0 for c in second.values()), "landing files are ingested once"
    assert lake.all_gold() == gold_after_first
    assert (date(2024, 3, 1), "unknown", "EUR", 0, 0, Decimal("0.00"), Decimal("5.50")) in (
        gold_after_first["daily_sales"]
    )
    assert len(gold_after_first["daily_sales"]) == 7
    assert len(gold_after_first["product_daily"]) == 4
    ltv = {r[:2]: r for r in gold_after_first["customer_ltv"]}
    assert ltv[("C003", "USD")][2:4] == (1, Decimal("59.97"))
    assert ltv[("C003", "USD")][6:] == ("GB", "enterprise")
    assert ltv[("C900", "GBP")][6:] == (None, None)


def test_late_customer_fills_country_and_segment_of_existing_ltv_rows(
    lake: LakeRun, landing: Path
) -> None:
    write_landing(landing, "transactions", "d1.jsonl", jsonl(transaction("T1", customer_id="C9")))
    lake.run(landing, date(2024, 3, 1))
    before = lake.gold("customer_ltv")
    write_landing(landing, "customers", "d2.jsonl", jsonl(customer("C9", country="fr")))
    lake.run(landing, date(2024, 3, 2))

    assert {r[6:] for r in before} == {(None, None)}
    assert {(r[0], r[6], r[7]) for r in lake.gold("customer_ltv")} == {("C9", "FR", "retail")}


def test_duplicate_across_runs_upserts_and_moves_gold_to_the_new_group(
    lake: LakeRun, landing: Path
) -> None:
    write_landing(landing, "transactions", "d1.jsonl", jsonl(transaction("T1", channel="web")))
    lake.run(landing, date(2024, 3, 1))
    changed = transaction("T1", channel="store", quantity=3)
    write_landing(landing, "transactions", "d2.jsonl", jsonl(changed))
    summary = lake.run(landing, date(2024, 3, 2))

    assert summary["transactions"]["accepted"] == 1
    silver = lake.spark.table(lake.lake.silver("transactions")).collect()
    assert [(r.transaction_id, r.channel, r.quantity) for r in silver] == [("T1", "store", 3)]
    # The old (web) group is deleted, not left with stale numbers.
    assert lake.gold("daily_sales") == {
        (date(2024, 3, 1), "store", "USD", 1, 3, Decimal("30.00"), Decimal("0.00"))
    }
    assert {r[2:4] for r in lake.gold("customer_ltv")} == {(1, Decimal("30.00"))}


def test_redelivered_records_in_a_new_file_leave_gold_unchanged(
    lake: LakeRun, landing: Path
) -> None:
    records = jsonl(transaction("T1"), transaction("T2", status="refunded"))
    write_landing(landing, "transactions", "a.jsonl", records)
    lake.run(landing, date(2024, 3, 1))
    before = lake.all_gold()
    write_landing(landing, "transactions", "a-copy.jsonl", records)
    summary = lake.run(landing, date(2024, 3, 1))

    assert summary["transactions"]["read"] == 2
    assert lake.all_gold() == before


def test_cli_rejects_a_missing_input_directory_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--input", str(tmp_path / "absent"), "--output", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "is not a directory" in err


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "2024-3-1"])
def test_cli_rejects_a_bad_run_date_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    code = main(["--input", str(tmp_path), "--output", str(tmp_path / "o"), "--run-date", value])
    assert code == 2
    assert "--run-date must be a date as YYYY-MM-DD" in capsys.readouterr().err


def test_cli_rejects_missing_arguments_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert capsys.readouterr().err.startswith("pipeline:local: error: the following arguments")
