#!/usr/bin/env bash
# THE run command (README): bash scripts/dev.sh [devserver args...]
#   PORT=9000 bash scripts/dev.sh              # another port (default 8080)
#   RELEASE=0 bash scripts/dev.sh              # debug console build (quicker to rebuild, ~60 MB wasm)
#   bash scripts/dev.sh --clients 10000        # extra args go to nexus-devserver
#   bash scripts/dev.sh --memory               # in-memory data instead of nexus-devserver.db
# Installs what is missing (setup.sh --dev), builds the stand-in API server and the
# console, then serves dist/ and the demo API from one nexus-devserver.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PORT="${PORT:-8080}"

bash scripts/setup.sh --dev
# shellcheck source=scripts/env.sh
. scripts/env.sh

echo "== building nexus-devserver"
cargo build -p nexus-devserver
if [ "${RELEASE:-1}" = 1 ]; then
  echo "== building console (trunk build --release)"
  trunk build --release
else
  echo "== building console (trunk build)"
  trunk build
fi

# Defaults only for what the caller did not pass (a flag given twice may be rejected),
# and the address the browser should open (a --base-path / --port among the args counts).
base_path="/"
have_port=0
have_static=0
prev=""
for a in "$@"; do
  case "$a" in
    --base-path=*) base_path="${a#--base-path=}" ;;
    --port=*) have_port=1; PORT="${a#--port=}" ;;
    --port) have_port=1 ;;
    --static|--static=*) have_static=1 ;;
  esac
  if [ "$prev" = "--base-path" ]; then base_path="$a"; fi
  if [ "$prev" = "--port" ]; then PORT="$a"; fi
  prev="$a"
done
defaults=()
[ "$have_static" = 1 ] || defaults+=(--static dist)
[ "$have_port" = 1 ] || defaults+=(--port "$PORT")
case "$base_path" in /*) ;; *) base_path="/$base_path" ;; esac
case "$base_path" in */) ;; *) base_path="$base_path/" ;; esac

echo
echo "=================================================================="
echo "  Open http://127.0.0.1:${PORT}${base_path} and pick a persona"
echo "  (demo data in nexus-devserver.db unless --memory; Ctrl-C stops)"
echo "=================================================================="
echo

# Echo the server's output; once it reports its real address, say again where to go.
target/debug/nexus-devserver "${defaults[@]}" "$@" 2>&1 | while IFS= read -r line; do
  printf '%s\n' "$line"
  if [[ "$line" =~ listening\ on\ https?://[^[:space:]]*:([0-9]+) ]]; then
    echo ">>> Open http://127.0.0.1:${BASH_REMATCH[1]}${base_path} and pick a persona"
  fi
done
