"""Glue Data Quality rulesets (DQDL) for the silver tables, rendered from the dataset specs.

Silver only holds rows that passed the spec, so each ruleset states the same contract as
assertions over the typed columns: a failing DQ run means the table drifted from its spec.
Usage: python -m lakehouse.dqdl [DATASET ...] prints {dataset: ruleset} as JSON.
"""

from __future__ import annotations

import json
import sys

from lakehouse.specs import DatasetSpec, Field, Rule, load_specs


def quote(text: str) -> str:
    """A DQDL string literal (double quotes; backslash and quote escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nulls_allowed(field: Field) -> str:
    return f" where {quote(f'{field.name} is not null')}" if field.optional else ""


def rule_expressions(rule: Rule, field: Field) -> list[str]:
    column = quote(field.name)
    if rule.check in ("required", "parses"):
        return [] if field.optional and rule.check == "parses" else [f"IsComplete {column}"]
    if rule.check == "range":
        bounds = [(">=", rule.params.get("min")), ("<=", rule.params.get("max"))]
        return [
            f"ColumnValues {column} {op} {v!s}{_nulls_allowed(field)}"
            for op, v in bounds
            if v is not None
        ]
    if rule.check == "allowed_values":
        values = [quote(str(v)) for v in rule.params["values"]]
        if field.optional:
            values.append("NULL")
        return [f"ColumnValues {column} in [{', '.join(values)}]"]
    if rule.check == "pattern":
        regex = quote(str(rule.params["regex"]))
        return [f"ColumnValues {column} matches {regex}{_nulls_allowed(field)}"]
    if rule.check == "not_after_run":
        return [f"ColumnValues {column} <= (now() + {int(rule.params['days'])} days)"]
    if rule.check == "product_matches":
        product = " * ".join(rule.params["factors"])
        sql = (
            f"select count(*) from primary where {field.name} is not null "
            f"and abs({field.name} - {product}) > {rule.params['tolerance']}"
        )
        return [f"CustomSql {quote(sql)} = 0"]
    raise ValueError(f"unknown check {rule.check}")


def render_ruleset(spec: DatasetSpec) -> str:
    """The DQDL document: the key is a primary key, then each spec rule in order."""
    expressions = ["IsPrimaryKey " + " ".join(quote(k) for k in spec.key)]
    for rule in spec.rules:
        for expression in rule_expressions(rule, spec.field(rule.column)):
            if expression not in expressions:
                expressions.append(expression)
    return "Rules = [\n" + ",\n".join(f"    {e}" for e in expressions) + "\n]\n"


def main(argv: list[str]) -> int:
    specs = load_specs()
    names = argv or sorted(specs)
    unknown = [n for n in names if n not in specs]
    if unknown:
        print(f"dqdl: error: unknown dataset(s) {', '.join(unknown)}", file=sys.stderr)
        return 2
    print(json.dumps({n: render_ruleset(specs[n]) for n in names}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
