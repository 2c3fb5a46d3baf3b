"""Files the library reads at run time: inside the Glue zip, or in the repository checkout.

Kept free of Spark and of Python >3.9 features: the warehouse load runs as a Glue Python
shell job (Python 3.9) with the same zip.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

REPO_ROOT = Path(__file__).resolve().parents[2]


def resource_dir(packaged: str, repo_relative: str) -> Traversable | Path:
    """lakehouse/<packaged> when build_lib.py packed it, else <repo>/<repo_relative>."""
    inside = resources.files("lakehouse") / packaged
    if inside.is_dir():
        return inside
    return REPO_ROOT / repo_relative
