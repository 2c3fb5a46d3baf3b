"""Renders warehouse/sql/<phase>/*.sql into the statements sent to Redshift.

Two phases, two identities:
- `schema` (deploy time, functions/warehouse-schema): the Spectrum external schema, the
  warehouse schema and tables, and the loader's grants, run as the namespace admin.
- `load` (every ETL run, the warehouse-load Glue job): the MERGEs, run as the loader's IAM role.

Templates hold {placeholders}; every value is validated before substitution, because the
Data API receives plain SQL text. No Spark imports and Python 3.9 syntax only: this module
runs in a Glue Python shell job and in the deploy Lambda function.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from lakehouse.resources import resource_dir

SCHEMA_PHASE = "schema"
LOAD_PHASE = "load"

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,126}$")
GLUE_DATABASE = re.compile(r"^[a-z0-9_-]{1,255}$")
ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")
# IAM role names, lower case only: Redshift folds identifiers, even quoted ones, to lower case.
ROLE_NAME = re.compile(r"^[a-z0-9+=,.@_-]{1,64}$")

# The database user Redshift maps an IAM role to when it signs in with temporary credentials
# (Data API without SecretArn, redshift-serverless:GetCredentials).
IAM_ROLE_USER_PREFIX = "IAMR:"
# Redshift has no CREATE USER IF NOT EXISTS: the deploy function runs this first and creates the
# user only when it returns no row. lower() on both sides, because Redshift folds the name.
LOADER_USER_EXISTS = "SELECT 1 FROM pg_user WHERE lower(usename) = lower(:loader_user)"


@dataclass(frozen=True)
class WarehouseParams:
    """Names both phases use."""

    external_schema: str
    warehouse_schema: str
    gold_database: str
    iam_role_arn: str

    def validate(self) -> None:
        for name in ("external_schema", "warehouse_schema"):
            value = getattr(self, name)
            if not IDENTIFIER.match(value):
                raise ValueError(f"{name} must be a lower-case SQL identifier, got {value!r}")
        if not GLUE_DATABASE.match(self.gold_database):
            raise ValueError(
                f"gold_database must be a Glue database name, got {self.gold_database!r}"
            )
        if not ROLE_ARN.match(self.iam_role_arn):
            raise ValueError(f"iam_role_arn must be an IAM role ARN, got {self.iam_role_arn!r}")


@dataclass(frozen=True)
class SchemaParams(WarehouseParams):
    """The schema phase also names the Redshift database and the loader's IAM role; the Glue job
    (load phase) needs neither, so its argument contract stays as it is."""

    database: str
    loader_role: str

    def validate(self) -> None:
        super().validate()
        if not IDENTIFIER.match(self.database):
            raise ValueError(f"database must be a lower-case SQL identifier, got {self.database!r}")
        if not ROLE_NAME.match(self.loader_role):
            raise ValueError(
                f"loader_role must be a lower-case IAM role name, got {self.loader_role!r}"
            )

    @property
    def loader_user(self) -> str:
        return f"{IAM_ROLE_USER_PREFIX}{self.loader_role}"


def create_loader_user(params: SchemaParams) -> str:
    """A user that signs in only with IAM temporary credentials (no password)."""
    params.validate()
    return f'CREATE USER "{params.loader_user}" PASSWORD DISABLE'


def template_names(phase: str) -> list[str]:
    folder = resource_dir("sql", "warehouse/sql") / phase
    return sorted(e.name for e in folder.iterdir() if e.name.endswith(".sql"))


def split_statements(sql: str) -> list[str]:
    """Statements end with ';' at the end of a line; comment-only lines are dropped."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    parts = re.split(r";[ \t]*(?:\n|$)", "\n".join(lines))
    return [p.strip() for p in parts if p.strip()]


def _render(phase: str, values: dict[str, str]) -> list[str]:
    folder = resource_dir("sql", "warehouse/sql") / phase
    statements = []
    for name in template_names(phase):
        text = (folder / name).read_text(encoding="utf-8")
        statements.extend(split_statements(text.format(**values)))
    return statements


def render_schema(params: SchemaParams) -> list[str]:
    """Deploy-time statements in file order: external schema, tables, the loader's grants."""
    params.validate()
    return _render(SCHEMA_PHASE, {**asdict(params), "loader_user": params.loader_user})


def render_load(params: WarehouseParams) -> list[str]:
    """Run-time statements in file order: per gold table a MERGE, then the DELETE of vanished
    groups."""
    params.validate()
    return _render(LOAD_PHASE, asdict(params))
