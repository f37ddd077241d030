/*
 * task_tallies.c - the check and the rebuild of the 晒绩 board's kept
 * tallies (task_tallies, task_open_days; migration 26 keeps them by
 * triggers and explains their shape). The check joins each kept table
 * with its recomputation both ways round, so a kept row with no source
 * and a source with no kept row are both differences.
 */
#include "store/task_tallies.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* Kept rows left-joined with the fresh ones, then the fresh rows that
 * have no kept row; the last column says which side a row has (1 kept
 * and fresh, 2 kept only, 3 fresh only). */
static const char sql_check_tallies[] =
    "WITH f (org_id, year, org_path, tasks, done, on_time, accepted, "
    "score_sum, percent_sum) AS (" XF_TASK_TALLIES_FRESH_SQL ") "
    "SELECT k.org_id, k.year, k.org_path, k.tasks, k.done, k.on_time, "
    "k.accepted, k.score_sum, k.percent_sum, COALESCE(f.org_path, ''), "
    "COALESCE(f.tasks, 0), COALESCE(f.done, 0), COALESCE(f.on_time, 0), "
    "COALESCE(f.accepted, 0), COALESCE(f.score_sum, 0), "
    "COALESCE(f.percent_sum, 0), "
    "CASE WHEN f.org_id IS NULL THEN 2 ELSE 1 END "
    "FROM task_tallies k LEFT JOIN f ON f.org_id = k.org_id "
    "AND f.year = k.year "
    "UNION ALL SELECT f.org_id, f.year, '', 0, 0, 0, 0, 0, 0, f.org_path, "
    "f.tasks, f.done, f.on_time, f.accepted, f.score_sum, f.percent_sum, 3 "
    "FROM f WHERE NOT EXISTS (SELECT 1 FROM task_tallies k "
    "WHERE k.org_id = f.org_id AND k.year = f.year) "
    "ORDER BY 1, 2";

static const char sql_check_days[] =
    "WITH f (org_id, year, on_day, next_count, due_count) AS "
    "(" XF_TASK_OPEN_DAYS_FRESH_SQL ") "
    "SELECT k.org_id, k.year, k.on_day, k.next_count, k.due_count, "
    "COALESCE(f.next_count, 0), COALESCE(f.due_count, 0), "
    "CASE WHEN f.org_id IS NULL THEN 2 ELSE 1 END "
    "FROM task_open_days k LEFT JOIN f ON f.org_id = k.org_id "
    "AND f.year = k.year AND f.on_day = k.on_day "
    "UNION ALL SELECT f.org_id, f.year, f.on_day, 0, 0, f.next_count, "
    "f.due_count, 3 FROM f WHERE NOT EXISTS (SELECT 1 FROM task_open_days k "
    "WHERE k.org_id = f.org_id AND k.year = f.year AND k.on_day = f.on_day) "
    "ORDER BY 1, 2, 3";

static const char *const tally_names[] = {
    "tasks", "done", "on_time", "accepted", "score_sum", "percent_sum",
};

/* Compares the kept counts at column kept and the fresh ones at column
 * fresh, n of them, and reports each difference after key. */
static void compare(xf_stmt *st, int kept, int fresh, int n,
                    const char *const *names, const char *key,
                    xf_tally_diff_fn fn, void *arg, int64_t *diffs)
{
	char line[512];
	for (int i = 0; i < n; i++) {
		int64_t k = xf_db_int(st, kept + i),
		        f = xf_db_int(st, fresh + i);
		if (k == f)
			continue;
		snprintf(line, sizeof line,
		         "tasks: %s: %s kept %" PRId64 ", recomputed %" PRId64,
		         key, names[i], k, f);
		fn(arg, line);
		(*diffs)++;
	}
}

static int check_tallies(xf_db *db, xf_tally_diff_fn fn, void *arg,
                         int64_t *checked, int64_t *diffs)
{
	xf_stmt *st = xf_db_stmt(db, sql_check_tallies);
	if (!st)
		return XF_DB_ERROR;
	int rc;
	char key[96], line[512];
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		int side = (int)xf_db_int(st, 16);
		snprintf(key, sizeof key, "org %" PRId64 " year %" PRId64,
		         xf_db_int(st, 0), xf_db_int(st, 1));
		if (side == 3) {
			snprintf(line, sizeof line,
			         "tasks: %s: not kept, recomputed %" PRId64
			         " tasks",
			         key, xf_db_int(st, 10));
			fn(arg, line);
			(*diffs)++;
			continue;
		}
		(*checked)++;
		compare(st, 3, 10, 6, tally_names, key, fn, arg, diffs);
		if (side == 1 &&
		    strcmp(xf_db_text(st, 2), xf_db_text(st, 9)) != 0) {
			snprintf(line, sizeof line,
			         "tasks: %s: org_path kept %s, the org's %s",
			         key, xf_db_text(st, 2), xf_db_text(st, 9));
			fn(arg, line);
			(*diffs)++;
		}
	}
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

static int check_days(xf_db *db, xf_tally_diff_fn fn, void *arg,
                      int64_t *checked, int64_t *diffs)
{
	static const char *const names[] = {"open tasks due next",
	                                    "open tasks due"};
	xf_stmt *st = xf_db_stmt(db, sql_check_days);
	if (!st)
		return XF_DB_ERROR;
	int rc;
	char key[128];
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		snprintf(key, sizeof key,
		         "org %" PRId64 " year %" PRId64 " day %s",
		         xf_db_int(st, 0), xf_db_int(st, 1), xf_db_text(st, 2));
		if (xf_db_int(st, 7) != 3)
			(*checked)++;
		compare(st, 3, 5, 2, names, key, fn, arg, diffs);
	}
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

int xf_store_task_tallies_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                                int64_t *checked, int64_t *diffs)
{
	*checked = *diffs = 0;
	int rc = check_tallies(db, fn, arg, checked, diffs);
	if (rc == XF_DB_OK)
		rc = check_days(db, fn, arg, checked, diffs);
	return rc;
}

static const char sql_clear_tallies[] = "DELETE FROM task_tallies";
static const char sql_clear_days[] = "DELETE FROM task_open_days";
static const char sql_fill_tallies[] = XF_TASK_TALLIES_FILL_SQL;
static const char sql_fill_days[] = XF_TASK_OPEN_DAYS_FILL_SQL;

int xf_store_task_tallies_rebuild(xf_db *db)
{
	static const char *const steps[] = {
	    sql_clear_tallies,
	    sql_clear_days,
	    sql_fill_tallies,
	    sql_fill_days,
	};
	int rc = XF_DB_OK;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0] && rc == XF_DB_OK;
	     i++)
		rc = xf_db_run(xf_db_stmt(db, steps[i]));
	return rc;
}
