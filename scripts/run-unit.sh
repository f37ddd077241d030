#!/bin/sh
# run-unit.sh - runs each cmocka unit-test binary given as an argument,
# shows its output, and ends with one summary line:
#   unit: N passed, N failed
# counting test cases from cmocka's "[  PASSED  ] N test(s)." and
# "[  FAILED  ] N test(s)" lines. Exits non-zero if any binary failed
# (a non-zero exit, a crash, or failed test cases).
set -u

passed=0
failed=0
bad=0
out=$(mktemp "${TMPDIR:-/tmp}/xf-unit.XXXXXX") || exit 2
err=$(mktemp "${TMPDIR:-/tmp}/xf-unit.XXXXXX") || exit 2
trap 'rm -f "$out" "$err"' EXIT
trap 'exit 130' INT TERM

for bin in "$@"; do
	echo "== $bin"
	# cmocka writes progress to stdout (buffered) and the summary and
	# failure details to stderr; keep them apart so neither is garbled.
	"$bin" >"$out" 2>"$err"
	rc=$?
	cat "$out"
	cat "$err"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' "$err" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$err" | tail -n 1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" -ne 0 ]; then
		bad=1
		# A crash before cmocka's summary still counts as a failure.
		if [ -z "$f" ]; then
			failed=$((failed + 1))
			echo "$bin: exited with status $rc"
		fi
	fi
done

echo "unit: $passed passed, $failed failed"
[ "$bad" -eq 0 ] && [ "$failed" -eq 0 ]
