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


def _under(path: str, root: str, prefixes: list[str]) -> bool:
    relative = path.removeprefix("file:").removeprefix(root.rstrip("/") + "/")
    return any(relative.startswith(prefix) for prefix in prefixes)


def test_lifecycle_prefixes_hold_every_data_file_and_no_ledger_run_record_or_table_metadata(
    sample_lake: LakeRun,
) -> None:
    prefixes = json.loads(COMMITTED.read_text(encoding="utf-8"))["dataFilePrefixes"]
    root = sample_lake.root

    for dataset in ("transactions", "customers"):
        bronze = [
            p.relative_to(root / "bronze").as_posix()
            for p in (root / "bronze").rglob("*")
            if p.is_file()
        ]
        tierable = [prefix.format(dataset=dataset) for prefix in prefixes["bronze"]]
        ledger = [p for p in bronze if p.startswith(f"{dataset}/_ingested_files/")]
        data = [p for p in bronze if p.startswith(f"{dataset}/") and p.endswith(".parquet")]
        assert ledger
        assert data
        assert not any(any(p.startswith(t) for t in tierable) for p in ledger)
        assert all(any(p.startswith(t) for t in tierable) for p in data)

        quarantine = [p.relative_to(root / "q").as_posix() for p in (root / "q").rglob("*.parquet")]
        mine = [p for p in quarantine if p.startswith(f"{dataset}/")]
        tierable = [prefix.format(dataset=dataset) for prefix in prefixes["quarantine"]]
        assert mine
        assert all(any(p.startswith(t) for t in tierable) for p in mine)

    spark, lake = sample_lake.spark, sample_lake.lake
    datasets = ("transactions", "customers")
    gold = declared_gold_tables()
    tierable = {
        "silver": [p.format(dataset=d) for p in prefixes["silver"] for d in datasets],
        "gold": [p.format(table=t) for p in prefixes["gold"] for t in gold],
    }
    tables = [("silver", lake.silver(d), True) for d in datasets]
    tables += [("gold", lake.gold(t), True) for t in gold]
    tables.append(("silver", lake.ledger(), False))
    for layer, table, holds_data in tables:
        location = (
            spark.sql(f"DESCRIBE TABLE EXTENDED {table}").where("col_name = 'Location'").first()[1]
        )
        database_root = location.removeprefix("file:").rstrip("/").rsplit("/", 1)[0]
        data_files = [
            r.file_path for r in spark.sql(f"SELECT file_path FROM {table}.files").collect()
        ]
        metadata = [
            r.file for r in spark.sql(f"SELECT file FROM {table}.metadata_log_entries").collect()
        ]
        assert data_files, table
        assert metadata, table
        assert not any(_under(f, database_root, tierable[layer]) for f in metadata), table
        assert all(_under(f, database_root, tierable[layer]) == holds_data for f in data_files), (
            table
        )


def declared_gold_tables() -> list[str]:
    return sorted(json.loads(COMMITTED.read_text(encoding="utf-8"))["gold"])
