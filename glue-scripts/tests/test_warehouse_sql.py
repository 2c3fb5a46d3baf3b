"""The warehouse SQL renders to validated, idempotent statements covering every gold column."""

from __future__ import annotations

import re

import pytest

from lakehouse.gold import GOLD_TABLES
from lakehouse.warehouse_sql import WarehouseParams, render, split_statements

PARAMS = WarehouseParams(
    external_schema="gold_ext",
    warehouse_schema="warehouse",
    gold_database="lakehouse-dev-gold",
    iam_role_arn="arn:aws:iam::123456789012:role/lakehouse-dev-spectrum",
)


def test_statements_come_in_dependency_order() -> None:
    kinds = [" ".join(s.split()[:3]) for s in render(PARAMS)]
    assert kinds[:2] == ["CREATE EXTERNAL SCHEMA", "CREATE SCHEMA IF"]
    assert kinds[2:5] == ["CREATE TABLE IF"] * 3
    assert kinds[5:] == [
        "MERGE INTO warehouse.daily_sales",
        "DELETE FROM warehouse.daily_sales",
        "MERGE INTO warehouse.customer_ltv",
        "DELETE FROM warehouse.customer_ltv",
        "MERGE INTO warehouse.product_daily",
        "DELETE FROM warehouse.product_daily",
    ]


def test_external_schema_reads_the_gold_glue_database_with_the_role() -> None:
    statement = render(PARAMS)[0]
    assert statement.startswith("CREATE EXTERNAL SCHEMA IF NOT EXISTS gold_ext\nFROM DATA CATALOG")
    assert "DATABASE 'lakehouse-dev-gold'" in statement
    assert "IAM_ROLE 'arn:aws:iam::123456789012:role/lakehouse-dev-spectrum'" in statement


def test_every_statement_is_rerunnable() -> None:
    for statement in render(PARAMS):
        assert statement.startswith(
            (
                "CREATE EXTERNAL SCHEMA IF NOT EXISTS",
                "CREATE SCHEMA IF NOT EXISTS",
                "CREATE TABLE IF NOT EXISTS",
                "MERGE INTO",
                "DELETE FROM",
            )
        )


@pytest.mark.parametrize("table", GOLD_TABLES, ids=lambda t: t.name)
def test_warehouse_table_and_merge_cover_every_gold_column(table) -> None:
    statements = render(PARAMS)
    (ddl,) = [
        s for s in statements if s.startswith(f"CREATE TABLE IF NOT EXISTS warehouse.{table.name} ")
    ]
    (merge,) = [s for s in statements if s.startswith(f"MERGE INTO warehouse.{table.name}\n")]
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
    "params",
    [
        WarehouseParams("gold_ext; drop table x", "warehouse", "gold", PARAMS.iam_role_arn),
        WarehouseParams("gold_ext", "Warehouse", "gold", PARAMS.iam_role_arn),
        WarehouseParams("gold_ext", "warehouse", "gold' --", PARAMS.iam_role_arn),
        WarehouseParams("gold_ext", "warehouse", "gold", "arn:aws:iam::1:role/x'"),
    ],
)
def test_unsafe_parameters_are_rejected_before_rendering(params: WarehouseParams) -> None:
    with pytest.raises(ValueError, match="must be"):
        render(params)


def test_split_statements_ignores_comments_and_trailing_semicolons() -> None:
    assert split_statements("-- a comment\nSELECT 1;\n\nSELECT 2;\n") == ["SELECT 1", "SELECT 2"]
