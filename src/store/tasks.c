/*
 * tasks.c - SQL of tasks, milestones, progress reports and acceptance.
 * Task rows carry their organization's path and their rolled-up facts, so
 * that the chart, the reminders and the boards are range scans that need
 * no roll-up at read time (see schema_v4.c for the indexes).
 */
#include "store/tasks.h"

#define TASK_COLS                                                              \
	"t.id, t.org_id, t.org_path, o.name, o.kind, COALESCE(o.parent_id, "   \
	"0), "                                                                 \
	"po.name, COALESCE(t.parent_id, 0), COALESCE(t.root_id, 0), "          \
	"COALESCE(t.plan_id, 0), COALESCE(t.plan_item_id, 0), t.year, "        \
	"t.title, t.description, t.owner, t.start_on, t.due_on, t.weight, "    \
	"t.percent, t.reported, t.reported_percent, t.started, t.done_on, "    \
	"t.late, t.due_next, t.own_next, t.child_count, "                      \
	"COALESCE(t.created_by, 0), t.created_at, t.updated_at"

/* A task with its organization and that organization's parent (for
 * "某支部（某党委）" without another request); the parent is NULL for a
 * root. */
#define TASK_FROM                                                              \
	" FROM tasks t JOIN orgs o ON o.id = t.org_id "                        \
	"LEFT JOIN orgs po ON po.id = o.parent_id "

/* The status of a task row on day $T, as domain/tasks.h decides it from
 * the same rolled-up facts (the list filters on it). */
#define STATUS_SQL(T)                                                          \
	"(CASE WHEN t.done_on IS NOT NULL THEN 'done' "                        \
	"WHEN t.due_next < $" T " THEN 'red' "                                 \
	"WHEN t.late = 1 THEN 'yellow' "                                       \
	"WHEN t.started = 0 THEN 'not_started' ELSE 'green' END)"

XF_DB_LIST_READER(read_task, XF_TASK_ALL, xf_task);

static const char sql_get[] = "SELECT " TASK_COLS TASK_FROM "WHERE t.id = $1";

XF_DB_GETTER(xf_store_task_get, xf_task, sql_get, read_task);

static const char sql_insert[] =
    "INSERT INTO tasks (" XF_TASK_WRITE_SQL ", created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$1, $1) RETURNING id";

const xf_db_col xf_task_write_cols[XF_TASK_NWRITE] = {
    XF_COL(I64, xf_task, org_id),      XF_COL(STR, xf_task, org_path),
    XF_COL(ID, xf_task, parent_id),    XF_COL(ID, xf_task, root_id),
    XF_COL(ID, xf_task, plan_id),      XF_COL(ID, xf_task, plan_item_id),
    XF_COL(INT, xf_task, year),        XF_COL(STR, xf_task, title),
    XF_COL(STR, xf_task, description), XF_COL(STR, xf_task, owner),
    XF_COL(STR, xf_task, start_on),    XF_COL(STR, xf_task, due_on),
    XF_COL(INT, xf_task, weight),      XF_COL(ID, xf_task, created_by),
};

int xf_store_task_insert(xf_db *db, xf_task *t, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         xf_task_write_cols, XF_TASK_NWRITE, t, &t->id);
}

static const char sql_update[] =
    "UPDATE tasks SET title = $2, description = $3, owner = $4, "
    "start_on = $5, due_on = $6, weight = $7, year = $8, updated_at = $9 "
    "WHERE id = $1";

static const xf_db_col task_update_cols[] = {
    XF_COL(I64, xf_task, id),          XF_COL(STR, xf_task, title),
    XF_COL(STR, xf_task, description), XF_COL(STR, xf_task, owner),
    XF_COL(STR, xf_task, start_on),    XF_COL(STR, xf_task, due_on),
    XF_COL(INT, xf_task, weight),      XF_COL(INT, xf_task, year),
};

int xf_store_task_update(xf_db *db, const xf_task *t, int64_t now)
{
	return xf_db_run_cols_now(xf_db_stmt(db, sql_update), 1,
	                          task_update_cols, XF_NCOLS(task_update_cols),
	                          t, now);
}

static const char sql_set_roll[] =
    "UPDATE tasks SET percent = $2, started = $3, late = $4, done_on = $5, "
    "due_next = $6, own_next = $7, updated_at = $8 WHERE id = $1";

static const xf_db_col task_set_roll_cols[] = {
    XF_COL(I64, xf_task, id),       XF_COL(INT, xf_task, percent),
    XF_COL(INT, xf_task, started),  XF_COL(INT, xf_task, late),
    XF_COL(STR, xf_task, done_on),  XF_COL(STR, xf_task, due_next),
    XF_COL(STR, xf_task, own_next),
};

int xf_store_task_set_roll(xf_db *db, const xf_task *t, int64_t now)
{
	return xf_db_run_cols_now(xf_db_stmt(db, sql_set_roll), 1,
	                          task_set_roll_cols,
	                          XF_NCOLS(task_set_roll_cols), t, now);
}

static const char sql_set_reported[] =
    "UPDATE tasks SET reported = 1, reported_percent = $2, updated_at = $3 "
    "WHERE id = $1";

int xf_store_task_set_reported(xf_db *db, int64_t id, int percent, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_set_reported, XF_INT(id),
	                             XF_INT(percent), XF_INT(now)));
}

static const char sql_add_children[] =
    "UPDATE tasks SET child_count = child_count + $2 WHERE id = $1";

int xf_store_task_add_children(xf_db *db, int64_t id, int64_t delta)
{
	return xf_db_run_ids(db, sql_add_children, id, delta);
}

static const char sql_delete[] = "DELETE FROM tasks WHERE id = $1";

int xf_store_task_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_delete, id);
}

static const char sql_children[] =
    "SELECT " TASK_COLS TASK_FROM
    "WHERE t.parent_id = $1 ORDER BY t.id LIMIT $2";

int xf_store_task_children(xf_db *db, xf_arena *a, int64_t id, int max,
                           xf_task **out, int *n)
{
	return xf_db_rows(
	    XF_DB_BOUND(db, sql_children, XF_INT(id), XF_INT(max)), a, max,
	    sizeof **out, read_task, out, n);
}

static const char sql_child_for_org[] =
    "SELECT id FROM tasks WHERE parent_id = $1 AND org_id = $2";

int xf_store_task_child_for_org(xf_db *db, int64_t parent_id, int64_t org_id,
                                int64_t *id)
{
	return xf_db_value(XF_DB_BOUND(db, sql_child_for_org, XF_INT(parent_id),
	                               XF_INT(org_id)),
	                   id);
}

/* The ranges, bounded by their outer limits ($12, $13) for one index range
 * scan; unused filters are written so that both databases skip them. */
#define LIST_WHERE                                                             \
	" WHERE t.org_path >= $12 AND t.org_path < $13 AND " XF_RANGES_SQL(    \
	    "t.org_path", "1", "2", "3", "4", "5", "6", "7",                   \
	    "8") " AND ($9 = 0 OR t.org_id = $9)"                              \
	         " AND ($10 = 0 OR t.year = $10)"                              \
	         " AND ($11 = '' OR " STATUS_SQL(                              \
	             "14") " = $11)"                                           \
	                   " AND ($15 = 0 OR t.plan_id = $15)"                 \
	                   " AND ($16 = 0 OR t.parent_id = $16)"               \
	                   " AND ($17 = '%%' OR t.title LIKE $17 ESCAPE '\\')"

static const char sql_count[] = "SELECT COUNT(*) FROM tasks t" LIST_WHERE;
/* Overdue first, then open tasks by their next due date, then done ones. */
static const char sql_list[] = XF_SQL_PLAN_PER_CALL
    "SELECT " TASK_COLS TASK_FROM LIST_WHERE
    " ORDER BY CASE WHEN t.done_on IS NULL AND t.due_next < $14 "
    "THEN 0 WHEN t.done_on IS NULL THEN 1 ELSE 2 END, "
    "COALESCE(t.due_next, t.due_on), t.org_path, t.id "
    "LIMIT $18 OFFSET $19";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_task_filter *f = filter;
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->org_id);
	xf_db_bind_int(st, 10, f->year);
	xf_db_bind_str(st, 11, f->status ? f->status : "");
	xf_db_bind_bounds(st, 12, &f->ranges);
	xf_db_bind_str(st, 14, f->today);
	xf_db_bind_int(st, 15, f->plan_id);
	xf_db_bind_int(st, 16, f->parent_id);
	xf_db_bind_contains(st, 17, f->q);
}

static const xf_db_list task_list = {sql_count, sql_list,        bind_filter,
                                     18,        sizeof(xf_task), read_task};

int xf_store_task_list(xf_db *db, xf_arena *a, const xf_task_filter *f,
                       xf_task_page *out)
{
	return xf_db_list_page(db, &task_list, f, f->limit, f->offset, a,
	                       &out->items, &out->n, &out->total);
}

static const char sql_due[] =
    "SELECT " TASK_COLS TASK_FROM
    "WHERE t.org_path >= $9 AND t.org_path < $10 AND " XF_RANGES_SQL(
        "t.org_path", "1", "2", "3", "4", "5", "6", "7",
        "8") " AND ($11 = 0 OR t.org_id = $11) AND t.own_next <= $12 "
             "ORDER BY t.org_path, COALESCE(t.owner, ''), t.own_next, t.id "
             "LIMIT $13";

int xf_store_task_due(xf_db *db, xf_arena *a, const xf_ranges *r,
                      int64_t org_id, const char *until, int max, xf_task **out,
                      int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_due);
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_bounds(st, 9, r);
	xf_db_bind_int(st, 11, org_id);
	xf_db_bind_str(st, 12, until);
	xf_db_bind_int(st, 13, max);
	return xf_db_rows(st, a, max, sizeof **out, read_task, out, n);
}

/* ---- milestones --------------------------------------------------------*/

static const char sql_ms_insert[] =
    "INSERT INTO milestones (" XF_MILESTONE_WRITE_SQL ", created_at, "
    "updated_at) VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $1, $1) "
    "RETURNING id";

const xf_db_col xf_milestone_write_cols[XF_MILESTONE_NWRITE] = {
    XF_COL(I64, xf_milestone, task_id),     XF_COL(STR, xf_milestone, org_path),
    XF_COL(INT, xf_milestone, seq),         XF_COL(STR, xf_milestone, title),
    XF_COL(STR, xf_milestone, deliverable), XF_COL(STR, xf_milestone, due_on),
    XF_COL(STR, xf_milestone, done_on),     XF_COL(INT, xf_milestone, weight),
    XF_COL(ID, xf_milestone, source_id),
};

int xf_store_milestone_insert(xf_db *db, xf_milestone *m, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_ms_insert, XF_INT(now)), 2,
	                         xf_milestone_write_cols, XF_MILESTONE_NWRITE,
	                         m, &m->id);
}

static const char sql_ms_update[] =
    "UPDATE milestones SET title = $2, deliverable = $3, due_on = $4, "
    "done_on = $5, weight = $6, updated_at = $7 WHERE id = $1";

static const xf_db_col milestone_update_cols[] = {
    XF_COL(I64, xf_milestone, id),          XF_COL(STR, xf_milestone, title),
    XF_COL(STR, xf_milestone, deliverable), XF_COL(STR, xf_milestone, due_on),
    XF_COL(STR, xf_milestone, done_on),     XF_COL(INT, xf_milestone, weight),
};

int xf_store_milestone_update(xf_db *db, const xf_milestone *m, int64_t now)
{
	return xf_db_run_cols_now(xf_db_stmt(db, sql_ms_update), 1,
	                          milestone_update_cols,
	                          XF_NCOLS(milestone_update_cols), m, now);
}

static const char sql_ms_delete[] = "DELETE FROM milestones WHERE id = $1";

int xf_store_milestone_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_ms_delete, id);
}

static const char sql_ms_list[] =
    "SELECT m.id, m.task_id, COALESCE(m.source_id, 0), m.org_path, m.seq, "
    "m.title, m.deliverable, m.due_on, m.done_on, m.weight, "
    "(SELECT COUNT(*) FROM milestones c WHERE c.source_id = m.id), "
    "(SELECT COUNT(*) FROM milestones c WHERE c.source_id = m.id "
    "AND c.done_on IS NULL), "
    "(SELECT MAX(c.done_on) FROM milestones c WHERE c.source_id = m.id) "
    "FROM milestones m WHERE m.task_id = $1 ORDER BY m.seq, m.id "
    "LIMIT 200";

XF_DB_LIST_READER(read_ms, XF_MILESTONE_FIELDS, xf_milestone);

XF_DB_ROWS_OF(xf_store_milestone_list, xf_milestone, sql_ms_list, read_ms, 200);

static const char sql_ms_source_task[] =
    "SELECT task_id FROM milestones WHERE id = $1";

int xf_store_milestone_source_task(xf_db *db, int64_t source_id,
                                   int64_t *task_id)
{
	return xf_db_value(
	    XF_DB_BOUND(db, sql_ms_source_task, XF_INT(source_id)), task_id);
}

/* ---- progress ----------------------------------------------------------*/

static const char sql_pr_insert[] =
    "INSERT INTO task_progress (task_id, org_path, percent, note, "
    "milestone_id, evidence, reported_on, user_id, username, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

static const xf_db_col progress_insert_cols[] = {
    XF_COL(I64, xf_progress, task_id),     XF_COL(STR, xf_progress, org_path),
    XF_COL(INT, xf_progress, percent),     XF_COL(STR, xf_progress, note),
    XF_COL(ID, xf_progress, milestone_id), XF_COL(STR, xf_progress, evidence),
    XF_COL(STR, xf_progress, reported_on), XF_COL(ID, xf_progress, user_id),
    XF_COL(STR, xf_progress, username),    XF_COL(I64, xf_progress, created_at),
};

int xf_store_progress_insert(xf_db *db, xf_progress *p)
{
	return xf_db_insert_cols(xf_db_stmt(db, sql_pr_insert), 1,
	                         progress_insert_cols,
	                         XF_NCOLS(progress_insert_cols), p, &p->id);
}

static const char sql_pr_list[] =
    "SELECT id, task_id, percent, note, COALESCE(milestone_id, 0), "
    "org_path, evidence, reported_on, COALESCE(user_id, 0), "
    "COALESCE(username, ''), created_at FROM task_progress "
    "WHERE task_id = $1 ORDER BY id DESC LIMIT $2";

XF_DB_LIST_READER(read_pr, XF_PROGRESS_ALL, xf_progress);

int xf_store_progress_list(xf_db *db, xf_arena *a, int64_t task_id, int max,
                           xf_progress **out, int *n)
{
	return xf_db_rows(
	    XF_DB_BOUND(db, sql_pr_list, XF_INT(task_id), XF_INT(max)), a, max,
	    sizeof **out, read_pr, out, n);
}

/* ---- acceptance --------------------------------------------------------*/

static const char sql_acc_del[] =
    "DELETE FROM task_acceptance WHERE task_id = $1";
static const char sql_acc_ins[] =
    "INSERT INTO task_acceptance (task_id, org_id, org_path, year, score, "
    "comment, user_id, username, at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8, $9)";

static const xf_db_col acceptance_put_cols[] = {
    XF_COL(I64, xf_acceptance, task_id),  XF_COL(I64, xf_acceptance, org_id),
    XF_COL(STR, xf_acceptance, org_path), XF_COL(INT, xf_acceptance, year),
    XF_COL(INT, xf_acceptance, score),    XF_COL(STR, xf_acceptance, comment),
    XF_COL(ID, xf_acceptance, user_id),   XF_COL(STR, xf_acceptance, username),
    XF_COL(I64, xf_acceptance, at),
};

int xf_store_acceptance_put(xf_db *db, const xf_acceptance *x)
{
	int rc = xf_db_run_id(db, sql_acc_del, x->task_id);
	if (rc != XF_DB_OK)
		return rc;
	return xf_db_run_cols(xf_db_stmt(db, sql_acc_ins), 1,
	                      acceptance_put_cols,
	                      XF_NCOLS(acceptance_put_cols), x);
}

static const char sql_acc_get[] =
    "SELECT task_id, org_id, org_path, year, score, comment, "
    "COALESCE(user_id, 0), COALESCE(username, ''), at FROM task_acceptance "
    "WHERE task_id = $1";

static const xf_db_col acceptance_cols[] = {
    XF_COL_LIST(XF_ACCEPTANCE_ALL, xf_acceptance)};

static void read_acceptance(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, acceptance_cols, XF_NCOLS(acceptance_cols),
	                item);
}

int xf_store_acceptance_get(xf_db *db, xf_arena *a, int64_t task_id,
                            xf_acceptance *out)
{
	return xf_db_get(db, sql_acc_get, task_id, a, read_acceptance, out);
}

/* ---- tallies per organization -------------------------------------------*/

/* The board's rows from the kept tallies (store/task_tallies.h,
 * schema_v26.c): one row per organization of the year in the ranges,
 * read by the index (year, org_path); overdue and due add up the
 * organization's open tasks counted per day before today. */
static const char sql_tally[] =
    "SELECT k.org_id, o.name, o.path, k.tasks, k.done, k.on_time, "
    "COALESCE((SELECT SUM(d.next_count) FROM task_open_days d "
    "WHERE d.org_id = k.org_id AND d.year = k.year AND d.on_day < $11), 0), "
    "k.done + COALESCE((SELECT SUM(d.due_count) FROM task_open_days d "
    "WHERE d.org_id = k.org_id AND d.year = k.year AND d.on_day < $11), 0), "
    "k.accepted, k.score_sum, k.percent_sum, "
    "COALESCE(o.parent_id, 0), po.name "
    "FROM task_tallies k JOIN orgs o ON o.id = k.org_id "
    "LEFT JOIN orgs po ON po.id = o.parent_id "
    "WHERE k.year = $12 AND k.org_path >= $9 AND k.org_path < $10 "
    "AND " XF_RANGES_SQL("k.org_path", "1", "2", "3", "4", "5", "6", "7",
                         "8") " AND k.tasks > 0 ORDER BY o.path LIMIT $13";

static const xf_db_col tally_cols[] = {
    XF_COL(I64, xf_task_tally, org_id),
    XF_COL(STR, xf_task_tally, org_name),
    XF_COL(STR, xf_task_tally, org_path),
    XF_COL(I64, xf_task_tally, tasks),
    XF_COL(I64, xf_task_tally, done),
    XF_COL(I64, xf_task_tally, on_time),
    XF_COL(I64, xf_task_tally, overdue),
    XF_COL(I64, xf_task_tally, due),
    XF_COL(I64, xf_task_tally, accepted),
    XF_COL(I64, xf_task_tally, score_sum),
    XF_COL(I64, xf_task_tally, percent_sum),
    XF_COL(I64, xf_task_tally, org_parent_id),
    XF_COL(OPT, xf_task_tally, org_parent_name),
};

static void read_tally(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, tally_cols, XF_NCOLS(tally_cols), item);
}

int xf_store_task_tally(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                        const char *today, int max, xf_task_tally **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_tally);
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_bounds(st, 9, r);
	xf_db_bind_str(st, 11, today);
	xf_db_bind_int(st, 12, year);
	xf_db_bind_int(st, 13, max);
	return xf_db_rows(st, a, max, sizeof **out, read_tally, out, n);
}
