#!/usr/bin/env bash
# npm start: the local stack on the local emulator, offline.
#   1. installs what is missing (npm ci when node_modules is absent; the Pulumi CLI via scripts/pulumi-toolchain.sh);
#   2. starts the Chime SDK Meetings emulator in the background, or reuses the running one
#      (pid in .emulator-data/emulator.pid, state in .emulator-data/, so meetings survive);
#   3. runs `pulumi up --refresh` on the `local` stack with a file backend in .pulumi-state/;
#   4. prints the meetings.
# Meetings end by themselves after 5 minutes with nobody joined (and after 24 hours): running `npm start`
# again refreshes (dropping ended meetings) and recreates them with new ids and join tokens. A second run
# while they live changes nothing. Stop the emulator with: kill "$(cat .emulator-data/emulator.pid)".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
STACK="${CHIME_STACK:-local}"
# Overridable so tests can run npm start in isolation.
STATE_DIR="${CHIME_STATE_DIR:-$ROOT/.pulumi-state}"
export CHIME_EMULATOR_DIR="${CHIME_EMULATOR_DIR:-$ROOT/.emulator-data}"

log() { printf '[start] %s\n' "$*" >&2; }

if [ ! -d node_modules ]; then
  log "installing dependencies (npm ci)"
  npm ci >&2
fi

BIN_DIR="$(bash scripts/pulumi-toolchain.sh)"
export PATH="$BIN_DIR:$PATH" CHIME_PULUMI_BIN_DIR="$BIN_DIR"

# Offline Pulumi: local file backend, no update checks, no plugin downloads.
mkdir -p "$STATE_DIR"
export PULUMI_BACKEND_URL="file://$STATE_DIR"
# Local-only default passphrase for the local stack's secrets (join tokens); Pulumi.local.yaml's
# encryptionsalt matches it. Never use it for a stack that talks to AWS.
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-chime-meetings-local}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
# The SDK warns on every provider start that releases after January 2027 need Node 22 (see docs/TOOLCHAIN.md).
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

# The emulator accepts the test credentials only; never send real ones to it.
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
unset AWS_SESSION_TOKEN AWS_PROFILE AWS_DEFAULT_PROFILE

EMULATOR_URL="$(node -r ts-node/register/transpile-only scripts/start/emulator.ts)"
export AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS="$EMULATOR_URL"
# The emulator also serves the SSM calls of published meeting addresses (publish: true).
export AWS_ENDPOINT_URL_SSM="$EMULATOR_URL"

pulumi stack select --create "$STACK" --secrets-provider passphrase --non-interactive >&2
node -r ts-node/register/transpile-only scripts/start/stale-locks.ts "$STATE_DIR" chime-meetings "$STACK"
log "pulumi up --refresh --stack $STACK (emulator at $EMULATOR_URL)"
pulumi up --stack "$STACK" --yes --refresh --skip-preview --suppress-outputs --non-interactive >&2

echo
node -r ts-node/register/transpile-only scripts/start/print-meetings.ts "$STACK"
echo
echo "Meetings end after 5 minutes with nobody joined: run 'npm start' again to recreate them (pulumi up --refresh)."
