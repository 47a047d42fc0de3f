#!/usr/bin/env bash
# npm run pulumi -- <args>: this project's Pulumi CLI with the `local` stack's environment (the same as npm start:
# file backend in .pulumi-state/, local passphrase, the emulator started or reused as the AWS endpoint), so the
# README's pulumi commands run as written, e.g. `npm run pulumi -- preview --stack local --policy-pack policies`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/local-env.sh
source "$ROOT/scripts/local-env.sh"
exec pulumi "$@"
