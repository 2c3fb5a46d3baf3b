"""Renders warehouse/sql/*.sql into the statements the warehouse load sends to Redshift.

Templates hold {placeholders}; every value is validated before substitution, because the
Data API receives plain SQL text. No Spark imports and Python 3.9 syntax only: this module
runs in a Glue Python shell job.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from lakehouse.resources import resource_dir

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]{0,126}$")
GLUE_DATABASE = re.compile(r"^[a-z0-9_-]{1,255}$")
ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$")


@dataclass(frozen=True)
class WarehouseParams:
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


def template_names() -> list[str]:
    return sorted(
        e.name for e in resource_dir("sql", "warehouse/sql").iterdir() if e.name.endswith(".sql")
    )


def split_statements(sql: str) -> list[str]:
    """Statements end with ';' at the end of a line; comment-only lines are dropped."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    parts = re.split(r";[ \t]*(?:\n|$)", "\n".join(lines))
    return [p.strip() for p in parts if p.strip()]


def render(params: WarehouseParams) -> list[str]:
    """Every statement of every template, in file order (schema, tables, merges)."""
    params.validate()
    folder = resource_dir("sql", "warehouse/sql")
    statements = []
    for name in template_names():
        text = (folder / name).read_text(encoding="utf-8")
        statements.extend(split_statements(text.format(**asdict(params))))
    return statements
