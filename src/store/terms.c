/*
 * terms.c - SQL of 换届: terms of committees, their positions, the history
 * of an organization and the board of current terms.
 */
#include "store/terms.h"

static const char sql_insert[] =
    "INSERT INTO org_terms (org_id, org_path, elected_on, years, ends_on, "
    "entitled, present, state, created_by, created_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $1) RETURNING id";

static const xf_db_col write_cols[] = {
    XF_COL(I64, xf_term, org_id),     XF_COL(STR, xf_term, org_path),
    XF_COL(STR, xf_term, elected_on), XF_COL(INT, xf_term, years),
    XF_COL(STR, xf_term, ends_on),    XF_COL(I64, xf_term, entitled),
    XF_COL(I64, xf_term, present),    XF_COL(STR, xf_term, state),
    XF_COL(ID, xf_term, created_by),
};

static const char sql_position_insert[] =
    "INSERT INTO term_positions (term_id, member_id, member_name, position, "
    "votes) VALUES ($1, $2, $3, $4, $5)";

static const xf_db_col position_cols[] = {
    XF_COL(I64, xf_term_position, member_id),
    XF_COL(STR, xf_term_position, member_name),
    XF_COL(STR, xf_term_position, position),
    XF_COL(ID, xf_term_position, votes),
};

int xf_store_term_insert(xf_db *db, xf_term *t, int64_t now)
{
	int rc = xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                           write_cols, XF_NCOLS(write_cols), t, &t->id);
	if (rc != XF_DB_OK)
		return rc;
	t->created_at = now;
	for (int i = 0; rc == XF_DB_OK && i < t->npositions; i++) {
		rc = xf_db_run_cols(
		    XF_DB_BOUND(db, sql_position_insert, XF_INT(t->id)), 2,
		    position_cols, XF_NCOLS(position_cols), &t->positions[i]);
	}
	return rc;
}

#define TERM_COLS                                                              \
	"o.id, o.path, o.name, o.kind, COALESCE(t.id, 0), t.elected_on, "      \
	"COALESCE(t.years, 0), t.ends_on, COALESCE(t.entitled, 0), "           \
	"COALESCE(t.present, 0), t.state, COALESCE(t.approved_by_org, 0), "    \
	"p.name, t.approved_on, t.approval_no, COALESCE(t.created_by, 0), "    \
	"COALESCE(t.created_at, 0)"

XF_DB_LIST_READER(read_term, XF_TERM_ALL, xf_term);

static const char sql_get[] =
    "SELECT " TERM_COLS " FROM org_terms t JOIN orgs o ON o.id = t.org_id "
    "LEFT JOIN orgs p ON p.id = t.approved_by_org WHERE t.id = $1";

XF_DB_GETTER(xf_store_term_get, xf_term, sql_get, read_term);

static const char sql_positions[] =
    "SELECT member_id, member_name, position, COALESCE(votes, 0) "
    "FROM term_positions WHERE term_id = $1 ORDER BY CASE position "
    "WHEN 'secretary' THEN 0 WHEN 'deputy_secretary' THEN 1 ELSE 2 END, id "
    "LIMIT 100";

XF_DB_READER(read_position, position_cols);

int xf_store_term_positions(xf_db *db, xf_arena *a, xf_term *t)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_positions, XF_INT(t->id));
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, 100, sizeof *t->positions, read_position,
	                  &t->positions, &t->npositions);
}

static const char sql_last_elected[] =
    "SELECT COALESCE(MAX(elected_on), '') FROM org_terms WHERE org_id = $1";

static void read_text(xf_arena *a, xf_stmt *st, void *item)
{
	*(const char **)item = xf_db_dup(a, st, 0);
}

int xf_store_term_last_elected(xf_db *db, xf_arena *a, int64_t org_id,
                               const char **out)
{
	*out = "";
	int rc = xf_db_get(db, sql_last_elected, org_id, a, read_text, out);
	return rc == XF_DB_ROW || rc == XF_DB_DONE ? XF_DB_OK : rc;
}

static const char sql_history[] =
    "SELECT " TERM_COLS " FROM org_terms t JOIN orgs o ON o.id = t.org_id "
    "LEFT JOIN orgs p ON p.id = t.approved_by_org WHERE t.org_id = $1 "
    "ORDER BY t.elected_on DESC, t.id DESC LIMIT $2";

int xf_store_term_history(xf_db *db, xf_arena *a, int64_t org_id, int cap,
                          xf_term **out, int *n)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_history, XF_INT(org_id), XF_INT(cap));
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, cap, sizeof **out, read_term, out, n);
}

static const char sql_approve[] =
    "UPDATE org_terms SET state = 'approved', approved_by_org = $2, "
    "approved_on = $3, approval_no = $4 WHERE id = $1 AND state = 'pending'";

int xf_store_term_approve(xf_db *db, int64_t id, int64_t by_org,
                          const char *approved_on, const char *approval_no)
{
	return xf_db_run(XF_DB_BOUND(db, sql_approve, XF_INT(id), XF_ID(by_org),
	                             XF_STR(approved_on), XF_STR(approval_no)));
}

/* The kinds that elect a committee: those of xf_term_years_of
 * (domain/terms.c) with a term. */
#define BOARD_FROM                                                             \
	" FROM orgs o LEFT JOIN org_terms t ON t.id = (SELECT t2.id FROM "     \
	"org_terms t2 WHERE t2.org_id = o.id ORDER BY t2.elected_on DESC, "    \
	"t2.id DESC LIMIT 1) LEFT JOIN orgs p ON p.id = t.approved_by_org"
#define BOARD_WHERE                                                            \
	" WHERE " XF_RANGES_SQL("o.path", "1", "2", "3", "4", "5", "6", "7",   \
	                        "8") " AND o.closed_on IS NULL AND o.kind IN " \
	                             "('party_committee', 'organ_committee', " \
	                             "'general_branch', 'branch') AND ($9 = "  \
	                             "'' OR t.id IS NULL OR t.ends_on <= $9)"

static const char sql_board_count[] = "SELECT COUNT(*)" BOARD_FROM BOARD_WHERE;
static const char sql_board[] =
    "SELECT " TERM_COLS BOARD_FROM BOARD_WHERE
    " ORDER BY CASE WHEN t.id IS NULL THEN 0 ELSE 1 END, t.ends_on, o.path "
    "LIMIT $10 OFFSET $11";

typedef struct board_filter {
	const xf_ranges *r;
	const char *due_by;
} board_filter;

static void bind_board(xf_stmt *st, const void *filter)
{
	const board_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->r);
	xf_db_bind_str(st, 9, f->due_by ? f->due_by : "");
}

static const xf_db_list board_list = {
    sql_board_count, sql_board, bind_board, 10, sizeof(xf_term), read_term};

int xf_store_term_board(xf_db *db, xf_arena *a, const xf_ranges *r,
                        const char *due_by, int offset, int limit,
                        xf_term **out, int *n, int64_t *total)
{
	board_filter f = {r, due_by};
	return xf_db_list_page(db, &board_list, &f, limit, offset, a, out, n,
	                       total);
}
