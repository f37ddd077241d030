#!/bin/sh
# Browser tests of the web UI (tests/e2e, node's test runner) with Debian's
# Chromium through playwright-core, against build/xianfeng (or $XF_BIN).
# Installs the web dependencies and builds the UI when they are missing.
# XF_E2E_JOBS test files run at once (default 2: each has its own server and
# browser, and mostly waits); the clock runs use XF_CLOCK_BIN if set (make
# test under sanitizers gives a plain build: those runs test dates).
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
jobs=${XF_E2E_JOBS:-2}
node --test --test-concurrency="$jobs" tests/e2e/ || status=1
# The pages that read dates (the task chart, the quarterly board) again with
# the clock of the server and of the browser at the year and quarter edges
# (XF_E2E_CLOCKS: ISO times, or "edges"; empty skips these runs). At a clock
# just after midnight, every test that builds dates from the server's clock
# runs too: "an hour ago" is then yesterday.
clocks=${XF_E2E_CLOCKS:-}
[ "$clocks" = edges ] && clocks=$(scripts/clock-edges.sh)
dated="tests/e2e/tasks.test.mjs tests/e2e/modules.test.mjs"
for clock in $clocks; do
	files=$dated
	case $clock in
	*T00:*) files=$( (for f in $dated; do echo "$f"; done; grep -l 'serverNow\|todayShanghai' tests/e2e/*.test.mjs) | sort -u | tr '\n' ' ') ;;
	esac
	echo "== browser tests of dated pages, the clock at $clock"
	# shellcheck disable=SC2086 # a list of file names without spaces
	XF_CLOCK=$clock XF_BIN=${XF_CLOCK_BIN:-${XF_BIN:-build/xianfeng}} \
		node --test --test-concurrency="$jobs" $files || status=1
done
exit $status
