"""Run identity and the arguments every job shares."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime


class UsageError(ValueError):
    """Bad command-line or job input; reported in one line."""


def parse_run_date(value: str | None) -> date:
    """YYYY-MM-DD, or today's UTC date when absent."""
    if not value:
        return datetime.now(UTC).date()
    try:
        return date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> date:
    raise UsageError(f"--run-date must be a date as YYYY-MM-DD, got {value!r}")


def new_run_id() -> str:
    """Sorts by start time (later batches win ties of a key) and is unique across retries."""
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}Z-{uuid.uuid4().hex[:8]}"
