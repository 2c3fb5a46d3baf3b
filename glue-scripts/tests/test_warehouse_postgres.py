"""The warehouse SQL on a real PostgreSQL 15 server, through the code that runs it in AWS.

The deploy function (functions/warehouse-schema) applies the schema phase as the admin, the Glue
loader (lakehouse.warehouse_load) runs the MERGEs as the loader's database user with only the
schema phase's grants. Spectrum is emulated by a plain schema of gold tables that the loader may
read (Redshift grants that through USAGE on the external schema). Where the dialects differ,
tests/postgres.py says how and why.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from itertools import count
from typing import Any

import pytest

from lakehouse.gold import GOLD_TABLES, GoldTable
from lakehouse.warehouse_load import StatementError, load
from lakehouse.warehouse_sql import LOADER_USER_EXISTS, SchemaParams
from tests.deploy_function import load_handler
from tests.postgres import PostgresDataApi, PostgresServer, postgres_dialect, running_server

Row = tuple[Any, ...]
SQL_TYPES = {"date": "DATE", "string": "VARCHAR(256)", "bigint": "BIGINT", "timestamp": "TIMESTAMP"}
TABLES = {table.name: table for table in GOLD_TABLES}
D1, D2 = date(2024, 3, 1), date(2024, 3, 2)
T1, T2 = datetime(2024, 3, 1, 9, 30), datetime(2024, 3, 2, 18, 5)
GOLD: dict[str, list[Row]] = {
    "daily_sales": [
        (D1, "web", "USD", 2, 3, Decimal("30.00"), Decimal("0.00")),
        (D1, "web", "EUR", 1, 1, Decimal("9.50"), Decimal("9.50")),
        (D1, "mobile", "USD", 1, 5, Decimal("50.00"), Decimal("0.00")),
        (D2, "unknown", "JPY", 1, 2, Decimal("1200.00"), Decimal("0.00")),
    ],
    "customer_ltv": [
        ("C1", "USD", 3, Decimal("80.00"), T1, T2, "US", "gold"),
        ("C1", "EUR", 1, Decimal("9.50"), T1, T1, "US", "gold"),
        # A late-arriving customer: no country or segment yet.
        ("C2", "USD", 1, Decimal("0.00"), T2, T2, None, None),
        ("C3", "JPY", 1, Decimal("1200.00"), T2, T2, "JP", None),
    ],
    "product_daily": [
        (D1, "P1", "USD", 8, Decimal("80.00")),
        (D1, "P1", "EUR", 1, Decimal("9.50")),
        (D2, "P2", "JPY", 2, Decimal("1200.00")),
    ],
}
databases = count(1)


@pytest.fixture(scope="module")
def postgres() -> Iterator[PostgresServer]:
    with running_server() as server:
        yield server


class Warehouse:
    """One database: the schema phase applied by the deploy function, gold emulated, and the
    Glue loader's Data API signing in as the loader user."""

    def __init__(self, server: PostgresServer, params: SchemaParams) -> None:
        self.server = server
        self.params = params
        # The loader's role signs in by IAM; the deploy function passes the admin secret.
        self.data_api = PostgresDataApi(server, params.database, iam_user=params.loader_user)
        self.target = {"WorkgroupName": "wg", "Database": params.database, "SecretArn": "arn:s"}

    def apply_schema(self) -> dict[str, Any]:
        handler = load_handler()
        return handler.apply_schema(
            self.data_api, self.target, self.params, seconds_left=lambda: 60
        )

    def publish_gold(self, gold: dict[str, list[Row]]) -> None:
        """Replaces the gold rows the external schema shows."""
        with self.server.connect(self.params.database) as conn:
            for name, rows in gold.items():
                table = TABLES[name]
                conn.execute(f"TRUNCATE {self.params.external_schema}.{name}")
                marks = ", ".join(["%s"] * len(table.columns))
                with conn.cursor() as cursor:
                    cursor.executemany(
                        f"INSERT INTO {self.params.external_schema}.{name} VALUES ({marks})", rows
                    )

    def emulate_gold(self) -> None:
        ext = self.params.external_schema
        with self.server.connect(self.params.database) as conn:
            for table in GOLD_TABLES:
                columns = ", ".join(f"{n} {SQL_TYPES.get(t, t.upper())}" for n, t in table.columns)
                conn.execute(f"CREATE TABLE {ext}.{table.name} ({columns})")
                conn.execute(f'GRANT SELECT ON {ext}.{table.name} TO "{self.params.loader_user}"')

    def load(self) -> str:
        return load(self.data_api, "wg", self.params.database, self.params, 0, lambda _: None, 1)

    def rows(self, table: GoldTable) -> list[Row]:
        with self.server.connect(self.params.database) as conn:
            keys = ", ".join(table.keys)
            query = f"SELECT * FROM {self.params.warehouse_schema}.{table.name} ORDER BY {keys}"
            return conn.execute(query).fetchall()

    def assert_matches(self, gold: dict[str, list[Row]]) -> None:
        for table in GOLD_TABLES:
            expected = sorted(gold[table.name], key=lambda row: row[: len(table.keys)])
            assert self.rows(table) == expected, table.name


def new_warehouse(server: PostgresServer, loader_role: str) -> Warehouse:
    """A fresh database with the schema phase applied and the gold rows published."""
    params = SchemaParams(
        external_schema="gold_ext",
        warehouse_schema="warehouse",
        gold_database="lakehouse-test-gold",
        iam_role_arn="arn:aws:iam::123456789012:role/lakehouse-test-spectrum",
        database=f"lakehouse_{next(databases)}",
        loader_role=loader_role,
    )
    with server.connect() as conn:
        conn.execute(f"CREATE DATABASE {params.database}")
    house = Warehouse(server, params)
    house.apply_schema()
    house.emulate_gold()
    house.publish_gold(GOLD)
    return house


@pytest.fixture
def warehouse(postgres: PostgresServer) -> Warehouse:
    return new_warehouse(postgres, "lakehouse-test-warehouse-load")


def test_first_load_copies_every_gold_row_of_every_currency_channel_and_null_attribute(
    warehouse: Warehouse,
) -> None:
    warehouse.load()
    warehouse.assert_matches(GOLD)


def test_a_second_load_of_the_same_gold_changes_nothing(warehouse: Warehouse) -> None:
    warehouse.load()
    before = {t.name: warehouse.rows(t) for t in GOLD_TABLES}
    warehouse.load()
    assert {t.name: warehouse.rows(t) for t in GOLD_TABLES} == before
    warehouse.assert_matches(GOLD)


def test_changed_gold_rows_update_their_warehouse_rows(warehouse: Warehouse) -> None:
    warehouse.load()
    changed = {
        "daily_sales": [
            (D1, "web", "USD", 3, 4, Decimal("41.25"), Decimal("11.25")),
            *GOLD["daily_sales"][1:],
        ],
        "customer_ltv": [
            ("C1", "USD", 4, Decimal("90.00"), T1, datetime(2024, 3, 3), None, "platinum"),
            GOLD["customer_ltv"][1],
            ("C2", "USD", 1, Decimal("0.00"), T2, T2, "DE", "new"),
            GOLD["customer_ltv"][3],
        ],
        "product_daily": [(D1, "P1", "USD", 9, Decimal("90.00")), *GOLD["product_daily"][1:]],
    }
    warehouse.publish_gold(changed)
    warehouse.load()
    warehouse.assert_matches(changed)


def test_groups_that_vanished_from_gold_are_deleted(warehouse: Warehouse) -> None:
    warehouse.load()
    remaining = {
        "daily_sales": GOLD["daily_sales"][1:3],
        "customer_ltv": [GOLD["customer_ltv"][0]],
        "product_daily": [],
    }
    warehouse.publish_gold(remaining)
    warehouse.load()
    warehouse.assert_matches(remaining)


def test_a_failed_load_leaves_the_warehouse_as_the_previous_load_left_it(
    warehouse: Warehouse,
) -> None:
    warehouse.load()
    broken = {**GOLD, "product_daily": [(D1, "P1", "USD", None, Decimal("1.00"))]}
    broken["daily_sales"] = [(D2, "web", "GBP", 1, 1, Decimal("5.00"), Decimal("0.00"))]
    warehouse.publish_gold(broken)
    with pytest.raises(StatementError, match="not-null"):
        warehouse.load()
    warehouse.assert_matches(GOLD)


def test_the_loader_needs_the_schema_phase_grants(warehouse: Warehouse) -> None:
    with warehouse.server.connect(warehouse.params.database) as conn:
        conn.execute(
            f'REVOKE UPDATE ON warehouse.customer_ltv FROM "{warehouse.params.loader_user}"'
        )
    with pytest.raises(StatementError, match="permission denied for table customer_ltv"):
        warehouse.load()


def test_the_schema_phase_runs_twice_without_error_and_keeps_the_data(
    warehouse: Warehouse,
) -> None:
    warehouse.load()
    again = warehouse.apply_schema()
    assert again["loaderUserCreated"] is False
    warehouse.assert_matches(GOLD)
    warehouse.load()
    warehouse.assert_matches(GOLD)


def test_the_deploy_function_creates_the_loader_user_only_when_it_is_missing(
    postgres: PostgresServer,
) -> None:
    house = Warehouse(postgres, new_warehouse(postgres, "lakehouse-test-first-deploy").params)
    # new_warehouse ran the first deploy; the user is cluster-wide, so the next one finds it.
    assert house.apply_schema()["loaderUserCreated"] is False
    with postgres.connect() as conn:
        (can_login,) = conn.execute(
            "SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", [house.params.loader_user]
        ).fetchone()
    assert can_login is True
    fresh = new_warehouse(postgres, "lakehouse-test-second-loader")
    assert (
        fresh.data_api.requests[1]["Sql"]
        == 'CREATE USER "IAMR:lakehouse-test-second-loader" PASSWORD DISABLE'
    )


def test_the_loader_user_check_ignores_case_as_redshift_folds_user_names(
    warehouse: Warehouse,
) -> None:
    with warehouse.server.connect(warehouse.params.database) as conn:
        found = conn.execute(
            postgres_dialect(LOADER_USER_EXISTS),
            {"loader_user": warehouse.params.loader_user.upper()},
        ).fetchall()
        missing = conn.execute(
            postgres_dialect(LOADER_USER_EXISTS), {"loader_user": "IAMR:someone-else"}
        ).fetchall()
    assert (found, missing) == ([(1,)], [])
