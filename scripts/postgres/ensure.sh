#!/usr/bin/env bash
# Makes PostgreSQL's server binaries (initdb, pg_ctl, postgres) available for the keeper's shared-backend
# tests, installing Debian's postgresql package when they are missing. Prints the bin directory.
# The tests start their own cluster on 127.0.0.1 (tests/keeper/postgres.ts); this script starts nothing.
set -euo pipefail

find_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return 0
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  return 1
}

if bin="$(find_bin)"; then
  echo "$bin"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL is missing: install it (Debian: sudo apt-get install -y postgresql) and re-run" >&2
  exit 1
fi
echo "[postgres] installing Debian's postgresql package" >&2
DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
find_bin || { echo "postgresql installed but pg_ctl was not found under /usr/lib/postgresql" >&2; exit 1; }
