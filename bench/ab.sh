#!/bin/bash
# bench/ab.sh - the read benchmark of two binaries in one run: the one built
# from REV (default: the commit before the restructuring) and
# the working tree's. Each round measures both, old first then new, the
# next round new first then old, so that a machine that slows down or
# warms up over the run does not favour one side. Every ratio is against
# the ceiling that the same binary measured in the same round. Writes the
# rows of every round and the median ratio and req/s per endpoint (one
# slow or fast round does not move a median) to docs/benchmarks-ab.md.
#
#   bench/ab.sh [REV] [ROUNDS]     (default 54ba84d, 2 rounds; --quick runs)
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:-54ba84d}
ROUNDS=${2:-2}
NEW=$PWD/build/xianfeng
OLD_TREE=$PWD/build/ab-old
WORK=$PWD/build/bench
OUT=docs/benchmarks-ab.md
make -j2 build/xianfeng >/dev/null
if [ ! -x "$OLD_TREE/build/xianfeng" ] || [ "$(git -C "$OLD_TREE" rev-parse HEAD 2>/dev/null)" != "$(git rev-parse "$REV")" ]; then
	git worktree remove --force "$OLD_TREE" 2>/dev/null || rm -rf "$OLD_TREE"
	git worktree prune
	git worktree add --detach "$OLD_TREE" "$REV" >/dev/null
	make -C "$OLD_TREE" -j2 WEB=0 build/xianfeng >/dev/null
fi
OLD=$OLD_TREE/build/xianfeng
[ -f "$WORK/city.db" ] || XF_BENCH_PARTS=sqlite-reads bench/run.sh --quick >/dev/null

RAW=$WORK/ab-rows.txt
: >"$RAW"
one() { # one LABEL BIN ROUND
	XF_BENCH_BIN=$2 XF_BENCH_OUT=$WORK/ab-one.md XF_BENCH_PARTS=sqlite-reads bench/run.sh --quick >/dev/null
	grep '^| sqlite' "$WORK/ab-one.md" | sed "s/^/$1|$3/" >>"$RAW"
	echo "ab: round $3, $1 done"
}
for r in $(seq "$ROUNDS"); do
	if [ $((r % 2)) = 1 ]; then one old "$OLD" "$r"; one new "$NEW" "$r"; else one new "$NEW" "$r"; one old "$OLD" "$r"; fi
done

{
	echo "# Benchmarks: before and after, in one run"
	echo
	echo "Measured by \`bench/ab.sh $REV $ROUNDS\` on $(date -u +%Y-%m-%d): $(nproc) cores,"
	echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); SQLite reads of \`bench/run.sh --quick\`"
	echo "(wrk -t2 -c64 -d3s per endpoint), dataset \`demo --scale city --seed 7\`."
	echo "\"old\" is $REV ($(git log -1 --format=%s "$REV" | cut -c1-60)…), \"new\" is $(git rev-parse --short HEAD)"
	echo "with the working tree. Rounds alternate which binary goes first. Each ratio is"
	echo "against the ceiling (\`/api/health\`) the same binary measured in the same round;"
	echo "the table shows medians over the rounds."
	echo
	echo "| db | endpoint | old ratio | new ratio | old req/s | new req/s | new/old req/s |"
	echo "|---|---|---|---|---|---|---|"
	awk -F'|' '
		function median(arr, n,   i, j, t) { # sorts arr[1..n] in place
			for (i = 2; i <= n; i++) for (j = i; j > 1 && arr[j] < arr[j - 1]; j--) { t = arr[j]; arr[j] = arr[j - 1]; arr[j - 1] = t }
			return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2 }
		{ side = $1; db = $3; name = $4; rps = $5; ratio = $8
		  gsub(/^ +| +$/, "", db); gsub(/^ +| +$/, "", name); gsub(/[^0-9.]/, "", rps); gsub(/[^0-9.]/, "", ratio)
		  if (ratio == "") next
		  k = db "|" name; if (!(k in seen)) { seen[k] = 1; order[++n] = k }
		  c = ++C[side, k]; R[side, k, c] = ratio; Q[side, k, c] = rps }
		END { for (i = 1; i <= n; i++) { k = order[i]; split(k, p, "|")
		  for (s = 0; s < 2; s++) { side = s ? "new" : "old"; m = C[side, k]
		    for (j = 1; j <= m; j++) { a[j] = R[side, k, j]; b[j] = Q[side, k, j] }
		    mr[side] = median(a, m); mq[side] = median(b, m) }
		  printf "| %s | %s | %.2f | %.2f | %.0f | %.0f | %.2f |\n", p[1], p[2], mr["old"], mr["new"], mq["old"], mq["new"], (mq["old"] > 0 ? mq["new"] / mq["old"] : 0) } }' "$RAW"
	echo
	echo "Every round:"
	echo
	echo '```'
	cat "$RAW"
	echo '```'
} >"$OUT"
cat "$OUT"
