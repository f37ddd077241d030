/*
 * notices.c - SQL of publication (公示) and objections (异议). A
 * notice and its rows are inserted once, in the transaction that freezes
 * the board; this file has no UPDATE or DELETE of them. Objections are
 * inserted open and answered once.
 */
#include "store/notices.h"

#include <string.h>

/* ---- notices ------------------------------------------------------------*/

static const char sql_notice_insert[] =
    "INSERT INTO point_notices (org_id, org_path, period, kind, org_kind, "
    "title, opens_on, closes_on, base, nrows, created_by, created_at, "
    "subject) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
    "$13) RETURNING id";

int xf_store_point_notice_insert(xf_db *db, xf_point_notice *n, int64_t now)
{
	const char *subject = n->subject ? n->subject : "points_board";
	int rc = xf_db_insert(
	    XF_DB_BOUND(db, sql_notice_insert, XF_INT(n->org_id),
	                XF_STR(n->org_path), XF_STR(n->period), XF_STR(n->kind),
	                XF_STR(n->org_kind), XF_STR(n->title),
	                XF_STR(n->opens_on), XF_STR(n->closes_on),
	                XF_INT(n->base), XF_INT(n->nrows), XF_ID(n->created_by),
	                XF_INT(now), XF_STR(subject)),
	    &n->id);
	if (rc == XF_DB_OK)
		n->created_at = now;
	return rc;
}

static const char sql_row_insert[] =
    "INSERT INTO point_notice_rows (notice_id, pos, rank_no, member_id, "
    "org_id, name, org_name, points, headcount, average_x100, vetoed, "
    "stars) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

/* The row's columns, read in this order and bound from $2 on (all but
 * stars, bound as NULL for 0). */
static const xf_db_col row_cols[] = {
    XF_COL(INT, xf_point_notice_row, pos),
    XF_COL(INT, xf_point_notice_row, rank),
    XF_COL(ID, xf_point_notice_row, member_id),
    XF_COL(I64, xf_point_notice_row, org_id),
    XF_COL(TXT, xf_point_notice_row, name),
    XF_COL(TXT, xf_point_notice_row, org_name),
    XF_COL(I64, xf_point_notice_row, points),
    XF_COL(I64, xf_point_notice_row, headcount),
    XF_COL(I64, xf_point_notice_row, average_x100),
    XF_COL(INT, xf_point_notice_row, vetoed),
    XF_COL(INT, xf_point_notice_row, stars),
};

int xf_store_point_notice_row_insert(xf_db *db, int64_t notice_id,
                                     const xf_point_notice_row *r)
{
	xf_stmt *st = xf_db_stmt(db, sql_row_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, notice_id);
	xf_db_bind_cols(st, 2, row_cols, XF_NCOLS(row_cols) - 1, r);
	xf_db_bind_id(st, 12, r->stars);
	return xf_db_run(st);
}

#define NOTICE_COLS                                                            \
	"n.id, n.org_id, n.org_path, o.name, n.period, n.kind, n.org_kind, "   \
	"n.title, n.opens_on, n.closes_on, n.base, n.nrows, "                  \
	"COALESCE(n.created_by, 0), n.created_at, (SELECT COUNT(*) FROM "      \
	"point_objections x WHERE x.notice_id = n.id), (SELECT COUNT(*) FROM " \
	"point_objections x WHERE x.notice_id = n.id AND x.status = 'open'), " \
	"n.subject"
#define NOTICE_NCOLS 17
#define NOTICE_FROM  " FROM point_notices n JOIN orgs o ON o.id = n.org_id"

static const xf_db_col notice_cols[] = {
    XF_COL(I64, xf_point_notice, id),
    XF_COL(I64, xf_point_notice, org_id),
    XF_COL(STR, xf_point_notice, org_path),
    XF_COL(STR, xf_point_notice, org_name),
    XF_COL(STR, xf_point_notice, period),
    XF_COL(STR, xf_point_notice, kind),
    XF_COL(OPT, xf_point_notice, org_kind),
    XF_COL(STR, xf_point_notice, title),
    XF_COL(STR, xf_point_notice, opens_on),
    XF_COL(STR, xf_point_notice, closes_on),
    XF_COL(I64, xf_point_notice, base),
    XF_COL(INT, xf_point_notice, nrows),
    XF_COL(ID, xf_point_notice, created_by),
    XF_COL(I64, xf_point_notice, created_at),
    XF_COL(I64, xf_point_notice, objections),
    XF_COL(I64, xf_point_notice, open_objections),
    XF_COL(STR, xf_point_notice, subject),
};

_Static_assert(XF_NCOLS(notice_cols) == NOTICE_NCOLS, "NOTICE_COLS");

static void read_notice(xf_arena *a, xf_stmt *st, void *item)
{
	memset(item, 0, sizeof(xf_point_notice));
	xf_db_read_cols(a, st, notice_cols, NOTICE_NCOLS, item);
}

static const char sql_notice_get[] =
    "SELECT " NOTICE_COLS NOTICE_FROM " WHERE n.id = $1";

XF_DB_GETTER(xf_store_point_notice_get, xf_point_notice, sql_notice_get,
             read_notice);

static const char sql_notice_rows[] =
    "SELECT pos, rank_no, COALESCE(member_id, 0), org_id, name, org_name, "
    "points, headcount, average_x100, vetoed, COALESCE(stars, 0) FROM "
    "point_notice_rows "
    "WHERE notice_id = $1 ORDER BY pos LIMIT $2";

XF_DB_READER(read_row, row_cols);

int xf_store_point_notice_rows(xf_db *db, xf_arena *a, int64_t id, int max,
                               xf_point_notice_row **out, int *n)
{
	return xf_db_rows(
	    XF_DB_BOUND(db, sql_notice_rows, XF_INT(id), XF_INT(max)), a, max,
	    sizeof **out, read_row, out, n);
}

#define NOTICE_WHERE                                                           \
	" WHERE " XF_RANGES_SQL("n.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8")

static const char sql_notice_count[] =
    "SELECT COUNT(*) FROM point_notices n" NOTICE_WHERE;
static const char sql_notice_list[] =
    "SELECT " NOTICE_COLS NOTICE_FROM NOTICE_WHERE
    " ORDER BY n.id DESC LIMIT $9 OFFSET $10";

static const xf_db_list point_notice_list = {
    sql_notice_count,        sql_notice_list, xf_db_bind_scope, 9,
    sizeof(xf_point_notice), read_notice};

int xf_store_point_notice_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                               int offset, int limit, xf_point_notice **out,
                               int *n, int64_t *total)
{
	return xf_db_list_page(db, &point_notice_list, r, limit, offset, a, out,
	                       n, total);
}

/* Notices are few (one per board and window), so the prefix test runs
 * over all of them. */
static const char sql_notices_over[] =
    "SELECT " NOTICE_COLS ", COALESCE(r.rank_no, 0), COALESCE(r.points, "
    "0)" NOTICE_FROM " LEFT JOIN point_notice_rows r ON r.notice_id = "
    "n.id AND r.member_id = $2 WHERE substr(CAST($1 AS TEXT), 1, "
    "length(n.org_path)) = n.org_path AND n.opens_on <= $3 "
    "ORDER BY n.id DESC LIMIT $4";

/* read_notice, and the member's rank and points after its columns. */
static void read_notice_over(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_notice *p = item;
	read_notice(a, st, p);
	p->my_rank = (int)xf_db_int(st, NOTICE_NCOLS);
	p->my_points = xf_db_int(st, NOTICE_NCOLS + 1);
}

int xf_store_point_notices_over(xf_db *db, xf_arena *a, const char *path,
                                int64_t member_id, const char *today, int limit,
                                xf_point_notice **out, int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_notices_over, XF_STR(path),
	                              XF_INT(member_id), XF_STR(today),
	                              XF_INT(limit)),
	                  a, limit, sizeof **out, read_notice_over, out, n);
}

/* ---- objections ---------------------------------------------------------*/

static const char sql_objection_insert[] =
    "INSERT INTO point_objections (notice_id, member_id, org_path, "
    "user_id, text, status, created_at) VALUES ($1, $2, $3, $4, $5, "
    "'open', $6) RETURNING id";

int xf_store_point_objection_insert(xf_db *db, xf_point_objection *o,
                                    int64_t now)
{
	int rc = xf_db_insert(
	    XF_DB_BOUND(db, sql_objection_insert, XF_INT(o->notice_id),
	                XF_INT(o->member_id), XF_STR(o->org_path),
	                XF_ID(o->user_id), XF_STR(o->text), XF_INT(now)),
	    &o->id);
	if (rc == XF_DB_OK) {
		o->status = "open";
		o->created_at = now;
	}
	return rc;
}

#define OBJ_COLS                                                               \
	"x.id, x.notice_id, x.member_id, COALESCE(x.user_id, 0), x.org_path, " \
	"m.name, x.text, x.status, x.answer, COALESCE(x.answered_by, 0), "     \
	"COALESCE(x.answered_at, 0), x.created_at, n.org_path"
#define OBJ_FROM                                                               \
	" FROM point_objections x JOIN members m ON m.id = x.member_id "       \
	"JOIN point_notices n ON n.id = x.notice_id"

static const xf_db_col objection_cols[] = {
    XF_COL(I64, xf_point_objection, id),
    XF_COL(I64, xf_point_objection, notice_id),
    XF_COL(I64, xf_point_objection, member_id),
    XF_COL(ID, xf_point_objection, user_id),
    XF_COL(STR, xf_point_objection, org_path),
    XF_COL(STR, xf_point_objection, member_name),
    XF_COL(STR, xf_point_objection, text),
    XF_COL(STR, xf_point_objection, status),
    XF_COL(OPT, xf_point_objection, answer),
    XF_COL(ID, xf_point_objection, answered_by),
    XF_COL(I64, xf_point_objection, answered_at),
    XF_COL(I64, xf_point_objection, created_at),
    XF_COL(STR, xf_point_objection, notice_path),
};

XF_DB_READER(read_objection, objection_cols);

static const char sql_objection_get[] =
    "SELECT " OBJ_COLS OBJ_FROM " WHERE x.id = $1";

XF_DB_GETTER(xf_store_point_objection_get, xf_point_objection,
             sql_objection_get, read_objection);

static const char sql_objection_answer[] =
    "UPDATE point_objections SET status = $2, answer = $3, answered_by = "
    "$4, answered_at = $5 WHERE id = $1 AND status = 'open'";

int xf_store_point_objection_answer(xf_db *db, const xf_point_objection *o)
{
	return xf_db_run_one(XF_DB_BOUND(
	    db, sql_objection_answer, XF_INT(o->id), XF_STR(o->status),
	    XF_STR(o->answer), XF_ID(o->answered_by), XF_INT(o->answered_at)));
}

#define OBJ_WHERE " WHERE x.notice_id = $1 AND ($2 = 0 OR x.member_id = $2)"

static const char sql_objection_count[] =
    "SELECT COUNT(*) FROM point_objections x" OBJ_WHERE;
static const char sql_objection_list[] =
    "SELECT " OBJ_COLS OBJ_FROM OBJ_WHERE " ORDER BY x.id LIMIT $3 OFFSET $4";

static void bind_objections(xf_stmt *st, const void *filter)
{
	const int64_t *v = filter; /* notice_id, member_id */
	xf_db_bind_int(st, 1, v[0]);
	xf_db_bind_int(st, 2, v[1]);
}

static const xf_db_list objection_list = {
    sql_objection_count,        sql_objection_list, bind_objections, 3,
    sizeof(xf_point_objection), read_objection};

int xf_store_point_objection_list(xf_db *db, xf_arena *a, int64_t notice_id,
                                  int64_t member_id, int offset, int limit,
                                  xf_point_objection **out, int *n,
                                  int64_t *total)
{
	const int64_t f[2] = {notice_id, member_id};
	return xf_db_list_page(db, &objection_list, f, limit, offset, a, out, n,
	                       total);
}
