/*
 * plans.c - SQL of year plans and their items. A plan row carries its
 * organization's path, so the plans of a subtree are one range scan.
 */
#include "store/plans.h"

#include <string.h>

static const char sql_insert[] =
    "INSERT INTO plans (org_id, org_path, year, title, created_by, "
    "created_at, updated_at) VALUES ($2, $3, $4, $5, $6, $1, $1) "
    "RETURNING id";

static const xf_db_col plan_insert_cols[] = {
    XF_COL(I64, xf_plan, org_id),    XF_COL(STR, xf_plan, org_path),
    XF_COL(INT, xf_plan, year),      XF_COL(STR, xf_plan, title),
    XF_COL(ID, xf_plan, created_by),
};

int xf_store_plan_insert(xf_db *db, xf_plan *p, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         plan_insert_cols, XF_NCOLS(plan_insert_cols),
	                         p, &p->id);
}

#define PLAN_COLS                                                              \
	"p.id, p.org_id, COALESCE(p.created_by, 0), p.created_at, "            \
	"p.updated_at, p.org_path, o.name, p.title, p.year, "                  \
	"(SELECT COUNT(*) FROM plan_items i WHERE i.plan_id = p.id), "         \
	"(SELECT COUNT(*) FROM tasks t WHERE t.plan_id = p.id)"

static const xf_db_col plan_cols[] = {
    XF_COL(I64, xf_plan, id),         XF_COL(I64, xf_plan, org_id),
    XF_COL(I64, xf_plan, created_by), XF_COL(I64, xf_plan, created_at),
    XF_COL(I64, xf_plan, updated_at), XF_COL(STR, xf_plan, org_path),
    XF_COL(STR, xf_plan, org_name),   XF_COL(STR, xf_plan, title),
    XF_COL(INT, xf_plan, year),       XF_COL(I64, xf_plan, item_count),
    XF_COL(I64, xf_plan, task_count),
};

XF_DB_READER(read_plan, plan_cols);

static const char sql_get[] =
    "SELECT " PLAN_COLS " FROM plans p JOIN orgs o ON o.id = p.org_id "
    "WHERE p.id = $1";

XF_DB_GETTER(xf_store_plan_get, xf_plan, sql_get, read_plan);

static const char sql_update[] =
    "UPDATE plans SET title = $2, year = $3, updated_at = $4 WHERE id = $1";

int xf_store_plan_update(xf_db *db, const xf_plan *p, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_update, XF_INT(p->id),
	                             XF_STR(p->title), XF_INT(p->year),
	                             XF_INT(now)));
}

static const char sql_delete_items[] =
    "DELETE FROM plan_items WHERE plan_id = $1";
static const char sql_delete[] = "DELETE FROM plans WHERE id = $1";

int xf_store_plan_delete(xf_db *db, int64_t id)
{
	int rc = xf_db_run_id(db, sql_delete_items, id);
	return rc == XF_DB_OK ? xf_db_run_id(db, sql_delete, id) : rc;
}

static const char sql_usage[] =
    "SELECT COUNT(*), COUNT(x.task_id) FROM tasks t "
    "LEFT JOIN task_acceptance x ON x.task_id = t.id WHERE t.plan_id = $1";

int xf_store_plan_usage(xf_db *db, int64_t id, int64_t *tasks,
                        int64_t *accepted)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_usage, XF_INT(id));
	if (!st)
		return XF_DB_ERROR;
	int64_t v[2];
	int rc = xf_db_ints(st, v, 2);
	*tasks = v[0];
	*accepted = v[1];
	return rc;
}

static const char sql_item_insert[] =
    "INSERT INTO plan_items (plan_id, seq, title, goal, measures, "
    "lead_org_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

static const xf_db_col plan_item_insert_cols[] = {
    XF_COL(I64, xf_plan_item, plan_id),  XF_COL(INT, xf_plan_item, seq),
    XF_COL(STR, xf_plan_item, title),    XF_COL(STR, xf_plan_item, goal),
    XF_COL(STR, xf_plan_item, measures), XF_COL(I64, xf_plan_item, lead_org_id),
};

int xf_store_plan_item_insert(xf_db *db, xf_plan_item *it)
{
	return xf_db_insert_cols(xf_db_stmt(db, sql_item_insert), 1,
	                         plan_item_insert_cols,
	                         XF_NCOLS(plan_item_insert_cols), it, &it->id);
}

static const char sql_items[] =
    "SELECT i.id, i.plan_id, i.lead_org_id, o.name, i.seq, i.title, "
    "i.goal, i.measures, COALESCE((SELECT MIN(t.id) FROM tasks t "
    "WHERE t.plan_item_id = i.id AND t.parent_id IS NULL), 0) "
    "FROM plan_items i JOIN orgs o ON o.id = i.lead_org_id "
    "WHERE i.plan_id = $1 ORDER BY i.seq, i.id LIMIT 500";

static const xf_db_col item_cols[] = {
    XF_COL(I64, xf_plan_item, id),
    XF_COL(I64, xf_plan_item, plan_id),
    XF_COL(I64, xf_plan_item, lead_org_id),
    XF_COL(STR, xf_plan_item, lead_org_name),
    XF_COL(INT, xf_plan_item, seq),
    XF_COL(STR, xf_plan_item, title),
    XF_COL(OPT, xf_plan_item, goal),
    XF_COL(OPT, xf_plan_item, measures),
    XF_COL(I64, xf_plan_item, task_id),
};

XF_DB_READER(read_item, item_cols);

XF_DB_ROWS_OF(xf_store_plan_items, xf_plan_item, sql_items, read_item, 500);

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("p.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR p.org_id = $9) "    \
	                                  "AND ($10 = 0 OR p.year = $10)"

static const char sql_count[] = "SELECT COUNT(*) FROM plans p" LIST_WHERE;
static const char sql_list[] =
    "SELECT " PLAN_COLS
    " FROM plans p JOIN orgs o ON o.id = p.org_id" LIST_WHERE
    " ORDER BY p.year DESC, p.id DESC "
    "LIMIT $11 OFFSET $12";

static const xf_db_list plan_list = {
    sql_count, sql_list, xf_db_bind_scoped, 11, sizeof(xf_plan), read_plan};

int xf_store_plan_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                       int64_t org_id, int year, int offset, int limit,
                       xf_plan **out, int *n, int64_t *total)
{
	xf_db_scoped f = {r, {org_id, year}, 2};
	return xf_db_list_page(db, &plan_list, &f, limit, offset, a, out, n,
	                       total);
}
