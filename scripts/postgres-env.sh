#!/usr/bin/env bash
# Idempotent PostgreSQL server for the warehouse SQL tests (glue-scripts/tests/postgres.py): the
# tests run the warehouse MERGEs on a throwaway cluster they start with initdb and pg_ctl.
# Installs the server package when its binaries are missing and we are root (CI, the dev machines
# and the CodeBuild test stage are): Debian's `postgresql`, or `postgresql15-server` on Amazon
# Linux 2023 (the CodeBuild image). Otherwise says what to install. Prints the binaries' directory.
set -euo pipefail

find_bindir() {
  local initdb
  initdb="$(command -v initdb || true)"
  if [[ -z "$initdb" ]]; then
    # Debian keeps the server binaries out of PATH, one folder per major version.
    initdb="$(ls -1d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
  if [[ -n "$initdb" && -x "$(dirname "$initdb")/pg_ctl" ]]; then
    dirname "$(readlink -f "$initdb")"
  fi
}

bindir="$(find_bindir)"
if [[ -z "$bindir" ]]; then
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null; then
    echo "postgres-env: installing the postgresql package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  elif [[ "$(id -u)" == "0" ]] && command -v dnf >/dev/null; then
    echo "postgres-env: installing the postgresql15-server package" >&2
    dnf install -y -q postgresql15-server >&2
  else
    echo "postgres-env: initdb and pg_ctl not found; install the PostgreSQL server (Debian: apt-get install postgresql; Amazon Linux 2023: dnf install postgresql15-server)" >&2
    exit 1
  fi
  bindir="$(find_bindir)"
  if [[ -z "$bindir" ]]; then
    echo "postgres-env: the postgresql package installed no initdb/pg_ctl" >&2
    exit 1
  fi
fi
echo "postgres-env: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') in $bindir" >&2
echo "$bindir"
