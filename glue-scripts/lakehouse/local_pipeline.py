"""`npm run pipeline:local -- --input DIR --output DIR [--run-date YYYY-MM-DD]`.

Runs bronze, silver (with quarantine) and gold on local Spark with an Iceberg hadoop catalog
under OUTPUT/warehouse, then writes OUTPUT/run-summary.json. Runs on the same output continue
the lake: landing files already ingested are skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from lakehouse.runs import UsageError, new_run_id, parse_run_date
from lakehouse.specs import load_specs
from lakehouse.summary import run_summary, to_json
from lakehouse.tables import Lake

LOCAL_LAKE = Lake(catalog="local", silver_database="silver", gold_database="gold")


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = OneLineParser(prog="pipeline:local", description=__doc__)
    parser.add_argument("--input", required=True, type=Path, help="landing folder: DIR/<dataset>/")
    parser.add_argument("--output", required=True, type=Path, help="lake folder (created)")
    parser.add_argument("--run-date", help="YYYY-MM-DD, default today (UTC)")
    args = parser.parse_args(argv)
    if not args.input.is_dir():
        raise UsageError(f"--input {args.input} is not a directory")
    args.run_date = parse_run_date(args.run_date)
    return args


def main(argv: list[str] | None = None) -> int:
    try:
        args = parse_args(sys.argv[1:] if argv is None else argv)
    except UsageError as error:
        print(f"pipeline:local: error: {error}", file=sys.stderr)
        return 2
    # Spark starts only after the arguments are known to be good.
    from lakehouse.pipeline import Locations, run_all
    from lakehouse.spark_config import local_session

    output = args.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    spark = local_session(output / "warehouse", catalog=LOCAL_LAKE.catalog)
    specs = list(load_specs().values())
    locations = Locations(
        landing_uri=str(args.input.resolve()),
        bronze_uri=str(output / "bronze"),
        quarantine_uri=str(output / "quarantine"),
    )
    run_id = new_run_id()
    counts, gold_result = run_all(spark, LOCAL_LAKE, specs, locations, args.run_date, run_id)
    summary = run_summary(args.run_date, run_id, counts, gold_result.touched_groups)
    text = to_json(summary)
    (output / "run-summary.json").write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
