#!/usr/bin/env bash
# Fuzzes share links, rule packs and quote inputs for SECONDS each (default 60). Non-zero exit on a finding.
#   scripts/fuzz.sh [SECONDS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo run -q --profile release-native -p baofei-fuzz -- "${1:-60}" "${2:-}"
