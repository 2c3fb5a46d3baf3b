"""Deploy-time warehouse schema, invoked once per change by the deployment (aws.lambda.Invocation).

Signs in as the namespace's admin (the AWS-managed admin secret, SecretArn) like a migration
runner, creates the warehouse-load role's database user when it is missing, then runs the
schema phase of warehouse/sql in order: the Spectrum external schema, the warehouse schema and
tables, and the loader's grants. Every statement is idempotent, so a re-invocation is harmless.
Each statement runs alone and is awaited within the Lambda's remaining time; the first failure
fails the invocation (and so the deployment) naming the statement and Redshift's error.

The zip holds this file beside the lakehouse modules and SQL it imports
(components/warehouse/warehouse-schema.ts); boto3 comes with the Lambda runtime.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

import boto3

from lakehouse.warehouse_load import StatementError, wait
from lakehouse.warehouse_sql import (
    LOADER_USER_EXISTS,
    SchemaParams,
    create_loader_user,
    render_schema,
)

POLL_SECONDS = 2.0
# Kept back from the Lambda timeout so a slow statement is reported, not cut off by a kill.
RESERVE_SECONDS = 10.0
EVENT_KEYS = (
    "workgroupName",
    "database",
    "adminSecretArn",
    "externalSchema",
    "warehouseSchema",
    "goldDatabase",
    "spectrumRoleArn",
    "loaderRole",
)

logger = logging.getLogger("warehouse-schema")
logger.setLevel(logging.INFO)


class SchemaDeployError(RuntimeError):
    pass


def read_event(event: dict[str, Any]) -> tuple[dict[str, str], SchemaParams]:
    """The Data API target (admin secret auth) and the validated SQL parameters."""
    missing = [key for key in EVENT_KEYS if not isinstance(event.get(key), str) or not event[key]]
    if missing:
        raise SchemaDeployError(f"the invocation input lacks {', '.join(missing)}")
    params = SchemaParams(
        external_schema=event["externalSchema"],
        warehouse_schema=event["warehouseSchema"],
        gold_database=event["goldDatabase"],
        iam_role_arn=event["spectrumRoleArn"],
        database=event["database"],
        loader_role=event["loaderRole"],
    )
    params.validate()
    target = {
        "WorkgroupName": event["workgroupName"],
        "Database": event["database"],
        "SecretArn": event["adminSecretArn"],
    }
    return target, params


def apply_schema(
    client: Any,
    target: dict[str, str],
    params: SchemaParams,
    seconds_left: Callable[[], float],
    sleep: Callable[[float], None] = time.sleep,
    poll_seconds: float = POLL_SECONDS,
) -> dict[str, Any]:
    """Runs the schema phase; returns what it did (stored as the invocation's result)."""
    statement_ids: list[str] = []

    def run(label: str, sql: str, parameters: dict[str, str] | None = None) -> dict[str, Any]:
        budget = seconds_left()
        if budget < poll_seconds:
            raise SchemaDeployError(f"{label}: no time left in the invocation to run\n{sql}")
        request = {**target, "Sql": sql}
        if parameters:
            request["Parameters"] = [{"name": k, "value": v} for k, v in parameters.items()]
        statement_id = client.execute_statement(**request)["Id"]
        statement_ids.append(statement_id)
        logger.info("%s: statement %s started", label, statement_id)
        try:
            return wait(client, statement_id, poll_seconds, sleep, int(budget // poll_seconds))
        except StatementError as error:
            raise SchemaDeployError(f"{label} failed: {error}\n{sql}") from error

    found = run("loader user check", LOADER_USER_EXISTS, {"loader_user": params.loader_user})
    created = found.get("ResultRows", 0) < 1
    if created:
        run("loader user", create_loader_user(params))
    statements = render_schema(params)
    for number, sql in enumerate(statements, start=1):
        run(f"statement {number} of {len(statements)}", sql)
    return {
        "loaderUser": params.loader_user,
        "loaderUserCreated": created,
        "statements": len(statements),
        "statementIds": statement_ids,
    }


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    target, params = read_event(event)
    result = apply_schema(
        boto3.client("redshift-data"),
        target,
        params,
        seconds_left=lambda: context.get_remaining_time_in_millis() / 1000 - RESERVE_SECONDS,
    )
    logger.info("warehouse schema applied: %s", result)
    return result
