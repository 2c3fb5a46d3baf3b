"""A throwaway PostgreSQL 15 cluster for the warehouse SQL, and the Redshift -> PostgreSQL
transform of the few statements whose dialects differ.

The cluster lives in a temp folder, listens only on a Unix socket there (no TCP port to clash
with), and runs as an unprivileged user because initdb and postgres refuse root. The binaries
come from scripts/postgres-env.sh, which installs them when missing: the tests fail, never skip,
without a server.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

REPO = Path(__file__).resolve().parents[2]
PORT = 5432
SUPERUSER = "lakehouse_admin"

# The statements whose dialects differ, each with why. MERGE, DELETE, CREATE SCHEMA and GRANT
# run as written, and so does the loader-user check once its Data API parameter (:name) is in
# psycopg's style (%(name)s).
# Spectrum: PostgreSQL has no external schema; a plain one holds the gold rows instead.
_EXTERNAL_SCHEMA = re.compile(
    r"^CREATE EXTERNAL SCHEMA IF NOT EXISTS (\w+)\s+FROM DATA CATALOG\s.*$", re.DOTALL
)
# DISTSTYLE and SORTKEY: Redshift's physical layout, which PostgreSQL does not have.
_TABLE_ATTRIBUTES = re.compile(r"\)\s*DISTSTYLE \w+\s+SORTKEY \([\w, ]+\)$")
# PASSWORD DISABLE: Redshift's IAM-only sign-in; a PostgreSQL user without password is the same.
_PASSWORD_DISABLE = re.compile(r'^(CREATE USER "[^"]+") PASSWORD DISABLE$')
_DATA_API_PARAMETER = re.compile(r"(?<![\w:]):(\w+)")


def postgres_dialect(statement: str) -> str:
    """The PostgreSQL form of one rendered Redshift statement."""
    if match := _EXTERNAL_SCHEMA.match(statement):
        return f"CREATE SCHEMA IF NOT EXISTS {match.group(1)}"
    if statement.startswith("CREATE TABLE"):
        return _TABLE_ATTRIBUTES.sub(")", statement)
    if match := _PASSWORD_DISABLE.match(statement):
        return match.group(1)
    return _DATA_API_PARAMETER.sub(r"%(\1)s", statement)


@dataclass(frozen=True)
class PostgresServer:
    socket_dir: Path

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host=str(self.socket_dir), port=PORT, user=SUPERUSER, dbname=database, autocommit=True
        )


def postgres_bindir() -> Path:
    out = subprocess.run(
        ["bash", str(REPO / "scripts" / "postgres-env.sh")],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"PostgreSQL is not available: {out.stderr.strip()}")
    return Path(out.stdout.strip().splitlines()[-1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", _server_user(), "--", *command]


def _server_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise RuntimeError("running as root, but neither a postgres nor a nobody user exists")


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    bindir = postgres_bindir()
    root = Path(tempfile.mkdtemp(prefix="lakehouse-postgres-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(_server_user())
        os.chown(root, user.pw_uid, user.pw_gid)
    data = root / "data"

    def run(*command: str) -> None:
        done = subprocess.run(_as_server_user(list(command)), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    run(str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8")
    options = f"-c listen_addresses='' -k {root} -p {PORT}"
    run(
        str(bindir / "pg_ctl"),
        "-D",
        str(data),
        "-w",
        "-l",
        str(root / "log"),
        "-o",
        options,
        "start",
    )
    try:
        yield PostgresServer(root)
    finally:
        run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(root, ignore_errors=True)


class PostgresDataApi:
    """The slice of the Redshift Data API the warehouse code calls, answered by PostgreSQL, so the
    deploy function and the Glue loader run their real code paths against a real server.

    Auth as in Redshift: a SecretArn signs in as the admin (the cluster superuser here); without
    one, the caller's IAM identity maps to `iam_user`. Statements run when submitted (each
    through postgres_dialect); a batch runs in one transaction; describe_statement reports
    FINISHED with ResultRows, or FAILED with PostgreSQL's error.
    """

    def __init__(self, server: PostgresServer, database: str, iam_user: str) -> None:
        self.server = server
        self.database = database
        self.iam_user = iam_user
        self.requests: list[dict[str, Any]] = []
        self.outcomes: dict[str, dict[str, object]] = {}

    def execute_statement(self, **request: Any) -> dict[str, str]:
        self.requests.append(request)
        parameters = {p["name"]: p["value"] for p in request.get("Parameters", [])}
        return self._run(request, [(request["Sql"], parameters)])

    def batch_execute_statement(self, **request: Any) -> dict[str, str]:
        self.requests.append(request)
        return self._run(request, [(sql, {}) for sql in request["Sqls"]])

    def describe_statement(self, Id: str) -> dict[str, object]:  # noqa: N803
        return self.outcomes[Id]

    def _run(
        self, request: dict[str, Any], statements: list[tuple[str, dict[str, str]]]
    ) -> dict[str, str]:
        assert request["Database"] == self.database
        statement_id = f"pg-{len(self.outcomes) + 1}"
        rows = -1
        with self.server.connect(self.database) as conn:
            try:
                with conn.transaction():
                    if "SecretArn" not in request:
                        conn.execute(f'SET LOCAL ROLE "{self.iam_user}"')
                    for sql, parameters in statements:
                        cursor = conn.execute(postgres_dialect(sql), parameters or None)
                        rows = cursor.rowcount
                self.outcomes[statement_id] = {
                    "Id": statement_id,
                    "Status": "FINISHED",
                    "ResultRows": rows,
                }
            except psycopg.Error as error:
                self.outcomes[statement_id] = {
                    "Id": statement_id,
                    "Status": "FAILED",
                    "Error": str(error).strip(),
                }
        return {"Id": statement_id}
