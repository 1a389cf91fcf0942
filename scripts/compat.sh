#!/usr/bin/env bash
# The compatibility build of one wasm bin (issue 28 point 1), for engines the release build cannot run in:
#   <bin>.compat_bg.wasm   the same Rust with no post-MVP wasm feature (Chromium 86-95 on a host page that
#                          lets it compile wasm; binaryen validates it with --mvp-features)
#   <bin>.compat.asm.js    that module turned into JavaScript by binaryen's wasm2js, for engines whose page
#                          policy refuses every wasm compile (Chrome < 97 and Safari < 16 do not know
#                          'wasm-unsafe-eval', so the site's own CSP refuses wasm there; no 'unsafe-eval' is
#                          ever needed: wasm2js emits plain functions)
#   <bin>.compat.js        wasm-bindgen's glue for them, with two changes (below)
# Modern engines never download these: start.js and embed/baofei-embed.js probe the engine first.
# Usage: scripts/compat.sh OUT_DIR BIN [cargo feature flags...]   (release profile only)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out=$1 bin=$2
shift 2
# Its own target directory: other RUSTFLAGS in the shared one would rebuild everything both ways.
target="$CARGO_TARGET_DIR/compat"
# target-cpu=mvp turns off every feature past MVP in our own code and its dependencies. The standard
# library comes precompiled with rustc's defaults (sign-ext, bulk memory, non-trapping float-to-int,
# reference types, multivalue), and the linker announces those in the target_features section:
RUSTFLAGS="-C target-cpu=mvp" cargo build -q --release --target wasm32-unknown-unknown -p baofei-web \
  --bin "$bin" "$@" --target-dir "$target"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# ...so the section is stripped: wasm-bindgen then sees no reference types and writes glue that keeps JS
# values in a JS array (no externref table), and no multivalue returns.
wasm-opt "$target/wasm32-unknown-unknown/release/$bin.wasm" --strip-target-features -o "$tmp/in.wasm"
wasm-bindgen --target web --no-typescript --out-dir "$tmp" --out-name "$bin" "$tmp/in.wasm"
# What std still uses is lowered to MVP code: sign extension, memory.copy/fill, saturating conversions.
wasm-opt "$tmp/${bin}_bg.wasm" --enable-mutable-globals --enable-sign-ext --enable-bulk-memory \
  --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --signext-lowering --llvm-memory-copy-fill-lowering --llvm-nontrapping-fptoint-lowering -Oz \
  -o "$out/$bin.compat_bg.wasm"
# The proof: the module validates with MVP features only (wasm-opt exits non-zero otherwise).
wasm-opt "$out/$bin.compat_bg.wasm" --mvp-features --metrics >/dev/null
wasm2js "$out/$bin.compat_bg.wasm" --mvp-features -Oz -o "$tmp/asm.js"
node scripts/compat.mjs "$tmp/$bin.js" "$tmp/asm.js" "$out/$bin.compat.js" "$tmp/$bin.compat.asm.js"
# esbuild minifies both for the oldest engines claimed (README: Chromium 86, Safari 15, Firefox 91).
for f in "$out/$bin.compat.js" "$tmp/$bin.compat.asm.js"; do
  esbuild "$f" --minify --format=esm --target=chrome86,safari15,firefox91 --log-level=warning \
    --outfile="$out/$(basename "$f").min"
  mv "$out/$(basename "$f").min" "$out/$(basename "$f")"
done
echo "compat: $bin: wasm $(wc -c < "$out/$bin.compat_bg.wasm") B, js $(wc -c < "$out/$bin.compat.asm.js") B" >&2
