#!/usr/bin/env bash
# THE test command (README): bash scripts/test.sh
# Runs setup (skip with SKIP_SETUP=1), then every check in order, failing fast:
# fmt, clippy (host + wasm32), host tests, in-browser wasm tests, devserver build,
# release console build, the first-load size budget, Playwright end-to-end tests.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TOTAL_START=$SECONDS
declare -a TIMINGS=()

summary() {
  echo
  echo "== timings"
  if [ "${#TIMINGS[@]}" -gt 0 ]; then printf '   %s\n' "${TIMINGS[@]}"; fi
  echo "   total: $((SECONDS - TOTAL_START))s"
}

# stage NAME CMD... — banner, run, record time; stop everything on failure.
stage() {
  local name="$1"; shift
  local t0=$SECONDS rc=0
  echo
  echo "======================================================================"
  echo "== $name"
  echo "== \$ $*"
  echo "======================================================================"
  "$@" || rc=$?
  local dt=$((SECONDS - t0))
  if [ "$rc" -ne 0 ]; then
    TIMINGS+=("$(printf '%5ss  FAILED  %s' "$dt" "$name")")
    echo
    echo "!! stage failed (exit $rc): $name"
    summary
    exit "$rc"
  fi
  TIMINGS+=("$(printf '%5ss  ok      %s' "$dt" "$name")")
  echo "-- ok: $name (${dt}s)"
}

if [ "${SKIP_SETUP:-0}" = 1 ]; then
  echo "== setup skipped (SKIP_SETUP=1)"
else
  stage "setup" bash scripts/setup.sh
fi
# shellcheck source=scripts/env.sh
. scripts/env.sh

stage "rustfmt" cargo fmt --all -- --check
stage "clippy (host, workspace)" cargo clippy --workspace --all-targets -- -D warnings
stage "clippy (wasm32, console)" cargo clippy -p nexus-clients-console --target wasm32-unknown-unknown --all-targets -- -D warnings
stage "host tests (domain, devserver)" cargo test -p nexus-domain -p nexus-devserver
# The console's pure parts (auth checks, request paths, config parsing); its
# views run in the browser stage below.
stage "host tests (console, pure parts)" cargo test -p nexus-clients-console --lib
# A short slice of the fuzz run (scripts/fuzz.sh runs 10^6 inputs per target).
stage "fuzz slice (decoders, 2,000 inputs per target)" bash scripts/fuzz.sh 2000 "$(date +%s)"
stage "in-browser wasm tests (console)" cargo test -p nexus-clients-console --target wasm32-unknown-unknown
stage "build devserver" cargo build -p nexus-devserver
stage "build console (trunk --release)" trunk build --release
stage "size budget (first load, brotli)" node scripts/size-budget.mjs dist
stage "end-to-end tests (Playwright)" npx playwright test

summary
echo "== all stages passed"
