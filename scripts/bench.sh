#!/usr/bin/env bash
# Benchmark (not a test): bundle size and speed figures for the release build.
#   bash scripts/bench.sh            # builds what is missing, then measures
# Figures vary with the machine's load; compare runs on the same machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
cargo build -p nexus-devserver
[ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release
node bench/bench.mjs
