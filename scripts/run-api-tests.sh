#!/bin/bash
# run-api-tests.sh - the black-box API tests (tests/api/*.test.mjs) against a
# real build/xianfeng, once on SQLite and once on PostgreSQL.
#
#   scripts/run-api-tests.sh [FILE...]    default: every tests/api/*.test.mjs
#
# Environment:
#   XF_BIN       the server binary (default build/xianfeng; run make first)
#   XF_API_DBS   which backends, default "sqlite postgres"
#   PG_BIN       PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
#   XF_API_CLOCKS  after those runs, one more SQLite run per clock, with the
#                servers' clock moved there by libfaketime (tests/api/harness.mjs,
#                XF_CLOCK): a list of ISO times, or "edges" for the year and
#                quarter edges of scripts/clock-edges.sh
#
# SQLite: one `node --test` run over all files; every file starts its own
# server on a fresh database in a temp directory.
# PostgreSQL: a throwaway server from scripts/pg-test.sh (always stopped at
# the end), and for isolation one freshly created database per test file
# (t_1, t_2, ...), passed to the tests as XF_TEST_PG.
#
# The node test runner's TAP output is shown as it comes, with its summary
# lines (# pass N, # fail N); the script ends with one line per backend:
#   api (sqlite): N passed, N failed
# and exits non-zero if any run failed.
set -u
cd "$(dirname "$0")/.." || exit 2

export XF_BIN=${XF_BIN:-$PWD/build/xianfeng}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DBS=${XF_API_DBS:-sqlite postgres}
NODE_TEST=(node --test --test-concurrency=1 --test-reporter=tap --test-timeout=600000)

if [ $# -gt 0 ]; then
	files=("$@")
else
	files=(tests/api/*.test.mjs)
fi
[ -e "${files[0]}" ] || { echo "run-api-tests: no test files" >&2; exit 2; }
[ -x "$XF_BIN" ] || { echo "run-api-tests: $XF_BIN is missing: run make first" >&2; exit 2; }
command -v node >/dev/null || { echo "run-api-tests: node is not installed" >&2; exit 2; }

out=$(mktemp "${TMPDIR:-/tmp}/xf-api.XXXXXX") || exit 2
pgdir=""
# shellcheck disable=SC2317 # called through trap
cleanup() {
	rm -f "$out"
	if [ -n "$pgdir" ]; then
		scripts/pg-test.sh stop "$pgdir" || echo "run-api-tests: could not stop PostgreSQL in $pgdir" >&2
		pgdir=""
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

status=0
summaries=()

# Sums the numbers of the TAP summary lines "# pass N" / "# fail N" in $out.
tap_count() {
	awk -v k="$1" '$1 == "#" && $2 == k && $3 ~ /^[0-9]+$/ { s += $3 } END { print s + 0 }' "$out"
}

# summarize LABEL: adds the summary line of the run in $out (with
# $failed_runs) and sets status on failure.
summarize() {
	local pass fail
	pass=$(tap_count pass)
	fail=$(tap_count fail)
	if [ "$failed_runs" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1 # node failed without a test failing (e.g. a crash before the summary)
	fi
	[ "$failed_runs" -eq 0 ] && [ "$fail" -eq 0 ] || status=1
	summaries+=("api ($1): $pass passed, $fail failed")
}

# run_tests ENV_ASSIGNMENT... -- FILE...: runs node --test, appending the
# output to $out and showing it; returns node's exit status.
run_tests() {
	local env=()
	while [ "$1" != "--" ]; do env+=("$1"); shift; done
	shift
	env "${env[@]}" "${NODE_TEST[@]}" "$@" 2>&1 | tee -a "$out"
	return "${PIPESTATUS[0]}"
}

for db in $DBS; do
	: >"$out"
	failed_runs=0
	case $db in
	sqlite)
		echo "== API tests on SQLite"
		run_tests -u XF_TEST_PG -- "${files[@]}" || failed_runs=1
		;;
	postgres)
		echo "== API tests on PostgreSQL"
		pgdir=$(mktemp -d "${TMPDIR:-/tmp}/xf-pg.XXXXXX") || exit 2
		if ! conninfo=$(scripts/pg-test.sh start "$pgdir"); then
			echo "run-api-tests: could not start PostgreSQL" >&2
			rm -rf "$pgdir"
			pgdir=""
			status=1
			summaries+=("api (postgres): not run, PostgreSQL did not start")
			continue
		fi
		n=0
		for f in "${files[@]}"; do
			n=$((n + 1))
			dbname="t_$n"
			if ! "$PG_BIN/psql" "$conninfo" -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE $dbname" >/dev/null; then
				echo "run-api-tests: CREATE DATABASE $dbname failed" >&2
				failed_runs=1
				echo "# fail 1" >>"$out"
				continue
			fi
			# Same conninfo, other database.
			conn=$(printf '%s\n' "$conninfo" | sed -E 's/(^| )dbname=[^ ]*//')
			conn="$conn dbname=$dbname"
			echo "-- $f (database $dbname)"
			run_tests "XF_TEST_PG=$conn" -- "$f" || failed_runs=1
		done
		scripts/pg-test.sh stop "$pgdir" || echo "run-api-tests: could not stop PostgreSQL" >&2
		pgdir=""
		;;
	*)
		echo "run-api-tests: unknown backend $db (use sqlite or postgres)" >&2
		exit 2
		;;
	esac
	summarize "$db"
done

# The clock runs go two at a time (each file has its own server and
# database; a run waits on its servers more than it computes); each run's
# output is shown whole when it ends.
CLOCKS=${XF_API_CLOCKS:-}
[ "$CLOCKS" = edges ] && CLOCKS=$(scripts/clock-edges.sh)
JOBS=${XF_API_CLOCK_JOBS:-2}
n=0
for clock in $CLOCKS; do
	n=$((n + 1))
	while [ "$(jobs -pr | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
	(
		env -u XF_TEST_PG "XF_CLOCK=$clock" "${NODE_TEST[@]}" "${files[@]}" >"$out.$n" 2>&1
		echo $? >"$out.$n.rc"
	) &
done
wait
n=0
for clock in $CLOCKS; do
	n=$((n + 1))
	echo "== API tests on SQLite, the clock at $clock"
	cat "$out.$n"
	cp "$out.$n" "$out"
	failed_runs=$(cat "$out.$n.rc" 2>/dev/null || echo 1)
	[ "$failed_runs" -eq 0 ] || failed_runs=1
	rm -f "$out.$n" "$out.$n.rc"
	summarize "sqlite, clock $clock"
done

for s in "${summaries[@]}"; do echo "$s"; done
exit $status
