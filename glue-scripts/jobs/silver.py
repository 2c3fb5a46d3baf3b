"""Glue job: bronze -> silver Iceberg + quarantine, then Glue Data Quality on the new rows.
Arguments: glue-scripts/README.md."""

import sys

from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark import SparkConf
from pyspark.context import SparkContext
from pyspark.sql import functions as F

from lakehouse import silver
from lakehouse.dqdl import render_ruleset
from lakehouse.glue_job import job_context
from lakehouse.job_args import argument_names
from lakehouse.paths import join_uri
from lakehouse.runs import new_run_id
from lakehouse.spark_config import glue_catalog_settings
from lakehouse.summary import run_summary, to_json

args = getResolvedOptions(sys.argv, argument_names("silver", sys.argv))
context = job_context(args)
conf = SparkConf().setAll(
    glue_catalog_settings(args["catalog_name"], args["warehouse_uri"]).items()
)
glue_context = GlueContext(SparkContext.getOrCreate(conf))
spark = glue_context.spark_session
job = Job(glue_context)
job.init(args["JOB_NAME"], args)

run_id = new_run_id()
counts = []
for spec in context.specs:
    result = silver.process(
        spark,
        context.lake,
        spec,
        args["bronze_uri"],
        args["quarantine_uri"],
        context.run_date,
    )
    counts.append(result.counts)
    if result.counts.accepted:
        # Only this run's rows: batch ids are time-ordered, so Iceberg prunes most files.
        new_rows = spark.table(context.lake.silver(spec.name)).where(
            F.col("batch_id").isin(list(result.batches))
        )
        EvaluateDataQuality.apply(
            frame=DynamicFrame.fromDF(new_rows, glue_context, f"silver_{spec.name}"),
            ruleset=render_ruleset(spec),
            publishing_options={
                "dataQualityEvaluationContext": f"silver_{spec.name}",
                "enableDataQualityCloudWatchMetrics": True,
                "enableDataQualityResultsPublishing": True,
            },
        )

summary = to_json(run_summary(context.run_date, run_id, counts))
print(summary)
target = join_uri(
    args["quarantine_uri"], "_run_summaries", f"run_date={context.run_date}", f"run_id={run_id}"
)
spark.createDataFrame([(summary,)], "value string").coalesce(1).write.text(target)

job.commit()
