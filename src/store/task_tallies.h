/*
 * task_tallies.h - the kept tallies of the 晒绩 board (name "tasks"):
 * per organization and year what does not depend on the day
 * (task_tallies), and the open tasks counted per organization, year and
 * day (task_open_days) for the counts that do (overdue, due). Triggers
 * of migration 26 keep both in the transaction of every write of tasks
 * and task_acceptance; the check and rebuild here recompute them.
 */
#ifndef XF_STORE_TASK_TALLIES_H
#define XF_STORE_TASK_TALLIES_H

#include "store/tallies.h"

/* The tallies recomputed from tasks and task_acceptance, one row per
 * (org_id, year): org_id, year, org_path, tasks, done, on_time, accepted,
 * score_sum, percent_sum. Shared by the migration's fill, the rebuild
 * and the check. */
#define XF_TASK_TALLIES_FRESH_SQL                                              \
	"SELECT t.org_id, t.year, o.path, COUNT(*), "                          \
	"SUM(CASE WHEN t.done_on IS NOT NULL THEN 1 ELSE 0 END), "             \
	"SUM(CASE WHEN t.done_on IS NOT NULL AND t.done_on <= t.due_on "       \
	"THEN 1 ELSE 0 END), "                                                 \
	"COUNT(x.task_id), COALESCE(SUM(x.score), 0), SUM(t.percent) "         \
	"FROM tasks t JOIN orgs o ON o.id = t.org_id "                         \
	"LEFT JOIN task_acceptance x ON x.task_id = t.id "                     \
	"GROUP BY t.org_id, t.year, o.path"

/* The open tasks recomputed per (org_id, year, on_day): next_count those
 * whose next due day (due_next) is on_day, due_count those whose own due
 * day (due_on) is. */
#define XF_TASK_OPEN_DAYS_FRESH_SQL                                            \
	"SELECT org_id, year, on_day, SUM(n), SUM(d) FROM ("                   \
	"SELECT org_id, year, due_next AS on_day, 1 AS n, 0 AS d FROM tasks "  \
	"WHERE done_on IS NULL AND due_next IS NOT NULL UNION ALL "            \
	"SELECT org_id, year, due_on, 0, 1 FROM tasks WHERE done_on IS NULL"   \
	") u GROUP BY org_id, year, on_day"

#define XF_TASK_TALLIES_FILL_SQL                                               \
	"INSERT INTO task_tallies (org_id, year, org_path, tasks, done, "      \
	"on_time, accepted, score_sum, "                                       \
	"percent_sum) " XF_TASK_TALLIES_FRESH_SQL
#define XF_TASK_OPEN_DAYS_FILL_SQL                                             \
	"INSERT INTO task_open_days (org_id, year, on_day, next_count, "       \
	"due_count) " XF_TASK_OPEN_DAYS_FRESH_SQL

/* Compares task_tallies and task_open_days with their recomputation
 * (an xf_tally_check_fn); lines start with "tasks: ". */
int xf_store_task_tallies_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                                int64_t *checked, int64_t *diffs);
/* Empties both and fills them again (an xf_tally_rebuild_fn). */
int xf_store_task_tallies_rebuild(xf_db *db);

#endif
