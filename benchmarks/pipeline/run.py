"""Local pipeline benchmark (not a test): throughput, peak memory, cost over a plain Parquet
copy, and incremental scaling over successive run dates. See benchmarks/README.md.

Usage: npm run bench:pipeline -- [--rows 1000000] [--runs 10] [--files-per-run 4]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

from lakehouse import gold
from lakehouse.pipeline import Locations, run_bronze, run_silver
from lakehouse.runs import new_run_id
from lakehouse.spark_config import local_session
from lakehouse.specs import load_specs
from lakehouse.tables import Lake

REPO = Path(__file__).resolve().parents[2]
LAKE = Lake(catalog="bench", silver_database="silver", gold_database="gold")
FIRST_DAY = date(2024, 1, 1)
CURRENCIES = ("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "INR", "BRL")
CHANNELS = ("web", "mobile", "store", "marketplace")
STATUSES = ("completed", "completed", "completed", "pending", "refunded", "cancelled")


@dataclass
class RunTiming:
    run_date: str
    rows: int
    bronze_s: float
    silver_s: float
    gold_s: float
    parquet_copy_s: float
    # CPU seconds of the driver JVM, the Python driver and their children over bronze + silver
    # + gold: less sensitive than wall time to other load on a shared machine.
    cpu_s: float
    load_1m: float

    @property
    def total_s(self) -> float:
        return self.bronze_s + self.silver_s + self.gold_s


def generate_run(landing: Path, day: date, rows: int, files: int, seed: int) -> None:
    """rows transactions for one day in `files` JSON-lines files, ~1% invalid and ~1%
    duplicated keys, plus customers for a slice of the buyers (some arrive late)."""
    rng = random.Random(seed)
    folder = landing / "transactions" / day.isoformat()
    folder.mkdir(parents=True, exist_ok=True)
    per_file = rows // files
    customers = max(rows // 20, 1)
    start = datetime.combine(day, datetime.min.time())
    for index in range(files):
        lines = []
        count = per_file if index < files - 1 else rows - per_file * (files - 1)
        for n in range(count):
            quantity = rng.randint(1, 5)
            price = rng.randint(100, 20000) / 100
            key = f"{day:%Y%m%d}-{index}-{n}"
            if rng.random() < 0.01:  # re-sent line: the last occurrence must win
                key = f"{day:%Y%m%d}-{index}-{max(n - 1, 0)}"
            record = {
                "transaction_id": key,
                "customer_id": f"C{rng.randrange(customers)}",
                "product_id": f"P{rng.randrange(500)}",
                "quantity": quantity,
                "unit_price": f"{price:.2f}",
                "currency": rng.choice(CURRENCIES),
                "transaction_ts": (start + timedelta(seconds=rng.randrange(86400))).isoformat()
                + "Z",
                "status": rng.choice(STATUSES),
                "channel": rng.choice(CHANNELS),
            }
            if rng.random() < 0.01:
                record["currency"] = "XXX"
            lines.append(json.dumps(record))
        (folder / f"part-{index:03d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    people = [
        json.dumps(
            {
                "customer_id": f"C{rng.randrange(customers)}",
                "email": f"user{n}@example.com",
                "country": rng.choice(("DE", "US", "GB", "FR", "JP")),
                "signup_date": "2023-01-01",
            }
        )
        for n in range(max(rows // 100, 1))
    ]
    target = landing / "customers" / day.isoformat() / "customers.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(people) + "\n", encoding="utf-8")


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def parquet_copy(spark: SparkSession, bronze_uri: str, day: date, target: Path) -> float:
    """Baseline: read this run's bronze transactions and write them back as Parquet."""
    source = Path(bronze_uri) / "transactions" / f"ingest_date={day.isoformat()}"
    return timed(
        lambda: (
            spark.read.parquet(str(source))
            .where(F.col("payload").isNotNull())
            .write.mode("overwrite")
            .parquet(str(target))
        )
    )


def cpu_seconds(roots: list[int]) -> float:
    """User + system CPU time (including reaped children) of the processes and all their
    descendants, from /proc."""
    processes: dict[int, tuple[int, int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        processes[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    wanted, frontier = set(roots), list(roots)
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, (ppid, _) in processes.items() if ppid == parent]
        frontier.extend(c for c in children if c not in wanted)
        wanted.update(children)
    ticks = sum(processes[pid][1] for pid in wanted if pid in processes)
    return ticks / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pids: list[int]) -> float:
    """Sum of each process's peak resident set (VmHWM) from /proc."""
    total_kb = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                total_kb += int(line.split()[1])
    return round(total_kb / 1024, 1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="transactions in total")
    parser.add_argument("--runs", type=int, default=10, help="run dates sharing the rows")
    parser.add_argument("--files-per-run", type=int, default=4)
    parser.add_argument(
        "--warmup-rows", type=int, default=2000, help="untimed run on its own lake first"
    )
    parser.add_argument("--workdir", type=Path, default=REPO / ".cache" / "bench" / "pipeline")
    parser.add_argument("--results", type=Path, default=REPO / ".cache" / "bench" / "pipeline.json")
    args = parser.parse_args(argv)
    if args.rows < args.runs or args.runs < 1:
        parser.error("--rows must be at least --runs, and --runs at least 1")

    shutil.rmtree(args.workdir, ignore_errors=True)
    landing, lake_dir = args.workdir / "landing", args.workdir / "lake"
    specs = list(load_specs().values())
    spark = local_session(lake_dir / "warehouse", catalog=LAKE.catalog)
    locations = Locations(str(landing), str(lake_dir / "bronze"), str(lake_dir / "quarantine"))
    if args.warmup_rows:
        # JIT and class loading would otherwise be billed to run 1 and skew run N / run 1.
        warm = args.workdir / "warmup"
        generate_run(warm / "landing", FIRST_DAY, args.warmup_rows, 1, seed=-1)
        warm_locations = Locations(
            str(warm / "landing"), str(warm / "bronze"), str(warm / "quarantine")
        )
        warm_lake = Lake(LAKE.catalog, "warmup_silver", "warmup_gold")
        run_bronze(spark, specs, warm_locations, FIRST_DAY, new_run_id())
        run_silver(spark, warm_lake, specs, warm_locations, FIRST_DAY)
        gold.refresh(spark, warm_lake)
    per_run = args.rows // args.runs
    timings: list[RunTiming] = []
    accepted = 0
    jvm_pid = int(spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid())
    measured = [jvm_pid, os.getpid()]
    for n in range(args.runs):
        day = FIRST_DAY + timedelta(days=n)
        generate_run(landing, day, per_run, args.files_per_run, seed=n)
        run_id = new_run_id()
        cpu_before = cpu_seconds(measured)
        bronze_s = timed(lambda: run_bronze(spark, specs, locations, day, run_id))  # noqa: B023
        started = time.perf_counter()
        counts = run_silver(spark, LAKE, specs, locations, day)
        silver_s = time.perf_counter() - started
        gold_s = timed(lambda: gold.refresh(spark, LAKE))
        cpu_s = cpu_seconds(measured) - cpu_before
        copy_s = parquet_copy(spark, locations.bronze_uri, day, args.workdir / "copy")
        accepted += next(c.accepted for c in counts if c.dataset == "transactions")
        timing = RunTiming(
            day.isoformat(), per_run, bronze_s, silver_s, gold_s, copy_s, cpu_s, os.getloadavg()[0]
        )
        timings.append(timing)
        print(f"run {n + 1}/{args.runs} {day}: {timing.total_s:.1f}s", file=sys.stderr)

    memory = peak_rss_mb(measured)
    spark.stop()
    total = sum(t.total_s for t in timings)
    silver_gold = sum(t.silver_s + t.gold_s for t in timings)
    copy = sum(t.parquet_copy_s for t in timings)
    results = {
        "rows": per_run * args.runs,
        "runs": args.runs,
        "rows_per_run": per_run,
        "accepted_transactions": accepted,
        "throughput_records_per_s": round(per_run * args.runs / total, 1),
        "peak_rss_mb_driver_jvm_plus_python": memory,
        "silver_gold_over_parquet_copy": round(silver_gold / copy, 2),
        "run_last_over_run_first": round(timings[-1].total_s / timings[0].total_s, 2),
        "run_max_over_run_first": round(max(t.total_s for t in timings) / timings[0].total_s, 2),
        "cpu_run_last_over_run_first": round(timings[-1].cpu_s / timings[0].cpu_s, 2),
        "cpu_run_max_over_run_first": round(max(t.cpu_s for t in timings) / timings[0].cpu_s, 2),
        "runs_detail": [
            {
                **{k: round(v, 2) if isinstance(v, float) else v for k, v in asdict(t).items()},
                "total_s": round(t.total_s, 2),
            }
            for t in timings
        ],
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
