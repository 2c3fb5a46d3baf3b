"""The run summary: per dataset, every line read is accepted, superseded or quarantined."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class DatasetCounts:
    dataset: str
    read: int
    accepted: int
    superseded: int
    quarantined: dict[str, int] = field(default_factory=dict)

    @property
    def reconciles(self) -> bool:
        return self.read == self.accepted + self.superseded + sum(self.quarantined.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "accepted": self.accepted,
            "superseded": self.superseded,
            "quarantined": dict(sorted(self.quarantined.items())),
        }


def run_summary(
    run_date: date, run_id: str, counts: list[DatasetCounts], gold: dict[str, int] | None = None
) -> dict[str, Any]:
    """The DESIGN.md shape ({"datasets": {name: counts}}) plus run metadata and gold row counts."""
    unreconciled = [c.dataset for c in counts if not c.reconciles]
    if unreconciled:
        raise RuntimeError(f"counts do not reconcile for {', '.join(unreconciled)}")
    summary: dict[str, Any] = {
        "run_date": run_date.isoformat(),
        "run_id": run_id,
        "datasets": {c.dataset: c.as_dict() for c in counts},
    }
    if gold is not None:
        summary["gold_groups_touched"] = dict(sorted(gold.items()))
    return summary


def to_json(summary: dict[str, Any]) -> str:
    return json.dumps(summary, indent=2) + "\n"
