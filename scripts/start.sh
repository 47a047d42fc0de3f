#!/usr/bin/env bash
# npm start: the local stack on the local emulator, offline.
#   1. installs what is missing (npm ci when node_modules is absent; the Pulumi CLI via scripts/pulumi-toolchain.sh);
#   2. starts the Chime SDK Meetings emulator in the background, or reuses the running one
#      (pid in .emulator-data/emulator.pid, state in .emulator-data/, so meetings survive);
#   3. runs `pulumi up --refresh` on the `local` stack with a file backend in .pulumi-state/;
#   4. prints the meetings.
# Meetings end by themselves after 5 minutes with nobody joined (and after 24 hours): running `npm start`
# again refreshes (marking ended meetings as ended) and replaces them with new ids, join tokens and idempotency
# tokens. A second run while they live changes nothing. Stop the emulator with: kill "$(cat .emulator-data/emulator.pid)".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STACK="${CHIME_STACK:-local}"
# shellcheck source=scripts/local-env.sh
source "$ROOT/scripts/local-env.sh"

node -r ts-node/register/transpile-only scripts/start/repair-state.ts "$STATE_DIR" chime-meetings "$STACK"
pulumi stack select --create "$STACK" --secrets-provider passphrase --non-interactive >&2
log "pulumi up --refresh --stack $STACK (emulator at $EMULATOR_URL)"
pulumi up --stack "$STACK" --yes --refresh --skip-preview --suppress-outputs --non-interactive >&2

echo
node -r ts-node/register/transpile-only scripts/start/print-meetings.ts "$STACK"
echo
echo "Meetings end after 5 minutes with nobody joined: run 'npm start' again to recreate them (pulumi up --refresh)."
