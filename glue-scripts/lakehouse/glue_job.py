"""What the Spark Glue jobs build from their resolved arguments (see lakehouse.job_args)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lakehouse.runs import parse_run_date
from lakehouse.specs import DatasetSpec, load_specs, select_specs
from lakehouse.tables import Lake


@dataclass(frozen=True)
class JobContext:
    specs: list[DatasetSpec]
    lake: Lake
    run_date: date
    warehouse_uri: str


def job_context(args: dict[str, str]) -> JobContext:
    return JobContext(
        specs=select_specs(load_specs(), args["datasets"]),
        lake=Lake(args["catalog_name"], args["silver_database"], args["gold_database"]),
        run_date=parse_run_date(args.get("run_date")),
        warehouse_uri=args["warehouse_uri"],
    )
