#!/usr/bin/env bash
# Trunk's one post-build hook (Trunk.toml). Hooks of one stage run concurrently, so everything that
# writes into the staging directory runs here, in order:
#   1. the rules page (rules.html), generated from the same rule data as the engine (`baofei rules-page`);
#   2. in release builds, the default quote prerendered into index.html (prerender.mjs);
#   3. in release builds, the minified wasm-bindgen glue and the pages' integrity hashes (minify-glue.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo run -q -p baofei-cli -- rules-page "$TRUNK_STAGING_DIR/rules.html"
# 2. Release builds: the default quote prerendered into index.html by the real widget in headless
#    Chromium (scripts/prerender.mjs). Without it the page still works (it paints when the wasm runs),
#    so a failure warns here and the end-to-end test of the prerendered page fails.
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node scripts/prerender.mjs "$TRUNK_STAGING_DIR" || echo "post-build: prerendering failed; index.html is not prerendered" >&2
fi
bash scripts/minify-glue.sh
