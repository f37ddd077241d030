/*
 * test_db_snapshot.c - shared snapshots on SQLite (xf_db_snapshot_hold
 * and _join, store/db.h), on a real database file: a joiner reads the
 * state of the moment it joined, not of its first query, and writers
 * wait while the holder holds. PostgreSQL's exported snapshots are
 * exercised by the API tests (`points verify` on both databases).
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"

static char dir[64];
static char url[128];

/* One table of one row, for the snapshots to read. */
static int make_table(xf_db *db)
{
	int rc = xf_db_exec(db, "CREATE TABLE t (x INTEGER);"
	                        "INSERT INTO t VALUES (1);");
	return rc == XF_DB_OK ? 0 : -1;
}

static int setup(void **state)
{
	(void)state;
	if (xf_test_sqlite_dir(dir, sizeof dir, "/tmp/xf-snap.XXXXXX", url,
	                       sizeof url))
		return -1;
	return xf_test_db_with(url, make_table);
}

static int teardown(void **state)
{
	(void)state;
	return xf_test_rm_dir(dir);
}

static xf_db *open_db(void)
{
	return xf_test_db_open(url);
}

static const char sql_count[] = "SELECT count(*) FROM t";
static const char sql_insert[] = "INSERT INTO t VALUES (2)";

static int64_t count(xf_db *db)
{
	xf_stmt *st = xf_db_stmt(db, sql_count);
	assert_non_null(st);
	assert_int_equal(xf_db_step(st), XF_DB_ROW);
	int64_t n = xf_db_int(st, 0);
	xf_db_reset(st);
	return n;
}

static int insert(xf_db *db)
{
	int rc = xf_db_begin(db);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	rc = st ? xf_db_run(st) : XF_DB_ERROR;
	if (rc == XF_DB_OK)
		return xf_db_commit(db);
	xf_db_rollback(db);
	return rc;
}

static void test_a_joiner_reads_the_state_it_joined(void **state)
{
	(void)state;
	xf_db *holder = open_db(), *joiner = open_db(), *writer = open_db();
	int64_t before = count(writer);
	char token[XF_DB_SNAPSHOT_TOKEN];
	assert_int_equal(xf_db_snapshot_hold(holder, token), XF_DB_OK);
	assert_string_equal(token, ""); /* SQLite needs none */
	assert_int_equal(xf_db_snapshot_join(joiner, token), XF_DB_OK);
	assert_int_equal(xf_db_rollback(holder), XF_DB_OK);
	/* a write commits after the join, before the joiner's first query */
	assert_int_equal(insert(writer), XF_DB_OK);
	assert_int_equal(count(joiner), before);
	assert_int_equal(xf_db_rollback(joiner), XF_DB_OK);
	assert_int_equal(count(joiner), before + 1);
	xf_db_close(writer);
	xf_db_close(joiner);
	xf_db_close(holder);
}

/* A writer in another process: the in-process writer queue does not
 * stand in the way, SQLite's lock alone decides. */
static void test_writers_wait_while_the_holder_holds(void **state)
{
	(void)state;
	xf_db *holder = open_db();
	char token[XF_DB_SNAPSHOT_TOKEN];
	assert_int_equal(xf_db_snapshot_hold(holder, token), XF_DB_OK);
	char cmd[256];
	snprintf(cmd, sizeof cmd,
	         "sqlite3 -cmd '.timeout 100' '%s/t.db' "
	         "'INSERT INTO t VALUES (3)' 2>/dev/null",
	         dir);
	assert_int_not_equal(system(cmd), 0); /* busy */
	assert_int_equal(xf_db_rollback(holder), XF_DB_OK);
	assert_int_equal(system(cmd), 0);
	xf_db_close(holder);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_a_joiner_reads_the_state_it_joined),
	    cmocka_unit_test(test_writers_wait_while_the_holder_holds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
