/*
 * honors.c - SQL of the honors and results registry.
 */
#include "store/honors.h"

static const char sql_insert[] =
    "INSERT INTO honors (org_id, org_path, member_id, member_name, "
    "brand_id, title, category, level, grade, year, awarded_by, "
    "awarded_on, source, source_ref, created_by, created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$16, $1, $1) RETURNING id";

/* The fields a write binds, from $2 (insert) or $2 (update: id in $1). */
#define HONOR_WRITE_COLS                                                       \
	XF_COL(I64, xf_honor, org_id), XF_COL(STR, xf_honor, org_path),        \
	    XF_COL(ID, xf_honor, member_id),                                   \
	    XF_COL(OPT, xf_honor, member_name),                                \
	    XF_COL(ID, xf_honor, brand_id), XF_COL(STR, xf_honor, title),      \
	    XF_COL(STR, xf_honor, category), XF_COL(STR, xf_honor, level),     \
	    XF_COL(OPT, xf_honor, grade), XF_COL(INT, xf_honor, year),         \
	    XF_COL(STR, xf_honor, awarded_by),                                 \
	    XF_COL(STR, xf_honor, awarded_on)

static const xf_db_col insert_cols[] = {
    HONOR_WRITE_COLS,
    XF_COL(STR, xf_honor, source),
    XF_COL(OPT, xf_honor, source_ref),
    XF_COL(ID, xf_honor, created_by),
};

int xf_store_honor_insert(xf_db *db, xf_honor *h, int64_t now)
{
	int rc =
	    xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                      insert_cols, XF_NCOLS(insert_cols), h, &h->id);
	if (rc == XF_DB_OK)
		h->created_at = h->updated_at = now;
	return rc;
}

#define HONOR_COLS                                                             \
	"h.id, h.title, h.category, h.level, h.grade, h.year, h.awarded_by, "  \
	"h.awarded_on, h.org_id, h.org_path, o.name, "                         \
	"COALESCE(h.member_id, 0), h.member_name, COALESCE(h.brand_id, 0), "   \
	"b.name, h.source, h.source_ref, (SELECT COUNT(*) FROM attachments "   \
	"at WHERE at.subject = 'honor' AND at.subject_id = h.id), "            \
	"COALESCE(h.created_by, 0), h.created_at, h.updated_at"
#define HONOR_FROM                                                             \
	" FROM honors h JOIN orgs o ON o.id = h.org_id "                       \
	"LEFT JOIN brands b ON b.id = h.brand_id"

XF_DB_LIST_READER(read_honor, XF_HONOR_FIELDS, xf_honor);

static const char sql_get[] =
    "SELECT " HONOR_COLS HONOR_FROM " WHERE h.id = $1";

XF_DB_GETTER(xf_store_honor_get, xf_honor, sql_get, read_honor);

static const char sql_by_source[] =
    "SELECT " HONOR_COLS HONOR_FROM " WHERE h.source_ref = $1";

int xf_store_honor_by_source(xf_db *db, xf_arena *a, const char *source_ref,
                             xf_honor *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_by_source, XF_STR(source_ref));
	return xf_db_row(st, a, read_honor, out);
}

static const char sql_update[] =
    "UPDATE honors SET org_id = $2, org_path = $3, member_id = $4, "
    "member_name = $5, brand_id = $6, title = $7, category = $8, "
    "level = $9, grade = $10, year = $11, awarded_by = $12, "
    "awarded_on = $13, updated_at = $14 WHERE id = $1";

static const xf_db_col update_cols[] = {HONOR_WRITE_COLS};

int xf_store_honor_update(xf_db *db, const xf_honor *h, int64_t now)
{
	return xf_db_run_cols_now(XF_DB_BOUND(db, sql_update, XF_INT(h->id)), 2,
	                          update_cols, XF_NCOLS(update_cols), h, now);
}

static const char sql_delete[] = "DELETE FROM honors WHERE id = $1";

int xf_store_honor_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_delete, id);
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("h.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7",                                           \
	                        "8") " AND ($9 = 0 OR h.year = $9) "           \
	                             "AND ($10 = '' OR h.category = $10) "     \
	                             "AND ($11 = '' OR h.level = $11) "        \
	                             "AND ($12 = '' OR h.grade = $12) "        \
	                             "AND ($13 = 0 OR h.member_id = $13) "     \
	                             "AND ($14 = 0 OR h.brand_id = $14)"

static const char sql_count[] = "SELECT COUNT(*) FROM honors h" LIST_WHERE;
static const char sql_list[] =
    "SELECT " HONOR_COLS HONOR_FROM LIST_WHERE
    " ORDER BY h.awarded_on DESC, h.id DESC LIMIT $15 OFFSET $16";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_honor_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->ranges);
	xf_db_bind_int(st, 9, f->year);
	xf_db_bind_str(st, 10, f->category ? f->category : "");
	xf_db_bind_str(st, 11, f->level ? f->level : "");
	xf_db_bind_str(st, 12, f->grade ? f->grade : "");
	xf_db_bind_int(st, 13, f->member_id);
	xf_db_bind_int(st, 14, f->brand_id);
}

static const xf_db_list honor_list = {sql_count, sql_list,         bind_filter,
                                      15,        sizeof(xf_honor), read_honor};

int xf_store_honor_list(xf_db *db, xf_arena *a, const xf_honor_filter *f,
                        int offset, int limit, xf_honor **out, int *n,
                        int64_t *total)
{
	return xf_db_list_page(db, &honor_list, f, limit, offset, a, out, n,
	                       total);
}

static const char sql_counts[] =
    "SELECT h.category, h.level, h.grade, COUNT(*) FROM honors h" LIST_WHERE
    " GROUP BY h.category, h.level, h.grade LIMIT 1000";

static const xf_db_col count_cols[] = {
    XF_COL(STR, xf_honor_count, category),
    XF_COL(STR, xf_honor_count, level),
    XF_COL(OPT, xf_honor_count, grade),
    XF_COL(I64, xf_honor_count, count),
};

XF_DB_READER(read_count, count_cols);

int xf_store_honor_counts(xf_db *db, xf_arena *a, const xf_honor_filter *f,
                          xf_honor_count **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_counts);
	if (!st)
		return XF_DB_ERROR;
	bind_filter(st, f);
	return xf_db_rows(st, a, 1000, sizeof **out, read_count, out, n);
}

static const char sql_by_org[] =
    "SELECT h.org_id, COUNT(*) FROM honors h WHERE " XF_RANGES_SQL(
        "h.org_path", "1", "2", "3", "4", "5", "6", "7",
        "8") " AND h.year = $9 GROUP BY h.org_id";

typedef struct org_count {
	int64_t id, count;
} org_count;

static const xf_db_col org_count_cols[] = {
    XF_COL(I64, org_count, id),
    XF_COL(I64, org_count, count),
};

XF_DB_READER(read_org_count, org_count_cols);

int xf_store_honor_counts_by_org(xf_db *db, xf_arena *a, const xf_ranges *r,
                                 int year, int cap, int64_t **ids,
                                 int64_t **counts, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_by_org);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_int(st, 9, year);
	org_count *rows;
	int rc = xf_db_rows(st, a, cap, sizeof *rows, read_org_count, &rows, n);
	if (rc != XF_DB_OK)
		return rc;
	*ids = xf_arena_calloc(a, (size_t)*n + 1, sizeof **ids);
	*counts = xf_arena_calloc(a, (size_t)*n + 1, sizeof **counts);
	if (!*ids || !*counts)
		return XF_DB_ERROR;
	for (int i = 0; i < *n; i++) {
		(*ids)[i] = rows[i].id;
		(*counts)[i] = rows[i].count;
	}
	return XF_DB_OK;
}
