"""The deploy-time warehouse schema function (functions/warehouse-schema/handler.py) against the
Data API of moto in server mode on 127.0.0.1.

moto accepts and records Data API requests but never runs them (statements stay STARTED), so a
small emulation inside the moto process finishes them as Redshift would: it keeps the set of
database users, answers the loader-user check with ResultRows, and fails chosen statements.
What reaches AWS is read from the HTTP requests boto3 sends.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
from moto.redshiftdata.models import RedshiftDataAPIServiceBackend
from moto.server import ThreadedMotoServer

from lakehouse.warehouse_sql import (
    LOADER_USER_EXISTS,
    SchemaParams,
    create_loader_user,
    render_schema,
)
from tests.deploy_function import load_handler

handler = load_handler()
ADMIN_SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:redshift!ns-admin-AbCdEf"
EVENT = {
    "workgroupName": "lakehouse-dev",
    "database": "lakehouse",
    "adminSecretArn": ADMIN_SECRET,
    "externalSchema": "gold_ext",
    "warehouseSchema": "warehouse",
    "goldDatabase": "lakehouse_dev_gold",
    "spectrumRoleArn": "arn:aws:iam::123456789012:role/lakehouse-dev-spectrum",
    "loaderRole": "lakehouse-dev-warehouse-load",
}
PARAMS = SchemaParams(
    external_schema="gold_ext",
    warehouse_schema="warehouse",
    gold_database="lakehouse_dev_gold",
    iam_role_arn=EVENT["spectrumRoleArn"],
    database="lakehouse",
    loader_role="lakehouse-dev-warehouse-load",
)


@dataclass
class RedshiftEmulation:
    """Finishes the statements moto recorded, as Redshift would."""

    users: set[str] = field(default_factory=set)
    fail_on: str | None = None
    stall_on: str | None = None

    def describe(self, statement: Any) -> dict[str, Any]:
        sql: str = statement.query_string
        outcome = {**dict(statement), "Status": "FINISHED"}
        if self.stall_on and self.stall_on in sql:
            outcome["Status"] = "STARTED"
        elif self.fail_on and self.fail_on in sql:
            outcome.update(
                Status="FAILED", Error=f'ERROR: syntax error at or near "{self.fail_on}"'
            )
        elif sql == LOADER_USER_EXISTS:
            (user,) = [p["value"] for p in statement.query_parameters if p["name"] == "loader_user"]
            outcome["ResultRows"] = int(user.lower() in self.users)
        elif sql.startswith("CREATE USER"):
            self.users.add(sql.split('"')[1].lower())
        return outcome


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def redshift(monkeypatch: pytest.MonkeyPatch, moto_endpoint: str) -> RedshiftEmulation:
    emulation = RedshiftEmulation()
    original = RedshiftDataAPIServiceBackend.describe_statement

    def describe(backend: RedshiftDataAPIServiceBackend, statement_id: str) -> dict[str, Any]:
        return emulation.describe(original(backend, statement_id))

    monkeypatch.setattr(RedshiftDataAPIServiceBackend, "describe_statement", describe)
    # The handler builds its own client, as in Lambda; these point it at moto.
    for name, value in {
        "AWS_ENDPOINT_URL": moto_endpoint,
        "AWS_DEFAULT_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    return emulation


@pytest.fixture
def sent(redshift: RedshiftEmulation) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """(operation, JSON body) of every request boto3 sends to the Data API."""
    requests: list[tuple[str, dict[str, Any]]] = []

    def record(request: Any, **_: Any) -> None:
        operation = request.headers["X-Amz-Target"].decode().split(".")[-1]
        requests.append((operation, json.loads(request.body)))

    boto3.setup_default_session()
    assert boto3.DEFAULT_SESSION is not None
    boto3.DEFAULT_SESSION.events.register("before-send.redshift-data", record)
    yield requests
    boto3.DEFAULT_SESSION = None


class Context:
    def __init__(self, remaining_ms: int = 300_000) -> None:
        self.remaining_ms = remaining_ms

    def get_remaining_time_in_millis(self) -> int:
        return self.remaining_ms


def executed(sent: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [body["Sql"] for operation, body in sent if operation == "ExecuteStatement"]


def test_the_loader_user_is_checked_and_created_before_the_schema_statements_in_order(
    sent: list[tuple[str, dict[str, Any]]],
) -> None:
    result = handler.handler(EVENT, Context())
    assert executed(sent) == [
        LOADER_USER_EXISTS,
        create_loader_user(PARAMS),
        *render_schema(PARAMS),
    ]
    assert result["loaderUser"] == "IAMR:lakehouse-dev-warehouse-load"
    assert result["loaderUserCreated"] is True
    assert result["statements"] == len(render_schema(PARAMS)) == 9
    assert len(result["statementIds"]) == 11


def test_every_statement_signs_in_as_the_admin_through_the_managed_secret(
    sent: list[tuple[str, dict[str, Any]]],
) -> None:
    handler.handler(EVENT, Context())
    bodies = [body for operation, body in sent if operation == "ExecuteStatement"]
    for body in bodies:
        assert {k: body[k] for k in ("WorkgroupName", "Database", "SecretArn")} == {
            "WorkgroupName": "lakehouse-dev",
            "Database": "lakehouse",
            "SecretArn": EVENT["adminSecretArn"],
        }
        assert not {"DbUser", "ClusterIdentifier"} & body.keys()
    assert bodies[0]["Parameters"] == [
        {"name": "loader_user", "value": "IAMR:lakehouse-dev-warehouse-load"}
    ]


def test_a_second_invocation_is_harmless_and_creates_no_user(
    sent: list[tuple[str, dict[str, Any]]],
) -> None:
    handler.handler(EVENT, Context())
    first = executed(sent)
    sent.clear()
    again = handler.handler(EVENT, Context())
    assert again["loaderUserCreated"] is False
    assert executed(sent) == [LOADER_USER_EXISTS, *first[2:]]


def test_a_failed_statement_fails_the_invocation_naming_the_statement_and_the_error(
    redshift: RedshiftEmulation, sent: list[tuple[str, dict[str, Any]]]
) -> None:
    redshift.fail_on = "GRANT TEMP"
    with pytest.raises(handler.SchemaDeployError) as failure:
        handler.handler(EVENT, Context())
    message = str(failure.value)
    assert message.startswith("statement 7 of 9 failed: statement ")
    assert 'ERROR: syntax error at or near "GRANT TEMP"' in message
    assert message.endswith(
        'GRANT TEMP ON DATABASE lakehouse TO "IAMR:lakehouse-dev-warehouse-load"'
    )
    assert executed(sent)[-1].startswith("GRANT TEMP")


def test_a_statement_that_outlasts_the_invocation_fails_it_in_time(
    redshift: RedshiftEmulation, sent: list[tuple[str, dict[str, Any]]]
) -> None:
    redshift.stall_on = "CREATE TABLE"
    client = boto3.client("redshift-data")
    target, _ = handler.read_event(EVENT)
    sleeps: list[float] = []
    with pytest.raises(
        handler.SchemaDeployError, match=r"statement 3 of 9 failed: .*after 3 polls"
    ):
        handler.apply_schema(client, target, PARAMS, lambda: 6.5, sleeps.append)
    assert sleeps == [2.0] * 3
    with pytest.raises(handler.SchemaDeployError, match="loader user check: no time left"):
        handler.apply_schema(client, target, PARAMS, lambda: 1.0, sleeps.append)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            {k: v for k, v in EVENT.items() if k not in ("adminSecretArn", "loaderRole")},
            "the invocation input lacks adminSecretArn, loaderRole",
        ),
        ({**EVENT, "database": ""}, "the invocation input lacks database"),
        ({**EVENT, "loaderRole": 'x" TO PUBLIC; --'}, "loader_role must be"),
        ({**EVENT, "spectrumRoleArn": "not-an-arn"}, "iam_role_arn must be"),
    ],
)
def test_an_invalid_input_fails_before_any_statement(
    event: dict[str, str], message: str, sent: list[tuple[str, dict[str, Any]]]
) -> None:
    with pytest.raises((handler.SchemaDeployError, ValueError), match=message):
        handler.handler(event, Context())
    assert sent == []
