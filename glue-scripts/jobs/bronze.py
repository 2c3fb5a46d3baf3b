"""Glue job: landing -> bronze Parquet for the --datasets. Arguments: glue-scripts/README.md."""

import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark import SparkConf
from pyspark.context import SparkContext

from lakehouse.glue_job import job_context
from lakehouse.job_args import argument_names
from lakehouse.pipeline import Locations, run_bronze
from lakehouse.runs import new_run_id
from lakehouse.spark_config import glue_catalog_settings

args = getResolvedOptions(sys.argv, argument_names("bronze", sys.argv))
context = job_context(args)
conf = SparkConf().setAll(
    glue_catalog_settings(args["catalog_name"], args["warehouse_uri"]).items()
)
glue_context = GlueContext(SparkContext.getOrCreate(conf))
job = Job(glue_context)
job.init(args["JOB_NAME"], args)

locations = Locations(args["landing_uri"], args["bronze_uri"], quarantine_uri="")
for result in run_bronze(
    glue_context.spark_session, context.specs, locations, context.run_date, new_run_id()
):
    print(f"bronze {result.dataset}: {len(result.files)} new files, {result.lines} lines")

job.commit()
