"""Glue job: bring gold up to the current silver snapshots. Arguments: README.md."""

import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark import SparkConf
from pyspark.context import SparkContext

from lakehouse import gold
from lakehouse.glue_job import job_context
from lakehouse.job_args import argument_names
from lakehouse.spark_config import glue_catalog_settings

args = getResolvedOptions(sys.argv, argument_names("gold", sys.argv))
context = job_context(args)
conf = SparkConf().setAll(
    glue_catalog_settings(args["catalog_name"], args["warehouse_uri"]).items()
)
glue_context = GlueContext(SparkContext.getOrCreate(conf))
job = Job(glue_context)
job.init(args["JOB_NAME"], args)

result = gold.refresh(glue_context.spark_session, context.lake)
print(f"gold: silver snapshots {result.silver_snapshots}, touched groups {result.touched_groups}")

job.commit()
