"""Optional MWAA DAG: starts the stack's Glue ETL workflow and waits for its run.

For teams that already schedule with Airflow. It runs the workflow EventBridge starts
(stack output glue.workflow), so jobs and their order stay defined by the Pulumi
program. Set the Airflow Variable `lakehouse_etl_workflow` to that name (e.g.
lakehouse-prod-etl). The MWAA execution role needs glue:StartWorkflowRun and
glue:GetWorkflowRun on that workflow only.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import boto3
from airflow import DAG
from airflow.models import Variable
from airflow.operators.python import PythonOperator

POLL_SECONDS = 60
FINISHED = {"COMPLETED", "STOPPED", "ERROR"}


def run_workflow() -> str:
    """Starts a workflow run and fails the task unless every job in it succeeded."""
    glue = boto3.client("glue")
    name = Variable.get("lakehouse_etl_workflow")
    run_id = glue.start_workflow_run(Name=name)["RunId"]
    while True:
        run = glue.get_workflow_run(Name=name, RunId=run_id)["Run"]
        if run["Status"] in FINISHED:
            break
        time.sleep(POLL_SECONDS)
    stats = run.get("Statistics", {})
    failed = stats.get("FailedActions", 0) + stats.get("TimeoutActions", 0)
    if run["Status"] != "COMPLETED" or failed:
        status = run["Status"]
        raise RuntimeError(f"workflow {name} run {run_id} ended {status}: {stats}")
    return run_id


with DAG(
    dag_id="lakehouse_etl",
    start_date=datetime(2024, 1, 1),
    schedule="0 3 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
    tags=["lakehouse"],
) as dag:
    PythonOperator(task_id="run_glue_workflow", python_callable=run_workflow)
