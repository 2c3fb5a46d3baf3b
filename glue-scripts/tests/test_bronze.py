"""Bronze keeps every non-blank line with its metadata and ingests each landing file once."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pyspark.sql import SparkSession

from lakehouse import bronze
from lakehouse.bronze import csv_record
from lakehouse.silver import classify
from lakehouse.specs import DatasetSpec
from tests.helpers import write_landing

RUN_DATE = date(2024, 3, 1)
NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)


def rows_by_line(spark: SparkSession, files: list[Path]) -> dict[int, dict]:
    lines = bronze.read_lines(spark, [str(f) for f in files])
    table = bronze.to_bronze(lines, "b1", NOW, RUN_DATE).collect()
    return {r.line_number: r.asDict() for r in table}


def test_bom_crlf_and_blank_lines_are_tolerated_and_blank_lines_are_not_records(
    spark: SparkSession, landing: Path
) -> None:
    content = b'\xef\xbb\xbf{"transaction_id": "T1"}\r\n\r\n{"transaction_id": "T2"}\r\n   \r\n'
    file = write_landing(landing, "transactions", "a.jsonl", content)
    rows = rows_by_line(spark, [file])
    assert sorted(rows) == [1, 3]
    assert rows[1]["raw"] == '{"transaction_id": "T1"}'
    assert rows[3]["payload"] == '{"transaction_id": "T2"}'
    assert rows[1]["source_file"].endswith("transactions/a.jsonl")


def test_malformed_json_line_is_kept_with_its_raw_text(spark: SparkSession, landing: Path) -> None:
    file = write_landing(landing, "transactions", "a.json", '{"transaction_id": "T1"\n[1, 2]\n')
    rows = rows_by_line(spark, [file])
    assert rows[1]["raw"] == '{"transaction_id": "T1"'
    assert rows[2]["raw"] == "[1, 2]"


def test_csv_lines_become_json_objects_keyed_by_the_header(
    spark: SparkSession, landing: Path
) -> None:
    content = '\ufefftransaction_id,quantity,note\r\nT1,2,"a, quoted"\r\nT2,3\r\n'
    file = write_landing(landing, "transactions", "a.csv", content)
    rows = rows_by_line(spark, [file])
    assert 1 not in rows, "the header line is not a record"
    assert rows[2]["format"] == "csv"
    assert rows[2]["payload"] == '{"transaction_id": "T1", "quantity": "2", "note": "a, quoted"}'
    assert rows[3]["payload"] is None, "a wrong column count leaves no payload"
    assert rows[3]["raw"] == "T2,3"


def test_csv_record_rejects_too_many_and_too_few_columns() -> None:
    assert csv_record("a,b", "1,2,3") is None
    assert csv_record("a,b", "1") is None
    assert csv_record("a,b", "1,") == '{"a": "1", "b": ""}'


def test_ingest_appends_new_files_once_and_never_reingests_a_file(
    spark: SparkSession, landing: Path, tmp_path: Path, specs: dict[str, DatasetSpec]
) -> None:
    spec = specs["transactions"]
    bronze_uri = str(tmp_path / "bronze")
    write_landing(landing, "transactions", "day1/a.jsonl", '{"transaction_id": "T1"}\n')
    write_landing(landing, "transactions", "day1/ignored.txt", "not a landing format\n")
    first = bronze.ingest(spark, spec, str(landing), bronze_uri, RUN_DATE, "b1", NOW)
    again = bronze.ingest(spark, spec, str(landing), bronze_uri, RUN_DATE, "b2", NOW)
    write_landing(landing, "transactions", "day2/b.csv", "transaction_id\nT2\nT3\n")
    later = bronze.ingest(spark, spec, str(landing), bronze_uri, date(2024, 3, 2), "b3", NOW)

    assert (len(first.files), first.lines) == (1, 1)
    assert (again.files, again.lines) == ((), 0)
    assert (len(later.files), later.lines) == (1, 2)
    stored = bronze.read_batches(
        spark, bronze_uri, "transactions", [("b1", RUN_DATE), ("b3", date(2024, 3, 2))]
    )
    assert stored.count() == 3
    assert {r.ingest_date for r in stored.select("ingest_date").collect()} == {
        RUN_DATE,
        date(2024, 3, 2),
    }


def test_csv_schema_drift_extra_columns_ignored_and_missing_columns_use_the_spec(
    spark: SparkSession, landing: Path, specs: dict[str, DatasetSpec]
) -> None:
    # No channel and no amount column; an extra gift_wrap column.
    header = (
        "transaction_id,customer_id,product_id,quantity,unit_price,currency,"
        "transaction_ts,status,gift_wrap"
    )
    content = f"{header}\nT1,C1,P1,2,10.00,USD,2024-03-01T10:00:00Z,completed,yes\n"
    file = write_landing(landing, "transactions", "drift.csv", content)
    rows = bronze.to_bronze(bronze.read_lines(spark, [str(file)]), "b1", NOW, RUN_DATE)
    (row,) = classify(rows, specs["transactions"], RUN_DATE).collect()
    assert (row.outcome, row.channel, str(row.amount)) == ("accepted", "unknown", "20.00")
