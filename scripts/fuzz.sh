#!/usr/bin/env bash
# Fuzzes every decoder of outside data (issue 9, Proof: Fuzzing):
#   bash scripts/fuzz.sh [INPUTS_PER_TARGET] [SEED]     (default 1000000 and 1)
# Targets: client (NexusClient via serde_json), list (decode_client_list),
# problem (ProblemDetails::from_response), JWT claims (caller_from_jwt),
# config.json and embedding options (the console's parse_config), and the
# Retry-After header (retry_after::seconds_to_wait).
# Prints inputs and panics per target; exits non-zero on any panic.
#
# Stable Rust, no libFuzzer: `cargo fuzz` wants a nightly toolchain and its
# own sanitizer build; this seeded mutator (crates/nexus-fuzz) mutates both
# raw bytes and JSON structure and is deterministic for a given SEED.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
N="${1:-1000000}"
SEED="${2:-1}"
cargo build --quiet --profile fuzz -p nexus-fuzz
exec target/fuzz/nexus-fuzz "$N" "$SEED"
