#!/usr/bin/env bash
# Benchmark (not a test): bytes and speed of the release build, each figure
# beside a plain-JS floor measured in the same run (bench/bench.mjs says what).
#   bash scripts/bench.sh                # builds what is missing, then measures
#   SKIP_BUILD=1 bash scripts/bench.sh   # measure the dist/ already built
#   BENCH_LOADS=8                        # loads per first-render figure
#   BENCH_BASELINE=/path/to/old/dist     # measure an older build beside this one ("before")
#   BENCH_ONLY=load,interaction          # only these parts (sizes, crates, server, load, slow, memory, interaction)
# Figures vary with the machine's load; compare within one run only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
. scripts/env.sh
# twiggy gives the per-crate breakdown (about 3 minutes to install, once).
command -v twiggy >/dev/null 2>&1 || cargo install twiggy --locked
# A release stand-in, so the server is not what is measured.
cargo build --release -p nexus-devserver
[ "${SKIP_BUILD:-0}" = 1 ] || trunk build --release
node bench/bench.mjs
node bench/bulk.mjs
