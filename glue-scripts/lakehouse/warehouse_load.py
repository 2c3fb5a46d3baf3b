"""Runs the warehouse MERGEs through the Redshift Data API and waits for the result.

The Glue job's role signs in with IAM temporary credentials (WorkgroupName and no SecretArn),
so Redshift runs the MERGEs as the database user `IAMR:<role name>`, which the deploy-time
schema phase created and granted exactly what the MERGEs need. Python 3.9 compatible (Glue
Python shell); `wait` is shared with the deploy function. The client is passed in, so tests
use moto.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import Any

from lakehouse.warehouse_sql import WarehouseParams, render_load

# The first botocore whose Redshift Data API model accepts WorkgroupName (Redshift Serverless).
# Glue's Python shell 3.9 ships an older one; the job pins a newer one with
# --additional-python-modules.
MIN_BOTOCORE = (1, 27, 11)

DONE = {"FINISHED"}
FAILED = {"FAILED", "ABORTED"}


class StatementError(RuntimeError):
    pass


def require_workgroup_support(botocore_version: str) -> None:
    """Fails before any call when the installed botocore cannot address a serverless workgroup."""
    found = tuple(int(part) for part in re.findall(r"\d+", botocore_version)[:3])
    if found < MIN_BOTOCORE:
        wanted = ".".join(map(str, MIN_BOTOCORE))
        raise RuntimeError(
            f"botocore {botocore_version} is older than {wanted}, the first whose Redshift "
            "Data API accepts WorkgroupName; check that the job's --additional-python-modules "
            "pins boto3 and botocore"
        )


def wait(
    client: Any,
    statement_id: str,
    poll_seconds: float,
    sleep: Callable[[float], None],
    max_polls: int,
) -> dict[str, Any]:
    """Polls until the statement finishes and returns its final description (ResultRows tells
    how many rows a SELECT returned); fails on error or after max_polls polls."""
    for _ in range(max_polls):
        status = client.describe_statement(Id=statement_id)
        if status["Status"] in DONE:
            return status
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
) -> str:
    """Every MERGE and DELETE as one batch, which the Data API runs as a single transaction:
    a failed run leaves the warehouse as the previous run left it. Returns the statement id."""
    statement_id = client.batch_execute_statement(
        Sqls=render_load(params), WorkgroupName=workgroup, Database=database
    )["Id"]
    wait(client, statement_id, poll_seconds, sleep, max_polls)
    return statement_id
