"""The job-argument contract of the Glue jobs (documented in glue-scripts/README.md).

Entry points resolve these names with awsglue's getResolvedOptions. Pure Python 3.9, since
the warehouse load is a Python shell job without Spark.
"""

from __future__ import annotations

COMMON_ARGS = (
    "JOB_NAME",
    "datasets",
    "catalog_name",
    "warehouse_uri",
    "bronze_database",
    "silver_database",
    "gold_database",
)
OPTIONAL_ARGS = ("run_date",)
JOB_ARGS = {
    "bronze": (*COMMON_ARGS, "landing_uri", "bronze_uri"),
    "silver": (*COMMON_ARGS, "bronze_uri", "quarantine_uri"),
    "gold": COMMON_ARGS,
    "warehouse_load": (
        "JOB_NAME",
        "workgroup_name",
        "database",
        "gold_database",
        "iam_role_arn",
        "external_schema",
        "warehouse_schema",
    ),
}


def argument_names(job: str, argv: list[str]) -> list[str]:
    """Names to resolve: the job's required ones plus optional ones present on the command line
    (getResolvedOptions fails on any name it does not find)."""
    present = [name for name in OPTIONAL_ARGS if f"--{name}" in argv]
    return [*JOB_ARGS[job], *present]
