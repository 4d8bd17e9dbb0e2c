#!/usr/bin/env bash
# Idempotent setup for this project's machines (Debian 12, rustup Rust, Node.js + npm).
# Every step checks first and skips what is already there.
#
#   bash scripts/setup.sh         # everything: build + test tooling (Chromium, chromedriver, nginx)
#   bash scripts/setup.sh --dev   # only what running the console needs (no Chromium/nginx)
#
# Facts behind the pins: shared/notes/toolchain.md (trunk 0.21.14 only; wasm-bindgen-cli at
# Cargo.lock's version, WITHOUT --locked; wasm-opt from npm binaryen@132, never Debian's).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

MODE=full
for arg in "$@"; do
  case "$arg" in
    --dev) MODE=dev ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown argument: $arg (use --dev or nothing)" >&2; exit 2 ;;
  esac
done

export PATH="$HOME/.cargo/bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export DEBIAN_FRONTEND=noninteractive

TRUNK_VERSION=0.21.14
# Cuts release wasm into chunks (hooks/split-wasm.mjs); its format must match
# Cargo.lock's wasm_split_helpers (0.2.x).
WASM_SPLIT_VERSION=0.2.4
SETUP_START=$SECONDS
declare -a TIMINGS=()

# step NAME FUNCTION — run one step and record how long it took.
step() {
  local name="$1" fn="$2" t0=$SECONDS
  "$fn"
  TIMINGS+=("$(printf '%5ss  %s' "$((SECONDS - t0))" "$name")")
}

# Another `cargo install <crate>` may already be running on this machine (e.g. a
# provisioning job): wait for it instead of racing it for the same binary.
wait_for_cargo_install() {
  local crate="$1" pids
  while pids="$(pgrep -f "cargo install ${crate}( |$)" || true)"; [ -n "$pids" ]; do
    echo "waiting: another 'cargo install ${crate}' is running (pid ${pids//$'\n'/ }) ..."
    sleep 15
  done
}

wasm_bindgen_version() {
  # First `version` line after `name = "wasm-bindgen"` in Cargo.lock.
  awk '$0 == "name = \"wasm-bindgen\"" { hit = 1; next }
       hit && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

step_target() {
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    echo "ok: rust target wasm32-unknown-unknown already installed"
  else
    echo "installing: rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

trunk_ok() { command -v trunk >/dev/null 2>&1 && trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; }

step_trunk() {
  trunk_ok || wait_for_cargo_install trunk
  if trunk_ok; then
    echo "ok: trunk $TRUNK_VERSION already installed"
  else
    echo "installing: trunk $TRUNK_VERSION (cargo install, ~8 min cold)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

step_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "setup.sh: cannot find the wasm-bindgen version in Cargo.lock" >&2
    exit 1
  fi
  wb_ok() {
    command -v wasm-bindgen >/dev/null 2>&1 &&
      command -v wasm-bindgen-test-runner >/dev/null 2>&1 &&
      [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$want" ]
  }
  wb_ok || wait_for_cargo_install wasm-bindgen-cli
  if wb_ok; then
    echo "ok: wasm-bindgen-cli $want already installed"
  else
    echo "installing: wasm-bindgen-cli $want (cargo install without --locked, ~5 min cold)"
    # No --locked: its lock file asks for a webpki-roots the registry mirror does not serve.
    cargo install wasm-bindgen-cli --version "=$want" --force
  fi
}

split_ok() { command -v wasm-split-cli >/dev/null 2>&1 && [ -f "$HOME/.cargo/.nexus-wasm-split-$WASM_SPLIT_VERSION" ]; }

step_wasm_split() {
  split_ok || wait_for_cargo_install wasm_split_cli_support
  if split_ok; then
    echo "ok: wasm-split-cli $WASM_SPLIT_VERSION already installed"
  else
    echo "installing: wasm-split-cli $WASM_SPLIT_VERSION (cargo install, ~2 min cold)"
    cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --locked --force
    # The tool prints no version of its own: a stamp says which one this is.
    touch "$HOME/.cargo/.nexus-wasm-split-$WASM_SPLIT_VERSION"
  fi
}

step_apt() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && command -v nginx >/dev/null 2>&1; then
    echo "ok: chromium, chromium-driver and nginx already installed"
    return
  fi
  echo "installing: apt packages chromium chromium-driver nginx-light"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    chromium chromium-driver nginx-light
  # nginx-light's postinst starts a server on :80; the project starts its own when needed.
  $sudo service nginx stop >/dev/null 2>&1 || true
}

step_npm() {
  local stamp=node_modules/.nexus-setup-stamp reason=""
  if [ ! -d node_modules ]; then
    reason="node_modules missing"
  elif [ ! -f "$stamp" ]; then
    reason="no setup stamp"
  elif [ package.json -nt "$stamp" ]; then
    reason="package.json changed"
  elif [ -f package-lock.json ] && [ package-lock.json -nt "$stamp" ]; then
    reason="package-lock.json changed"
  elif [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/playwright ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/csso ]; then
    reason="wasm-opt, playwright, terser or csso missing from node_modules"
  fi
  if [ -z "$reason" ]; then
    echo "ok: npm packages already installed ($(node_modules/.bin/wasm-opt --version 2>/dev/null | head -n1))"
    return
  fi
  echo "installing: npm packages ($reason)"
  if [ -f package-lock.json ] && npm ci --no-audit --no-fund; then
    :
  else
    # npm ci may reject a lock file written on this machine (npm 11 leaves out
    # other platforms' optional packages); npm install copes.
    [ -f package-lock.json ] && echo "npm ci failed; falling back to npm install"
    npm install --no-audit --no-fund
  fi
  touch "$stamp"
}

echo "== setup ($MODE) in $ROOT"
step "rust target wasm32-unknown-unknown" step_target
step "trunk $TRUNK_VERSION" step_trunk
step "wasm-bindgen-cli" step_wasm_bindgen
step "wasm-split-cli $WASM_SPLIT_VERSION" step_wasm_split
if [ "$MODE" = full ]; then
  step "apt: chromium chromium-driver nginx-light" step_apt
else
  echo "skip: chromium/chromedriver/nginx (--dev)"
fi
step "npm packages" step_npm

echo "== setup done in $((SECONDS - SETUP_START))s"
printf '   %s\n' "${TIMINGS[@]}"
