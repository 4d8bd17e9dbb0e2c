#!/usr/bin/env bash
# bench/names.sh OUT: a copy of dist/ whose wasm keeps its function names, for
# CPU profiles (`PROFILE_CPU=1 NEXUS_DIST=OUT node bench/profile.mjs sort`).
# Run after `trunk build --release`. Trunk's own data-keep-debug is not enough:
# its wasm-opt step drops the names, and the page checks the wasm's integrity.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:?usage: bench/names.sh OUT}"
cd "$ROOT"
. scripts/env.sh
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
rm -rf "$OUT"
cp -a dist "$OUT"
wasm-bindgen --target web --keep-debug --no-typescript --out-dir "$TMP" --out-name nexus-clients-console \
  target/wasm32-unknown-unknown/release/nexus-clients-console.wasm
wasm="$(ls "$OUT"/*_bg.wasm)"
wasm-opt -Oz -g "$TMP/nexus-clients-console_bg.wasm" -o "$wasm"
# The wasm changed, so its integrity hash in index.html no longer holds.
sed -i 's/ integrity="[^"]*"//g' "$OUT/index.html"
echo "$OUT: wasm with names, $(wc -c < "$wasm") bytes"
