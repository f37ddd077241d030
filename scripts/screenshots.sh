#!/bin/sh
# Screenshots of every page of the web UI at 1440 px and 390 px wide into
# screenshots/ (git-ignored), taken with Debian's Chromium against a real
# server with the demo city. Builds what is missing first.
set -eu
cd "$(dirname "$0")/.."
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
[ -f web/dist/index.html ] || (cd web && npm run build)
[ -x "${XF_BIN:-build/xianfeng}" ] || make
exec node tests/e2e/screenshots.mjs
