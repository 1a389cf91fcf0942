#!/usr/bin/env bash
# CLI throughput on a generated CSV (not committed): rows/s on 1 and 2 threads and peak memory.
#   scripts/bench-cli.sh [ROWS]      (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
rows="${1:-1000000}"
cargo build -q --profile release-native -p baofei-cli
bin="$CARGO_TARGET_DIR/release-native/baofei"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" sample --rows "$rows" > "$tmp/in.csv"
echo "input: $rows rows, $(du -h "$tmp/in.csv" | cut -f1)"
for t in 1 2; do
  RAYON_NUM_THREADS=$t /usr/bin/time -f "threads=$t wall=%es peak_rss=%MKB" "$bin" quote "$tmp/in.csv" -o "$tmp/out.csv"
done
