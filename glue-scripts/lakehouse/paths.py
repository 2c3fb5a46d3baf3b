"""Locations of each layer's files, the same shape on S3 and on a local disk."""

from __future__ import annotations

from pyspark.sql import SparkSession


def join_uri(base: str, *parts: str) -> str:
    return "/".join([base.rstrip("/"), *(p.strip("/") for p in parts)])


def list_files(spark: SparkSession, uri: str) -> list[str]:
    """Every file under uri, recursively, via Hadoop's file system (works for s3:// and local)."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(path):
        return []
    found = []
    iterator = fs.listFiles(path, True)
    while iterator.hasNext():
        status = iterator.next()
        name = status.getPath().getName()
        # Hidden and bookkeeping files (._x, _SUCCESS) are never data.
        if not name.startswith((".", "_")):
            found.append(status.getPath().toString())
    return sorted(found)


def exists(spark: SparkSession, uri: str) -> bool:
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    return bool(path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).exists(path))
