"""Glue Python shell job: MERGEs gold into the warehouse tables via the Data API, as the job
role's database user. The schema, tables and grants are deployed by functions/warehouse-schema.
Arguments: glue-scripts/README.md (gold_database and iam_role_arn are validated, not used)."""

import sys

import boto3
import botocore
from awsglue.utils import getResolvedOptions

from lakehouse.job_args import argument_names
from lakehouse.warehouse_load import load, require_workgroup_support
from lakehouse.warehouse_sql import WarehouseParams

require_workgroup_support(botocore.__version__)
args = getResolvedOptions(sys.argv, argument_names("warehouse_load", sys.argv))
params = WarehouseParams(
    external_schema=args["external_schema"],
    warehouse_schema=args["warehouse_schema"],
    gold_database=args["gold_database"],
    iam_role_arn=args["iam_role_arn"],
)
statement_id = load(boto3.client("redshift-data"), args["workgroup_name"], args["database"], params)
print(f"warehouse load finished: statement {statement_id}")
