#!/bin/sh
# fuzz.sh - build and run the libFuzzer harnesses in tests/fuzz/.
#
#   scripts/fuzz.sh [--merge] [SECONDS] [NAME...]
#
# Builds every tests/fuzz/fuzz_*.c (or only the NAMEs given, e.g. fuzz_jw)
# with clang -fsanitize=fuzzer,address,undefined into build/fuzz/, replays
# tests/fuzz/regress/<name>/* (inputs that once crashed), then fuzzes each
# harness for SECONDS (default 60) starting from tests/fuzz/corpus/<name>/.
# New inputs go to build/fuzz/new/<name>/; with --merge, those that add
# coverage are merged (minimized) into the committed corpus.
#
# A harness names the sources it links and the pkg-config packages it needs
# in its header comment: lines " * sources: src/..." and " * libs: ...";
# a source ending in '/' (src/api/) stands for every .c file in it. Each
# source is compiled once into build/fuzz/obj/ and its object shared by
# every harness that links it (268 compilations instead of 1,138).
# Crash inputs are written to build/fuzz/crashes/. Prints one line per
# harness and "fuzz: N passed, N failed"; exits 1 if any harness failed.
set -u

self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.." || exit 2

merge=0
secs=60
names=""
for arg in "$@"; do
	case "$arg" in
	--merge) merge=1 ;;
	-h | --help)
		sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$self"
		exit 0
		;;
	*[!0-9]*) names="$names ${arg%.c}" ;;
	*) secs=$arg ;;
	esac
done

CC=${FUZZ_CC:-clang}
OUT=build/fuzz
FUZZ_DIR=tests/fuzz

# ---- toolchain -------------------------------------------------------------
# libFuzzer ships with clang's runtime (libclang-rt-*-dev on Debian 12).
have_libfuzzer() {
	command -v "$CC" >/dev/null 2>&1 || return 1
	d=$(mktemp -d) || return 1
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$d/t.c"
	"$CC" -fsanitize=fuzzer,address,undefined "$d/t.c" -o "$d/t" >/dev/null 2>&1
	rc=$?
	rm -rf "$d"
	return $rc
}

if ! have_libfuzzer; then
	echo "fuzz: clang with libFuzzer not found; installing clang and libclang-rt-14-dev" >&2
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	if ! command -v apt-get >/dev/null 2>&1 ||
		! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 ||
		! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			clang libclang-rt-14-dev >&2 ||
		! have_libfuzzer; then
		echo "fuzz: cannot build libFuzzer harnesses: need clang and libclang-rt-14-dev (apt-get install clang libclang-rt-14-dev)" >&2
		echo "fuzz: 0 passed, 1 failed"
		exit 1
	fi
fi

# ---- build -----------------------------------------------------------------
CFLAGS="-std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -g -O1
	-fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
	-fno-sanitize-recover=all -Wall -Wextra -Werror -Wshadow
	-Wstrict-prototypes -Wmissing-prototypes -Wvla -Isrc"

# Header field of a harness: all " * KEY: ..." lines, joined.
field() {
	sed -n "s/^ \* $2:[[:space:]]*//p" "$1" | tr '\n' ' ' | sed 's/ *$//'
}

if [ -z "$names" ]; then
	for f in "$FUZZ_DIR"/fuzz_*.c; do
		[ -e "$f" ] || continue
		n=$(basename "$f" .c)
		names="$names $n"
	done
fi
[ -n "$names" ] || { echo "fuzz: no harnesses in $FUZZ_DIR"; echo "fuzz: 0 passed, 0 failed"; exit 0; }

mkdir -p "$OUT/log" "$OUT/crashes" "$OUT/new"
rm -f "$OUT/log/.failed"

# The sources a harness links (its " * sources:" words, a directory for
# every .c file in it).
sources_of() {
	for w in $(field "$1" sources); do
		case "$w" in
		*/) echo "$w"*.c ;;
		*) echo "$w" ;;
		esac
	done
}

# Every source is compiled once into $OUT/obj/ (the harnesses share most of
# src/), with the include flags of every harness's packages; an object is
# compiled again when its source or a header under src/ is newer, or this
# script. The log of a failed one goes to $OUT/log/obj.build.
all_pkgs=""
all_srcs=""
for n in $names; do
	if [ ! -f "$FUZZ_DIR/$n.c" ]; then
		echo "fuzz: no harness $FUZZ_DIR/$n.c" >&2
		echo "fuzz: 0 passed, 1 failed"
		exit 1
	fi
	all_pkgs="$all_pkgs $(field "$FUZZ_DIR/$n.c" libs)"
	all_srcs="$all_srcs $(sources_of "$FUZZ_DIR/$n.c")"
done
# shellcheck disable=SC2086,SC2046 # lists of words
all_srcs=$(printf '%s\n' $all_srcs | sort -u)
all_cflags=""
if [ -n "${all_pkgs#"${all_pkgs%%[! ]*}"}" ]; then
	# shellcheck disable=SC2086,SC2046 # lists of words
	all_cflags=$(pkg-config --cflags $(printf '%s\n' $all_pkgs | sort -u)) || exit 2
fi
obj_of() {
	echo "$OUT/obj/$(echo "${1%.c}" | tr / _).o"
}
compile_one() {
	o=$(obj_of "$1")
	if [ -f "$o" ] && [ -z "$(find src "$self" -newer "$o" \
		\( -name '*.h' -o -name fuzz.sh -o -path "$1" \) 2>/dev/null | head -1)" ]; then
		return 0
	fi
	# shellcheck disable=SC2086
	$CC $CFLAGS $all_cflags -c -o "$o" "$1" >"$OUT/log/obj-$(basename "$o").build" 2>&1 ||
		{ rm -f "$o"; return 1; }
}
mkdir -p "$OUT/obj"
# Two compilations at a time (the machines have 2 cores).
pids=""
for f in $all_srcs; do
	compile_one "$f" &
	pids="$pids $!:$f"
	# shellcheck disable=SC2086
	set -- $pids
	if [ $# -ge 2 ]; then
		for pf in $pids; do
			wait "${pf%%:*}" || echo "obj:${pf#*:}" >>"$OUT/log/.failed"
		done
		pids=""
	fi
done
for pf in $pids; do
	wait "${pf%%:*}" || echo "obj:${pf#*:}" >>"$OUT/log/.failed"
done

# Links one harness from its file and its sources' objects unless its
# binary is newer than all of them and this script; the log goes to
# $OUT/log/<name>.build.
build_one() {
	n=$1
	src="$FUZZ_DIR/$n.c"
	objs=""
	for f in $(sources_of "$src"); do
		o=$(obj_of "$f")
		if [ ! -f "$o" ]; then
			echo "$f did not compile: see $OUT/log/obj-$(basename "$o").build" >"$OUT/log/$n.build"
			cat "$OUT/log/obj-$(basename "$o").build" >>"$OUT/log/$n.build" 2>/dev/null
			return 1
		fi
		objs="$objs $o"
	done
	# shellcheck disable=SC2086 # a list of object files
	if [ -x "$OUT/$n" ] && [ -z "$(find $objs "$src" "$self" -newer "$OUT/$n" 2>/dev/null | head -1)" ]; then
		return 0
	fi
	pkgs=$(field "$src" libs)
	pc_libs=""
	# Word splitting of the lists below is intended.
	# shellcheck disable=SC2086
	if [ -n "$pkgs" ]; then
		pc_libs=$(pkg-config --libs $pkgs) || return 1
	fi
	rm -f "$OUT/$n"
	# shellcheck disable=SC2086
	$CC $CFLAGS $all_cflags -o "$OUT/$n" "$src" $objs $pc_libs -lm \
		>"$OUT/log/$n.build" 2>&1
}

# Two links at a time.
pids=""
for n in $names; do
	build_one "$n" &
	pids="$pids $!:$n"
	# shellcheck disable=SC2086
	set -- $pids
	if [ $# -ge 2 ]; then
		for pn in $pids; do
			wait "${pn%%:*}" || echo "$pn" >>"$OUT/log/.failed"
		done
		pids=""
	fi
done
for pn in $pids; do
	wait "${pn%%:*}" || echo "$pn" >>"$OUT/log/.failed"
done

passed=0
failed=0
for n in $names; do
	if [ -f "$OUT/log/.failed" ] && grep -q ":$n\$" "$OUT/log/.failed"; then
		printf '%-22s FAILED to build (see %s)\n' "$n" "$OUT/log/$n.build"
		sed 's/^/    /' "$OUT/log/$n.build" | head -20
		failed=$((failed + 1))
		continue
	fi

	# ---- replay inputs that once crashed --------------------------------
	regress="$FUZZ_DIR/regress/$n"
	nreg=0
	if [ -d "$regress" ]; then
		nreg=$(find "$regress" -type f | wc -l)
	fi
	if [ "$nreg" -gt 0 ]; then
		# Files (not directories) as arguments: each is run once.
		if ! find "$regress" -type f -exec "$OUT/$n" {} + \
			>"$OUT/log/$n.regress" 2>&1; then
			printf '%-22s FAILED on a regress input (see %s)\n' \
				"$n" "$OUT/log/$n.regress"
			grep -m1 -E '^fuzz_[a-z_]*[ :]|ERROR: |runtime error' \
				"$OUT/log/$n.regress" | sed 's/^/    /'
			grep -E '^Running: ' "$OUT/log/$n.regress" | tail -1 |
				sed 's/^/    last input: /'
			failed=$((failed + 1))
			continue
		fi
	fi

	# ---- fuzz --------------------------------------------------------
	corpus="$FUZZ_DIR/corpus/$n"
	new="$OUT/new/$n"
	mkdir -p "$corpus" "$new"
	dict=""
	[ -f "$FUZZ_DIR/$n.dict" ] && dict="-dict=$FUZZ_DIR/$n.dict"
	# New inputs go to the first directory ($new), never into the corpus.
	"$OUT/$n" -max_total_time="$secs" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$OUT/crashes/$n-" ${dict:+"$dict"} "$new" "$corpus" \
		>"$OUT/log/$n.run" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/log/$n.run" | tail -1)
	cov=$(grep -oE 'cov: [0-9]+' "$OUT/log/$n.run" | tail -1 | cut -d' ' -f2)
	if [ $rc -ne 0 ]; then
		art=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$OUT/log/$n.run" | tail -1)
		printf '%-22s CRASH after %s runs: %s (log %s)\n' "$n" \
			"${runs:-?}" "${art:-no input saved}" "$OUT/log/$n.run"
		grep -m1 -E '^fuzz_[a-z_]*[ :]|ERROR: |runtime error' \
			"$OUT/log/$n.run" | sed 's/^/    /'
		failed=$((failed + 1))
		continue
	fi
	merged=""
	if [ $merge -eq 1 ]; then
		before=$(find "$corpus" -type f | wc -l)
		"$OUT/$n" -merge=1 -max_len=65536 -timeout=10 ${dict:+"$dict"} \
			"$corpus" "$new" >"$OUT/log/$n.merge" 2>&1 ||
			{ printf '%-22s FAILED to merge (see %s)\n' "$n" "$OUT/log/$n.merge"; failed=$((failed + 1)); continue; }
		after=$(find "$corpus" -type f | wc -l)
		merged=", $((after - before)) merged into corpus"
	fi
	printf '%-22s ok: %s runs in %ss, cov %s, %s regress inputs%s\n' "$n" \
		"${runs:-?}" "$secs" "${cov:-?}" "$nreg" "$merged"
	passed=$((passed + 1))
done
rm -f "$OUT/log/.failed"

echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
