"""The warehouse SQL renders to validated, idempotent statements covering every gold column; the
Redshift-only statements (which PostgreSQL cannot run) are checked here by their exact text."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from lakehouse.gold import GOLD_TABLES
from lakehouse.warehouse_sql import (
    LOADER_USER_EXISTS,
    SchemaParams,
    WarehouseParams,
    create_loader_user,
    render_load,
    render_schema,
    split_statements,
)
from tests.postgres import postgres_dialect

PARAMS = SchemaParams(
    external_schema="gold_ext",
    warehouse_schema="warehouse",
    gold_database="lakehouse-dev-gold",
    iam_role_arn="arn:aws:iam::123456789012:role/lakehouse-dev-spectrum",
    database="lakehouse",
    loader_role="lakehouse-dev-warehouse-load",
)
LOAD_PARAMS = WarehouseParams(
    PARAMS.external_schema, PARAMS.warehouse_schema, PARAMS.gold_database, PARAMS.iam_role_arn
)
SORT_KEYS = {
    "daily_sales": "order_date",
    "customer_ltv": "customer_id",
    "product_daily": "order_date, product_id",
}


def kinds(statements: list[str]) -> list[str]:
    return [" ".join(s.split()[:3]) for s in statements]


def test_the_schema_phase_creates_schemas_and_tables_then_grants() -> None:
    assert kinds(render_schema(PARAMS)) == [
        "CREATE EXTERNAL SCHEMA",
        "CREATE SCHEMA IF",
        *["CREATE TABLE IF"] * 3,
        *["GRANT USAGE ON", "GRANT TEMP ON", "GRANT USAGE ON", "GRANT SELECT, INSERT,"],
    ]


def test_the_load_phase_merges_then_deletes_vanished_groups_per_table() -> None:
    assert kinds(render_load(LOAD_PARAMS)) == [
        "MERGE INTO warehouse.daily_sales",
        "DELETE FROM warehouse.daily_sales",
        "MERGE INTO warehouse.customer_ltv",
        "DELETE FROM warehouse.customer_ltv",
        "MERGE INTO warehouse.product_daily",
        "DELETE FROM warehouse.product_daily",
    ]


def test_external_schema_reads_the_gold_glue_database_with_the_spectrum_role() -> None:
    assert render_schema(PARAMS)[0] == (
        "CREATE EXTERNAL SCHEMA IF NOT EXISTS gold_ext\n"
        "FROM DATA CATALOG\n"
        "DATABASE 'lakehouse-dev-gold'\n"
        "IAM_ROLE 'arn:aws:iam::123456789012:role/lakehouse-dev-spectrum'"
    )


@pytest.mark.parametrize("table", GOLD_TABLES, ids=lambda t: t.name)
def test_warehouse_tables_let_redshift_distribute_and_sort_by_their_filters(table) -> None:
    (ddl,) = [s for s in render_schema(PARAMS) if f"EXISTS warehouse.{table.name} (" in s]
    assert ddl.endswith(f")\nDISTSTYLE AUTO\nSORTKEY ({SORT_KEYS[table.name]})")


def test_the_loader_user_is_the_iam_role_user_and_signs_in_without_password() -> None:
    assert PARAMS.loader_user == "IAMR:lakehouse-dev-warehouse-load"
    assert create_loader_user(PARAMS) == (
        'CREATE USER "IAMR:lakehouse-dev-warehouse-load" PASSWORD DISABLE'
    )
    assert LOADER_USER_EXISTS == (
        "SELECT 1 FROM pg_user WHERE lower(usename) = lower(:loader_user)"
    )


def test_the_loader_is_granted_exactly_what_the_merges_need() -> None:
    user = '"IAMR:lakehouse-dev-warehouse-load"'
    assert render_schema(PARAMS)[5:] == [
        f"GRANT USAGE ON SCHEMA gold_ext TO {user}",
        f"GRANT TEMP ON DATABASE lakehouse TO {user}",
        f"GRANT USAGE ON SCHEMA warehouse TO {user}",
        "GRANT SELECT, INSERT, UPDATE, DELETE\n"
        "    ON warehouse.daily_sales, warehouse.customer_ltv, warehouse.product_daily\n"
        f"    TO {user}",
    ]


def test_every_statement_is_rerunnable() -> None:
    for statement in render_schema(PARAMS) + render_load(LOAD_PARAMS):
        assert statement.startswith(
            (
                "CREATE EXTERNAL SCHEMA IF NOT EXISTS",
                "CREATE SCHEMA IF NOT EXISTS",
                "CREATE TABLE IF NOT EXISTS",
                "GRANT ",
                "MERGE INTO",
                "DELETE FROM",
            )
        )


@pytest.mark.parametrize("table", GOLD_TABLES, ids=lambda t: t.name)
def test_warehouse_table_and_merge_cover_every_gold_column(table) -> None:
    (ddl,) = [
        s
        for s in render_schema(PARAMS)
        if s.startswith(f"CREATE TABLE IF NOT EXISTS warehouse.{table.name} ")
    ]
    (merge,) = [
        s for s in render_load(LOAD_PARAMS) if s.startswith(f"MERGE INTO warehouse.{table.name}\n")
    ]
    columns = [n for n, _ in table.columns]
    declared = re.findall(r"^    (\w+) ", ddl, re.MULTILINE)
    assert [c for c in declared if c != "PRIMARY"] == columns
    assert f"PRIMARY KEY ({', '.join(table.keys)})" in ddl
    for key in table.keys:
        assert f"warehouse.{table.name}.{key} = src.{key}" in merge
    for measure in table.measures:
        assert f"{measure} = src.{measure}" in merge
    # Redshift MERGE: no target alias; both clauses present; SET names are unqualified.
    assert "WHEN MATCHED THEN UPDATE SET" in merge
    assert "WHEN NOT MATCHED THEN INSERT (" + ", ".join(columns[:2]) in merge.replace("\n", " ")
    assert not re.search(r"SET\s+\w+\.\w+\s*=", merge)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"external_schema": "gold_ext; drop table x"}, "external_schema must be"),
        ({"warehouse_schema": "Warehouse"}, "warehouse_schema must be"),
        ({"gold_database": "gold' --"}, "gold_database must be"),
        ({"iam_role_arn": "arn:aws:iam::1:role/x'"}, "iam_role_arn must be"),
        ({"database": "dev; drop"}, "database must be"),
        ({"loader_role": 'loader" TO PUBLIC; --'}, "loader_role must be"),
        ({"loader_role": "Lakehouse-Loader"}, "loader_role must be"),
        ({"loader_role": "r" * 65}, "loader_role must be"),
    ],
)
def test_unsafe_parameters_are_rejected_before_rendering(change: dict, message: str) -> None:
    params = replace(PARAMS, **change)
    with pytest.raises(ValueError, match=message):
        render_schema(params)
    with pytest.raises(ValueError, match=message):
        create_loader_user(params)


def test_the_load_phase_needs_no_loader_role_or_database() -> None:
    with pytest.raises(ValueError, match="iam_role_arn must be"):
        render_load(replace(LOAD_PARAMS, iam_role_arn="role"))
    assert render_load(LOAD_PARAMS) == render_load(PARAMS)


def test_split_statements_ignores_comments_and_trailing_semicolons() -> None:
    assert split_statements("-- a comment\nSELECT 1;\n\nSELECT 2;\n") == ["SELECT 1", "SELECT 2"]


def test_only_spectrum_layout_and_password_statements_change_for_postgres() -> None:
    schema = render_schema(PARAMS)
    transformed = [postgres_dialect(s) for s in schema]
    assert transformed[0] == "CREATE SCHEMA IF NOT EXISTS gold_ext"
    for original, postgres in zip(schema[2:5], transformed[2:5], strict=True):
        assert postgres == original[: original.index(")\nDISTSTYLE") + 1]
    assert transformed[1] == schema[1]
    assert transformed[5:] == schema[5:]
    assert [postgres_dialect(s) for s in render_load(LOAD_PARAMS)] == render_load(LOAD_PARAMS)
    assert postgres_dialect(create_loader_user(PARAMS)) == (
        'CREATE USER "IAMR:lakehouse-dev-warehouse-load"'
    )
    assert postgres_dialect(LOADER_USER_EXISTS).endswith("lower(%(loader_user)s)")
