"""Bronze: landing files to Parquet lines with ingestion metadata. Nothing is dropped here.

Every non-blank line becomes one row: its raw text (BOM and CR removed) and, for lines that
can be records, a JSON object `payload` that silver parses. A CSV line with the wrong column
count keeps its raw text with a null payload, so silver quarantines it as `malformed`.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from datetime import date, datetime

from pyspark.sql import Column, DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

from lakehouse.paths import exists, join_uri, list_files
from lakehouse.specs import DatasetSpec

LEDGER_DIR = "_ingested_files"
LEDGER_SCHEMA = "source_file string, batch_id string, ingest_date date"
BRONZE_SCHEMA = T.StructType(
    [
        T.StructField("source_file", T.StringType()),
        T.StructField("line_number", T.IntegerType()),
        T.StructField("format", T.StringType()),
        T.StructField("raw", T.StringType()),
        T.StructField("payload", T.StringType()),
        T.StructField("ingest_ts", T.TimestampType()),
        T.StructField("batch_id", T.StringType()),
        T.StructField("ingest_date", T.DateType()),
    ]
)


@dataclass(frozen=True)
class BronzeResult:
    dataset: str
    batch_id: str
    files: tuple[str, ...]
    lines: int


def accepted_files(paths: list[str], spec: DatasetSpec) -> list[str]:
    return [p for p in paths if p.rsplit(".", 1)[-1].lower() in spec.formats]


def csv_record(header: str | None, line: str | None) -> str | None:
    """A CSV line as a JSON object keyed by the file's header; None when the counts differ."""
    if header is None or line is None:
        return None
    names = [n.strip() for n in next(csv.reader([header]), [])]
    values = next(csv.reader([line]), [])
    if len(values) != len(names):
        return None
    return json.dumps(dict(zip(names, values, strict=True)))


csv_record_udf = F.udf(csv_record, T.StringType())


def _strip_line(line: Column, position: Column) -> Column:
    without_cr = F.regexp_replace(line, "\r$", "")
    return F.when(position == 0, F.regexp_replace(without_cr, "^\ufeff", "")).otherwise(without_cr)


def read_lines(spark: SparkSession, files: list[str]) -> DataFrame:
    """One row per non-blank line: source_file, line_number (1-based), format, raw, header."""
    texts = spark.read.text(files, wholetext=True)
    lines = texts.select(
        F.col("_metadata.file_path").alias("source_file"),
        F.split("value", "\n").alias("lines"),
    ).select(
        "source_file",
        _strip_line(F.col("lines")[0], F.lit(0)).alias("header"),
        F.posexplode("lines").alias("position", "line"),
    )
    extension = F.lower(F.regexp_extract("source_file", r"\.([^./]+)$", 1))
    format_of = F.when(extension == "csv", "csv").otherwise("json")
    return lines.select(
        "source_file",
        (F.col("position") + 1).cast("int").alias("line_number"),
        format_of.alias("format"),
        _strip_line(F.col("line"), F.col("position")).alias("raw"),
        "header",
    ).where(F.trim("raw") != "")


def to_bronze(lines: DataFrame, batch_id: str, ingest_ts: datetime, run_date: date) -> DataFrame:
    """Adds payload and ingestion metadata. CSV header lines are not records."""
    # The CSV parser is a Python UDF, so it only sees CSV rows.
    json_rows = lines.where(F.col("format") == "json").withColumn("payload", F.col("raw"))
    csv_rows = lines.where((F.col("format") == "csv") & (F.col("line_number") > 1)).withColumn(
        "payload", csv_record_udf("header", "raw")
    )
    return json_rows.unionByName(csv_rows).select(
        "source_file",
        "line_number",
        "format",
        "raw",
        "payload",
        F.lit(ingest_ts).cast("timestamp").alias("ingest_ts"),
        F.lit(batch_id).alias("batch_id"),
        F.lit(run_date).cast("date").alias("ingest_date"),
    )


def dataset_uri(bronze_uri: str, dataset: str) -> str:
    return join_uri(bronze_uri, dataset)


def read_ledger(spark: SparkSession, bronze_uri: str, dataset: str) -> DataFrame:
    ledger = join_uri(dataset_uri(bronze_uri, dataset), LEDGER_DIR)
    if not exists(spark, ledger):
        return spark.createDataFrame([], LEDGER_SCHEMA)
    return spark.read.schema(LEDGER_SCHEMA).json(ledger)


def ingest(
    spark: SparkSession,
    spec: DatasetSpec,
    landing_uri: str,
    bronze_uri: str,
    run_date: date,
    batch_id: str,
    ingest_ts: datetime,
) -> BronzeResult:
    """Appends the dataset's landing files not yet in bronze; then records them in the ledger."""
    landed = accepted_files(list_files(spark, join_uri(landing_uri, spec.name)), spec)
    seen = {r.source_file for r in read_ledger(spark, bronze_uri, spec.name).collect()}
    new_files = [f for f in landed if f not in seen]
    if not new_files:
        return BronzeResult(spec.name, batch_id, (), 0)
    rows = to_bronze(read_lines(spark, new_files), batch_id, ingest_ts, run_date)
    target = dataset_uri(bronze_uri, spec.name)
    rows.write.mode("append").partitionBy("ingest_date").parquet(target)
    written = (
        spark.read.schema(BRONZE_SCHEMA)
        .parquet(target)
        .where((F.col("ingest_date") == F.lit(run_date)) & (F.col("batch_id") == batch_id))
        .count()
    )
    # The ledger is written last: a failed write leaves the files to be ingested again.
    ledger_rows = [(f, batch_id, run_date) for f in new_files]
    spark.createDataFrame(ledger_rows, LEDGER_SCHEMA).coalesce(1).write.mode("append").json(
        join_uri(target, LEDGER_DIR)
    )
    return BronzeResult(spec.name, batch_id, tuple(new_files), written)


def read_batches(
    spark: SparkSession, bronze_uri: str, dataset: str, batches: list[tuple[str, date]]
) -> DataFrame:
    """Bronze rows of the given (batch_id, ingest_date) pairs; partition-pruned by date."""
    if not batches:
        return spark.createDataFrame([], BRONZE_SCHEMA)
    dates = sorted({d for _, d in batches})
    ids = sorted({b for b, _ in batches})
    return (
        spark.read.schema(BRONZE_SCHEMA)
        .option("basePath", dataset_uri(bronze_uri, dataset))
        .parquet(dataset_uri(bronze_uri, dataset))
        .where(F.col("ingest_date").isin(dates) & F.col("batch_id").isin(ids))
    )
