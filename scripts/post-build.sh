#!/usr/bin/env bash
# Trunk's one post-build hook (Trunk.toml). Hooks of one stage run concurrently, so everything that
# writes into the staging directory runs here, in order:
#   1. the rules page (rules.html), generated from the same rule data as the engine (`baofei rules-page`);
#   2. in release builds, the minified wasm-bindgen glue and the pages' integrity hashes (minify-glue.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo run -q -p baofei-cli -- rules-page "$TRUNK_STAGING_DIR/rules.html"
bash scripts/minify-glue.sh
