#!/bin/bash
# pg-test.sh - a throwaway PostgreSQL 15 server for tests.
#
#   scripts/pg-test.sh start DIR   create DIR, initdb, start a server on a
#                                  free loopback port, create the database
#                                  xianfeng_test and print ONE line on stdout:
#                                  the libpq conninfo to reach it
#   scripts/pg-test.sh stop DIR    stop that server and remove DIR
#
# Everything else goes to stderr. Run as root (CI), the server runs as user
# postgres through su; run as anyone else, it runs as that user. Set PG_BIN to
# use binaries other than /usr/lib/postgresql/15/bin.
#
# Typical use:
#   dir=$(mktemp -d) && conn=$(scripts/pg-test.sh start "$dir") || exit 1
#   trap 'scripts/pg-test.sh stop "$dir"' EXIT
#   XF_TEST_DB="postgres:$conn" make unit
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DBNAME=xianfeng_test
MARK=.xianfeng-pg-test # marks a DIR this script made: only such is removed

die() {
	echo "pg-test: $*" >&2
	exit 1
}

usage() {
	echo "usage: $0 start DIR | stop DIR" >&2
	exit 2
}

need_postgres() {
	local b
	for b in initdb pg_ctl createdb; do
		[ -x "$PG_BIN/$b" ] || die "PostgreSQL 15 is not installed" \
			"($PG_BIN/$b is missing): install the Debian package" \
			"postgresql-15, e.g. with the project's deps script"
	done
}

# Runs a command as the server's owner: postgres when we are root.
as_owner() {
	if [ "$(id -u)" = 0 ]; then
		# shellcheck disable=SC2016 # expanded by the inner shell
		su postgres -s /bin/sh -c 'cd / && exec "$0" "$@"' -- "$@"
	else
		"$@"
	fi
}

# Is something listening on 127.0.0.1:$1?
port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

free_port() {
	local port _
	for _ in $(seq 1 200); do
		port=$((20000 + RANDOM % 40000))
		if ! port_in_use "$port"; then
			echo "$port"
			return 0
		fi
	done
	die "no free TCP port found on 127.0.0.1"
}

start() {
	local dir=$1
	need_postgres
	mkdir -p "$dir" || die "cannot create $dir"
	dir=$(cd "$dir" && pwd)
	case $dir in
	*[[:space:]\'\"\\]*) die "DIR must not contain blanks or quotes: $dir" ;;
	esac
	[ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
	# A Unix socket path holds at most 107 bytes.
	[ ${#dir} -le 80 ] || die "DIR path too long for a socket: $dir"
	touch "$dir/$MARK"
	mkdir -p "$dir/sock"
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 ||
			die "user postgres does not exist (install postgresql-15)"
		chown -R postgres: "$dir"
		as_owner test -w "$dir" ||
			die "user postgres cannot write $dir (a parent is closed?)"
	fi

	if ! as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres \
		--auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
		cat "$dir/initdb.log" >&2
		die "initdb failed"
	fi

	# The port may be taken between the check and the bind: try again.
	local port tries=0
	while :; do
		port=$(free_port)
		if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -w -l "$dir/log" \
			-o "-k $dir/sock -c listen_addresses=127.0.0.1 -p $port -c fsync=off" \
			start >/dev/null 2>"$dir/pg_ctl.err"; then
			break
		fi
		tries=$((tries + 1))
		if [ $tries -ge 5 ]; then
			cat "$dir/pg_ctl.err" "$dir/log" >&2 || true
			die "the server did not start (log above)"
		fi
	done

	if ! "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres \
		"$DBNAME" >&2; then
		stop "$dir"
		die "createdb $DBNAME failed"
	fi
	echo "host=127.0.0.1 port=$port user=postgres dbname=$DBNAME"
}

stop() {
	local dir=$1
	[ -e "$dir" ] || return 0
	[ -e "$dir/$MARK" ] || die "$dir was not made by $0 start: not touching it"
	if [ -f "$dir/data/postmaster.pid" ]; then
		need_postgres
		as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -w -m fast stop \
			>/dev/null || echo "pg-test: pg_ctl stop failed" >&2
	fi
	rm -rf -- "$dir"
}

[ $# -eq 2 ] || usage
case $1 in
start) start "$2" ;;
stop) stop "$2" ;;
*) usage ;;
esac
