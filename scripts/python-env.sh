#!/usr/bin/env bash
# Idempotent Python/Spark tooling for the Glue scripts: .venv/ at the repo root with the
# pinned requirements, glue-scripts/ on its path, and the Iceberg runtime jar in .cache/jars.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo_root/.venv"
requirements="$repo_root/glue-scripts/requirements.txt"
stamp="$venv/.requirements.sha256"
jar_dir="$repo_root/.cache/jars"
iceberg_artifact="org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.7.1"
iceberg_jar="$jar_dir/iceberg-spark-runtime-3.5_2.12-1.7.1.jar"

if [[ -x "$venv/bin/python" ]]; then
  echo "python-env: venv present at .venv"
else
  echo "python-env: creating venv at .venv"
  python3 -m venv "$venv"
fi

wanted_hash="$(sha256sum "$requirements" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted_hash" ]]; then
  echo "python-env: requirements up to date"
else
  echo "python-env: installing glue-scripts/requirements.txt"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  echo "$wanted_hash" >"$stamp"
fi

# A .pth file makes `python -m lakehouse.local_pipeline` work from any directory.
site_packages="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
echo "$repo_root/glue-scripts" >"$site_packages/lakehouse-glue-scripts.pth"
echo "python-env: glue-scripts on the venv path"

if [[ -f "$iceberg_jar" ]]; then
  echo "python-env: Iceberg runtime jar present"
else
  echo "python-env: fetching $iceberg_artifact"
  mkdir -p "$jar_dir"
  mvn -B -q dependency:copy -Dartifact="$iceberg_artifact" -DoutputDirectory="$jar_dir"
fi
