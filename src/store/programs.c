/*
 * programs.c - SQL of creation programs and their applications.
 */
#include "store/programs.h"

/* ---- programs ------------------------------------------------------------*/

static const char sql_insert[] =
    "INSERT INTO programs (org_id, org_path, title, kind, year, "
    "eligible_subtree, applications_open, applications_close, review_by, "
    "notice_days, created_by, created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $1, $1) "
    "RETURNING id";

static const xf_db_col insert_cols[] = {
    XF_COL(I64, xf_program, org_id),
    XF_COL(STR, xf_program, org_path),
    XF_COL(STR, xf_program, title),
    XF_COL(STR, xf_program, kind),
    XF_COL(INT, xf_program, year),
    XF_COL(INT, xf_program, eligible_subtree),
    XF_COL(STR, xf_program, applications_open),
    XF_COL(STR, xf_program, applications_close),
    XF_COL(STR, xf_program, review_by),
    XF_COL(INT, xf_program, notice_days),
    XF_COL(ID, xf_program, created_by),
};

int xf_store_program_insert(xf_db *db, xf_program *p, int64_t now)
{
	int rc =
	    xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                      insert_cols, XF_NCOLS(insert_cols), p, &p->id);
	if (rc == XF_DB_OK)
		p->created_at = p->updated_at = now;
	return rc;
}

static const char sql_criterion_insert[] =
    "INSERT INTO program_criteria (program_id, pos, code, name, evidence, "
    "max_score, required) VALUES ($1, $2, $3, $4, $5, $6, $7)";

int xf_store_program_criterion_insert(xf_db *db, int64_t program_id, int pos,
                                      const xf_program_criterion *k)
{
	return xf_db_run(XF_DB_BOUND(
	    db, sql_criterion_insert, XF_INT(program_id), XF_INT(pos),
	    XF_STR(k->code), XF_STR(k->name), XF_STR(k->evidence),
	    XF_ID(k->max_score), XF_INT(k->required)));
}

static const char sql_eligible_insert[] =
    "INSERT INTO program_eligible (program_id, org_id) VALUES ($1, $2)";

int xf_store_program_eligible_insert(xf_db *db, int64_t program_id,
                                     int64_t org_id)
{
	return xf_db_run_ids(db, sql_eligible_insert, program_id, org_id);
}

#define PROGRAM_COLS                                                           \
	"p.id, p.org_id, p.org_path, o.name, o.level, p.title, p.kind, "       \
	"p.year, p.eligible_subtree, p.applications_open, "                    \
	"p.applications_close, p.review_by, p.notice_days, "                   \
	"COALESCE(p.notice_id, 0), COALESCE(p.decided_at, 0), "                \
	"COALESCE(p.created_by, 0), p.created_at, p.updated_at, "              \
	"(SELECT COUNT(*) FROM program_applications a WHERE a.program_id = "   \
	"p.id AND a.state <> 'withdrawn'), "                                   \
	"(SELECT COUNT(*) FROM program_applications a WHERE a.program_id = "   \
	"p.id AND a.state NOT IN ('draft', 'withdrawn')), "                    \
	"(SELECT COUNT(*) FROM program_applications a WHERE a.program_id = "   \
	"p.id AND a.state IN ('candidate', 'awarded', 'not_awarded')), "       \
	"(SELECT COUNT(*) FROM program_applications a WHERE a.program_id = "   \
	"p.id AND a.state = 'awarded')"
#define PROGRAM_FROM " FROM programs p JOIN orgs o ON o.id = p.org_id"

static const xf_db_col program_cols[] = {
    XF_COL(I64, xf_program, id),
    XF_COL(I64, xf_program, org_id),
    XF_COL(STR, xf_program, org_path),
    XF_COL(STR, xf_program, org_name),
    XF_COL(STR, xf_program, org_level),
    XF_COL(STR, xf_program, title),
    XF_COL(STR, xf_program, kind),
    XF_COL(INT, xf_program, year),
    XF_COL(INT, xf_program, eligible_subtree),
    XF_COL(STR, xf_program, applications_open),
    XF_COL(STR, xf_program, applications_close),
    XF_COL(STR, xf_program, review_by),
    XF_COL(INT, xf_program, notice_days),
    XF_COL(I64, xf_program, notice_id),
    XF_COL(I64, xf_program, decided_at),
    XF_COL(I64, xf_program, created_by),
    XF_COL(I64, xf_program, created_at),
    XF_COL(I64, xf_program, updated_at),
    XF_COL(I64, xf_program, applied),
    XF_COL(I64, xf_program, submitted),
    XF_COL(I64, xf_program, candidates),
    XF_COL(I64, xf_program, awarded),
};

XF_DB_READER(read_program, program_cols);

static const char sql_get[] =
    "SELECT " PROGRAM_COLS PROGRAM_FROM " WHERE p.id = $1";

XF_DB_GETTER(xf_store_program_get, xf_program, sql_get, read_program);

static const char sql_criteria[] =
    "SELECT code, name, evidence, COALESCE(max_score, 0), required "
    "FROM program_criteria WHERE program_id = $1 ORDER BY pos LIMIT 200";

static const xf_db_col criterion_cols[] = {
    XF_COL(STR, xf_program_criterion, code),
    XF_COL(STR, xf_program_criterion, name),
    XF_COL(STR, xf_program_criterion, evidence),
    XF_COL(INT, xf_program_criterion, max_score),
    XF_COL(INT, xf_program_criterion, required),
};

XF_DB_READER(read_criterion, criterion_cols);

XF_DB_ROWS_OF(xf_store_program_criteria, xf_program_criterion, sql_criteria,
              read_criterion, 200);

static const char sql_eligible[] =
    "SELECT org_id FROM program_eligible WHERE program_id = $1 "
    "ORDER BY org_id LIMIT 1000";

typedef struct one_id {
	int64_t id;
} one_id;

static const xf_db_col id_cols[] = {XF_COL(I64, one_id, id)};

static void read_id(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, id_cols, 1, item);
}

int xf_store_program_eligible(xf_db *db, xf_arena *a, int64_t id, int64_t **out,
                              int *n)
{
	one_id *rows;
	int rc = xf_db_rows(XF_DB_BOUND(db, sql_eligible, XF_INT(id)), a, 1000,
	                    sizeof *rows, read_id, &rows, n);
	if (rc != XF_DB_OK)
		return rc;
	*out = xf_arena_calloc(a, (size_t)*n + 1, sizeof **out);
	if (!*out)
		return XF_DB_ERROR;
	for (int i = 0; i < *n; i++)
		(*out)[i] = rows[i].id;
	return XF_DB_OK;
}

static const char sql_set_notice[] =
    "UPDATE programs SET notice_id = $2, updated_at = $3 WHERE id = $1 "
    "AND notice_id IS NULL";

int xf_store_program_set_notice(xf_db *db, int64_t id, int64_t notice_id,
                                int64_t now)
{
	return xf_db_run_one(XF_DB_BOUND(db, sql_set_notice, XF_INT(id),
	                                 XF_INT(notice_id), XF_INT(now)));
}

static const char sql_set_decided[] =
    "UPDATE programs SET decided_at = $2, updated_at = $2 WHERE id = $1 "
    "AND decided_at IS NULL";

int xf_store_program_set_decided(xf_db *db, int64_t id, int64_t now)
{
	return xf_db_run_one(
	    XF_DB_BOUND(db, sql_set_decided, XF_INT(id), XF_INT(now)));
}

static const char sql_clear_decided[] =
    "UPDATE programs SET decided_at = NULL, updated_at = $2 WHERE id = $1 "
    "AND decided_at IS NOT NULL";

int xf_store_program_clear_decided(xf_db *db, int64_t id, int64_t now)
{
	return xf_db_run_one(
	    XF_DB_BOUND(db, sql_clear_decided, XF_INT(id), XF_INT(now)));
}

/* A program is over path $k when its org path is a prefix of it. */
#define OVER(k)                                                                \
	"substr(CAST($" k " AS TEXT), 1, length(p.org_path)) = p.org_path"
#define PROGRAM_SCOPE                                                          \
	XF_RANGES_SQL("p.org_path", "1", "2", "3", "4", "5", "6", "7", "8")
#define PROGRAM_OVER                                                           \
	OVER("9") " OR " OVER("10") " OR " OVER("11") " OR " OVER("12")
#define PROGRAM_WHERE                                                          \
	" WHERE (" PROGRAM_SCOPE " OR " PROGRAM_OVER ") "                      \
	"AND ($13 = 0 OR p.year = $13) AND ($14 = '' OR p.kind = $14)"

static const char sql_count[] = "SELECT COUNT(*) FROM programs p" PROGRAM_WHERE;
static const char sql_list[] =
    "SELECT " PROGRAM_COLS PROGRAM_FROM PROGRAM_WHERE
    " ORDER BY p.year DESC, p.id DESC LIMIT $15 OFFSET $16";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_program_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->ranges);
	for (int i = 0; i < XF_PROGRAM_WITHIN; i++)
		xf_db_bind_str(st, 9 + i, f->within[i] ? f->within[i] : "-");
	xf_db_bind_int(st, 13, f->year);
	xf_db_bind_str(st, 14, f->kind ? f->kind : "");
}

static const xf_db_list program_list = {
    sql_count, sql_list, bind_filter, 15, sizeof(xf_program), read_program};

int xf_store_program_list(xf_db *db, xf_arena *a, const xf_program_filter *f,
                          int offset, int limit, xf_program **out, int *n,
                          int64_t *total)
{
	return xf_db_list_page(db, &program_list, f, limit, offset, a, out, n,
	                       total);
}

/* ---- applications --------------------------------------------------------*/

static const char sql_app_insert[] =
    "INSERT INTO program_applications (program_id, org_id, org_path, state, "
    "created_by, created_at, updated_at) VALUES ($2, $3, $4, $5, $6, $1, $1) "
    "RETURNING id";

static const xf_db_col app_insert_cols[] = {
    XF_COL(I64, xf_program_application, program_id),
    XF_COL(I64, xf_program_application, org_id),
    XF_COL(STR, xf_program_application, org_path),
    XF_COL(STR, xf_program_application, state),
    XF_COL(ID, xf_program_application, created_by),
};

int xf_store_program_app_insert(xf_db *db, xf_program_application *a,
                                int64_t now)
{
	int rc = xf_db_insert_cols(XF_DB_BOUND(db, sql_app_insert, XF_INT(now)),
	                           2, app_insert_cols,
	                           XF_NCOLS(app_insert_cols), a, &a->id);
	if (rc == XF_DB_OK)
		a->created_at = a->updated_at = now;
	return rc;
}

#define APP_COLS                                                               \
	"a.id, a.program_id, p.title, p.org_path, a.org_id, a.org_path, "      \
	"o.name, a.state, a.conclusion, a.review_notes, a.visit_date, "        \
	"a.visit_notes, COALESCE(a.submitted_at, 0), "                         \
	"COALESCE(a.reviewed_at, 0), COALESCE(a.decided_at, 0), "              \
	"COALESCE(a.created_by, 0), a.created_at, a.updated_at, "              \
	"(SELECT COUNT(*) FROM program_items i WHERE i.application_id = a.id " \
	"AND i.self_assessment IS NOT NULL), "                                 \
	"(SELECT COUNT(*) FROM program_criteria k WHERE k.program_id = "       \
	"a.program_id), "                                                      \
	"(SELECT COUNT(*) FROM attachments at WHERE at.subject = "             \
	"'program_application' AND at.subject_id = a.id)"
#define APP_FROM                                                               \
	" FROM program_applications a JOIN programs p ON p.id = a.program_id " \
	"JOIN orgs o ON o.id = a.org_id"

static const xf_db_col app_cols[] = {
    XF_COL(I64, xf_program_application, id),
    XF_COL(I64, xf_program_application, program_id),
    XF_COL(STR, xf_program_application, program_title),
    XF_COL(STR, xf_program_application, program_path),
    XF_COL(I64, xf_program_application, org_id),
    XF_COL(STR, xf_program_application, org_path),
    XF_COL(STR, xf_program_application, org_name),
    XF_COL(STR, xf_program_application, state),
    XF_COL(OPT, xf_program_application, conclusion),
    XF_COL(OPT, xf_program_application, review_notes),
    XF_COL(OPT, xf_program_application, visit_date),
    XF_COL(OPT, xf_program_application, visit_notes),
    XF_COL(ID, xf_program_application, submitted_at),
    XF_COL(ID, xf_program_application, reviewed_at),
    XF_COL(ID, xf_program_application, decided_at),
    XF_COL(I64, xf_program_application, created_by),
    XF_COL(I64, xf_program_application, created_at),
    XF_COL(I64, xf_program_application, updated_at),
    XF_COL(I64, xf_program_application, items_assessed),
    XF_COL(I64, xf_program_application, items_total),
    XF_COL(I64, xf_program_application, attachment_count),
};

XF_DB_READER(read_app, app_cols);

static const char sql_app_get[] =
    "SELECT " APP_COLS APP_FROM " WHERE a.id = $1";

XF_DB_GETTER(xf_store_program_app_get, xf_program_application, sql_app_get,
             read_app);

static const char sql_app_update[] =
    "UPDATE program_applications SET state = $2, conclusion = $3, "
    "review_notes = $4, visit_date = $5, visit_notes = $6, "
    "submitted_at = $7, reviewed_at = $8, decided_at = $9, updated_at = $10 "
    "WHERE id = $1";

/* An update binds app_cols from state to decided_at (times as NULL for
 * 0). */
#define APP_WRITE_FROM 7
#define APP_NWRITE     8

int xf_store_program_app_update(xf_db *db, const xf_program_application *a,
                                int64_t now)
{
	return xf_db_run_cols_now(
	    XF_DB_BOUND(db, sql_app_update, XF_INT(a->id)), 2,
	    app_cols + APP_WRITE_FROM, APP_NWRITE, a, now);
}

static const char sql_items[] =
    "SELECT k.code, k.name, k.evidence, k.required, COALESCE(k.max_score, "
    "0), i.self_assessment, i.evidence, i.verdict, i.note "
    "FROM program_criteria k LEFT JOIN program_items i ON "
    "i.application_id = $1 AND i.code = k.code WHERE k.program_id = $2 "
    "ORDER BY k.pos LIMIT 200";

static const xf_db_col item_cols[] = {
    XF_COL(STR, xf_program_item, code),
    XF_COL(STR, xf_program_item, name),
    XF_COL(STR, xf_program_item, evidence_required),
    XF_COL(INT, xf_program_item, required),
    XF_COL(INT, xf_program_item, max_score),
    XF_COL(OPT, xf_program_item, self_assessment),
    XF_COL(OPT, xf_program_item, evidence),
    XF_COL(OPT, xf_program_item, verdict),
    XF_COL(OPT, xf_program_item, note),
};

XF_DB_READER(read_item, item_cols);

int xf_store_program_app_items(xf_db *db, xf_arena *a, int64_t app_id,
                               int64_t program_id, xf_program_item **out,
                               int *n)
{
	return xf_db_rows(
	    XF_DB_BOUND(db, sql_items, XF_INT(app_id), XF_INT(program_id)), a,
	    200, sizeof **out, read_item, out, n);
}

static const char sql_item_assess[] =
    "INSERT INTO program_items (application_id, code, self_assessment, "
    "evidence, updated_at) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (application_id, code) DO UPDATE SET "
    "self_assessment = $3, evidence = $4, updated_at = $5";

int xf_store_program_item_assess(xf_db *db, int64_t app_id, const char *code,
                                 const char *self_assessment,
                                 const char *evidence, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_item_assess, XF_INT(app_id),
	                             XF_STR(code), XF_STR(self_assessment),
	                             XF_STR(evidence), XF_INT(now)));
}

static const char sql_item_verdict[] =
    "INSERT INTO program_items (application_id, code, verdict, note, "
    "updated_at) VALUES ($1, $2, $3, $4, $5) "
    "ON CONFLICT (application_id, code) DO UPDATE SET "
    "verdict = $3, note = $4, updated_at = $5";

int xf_store_program_item_verdict(xf_db *db, int64_t app_id, const char *code,
                                  const char *verdict, const char *note,
                                  int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_item_verdict, XF_INT(app_id),
	                             XF_STR(code), XF_STR(verdict),
	                             XF_STR(note), XF_INT(now)));
}

#define APP_WHERE                                                              \
	" WHERE " XF_RANGES_SQL("a.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7",                                           \
	                        "8") " AND ($9 = 0 OR a.program_id = $9) "     \
	                             "AND ($10 = 0 OR a.org_id = $10) "        \
	                             "AND ($11 = '' OR a.state = $11)"

static const char sql_app_count[] =
    "SELECT COUNT(*) FROM program_applications a" APP_WHERE;
static const char sql_app_list[] =
    "SELECT " APP_COLS APP_FROM APP_WHERE
    " ORDER BY a.org_path, a.id LIMIT $12 OFFSET $13";

static void bind_app_filter(xf_stmt *st, const void *filter)
{
	const xf_program_app_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->ranges);
	xf_db_bind_int(st, 9, f->program_id);
	xf_db_bind_int(st, 10, f->org_id);
	xf_db_bind_str(st, 11, f->state ? f->state : "");
}

static const xf_db_list app_list = {sql_app_count,
                                    sql_app_list,
                                    bind_app_filter,
                                    12,
                                    sizeof(xf_program_application),
                                    read_app};

int xf_store_program_app_list(xf_db *db, xf_arena *a,
                              const xf_program_app_filter *f, int offset,
                              int limit, xf_program_application **out, int *n,
                              int64_t *total)
{
	return xf_db_list_page(db, &app_list, f, limit, offset, a, out, n,
	                       total);
}
