#!/usr/bin/env bash
# The first-load bytes of a minimal Leptos 0.8 csr app (router, two routes, a
# signal, a filtered list): what any Leptos console ships before its own code.
# About 8 minutes the first time (its own target directory).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$HERE/../.."
. "$ROOT/scripts/env.sh"
cd "$HERE"
cargo build --release --target wasm32-unknown-unknown
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name floor \
  target/wasm32-unknown-unknown/release/leptos-framework-floor.wasm
wasm-opt -Oz "$OUT/floor_bg.wasm" -o "$OUT/floor_opt.wasm"
node -e '
const z = require("zlib"), fs = require("fs");
const br = (f) => { const b = fs.readFileSync(f); return z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_LGWIN]: 24, [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length / 1000; };
const w = br(process.argv[1]), j = br(process.argv[2]);
console.log(`minimal Leptos app: wasm ${w.toFixed(1)} KB + js ${j.toFixed(1)} KB = ${(w + j).toFixed(1)} KB brotli q11`);
' "$OUT/floor_opt.wasm" "$OUT/floor.js"
