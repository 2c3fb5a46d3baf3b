"""Silver: type, validate and de-duplicate bronze lines by the dataset spec, then upsert.

Every bronze line ends in exactly one outcome, so `read = accepted + superseded + quarantined`:
- quarantined: not a JSON object (`malformed`) or failing a rule (the first failing rule's name);
- superseded: valid, but a later valid line of the same run has the same key;
- accepted: the last valid line of its key in the run ("last" = greatest batch id, then source
  file, then line number), upserted into the Iceberg table by key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pyspark import StorageLevel
from pyspark.sql import Column, DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from lakehouse import bronze
from lakehouse.paths import join_uri
from lakehouse.specs import DatasetSpec, Field, Rule
from lakehouse.summary import DatasetCounts
from lakehouse.tables import (
    Lake,
    ensure_silver_tables,
    merge_by_key,
    processed_batches,
    record_batches,
    silver_columns,
)

MALFORMED = "malformed"
CORRUPT = "_corrupt_record"
QUARANTINE_COLUMNS = (
    "dataset",
    "reason",
    "raw",
    "payload",
    "source_file",
    "line_number",
    "ingest_ts",
    "batch_id",
    "run_date",
)


def raw_name(field: Field) -> str:
    return f"_raw_{field.name}"


def _normalized(value: Column, field: Field) -> Column:
    """Trimmed text, empty as missing, then the spec's case and default."""
    text = F.trim(value)
    text = F.when(text != "", text)
    if field.case == "upper":
        text = F.upper(text)
    elif field.case == "lower":
        text = F.lower(text)
    if field.default is not None:
        text = F.coalesce(text, F.lit(field.default))
    return text


def _typed(text: Column, field: Field) -> Column:
    """The value in the spec's type; null when the text does not parse."""
    if field.type == "string":
        return text
    if field.type == "integer":
        number = text.cast("decimal(38,10)")
        return F.when(number == F.floor(number), number.cast("int"))
    if field.type == "timestamp":
        return text.cast("timestamp")
    if field.type == "date":
        return F.when(text.rlike(r"^\d{4}-\d{2}-\d{2}$"), F.to_date(text, "yyyy-MM-dd"))
    return text.cast("decimal(38,10)").cast(field.type)


def run_time_limit(run_date: date, days: int) -> datetime:
    """Latest accepted instant: the end of the run date (its "run time") plus `days`."""
    return datetime.combine(run_date + timedelta(days=1 + days), time.min)


def rule_fails(rule: Rule, spec: DatasetSpec, run_date: date) -> Column:
    """True when the record breaks the rule. Missing optional values pass every rule but
    `required`; a missing value of a non-optional column fails every rule on it."""
    field = spec.field(rule.column)
    value = F.col(field.name)
    present = F.col(raw_name(field)).isNotNull()
    if rule.check == "required":
        return ~present
    if rule.check == "parses":
        failed = value.isNull()
    elif rule.check == "range":
        failed = value.isNull()
        if "min" in rule.params:
            failed = failed | (value < F.lit(rule.params["min"]))
        if "max" in rule.params:
            failed = failed | (value > F.lit(rule.params["max"]))
    elif rule.check == "allowed_values":
        failed = ~value.isin([str(v) for v in rule.params["values"]])
    elif rule.check == "pattern":
        failed = ~value.rlike(str(rule.params["regex"]))
    elif rule.check == "not_after_run":
        limit = run_time_limit(run_date, int(rule.params["days"]))
        return F.coalesce(value > F.lit(limit), F.lit(False))
    elif rule.check == "product_matches":
        product = F.lit(1)
        for factor in rule.params["factors"]:
            product = product * F.col(factor)
        failed = F.abs(value - product) > F.lit(rule.params["tolerance"])
    else:
        raise ValueError(f"unknown check {rule.check}")
    failed = F.coalesce(failed, F.lit(True))
    return F.when(~present, F.lit(not field.optional)).otherwise(failed)


def classify(rows: DataFrame, spec: DatasetSpec, run_date: date) -> DataFrame:
    """Bronze rows with typed spec columns, `reason` (null unless quarantined) and `outcome`."""
    text_schema = T.StructType(
        [T.StructField(f.name, T.StringType()) for f in spec.fields]
        + [T.StructField(CORRUPT, T.StringType())]
    )
    parsed = rows.withColumn(
        "_parsed",
        F.from_json("payload", text_schema, {"columnNameOfCorruptRecord": CORRUPT}),
    )
    # Only a JSON object is a record: arrays, scalars and broken JSON are malformed.
    malformed = (
        F.col("payload").isNull()
        | ~F.trim("payload").startswith("{")
        | F.col(f"_parsed.{CORRUPT}").isNotNull()
    )
    typed = parsed.select(
        "*",
        malformed.alias("_malformed"),
        *[_normalized(F.col(f"_parsed.{f.name}"), f).alias(raw_name(f)) for f in spec.fields],
    ).select("*", *[_typed(F.col(raw_name(f)), f).alias(f.name) for f in spec.fields])
    reason = F.when(F.col("_malformed"), F.lit(MALFORMED))
    for rule in spec.rules:
        reason = reason.when(rule_fails(rule, spec, run_date), F.lit(rule.name))
    derived = [
        F.coalesce(F.col(f.name), _product(f)).alias(f.name) if f.derive_multiply else f.name
        for f in spec.fields
    ]
    checked = typed.withColumn("reason", reason).select(
        *[c for c in typed.columns if c not in spec.column_names and c != "_parsed"],
        "reason",
        *derived,
    )
    # Valid rows first, then latest batch, file and line: row 1 of a key is the winner.
    order = Window.partitionBy(*spec.key).orderBy(
        F.col("reason").isNull().desc(),
        F.col("batch_id").desc(),
        F.col("source_file").desc(),
        F.col("line_number").desc(),
    )
    outcome = (
        F.when(F.col("reason").isNotNull(), "quarantined")
        .when(F.row_number().over(order) == 1, "accepted")
        .otherwise("superseded")
    )
    return checked.withColumn("outcome", outcome)


def _product(field: Field) -> Column:
    product = F.lit(1)
    for factor in field.derive_multiply:
        product = product * F.col(factor)
    return F.round(product, int(field.type.split(",")[1].rstrip(")"))).cast(field.type)


def count_outcomes(dataset: str, classified: DataFrame) -> DatasetCounts:
    tally = classified.groupBy("outcome", "reason").count().collect()
    by = {(r.outcome, r.reason): r["count"] for r in tally}
    return DatasetCounts(
        dataset=dataset,
        read=sum(by.values()),
        accepted=by.get(("accepted", None), 0),
        superseded=by.get(("superseded", None), 0),
        quarantined={reason: n for (o, reason), n in sorted(by.items()) if o == "quarantined"},
    )


def quarantine_rows(classified: DataFrame, dataset: str, run_date: date) -> DataFrame:
    # QUARANTINE_COLUMNS in order: dataset and run_date are constants of this run.
    return classified.where(F.col("outcome") == "quarantined").select(
        F.lit(dataset).alias("dataset"),
        *QUARANTINE_COLUMNS[1:-1],
        F.lit(run_date).cast("date").alias("run_date"),
    )


def accepted_rows(classified: DataFrame, spec: DatasetSpec) -> DataFrame:
    return classified.where(F.col("outcome") == "accepted").select(
        *[F.col(name).cast(kind).alias(name) for name, kind in silver_columns(spec)]
    )


@dataclass(frozen=True)
class SilverResult:
    counts: DatasetCounts
    batches: tuple[str, ...]


def pending_batches(
    spark: SparkSession, lake: Lake, bronze_uri: str, dataset: str
) -> list[tuple[str, date]]:
    """Bronze batches (id, ingest date) that silver has not processed yet."""
    done = processed_batches(spark, lake, dataset, "silver")
    ledger = bronze.read_ledger(spark, bronze_uri, dataset).select("batch_id", "ingest_date")
    pairs = {(r.batch_id, r.ingest_date) for r in ledger.distinct().collect()}
    return sorted(p for p in pairs if p[0] not in done)


def process(
    spark: SparkSession,
    lake: Lake,
    spec: DatasetSpec,
    bronze_uri: str,
    quarantine_uri: str,
    run_date: date,
) -> SilverResult:
    """Classifies the pending bronze batches, quarantines rejects and upserts the accepted rows
    (gold reads what the upsert changed from the table's Iceberg changelog)."""
    ensure_silver_tables(spark, lake, spec)
    batches = pending_batches(spark, lake, bronze_uri, spec.name)
    classified = classify(
        bronze.read_batches(spark, bronze_uri, spec.name, batches), spec, run_date
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = count_outcomes(spec.name, classified)
        if sum(counts.quarantined.values()):
            # Overwriting the batch's partitions makes a retried run idempotent.
            quarantine_rows(classified, spec.name, run_date).write.mode("overwrite").partitionBy(
                "run_date", "batch_id"
            ).parquet(join_uri(quarantine_uri, spec.name))
        if counts.accepted:
            merge_by_key(spark, lake.silver(spec.name), accepted_rows(classified, spec), spec.key)
    finally:
        classified.unpersist()
    batch_ids = [b for b, _ in batches]
    if batch_ids:
        record_batches(spark, lake, spec.name, "silver", batch_ids, run_date)
    return SilverResult(counts, tuple(batch_ids))
