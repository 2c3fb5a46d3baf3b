"""components/catalog/lake-schemas.json: what the platform program believes the jobs write."""

from __future__ import annotations

import json

import lake_schemas
from tests.helpers import REPO, LakeRun

COMMITTED = REPO / "components" / "catalog" / "lake-schemas.json"


def _names_and_types(columns: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(c["name"], c["type"]) for c in columns]


def test_committed_file_is_what_the_job_code_declares() -> None:
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == json.loads(lake_schemas.render()), (
        "lake-schemas.json is stale: run npm run generate:lake-schemas"
    )


def test_gold_columns_are_those_of_the_iceberg_tables_the_gold_job_writes(
    sample_lake: LakeRun,
) -> None:
    declared = json.loads(COMMITTED.read_text(encoding="utf-8"))["gold"]
    for table, columns in declared.items():
        schema = sample_lake.spark.table(sample_lake.lake.gold(table)).schema
        written = [(f.name, f.dataType.simpleString()) for f in schema.fields]
        assert written == _names_and_types(columns), table


def test_quarantine_files_have_the_declared_columns_under_the_declared_folders(
    sample_lake: LakeRun,
) -> None:
    declared = json.loads(COMMITTED.read_text(encoding="utf-8"))["quarantine"]
    folders = declared["partitionFolders"]
    for dataset in ("transactions", "customers"):
        root = sample_lake.root / "q" / dataset
        files = [p for p in root.rglob("*.parquet") if not p.name.startswith((".", "_"))]
        assert files, f"no quarantine files for {dataset}"
        for file in files:
            levels = file.relative_to(root).parts[:-1]
            assert [level.split("=", 1)[0] for level in levels] == folders, file
        schema = sample_lake.spark.read.parquet(str(root)).schema
        written = {f.name: f.dataType.simpleString() for f in schema.fields}
        assert written == dict(_names_and_types(declared["columns"])), dataset
