"""Builds dist/lakehouse.zip, the library every Glue job gets through --extra-py-files.

The zip holds the lakehouse package, the dataset specs (lakehouse/datasets/*.yaml) and the
warehouse SQL (lakehouse/sql/<phase>/*.sql), so jobs need no spec or SQL path argument. Entries are
sorted with fixed timestamps and modes, so the same sources always give the same bytes and
the content-hashed asset key only changes when the code does.

Usage: python glue-scripts/build_lib.py [--output PATH]; prints the path and its sha256.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def library_entries() -> dict[str, Path]:
    """Archive name -> source file, for everything the jobs import or read."""
    entries = {
        f"lakehouse/{p.relative_to(HERE / 'lakehouse').as_posix()}": p
        for p in (HERE / "lakehouse").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    entries.update({f"lakehouse/datasets/{p.name}": p for p in (REPO / "datasets").glob("*.yaml")})
    sql = REPO / "warehouse" / "sql"
    entries.update(
        {f"lakehouse/sql/{p.relative_to(sql).as_posix()}": p for p in sql.glob("*/*.sql")}
    )
    return dict(sorted(entries.items()))


def build(output: Path) -> str:
    """Writes the zip and returns its sha256."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, source in library_entries().items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, source.read_bytes())
    return hashlib.sha256(output.read_bytes()).hexdigest()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=REPO / "dist" / "lakehouse.zip")
    args = parser.parse_args(argv)
    digest = build(args.output)
    print(f"{args.output} sha256={digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
