#!/bin/sh
# Browser tests of the web UI (tests/e2e, node's test runner) with Debian's
# Chromium through playwright-core, against build/xianfeng (or $XF_BIN).
# Installs the web dependencies and builds the UI when they are missing.
set -eu
status=0
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
	echo "run-e2e: /usr/bin/chromium missing (Debian package chromium)" >&2
	exit 1
fi
[ -d web/node_modules ] || (cd web && npm ci --no-audit --no-fund --loglevel=error)
[ -f web/dist/index.html ] || (cd web && npm run build)
[ -x "${XF_BIN:-build/xianfeng}" ] || make
node --test --test-concurrency=1 tests/e2e/ || status=1
# The pages that read dates (the task chart, the quarterly board) again with
# the clock of the server and of the browser at the year and quarter edges
# (XF_E2E_CLOCKS: ISO times, or "edges"; empty skips these runs).
clocks=${XF_E2E_CLOCKS:-}
[ "$clocks" = edges ] && clocks=$(scripts/clock-edges.sh)
for clock in $clocks; do
	echo "== browser tests of dated pages, the clock at $clock"
	XF_CLOCK=$clock node --test --test-concurrency=1 tests/e2e/tasks.test.mjs tests/e2e/modules.test.mjs || status=1
done
exit $status
