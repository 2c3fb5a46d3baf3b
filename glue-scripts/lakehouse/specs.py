"""Dataset specs: the YAML files in datasets/ parsed into typed, validated objects."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from lakehouse.resources import resource_dir

SCALAR_TYPES = ("string", "integer", "timestamp", "date")
DECIMAL_TYPE = re.compile(r"^decimal\((\d+),(\d+)\)$")
CASES = ("upper", "lower")
PARTITION_TRANSFORMS = ("identity", "day", "month", "year")
FORMATS = ("jsonl", "json", "csv")

# Rule checks and the parameters each one requires.
CHECK_PARAMS: dict[str, tuple[str, ...]] = {
    "required": (),
    "parses": (),
    "range": (),
    "allowed_values": ("values",),
    "pattern": ("regex",),
    "not_after_run": ("days",),
    "product_matches": ("factors", "tolerance"),
}


class SpecError(ValueError):
    """A dataset spec that cannot be used; the message names the dataset and field."""


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    optional: bool = False
    case: str | None = None
    default: str | None = None
    derive_multiply: tuple[str, ...] = ()
    description: str = ""

    @property
    def is_numeric(self) -> bool:
        return self.type == "integer" or self.type.startswith("decimal")


@dataclass(frozen=True)
class Rule:
    name: str
    check: str
    column: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Partition:
    column: str
    transform: str


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    description: str
    formats: tuple[str, ...]
    key: tuple[str, ...]
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...]
    partitioning: tuple[Partition, ...]
    gold_inputs: tuple[str, ...]

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise KeyError(name)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def parse_spec(document: dict[str, Any]) -> DatasetSpec:
    """Builds a spec from a parsed YAML document, rejecting anything the jobs cannot honour."""
    name = document.get("name")
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise SpecError(f"spec name must be a lower-case identifier, got {name!r}")

    def fail(where: str, message: str) -> SpecError:
        return SpecError(f"dataset {name}: {where}: {message}")

    fields = tuple(_parse_field(raw, fail) for raw in document.get("schema") or [])
    if not fields:
        raise fail("schema", "at least one column is required")
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise fail("schema", "column names must be unique")

    def known(where: str, column: Any) -> str:
        if column not in names:
            raise fail(where, f"unknown column {column!r}")
        return column

    key = tuple(known("key", c) for c in document.get("key") or [])
    if not key:
        raise fail("key", "at least one key column is required")
    for f in fields:
        for factor in f.derive_multiply:
            known(f"schema.{f.name}.derive", factor)

    formats = tuple(document.get("formats") or [])
    if not formats or any(f not in FORMATS for f in formats):
        raise fail("formats", f"each format must be one of {', '.join(FORMATS)}")

    rules = []
    for index, raw in enumerate(document.get("rules") or []):
        where = f"rules[{index}]"
        params = {k: v for k, v in raw.items() if k not in ("name", "check", "column")}
        check = raw.get("check")
        if check not in CHECK_PARAMS:
            raise fail(where, f"check must be one of {', '.join(CHECK_PARAMS)}")
        missing = [p for p in CHECK_PARAMS[check] if p not in params]
        if missing:
            raise fail(where, f"check {check} needs {', '.join(missing)}")
        rule_name = raw.get("name")
        if not isinstance(rule_name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", rule_name):
            raise fail(where, "name must be a lower-case identifier (it is the quarantine reason)")
        if rule_name == "malformed":
            raise fail(where, "name 'malformed' is reserved for lines that are not records")
        column = known(where, raw.get("column"))
        if check == "range" and not ({"min", "max"} & params.keys()):
            raise fail(where, "check range needs min or max")
        if check in ("range", "product_matches") and not fields[names.index(column)].is_numeric:
            raise fail(where, f"check {check} needs a numeric column")
        for factor in params.get("factors", []):
            known(where, factor)
        rules.append(Rule(rule_name, check, column, params))
    if len({r.name for r in rules}) != len(rules):
        raise fail("rules", "rule names must be unique")

    partitioning = []
    for index, raw in enumerate(document.get("partitioning") or []):
        transform = raw.get("transform", "identity")
        if transform not in PARTITION_TRANSFORMS:
            raise fail(f"partitioning[{index}]", f"transform must be one of {PARTITION_TRANSFORMS}")
        partitioning.append(
            Partition(known(f"partitioning[{index}]", raw.get("column")), transform)
        )

    gold_inputs = tuple(known("gold_inputs", c) for c in document.get("gold_inputs") or [])
    return DatasetSpec(
        name=name,
        description=str(document.get("description", "")),
        formats=formats,
        key=key,
        fields=fields,
        rules=tuple(rules),
        partitioning=tuple(partitioning),
        gold_inputs=gold_inputs,
    )


def _parse_field(raw: dict[str, Any], fail: Any) -> Field:
    name = raw.get("name")
    where = f"schema.{name}"
    if not isinstance(name, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise fail("schema", f"column name must be a lower-case identifier, got {name!r}")
    column_type = str(raw.get("type", "")).replace(" ", "")
    if column_type not in SCALAR_TYPES and not DECIMAL_TYPE.match(column_type):
        raise fail(where, f"type must be one of {', '.join(SCALAR_TYPES)} or decimal(p,s)")
    case = raw.get("case")
    if case is not None and (case not in CASES or column_type != "string"):
        raise fail(where, "case must be upper or lower, on a string column")
    derive = raw.get("derive") or {}
    if derive and set(derive) != {"multiply"}:
        raise fail(where, "derive supports only {multiply: [column, column]}")
    default = raw.get("default")
    return Field(
        name=name,
        type=column_type,
        optional=bool(raw.get("optional", False)),
        case=case,
        default=None if default is None else str(default),
        derive_multiply=tuple(derive.get("multiply", ())),
        description=str(raw.get("description", "")),
    )


def spec_directory() -> Traversable | Path:
    """Specs packaged in the library zip (Glue), else the repository's datasets/ folder."""
    return resource_dir("datasets", "datasets")


def load_specs(directory: Traversable | Path | None = None) -> dict[str, DatasetSpec]:
    """Every *.yaml spec in the directory, by dataset name."""
    folder = directory if directory is not None else spec_directory()
    specs = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            spec = parse_spec(yaml.safe_load(entry.read_text(encoding="utf-8")))
            if spec.name != entry.name.removesuffix(".yaml"):
                raise SpecError(f"{entry.name}: spec name {spec.name} must match the file name")
            specs[spec.name] = spec
    return specs


def select_specs(specs: dict[str, DatasetSpec], names: str) -> list[DatasetSpec]:
    """The specs named in a comma list (the --datasets job argument), in that order."""
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in specs]
    if unknown or not wanted:
        raise SpecError(
            f"unknown dataset(s) {', '.join(unknown) or '(none given)'}; "
            f"known: {', '.join(sorted(specs))}"
        )
    return [specs[n] for n in wanted]
