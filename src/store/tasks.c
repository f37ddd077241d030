/*
 * tasks.c - SQL of tasks, milestones, progress reports and acceptance.
 * Task rows carry their organization's path and their rolled-up facts, so
 * that the chart, the reminders and the boards are range scans that need
 * no roll-up at read time (see schema_v4.c for the indexes).
 */
#include "store/tasks.h"

#include <string.h>

#define TASK_COLS                                                              \
	"t.id, t.org_id, t.org_path, o.name, o.kind, "                         \
	"COALESCE(t.parent_id, 0), COALESCE(t.root_id, 0), "                   \
	"COALESCE(t.plan_id, 0), COALESCE(t.plan_item_id, 0), t.year, "        \
	"t.title, t.description, t.owner, t.start_on, t.due_on, t.weight, "    \
	"t.reported, t.reported_percent, t.percent, t.started, t.late, "       \
	"t.done_on, t.due_next, t.own_next, t.child_count, "                   \
	"COALESCE(t.created_by, 0), t.created_at, t.updated_at, "              \
	"COALESCE(o.parent_id, 0), po.name"

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

static void read_task(xf_arena *a, xf_stmt *st, void *item)
{
	xf_task *t = item;
	t->id = xf_db_int(st, 0);
	t->org_id = xf_db_int(st, 1);
	t->org_path = xf_db_dup(a, st, 2);
	t->org_name = xf_db_dup(a, st, 3);
	t->org_kind = xf_db_dup(a, st, 4);
	t->parent_id = xf_db_int(st, 5);
	t->root_id = xf_db_int(st, 6);
	t->plan_id = xf_db_int(st, 7);
	t->plan_item_id = xf_db_int(st, 8);
	t->year = (int)xf_db_int(st, 9);
	t->title = xf_db_dup(a, st, 10);
	t->description = xf_db_opt(a, st, 11);
	t->owner = xf_db_opt(a, st, 12);
	t->start_on = xf_db_dup(a, st, 13);
	t->due_on = xf_db_dup(a, st, 14);
	t->weight = (int)xf_db_int(st, 15);
	t->reported = (int)xf_db_int(st, 16);
	t->reported_percent = (int)xf_db_int(st, 17);
	t->percent = (int)xf_db_int(st, 18);
	t->started = (int)xf_db_int(st, 19);
	t->late = (int)xf_db_int(st, 20);
	t->done_on = xf_db_opt(a, st, 21);
	t->due_next = xf_db_opt(a, st, 22);
	t->own_next = xf_db_opt(a, st, 23);
	t->child_count = xf_db_int(st, 24);
	t->created_by = xf_db_int(st, 25);
	t->created_at = xf_db_int(st, 26);
	t->updated_at = xf_db_int(st, 27);
	t->org_parent_id = xf_db_int(st, 28);
	t->org_parent_name = xf_db_opt(a, st, 29);
}

/* The outer limits of the ranges, so that an index gives one range scan. */
static void bounds(const xf_ranges *r, const char **lo, const char **hi)
{
	*lo = r->n ? r->lo[0] : "";
	*hi = r->n ? r->hi[0] : "";
	for (int i = 1; i < r->n; i++) {
		if (strcmp(r->lo[i], *lo) < 0)
			*lo = r->lo[i];
		if (strcmp(r->hi[i], *hi) > 0)
			*hi = r->hi[i];
	}
}

static const char sql_get[] = "SELECT " TASK_COLS TASK_FROM "WHERE t.id = $1";

int xf_store_task_get(xf_db *db, xf_arena *a, int64_t id, xf_task *out)
{
	return xf_db_get(db, sql_get, id, a, read_task, out);
}

static const char sql_insert[] =
    "INSERT INTO tasks (org_id, org_path, parent_id, root_id, plan_id, "
    "plan_item_id, year, title, description, owner, start_on, due_on, "
    "weight, created_by, created_at, updated_at) VALUES ($2, $3, $4, $5, "
    "$6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $1, $1) RETURNING id";

int xf_store_task_insert(xf_db *db, xf_task *t, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, now);
	xf_db_bind_int(st, 2, t->org_id);
	xf_db_bind_str(st, 3, t->org_path);
	xf_db_bind_id(st, 4, t->parent_id);
	xf_db_bind_id(st, 5, t->root_id);
	xf_db_bind_id(st, 6, t->plan_id);
	xf_db_bind_id(st, 7, t->plan_item_id);
	xf_db_bind_int(st, 8, t->year);
	xf_db_bind_str(st, 9, t->title);
	xf_db_bind_str(st, 10, t->description);
	xf_db_bind_str(st, 11, t->owner);
	xf_db_bind_str(st, 12, t->start_on);
	xf_db_bind_str(st, 13, t->due_on);
	xf_db_bind_int(st, 14, t->weight);
	xf_db_bind_id(st, 15, t->created_by);
	return xf_db_insert(st, &t->id);
}

static const char sql_update[] =
    "UPDATE tasks SET title = $2, description = $3, owner = $4, "
    "start_on = $5, due_on = $6, weight = $7, year = $8, updated_at = $9 "
    "WHERE id = $1";

int xf_store_task_update(xf_db *db, const xf_task *t, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_update);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, t->id);
	xf_db_bind_str(st, 2, t->title);
	xf_db_bind_str(st, 3, t->description);
	xf_db_bind_str(st, 4, t->owner);
	xf_db_bind_str(st, 5, t->start_on);
	xf_db_bind_str(st, 6, t->due_on);
	xf_db_bind_int(st, 7, t->weight);
	xf_db_bind_int(st, 8, t->year);
	xf_db_bind_int(st, 9, now);
	return xf_db_run(st);
}

static const char sql_set_roll[] =
    "UPDATE tasks SET percent = $2, started = $3, late = $4, done_on = $5, "
    "due_next = $6, own_next = $7, updated_at = $8 WHERE id = $1";

int xf_store_task_set_roll(xf_db *db, const xf_task *t, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_set_roll);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, t->id);
	xf_db_bind_int(st, 2, t->percent);
	xf_db_bind_int(st, 3, t->started);
	xf_db_bind_int(st, 4, t->late);
	xf_db_bind_str(st, 5, t->done_on);
	xf_db_bind_str(st, 6, t->due_next);
	xf_db_bind_str(st, 7, t->own_next);
	xf_db_bind_int(st, 8, now);
	return xf_db_run(st);
}

static const char sql_set_reported[] =
    "UPDATE tasks SET reported = 1, reported_percent = $2, updated_at = $3 "
    "WHERE id = $1";

int xf_store_task_set_reported(xf_db *db, int64_t id, int percent, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_set_reported);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, id);
	xf_db_bind_int(st, 2, percent);
	xf_db_bind_int(st, 3, now);
	return xf_db_run(st);
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
	xf_stmt *st = xf_db_stmt(db, sql_children);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, id);
	xf_db_bind_int(st, 2, max);
	return xf_db_rows(st, a, max, sizeof **out, read_task, out, n);
}

static const char sql_child_for_org[] =
    "SELECT id FROM tasks WHERE parent_id = $1 AND org_id = $2";

int xf_store_task_child_for_org(xf_db *db, int64_t parent_id, int64_t org_id,
                                int64_t *id)
{
	xf_stmt *st = xf_db_stmt(db, sql_child_for_org);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, parent_id);
	xf_db_bind_int(st, 2, org_id);
	return xf_db_value(st, id);
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
	const char *lo, *hi;
	bounds(&f->ranges, &lo, &hi);
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->org_id);
	xf_db_bind_int(st, 10, f->year);
	xf_db_bind_str(st, 11, f->status ? f->status : "");
	xf_db_bind_str(st, 12, lo);
	xf_db_bind_str(st, 13, hi);
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
	const char *lo, *hi;
	bounds(r, &lo, &hi);
	xf_stmt *st = xf_db_stmt(db, sql_due);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_str(st, 9, lo);
	xf_db_bind_str(st, 10, hi);
	xf_db_bind_int(st, 11, org_id);
	xf_db_bind_str(st, 12, until);
	xf_db_bind_int(st, 13, max);
	return xf_db_rows(st, a, max, sizeof **out, read_task, out, n);
}

/* ---- milestones --------------------------------------------------------*/

static const char sql_ms_insert[] =
    "INSERT INTO milestones (task_id, org_path, seq, title, deliverable, "
    "due_on, done_on, weight, source_id, created_at, updated_at) VALUES "
    "($2, $3, $4, $5, $6, $7, $8, $9, $10, $1, $1) RETURNING id";

int xf_store_milestone_insert(xf_db *db, xf_milestone *m, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_ms_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, now);
	xf_db_bind_int(st, 2, m->task_id);
	xf_db_bind_str(st, 3, m->org_path);
	xf_db_bind_int(st, 4, m->seq);
	xf_db_bind_str(st, 5, m->title);
	xf_db_bind_str(st, 6, m->deliverable);
	xf_db_bind_str(st, 7, m->due_on);
	xf_db_bind_str(st, 8, m->done_on);
	xf_db_bind_int(st, 9, m->weight);
	xf_db_bind_id(st, 10, m->source_id);
	return xf_db_insert(st, &m->id);
}

static const char sql_ms_update[] =
    "UPDATE milestones SET title = $2, deliverable = $3, due_on = $4, "
    "done_on = $5, weight = $6, updated_at = $7 WHERE id = $1";

int xf_store_milestone_update(xf_db *db, const xf_milestone *m, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_ms_update);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, m->id);
	xf_db_bind_str(st, 2, m->title);
	xf_db_bind_str(st, 3, m->deliverable);
	xf_db_bind_str(st, 4, m->due_on);
	xf_db_bind_str(st, 5, m->done_on);
	xf_db_bind_int(st, 6, m->weight);
	xf_db_bind_int(st, 7, now);
	return xf_db_run(st);
}

static const char sql_ms_delete[] = "DELETE FROM milestones WHERE id = $1";

int xf_store_milestone_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_ms_delete, id);
}

static const char sql_ms_list[] =
    "SELECT m.id, m.task_id, COALESCE(m.source_id, 0), m.org_path, m.seq, "
    "m.weight, m.title, m.deliverable, m.due_on, m.done_on, "
    "(SELECT COUNT(*) FROM milestones c WHERE c.source_id = m.id), "
    "(SELECT COUNT(*) FROM milestones c WHERE c.source_id = m.id "
    "AND c.done_on IS NULL), "
    "(SELECT MAX(c.done_on) FROM milestones c WHERE c.source_id = m.id) "
    "FROM milestones m WHERE m.task_id = $1 ORDER BY m.seq, m.id "
    "LIMIT 200";

static void read_ms(xf_arena *a, xf_stmt *st, void *item)
{
	xf_milestone *m = item;
	m->id = xf_db_int(st, 0);
	m->task_id = xf_db_int(st, 1);
	m->source_id = xf_db_int(st, 2);
	m->org_path = xf_db_dup(a, st, 3);
	m->seq = (int)xf_db_int(st, 4);
	m->weight = (int)xf_db_int(st, 5);
	m->title = xf_db_dup(a, st, 6);
	m->deliverable = xf_db_opt(a, st, 7);
	m->due_on = xf_db_dup(a, st, 8);
	m->done_on = xf_db_opt(a, st, 9);
	m->copies = (int)xf_db_int(st, 10);
	m->copies_open = (int)xf_db_int(st, 11);
	m->copies_done_max = xf_db_opt(a, st, 12);
}

int xf_store_milestone_list(xf_db *db, xf_arena *a, int64_t task_id,
                            xf_milestone **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_ms_list);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, task_id);
	return xf_db_rows(st, a, 200, sizeof **out, read_ms, out, n);
}

static const char sql_ms_source_task[] =
    "SELECT task_id FROM milestones WHERE id = $1";

int xf_store_milestone_source_task(xf_db *db, int64_t source_id,
                                   int64_t *task_id)
{
	xf_stmt *st = xf_db_stmt(db, sql_ms_source_task);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, source_id);
	return xf_db_value(st, task_id);
}

/* ---- progress ----------------------------------------------------------*/

static const char sql_pr_insert[] =
    "INSERT INTO task_progress (task_id, org_path, percent, note, "
    "milestone_id, evidence, reported_on, user_id, username, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

int xf_store_progress_insert(xf_db *db, xf_progress *p)
{
	xf_stmt *st = xf_db_stmt(db, sql_pr_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, p->task_id);
	xf_db_bind_str(st, 2, p->org_path);
	xf_db_bind_int(st, 3, p->percent);
	xf_db_bind_str(st, 4, p->note);
	xf_db_bind_id(st, 5, p->milestone_id);
	xf_db_bind_str(st, 6, p->evidence);
	xf_db_bind_str(st, 7, p->reported_on);
	xf_db_bind_id(st, 8, p->user_id);
	xf_db_bind_str(st, 9, p->username);
	xf_db_bind_int(st, 10, p->created_at);
	return xf_db_insert(st, &p->id);
}

static const char sql_pr_list[] =
    "SELECT id, task_id, COALESCE(milestone_id, 0), COALESCE(user_id, 0), "
    "created_at, org_path, note, evidence, reported_on, "
    "COALESCE(username, ''), percent FROM task_progress "
    "WHERE task_id = $1 ORDER BY id DESC LIMIT $2";

static void read_pr(xf_arena *a, xf_stmt *st, void *item)
{
	xf_progress *p = item;
	p->id = xf_db_int(st, 0);
	p->task_id = xf_db_int(st, 1);
	p->milestone_id = xf_db_int(st, 2);
	p->user_id = xf_db_int(st, 3);
	p->created_at = xf_db_int(st, 4);
	p->org_path = xf_db_dup(a, st, 5);
	p->note = xf_db_opt(a, st, 6);
	p->evidence = xf_db_opt(a, st, 7);
	p->reported_on = xf_db_dup(a, st, 8);
	p->username = xf_db_dup(a, st, 9);
	p->percent = (int)xf_db_int(st, 10);
}

int xf_store_progress_list(xf_db *db, xf_arena *a, int64_t task_id, int max,
                           xf_progress **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_pr_list);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, task_id);
	xf_db_bind_int(st, 2, max);
	return xf_db_rows(st, a, max, sizeof **out, read_pr, out, n);
}

/* ---- acceptance --------------------------------------------------------*/

static const char sql_acc_del[] =
    "DELETE FROM task_acceptance WHERE task_id = $1";
static const char sql_acc_ins[] =
    "INSERT INTO task_acceptance (task_id, org_id, org_path, year, score, "
    "comment, user_id, username, at) VALUES ($1, $2, $3, $4, $5, $6, $7, "
    "$8, $9)";

int xf_store_acceptance_put(xf_db *db, const xf_acceptance *x)
{
	int rc = xf_db_run_id(db, sql_acc_del, x->task_id);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_acc_ins);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, x->task_id);
	xf_db_bind_int(st, 2, x->org_id);
	xf_db_bind_str(st, 3, x->org_path);
	xf_db_bind_int(st, 4, x->year);
	xf_db_bind_int(st, 5, x->score);
	xf_db_bind_str(st, 6, x->comment);
	xf_db_bind_id(st, 7, x->user_id);
	xf_db_bind_str(st, 8, x->username);
	xf_db_bind_int(st, 9, x->at);
	return xf_db_run(st);
}

static const char sql_acc_get[] =
    "SELECT task_id, org_id, COALESCE(user_id, 0), at, org_path, comment, "
    "COALESCE(username, ''), year, score FROM task_acceptance "
    "WHERE task_id = $1";

static void read_acceptance(xf_arena *a, xf_stmt *st, void *item)
{
	xf_acceptance *x = item;
	x->task_id = xf_db_int(st, 0);
	x->org_id = xf_db_int(st, 1);
	x->user_id = xf_db_int(st, 2);
	x->at = xf_db_int(st, 3);
	x->org_path = xf_db_dup(a, st, 4);
	x->comment = xf_db_opt(a, st, 5);
	x->username = xf_db_dup(a, st, 6);
	x->year = (int)xf_db_int(st, 7);
	x->score = (int)xf_db_int(st, 8);
}

int xf_store_acceptance_get(xf_db *db, xf_arena *a, int64_t task_id,
                            xf_acceptance *out)
{
	return xf_db_get(db, sql_acc_get, task_id, a, read_acceptance, out);
}

/* ---- tallies per organization -------------------------------------------*/

static const char sql_tally[] =
    "SELECT t.org_id, o.name, o.path, COUNT(*), "
    "SUM(CASE WHEN t.done_on IS NOT NULL THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.done_on IS NOT NULL AND t.done_on <= t.due_on "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.done_on IS NULL AND t.due_next < $11 "
    "THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN t.done_on IS NOT NULL OR t.due_on < $11 "
    "THEN 1 ELSE 0 END), "
    "COUNT(x.task_id), COALESCE(SUM(x.score), 0), SUM(t.percent), "
    "COALESCE(o.parent_id, 0), po.name "
    "FROM tasks t JOIN orgs o ON o.id = t.org_id "
    "LEFT JOIN orgs po ON po.id = o.parent_id "
    "LEFT JOIN task_acceptance x ON x.task_id = t.id "
    "WHERE t.org_path >= $9 AND t.org_path < $10 AND " XF_RANGES_SQL(
        "t.org_path", "1", "2", "3", "4", "5", "6", "7",
        "8") " AND t.year = $12 "
             "GROUP BY t.org_id, o.name, o.path, o.parent_id, po.name "
             "ORDER BY o.path LIMIT $13";

static void read_tally(xf_arena *a, xf_stmt *st, void *item)
{
	xf_task_tally *t = item;
	t->org_id = xf_db_int(st, 0);
	t->org_name = xf_db_dup(a, st, 1);
	t->org_path = xf_db_dup(a, st, 2);
	t->tasks = xf_db_int(st, 3);
	t->done = xf_db_int(st, 4);
	t->on_time = xf_db_int(st, 5);
	t->overdue = xf_db_int(st, 6);
	t->due = xf_db_int(st, 7);
	t->accepted = xf_db_int(st, 8);
	t->score_sum = xf_db_int(st, 9);
	t->percent_sum = xf_db_int(st, 10);
	t->org_parent_id = xf_db_int(st, 11);
	t->org_parent_name = xf_db_opt(a, st, 12);
}

int xf_store_task_tally(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                        const char *today, int max, xf_task_tally **out, int *n)
{
	const char *lo, *hi;
	bounds(r, &lo, &hi);
	xf_stmt *st = xf_db_stmt(db, sql_tally);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_str(st, 9, lo);
	xf_db_bind_str(st, 10, hi);
	xf_db_bind_str(st, 11, today);
	xf_db_bind_int(st, 12, year);
	xf_db_bind_int(st, 13, max);
	return xf_db_rows(st, a, max, sizeof **out, read_tally, out, n);
}
