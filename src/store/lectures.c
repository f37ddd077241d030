/*
 * lectures.c - SQL of the lecture library.
 */
#include "store/lectures.h"

#include "store/attachments.h"

#include <stdio.h>

static const char sql_insert[] =
    "INSERT INTO lectures (org_id, org_path, title, speaker, given_on, kind, "
    "summary, created_by, created_at, updated_at) VALUES ($2, $3, $4, $5, "
    "$6, $7, $8, $9, $1, $1) RETURNING id";

static const xf_db_col insert_cols[] = {
    XF_COL(I64, xf_lecture, org_id),   XF_COL(STR, xf_lecture, org_path),
    XF_COL(STR, xf_lecture, title),    XF_COL(STR, xf_lecture, speaker),
    XF_COL(STR, xf_lecture, given_on), XF_COL(STR, xf_lecture, kind),
    XF_COL(OPT, xf_lecture, summary),  XF_COL(ID, xf_lecture, created_by),
};

int xf_store_lecture_insert(xf_db *db, xf_lecture *l, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         insert_cols, XF_NCOLS(insert_cols), l, &l->id);
}

#define LECTURE_COLS                                                           \
	"l.id, l.org_id, l.org_path, o.name, l.title, l.speaker, l.given_on, " \
	"l.kind, l.summary, (SELECT COUNT(*) FROM attachments at WHERE "       \
	"at.subject = 'lecture' AND at.subject_id = l.id), "                   \
	"COALESCE(l.created_by, 0), l.created_at, l.updated_at"
#define LECTURE_FROM " FROM lectures l JOIN orgs o ON o.id = l.org_id"

static const xf_db_col lecture_cols[] = {
    XF_COL(I64, xf_lecture, id),
    XF_COL(I64, xf_lecture, org_id),
    XF_COL(STR, xf_lecture, org_path),
    XF_COL(STR, xf_lecture, org_name),
    XF_COL(STR, xf_lecture, title),
    XF_COL(STR, xf_lecture, speaker),
    XF_COL(STR, xf_lecture, given_on),
    XF_COL(STR, xf_lecture, kind),
    XF_COL(OPT, xf_lecture, summary),
    XF_COL(I64, xf_lecture, attachment_count),
    XF_COL(I64, xf_lecture, created_by),
    XF_COL(I64, xf_lecture, created_at),
    XF_COL(I64, xf_lecture, updated_at),
};

XF_DB_READER(read_lecture, lecture_cols);

static const char sql_get[] =
    "SELECT " LECTURE_COLS LECTURE_FROM " WHERE l.id = $1";

XF_DB_GETTER(xf_store_lecture_get, xf_lecture, sql_get, read_lecture);

static const char sql_update[] =
    "UPDATE lectures SET title = $2, speaker = $3, given_on = $4, kind = $5, "
    "summary = $6, updated_at = $7 WHERE id = $1";

int xf_store_lecture_update(xf_db *db, const xf_lecture *l, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_update, XF_INT(l->id),
	                             XF_STR(l->title), XF_STR(l->speaker),
	                             XF_STR(l->given_on), XF_STR(l->kind),
	                             XF_STR(l->summary), XF_INT(now)));
}

static const char sql_delete[] = "DELETE FROM lectures WHERE id = $1";

int xf_store_lecture_delete(xf_db *db, int64_t id)
{
	int rc = xf_store_attachment_delete_subject(db, "lecture", id);
	return rc == XF_DB_OK ? xf_db_run_id(db, sql_delete, id) : rc;
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("l.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND l.given_on >= $9 "             \
	                                  "AND l.given_on <= $10 "             \
	                                  "AND ($11 = '' OR l.kind = $11) "    \
	                                  "AND (l.title LIKE $12 ESCAPE '\\' " \
	                                  "OR l.speaker LIKE $12 ESCAPE '\\')"

static const char sql_count[] = "SELECT COUNT(*) FROM lectures l" LIST_WHERE;
static const char sql_list[] =
    "SELECT " LECTURE_COLS LECTURE_FROM LIST_WHERE
    " ORDER BY l.given_on DESC, l.id DESC LIMIT $13 OFFSET $14";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_lecture_filter *f = filter;
	char lo[16] = "0000-00-00", hi[16] = "9999-12-31";
	if (f->year) {
		snprintf(lo, sizeof lo, "%04d-01-01", f->year);
		snprintf(hi, sizeof hi, "%04d-12-31", f->year);
	}
	xf_db_bind_ranges(st, 1, f->ranges);
	xf_db_bind_str(st, 9, lo);
	xf_db_bind_str(st, 10, hi);
	xf_db_bind_str(st, 11, f->kind ? f->kind : "");
	xf_db_bind_contains(st, 12, f->q);
}

static const xf_db_list lecture_list = {
    sql_count, sql_list, bind_filter, 13, sizeof(xf_lecture), read_lecture};

int xf_store_lecture_list(xf_db *db, xf_arena *a, const xf_lecture_filter *f,
                          int offset, int limit, xf_lecture **out, int *n,
                          int64_t *total)
{
	return xf_db_list_page(db, &lecture_list, f, limit, offset, a, out, n,
	                       total);
}
