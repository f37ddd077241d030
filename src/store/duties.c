/*
 * duties.c - SQL of the duty lists (三级五岗), their post holders and
 * evidence (duties.h). Rows carry the org_path of their organization
 * (the setter for items, the post's organization for assignments and
 * evidence), rewritten by xf_store_org_move().
 */
#include "store/duties.h"

#include <string.h>

/* ---- duty items --------------------------------------------------------- */

static const char sql_insert[] =
    "INSERT INTO duties (org_id, org_path, year, level, post, seq, title, "
    "content, source_id, created_by, created_at, updated_at) VALUES ($2, "
    "$3, $4, $5, $6, $7, $8, $9, $10, $11, $1, $1) RETURNING id";

static const xf_db_col duty_insert_cols[] = {
    XF_COL(I64, xf_duty, org_id),   XF_COL(STR, xf_duty, org_path),
    XF_COL(INT, xf_duty, year),     XF_COL(STR, xf_duty, level),
    XF_COL(STR, xf_duty, post),     XF_COL(INT, xf_duty, seq),
    XF_COL(STR, xf_duty, title),    XF_COL(STR, xf_duty, content),
    XF_COL(ID, xf_duty, source_id), XF_COL(ID, xf_duty, created_by),
};

int xf_store_duty_insert(xf_db *db, xf_duty *d, int64_t now)
{
	d->created_at = d->updated_at = now;
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         duty_insert_cols, XF_NCOLS(duty_insert_cols),
	                         d, &d->id);
}

#define DUTY_COLS                                                              \
	"d.id, d.org_id, d.org_path, o.name, d.year, d.level, d.post, d.seq, " \
	"d.title, d.content, COALESCE(d.source_id, 0), "                       \
	"COALESCE(d.created_by, 0), d.created_at, d.updated_at"

XF_DB_LIST_READER(read_duty, XF_DUTY_FIELDS, xf_duty);

static const char sql_get[] =
    "SELECT " DUTY_COLS " FROM duties d JOIN orgs o ON o.id = d.org_id "
    "WHERE d.id = $1";

XF_DB_GETTER(xf_store_duty_get, xf_duty, sql_get, read_duty);

static const char sql_update[] =
    "UPDATE duties SET title = $2, content = $3, seq = $4, updated_at = $5 "
    "WHERE id = $1";

int xf_store_duty_update(xf_db *db, const xf_duty *d, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_update, XF_INT(d->id),
	                             XF_STR(d->title), XF_STR(d->content),
	                             XF_INT(d->seq), XF_INT(now)));
}

static const char sql_delete[] = "DELETE FROM duties WHERE id = $1";

int xf_store_duty_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_delete, id);
}

static const char sql_evidence_count[] =
    "SELECT COUNT(*) FROM duty_evidence WHERE duty_id = $1";

int xf_store_duty_evidence_count(xf_db *db, int64_t duty_id, int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_evidence_count, XF_INT(duty_id)),
	                   n);
}

#define LIST_WHERE                                                             \
	" WHERE d.org_id = $1 AND ($2 = 0 OR d.year = $2) "                    \
	"AND (CAST($3 AS TEXT) = '' OR d.level = CAST($3 AS TEXT)) "           \
	"AND (CAST($4 AS TEXT) = '' OR d.post = CAST($4 AS TEXT))"

static const char sql_count[] = "SELECT COUNT(*) FROM duties d" LIST_WHERE;
static const char sql_list[] =
    "SELECT " DUTY_COLS
    " FROM duties d JOIN orgs o ON o.id = d.org_id" LIST_WHERE
    " ORDER BY d.year DESC, d.level, d.post, d.seq, d.id LIMIT $5 OFFSET $6";

/* The filter of a duty list. */
typedef struct duty_filter {
	int64_t org_id;
	int year;
	const char *level, *post;
} duty_filter;

static void bind_list(xf_stmt *st, const void *filter)
{
	const duty_filter *f = filter;
	xf_db_bind_int(st, 1, f->org_id);
	xf_db_bind_int(st, 2, f->year);
	xf_db_bind_str(st, 3, f->level ? f->level : "");
	xf_db_bind_str(st, 4, f->post ? f->post : "");
}

static const xf_db_list duty_list = {sql_count, sql_list,        bind_list,
                                     5,         sizeof(xf_duty), read_duty};

int xf_store_duty_list(xf_db *db, xf_arena *a, int64_t org_id, int year,
                       const char *level, const char *post, int offset,
                       int limit, xf_duty **out, int *n, int64_t *total)
{
	duty_filter f = {org_id, year, level, post};
	return xf_db_list_page(db, &duty_list, &f, limit, offset, a, out, n,
	                       total);
}

/* An item set at d.org_path applies at $4 when d.org_path is a prefix of
 * it (paths end in '/', so a prefix is an ancestor or the org itself). */
static const char sql_applicable[] =
    "SELECT " DUTY_COLS " FROM duties d JOIN orgs o ON o.id = d.org_id "
    "WHERE d.year = $1 AND d.level = $2 "
    "AND (CAST($3 AS TEXT) = '' OR d.post = CAST($3 AS TEXT)) "
    "AND d.org_path = substr(CAST($4 AS TEXT), 1, length(d.org_path)) "
    "ORDER BY length(d.org_path), d.post, d.seq, d.id LIMIT 501";

int xf_store_duty_applicable(xf_db *db, xf_arena *a, const char *org_path,
                             int year, const char *level, const char *post,
                             xf_duty **out, int *n)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_applicable, XF_INT(year), XF_STR(level),
	                XF_STR(post ? post : ""), XF_STR(org_path));
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, XF_DUTY_MAX_ROWS, sizeof **out, read_duty, out,
	                  n);
}

static const char sql_copy[] =
    "INSERT INTO duties (org_id, org_path, year, level, post, seq, title, "
    "content, source_id, created_by, created_at, updated_at) "
    "SELECT s.org_id, s.org_path, CAST($3 AS INTEGER), s.level, s.post, "
    "s.seq, s.title, s.content, s.id, CAST($4 AS BIGINT), "
    "CAST($5 AS BIGINT), CAST($5 AS BIGINT) FROM duties s "
    "WHERE s.org_id = $1 AND s.year = $2 AND NOT EXISTS (SELECT 1 FROM "
    "duties t WHERE t.org_id = s.org_id AND t.year = CAST($3 AS INTEGER) "
    "AND t.level = s.level AND t.post = s.post)";

int xf_store_duty_copy(xf_db *db, int64_t org_id, int from_year, int to_year,
                       int64_t user_id, int64_t now, int64_t *copied)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_copy, XF_INT(org_id), XF_INT(from_year),
	                XF_INT(to_year), XF_ID(user_id), XF_INT(now));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	*copied = rc == XF_DB_DONE ? xf_db_changes(db) : 0;
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

/* ---- post holders ------------------------------------------------------- */

static const char sql_as_insert[] =
    "INSERT INTO duty_assignments (org_id, org_path, year, post, "
    "member_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, "
    "$7) RETURNING id";

static const xf_db_col duty_assignment_insert_cols[] = {
    XF_COL(I64, xf_duty_assignment, org_id),
    XF_COL(STR, xf_duty_assignment, org_path),
    XF_COL(INT, xf_duty_assignment, year),
    XF_COL(STR, xf_duty_assignment, post),
    XF_COL(I64, xf_duty_assignment, member_id),
    XF_COL(ID, xf_duty_assignment, created_by),
    XF_COL(I64, xf_duty_assignment, created_at),
};

int xf_store_duty_assignment_insert(xf_db *db, xf_duty_assignment *as)
{
	return xf_db_insert_cols(
	    xf_db_stmt(db, sql_as_insert), 1, duty_assignment_insert_cols,
	    XF_NCOLS(duty_assignment_insert_cols), as, &as->id);
}

#define AS_COLS                                                                \
	"a.id, a.org_id, a.org_path, o.name, o.kind, a.year, a.post, "         \
	"a.member_id, m.name, (SELECT COUNT(*) FROM duty_evidence e WHERE "    \
	"e.assignment_id = a.id), COALESCE(a.created_by, 0), a.created_at"
#define AS_FROM                                                                \
	" FROM duty_assignments a JOIN orgs o ON o.id = a.org_id "             \
	"JOIN members m ON m.id = a.member_id"

XF_DB_LIST_READER(read_as, XF_DUTY_ASSIGNMENT_FIELDS, xf_duty_assignment);

static const char sql_as_get[] = "SELECT " AS_COLS AS_FROM " WHERE a.id = $1";

XF_DB_GETTER(xf_store_duty_assignment_get, xf_duty_assignment, sql_as_get,
             read_as);

static const char sql_as_delete[] =
    "DELETE FROM duty_assignments WHERE id = $1";

int xf_store_duty_assignment_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_as_delete, id);
}

#define AS_WHERE                                                               \
	" WHERE " XF_RANGES_SQL("a.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR a.org_id = $9) "    \
	                                  "AND ($10 = 0 OR a.year = $10) "     \
	                                  "AND ($11 = 0 OR a.member_id = $11)"

static const char sql_as_count[] =
    "SELECT COUNT(*) FROM duty_assignments a" AS_WHERE;
static const char sql_as_list[] =
    "SELECT " AS_COLS AS_FROM AS_WHERE
    " ORDER BY a.year DESC, a.org_path, a.post, a.id LIMIT $12 OFFSET $13";

static const xf_db_list assignment_list = {sql_as_count,
                                           sql_as_list,
                                           xf_db_bind_scoped,
                                           12,
                                           sizeof(xf_duty_assignment),
                                           read_as};

int xf_store_duty_assignment_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                                  int64_t org_id, int year, int64_t member_id,
                                  int offset, int limit,
                                  xf_duty_assignment **out, int *n,
                                  int64_t *total)
{
	xf_db_scoped f = {r, {org_id, year, member_id}, 3};
	return xf_db_list_page(db, &assignment_list, &f, limit, offset, a, out,
	                       n, total);
}

/* ---- evidence ----------------------------------------------------------- */

static const char sql_ev_insert[] =
    "INSERT INTO duty_evidence (duty_id, assignment_id, org_path, kind, "
    "ref_id, title, note, done_on, created_by, created_at) VALUES ($1, $2, "
    "$3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";

static const xf_db_col duty_evidence_insert_cols[] = {
    XF_COL(I64, xf_duty_evidence, duty_id),
    XF_COL(I64, xf_duty_evidence, assignment_id),
    XF_COL(STR, xf_duty_evidence, org_path),
    XF_COL(STR, xf_duty_evidence, kind),
    XF_COL(ID, xf_duty_evidence, ref_id),
    XF_COL(STR, xf_duty_evidence, title),
    XF_COL(STR, xf_duty_evidence, note),
    XF_COL(STR, xf_duty_evidence, done_on),
    XF_COL(ID, xf_duty_evidence, created_by),
    XF_COL(I64, xf_duty_evidence, created_at),
};

int xf_store_duty_evidence_insert(xf_db *db, xf_duty_evidence *e)
{
	return xf_db_insert_cols(
	    xf_db_stmt(db, sql_ev_insert), 1, duty_evidence_insert_cols,
	    XF_NCOLS(duty_evidence_insert_cols), e, &e->id);
}

#define EV_COLS                                                                \
	"id, duty_id, assignment_id, org_path, kind, COALESCE(ref_id, 0), "    \
	"title, note, done_on, COALESCE(created_by, 0), created_at"

XF_DB_LIST_READER(read_ev, XF_DUTY_EVIDENCE_FIELDS, xf_duty_evidence);

static const char sql_ev_get[] =
    "SELECT " EV_COLS " FROM duty_evidence WHERE id = $1";

XF_DB_GETTER(xf_store_duty_evidence_get, xf_duty_evidence, sql_ev_get, read_ev);

static const char sql_ev_delete[] = "DELETE FROM duty_evidence WHERE id = $1";

int xf_store_duty_evidence_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_ev_delete, id);
}

static const char sql_ev_of[] =
    "SELECT " EV_COLS " FROM duty_evidence WHERE assignment_id = $1 "
    "AND ($2 = 0 OR duty_id = $2) ORDER BY duty_id, done_on, id LIMIT 2001";

int xf_store_duty_evidence_of(xf_db *db, xf_arena *a, int64_t assignment_id,
                              int64_t duty_id, xf_duty_evidence **out, int *n)
{
	const int max = XF_DUTY_MAX_ROWS * 4;
	return xf_db_rows(
	    XF_DB_BOUND(db, sql_ev_of, XF_INT(assignment_id), XF_INT(duty_id)),
	    a, max, sizeof **out, read_ev, out, n);
}

static const char sql_ref_task[] =
    "SELECT org_path, title, done_on, 0 FROM tasks WHERE id = $1";
static const char sql_ref_meeting[] =
    "SELECT org_path, topic, held_on, 0 FROM meetings WHERE id = $1";
static const char sql_ref_ledger[] =
    "SELECT org_path, reason, occurred_on, COALESCE(member_id, 0) "
    "FROM point_ledger WHERE id = $1";

static const xf_db_col ref_cols[] = {
    XF_COL(STR, xf_duty_ref, org_path),
    XF_COL(STR, xf_duty_ref, title),
    XF_COL(OPT, xf_duty_ref, on),
    XF_COL(I64, xf_duty_ref, member_id),
};

XF_DB_READER(read_ref, ref_cols);

int xf_store_duty_ref(xf_db *db, xf_arena *a, const char *kind, int64_t ref_id,
                      xf_duty_ref *out)
{
	const char *sql = strcmp(kind, "task") == 0      ? sql_ref_task
	                  : strcmp(kind, "meeting") == 0 ? sql_ref_meeting
	                  : strcmp(kind, "ledger") == 0  ? sql_ref_ledger
	                                                 : NULL;
	if (!sql)
		return XF_DB_DONE;
	return xf_db_get(db, sql, ref_id, a, read_ref, out);
}
