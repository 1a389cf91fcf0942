#!/usr/bin/env bash
# Installs everything the build and the tests need, skipping whatever is already present.
# Safe to run repeatedly: a warm run takes a few seconds.
# Each step says why it is needed and what it installs (measured on this kind of machine).
set -euo pipefail
cd "$(dirname "$0")/.."

# Versions pinned in one place. WASM_BINDGEN must equal the `wasm-bindgen` crate pinned in Cargo.toml
# (`=0.2.X`), because Trunk and wasm-bindgen-test-runner refuse a mismatched CLI.
WASM_BINDGEN_VERSION="${WASM_BINDGEN_VERSION:-0.2.130}"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
ESBUILD_VERSION="0.25.12"

. "$(dirname "$0")/env.sh"

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

# 1. The wasm32 standard library.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# 2. Chromium and ChromeDriver from Debian (matched major versions).
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing chromium and chromium-driver (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# 2b. The other two engines the end-to-end suite runs in (issue 28 point 4), from Debian, no browser
#     download: Firefox ESR (driven by the pinned playwright-core over WebDriver BiDi) and WebKitGTK's
#     WebDriver (WebKitWebDriver, with MiniBrowser) under a virtual display (xvfb-run). WebKitGTK takes
#     the page language from the process locale, so zh_CN.UTF-8 is generated: our users' browsers speak
#     Chinese. WebKitWebDriver has no Print Page, so the print test prints through WebKitGTK's own print
#     operation from Python (python3-gi, gir1.2-webkit2-4.1) and reads the PDF with poppler-utils.
#     Measured: about 1 minute, 250 MB.
if ! command -v firefox-esr >/dev/null || ! command -v WebKitWebDriver >/dev/null || ! command -v xvfb-run >/dev/null \
  || ! command -v xauth >/dev/null || ! command -v locale-gen >/dev/null || ! command -v pdfinfo >/dev/null \
  || ! /usr/bin/python3 -c 'import gi; gi.require_version("WebKit2", "4.1")' 2>/dev/null; then
  log "installing firefox-esr, webkit2gtk-driver, xvfb, xauth, locales, python3-gi, gir1.2-webkit2-4.1, poppler-utils (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    firefox-esr webkit2gtk-driver xvfb xauth locales python3-gi gir1.2-webkit2-4.1 poppler-utils >/dev/null
fi
# 2c. A Chinese font. Every phone our users hold has one; a fresh Debian machine has none, and then
#     WebKitGTK prints Chinese as boxes at other widths (the print test's line check failed, and one CI
#     machine's first print stalled). Screenshots need it too (developers' guide). About 60 MB.
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  log "installing fonts-noto-cjk (apt): WebKit prints and screenshots in Chinese"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends fonts-noto-cjk fontconfig >/dev/null
fi
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
  log "generating the zh_CN.UTF-8 locale (WebKitGTK's page language)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi

# 3. A wasm-opt that understands what current rustc emits (Debian's binaryen 108 does not), and esbuild,
#    to minify wasm-bindgen's JS glue in release builds (Trunk's own minifier breaks it). Both generate
#    shipped code, so they come from a committed lockfile with `npm ci` (integrity-checked, the same
#    dependency tree on every machine; security review N12), installed into the tools directory.
if ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version 2>/dev/null | grep -q "version_${BINARYEN_VERSION%%.*}" \
  || ! "$TOOLS_DIR/node_modules/.bin/esbuild" --version 2>/dev/null | grep -qx "$ESBUILD_VERSION"; then
  log "installing binaryen@$BINARYEN_VERSION and esbuild@$ESBUILD_VERSION (npm ci, scripts/tools/package-lock.json) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  cp scripts/tools/package.json scripts/tools/package-lock.json "$TOOLS_DIR/"
  (cd "$TOOLS_DIR" && npm ci --no-audit --no-fund --silent)
fi

# 4. wasm-bindgen CLI at exactly the crate's version (also provides wasm-bindgen-test-runner).
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$\| $WASM_BINDGEN_VERSION "; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 10 minutes)"
  # Not --locked: its lockfile pins a dependency version the registry mirror lacks (toolchain.md).
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# 5. Trunk (0.22 needs a newer rustc than this machine has).
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 15-25 minutes)"
  cargo install -q trunk --version "$TRUNK_VERSION" --locked
fi

# 6. playwright-core for the end-to-end tests (drives Debian's Chromium; downloads no browser),
#    @axe-core/playwright for the accessibility checks, typescript (tsc --strict on a consumer of
#    the package's types) and vite (a bundle of the installed package), exactly as package-lock.json pins them.
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/@axe-core/playwright ] || [ ! -d tests/e2e/node_modules/typescript ] || [ ! -d tests/e2e/node_modules/vite ]; then
  log "installing playwright-core, @axe-core/playwright, typescript and vite (npm) for the end-to-end tests"
  # `npm ci`: installs exactly the lock and never rewrites it (a fresh machine's `npm install` added
  # 321 lines of other platforms' optional rollup builds to it, leaving a clean clone dirty; issue 26
  # item 7). The lock now lists them all; npm ci installs only this platform's.
  (cd tests/e2e && npm ci --no-audit --no-fund --silent)
fi

# 7. Crates, so that Trunk's offline build (cargo --offline) finds them.
if [ -f Cargo.lock ]; then
  cargo fetch -q
fi
log "tools ready: $(wasm-bindgen --version), $(trunk --version), wasm-opt $("$TOOLS_DIR/node_modules/.bin/wasm-opt" --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null | head -1), WebKitGTK $(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"
