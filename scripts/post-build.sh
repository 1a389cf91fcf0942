#!/usr/bin/env bash
# Trunk's one post-build hook (Trunk.toml). Hooks of one stage run concurrently, so everything that
# writes into the staging directory runs here, in order:
#   1. the rules page (rules.html), generated from the same rule data as the engine (`baofei rules-page`);
#   2. the link builder's own wasm (builder.html), the widget with its JS API for host pages
#      (baofei-web.js) and the first look's (baofei-first.js, issue 31); the standalone page's own
#      wasm is Trunk's build (index.html);
#   3. in release builds, the default quote prerendered into index.html (prerender.mjs);
#   4. in release builds, the minified wasm-bindgen glue and the pages' integrity hashes (minify-glue.sh),
#      then the compatibility builds for old engines (compat.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
# 0. index.html preloads its stylesheet ahead of prepaint.js (issue 31): the preload carries the
#    stylesheet's integrity hash, which Trunk just wrote, or Chromium would download it twice
#    (minify-glue.sh later rewrites both hashes alike). Other pages built with this hook (the benchmark's
#    empty app) have no such preload.
if grep -q '<link rel="preload" href="./styles.css" as="style"' "$TRUNK_STAGING_DIR/index.html"; then
  sri=$(grep -o '<link rel="stylesheet" href="./styles.css" integrity="[^"]*"' "$TRUNK_STAGING_DIR/index.html" | sed 's/.*integrity="//; s/"$//')
  [ -n "$sri" ] || { echo "post-build: index.html has no stylesheet integrity hash" >&2; exit 1; }
  sed -i "s|<link rel=\"preload\" href=\"./styles.css\" as=\"style\" \?/>|<link rel=\"preload\" href=\"./styles.css\" as=\"style\" integrity=\"$sri\" />|" "$TRUNK_STAGING_DIR/index.html"
  grep -q 'rel="preload" href="./styles.css" as="style" integrity=' "$TRUNK_STAGING_DIR/index.html" \
    || { echo "post-build: the stylesheet's preload in index.html was not given its hash" >&2; exit 1; }
fi
cargo run -q -p baofei-cli -- rules-page "$TRUNK_STAGING_DIR/rules.html"
# 2. The other wasm bins, with the profile Trunk built the page with, through the same wasm-bindgen and
#    (release) wasm-opt -Oz as Trunk's own pipeline (issue 15 point 3: each page loads what it needs):
#    the link builder's (builder.html) and the widget with its JS API that host pages import
#    (baofei-web.js; embed/baofei-embed.js). Trunk builds the standalone page's own (baofei-page).
profile_dir=debug
profile_flag=()
if [ "${TRUNK_PROFILE:-}" = "release" ]; then profile_dir=release; profile_flag=(--release); fi
bindgen() { # bin, then cargo feature flags
  local bin=$1; shift
  cargo build -q --target wasm32-unknown-unknown -p baofei-web --bin "$bin" "$@" "${profile_flag[@]}"
  wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name "$bin" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile_dir/$bin.wasm"
  if [ "$profile_dir" = release ]; then
    wasm-opt -Oz "$TRUNK_STAGING_DIR/${bin}_bg.wasm" -o "$TRUNK_STAGING_DIR/${bin}_bg.wasm"
  fi
}
bindgen baofei-builder --no-default-features
bindgen baofei-web
# The first look's (issue 31): the engine and the rules without the interface, which shows a link's
# premium while the page's own wasm is still on its way (web/start.js).
bindgen baofei-first --no-default-features
# 3. Release builds: the default quote prerendered into index.html by the real widget in headless
#    Chromium (scripts/prerender.mjs). Without it the page still works (it paints when the wasm runs),
#    so a failure warns here and the end-to-end test of the prerendered page fails.
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  node scripts/prerender.mjs "$TRUNK_STAGING_DIR" || echo "post-build: prerendering failed; index.html is not prerendered" >&2
fi
bash scripts/minify-glue.sh
# 4b. Release builds: the compatibility builds of the page and the widget (MVP wasm and its wasm2js
#     JavaScript; scripts/compat.sh), which only engines without reference types or whose page policy
#     refuses wasm load (issue 28 point 1). After the glue's minification, which would redo theirs.
if [ "${TRUNK_PROFILE:-}" = "release" ]; then
  bash scripts/compat.sh "$TRUNK_STAGING_DIR" baofei-page --no-default-features
  bash scripts/compat.sh "$TRUNK_STAGING_DIR" baofei-web
fi
# 5. The service worker (web/sw.js): its cache is named by the hash of this release's files, so a new
#    release installs a cache of its own and replaces the last; it carries the date of the newest rule
#    data for the "已更新到 … 的规则" notice (the last commit that touched the rule files).
sw="$TRUNK_STAGING_DIR/sw.js"
if [ -f "$sw" ]; then
  # The English frame is prerendered in release builds only: a list naming a missing file would fail the
  # worker's install.
  [ -f "$TRUNK_STAGING_DIR/frame-en.html" ] || sed -i "s/ 'frame-en.html',//" "$sw"
  version=$(cd "$TRUNK_STAGING_DIR" && cat index.html rules.html styles.css ./*.js ./*.wasm 2>/dev/null | sha256sum | cut -c1-16)
  rules_date=$(git log -1 --format=%cs -- crates/baofei-rules/rules 2>/dev/null || true)
  sed -i "s/^var VERSION = 'dev';/var VERSION = '$version';/; s/^var RULES_DATE = '';/var RULES_DATE = '${rules_date:-$(date -u +%F)}';/" "$sw"
fi
