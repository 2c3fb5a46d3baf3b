"""The Glue library zip is reproducible and self-sufficient; the job contract is stable."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

from build_lib import build, library_entries
from lakehouse.job_args import JOB_ARGS, argument_names
from lakehouse.warehouse_load import StatementError, load, require_workgroup_support
from lakehouse.warehouse_sql import WarehouseParams, render_load

SHELL_MODULES = ("job_args", "resources", "warehouse_sql", "warehouse_load")


def test_library_zip_is_byte_for_byte_reproducible(tmp_path: Path) -> None:
    assert build(tmp_path / "a.zip") == build(tmp_path / "b.zip")


def test_library_zip_carries_specs_and_warehouse_sql() -> None:
    names = set(library_entries())
    assert {"lakehouse/datasets/transactions.yaml", "lakehouse/datasets/customers.yaml"} <= names
    assert "lakehouse/sql/schema/01_external_schema.sql" in names
    assert "lakehouse/sql/load/01_merge_daily_sales.sql" in names
    assert "lakehouse/silver.py" in names
    assert not any("__pycache__" in n for n in names)


def test_zipped_library_finds_its_packaged_specs_and_sql(tmp_path: Path) -> None:
    archive = tmp_path / "lakehouse.zip"
    build(archive)
    probe = (
        "import lakehouse.specs as s, lakehouse.warehouse_sql as w;"
        "assert 'lakehouse.zip' in s.__file__;"
        "print(sorted(s.load_specs()), len(w.template_names('load')))"
    )
    out = subprocess.run(
        [
            sys.executable,
            "-S",
            "-c",
            f"import sys; sys.path[:0] = [{str(archive)!r}]; import site; site.main(); " + probe,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert out.strip() == "['customers', 'transactions'] 3"


def test_every_job_takes_the_documented_arguments() -> None:
    common = [
        "JOB_NAME",
        "datasets",
        "catalog_name",
        "warehouse_uri",
        "bronze_database",
        "silver_database",
        "gold_database",
    ]
    assert list(JOB_ARGS["bronze"]) == [*common, "landing_uri", "bronze_uri"]
    assert list(JOB_ARGS["silver"]) == [*common, "bronze_uri", "quarantine_uri"]
    assert list(JOB_ARGS["gold"]) == common
    assert set(JOB_ARGS["warehouse_load"]) == {
        "JOB_NAME",
        "workgroup_name",
        "database",
        "gold_database",
        "iam_role_arn",
        "external_schema",
        "warehouse_schema",
    }


def test_run_date_is_resolved_only_when_passed() -> None:
    assert "run_date" not in argument_names("gold", ["job.py", "--datasets", "x"])
    assert argument_names("gold", ["job.py", "--run_date", "2024-03-01"])[-1] == "run_date"


@pytest.mark.parametrize("module", SHELL_MODULES)
def test_python_shell_modules_compile_on_python_3_9(module: str) -> None:
    source = Path(__file__).resolve().parents[1] / "lakehouse" / f"{module}.py"
    ast.parse(source.read_text(encoding="utf-8"), str(source), feature_version=(3, 9))


class FakeDataApi:
    """Records statements; each reports STARTED once, then the given final status."""

    def __init__(self, final: str = "FINISHED") -> None:
        self.final = final
        self.calls: list[tuple[str, object]] = []
        self.polls: dict[str, int] = {}

    def batch_execute_statement(self, Sqls: list[str], **target: str) -> dict:  # noqa: N803
        self.calls.append(("batch", Sqls))
        return {"Id": f"s{len(self.calls)}"}

    def describe_statement(self, Id: str) -> dict:  # noqa: N803
        self.polls[Id] = self.polls.get(Id, 0) + 1
        status = "STARTED" if self.polls[Id] == 1 else self.final
        return {"Status": status, "Error": "boom"}


PARAMS = WarehouseParams("gold_ext", "warehouse", "gold", "arn:aws:iam::123456789012:role/r")


def test_warehouse_load_runs_only_the_merges_as_one_batch() -> None:
    api = FakeDataApi()
    statement_id = load(api, "lakehouse-dev", "dev", PARAMS, poll_seconds=0, sleep=lambda _: None)
    ((kind, sqls),) = api.calls
    assert (kind, statement_id) == ("batch", "s1")
    assert [" ".join(str(sql).split()[:2]) for sql in sqls] == ["MERGE INTO", "DELETE FROM"] * 3
    assert api.polls == {"s1": 2}


def test_warehouse_load_fails_on_a_failed_statement_and_on_timeout() -> None:
    with pytest.raises(StatementError, match="boom"):
        load(FakeDataApi("FAILED"), "wg", "dev", PARAMS, poll_seconds=0, sleep=lambda _: None)
    with pytest.raises(StatementError, match="did not finish"):
        load(FakeDataApi("STARTED"), "wg", "dev", PARAMS, 0, lambda _: None, max_polls=3)


def test_warehouse_load_signs_in_with_the_job_role_not_a_secret() -> None:
    client = boto3.client("redshift-data", region_name="eu-west-1")
    statement_id = "01234567-89ab-cdef-0123-456789abcdef"
    with Stubber(client) as stub:
        # Stubber validates each request against the Data API model, as AWS would.
        stub.add_response(
            "batch_execute_statement",
            {"Id": statement_id},
            {"Sqls": render_load(PARAMS), "WorkgroupName": "lakehouse-dev", "Database": "dev"},
        )
        stub.add_response("describe_statement", {"Id": statement_id, "Status": "FINISHED"})
        assert load(client, "lakehouse-dev", "dev", PARAMS, 0, lambda _: None) == statement_id


def test_warehouse_load_refuses_a_botocore_whose_data_api_has_no_workgroup_name() -> None:
    # botocore 1.27.11 added WorkgroupName to redshift-data (Python shell 3.9 ships 1.24.21).
    require_workgroup_support("1.27.11")
    require_workgroup_support("1.40.76")
    with pytest.raises(RuntimeError, match=r"botocore 1\.24\.21 is older than 1\.27\.11"):
        require_workgroup_support("1.24.21")
