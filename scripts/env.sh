# shellcheck shell=bash
# Source me:  . scripts/env.sh
# Puts the project's node_modules/.bin FIRST on PATH (npm binaryen@132's wasm-opt must win
# over any other wasm-opt; see shared/notes/toolchain.md), then cargo's bin dir, and points
# wasm-bindgen-test-runner at Debian's chromedriver. No `set -e` here: it would leak into
# the shell that sources this file.
_nexus_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_nexus_path=":${PATH}:"
for _nexus_dir in "$_nexus_root/node_modules/.bin" "$HOME/.cargo/bin"; do
  while [[ "$_nexus_path" == *":${_nexus_dir}:"* ]]; do
    _nexus_path="${_nexus_path//:${_nexus_dir}:/:}"
  done
done
_nexus_path="${_nexus_path#:}"
_nexus_path="${_nexus_path%:}"
export PATH="$_nexus_root/node_modules/.bin:$HOME/.cargo/bin${_nexus_path:+:$_nexus_path}"
export CHROMEDRIVER=/usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
unset _nexus_root _nexus_path _nexus_dir
