"""Small builders shared by the tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_landing(landing: Path, dataset: str, name: str, content: str | bytes) -> Path:
    """A landing file written byte for byte, so BOMs and CRLFs reach the reader untouched."""
    target = landing / dataset / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return target


def jsonl(*records: dict[str, Any]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def transaction(transaction_id: str, **overrides: Any) -> dict[str, Any]:
    """A valid transaction; overrides change or (with None) remove single fields."""
    record: dict[str, Any] = {
        "transaction_id": transaction_id,
        "customer_id": "C1",
        "product_id": "P1",
        "quantity": 2,
        "unit_price": "10.00",
        "currency": "USD",
        "transaction_ts": "2024-03-01T10:00:00Z",
        "status": "completed",
        "channel": "web",
    }
    record.update(overrides)
    return {k: v for k, v in record.items() if v is not None}


def customer(customer_id: str, **overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "customer_id": customer_id,
        "email": "someone@example.com",
        "country": "DE",
        "signup_date": "2023-05-01",
        "segment": "retail",
    }
    record.update(overrides)
    return {k: v for k, v in record.items() if v is not None}


def bronze_frame(spark: Any, payloads: list[str | None], source_file: str = "f.jsonl") -> Any:
    """Bronze-shaped rows, one per payload, numbered from line 1 of one source file."""
    from datetime import date, datetime

    from lakehouse.bronze import BRONZE_SCHEMA

    rows = [
        (source_file, n, "json", p or "", p, datetime(2024, 3, 1), "b1", date(2024, 3, 1))
        for n, p in enumerate(payloads, start=1)
    ]
    return spark.createDataFrame(rows, BRONZE_SCHEMA)
