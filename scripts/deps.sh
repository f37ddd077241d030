#!/bin/sh
# deps.sh - installs the Debian packages xianfeng needs, if any is missing.
#   scripts/deps.sh run    what `make run` needs (build the server and web UI)
#   scripts/deps.sh test   what `make test` needs as well (PostgreSQL,
#                          cmocka, Chromium, CJK fonts, clang for fuzzing)
# As root it runs apt-get; otherwise it prints the exact command to run.
set -eu

RUN_PKGS="gcc make pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev
libpq-dev libsodium-dev libxlsxwriter-dev libqrencode-dev libzip-dev libexpat1-dev
libpango1.0-dev libcairo2-dev fonts-noto-cjk nodejs ca-certificates
liboath-dev"
TEST_PKGS="libcmocka-dev sqlite3 postgresql-15 chromium clang poppler-utils
libreoffice-calc-nogui libclang-rt-14-dev nginx-light"

case "${1:-run}" in
run) want="$RUN_PKGS" ;;
test) want="$RUN_PKGS $TEST_PKGS" ;;
*) echo "usage: scripts/deps.sh run|test" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	# nodejs may come from another repository with npm inside it
	if [ "$p" = nodejs ] && command -v node >/dev/null 2>&1 &&
		command -v npm >/dev/null 2>&1; then
		continue
	fi
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
		missing="$missing $p"
	fi
done
# Debian's nodejs needs its separate npm package
if echo "$missing" | grep -qw nodejs; then
	missing="$missing npm"
fi
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: not root; run:" >&2
		echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing >/dev/null
	echo "deps: done"
fi

# The web build (Vite 7) needs Node.js 20.19 or newer; Debian 12's is 18.
# The npm registry ships Node itself as a package: install it from there.
node_ok() {
	node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null
}
if ! node_ok; then
	echo "deps: Node.js $(node --version 2>/dev/null || echo none) is too old; installing node@20 from npm"
	npm install -g --no-audit --no-fund node@20 >/dev/null
	hash -r
	node_ok || { echo "deps: could not install Node.js 20" >&2; exit 1; }
fi
exit 0

