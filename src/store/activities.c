/*
 * activities.c - SQL of activities and their sign-ups.
 */
#include "store/activities.h"

#include "domain/activities.h"

#include <string.h>

static const char sql_insert[] =
    "INSERT INTO activities (org_id, org_path, title, kind, place, "
    "description, starts_at, signup_closes_at, capacity, year, created_by, "
    "created_at, updated_at) VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, "
    "$11, $12, $1, $1) RETURNING id";

static const xf_db_col insert_cols[] = {
    XF_COL(I64, xf_activity, org_id),
    XF_COL(STR, xf_activity, org_path),
    XF_COL(STR, xf_activity, title),
    XF_COL(STR, xf_activity, kind),
    XF_COL(STR, xf_activity, place),
    XF_COL(OPT, xf_activity, description),
    XF_COL(I64, xf_activity, starts_at),
    XF_COL(I64, xf_activity, signup_closes_at),
    XF_COL(INT, xf_activity, capacity),
    XF_COL(INT, xf_activity, year),
    XF_COL(ID, xf_activity, created_by),
};

int xf_store_activity_insert(xf_db *db, xf_activity *a, int64_t now)
{
	int rc =
	    xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                      insert_cols, XF_NCOLS(insert_cols), a, &a->id);
	if (rc == XF_DB_OK)
		a->created_at = a->updated_at = now;
	return rc;
}

/* The columns of an activity; the caller's member id is $1. */
#define ACTIVITY_COLS                                                          \
	"a.id, a.org_id, a.org_path, o.name, a.title, a.kind, a.place, "       \
	"a.description, a.starts_at, a.signup_closes_at, a.capacity, "         \
	"a.year, "                                                             \
	"(SELECT COUNT(*) FROM activity_signups s WHERE s.activity_id = a.id " \
	"AND s.status = 'confirmed'), "                                        \
	"(SELECT COUNT(*) FROM activity_signups s WHERE s.activity_id = a.id " \
	"AND s.status = 'waiting'), "                                          \
	"(SELECT COUNT(*) FROM activity_signups s WHERE s.activity_id = a.id " \
	"AND s.attended = 1), "                                                \
	"(SELECT s.status FROM activity_signups s WHERE s.activity_id = a.id " \
	"AND s.member_id = $1), "                                              \
	"(SELECT COUNT(*) FROM activity_signups w WHERE w.activity_id = a.id " \
	"AND w.status = 'waiting' AND w.id <= (SELECT s.id FROM "              \
	"activity_signups s WHERE s.activity_id = a.id AND s.member_id = $1 "  \
	"AND s.status = 'waiting')), "                                         \
	"COALESCE(a.created_by, 0), a.created_at, a.updated_at"
#define ACTIVITY_FROM " FROM activities a JOIN orgs o ON o.id = a.org_id"

static const xf_db_col activity_cols[] = {
    XF_COL(I64, xf_activity, id),
    XF_COL(I64, xf_activity, org_id),
    XF_COL(STR, xf_activity, org_path),
    XF_COL(STR, xf_activity, org_name),
    XF_COL(STR, xf_activity, title),
    XF_COL(STR, xf_activity, kind),
    XF_COL(STR, xf_activity, place),
    XF_COL(OPT, xf_activity, description),
    XF_COL(I64, xf_activity, starts_at),
    XF_COL(I64, xf_activity, signup_closes_at),
    XF_COL(INT, xf_activity, capacity),
    XF_COL(INT, xf_activity, year),
    XF_COL(I64, xf_activity, confirmed),
    XF_COL(I64, xf_activity, waiting),
    XF_COL(I64, xf_activity, attended),
    XF_COL(OPT, xf_activity, my_status),
    XF_COL(I64, xf_activity, my_position),
    XF_COL(I64, xf_activity, created_by),
    XF_COL(I64, xf_activity, created_at),
    XF_COL(I64, xf_activity, updated_at),
};

XF_DB_READER(read_activity, activity_cols);

static const char sql_get[] =
    "SELECT " ACTIVITY_COLS ACTIVITY_FROM " WHERE a.id = $2";

int xf_store_activity_get(xf_db *db, xf_arena *ar, int64_t id,
                          int64_t member_id, xf_activity *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_get, XF_INT(member_id), XF_INT(id));
	return xf_db_row(st, ar, read_activity, out);
}

static const char sql_touch[] =
    "UPDATE activities SET updated_at = $2 WHERE id = $1";

int xf_store_activity_touch(xf_db *db, int64_t id, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_touch, XF_INT(id), XF_INT(now)));
}

/* $1 the member, $2..$9 the ranges, $10 the member's path ('' none),
 * $11 the year (0 any), $12 when, $13 now. */
#define LIST_WHERE                                                             \
	" WHERE (" XF_RANGES_SQL("a.org_path", "2", "3", "4", "5", "6", "7",   \
	                         "8", "9") " OR (CAST($10 AS TEXT) <> '' AND " \
	                                   "substr(CAST($10 AS TEXT), 1, "     \
	                                   "length(a.org_path)) = "            \
	                                   "a.org_path)) "                     \
	                                   "AND ($11 = 0 OR a.year = $11) "    \
	                                   "AND ($12 = 0 OR ($12 = 1 AND "     \
	                                   "a.starts_at >= $13) OR ($12 = 2 "  \
	                                   "AND a.starts_at < $13))"

static const char sql_count[] = "SELECT COUNT(*) FROM activities a" LIST_WHERE
                                " AND CAST($1 AS BIGINT) >= 0";
static const char sql_list[] =
    "SELECT " ACTIVITY_COLS ACTIVITY_FROM LIST_WHERE
    " ORDER BY CASE WHEN $12 = 1 THEN a.starts_at ELSE -a.starts_at END, "
    "a.id DESC LIMIT $14 OFFSET $15";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_activity_filter *f = filter;
	xf_db_bind_int(st, 1, f->member_id);
	xf_db_bind_ranges(st, 2, f->ranges);
	xf_db_bind_str(st, 10, f->member_path ? f->member_path : "");
	xf_db_bind_int(st, 11, f->year);
	xf_db_bind_int(st, 12, f->when);
	xf_db_bind_int(st, 13, f->now);
}

static const xf_db_list activity_list = {
    sql_count, sql_list, bind_filter, 14, sizeof(xf_activity), read_activity};

int xf_store_activity_list(xf_db *db, xf_arena *ar, const xf_activity_filter *f,
                           int offset, int limit, xf_activity **out, int *n,
                           int64_t *total)
{
	return xf_db_list_page(db, &activity_list, f, limit, offset, ar, out, n,
	                       total);
}

static const char sql_stats[] =
    "SELECT a.kind, COUNT(DISTINCT a.id), "
    "COUNT(DISTINCT CASE WHEN a.starts_at < $13 THEN a.id END), "
    "COALESCE(SUM(CASE WHEN s.status = 'confirmed' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN s.status = 'waiting' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(s.attended), 0) "
    "FROM activities a LEFT JOIN activity_signups s ON s.activity_id = a.id"
    " WHERE " XF_RANGES_SQL(
        "a.org_path", "2", "3", "4", "5", "6", "7", "8",
        "9") " AND a.year = $11 AND CAST($1 AS BIGINT) >= 0 "
             "AND CAST($10 AS TEXT) = '' AND $12 >= 0 "
             "GROUP BY a.kind";

typedef struct kind_row {
	const char *kind;
	int64_t activities, past, confirmed, waiting, attended;
} kind_row;

static const xf_db_col kind_cols[] = {
    XF_COL(STR, kind_row, kind),    XF_COL(I64, kind_row, activities),
    XF_COL(I64, kind_row, past),    XF_COL(I64, kind_row, confirmed),
    XF_COL(I64, kind_row, waiting), XF_COL(I64, kind_row, attended),
};

XF_DB_READER(read_kind, kind_cols);

int xf_store_activity_stats(xf_db *db, xf_arena *a, const xf_activity_filter *f,
                            xf_activity_stats *s)
{
	xf_stmt *st = xf_db_stmt(db, sql_stats);
	if (!st)
		return XF_DB_ERROR;
	xf_activity_filter g = *f;
	g.member_path = NULL;
	bind_filter(st, &g);
	kind_row *rows;
	int n;
	int rc = xf_db_rows(st, a, 64, sizeof *rows, read_kind, &rows, &n);
	for (int i = 0; rc == XF_DB_OK && i < n; i++) {
		s->activities += rows[i].activities;
		s->past += rows[i].past;
		s->confirmed += rows[i].confirmed;
		s->waiting += rows[i].waiting;
		s->attended += rows[i].attended;
		for (int k = 0; k < 8 && xf_activity_kinds[k].code; k++)
			if (strcmp(xf_activity_kinds[k].code, rows[i].kind) ==
			    0)
				s->kind_counts[k] += rows[i].activities;
	}
	return rc;
}

#define SIGNUP_COLS                                                            \
	"s.id, s.activity_id, s.member_id, m.name, o.name, s.status, "         \
	"s.attended, s.signed_up_at"
#define SIGNUP_FROM                                                            \
	" FROM activity_signups s JOIN members m ON m.id = s.member_id "       \
	"JOIN orgs o ON o.id = m.org_id"

static const xf_db_col signup_cols[] = {
    XF_COL(I64, xf_activity_signup, id),
    XF_COL(I64, xf_activity_signup, activity_id),
    XF_COL(I64, xf_activity_signup, member_id),
    XF_COL(STR, xf_activity_signup, member_name),
    XF_COL(STR, xf_activity_signup, org_name),
    XF_COL(STR, xf_activity_signup, status),
    XF_COL(INT, xf_activity_signup, attended),
    XF_COL(I64, xf_activity_signup, signed_up_at),
};

XF_DB_READER(read_signup, signup_cols);

static const char sql_find[] = "SELECT " SIGNUP_COLS SIGNUP_FROM
                               " WHERE s.activity_id = $1 AND s.member_id = $2";

int xf_store_signup_find(xf_db *db, xf_arena *ar, int64_t activity_id,
                         int64_t member_id, xf_activity_signup *out)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_find, XF_INT(activity_id), XF_INT(member_id));
	return xf_db_row(st, ar, read_signup, out);
}

static const char sql_count_status[] =
    "SELECT COUNT(*) FROM activity_signups WHERE activity_id = $1 AND "
    "status = $2";

int xf_store_signup_count(xf_db *db, int64_t activity_id, const char *status,
                          int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_count_status,
	                               XF_INT(activity_id), XF_STR(status)),
	                   n);
}

static const char sql_signup_insert[] =
    "INSERT INTO activity_signups (activity_id, member_id, status, "
    "attended, signed_up_at) VALUES ($1, $2, $3, 0, $4) RETURNING id";

int xf_store_signup_insert(xf_db *db, xf_activity_signup *s, int64_t now)
{
	s->signed_up_at = now;
	return xf_db_insert(
	    XF_DB_BOUND(db, sql_signup_insert, XF_INT(s->activity_id),
	                XF_INT(s->member_id), XF_STR(s->status), XF_INT(now)),
	    &s->id);
}

static const char sql_signup_delete[] =
    "DELETE FROM activity_signups WHERE id = $1";

int xf_store_signup_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_signup_delete, id);
}

static const char sql_first_waiting[] =
    "SELECT " SIGNUP_COLS SIGNUP_FROM " WHERE s.activity_id = $1 AND "
    "s.status = 'waiting' ORDER BY s.id LIMIT 1";

int xf_store_signup_first_waiting(xf_db *db, xf_arena *ar, int64_t activity_id,
                                  xf_activity_signup *out)
{
	return xf_db_get(db, sql_first_waiting, activity_id, ar, read_signup,
	                 out);
}

static const char sql_set_status[] =
    "UPDATE activity_signups SET status = $2 WHERE id = $1";

int xf_store_signup_set_status(xf_db *db, int64_t id, const char *status)
{
	return xf_db_run(
	    XF_DB_BOUND(db, sql_set_status, XF_INT(id), XF_STR(status)));
}

static const char sql_signup_list[] =
    "SELECT " SIGNUP_COLS SIGNUP_FROM " WHERE s.activity_id = $1 ORDER BY "
    "CASE WHEN s.status = 'confirmed' THEN 0 ELSE 1 END, s.id LIMIT $2";

int xf_store_signup_list(xf_db *db, xf_arena *ar, int64_t activity_id, int cap,
                         xf_activity_signup **out, int *n)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_signup_list, XF_INT(activity_id), XF_INT(cap));
	int rc = xf_db_rows(st, ar, cap, sizeof **out, read_signup, out, n);
	if (rc != XF_DB_OK)
		return rc;
	int64_t pos = 0;
	for (int i = 0; i < *n; i++)
		if (strcmp((*out)[i].status, XF_SIGNUP_WAITING) == 0)
			(*out)[i].position = ++pos;
	return XF_DB_OK;
}

static const char sql_set_attended[] =
    "UPDATE activity_signups SET attended = $3 WHERE activity_id = $1 AND "
    "member_id = $2";

int xf_store_signup_set_attended(xf_db *db, int64_t activity_id,
                                 int64_t member_id, int attended)
{
	return xf_db_run(XF_DB_BOUND(db, sql_set_attended, XF_INT(activity_id),
	                             XF_INT(member_id), XF_INT(attended)));
}
