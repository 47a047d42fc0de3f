#!/usr/bin/env bash
# Entry of `npm run soak`: the reliability suites (tests/reliability/) at full size through the real
# Pulumi CLI against in-process emulators on 127.0.0.1 — 100 meetings x 5 attendees under faults, all
# 12 kill -9 points, expiry of 50 meetings, the secret scans — then a summary of the measured figures.
# Every suite bounds its runs and stops its emulators; the whole soak is bounded by SOAK_TIMEOUT seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/pulumi-toolchain.sh >/dev/null
out=".test-work/reliability"
mkdir -p "$out"
figures="$PWD/$out/figures-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
: > "$figures"
echo "machine: $(nproc) cores, $(node --version); figures → ${figures#$PWD/}"

status=0
CHIME_SOAK=1 CHIME_RELIABILITY_FIGURES="$figures" timeout "${SOAK_TIMEOUT:-5400}" \
  npx mocha --timeout 3600000 "tests/reliability/*.test.ts" || status=$?
# Several keepers on one stack on a PostgreSQL backend at full size (3 keepers, 12 meetings, 3 minutes of endings).
CHIME_SOAK=1 timeout "${SOAK_TIMEOUT:-5400}" npx mocha --timeout 3600000 tests/keeper/multi-keeper.test.ts || status=$?
node -r ts-node/register/transpile-only bench/reliability/summarize.ts "$figures"
exit "$status"
