# Sourced by scripts/start.sh and scripts/pulumi-local.sh: the `local` stack's offline environment.
#   - installs what is missing (npm ci when node_modules is absent; the Pulumi CLI via scripts/pulumi-toolchain.sh)
#     and puts the CLI on PATH;
#   - a file backend in .pulumi-state/ (CHIME_STATE_DIR), the local-only passphrase, no update checks, no plugin
#     downloads;
#   - the emulator's test credentials, and the emulator itself, started in the background or reused
#     (pid in .emulator-data/emulator.pid, state in .emulator-data/), as the endpoint of Chime and SSM.
# Expects ROOT (the repository) to be set.

log() { printf '[start] %s\n' "$*" >&2; }

# Overridable so tests can run npm start in isolation.
STATE_DIR="${CHIME_STATE_DIR:-$ROOT/.pulumi-state}"
export CHIME_EMULATOR_DIR="${CHIME_EMULATOR_DIR:-$ROOT/.emulator-data}"

if [ ! -d "$ROOT/node_modules" ]; then
  log "installing dependencies (npm ci)"
  (cd "$ROOT" && npm ci >&2)
fi

BIN_DIR="$(bash "$ROOT/scripts/pulumi-toolchain.sh")"
export PATH="$BIN_DIR:$PATH" CHIME_PULUMI_BIN_DIR="$BIN_DIR"

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

EMULATOR_URL="$(cd "$ROOT" && node -r ts-node/register/transpile-only scripts/start/emulator.ts)"
export AWS_ENDPOINT_URL_CHIME_SDK_MEETINGS="$EMULATOR_URL"
# The emulator also serves the SSM calls of published meeting addresses (publish: true).
export AWS_ENDPOINT_URL_SSM="$EMULATOR_URL"
