"""Writes the columns of the tables the jobs produce as JSON, for the platform program.

The quarantine Glue tables and the QuickSight datasets over gold must name the same columns
and types the jobs write, and the buckets' lifecycle rules must touch only data files. They read
components/catalog/lake-schemas.json, which this script renders from the job code itself
(gold.GOLD_TABLES, silver.QUARANTINE_COLUMNS, the bronze types they carry, DATA_FILE_PREFIXES);
tests/test_lake_schemas.py fails when the file is stale.

Usage: python glue-scripts/lake_schemas.py prints the JSON; npm run generate:lake-schemas
writes it to that file (formatted by prettier; the test compares parsed JSON).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from lakehouse.bronze import BRONZE_SCHEMA
from lakehouse.gold import GOLD_TABLES
from lakehouse.silver import QUARANTINE_COLUMNS

# silver.process writes quarantine files under <dataset>/run_date=<date>/batch_id=<id>/.
QUARANTINE_PARTITION_FOLDERS = ("run_date", "batch_id")
# Key prefixes, relative to each layer's bucket, that hold only data files: what lifecycle rules
# may tier and expire. Ledgers (bronze/<dataset>/_ingested_files, silver's processed_batches),
# run records (quarantine/_run_summaries) and Iceberg metadata (<table>/metadata) sit outside them,
# so the next run always reads them. Iceberg writes a table's data files under <table>/data/.
DATA_FILE_PREFIXES: dict[str, tuple[str, ...]] = {
    "landing": ("{dataset}/",),
    "bronze": ("{dataset}/ingest_date=",),
    "silver": ("{dataset}/data/",),
    "gold": ("{table}/data/",),
    "quarantine": (f"{{dataset}}/{QUARANTINE_PARTITION_FOLDERS[0]}=",),
}
# Quarantine columns that silver adds; the others are bronze columns carried through.
_QUARANTINE_OWN_TYPES = {"dataset": "string", "reason": "string", "run_date": "date"}


def quarantine_columns() -> list[tuple[str, str]]:
    """Every quarantine column with its Spark SQL type, in QUARANTINE_COLUMNS order."""
    bronze = {f.name: f.dataType.simpleString() for f in BRONZE_SCHEMA.fields}
    return [(name, _QUARANTINE_OWN_TYPES.get(name) or bronze[name]) for name in QUARANTINE_COLUMNS]


def _columns(columns: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    return [{"name": name, "type": kind} for name, kind in columns]


def lake_schemas() -> dict[str, Any]:
    return {
        "gold": {table.name: _columns(table.columns) for table in GOLD_TABLES},
        "quarantine": {
            "columns": _columns(quarantine_columns()),
            "partitionFolders": list(QUARANTINE_PARTITION_FOLDERS),
        },
        "dataFilePrefixes": {
            layer: list(prefixes) for layer, prefixes in DATA_FILE_PREFIXES.items()
        },
    }


def render() -> str:
    return json.dumps(lake_schemas(), indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
