#!/usr/bin/env bash
# Builds the distributable npm package into pkg/ (and pkg/baofei-<version>.tgz):
#   baofei.js + baofei.d.ts + baofei_bg.wasm   the JS/TypeScript API (quote, assess, sectors, packs)
#   widget/                                    the widget: <baofei-quote>, iframe host script, styles
# Also leaves the release site in dist/ (Trunk).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=pkg
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

trunk build --release 2>&1 | tail -n 1
cargo build -q --release --target wasm32-unknown-unknown -p baofei-js --lib
rm -rf "$out" && mkdir -p "$out/widget"
wasm-bindgen --target web --out-dir "$out" --out-name baofei "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/baofei_js.wasm"
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$out/baofei_bg.wasm" -o "$out/baofei_bg.wasm"
cp -r dist/baofei-web.js dist/baofei-web_bg.wasm dist/styles.css dist/index.html dist/embed "$out/widget/"
cp docs/EMBEDDING.md "$out/README.md"
cat > "$out/package.json" <<JSON
{
  "name": "baofei",
  "version": "$version",
  "description": "Premium estimates for China's work-safety (安责险) and environmental pollution (环责险) liability insurance: JS API and embeddable widget (WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./baofei.js",
  "types": "./baofei.d.ts",
  "exports": {
    ".": { "types": "./baofei.d.ts", "default": "./baofei.js" },
    "./widget": "./widget/embed/baofei-embed.js",
    "./iframe": "./widget/embed/baofei-iframe.js",
    "./widget/*": "./widget/*"
  },
  "files": ["baofei.js", "baofei.d.ts", "baofei_bg.wasm", "baofei_bg.wasm.d.ts", "widget", "README.md"],
  "sideEffects": ["./widget/embed/baofei-embed.js"]
}
JSON
(cd "$out" && npm pack --silent >/dev/null)
echo "package: $out/ ($(ls "$out"/*.tgz)); api wasm $(wc -c < "$out/baofei_bg.wasm") bytes"
