"""Silver applies each spec rule in order; the first failing rule names the quarantine reason."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from pyspark.sql import SparkSession

from lakehouse.silver import classify, count_outcomes
from lakehouse.specs import DatasetSpec
from tests.helpers import bronze_frame, customer, transaction

RUN_DATE = date(2024, 3, 1)

TRANSACTION_CASES = {
    "valid": (transaction("T"), None),
    "missing transaction_id": (transaction(None), "missing_transaction_id"),
    "blank customer_id": (transaction("T", customer_id="  "), "missing_customer_id"),
    "missing product_id": (transaction("T", product_id=None), "missing_product_id"),
    "quantity zero": (transaction("T", quantity=0), "invalid_quantity"),
    "quantity fractional": (transaction("T", quantity=2.5), "invalid_quantity"),
    "quantity not numeric": (transaction("T", quantity="two"), "invalid_quantity"),
    "quantity numeric string": (transaction("T", quantity=" 3 "), None),
    "unit_price negative": (transaction("T", unit_price=-1), "invalid_unit_price"),
    "unit_price missing": (transaction("T", unit_price=None), "invalid_unit_price"),
    "unit_price zero": (transaction("T", unit_price="0"), None),
    "currency not in list": (transaction("T", currency="XYZ"), "invalid_currency"),
    "currency trimmed and upper-cased": (transaction("T", currency=" gbp "), None),
    "timestamp unparseable": (transaction("T", transaction_ts="soon"), "invalid_transaction_ts"),
    "timestamp missing": (transaction("T", transaction_ts=None), "invalid_transaction_ts"),
    "timestamp after run time + 1 day": (
        transaction("T", transaction_ts="2024-03-03T00:00:01Z"),
        "future_transaction_ts",
    ),
    "timestamp within run time + 1 day": (
        transaction("T", transaction_ts="2024-03-02T23:59:59Z"),
        None,
    ),
    "status unknown": (transaction("T", status="lost"), "invalid_status"),
    "status trimmed and lower-cased": (transaction("T", status=" Refunded "), None),
    "channel not in list": (transaction("T", channel="fax"), "invalid_channel"),
    "channel missing": (transaction("T", channel=None), None),
    "amount mismatch": (transaction("T", amount="25.00"), "invalid_amount"),
    "amount not numeric": (transaction("T", amount="lots"), "invalid_amount"),
    "amount within 0.01": (transaction("T", amount=20.01), None),
    "extra fields ignored": (transaction("T", coupon="X", nested={"a": 1}), None),
    "first failing rule wins": (
        transaction("T", customer_id=None, currency="XYZ"),
        "missing_customer_id",
    ),
}

CUSTOMER_CASES = {
    "valid": (customer("C"), None),
    "missing customer_id": (customer(None), "missing_customer_id"),
    "missing email": (customer("C", email=None), "missing_email"),
    "email with two @": (customer("C", email="a@@b.com"), "invalid_email"),
    "email without dot in domain": (customer("C", email="a@bcom"), "invalid_email"),
    "country not alpha-2": (customer("C", country="DEU"), "invalid_country"),
    "country missing": (customer("C", country=None), "invalid_country"),
    "country upper-cased": (customer("C", country="fr"), None),
    "signup_date impossible": (customer("C", signup_date="2024-02-30"), "invalid_signup_date"),
    "signup_date not ISO": (customer("C", signup_date="01/02/2024"), "invalid_signup_date"),
    "segment optional": (customer("C", segment=None), None),
}


def classify_cases(
    spark: SparkSession, spec: DatasetSpec, cases: dict[str, tuple[dict, str | None]]
) -> dict[str, dict]:
    # Distinct keys per case so de-duplication does not interfere.
    payloads = []
    for index, (record, _) in enumerate(cases.values()):
        if spec.key[0] in record:
            record = {**record, spec.key[0]: f"{record[spec.key[0]]}{index}"}
        payloads.append(json.dumps(record))
    rows = classify(bronze_frame(spark, payloads), spec, RUN_DATE).collect()
    by_line = {r.line_number: r.asDict() for r in rows}
    return {name: by_line[i] for i, name in enumerate(cases, start=1)}


@pytest.fixture(scope="module")
def transaction_results(spark: SparkSession, specs: dict[str, DatasetSpec]) -> dict[str, dict]:
    return classify_cases(spark, specs["transactions"], TRANSACTION_CASES)


@pytest.fixture(scope="module")
def customer_results(spark: SparkSession, specs: dict[str, DatasetSpec]) -> dict[str, dict]:
    return classify_cases(spark, specs["customers"], CUSTOMER_CASES)


@pytest.mark.parametrize("case", list(TRANSACTION_CASES))
def test_transaction_rule_decides_the_quarantine_reason(
    transaction_results: dict[str, dict], case: str
) -> None:
    assert transaction_results[case]["reason"] == TRANSACTION_CASES[case][1]


@pytest.mark.parametrize("case", list(CUSTOMER_CASES))
def test_customer_rule_decides_the_quarantine_reason(
    customer_results: dict[str, dict], case: str
) -> None:
    assert customer_results[case]["reason"] == CUSTOMER_CASES[case][1]


def test_values_are_typed_and_normalized(transaction_results: dict[str, dict]) -> None:
    assert transaction_results["quantity numeric string"]["quantity"] == 3
    assert transaction_results["currency trimmed and upper-cased"]["currency"] == "GBP"
    assert transaction_results["status trimmed and lower-cased"]["status"] == "refunded"
    assert transaction_results["channel missing"]["channel"] == "unknown"


def test_amount_is_computed_when_absent_and_kept_when_present(
    transaction_results: dict[str, dict],
) -> None:
    assert transaction_results["valid"]["amount"] == Decimal("20.00")
    assert transaction_results["amount within 0.01"]["amount"] == Decimal("20.01")


def test_timezone_offset_is_converted_to_utc_and_no_offset_means_utc(
    spark: SparkSession, specs: dict[str, DatasetSpec]
) -> None:
    payloads = [
        json.dumps(transaction("A", transaction_ts="2024-03-01T23:30:00-05:00")),
        json.dumps(transaction("B", transaction_ts="2024-03-01T10:00:00")),
    ]
    rows = classify(bronze_frame(spark, payloads), specs["transactions"], RUN_DATE).collect()
    instants = {r.transaction_id: r.transaction_ts.isoformat() for r in rows}
    assert instants == {"A": "2024-03-02T04:30:00", "B": "2024-03-01T10:00:00"}


@pytest.mark.parametrize(
    "payload",
    ['{"transaction_id": "T1"', "[1, 2]", "42", '"text"', "not json", None],
    ids=["truncated", "array", "number", "string", "text", "wrong csv column count"],
)
def test_lines_that_are_not_json_objects_are_quarantined_as_malformed(
    spark: SparkSession, specs: dict[str, DatasetSpec], payload: str | None
) -> None:
    (row,) = classify(bronze_frame(spark, [payload]), specs["transactions"], RUN_DATE).collect()
    assert (row.outcome, row.reason) == ("quarantined", "malformed")


def test_last_valid_occurrence_of_a_key_wins_by_source_file_then_line(
    spark: SparkSession, specs: dict[str, DatasetSpec]
) -> None:
    early = bronze_frame(
        spark,
        [json.dumps(transaction("T", quantity=1)), json.dumps(transaction("T", quantity=2))],
        source_file="a.jsonl",
    )
    late = bronze_frame(
        spark,
        [json.dumps(transaction("T", quantity=3)), json.dumps(transaction("T", quantity=0))],
        source_file="b.jsonl",
    )
    rows = classify(early.unionByName(late), specs["transactions"], RUN_DATE).collect()
    outcomes = {(r.source_file, r.line_number): (r.outcome, r.quantity) for r in rows}
    assert outcomes == {
        ("a.jsonl", 1): ("superseded", 1),
        ("a.jsonl", 2): ("superseded", 2),
        # The invalid last line is quarantined and cannot win; the last valid line does.
        ("b.jsonl", 1): ("accepted", 3),
        ("b.jsonl", 2): ("quarantined", 0),
    }


def test_counts_reconcile_read_accepted_superseded_quarantined(
    spark: SparkSession, specs: dict[str, DatasetSpec]
) -> None:
    payloads = [
        json.dumps(transaction("T1")),
        json.dumps(transaction("T1")),
        json.dumps(transaction("T2", currency="XYZ")),
        "{broken",
    ]
    classified = classify(bronze_frame(spark, payloads), specs["transactions"], RUN_DATE)
    counts = count_outcomes("transactions", classified)
    assert counts.as_dict() == {
        "read": 4,
        "accepted": 1,
        "superseded": 1,
        "quarantined": {"invalid_currency": 1, "malformed": 1},
    }
    assert counts.reconciles
