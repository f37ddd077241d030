/*
 * point_claims.c - SQL of claims (积分申报): inserted pending, decided
 * once (the UPDATE only matches a pending claim), listed by scope.
 */
#include "store/point_claims.h"

static const char sql_claim_insert[] =
    "INSERT INTO point_claims (member_id, org_id, org_path, rule_id, "
    "description, evidence, status, created_by, created_at) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

static const xf_db_col point_claim_insert_cols[] = {
    XF_COL(I64, xf_point_claim, member_id),
    XF_COL(I64, xf_point_claim, org_id),
    XF_COL(STR, xf_point_claim, org_path),
    XF_COL(I64, xf_point_claim, rule_id),
    XF_COL(STR, xf_point_claim, description),
};

int xf_store_point_claim_insert(xf_db *db, xf_point_claim *c, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_claim_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 1, point_claim_insert_cols,
	                XF_NCOLS(point_claim_insert_cols), c);
	xf_db_bind_str(st, 6, c->evidence ? c->evidence : "[]");
	xf_db_bind_str(st, 7, c->status);
	xf_db_bind_id(st, 8, c->created_by);
	xf_db_bind_int(st, 9, now);
	int rc = xf_db_insert(st, &c->id);
	if (rc == XF_DB_OK)
		c->created_at = now;
	return rc;
}

#define CLAIM_COLS                                                             \
	"c.id, c.member_id, c.org_id, c.rule_id, c.org_path, m.name, o.name, " \
	"v.category, v.item, c.description, c.evidence, c.status, "            \
	"COALESCE(c.created_by, 0), c.created_at, COALESCE(c.decided_by, 0), " \
	"COALESCE(c.decided_at, 0), COALESCE(c.ledger_id, 0), "                \
	"c.decision_reason, c.points"
#define CLAIM_FROM                                                             \
	" FROM point_claims c JOIN members m ON m.id = c.member_id "           \
	"JOIN orgs o ON o.id = c.org_id JOIN point_rule_versions v ON "        \
	"v.rule_id = c.rule_id AND v.version = (SELECT MAX(x.version) FROM "   \
	"point_rule_versions x WHERE x.rule_id = c.rule_id)"

static const xf_db_col claim_cols[] = {
    XF_COL(I64, xf_point_claim, id),
    XF_COL(I64, xf_point_claim, member_id),
    XF_COL(I64, xf_point_claim, org_id),
    XF_COL(I64, xf_point_claim, rule_id),
    XF_COL(STR, xf_point_claim, org_path),
    XF_COL(STR, xf_point_claim, member_name),
    XF_COL(STR, xf_point_claim, org_name),
    XF_COL(STR, xf_point_claim, category),
    XF_COL(STR, xf_point_claim, item),
    XF_COL(STR, xf_point_claim, description),
    XF_COL(STR, xf_point_claim, evidence),
    XF_COL(STR, xf_point_claim, status),
    XF_COL(I64, xf_point_claim, created_by),
    XF_COL(I64, xf_point_claim, created_at),
    XF_COL(I64, xf_point_claim, decided_by),
    XF_COL(I64, xf_point_claim, decided_at),
    XF_COL(I64, xf_point_claim, ledger_id),
    XF_COL(OPT, xf_point_claim, decision_reason),
};

static void read_claim(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_claim *c = item;
	xf_db_read_cols(a, st, claim_cols, XF_NCOLS(claim_cols), c);
	c->has_points = !xf_db_is_null(st, 18);
	c->points = xf_db_int(st, 18);
}

static const char sql_claim_get[] =
    "SELECT " CLAIM_COLS CLAIM_FROM " WHERE c.id = $1";

XF_DB_GETTER(xf_store_point_claim_get, xf_point_claim, sql_claim_get,
             read_claim);

static const char sql_claim_decide[] =
    "UPDATE point_claims SET status = $2, decided_by = $3, decided_at = "
    "$4, decision_reason = $5, ledger_id = $6, points = $7 "
    "WHERE id = $1 AND status = 'pending'";

static const xf_db_col point_claim_decide_cols[] = {
    XF_COL(I64, xf_point_claim, id),
    XF_COL(STR, xf_point_claim, status),
    XF_COL(ID, xf_point_claim, decided_by),
    XF_COL(I64, xf_point_claim, decided_at),
    XF_COL(STR, xf_point_claim, decision_reason),
    XF_COL(ID, xf_point_claim, ledger_id),
};

int xf_store_point_claim_decide(xf_db *db, const xf_point_claim *c)
{
	xf_stmt *st = xf_db_stmt(db, sql_claim_decide);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 1, point_claim_decide_cols,
	                XF_NCOLS(point_claim_decide_cols), c);
	if (c->has_points)
		xf_db_bind_int(st, 7, c->points);
	else
		xf_db_bind_null(st, 7);
	return xf_db_run_one(st);
}

#define CLAIM_WHERE                                                            \
	" WHERE " XF_RANGES_SQL("c.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR c.member_id = $9) " \
	                                  "AND ($10 = '' OR c.status = $10)"

static const char sql_claim_count[] =
    "SELECT COUNT(*) FROM point_claims c" CLAIM_WHERE;
static const char sql_claim_list[] = "SELECT " CLAIM_COLS CLAIM_FROM CLAIM_WHERE
                                     " ORDER BY c.id DESC LIMIT $11 OFFSET $12";

static void bind_claim_filter(xf_stmt *st, const void *filter)
{
	const xf_point_claim_filter *f = filter;
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->member_id);
	xf_db_bind_str(st, 10, f->status ? f->status : "");
}

static const xf_db_list point_claim_list = {
    sql_claim_count,        sql_claim_list, bind_claim_filter, 11,
    sizeof(xf_point_claim), read_claim};

int xf_store_point_claim_list(xf_db *db, xf_arena *a,
                              const xf_point_claim_filter *f,
                              xf_point_claim **out, int *n, int64_t *total)
{
	return xf_db_list_page(db, &point_claim_list, f, f->limit, f->offset, a,
	                       out, n, total);
}
