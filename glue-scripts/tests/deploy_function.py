"""Imports functions/warehouse-schema/handler.py, whose folder name is not a package name."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

HANDLER = Path(__file__).resolve().parents[2] / "functions" / "warehouse-schema" / "handler.py"


def load_handler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("warehouse_schema_handler", HANDLER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
