/*
 * reviews.c - SQL of review sessions (reviews.h).
 */
#include "store/reviews.h"

#include <stdio.h>
#include <string.h>

/* ---- sessions ----------------------------------------------------------- */

static const char sql_insert[] =
    "INSERT INTO reviews (org_id, org_path, title, held_on, method, grades, "
    "state, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'open', "
    "$7, $8) RETURNING id";
static const char sql_crit_insert[] =
    "INSERT INTO review_criteria (review_id, pos, name, max_x10) VALUES ($1, "
    "$2, $3, $4)";

int xf_store_review_insert(xf_db *db, xf_review *r, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	if (!st)
		return XF_DB_ERROR;
	char grades[48];
	snprintf(grades, sizeof grades, "%d,%d,%d", r->grades_x10[0],
	         r->grades_x10[1], r->grades_x10[2]);
	xf_db_bind_int(st, 1, r->org_id);
	xf_db_bind_str(st, 2, r->org_path);
	xf_db_bind_str(st, 3, r->title);
	xf_db_bind_str(st, 4, r->held_on);
	xf_db_bind_str(st, 5, r->method);
	xf_db_bind_str(st, 6, grades);
	xf_db_bind_id(st, 7, r->created_by);
	xf_db_bind_int(st, 8, now);
	int rc = xf_db_insert(st, &r->id);
	if (rc != XF_DB_OK)
		return rc;
	r->created_at = now;
	r->state = "open";
	st = xf_db_stmt(db, sql_crit_insert);
	if (!st)
		return XF_DB_ERROR;
	for (int i = 0; i < r->ncrit && rc == XF_DB_OK; i++) {
		xf_db_bind_int(st, 1, r->id);
		xf_db_bind_int(st, 2, i);
		xf_db_bind_str(st, 3, r->crit[i].name);
		xf_db_bind_int(st, 4, r->crit[i].max_x10);
		rc = xf_db_run(st);
	}
	return rc;
}

#define REVIEW_COLS                                                            \
	"r.id, r.org_id, r.org_path, o.name, r.title, r.held_on, r.method, "   \
	"r.grades, r.state, COALESCE(r.created_by, 0), r.created_at, "         \
	"COALESCE(r.closed_at, 0)"

static void read_review(xf_arena *a, xf_stmt *st, void *item)
{
	xf_review *r = item;
	memset(r, 0, sizeof *r);
	r->id = xf_db_int(st, 0);
	r->org_id = xf_db_int(st, 1);
	r->org_path = xf_db_dup(a, st, 2);
	r->org_name = xf_db_dup(a, st, 3);
	r->title = xf_db_dup(a, st, 4);
	r->held_on = xf_db_dup(a, st, 5);
	r->method = xf_db_dup(a, st, 6);
	if (sscanf(xf_db_text(st, 7), "%d,%d,%d", &r->grades_x10[0],
	           &r->grades_x10[1], &r->grades_x10[2]) != 3)
		memset(r->grades_x10, 0, sizeof r->grades_x10);
	r->state = xf_db_dup(a, st, 8);
	r->created_by = xf_db_int(st, 9);
	r->created_at = xf_db_int(st, 10);
	r->closed_at = xf_db_int(st, 11);
}

static const char sql_get[] =
    "SELECT " REVIEW_COLS " FROM reviews r JOIN orgs o ON o.id = r.org_id "
    "WHERE r.id = $1";
static const char sql_crits[] = "SELECT name, max_x10 FROM review_criteria "
                                "WHERE review_id = $1 ORDER BY pos";

int xf_store_review_get(xf_db *db, xf_arena *a, int64_t id, xf_review *out)
{
	int rc = xf_db_get(db, sql_get, id, a, read_review, out);
	if (rc != XF_DB_ROW)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_crits);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, id);
	out->ncrit = 0;
	while ((rc = xf_db_step(st)) == XF_DB_ROW &&
	       out->ncrit < XF_REVIEW_MAX_CRITERIA) {
		out->crit[out->ncrit].name = xf_db_dup(a, st, 0);
		out->crit[out->ncrit++].max_x10 = (int)xf_db_int(st, 1);
	}
	xf_db_reset(st);
	return xf_db_done(rc) == XF_DB_OK ? XF_DB_ROW : rc;
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("r.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7",                                           \
	                        "8") " OR r.id IN (SELECT review_id FROM "     \
	                             "review_judges WHERE user_id = $9)"

static const char sql_count[] = "SELECT COUNT(*) FROM reviews r" LIST_WHERE;
static const char sql_list[] =
    "SELECT " REVIEW_COLS
    " FROM reviews r JOIN orgs o ON o.id = r.org_id" LIST_WHERE
    " ORDER BY r.held_on DESC, r.id DESC LIMIT $10 OFFSET $11";

static const xf_db_list review_list = {
    sql_count, sql_list, xf_db_bind_scoped, 10, sizeof(xf_review), read_review};

int xf_store_review_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                         int64_t judge_user, int offset, int limit,
                         xf_review **out, int *n, int64_t *total)
{
	xf_db_scoped f = {r, {judge_user}, 1};
	return xf_db_list_page(db, &review_list, &f, limit, offset, a, out, n,
	                       total);
}

static const char sql_state[] =
    "UPDATE reviews SET state = $2, closed_at = $3 WHERE id = $1";

int xf_store_review_set_state(xf_db *db, int64_t id, const char *state,
                              int64_t closed_at)
{
	return xf_db_run(XF_DB_BOUND(db, sql_state, XF_INT(id), XF_STR(state),
	                             XF_ID(closed_at)));
}

static const char sql_closed_within[] =
    "SELECT DISTINCT r.id FROM reviews r JOIN review_presenters p ON "
    "p.review_id = r.id WHERE r.state = 'closed' AND r.held_on >= $9 AND "
    "r.held_on <= $10 AND " XF_RANGES_SQL("p.org_path", "1", "2", "3", "4", "5",
                                          "6", "7", "8") " ORDER BY r.id";

static void read_id(xf_arena *a, xf_stmt *st, void *item)
{
	(void)a;
	*(int64_t *)item = xf_db_int(st, 0);
}

int xf_store_reviews_closed_within(xf_db *db, xf_arena *a, const xf_ranges *r,
                                   int year, int max, int64_t **ids, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_closed_within);
	if (!st)
		return XF_DB_ERROR;
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%04d-01-01", year);
	snprintf(hi, sizeof hi, "%04d-12-31", year);
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_str(st, 9, lo);
	xf_db_bind_str(st, 10, hi);
	return xf_db_rows(st, a, max, sizeof **ids, read_id, ids, n);
}

static const char sql_of_member[] =
    "SELECT DISTINCT r.id FROM reviews r JOIN review_presenters p ON "
    "p.review_id = r.id WHERE r.state = 'closed' AND r.held_on >= $2 AND "
    "r.held_on <= $3 AND p.member_id = $1 ORDER BY r.id";

int xf_store_reviews_of_member(xf_db *db, xf_arena *a, int64_t member_id,
                               int year, int max, int64_t **ids, int *n)
{
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%04d-01-01", year);
	snprintf(hi, sizeof hi, "%04d-12-31", year);
	return xf_db_rows(XF_DB_BOUND(db, sql_of_member, XF_INT(member_id),
	                              XF_STR(lo), XF_STR(hi)),
	                  a, max, sizeof **ids, read_id, ids, n);
}

/* ---- presenters --------------------------------------------------------- */

static const char sql_p_insert[] =
    "INSERT INTO review_presenters (review_id, pos, name, org_id, org_path, "
    "member_id, state) VALUES ($1, $2, $3, $4, $5, $6, 'waiting') RETURNING "
    "id";

int xf_store_presenter_insert(xf_db *db, xf_review_presenter *p)
{
	p->state = "waiting";
	return xf_db_insert(XF_DB_BOUND(db, sql_p_insert, XF_INT(p->review_id),
	                                XF_INT(p->pos), XF_STR(p->name),
	                                XF_ID(p->org_id), XF_STR(p->org_path),
	                                XF_ID(p->member_id)),
	                    &p->id);
}

#define PRESENTER_COLS                                                         \
	"p.id, p.review_id, p.pos, p.name, COALESCE(p.org_id, 0), "            \
	"p.org_path, "                                                         \
	"o.name, COALESCE(p.member_id, 0), p.state, COALESCE(p.opened_at, "    \
	"0), "                                                                 \
	"COALESCE(p.closed_at, 0), p.rectification, (SELECT COUNT(DISTINCT "   \
	"s.judge_id) FROM review_scores s WHERE s.presenter_id = p.id)"

static const xf_db_col presenter_cols[] = {
    XF_COL(I64, xf_review_presenter, id),
    XF_COL(I64, xf_review_presenter, review_id),
    XF_COL(INT, xf_review_presenter, pos),
    XF_COL(STR, xf_review_presenter, name),
    XF_COL(I64, xf_review_presenter, org_id),
    XF_COL(OPT, xf_review_presenter, org_path),
    XF_COL(OPT, xf_review_presenter, org_name),
    XF_COL(I64, xf_review_presenter, member_id),
    XF_COL(STR, xf_review_presenter, state),
    XF_COL(I64, xf_review_presenter, opened_at),
    XF_COL(I64, xf_review_presenter, closed_at),
    XF_COL(OPT, xf_review_presenter, rectification),
    XF_COL(INT, xf_review_presenter, scored_by),
};

XF_DB_READER(read_presenter, presenter_cols);

static const char sql_p_get[] =
    "SELECT " PRESENTER_COLS " FROM review_presenters p LEFT JOIN orgs o ON "
    "o.id = p.org_id WHERE p.id = $1";
static const char sql_p_list[] =
    "SELECT " PRESENTER_COLS " FROM review_presenters p LEFT JOIN orgs o ON "
    "o.id = p.org_id WHERE p.review_id = $1 ORDER BY p.pos";

XF_DB_GETTER(xf_store_presenter_get, xf_review_presenter, sql_p_get,
             read_presenter);

int xf_store_presenters(xf_db *db, xf_arena *a, int64_t review_id,
                        xf_review_presenter **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_p_list);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, review_id);
	return xf_db_rows(st, a, 1000, sizeof **out, read_presenter, out, n);
}

static const char sql_p_update[] =
    "UPDATE review_presenters SET state = $2, opened_at = $3, closed_at = "
    "$4, rectification = $5 WHERE id = $1";

int xf_store_presenter_update(xf_db *db, const xf_review_presenter *p)
{
	return xf_db_run(XF_DB_BOUND(db, sql_p_update, XF_INT(p->id),
	                             XF_STR(p->state), XF_ID(p->opened_at),
	                             XF_ID(p->closed_at),
	                             XF_STR(p->rectification)));
}

/* ---- judges ------------------------------------------------------------- */

static const char sql_j_insert[] =
    "INSERT INTO review_judges (review_id, user_id, weight, weight_role, "
    "created_at, code) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";

int xf_store_judge_insert(xf_db *db, xf_review_judge *j, int64_t now)
{
	j->created_at = now;
	return xf_db_insert(XF_DB_BOUND(db, sql_j_insert, XF_INT(j->review_id),
	                                XF_INT(j->user_id), XF_INT(j->weight),
	                                XF_STR(j->weight_role), XF_INT(now),
	                                XF_STR(j->code)),
	                    &j->id);
}

#define JUDGE_COLS                                                             \
	"j.id, j.review_id, j.user_id, u.username, u.display_name, j.weight, " \
	"j.weight_role, j.created_at, j.code, COALESCE(j.used_at, 0)"

static const xf_db_col judge_cols[] = {
    XF_COL(I64, xf_review_judge, id),
    XF_COL(I64, xf_review_judge, review_id),
    XF_COL(I64, xf_review_judge, user_id),
    XF_COL(STR, xf_review_judge, username),
    XF_COL(OPT, xf_review_judge, display_name),
    XF_COL(INT, xf_review_judge, weight),
    XF_COL(OPT, xf_review_judge, weight_role),
    XF_COL(I64, xf_review_judge, created_at),
    XF_COL(OPT, xf_review_judge, code),
    XF_COL(I64, xf_review_judge, used_at),
};

XF_DB_READER(read_judge, judge_cols);

static const char sql_j_list[] =
    "SELECT " JUDGE_COLS " FROM review_judges j JOIN users u ON u.id = "
    "j.user_id WHERE j.review_id = $1 ORDER BY j.id";
static const char sql_j_of[] =
    "SELECT " JUDGE_COLS " FROM review_judges j JOIN users u ON u.id = "
    "j.user_id WHERE j.review_id = $1 AND j.user_id = $2";

int xf_store_judges(xf_db *db, xf_arena *a, int64_t review_id,
                    xf_review_judge **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_j_list);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, review_id);
	return xf_db_rows(st, a, 2000, sizeof **out, read_judge, out, n);
}

int xf_store_judge_of(xf_db *db, xf_arena *a, int64_t review_id,
                      int64_t user_id, xf_review_judge *out)
{
	xf_stmt *st = xf_db_stmt(db, sql_j_of);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, review_id);
	xf_db_bind_int(st, 2, user_id);
	return xf_db_row(st, a, read_judge, out);
}

static const char sql_j_code[] =
    "SELECT " JUDGE_COLS " FROM review_judges j JOIN users u ON u.id = "
    "j.user_id WHERE j.code = $1";
static const char sql_j_use[] =
    "UPDATE review_judges SET used_at = $2 WHERE id = $1 AND used_at IS NULL";

int xf_store_judge_by_code(xf_db *db, xf_arena *a, const char *code,
                           xf_review_judge *out)
{
	return xf_db_row(XF_DB_BOUND(db, sql_j_code, XF_STR(code)), a,
	                 read_judge, out);
}

int xf_store_judge_use(xf_db *db, int64_t id, int64_t now)
{
	return xf_db_run_one(
	    XF_DB_BOUND(db, sql_j_use, XF_INT(id), XF_INT(now)));
}

/* ---- scores ------------------------------------------------------------- */

static const char sql_s_del[] =
    "DELETE FROM review_scores WHERE presenter_id = $1 AND judge_id = $2";
static const char sql_s_ins[] =
    "INSERT INTO review_scores (presenter_id, judge_id, crit, score_x10, "
    "scored_at) VALUES ($1, $2, $3, $4, $5)";

int xf_store_scores_put(xf_db *db, int64_t presenter_id, int64_t judge_id,
                        const int *score_x10, int ncrit, int64_t now)
{
	int rc = xf_db_run_ids(db, sql_s_del, presenter_id, judge_id);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_s_ins);
	if (!st)
		return XF_DB_ERROR;
	for (int k = 0; k < ncrit && rc == XF_DB_OK; k++) {
		if (score_x10[k] < 0)
			continue;
		xf_db_bind_int(st, 1, presenter_id);
		xf_db_bind_int(st, 2, judge_id);
		xf_db_bind_int(st, 3, k);
		xf_db_bind_int(st, 4, score_x10[k]);
		xf_db_bind_int(st, 5, now);
		rc = xf_db_run(st);
	}
	return rc;
}

static const char sql_s_of[] =
    "SELECT judge_id, crit, score_x10 FROM review_scores WHERE presenter_id "
    "= $1 ORDER BY judge_id, crit";

int xf_store_scores_of(xf_db *db, int64_t presenter_id,
                       void (*fn)(void *arg, int64_t judge_id, int crit,
                                  int score_x10),
                       void *arg)
{
	xf_stmt *st = xf_db_stmt(db, sql_s_of);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, presenter_id);
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		fn(arg, xf_db_int(st, 0), (int)xf_db_int(st, 1),
		   (int)xf_db_int(st, 2));
	xf_db_reset(st);
	return xf_db_done(rc);
}
