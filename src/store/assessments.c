/*
 * assessments.c - SQL of assessment scores and star ratings
 * (assessments.h).
 */
#include "store/assessments.h"

#include <string.h>

/* ---- scores ------------------------------------------------------------- */

static const xf_db_col score_cols[] = {
    XF_COL(I64, xf_assessment_score, org_id),
    XF_COL(INT, xf_assessment_score, year),
    XF_COL(STR, xf_assessment_score, code),
    XF_COL(STR, xf_assessment_score, org_path),
    XF_COL(INT, xf_assessment_score, points_x10),
    XF_COL(STR, xf_assessment_score, reason),
    XF_COL(ID, xf_assessment_score, scored_by),
    XF_COL(I64, xf_assessment_score, scored_at),
    XF_COL(OPT, xf_assessment_score, scored_by_name),
};

static const char sql_score_put[] =
    "INSERT INTO assessment_scores (org_id, year, code, org_path, "
    "points_x10, reason, scored_by, scored_at) VALUES ($1, $2, $3, $4, $5, "
    "$6, $7, $8) ON CONFLICT (org_id, year, code) DO UPDATE SET org_path = "
    "excluded.org_path, points_x10 = excluded.points_x10, reason = "
    "excluded.reason, scored_by = excluded.scored_by, scored_at = "
    "excluded.scored_at";

int xf_store_score_put(xf_db *db, const xf_assessment_score *s)
{
	return xf_db_run_cols(xf_db_stmt(db, sql_score_put), 1, score_cols,
	                      XF_NCOLS(score_cols) - 1, s);
}

XF_DB_READER(read_score, score_cols);

static const char sql_scores[] =
    "SELECT s.org_id, s.year, s.code, s.org_path, s.points_x10, s.reason, "
    "COALESCE(s.scored_by, 0), s.scored_at, u.username FROM "
    "assessment_scores s LEFT JOIN users u ON u.id = s.scored_by WHERE "
    "s.year = $9 AND " XF_RANGES_SQL("s.org_path", "1", "2", "3", "4", "5", "6",
                                     "7", "8") " ORDER BY s.org_id, "
                                               "s.code";

int xf_store_scores_within(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                           xf_assessment_score **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_scores);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_int(st, 9, year);
	return xf_db_rows(st, a, 200000, sizeof **out, read_score, out, n);
}

/* ---- star ratings ------------------------------------------------------- */

#define RATING_COLS                                                            \
	"r.id, r.org_id, r.org_path, o.name, r.year, r.state, r.claimed, "     \
	"r.computed, r.score_x10, r.self_note, COALESCE(r.reviewed_stars, "    \
	"0), "                                                                 \
	"r.review_reason, r.visit_notes, COALESCE(r.reviewed_by, 0), "         \
	"COALESCE(r.reviewed_at, 0), COALESCE(r.notice_id, 0), "               \
	"COALESCE(r.decided_stars, 0), COALESCE(r.decided_by, 0), "            \
	"COALESCE(r.decided_at, 0), COALESCE(r.created_by, 0), r.created_at"

static const xf_db_col rating_cols[] = {
    XF_COL(I64, xf_star_rating, id),
    XF_COL(I64, xf_star_rating, org_id),
    XF_COL(STR, xf_star_rating, org_path),
    XF_COL(STR, xf_star_rating, org_name),
    XF_COL(INT, xf_star_rating, year),
    XF_COL(STR, xf_star_rating, state),
    XF_COL(INT, xf_star_rating, claimed),
    XF_COL(INT, xf_star_rating, computed),
    XF_COL(INT, xf_star_rating, score_x10),
    XF_COL(OPT, xf_star_rating, self_note),
    XF_COL(INT, xf_star_rating, reviewed_stars),
    XF_COL(OPT, xf_star_rating, review_reason),
    XF_COL(OPT, xf_star_rating, visit_notes),
    XF_COL(I64, xf_star_rating, reviewed_by),
    XF_COL(I64, xf_star_rating, reviewed_at),
    XF_COL(I64, xf_star_rating, notice_id),
    XF_COL(INT, xf_star_rating, decided_stars),
    XF_COL(I64, xf_star_rating, decided_by),
    XF_COL(I64, xf_star_rating, decided_at),
    XF_COL(I64, xf_star_rating, created_by),
    XF_COL(I64, xf_star_rating, created_at),
};

static void read_rating(xf_arena *a, xf_stmt *st, void *item)
{
	memset(item, 0, sizeof(xf_star_rating)); /* the fields read later */
	xf_db_read_cols(a, st, rating_cols, XF_NCOLS(rating_cols), item);
}

static const char sql_rating_ins[] =
    "INSERT INTO star_ratings (org_id, org_path, year, state, claimed, "
    "computed, score_x10, self_note, created_by, created_at) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

int xf_store_star_rating_insert(xf_db *db, xf_star_rating *r, int64_t now)
{
	r->created_at = now;
	return xf_db_insert(
	    XF_DB_BOUND(db, sql_rating_ins, XF_INT(r->org_id),
	                XF_STR(r->org_path), XF_INT(r->year), XF_STR(r->state),
	                XF_INT(r->claimed), XF_INT(r->computed),
	                XF_INT(r->score_x10), XF_STR(r->self_note),
	                XF_ID(r->created_by), XF_INT(now)),
	    &r->id);
}

static const char sql_rating_get[] =
    "SELECT " RATING_COLS " FROM star_ratings r JOIN orgs o ON o.id = "
    "r.org_id WHERE r.id = $1";

XF_DB_GETTER(xf_store_star_rating_get, xf_star_rating, sql_rating_get,
             read_rating);

static const char sql_rating_of[] =
    "SELECT " RATING_COLS " FROM star_ratings r JOIN orgs o ON o.id = "
    "r.org_id WHERE r.org_id = $1 AND r.year = $2";

int xf_store_star_rating_of(xf_db *db, xf_arena *a, int64_t org_id, int year,
                            xf_star_rating *out)
{
	xf_stmt *st = xf_db_stmt(db, sql_rating_of);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, org_id);
	xf_db_bind_int(st, 2, year);
	return xf_db_row(st, a, read_rating, out);
}

static const char sql_rating_upd[] =
    "UPDATE star_ratings SET state = $2, claimed = $3, computed = $4, "
    "score_x10 = $5, self_note = $6, reviewed_stars = $7, review_reason = "
    "$8, visit_notes = $9, reviewed_by = $10, reviewed_at = $11, notice_id "
    "= $12, decided_stars = $13, decided_by = $14, decided_at = $15 WHERE "
    "id = $1";

static void bind_opt_int(xf_stmt *st, int idx, int64_t v)
{
	if (v)
		xf_db_bind_int(st, idx, v);
	else
		xf_db_bind_null(st, idx);
}

int xf_store_star_rating_update(xf_db *db, const xf_star_rating *r)
{
	xf_stmt *st = xf_db_stmt(db, sql_rating_upd);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, r->id);
	xf_db_bind_str(st, 2, r->state);
	xf_db_bind_int(st, 3, r->claimed);
	xf_db_bind_int(st, 4, r->computed);
	xf_db_bind_int(st, 5, r->score_x10);
	xf_db_bind_str(st, 6, r->self_note);
	bind_opt_int(st, 7, r->reviewed_stars);
	xf_db_bind_str(st, 8, r->review_reason);
	xf_db_bind_str(st, 9, r->visit_notes);
	xf_db_bind_id(st, 10, r->reviewed_by);
	bind_opt_int(st, 11, r->reviewed_at);
	xf_db_bind_id(st, 12, r->notice_id);
	bind_opt_int(st, 13, r->decided_stars);
	xf_db_bind_id(st, 14, r->decided_by);
	bind_opt_int(st, 15, r->decided_at);
	return xf_db_run(st);
}

#define RATING_WHERE                                                           \
	" WHERE " XF_RANGES_SQL("r.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR r.year = $9) AND "  \
	                                  "($10 = '' OR r.state = $10)"

static const char sql_rating_count[] =
    "SELECT COUNT(*) FROM star_ratings r" RATING_WHERE;
static const char sql_rating_list[] =
    "SELECT " RATING_COLS " FROM star_ratings r JOIN orgs o ON o.id = "
    "r.org_id" RATING_WHERE " ORDER BY r.year DESC, r.org_path LIMIT $11 "
    "OFFSET $12";

typedef struct rating_filter {
	const xf_ranges *r;
	int year;
	const char *state;
} rating_filter;

static void bind_rating_filter(xf_stmt *st, const void *filter)
{
	const rating_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->r);
	xf_db_bind_int(st, 9, f->year);
	xf_db_bind_str(st, 10, f->state ? f->state : "");
}

static const xf_db_list rating_list = {sql_rating_count,       sql_rating_list,
                                       bind_rating_filter,     11,
                                       sizeof(xf_star_rating), read_rating};

int xf_store_star_rating_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                              int year, const char *state, int offset,
                              int limit, xf_star_rating **out, int *n,
                              int64_t *total)
{
	rating_filter f = {r, year, state};
	return xf_db_list_page(db, &rating_list, &f, limit, offset, a, out, n,
	                       total);
}

static const char sql_rating_all[] =
    "SELECT " RATING_COLS " FROM star_ratings r JOIN orgs o ON o.id = "
    "r.org_id" RATING_WHERE " ORDER BY r.org_path";

int xf_store_star_ratings_within(xf_db *db, xf_arena *a, const xf_ranges *r,
                                 int year, const char *state, int max,
                                 xf_star_rating **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_rating_all);
	if (!st)
		return XF_DB_ERROR;
	rating_filter f = {r, year, state};
	bind_rating_filter(st, &f);
	return xf_db_rows(st, a, max, sizeof **out, read_rating, out, n);
}

static const char sql_rating_notice[] =
    "UPDATE star_ratings SET notice_id = $11 WHERE " XF_RANGES_SQL(
        "org_path", "1", "2", "3", "4", "5", "6", "7",
        "8") " AND year = $9 AND state = $10 AND notice_id IS NULL";

int xf_store_star_ratings_notice(xf_db *db, const xf_ranges *r, int year,
                                 int64_t notice_id)
{
	xf_stmt *st = xf_db_stmt(db, sql_rating_notice);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_int(st, 9, year);
	xf_db_bind_str(st, 10, "reviewed");
	xf_db_bind_int(st, 11, notice_id);
	return xf_db_run(st);
}

static const char sql_ev_del[] =
    "DELETE FROM star_rating_evidence WHERE rating_id = $1";
static const char sql_ev_ins[] =
    "INSERT INTO star_rating_evidence (rating_id, pos, text) VALUES ($1, $2, "
    "$3)";
static const char sql_ev_get[] =
    "SELECT text FROM star_rating_evidence WHERE rating_id = $1 ORDER BY pos";

int xf_store_star_rating_evidence_put(xf_db *db, int64_t id,
                                      const char *const *ev, int n)
{
	int rc = xf_db_run_id(db, sql_ev_del, id);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_ev_ins);
	if (!st)
		return XF_DB_ERROR;
	for (int i = 0; i < n; i++) {
		xf_db_bind_int(st, 1, id);
		xf_db_bind_int(st, 2, i);
		xf_db_bind_str(st, 3, ev[i]);
		if ((rc = xf_db_run(st)) != XF_DB_OK)
			return rc;
	}
	return XF_DB_OK;
}

static void read_text(xf_arena *a, xf_stmt *st, void *item)
{
	*(const char **)item = xf_db_dup(a, st, 0);
}

int xf_store_star_rating_evidence(xf_db *db, xf_arena *a, int64_t id,
                                  const char ***out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_ev_get);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, id);
	return xf_db_rows(st, a, 100, sizeof **out, read_text, out, n);
}
