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
# The page's own scripts and the comments in its <head> (issue 31): their comments say why each line
# exists, and a phone on a link downloads them all in the first look's window (start.js 5.5 -> 2.8 KB gzip,
# prepaint.js 2.6 -> 1.0, watchdog.js 2.1 -> 1.1, the page's head 1.4 KB). Each keeps the syntax its
# browsers parse: watchdog.js is ES5 (it speaks to engines that run nothing else), prepaint.js a classic
# script of the engines whose first paint it hides, start.js and offline.js modules.
for script in watchdog:es5 prepaint:es2015 start:es2020 offline:es2020; do
  js="$TRUNK_STAGING_DIR/${script%%:*}.js"
  [ -e "$js" ] || continue
  # (Top-level await only passes through: the benchmark's empty app's start.js uses it.)
  esbuild "$js" --minify --target="${script##*:}" --supported:top-level-await=true --log-level=warning --outfile="$js.min"
  mv "$js.min" "$js"
done
if [ -e "$TRUNK_STAGING_DIR/index.html" ]; then
  perl -0pi -e 's{(<head>.*?</head>)}{ my $h = $1; $h =~ s/\n?[ \t]*<!--.*?-->//gs; $h }se' "$TRUNK_STAGING_DIR/index.html"
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
