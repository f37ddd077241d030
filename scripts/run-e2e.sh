#!/bin/sh
# Browser tests of the web UI (tests/e2e, node's test runner) with Debian's
# Chromium through playwright-core, against build/xianfeng (or $XF_BIN).
# Installs the web dependencies and builds the UI when they are missing.
set -eu
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
	echo "run-e2e: /usr/bin/chromium missing (Debian package chromium)" >&2
	exit 1
fi
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
[ -f web/dist/index.html ] || (cd web && npm run build)
[ -x "${XF_BIN:-build/xianfeng}" ] || make
exec node --test --test-concurrency=1 tests/e2e/
