#!/usr/bin/env bash
# Entry of `npm run bench`: emulator HTTP throughput (wrk), JS SDK end-to-end cycles, emulator resident memory with
# 10,000 meetings (figures: docs/PERFORMANCE.md "Emulator"), then the offline policy check cost (docs/POLICIES.md).
# Loopback only; every script stops the processes it starts. BENCH_SECONDS (default 10) bounds each load run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "wrk is missing; installing it from the Debian archive" >&2
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  fi
fi
if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is required for the throughput benchmark (apt-get install wrk); it is not installed and could not be installed." >&2
  exit 1
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(node --version), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
run() { timeout 300 node -r ts-node/register/transpile-only "bench/$1.ts"; }
run throughput
run sdk-cycles
run memory
run policy-check
timeout 2400 node -r ts-node/register/transpile-only bench/scale/scale.ts # provider scale (real CLI, minutes: own bound)
