"""Spark settings for Iceberg: a local hadoop catalog, or the Glue Data Catalog on AWS."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pyspark.sql import SparkSession

ICEBERG_JAR = "iceberg-spark-runtime-3.5_2.12-1.7.1.jar"
ICEBERG_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
DEFAULT_CATALOG = "glue_catalog"


def common_settings() -> dict[str, str]:
    # UTC everywhere: offset-less timestamps mean UTC and order_date is the UTC date.
    return {
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.extensions": ICEBERG_EXTENSIONS,
        "spark.sql.sources.partitionOverwriteMode": "dynamic",
    }


def glue_catalog_settings(catalog: str, warehouse_uri: str) -> dict[str, str]:
    """Iceberg over the Glue Data Catalog (the jars come from --datalake-formats iceberg)."""
    prefix = f"spark.sql.catalog.{catalog}"
    return {
        **common_settings(),
        prefix: "org.apache.iceberg.spark.SparkCatalog",
        f"{prefix}.catalog-impl": "org.apache.iceberg.aws.glue.GlueCatalog",
        f"{prefix}.io-impl": "org.apache.iceberg.aws.s3.S3FileIO",
        f"{prefix}.warehouse": warehouse_uri,
    }


def local_catalog_settings(catalog: str, warehouse_dir: Path, jar_dir: Path) -> dict[str, str]:
    """Iceberg hadoop catalog in a local folder, with the runtime jar python-env.sh fetched."""
    jar = jar_dir / ICEBERG_JAR
    if not jar.is_file():
        raise FileNotFoundError(f"{jar} is missing; run: bash scripts/python-env.sh")
    prefix = f"spark.sql.catalog.{catalog}"
    return {
        **common_settings(),
        prefix: "org.apache.iceberg.spark.SparkCatalog",
        f"{prefix}.type": "hadoop",
        f"{prefix}.warehouse": str(warehouse_dir.resolve()),
        "spark.jars": str(jar.resolve()),
        # Two cores and a small machine: few shuffle partitions, no UI.
        "spark.sql.shuffle.partitions": "4",
        "spark.default.parallelism": "4",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.driver.memory": "2g",
        # Iceberg's Arrow-based vectorized Parquet reader crashed the local JVM (SIGSEGV in
        # class loading) on timestamp columns beyond a few thousand rows; the row reader is safe.
        "spark.sql.iceberg.vectorization.enabled": "false",
        "spark.sql.adaptive.enabled": "true",
    }


def default_jar_dir() -> Path:
    return Path(__file__).resolve().parents[2] / ".cache" / "jars"


def local_session(
    warehouse_dir: Path, catalog: str = DEFAULT_CATALOG, jar_dir: Path | None = None
) -> SparkSession:
    # Python workers must run the driver's interpreter, which has the venv's packages.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master("local[2]").appName("lakehouse-local")
    settings = local_catalog_settings(catalog, warehouse_dir, jar_dir or default_jar_dir())
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
