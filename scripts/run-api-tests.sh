#!/bin/bash
# run-api-tests.sh - the black-box API tests (tests/api/*.test.mjs) against a
# real build/xianfeng, once on SQLite and once on PostgreSQL.
#
#   scripts/run-api-tests.sh [FILE...]    default: every tests/api/*.test.mjs
#
# Environment:
#   XF_API_JOBS  how many runs go at once (default 2)
#   XF_BIN       the server binary (default build/xianfeng; run make first)
#   XF_CLOCK_BIN the binary of the clock runs (default XF_BIN; make test
#                under sanitizers gives a plain build: those runs test dates)
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
# The node test runner's TAP output is shown with its summary lines (# pass N,
# # fail N); the script ends with one line per run:
#   api (sqlite): N passed, N failed
# and exits non-zero if any run failed.
set -u
cd "$(dirname "$0")/.." || exit 2

export XF_BIN=${XF_BIN:-$PWD/build/xianfeng}
CLOCK_BIN=${XF_CLOCK_BIN:-$XF_BIN}
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

# Every run (SQLite, PostgreSQL, SQLite at each clock) writes its TAP output
# to its own file.
work=$(mktemp -d "${TMPDIR:-/tmp}/xf-api.XXXXXX") || exit 2
# shellcheck disable=SC2317 # called through trap
cleanup() {
	jobs -pr | xargs -r kill 2>/dev/null
	wait
	# the PostgreSQL run records its server's directory while it runs
	if [ -s "$work/pgdir" ]; then
		scripts/pg-test.sh stop "$(cat "$work/pgdir")" || echo "run-api-tests: could not stop PostgreSQL" >&2
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Sums the numbers of the TAP summary lines "# pass N" / "# fail N" in FILE.
tap_count() {
	awk -v k="$1" '$1 == "#" && $2 == k && $3 ~ /^[0-9]+$/ { s += $3 } END { print s + 0 }' "$2"
}

# run_sqlite OUT [CLOCK]: every file in one node run on SQLite, the servers'
# clock at CLOCK if given; returns node's exit status.
# shellcheck disable=SC2317 # called through the table of runs below
run_sqlite() {
	local clock=()
	[ -n "${2:-}" ] && clock=("XF_CLOCK=$2" "XF_BIN=$CLOCK_BIN")
	env -u XF_TEST_PG "${clock[@]}" "${NODE_TEST[@]}" "${files[@]}" >>"$1" 2>&1
}

# run_postgres OUT: a throwaway PostgreSQL server and, for isolation, one
# freshly created database per test file (t_1, t_2, ...) passed as XF_TEST_PG.
# shellcheck disable=SC2317 # called through the table of runs below
run_postgres() {
	local pgdir conninfo conn n=0 rc=0 f
	pgdir=$(mktemp -d "${TMPDIR:-/tmp}/xf-pg.XXXXXX") || return 2
	echo "$pgdir" >"$work/pgdir"
	if ! conninfo=$(scripts/pg-test.sh start "$pgdir" 2>>"$1"); then
		echo "run-api-tests: could not start PostgreSQL" >>"$1"
		rm -rf "$pgdir"
		return 1
	fi
	conn=$(printf '%s\n' "$conninfo" | sed -E 's/(^| )dbname=[^ ]*//')
	for f in "${files[@]}"; do
		n=$((n + 1))
		if ! "$PG_BIN/psql" "$conninfo" -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE t_$n" >/dev/null 2>>"$1"; then
			echo "run-api-tests: CREATE DATABASE t_$n failed" >>"$1"
			rc=1
			continue
		fi
		echo "-- $f (database t_$n)" >>"$1"
		XF_TEST_PG="$conn dbname=t_$n" "${NODE_TEST[@]}" "$f" >>"$1" 2>&1 || rc=1
	done
	: >"$work/pgdir"
	scripts/pg-test.sh stop "$pgdir" 2>>"$1" || echo "run-api-tests: could not stop PostgreSQL" >>"$1"
	return "$rc"
}

labels=()
cmds=()
for db in $DBS; do
	case $db in
	sqlite) labels+=("sqlite"); cmds+=("run_sqlite") ;;
	postgres) labels+=("postgres"); cmds+=("run_postgres") ;;
	*)
		echo "run-api-tests: unknown backend $db (use sqlite or postgres)" >&2
		exit 2
		;;
	esac
done
CLOCKS=${XF_API_CLOCKS:-}
[ "$CLOCKS" = edges ] && CLOCKS=$(scripts/clock-edges.sh)
for clock in $CLOCKS; do
	labels+=("sqlite, clock $clock")
	cmds+=("run_sqlite@$clock")
done

# All runs go XF_API_JOBS at a time (each file of a run has its own server
# and database, so runs share nothing); a line tells when each ends, and
# their output is shown whole, run by run, when all are done.
JOBS=${XF_API_JOBS:-2}
for i in "${!cmds[@]}"; do
	cmd=${cmds[$i]}
	clock=""
	[ "$cmd" != "${cmd#*@}" ] && clock=${cmd#*@}
	while [ "$(jobs -pr | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
	: >"$work/$i.out"
	echo "== API tests: ${labels[$i]} started"
	(
		"${cmd%@*}" "$work/$i.out" "$clock"
		echo $? >"$work/$i.rc"
		echo "== API tests: ${labels[$i]} ended: $(tap_count pass "$work/$i.out") passed, $(tap_count fail "$work/$i.out") failed"
	) &
done
wait

status=0
summaries=()
for i in "${!cmds[@]}"; do
	f="$work/$i.out"
	echo "== API tests: ${labels[$i]}"
	cat "$f"
	pass=$(tap_count pass "$f")
	fail=$(tap_count fail "$f")
	rc=$(cat "$work/$i.rc" 2>/dev/null || echo 1)
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1 # node failed without a test failing (e.g. a crash before the summary)
	fi
	[ "$rc" -eq 0 ] && [ "$fail" -eq 0 ] || status=1
	summaries+=("api (${labels[$i]}): $pass passed, $fail failed")
done
for s in "${summaries[@]}"; do echo "$s"; done
exit $status
