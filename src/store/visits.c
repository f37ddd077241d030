/*
 * visits.c - SQL of 四必访: triggers, their visits, coverage per
 * organization.
 */
#include "store/visits.h"

static const char sql_trigger_insert[] =
    "INSERT INTO visit_triggers (member_id, member_name, org_id, org_path, "
    "kind, occurred_on, due_on, owed_by, created_by, created_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $1) RETURNING id";

static const xf_db_col trigger_write_cols[] = {
    XF_COL(I64, xf_visit_trigger, member_id),
    XF_COL(STR, xf_visit_trigger, member_name),
    XF_COL(I64, xf_visit_trigger, org_id),
    XF_COL(STR, xf_visit_trigger, org_path),
    XF_COL(STR, xf_visit_trigger, kind),
    XF_COL(STR, xf_visit_trigger, occurred_on),
    XF_COL(STR, xf_visit_trigger, due_on),
    XF_COL(STR, xf_visit_trigger, owed_by),
    XF_COL(ID, xf_visit_trigger, created_by),
};

int xf_store_visit_trigger_insert(xf_db *db, xf_visit_trigger *t, int64_t now)
{
	int rc = xf_db_insert_cols(
	    XF_DB_BOUND(db, sql_trigger_insert, XF_INT(now)), 2,
	    trigger_write_cols, XF_NCOLS(trigger_write_cols), t, &t->id);
	if (rc == XF_DB_OK)
		t->created_at = now;
	return rc;
}

#define TRIGGER_COLS                                                           \
	"t.id, t.member_id, t.member_name, t.org_id, t.org_path, o.name, "     \
	"t.kind, t.occurred_on, t.due_on, t.owed_by, COALESCE(v.id, 0), "      \
	"v.visited_on, COALESCE(t.created_by, 0), t.created_at"
#define TRIGGER_FROM                                                           \
	" FROM visit_triggers t JOIN orgs o ON o.id = t.org_id "               \
	"LEFT JOIN visits v ON v.trigger_id = t.id"

XF_DB_LIST_READER(read_trigger, XF_VISIT_TRIGGER_FIELDS, xf_visit_trigger);

static const char sql_trigger_get[] =
    "SELECT " TRIGGER_COLS TRIGGER_FROM " WHERE t.id = $1";

XF_DB_GETTER(xf_store_visit_trigger_get, xf_visit_trigger, sql_trigger_get,
             read_trigger);

#define DUE_WHERE                                                              \
	" WHERE v.id IS NULL AND " XF_RANGES_SQL("t.org_path", "1", "2", "3",  \
	                                         "4", "5", "6", "7", "8")

static const char sql_due_count[] =
    "SELECT COUNT(*) FROM visit_triggers t "
    "LEFT JOIN visits v ON v.trigger_id = t.id" DUE_WHERE;
static const char sql_due_list[] =
    "SELECT " TRIGGER_COLS TRIGGER_FROM DUE_WHERE
    " ORDER BY t.due_on, t.id LIMIT $9 OFFSET $10";

static const xf_db_list due_list = {
    sql_due_count, sql_due_list, xf_db_bind_scope, 9, sizeof(xf_visit_trigger),
    read_trigger};

int xf_store_visit_due(xf_db *db, xf_arena *a, const xf_ranges *r, int offset,
                       int limit, xf_visit_trigger **out, int *n,
                       int64_t *total)
{
	return xf_db_list_page(db, &due_list, r, limit, offset, a, out, n,
	                       total);
}

static const char sql_visit_insert[] =
    "INSERT INTO visits (trigger_id, visitor_id, visited_on, notes, "
    "help_given, on_time, created_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $1) RETURNING id";

static const xf_db_col visit_write_cols[] = {
    XF_COL(I64, xf_visit, trigger_id), XF_COL(I64, xf_visit, visitor_id),
    XF_COL(STR, xf_visit, visited_on), XF_COL(OPT, xf_visit, notes),
    XF_COL(OPT, xf_visit, help_given), XF_COL(INT, xf_visit, on_time),
};

int xf_store_visit_insert(xf_db *db, xf_visit *v, int64_t now)
{
	int rc = xf_db_insert_cols(
	    XF_DB_BOUND(db, sql_visit_insert, XF_INT(now)), 2, visit_write_cols,
	    XF_NCOLS(visit_write_cols), v, &v->id);
	if (rc == XF_DB_OK)
		v->created_at = now;
	return rc;
}

#define VISIT_COLS                                                             \
	"v.id, v.trigger_id, t.member_id, t.member_name, t.org_id, "           \
	"t.org_path, o.name, t.kind, t.occurred_on, t.due_on, v.visitor_id, "  \
	"u.username, v.visited_on, v.notes, v.help_given, v.on_time, "         \
	"v.created_at"
#define VISIT_FROM                                                             \
	" FROM visits v JOIN visit_triggers t ON t.id = v.trigger_id "         \
	"JOIN orgs o ON o.id = t.org_id LEFT JOIN users u ON u.id = "          \
	"v.visitor_id"

XF_DB_LIST_READER(read_visit, XF_VISIT_FIELDS, xf_visit);

static const char sql_visit_get[] =
    "SELECT " VISIT_COLS VISIT_FROM " WHERE v.id = $1";

XF_DB_GETTER(xf_store_visit_get, xf_visit, sql_visit_get, read_visit);

/* The filter of a list of visits: ranges from $1, days at $9 and $10. */
typedef struct visit_filter {
	const xf_ranges *r;
	const char *first, *last;
} visit_filter;

static void bind_visit_filter(xf_stmt *st, const void *filter)
{
	const visit_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->r);
	xf_db_bind_str(st, 9, f->first ? f->first : "");
	xf_db_bind_str(st, 10, f->last ? f->last : "");
}

#define VISIT_WHERE                                                            \
	" WHERE " XF_RANGES_SQL("t.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7",                                           \
	                        "8") " AND ($9 = '' OR v.visited_on >= $9) "   \
	                             "AND ($10 = '' OR v.visited_on <= $10)"

static const char sql_visit_count[] =
    "SELECT COUNT(*) FROM visits v JOIN visit_triggers t ON t.id = "
    "v.trigger_id" VISIT_WHERE;
static const char sql_visit_list[] =
    "SELECT " VISIT_COLS VISIT_FROM VISIT_WHERE
    " ORDER BY v.visited_on DESC, v.id DESC LIMIT $11 OFFSET $12";

static const xf_db_list visit_list = {sql_visit_count,   sql_visit_list,
                                      bind_visit_filter, 11,
                                      sizeof(xf_visit),  read_visit};

int xf_store_visit_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                        const char *first, const char *last, int offset,
                        int limit, xf_visit **out, int *n, int64_t *total)
{
	visit_filter f = {r, first, last};
	return xf_db_list_page(db, &visit_list, &f, limit, offset, a, out, n,
	                       total);
}

static const char sql_coverage[] =
    "SELECT t.org_id, o.name, o.path, COUNT(*), COUNT(v.id), "
    "SUM(CASE WHEN v.on_time = 1 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN v.id IS NULL AND t.due_on < $11 THEN 1 ELSE 0 END) "
    "FROM visit_triggers t JOIN orgs o ON o.id = t.org_id "
    "LEFT JOIN visits v ON v.trigger_id = t.id "
    "WHERE " XF_RANGES_SQL("t.org_path", "1", "2", "3", "4", "5", "6", "7",
                           "8") " AND t.occurred_on >= $9 AND "
                                "t.occurred_on <= $10 "
                                "GROUP BY t.org_id, o.name, o.path "
                                "ORDER BY o.path LIMIT $12";

static const xf_db_col coverage_cols[] = {
    XF_COL(I64, xf_visit_coverage_row, org_id),
    XF_COL(STR, xf_visit_coverage_row, org_name),
    XF_COL(STR, xf_visit_coverage_row, org_path),
    XF_COL(I64, xf_visit_coverage_row, owed),
    XF_COL(I64, xf_visit_coverage_row, done),
    XF_COL(I64, xf_visit_coverage_row, on_time),
    XF_COL(I64, xf_visit_coverage_row, overdue_open),
};

XF_DB_READER(read_coverage, coverage_cols);

int xf_store_visit_coverage(xf_db *db, xf_arena *a, const xf_ranges *r,
                            const char *first, const char *last,
                            const char *today, int cap,
                            xf_visit_coverage_row **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_coverage);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_str(st, 9, first);
	xf_db_bind_str(st, 10, last);
	xf_db_bind_str(st, 11, today);
	xf_db_bind_int(st, 12, cap);
	return xf_db_rows(st, a, cap, sizeof **out, read_coverage, out, n);
}

static const char sql_kind_insert[] =
    "INSERT INTO visit_kinds (code, label, days, owed_by, created_by, "
    "created_at) VALUES ($3, $4, $5, $6, $1, $2)";

static const xf_db_col kind_cols[] = {
    XF_COL(STR, xf_visit_kind, code),
    XF_COL(STR, xf_visit_kind, label),
    XF_COL(INT, xf_visit_kind, days),
    XF_COL(STR, xf_visit_kind, owed_by),
};

int xf_store_visit_kind_insert(xf_db *db, const xf_visit_kind *k,
                               int64_t created_by, int64_t now)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_kind_insert, XF_INT(created_by), XF_INT(now));
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 3, kind_cols, XF_NCOLS(kind_cols), k);
	return xf_db_run(st);
}

XF_DB_READER(read_kind, kind_cols);

static const char sql_kind_get[] =
    "SELECT code, label, days, owed_by FROM visit_kinds WHERE code = $1";

int xf_store_visit_kind_get(xf_db *db, xf_arena *a, const char *code,
                            xf_visit_kind *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_kind_get, XF_STR(code));
	return xf_db_row(st, a, read_kind, out);
}

static const char sql_kind_list[] =
    "SELECT code, label, days, owed_by FROM visit_kinds ORDER BY label "
    "LIMIT 200";

int xf_store_visit_kind_list(xf_db *db, xf_arena *a, xf_visit_kind **out,
                             int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_kind_list);
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, 200, sizeof **out, read_kind, out, n);
}
