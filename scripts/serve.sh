#!/usr/bin/env bash
# Sets up (first run only) and serves the widget on http://127.0.0.1:8080 with live reload.
#   scripts/serve.sh            debug build
#   scripts/serve.sh --release  the size-tuned release build (what is deployed)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
# --no-autoreload: Trunk's live-reload script is inline, and every page ships a CSP that forbids inline
# script (security review F7). Trunk still rebuilds on change; reload the page to see it.
exec trunk serve --no-autoreload "$@"
