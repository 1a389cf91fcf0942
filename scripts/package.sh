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
# wasm-bindgen declares `[Symbol.dispose]()` on classes, which a strict TypeScript project compiles only
# with lib `esnext.disposable`; `free()` does the same and is declared beside it.
sed -i '/\[Symbol\.dispose\]/d' "$out/baofei.d.ts"
# Integrator review m12, in the declarations wasm-bindgen writes: the init functions name DOM and
# WebAssembly types (RequestInfo, Response, BufferSource), so a Node-only project (lib ES2022, no DOM)
# failed to compile them; the file now brings the DOM library itself. `isBaofeiError` was declared twice
# (the guard above, and wasm-bindgen's `boolean`); `InitOutput` listed the module's internals (the raw
# exports and the glue's allocator), now only its memory. Each edit is checked, as for the glue.
perl -0pi -e '
  s/\A/\/\/\/ <reference lib="dom" \/>\n/;
  s/\/\*\*(?:(?!\*\/).)*?\*\/\nexport function isBaofeiError\(e: any\): boolean;\n\n?//s or die "d.ts: no second isBaofeiError\n";
  s/export interface InitOutput \{\n.*?\n\}/export interface InitOutput {\n    \/** The module\x27s memory; the rest of what init() returns is internal. *\/\n    readonly memory: WebAssembly.Memory;\n}/s or die "d.ts: no InitOutput\n";
' "$out/baofei.d.ts"
# A call before init() (integrator review m14: "Cannot read properties of undefined (reading 'quote')")
# says what to do: until the wasm is loaded, the glue's `wasm` is a stand-in that throws a plain sentence
# on any use, and isBaofeiError answers false (nothing can have thrown a BaofeiError yet). Each edit is
# checked: a wasm-bindgen whose glue reads differently stops the build here instead of shipping without it.
perl -0pi -e '
  s/^let wasmModule, wasmInstance, wasm;$/let wasmModule, wasmInstance, wasm = notLoaded();\nfunction notLoaded() {\n    return new Proxy({}, { get(_, name) {\n        throw new Error(`baofei: the wasm is not loaded yet: await init() (the default export) before calling the API (used: \${String(name)}). In Node the package loads it on import.`);\n    } });\n}\nconst NOT_LOADED = wasm;/m or die "glue: no wasm declaration\n";
  (s/if \(wasm !== undefined\) return wasm;/if (wasm !== NOT_LOADED) return wasm;/g) == 2 or die "glue: init checks\n";
  s/(export function isBaofeiError\(e\) \{\n)/$1    if (wasm === NOT_LOADED) return false;\n/ or die "glue: no isBaofeiError\n";
' "$out/baofei.js"
# The iframe page loads start.js (integrator review 1: without it the iframe mode and share links
# from the package were blank) and, through it, the page's own wasm (baofei-page).
cp -r dist/baofei-web.js dist/baofei-web_bg.wasm dist/baofei-page.js dist/baofei-page_bg.wasm dist/baofei-first.js dist/baofei-first_bg.wasm dist/frame-en.html dist/baofei-web.compat* dist/baofei-page.compat* dist/styles.css dist/index.html dist/start.js dist/prepaint.js dist/watchdog.js dist/og.png dist/favicon.ico dist/embed "$out/widget/"
# The rules page the standalone page links to ("本地区当日有效的全部规定", integrator review m9: it was a 404 in the
# package), with its script; like index.html, without the site's service worker.
cp dist/rules.html dist/rules.js "$out/widget/"
sed -i '/src="offline.js"/d' "$out/widget/rules.html"
# The site's service worker is the site's own: a host's copy of the widget never registers one.
sed -i '/Offline after the first visit/d; /src="offline.js"/d' "$out/widget/index.html"
# Subresource-integrity hashes of what the element loads, for configure({ integrity }) and import maps
# (security review N11): a host that pins the version pins its code.
sri() { echo "sha384-$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
cat > "$out/widget/integrity.json" <<JSON
{
  "wasm": "$(sri "$out/widget/baofei-web_bg.wasm")",
  "css": "$(sri "$out/widget/styles.css")",
  "baofei-web.js": "$(sri "$out/widget/baofei-web.js")",
  "embed/baofei-embed.js": "$(sri "$out/widget/embed/baofei-embed.js")"
}
JSON
cp docs/PACKAGE.md "$out/README.md"
# The package's copies of the guides name only what the package holds (issue 30 m11): the spans between
# <!-- repo --> and <!-- /repo --> describe the repository and the site and are left out, the
# <!-- package: … --> lines are uncommented, and the remaining comments dropped.
for doc in EMBEDDING.md pack-format.md; do
  perl -0pe 's/^<!-- repo -->\n.*?^<!-- \/repo -->\n//gms; s/<!-- repo -->.*?<!-- \/repo -->//gs; s/<!-- package: (.*?) -->/$1/gs; s/^<!--.*?-->\n//gms; s/<!--.*?-->//gs' \
    "docs/$doc" > "$out/$doc"
done
# The pack format as JSON Schema (issue 30 M8), generated from the engine's readers (`baofei pack schema`;
# a CLI test keeps docs/ in step): an insurer's editor or CI can check a pack before `validatePack`.
cp docs/pack.schema.json "$out/pack.schema.json"
cp LICENSE-MIT LICENSE-APACHE CHANGELOG.md "$out/"
# Node: Node's fetch cannot read file: URLs, so the node entry reads the wasm from disk and initialises
# synchronously; `import { quote } from 'baofei'` then works with no init call (integrator review 6).
cat > "$out/node.js" <<'JS'
// Node entry of the baofei package (the "node" export condition): the wasm is read from disk and
// initialised on import, so no init() call is needed. Same functions as the browser entry.
import { readFileSync } from 'node:fs';
import { initSync } from './baofei.js';
// A server bundler that takes the package in (Next.js's Turbopack in a server component or route handler) turns
// this URL into a web path, and the wasm is not there: say what to do rather than "Invalid URL" (found by
// examples/next, issue 30 item 1; docs/PACKAGE.md).
let bytes;
try {
  bytes = readFileSync(new URL('./baofei_bg.wasm', import.meta.url));
} catch (e) {
  throw new Error(`baofei: its wasm could not be read beside its Node entry (${e.message}). A bundler moved the package into its own output: keep it external (Next.js: serverExternalPackages: ['baofei'] in next.config; esbuild: --loader:.wasm=file or --external:baofei).`);
}
const exports = initSync({ module: bytes });
export * from './baofei.js';
// The browser entry's default export is its async init; the guide's `import init, { quote } from
// 'baofei'` then works here too (integrator review 2026-12, M3): already initialised, it resolves at once.
export default async function init() { return exports; }
JS
cat > "$out/package.json" <<JSON
{
  "name": "baofei",
  "version": "$version",
  "description": "Premium estimates for China's work-safety (安责险) and environmental pollution (环责险) liability insurance: JS API and embeddable widget (WebAssembly).",
  "license": "MIT OR Apache-2.0",
  "author": "The Baofei team",
  "keywords": ["安责险", "环责险", "insurance", "premium", "china", "webassembly"],
  "engines": { "node": ">=20.19" },
  "type": "module",
  "main": "./baofei.js",
  "types": "./baofei.d.ts",
  "exports": {
    ".": { "types": "./baofei.d.ts", "node": "./node.js", "default": "./baofei.js" },
    "./baofei_bg.wasm": { "types": "./widget/embed/asset.d.ts", "default": "./baofei_bg.wasm" },
    "./package.json": "./package.json",
    "./pack.schema.json": "./pack.schema.json",
    "./widget": { "types": "./widget/embed/baofei-embed.d.ts", "default": "./widget/embed/baofei-embed.js" },
    "./iframe": { "types": "./widget/embed/baofei-iframe.d.ts", "default": "./widget/embed/baofei-iframe.js" },
    "./jsx": { "types": "./widget/embed/baofei-jsx.d.ts", "default": "./widget/embed/baofei-jsx.js" },
    "./vue": { "types": "./widget/embed/baofei-vue.d.ts", "default": "./widget/embed/baofei-vue.js" },
    "./widget/*.wasm": { "types": "./widget/embed/asset.d.ts", "default": "./widget/*.wasm" },
    "./widget/*.css": { "types": "./widget/embed/asset.d.ts", "default": "./widget/*.css" },
    "./widget/*": "./widget/*"
  },
  "files": ["baofei.js", "baofei.d.ts", "baofei_bg.wasm", "baofei_bg.wasm.d.ts", "node.js", "widget", "pack.schema.json", "README.md", "EMBEDDING.md", "pack-format.md", "CHANGELOG.md", "LICENSE-MIT", "LICENSE-APACHE"],
  "sideEffects": ["./node.js", "./widget/embed/baofei-embed.js"]
}
JSON
(cd "$out" && npm pack --silent >/dev/null)
echo "package: $out/ ($(ls "$out"/*.tgz)); api wasm $(wc -c < "$out/baofei_bg.wasm") bytes"
