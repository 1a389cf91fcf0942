#!/usr/bin/env bash
# Trunk post-build hook (Trunk.toml): in release builds, minify the stylesheet and each wasm-bindgen JS
# glue file in the staging directory with esbuild (Trunk's own JS minifier breaks wasm-bindgen output, trunk #1044).
# Exports keep their names, so pages and embed scripts that import the glue are unaffected; the
# subresource-integrity hashes Trunk wrote into the pages are replaced with the minified file's.
# Measured: 43 KB -> 19 KB raw, 8.1 -> 6.0 KB gzip (docs/size-steps.md).
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
. "$(dirname "$0")/env.sh"
if ! command -v esbuild >/dev/null; then
  echo "minify-glue: esbuild not found; run scripts/setup.sh" >&2
  exit 1
fi
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | openssl base64 -A)"; }
# The stylesheet too: its comments say why each rule exists, and a phone need not download them
# (index.html links it with an integrity hash, rewritten like the glue's).
css="$TRUNK_STAGING_DIR/styles.css"
if [ -e "$css" ]; then
  old=$(sri "$css")
  # The browsers that run the wasm at all: esbuild would otherwise write newer syntax (8-digit hex
  # colours for rgba) than the oldest of them reads.
  esbuild "$css" --minify --target=chrome57,firefox52,safari11 --log-level=warning --outfile="$css.min.css"
  mv "$css.min.css" "$css"
  new=$(sri "$css")
  for html in "$TRUNK_STAGING_DIR"/*.html; do
    sed -i "s|$old|$new|g" "$html"
  done
fi
for wasm in "$TRUNK_STAGING_DIR"/*_bg.wasm; do
  [ -e "$wasm" ] || continue
  case "$wasm" in *.compat_bg.wasm) continue ;; esac
  js="${wasm%_bg.wasm}.js"
  old=$(sri "$js")
  esbuild "$js" --minify --format=esm --log-level=warning --outfile="$js.min"
  mv "$js.min" "$js"
  new=$(sri "$js")
  for html in "$TRUNK_STAGING_DIR"/*.html; do
    sed -i "s|$old|$new|g" "$html"
  done
done
