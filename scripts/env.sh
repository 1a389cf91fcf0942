# Sourced by the scripts: puts the project's tools on PATH and keeps one target directory.
TOOLS_DIR="${BAOFEI_TOOLS:-$HOME/.cache/baofei-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# One target directory shared by every clone on this machine, so a fresh clone (as CI makes) reuses
# earlier builds: a cold wasm + native build takes minutes, a warm one seconds. Override freely.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/baofei-target}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
