#!/usr/bin/env bash
# Fuzzes share links, rule packs and quote inputs (Rust, natively) and the JS API entry points of the
# npm package (Node: random nested JSON, wrong types, cycles) for SECONDS each (default 60).
# Non-zero exit on a finding.
#   scripts/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo run -q --profile release-native -p baofei-fuzz -- "${1:-60}" "${2:-}"
# The JS API fuzzer needs the package; build it once if it is missing.
[ -f pkg/baofei.js ] || scripts/package.sh
node tools/fuzz-api.mjs "${1:-60}" ${2:+"$2"}
