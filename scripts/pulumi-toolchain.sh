#!/usr/bin/env bash
# Resolves the Pulumi CLI this project runs on and prints its bin directory on stdout.
#
#   1. a `pulumi` on PATH at least as new as the pinned version is used as is;
#   2. otherwise a cached build for the pinned version is reused;
#   3. otherwise `pulumi` is compiled with the machine's Go from the Go module proxy, beside this
#      project's own Node.js language host and dynamic-provider launcher (see docs/TOOLCHAIN.md).
# With the cached CLI (2 and 3), the Pulumi YAML language host and chime-gen-sdk (SDK generation) are
# built into caches of their own, and the printed directory links all executables together.
#
# Progress goes to stderr; the only stdout line is the bin directory.
set -euo pipefail

PULUMI_VERSION="${CHIME_PULUMI_VERSION:-3.248.0}"
CACHE_ROOT="${CHIME_PULUMI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/chime-meetings/pulumi}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_SRC="$HERE/pulumi-build"
# The cache is keyed by the CLI version and by the sources this script builds from, so a change to
# the language host or the launcher rebuilds while everything else reuses the cached binaries.
SOURCE_KEY="$(cat "$BUILD_SRC/go.mod.in" "$BUILD_SRC/go.sum" "$BUILD_SRC/tools.go" "$BUILD_SRC/pulumi-resource-pulumi-nodejs" \
  "$BUILD_SRC"/language-host/*.go | sha256sum | cut -c1-12)"
CACHE_DIR="$CACHE_ROOT/v$PULUMI_VERSION-$SOURCE_KEY"

# The extras have their own sources, versions and cache keys: changing them never rebuilds the CLI.
PULUMI_YAML_VERSION="${CHIME_PULUMI_YAML_VERSION:-1.25.0}"
YAML_SRC="$BUILD_SRC/yaml"
YAML_KEY="$(cat "$YAML_SRC/go.mod.in" "$YAML_SRC/go.sum" "$YAML_SRC/tools.go" | sha256sum | cut -c1-12)"
YAML_DIR="$CACHE_ROOT/yaml-v$PULUMI_YAML_VERSION-$YAML_KEY"
GEN_SRC="$BUILD_SRC/gen-sdk"
GEN_KEY="$(cat "$GEN_SRC/go.mod.in" "$GEN_SRC/go.sum" "$GEN_SRC/main.go" | sha256sum | cut -c1-12)"
GEN_DIR="$CACHE_ROOT/gen-sdk-v$PULUMI_VERSION-$GEN_KEY"
# What the caller gets: hard links to the CLI, its plugins and the extras, one directory per combination.
LINK_DIR="$CACHE_ROOT/linked-v$PULUMI_VERSION-$SOURCE_KEY-$YAML_KEY-$GEN_KEY"

log() { printf '[toolchain] %s\n' "$*" >&2; }

# version_at_least HAVE WANT: both as X.Y.Z, compared numerically.
version_at_least() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

cli_version() { "$1" version 2>/dev/null | head -n1 | sed 's/^v//'; }

use_path_cli() {
  [ "${CHIME_PULUMI_IGNORE_PATH:-}" = "1" ] && return 1
  local cli
  cli="$(command -v pulumi 2>/dev/null)" || return 1
  local have
  have="$(cli_version "$cli")"
  if [ -n "$have" ] && version_at_least "$have" "$PULUMI_VERSION"; then
    log "using pulumi v$have from PATH ($cli)"
    dirname "$(readlink -f "$cli")"
    return 0
  fi
  log "ignoring pulumi '${have:-unknown}' on PATH: older than v$PULUMI_VERSION"
  return 1
}

cache_is_complete() {
  [ -x "$CACHE_DIR/bin/pulumi" ] && [ -x "$CACHE_DIR/bin/pulumi-language-nodejs" ] \
    && [ -x "$CACHE_DIR/bin/pulumi-resource-pulumi-nodejs" ] \
    && [ "$(cli_version "$CACHE_DIR/bin/pulumi")" = "$PULUMI_VERSION" ]
}

build_into_cache() {
  command -v go >/dev/null || { log "no pulumi on PATH and no Go toolchain to build one"; exit 1; }
  local work="$CACHE_ROOT/.build-v$PULUMI_VERSION"
  local staging="$CACHE_ROOT/.staging-v$PULUMI_VERSION.$$"
  rm -rf "$work" "$staging"
  mkdir -p "$work" "$staging/bin"
  sed -e "s/@PULUMI_VERSION@/v$PULUMI_VERSION/g" "$BUILD_SRC/go.mod.in" > "$work/go.mod"
  cp "$BUILD_SRC/tools.go" "$work/tools.go"
  # Checksums recorded for the pinned version; Go verifies every downloaded module against them.
  [ "$PULUMI_VERSION" = "3.248.0" ] && cp "$BUILD_SRC/go.sum" "$work/go.sum"
  mkdir -p "$work/language-host"
  cp "$BUILD_SRC"/language-host/*.go "$work/language-host/"
  local started=$SECONDS
  log "building pulumi v$PULUMI_VERSION from Go modules in $work (first run only; takes a while)"
  (
    cd "$work"
    export GOFLAGS="${GOFLAGS:--buildvcs=false} -mod=mod"
    go mod tidy >&2
    local ldflags="-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$PULUMI_VERSION"
    go build -trimpath -tags osusergo,grpcnotrace -ldflags "$ldflags" \
      -o "$staging/bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
    go build -trimpath -tags osusergo,grpcnotrace -ldflags "$ldflags" \
      -o "$staging/bin/pulumi-language-nodejs" ./language-host >&2
  )
  install -m 755 "$BUILD_SRC/pulumi-resource-pulumi-nodejs" "$staging/bin/"
  rm -rf "$CACHE_DIR"
  mv "$staging" "$CACHE_DIR"
  printf '%s\n' "$((SECONDS - started))" > "$CACHE_DIR/build-seconds"
  rm -rf "$work"
  log "built in $((SECONDS - started))s"
}

# build_go_tool NAME SRC_DIR TARGET_DIR PACKAGE VERSION_SUBSTITUTIONS...: compiles PACKAGE in a wrapper
# module made from SRC_DIR/go.mod.in (checksums from SRC_DIR/go.sum) into TARGET_DIR/bin/NAME.
build_go_tool() {
  local name="$1" src="$2" target="$3" package="$4"
  shift 4
  command -v go >/dev/null || { log "no Go toolchain to build $name"; exit 1; }
  local work="$CACHE_ROOT/.build-$name"
  local staging="$target.staging.$$"
  rm -rf "$work" "$staging"
  mkdir -p "$work" "$staging/bin"
  sed "$@" "$src/go.mod.in" > "$work/go.mod"
  cp "$src"/*.go "$src/go.sum" "$work/"
  local started=$SECONDS
  log "building $name from Go modules in $work (first run only)"
  (
    cd "$work"
    export GOFLAGS="${GOFLAGS:--buildvcs=false} -mod=mod"
    go mod tidy >&2
    go build -trimpath -tags osusergo,grpcnotrace -ldflags "-s -w" -o "$staging/bin/$name" "$package" >&2
  )
  rm -rf "$target"
  mv "$staging" "$target"
  printf '%s\n' "$((SECONDS - started))" > "$target/build-seconds"
  rm -rf "$work"
  log "built $name in $((SECONDS - started))s"
}

yaml_is_complete() { [ -x "$YAML_DIR/bin/pulumi-language-yaml" ]; }
gen_is_complete() { [ -x "$GEN_DIR/bin/chime-gen-sdk" ]; }
links_are_complete() { [ -x "$LINK_DIR/bin/pulumi" ] && [ -x "$LINK_DIR/bin/pulumi-language-yaml" ] && [ -x "$LINK_DIR/bin/chime-gen-sdk" ]; }

link_everything() {
  local staging="$LINK_DIR.staging.$$"
  rm -rf "$staging"
  mkdir -p "$staging/bin"
  local f
  # Hard links (copies across file systems), not symlinks: the CLI looks for its bundled plugins beside
  # its resolved executable, and warns about every plugin it finds only on PATH.
  for f in "$CACHE_DIR"/bin/* "$YAML_DIR/bin/pulumi-language-yaml" "$GEN_DIR/bin/chime-gen-sdk"; do
    ln "$f" "$staging/bin/$(basename "$f")" 2>/dev/null || cp "$f" "$staging/bin/$(basename "$f")"
  done
  rm -rf "$LINK_DIR"
  mv "$staging" "$LINK_DIR"
}

main() {
  if use_path_cli; then return 0; fi
  if cache_is_complete && yaml_is_complete && gen_is_complete && links_are_complete; then
    log "reusing cached pulumi v$PULUMI_VERSION ($CACHE_DIR/bin), YAML host v$PULUMI_YAML_VERSION and chime-gen-sdk"
  else
    mkdir -p "$CACHE_ROOT"
    # One builder at a time; a second caller waits and then reuses the result.
    exec 9>"$CACHE_ROOT/.lock"
    flock 9
    cache_is_complete || build_into_cache
    yaml_is_complete || build_go_tool pulumi-language-yaml "$YAML_SRC" "$YAML_DIR" \
      github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml -e "s/@PULUMI_YAML_VERSION@/v$PULUMI_YAML_VERSION/g"
    gen_is_complete || build_go_tool chime-gen-sdk "$GEN_SRC" "$GEN_DIR" . -e "s/@PULUMI_VERSION@/v$PULUMI_VERSION/g"
    links_are_complete || link_everything
  fi
  echo "$LINK_DIR/bin"
}

main "$@"
