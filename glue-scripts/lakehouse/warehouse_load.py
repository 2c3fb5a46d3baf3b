"""Runs the rendered warehouse SQL through the Redshift Data API and waits for the result.

Python 3.9 compatible (Glue Python shell). The client is passed in, so tests use moto.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from lakehouse.warehouse_sql import WarehouseParams, render

DONE = {"FINISHED"}
FAILED = {"FAILED", "ABORTED"}


class StatementError(RuntimeError):
    pass


def wait(
    client: Any,
    statement_id: str,
    poll_seconds: float,
    sleep: Callable[[float], None],
    max_polls: int,
) -> None:
    """Polls until the statement finishes; fails on error or after max_polls polls."""
    for _ in range(max_polls):
        status = client.describe_statement(Id=statement_id)
        if status["Status"] in DONE:
            return
        if status["Status"] in FAILED:
            raise StatementError(
                f"statement {statement_id}: {status.get('Error', status['Status'])}"
            )
        sleep(poll_seconds)
    raise StatementError(f"statement {statement_id} did not finish after {max_polls} polls")


def load(
    client: Any,
    workgroup: str,
    database: str,
    params: WarehouseParams,
    poll_seconds: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
    max_polls: int = 720,
) -> list[str]:
    """The external schema first on its own (Redshift runs external DDL outside transactions),
    then tables and merges as one batch, which the Data API runs as a single transaction."""
    first, *rest = render(params)
    target = {"WorkgroupName": workgroup, "Database": database}
    ids = [client.execute_statement(Sql=first, **target)["Id"]]
    wait(client, ids[0], poll_seconds, sleep, max_polls)
    ids.append(client.batch_execute_statement(Sqls=rest, **target)["Id"])
    wait(client, ids[1], poll_seconds, sleep, max_polls)
    return ids
