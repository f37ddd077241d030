/*
 * cases.c (store) - SQL of case selection (cases.h).
 */
#include "store/cases.h"

#include <string.h>

/* ---- calls -------------------------------------------------------------- */

static const char sql_call_insert[] =
    "INSERT INTO case_calls (org_id, org_path, title, year, deadline, stage, "
    "created_by, created_at, updated_at) VALUES ($2, $3, $4, $5, $6, 'open', "
    "$7, $1, $1) RETURNING id";
static const char sql_crit_insert[] =
    "INSERT INTO case_criteria (call_id, pos, name, max_x10) VALUES ($1, $2, "
    "$3, $4)";
static const char sql_tier_insert[] =
    "INSERT INTO case_tiers (call_id, pos, name, places) VALUES ($1, $2, $3, "
    "$4)";
static const char sql_reviewer_insert[] =
    "INSERT INTO case_reviewers (call_id, user_id) VALUES ($1, $2)";

static const xf_db_col call_write_cols[] = {
    XF_COL(I64, xf_case_call, org_id),   XF_COL(STR, xf_case_call, org_path),
    XF_COL(STR, xf_case_call, title),    XF_COL(INT, xf_case_call, year),
    XF_COL(STR, xf_case_call, deadline), XF_COL(ID, xf_case_call, created_by),
};

int xf_store_case_call_insert(xf_db *db, xf_case_call *c, int64_t now)
{
	int rc = xf_db_insert_cols(
	    XF_DB_BOUND(db, sql_call_insert, XF_INT(now)), 2, call_write_cols,
	    XF_NCOLS(call_write_cols), c, &c->id);
	if (rc != XF_DB_OK)
		return rc;
	c->created_at = c->updated_at = now;
	c->stage = c->status = "open";
	for (int i = 0; i < c->ncrit && rc == XF_DB_OK; i++) {
		rc = xf_db_run(XF_DB_BOUND(db, sql_crit_insert, XF_INT(c->id),
		                           XF_INT(i), XF_STR(c->crit[i].name),
		                           XF_INT(c->crit[i].max_x10)));
	}
	for (int i = 0; i < c->ntiers && rc == XF_DB_OK; i++) {
		rc = xf_db_run(XF_DB_BOUND(db, sql_tier_insert, XF_INT(c->id),
		                           XF_INT(i), XF_STR(c->tiers[i].name),
		                           XF_INT(c->tiers[i].places)));
	}
	for (int i = 0; i < c->nreviewers && rc == XF_DB_OK; i++) {
		rc = xf_db_run(XF_DB_BOUND(db, sql_reviewer_insert,
		                           XF_INT(c->id),
		                           XF_INT(c->reviewers[i])));
	}
	return rc;
}

#define CALL_COLS                                                              \
	"c.id, c.org_id, c.org_path, o.name, o.level, c.title, c.year, "       \
	"c.deadline, c.stage, COALESCE(c.notice_id, 0), "                      \
	"(SELECT COUNT(*) FROM case_submissions s WHERE s.call_id = c.id), "   \
	"COALESCE(c.created_by, 0), c.created_at, c.updated_at"
#define CALL_FROM " FROM case_calls c JOIN orgs o ON o.id = c.org_id"

static const xf_db_col call_cols[] = {
    XF_COL(I64, xf_case_call, id),
    XF_COL(I64, xf_case_call, org_id),
    XF_COL(STR, xf_case_call, org_path),
    XF_COL(STR, xf_case_call, org_name),
    XF_COL(OPT, xf_case_call, org_level),
    XF_COL(STR, xf_case_call, title),
    XF_COL(INT, xf_case_call, year),
    XF_COL(STR, xf_case_call, deadline),
    XF_COL(STR, xf_case_call, stage),
    XF_COL(I64, xf_case_call, notice_id),
    XF_COL(I64, xf_case_call, submission_count),
    XF_COL(I64, xf_case_call, created_by),
    XF_COL(I64, xf_case_call, created_at),
    XF_COL(I64, xf_case_call, updated_at),
};

static void read_call(xf_arena *a, xf_stmt *st, void *item)
{
	xf_case_call *c = item;
	xf_db_read_cols(a, st, call_cols, XF_NCOLS(call_cols), c);
	c->status = c->stage;
}

static const char sql_call_get[] =
    "SELECT " CALL_COLS CALL_FROM " WHERE c.id = $1";
static const char sql_crits[] = "SELECT name, max_x10 FROM case_criteria "
                                "WHERE call_id = $1 ORDER BY pos";
static const char sql_tiers[] = "SELECT name, places FROM case_tiers "
                                "WHERE call_id = $1 ORDER BY pos";
static const char sql_reviewers[] = "SELECT user_id FROM case_reviewers "
                                    "WHERE call_id = $1 ORDER BY user_id";

int xf_store_case_call_get(xf_db *db, xf_arena *a, int64_t id,
                           xf_case_call *out)
{
	memset(out, 0, sizeof *out);
	int rc = xf_db_get(db, sql_call_get, id, a, read_call, out);
	if (rc != XF_DB_ROW)
		return rc;
	xf_stmt *st = XF_DB_BOUND(db, sql_crits, XF_INT(id));
	int s;
	while (st && (s = xf_db_step(st)) == XF_DB_ROW &&
	       out->ncrit < XF_CASE_CRIT_MAX) {
		out->crit[out->ncrit].name = xf_db_dup(a, st, 0);
		out->crit[out->ncrit++].max_x10 = (int)xf_db_int(st, 1);
	}
	if (st)
		xf_db_reset(st);
	st = XF_DB_BOUND(db, sql_tiers, XF_INT(id));
	while (st && (s = xf_db_step(st)) == XF_DB_ROW &&
	       out->ntiers < XF_CASE_TIER_MAX) {
		out->tiers[out->ntiers].name = xf_db_dup(a, st, 0);
		out->tiers[out->ntiers++].places = (int)xf_db_int(st, 1);
	}
	if (st)
		xf_db_reset(st);
	st = XF_DB_BOUND(db, sql_reviewers, XF_INT(id));
	while (st && (s = xf_db_step(st)) == XF_DB_ROW &&
	       out->nreviewers < XF_CASE_REVIEW_MAX)
		out->reviewers[out->nreviewers++] = xf_db_int(st, 0);
	if (!st)
		return XF_DB_ERROR;
	xf_db_reset(st);
	return XF_DB_ROW;
}

static const char sql_calls[] =
    "SELECT " CALL_COLS CALL_FROM " ORDER BY c.id DESC LIMIT $1";

int xf_store_case_calls(xf_db *db, xf_arena *a, int cap, xf_case_call **out,
                        int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_calls, XF_INT(cap)), a, cap,
	                  sizeof **out, read_call, out, n);
}

static void read_id(xf_arena *a, xf_stmt *st, void *item)
{
	(void)a;
	*(int64_t *)item = xf_db_int(st, 0);
}

static const char sql_reviewed[] =
    "SELECT call_id FROM case_reviewers WHERE user_id = $1 ORDER BY call_id "
    "DESC LIMIT 1000";

int xf_store_case_calls_reviewed(xf_db *db, xf_arena *a, int64_t user_id,
                                 int64_t **ids, int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_reviewed, XF_INT(user_id)), a,
	                  1000, sizeof **ids, read_id, ids, n);
}

static const char sql_stage[] =
    "UPDATE case_calls SET stage = $2, notice_id = $3, updated_at = $4 "
    "WHERE id = $1";

int xf_store_case_call_stage(xf_db *db, int64_t id, const char *stage,
                             int64_t notice_id, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_stage, XF_INT(id), XF_STR(stage),
	                             XF_ID(notice_id), XF_INT(now)));
}

/* ---- submissions -------------------------------------------------------- */

static const char sql_sub_insert[] =
    "INSERT INTO case_submissions (call_id, org_id, org_path, title, "
    "summary, body, created_by, created_at, updated_at) VALUES ($2, $3, $4, "
    "$5, $6, $7, $8, $1, $1) RETURNING id";

static const xf_db_col sub_write_cols[] = {
    XF_COL(I64, xf_case_submission, call_id),
    XF_COL(I64, xf_case_submission, org_id),
    XF_COL(STR, xf_case_submission, org_path),
    XF_COL(STR, xf_case_submission, title),
    XF_COL(STR, xf_case_submission, summary),
    XF_COL(STR, xf_case_submission, text),
    XF_COL(ID, xf_case_submission, created_by),
};

int xf_store_case_sub_insert(xf_db *db, xf_case_submission *s, int64_t now)
{
	int rc = xf_db_insert_cols(XF_DB_BOUND(db, sql_sub_insert, XF_INT(now)),
	                           2, sub_write_cols, XF_NCOLS(sub_write_cols),
	                           s, &s->id);
	if (rc == XF_DB_OK)
		s->created_at = s->updated_at = now;
	return rc;
}

#define SUB_COLS                                                               \
	"s.id, s.call_id, s.org_id, s.org_path, o.name, s.title, s.summary, "  \
	"s.body, COALESCE(s.score_x10, -1), COALESCE(s.rank, 0), "             \
	"COALESCE(s.tier, -1), t.name, "                                       \
	"(SELECT COUNT(DISTINCT sc.reviewer_id) FROM case_scores sc WHERE "    \
	"sc.submission_id = s.id), "                                           \
	"(SELECT COUNT(*) FROM attachments at WHERE at.subject = 'case' AND "  \
	"at.subject_id = s.id), COALESCE(s.created_by, 0), s.created_at, "     \
	"s.updated_at, c.title, c.year"
#define SUB_FROM                                                               \
	" FROM case_submissions s JOIN orgs o ON o.id = s.org_id "             \
	"JOIN case_calls c ON c.id = s.call_id "                               \
	"LEFT JOIN case_tiers t ON t.call_id = s.call_id AND t.pos = s.tier"

static const xf_db_col sub_cols[] = {
    XF_COL(I64, xf_case_submission, id),
    XF_COL(I64, xf_case_submission, call_id),
    XF_COL(I64, xf_case_submission, org_id),
    XF_COL(STR, xf_case_submission, org_path),
    XF_COL(STR, xf_case_submission, org_name),
    XF_COL(STR, xf_case_submission, title),
    XF_COL(STR, xf_case_submission, summary),
    XF_COL(STR, xf_case_submission, text),
    XF_COL(INT, xf_case_submission, score_x10),
    XF_COL(INT, xf_case_submission, rank),
    XF_COL(INT, xf_case_submission, tier),
    XF_COL(OPT, xf_case_submission, tier_name),
    XF_COL(I64, xf_case_submission, reviews),
    XF_COL(I64, xf_case_submission, attachment_count),
    XF_COL(I64, xf_case_submission, created_by),
    XF_COL(I64, xf_case_submission, created_at),
    XF_COL(I64, xf_case_submission, updated_at),
    XF_COL(STR, xf_case_submission, call_title),
    XF_COL(INT, xf_case_submission, year),
};

XF_DB_READER(read_sub, sub_cols);

static const char sql_sub_get[] =
    "SELECT " SUB_COLS SUB_FROM " WHERE s.id = $1";

XF_DB_GETTER(xf_store_case_sub_get, xf_case_submission, sql_sub_get, read_sub);

static const char sql_sub_update[] =
    "UPDATE case_submissions SET title = $2, summary = $3, body = $4, "
    "updated_at = $5 WHERE id = $1";

int xf_store_case_sub_update(xf_db *db, const xf_case_submission *s,
                             int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_sub_update, XF_INT(s->id),
	                             XF_STR(s->title), XF_STR(s->summary),
	                             XF_STR(s->text), XF_INT(now)));
}

static const char sql_sub_delete[] =
    "DELETE FROM case_submissions WHERE id = $1";

int xf_store_case_sub_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_sub_delete, id);
}

static const char sql_subs[] =
    "SELECT " SUB_COLS SUB_FROM " WHERE s.call_id = $1 ORDER BY s.id "
    "LIMIT 5000";

XF_DB_ROWS_OF(xf_store_case_subs, xf_case_submission, sql_subs, read_sub, 5000);

static const char sql_sub_result[] =
    "UPDATE case_submissions SET score_x10 = $2, rank = $3, tier = $4 "
    "WHERE id = $1";

int xf_store_case_sub_result(xf_db *db, int64_t id, int score_x10, int rank,
                             int tier)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_sub_result, XF_INT(id));
	if (!st)
		return XF_DB_ERROR;
	if (score_x10 >= 0)
		xf_db_bind_int(st, 2, score_x10);
	else
		xf_db_bind_null(st, 2);
	if (rank > 0)
		xf_db_bind_int(st, 3, rank);
	else
		xf_db_bind_null(st, 3);
	if (tier >= 0)
		xf_db_bind_int(st, 4, tier);
	else
		xf_db_bind_null(st, 4);
	return xf_db_run(st);
}

/* ---- scores ------------------------------------------------------------- */

static const char sql_scores_clear[] =
    "DELETE FROM case_scores WHERE submission_id = $1 AND reviewer_id = $2";
static const char sql_score_insert[] =
    "INSERT INTO case_scores (submission_id, reviewer_id, crit, score_x10, "
    "scored_at) VALUES ($1, $2, $3, $4, $5)";

int xf_store_case_scores_put(xf_db *db, int64_t sub_id, int64_t reviewer_id,
                             const int *score_x10, int ncrit, int64_t now)
{
	int rc = xf_db_run_ids(db, sql_scores_clear, sub_id, reviewer_id);
	for (int k = 0; k < ncrit && rc == XF_DB_OK; k++)
		rc = xf_db_run(XF_DB_BOUND(db, sql_score_insert, XF_INT(sub_id),
		                           XF_INT(reviewer_id), XF_INT(k),
		                           XF_INT(score_x10[k]), XF_INT(now)));
	return rc;
}

static const char sql_scores[] =
    "SELECT sc.submission_id, sc.reviewer_id, sc.crit, sc.score_x10 FROM "
    "case_scores sc JOIN case_submissions s ON s.id = sc.submission_id "
    "WHERE s.call_id = $1 ORDER BY sc.submission_id, sc.reviewer_id, "
    "sc.crit";

int xf_store_case_scores(xf_db *db, int64_t call_id,
                         void (*fn)(void *arg, int64_t sub_id,
                                    int64_t reviewer_id, int crit,
                                    int score_x10),
                         void *arg)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_scores, XF_INT(call_id));
	if (!st)
		return XF_DB_ERROR;
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		fn(arg, xf_db_int(st, 0), xf_db_int(st, 1),
		   (int)xf_db_int(st, 2), (int)xf_db_int(st, 3));
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

/* ---- the library -------------------------------------------------------- */

#define LIB_WHERE                                                              \
	" WHERE c.stage = 'decided' AND s.tier IS NOT NULL "                   \
	"AND ($1 = 0 OR c.year = $1) AND ($2 = '' OR t.name = $2) "            \
	"AND (s.title LIKE $3 ESCAPE '\\' OR s.summary LIKE $3 ESCAPE '\\')"

static const char sql_lib_count[] = "SELECT COUNT(*)" SUB_FROM LIB_WHERE;
static const char sql_lib_list[] =
    "SELECT " SUB_COLS SUB_FROM LIB_WHERE
    " ORDER BY c.year DESC, s.call_id DESC, s.rank, s.id LIMIT $4 OFFSET $5";

static void bind_lib(xf_stmt *st, const void *filter)
{
	const xf_case_filter *f = filter;
	xf_db_bind_int(st, 1, f->year);
	xf_db_bind_str(st, 2, f->tier ? f->tier : "");
	xf_db_bind_contains(st, 3, f->q);
}

static const xf_db_list lib_list = {
    sql_lib_count, sql_lib_list, bind_lib, 4, sizeof(xf_case_submission),
    read_sub};

int xf_store_case_library(xf_db *db, xf_arena *a, const xf_case_filter *f,
                          int offset, int limit, xf_case_submission **out,
                          int *n, int64_t *total)
{
	return xf_db_list_page(db, &lib_list, f, limit, offset, a, out, n,
	                       total);
}

static const char sql_lib_get[] =
    "SELECT " SUB_COLS SUB_FROM " WHERE c.stage = 'decided' AND s.tier IS "
    "NOT NULL AND s.id = $1";

XF_DB_GETTER(xf_store_case_library_get, xf_case_submission, sql_lib_get,
             read_sub);
