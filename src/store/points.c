/*
 * points.c - SQL of the ledger and its kept totals. The rulebook is in
 * point_rules.c, claims in point_claims.c, board reads in leaderboards.c.
 * The ledger is append-only: this file has an INSERT for it and no UPDATE
 * or DELETE. Totals are upserted, one row per (member, period) and per
 * (org, period), in the transaction that inserts the entry.
 */
#include "store/points.h"

#include <string.h>

/* ---- ledger -------------------------------------------------------------*/

static const char sql_entry_insert[] =
    "INSERT INTO point_ledger (member_id, org_id, org_path, rule_id, "
    "rule_version_id, points, asked, occurred_on, month, quarter, year, "
    "source, reason, note, claim_id, record_ref, reverses_id, veto, "
    "actor_id, actor_name, record_group, created_at) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, "
    "$19, $20, $21, $22) RETURNING id";

static const xf_db_col entry_insert_cols[] = {
    XF_COL(ID, xf_point_entry, member_id),
    XF_COL(I64, xf_point_entry, org_id),
    XF_COL(STR, xf_point_entry, org_path),
    XF_COL(I64, xf_point_entry, rule_id),
    XF_COL(I64, xf_point_entry, rule_version_id),
    XF_COL(I64, xf_point_entry, points),
    XF_COL(I64, xf_point_entry, asked),
    XF_COL(STR, xf_point_entry, occurred_on),
    XF_COL(STR, xf_point_entry, month),
    XF_COL(STR, xf_point_entry, quarter),
    XF_COL(STR, xf_point_entry, year),
    XF_COL(STR, xf_point_entry, source),
    XF_COL(STR, xf_point_entry, reason),
    XF_COL(TXT, xf_point_entry, note),
    XF_COL(ID, xf_point_entry, claim_id),
    XF_COL(STR, xf_point_entry, record_ref),
    XF_COL(ID, xf_point_entry, reverses_id),
    XF_COL(INT, xf_point_entry, veto),
    XF_COL(ID, xf_point_entry, actor_id),
    XF_COL(STR, xf_point_entry, actor_name),
    XF_COL(STR, xf_point_entry, record_group),
};

int xf_store_point_entry_insert(xf_db *db, xf_point_entry *e, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_entry_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 1, entry_insert_cols, XF_NCOLS(entry_insert_cols),
	                e);
	xf_db_bind_int(st, 22, now);
	int rc = xf_db_insert(st, &e->id);
	if (rc == XF_DB_OK)
		e->created_at = now;
	return rc;
}

#define ENTRY_COLS                                                             \
	"l.id, COALESCE(l.member_id, 0), l.org_id, l.rule_id, "                \
	"l.rule_version_id, l.org_path, l.points, l.asked, l.occurred_on, "    \
	"l.month, l.quarter, l.year, l.source, l.reason, l.note, "             \
	"l.record_ref, COALESCE(l.claim_id, 0), COALESCE(l.reverses_id, 0), "  \
	"COALESCE((SELECT x.id FROM point_ledger x WHERE x.reverses_id = "     \
	"l.id), 0), l.veto, COALESCE(l.actor_id, 0), l.created_at, "           \
	"l.actor_name, m.name, o.name, v.category, v.item, v.version"
#define ENTRY_FROM                                                             \
	" FROM point_ledger l LEFT JOIN members m ON m.id = l.member_id "      \
	"JOIN orgs o ON o.id = l.org_id JOIN point_rule_versions v ON "        \
	"v.id = l.rule_version_id"

static const xf_db_col entry_cols[] = {
    XF_COL(I64, xf_point_entry, id),
    XF_COL(I64, xf_point_entry, member_id),
    XF_COL(I64, xf_point_entry, org_id),
    XF_COL(I64, xf_point_entry, rule_id),
    XF_COL(I64, xf_point_entry, rule_version_id),
    XF_COL(STR, xf_point_entry, org_path),
    XF_COL(I64, xf_point_entry, points),
    XF_COL(I64, xf_point_entry, asked),
    XF_COL(STR, xf_point_entry, occurred_on),
    XF_COL(STR, xf_point_entry, month),
    XF_COL(STR, xf_point_entry, quarter),
    XF_COL(STR, xf_point_entry, year),
    XF_COL(STR, xf_point_entry, source),
    XF_COL(STR, xf_point_entry, reason),
    XF_COL(STR, xf_point_entry, note),
    XF_COL(OPT, xf_point_entry, record_ref),
    XF_COL(I64, xf_point_entry, claim_id),
    XF_COL(I64, xf_point_entry, reverses_id),
    XF_COL(I64, xf_point_entry, reversed_by),
    XF_COL(INT, xf_point_entry, veto),
    XF_COL(I64, xf_point_entry, actor_id),
    XF_COL(I64, xf_point_entry, created_at),
    XF_COL(OPT, xf_point_entry, actor_name),
    XF_COL(OPT, xf_point_entry, member_name),
    XF_COL(STR, xf_point_entry, org_name),
    XF_COL(STR, xf_point_entry, category),
    XF_COL(STR, xf_point_entry, item),
    XF_COL(INT, xf_point_entry, version),
};

XF_DB_READER(read_entry, entry_cols);

static const char sql_entry_get[] =
    "SELECT " ENTRY_COLS ENTRY_FROM " WHERE l.id = $1";

XF_DB_GETTER(xf_store_point_entry_get, xf_point_entry, sql_entry_get,
             read_entry);

/* "+l.reverses_id": not by the index of reverses_id, which SQLite would
 * otherwise take for "IS NULL" (every entry but the reversals: the whole
 * ledger, seconds at city scale), but by the group's. */
static const char sql_group_entries[] =
    "SELECT " ENTRY_COLS ENTRY_FROM " WHERE l.record_group = $1 AND "
    "+l.reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM point_ledger x "
    "WHERE x.reverses_id = l.id) ORDER BY l.id LIMIT $2";

int xf_store_point_group_entries(xf_db *db, xf_arena *a, const char *group,
                                 int max, xf_point_entry **out, int *n)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_group_entries, XF_STR(group), XF_INT(max));
	if (!st)
		return XF_DB_ERROR;
	return xf_db_rows(st, a, max, sizeof **out, read_entry, out, n);
}

#define ENTRY_WHERE                                                            \
	" WHERE " XF_RANGES_SQL("l.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR l.member_id = $9) " \
	                                  "AND ($10 = 0 OR (l.member_id IS "   \
	                                  "NULL AND l.org_id = $10)) AND "     \
	                                  "($11 = '' OR l.month = $11 OR "     \
	                                  "l.quarter = $11 OR l.year = $11)"

static const char sql_entry_count[] =
    "SELECT COUNT(*) FROM point_ledger l" ENTRY_WHERE;
static const char sql_entry_list[] = "SELECT " ENTRY_COLS ENTRY_FROM ENTRY_WHERE
                                     " ORDER BY l.id DESC LIMIT $12 OFFSET $13";

static void bind_entry_filter(xf_stmt *st, const void *filter)
{
	const xf_point_entry_filter *f = filter;
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->member_id);
	xf_db_bind_int(st, 10, f->org_only);
	xf_db_bind_str(st, 11, f->period ? f->period : "");
}

static const xf_db_list point_entry_list = {
    sql_entry_count,        sql_entry_list, bind_entry_filter, 12,
    sizeof(xf_point_entry), read_entry};

int xf_store_point_entry_list(xf_db *db, xf_arena *a,
                              const xf_point_entry_filter *f,
                              xf_point_entry **out, int *n, int64_t *total)
{
	return xf_db_list_page(db, &point_entry_list, f, f->limit, f->offset, a,
	                       out, n, total);
}

/* One statement per period column, for the member or the org subject. */
#define USED_SQL(subject, col)                                                 \
	"SELECT COALESCE(SUM(points), 0) FROM point_ledger WHERE " subject     \
	" AND rule_id = $2 AND " col " = $3"
#define BY_MEMBER "member_id = $1"
#define BY_ORG    "member_id IS NULL AND org_id = $1"
static const char used_m_month[] = USED_SQL(BY_MEMBER, "month");
static const char used_m_quarter[] = USED_SQL(BY_MEMBER, "quarter");
static const char used_m_year[] = USED_SQL(BY_MEMBER, "year");
static const char used_o_month[] = USED_SQL(BY_ORG, "month");
static const char used_o_quarter[] = USED_SQL(BY_ORG, "quarter");
static const char used_o_year[] = USED_SQL(BY_ORG, "year");

int xf_store_point_rule_used(xf_db *db, int64_t member_id, int64_t org_id,
                             int64_t rule_id, const char *column,
                             const char *period, int64_t *sum)
{
	const char *sql;
	int m = member_id != 0;
	if (strcmp(column, "month") == 0)
		sql = m ? used_m_month : used_o_month;
	else if (strcmp(column, "quarter") == 0)
		sql = m ? used_m_quarter : used_o_quarter;
	else
		sql = m ? used_m_year : used_o_year;
	return xf_db_value(XF_DB_BOUND(db, sql, XF_INT(m ? member_id : org_id),
	                               XF_INT(rule_id), XF_STR(period)),
	                   sum);
}

static const char sql_member_period[] =
    "SELECT points, vetoed FROM point_member_totals WHERE member_id = $1 "
    "AND period = $2";

int xf_store_point_member_period(xf_db *db, int64_t member_id,
                                 const char *period, int64_t *points,
                                 int *vetoed)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_member_period, XF_INT(member_id),
	                          XF_STR(period));
	if (!st)
		return XF_DB_ERROR;
	int64_t v[2];
	int rc = xf_db_ints(st, v, 2);
	*points = v[0];
	*vetoed = (int)v[1];
	return rc;
}

static const char sql_org_period[] =
    "SELECT org_points FROM point_org_totals WHERE org_id = $1 AND "
    "period = $2";

int xf_store_point_org_period(xf_db *db, int64_t org_id, const char *period,
                              int64_t *org_points)
{
	return xf_db_value(
	    XF_DB_BOUND(db, sql_org_period, XF_INT(org_id), XF_STR(period)),
	    org_points);
}

static const char sql_member_seen[] =
    "SELECT COALESCE(MAX(CASE WHEN month = $4 THEN 1 ELSE 0 END), 0), "
    "COALESCE(MAX(CASE WHEN quarter = $5 THEN 1 ELSE 0 END), 0), "
    "COUNT(*) FROM point_ledger WHERE member_id = $1 AND org_id = $2 "
    "AND year = $3";

int xf_store_point_member_seen(xf_db *db, int64_t member_id, int64_t org_id,
                               const char *year, const char *quarter,
                               const char *month, int seen[3])
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_member_seen, XF_INT(member_id), XF_INT(org_id),
	                XF_STR(year), XF_STR(month), XF_STR(quarter));
	if (!st)
		return XF_DB_ERROR;
	int64_t v[3]; /* month, quarter, year */
	int rc = xf_db_ints(st, v, 3);
	for (int i = 0; i < 3; i++)
		seen[i] = v[i] > 0;
	return rc;
}

static const char sql_member_total_add[] =
    "INSERT INTO point_member_totals (member_id, period, org_id, "
    "org_path, points, entries, vetoed, last_entry_id) VALUES ($1, $2, "
    "$3, $4, $5, 1, $6, $7) ON CONFLICT (member_id, period) DO UPDATE SET "
    "points = point_member_totals.points + excluded.points, "
    "entries = point_member_totals.entries + 1, "
    "vetoed = point_member_totals.vetoed + excluded.vetoed, "
    "org_id = CASE WHEN excluded.last_entry_id > "
    "point_member_totals.last_entry_id THEN excluded.org_id ELSE "
    "point_member_totals.org_id END, "
    "org_path = CASE WHEN excluded.last_entry_id > "
    "point_member_totals.last_entry_id THEN excluded.org_path ELSE "
    "point_member_totals.org_path END, "
    "last_entry_id = CASE WHEN excluded.last_entry_id > "
    "point_member_totals.last_entry_id THEN excluded.last_entry_id ELSE "
    "point_member_totals.last_entry_id END";

static const xf_db_col point_member_total_add_cols[] = {
    XF_COL(I64, xf_point_entry, org_id), XF_COL(STR, xf_point_entry, org_path),
    XF_COL(I64, xf_point_entry, points), XF_COL(INT, xf_point_entry, veto),
    XF_COL(I64, xf_point_entry, id),
};

int xf_store_point_member_total_add(xf_db *db, const xf_point_entry *e,
                                    const char *period)
{
	return xf_db_run_cols(XF_DB_BOUND(db, sql_member_total_add,
	                                  XF_INT(e->member_id), XF_STR(period)),
	                      3, point_member_total_add_cols,
	                      XF_NCOLS(point_member_total_add_cols), e);
}

static const char sql_org_total_add[] =
    "INSERT INTO point_org_totals (org_id, period, points, entries, "
    "members, org_points, org_entries) VALUES ($1, $2, $3, $4, $5, $6, "
    "$7) ON CONFLICT (org_id, period) DO UPDATE SET "
    "points = point_org_totals.points + excluded.points, "
    "entries = point_org_totals.entries + excluded.entries, "
    "members = point_org_totals.members + excluded.members, "
    "org_points = point_org_totals.org_points + excluded.org_points, "
    "org_entries = point_org_totals.org_entries + excluded.org_entries";

int xf_store_point_org_total_add(xf_db *db, int64_t org_id, const char *period,
                                 int64_t points, int64_t entries,
                                 int64_t members, int64_t org_points,
                                 int64_t org_entries)
{
	return xf_db_run(XF_DB_BOUND(db, sql_org_total_add, XF_INT(org_id),
	                             XF_STR(period), XF_INT(points),
	                             XF_INT(entries), XF_INT(members),
	                             XF_INT(org_points), XF_INT(org_entries)));
}

/* ---- write keys ---------------------------------------------------------*/

static const char sql_key_member[] = "SELECT org_id FROM members WHERE id = $1";
static const char sql_key_claim[] =
    "SELECT m.org_id FROM point_claims c JOIN members m ON m.id = "
    "c.member_id WHERE c.id = $1";
static const char sql_key_entry[] =
    "SELECT org_id FROM point_ledger WHERE id = $1";

int64_t xf_store_point_write_org(xf_db *db, int what, int64_t id)
{
	xf_stmt *st =
	    xf_db_stmt(db, what == XF_POINT_KEY_MEMBER  ? sql_key_member
	                   : what == XF_POINT_KEY_CLAIM ? sql_key_claim
	                                                : sql_key_entry);
	if (!st)
		return 0;
	xf_db_bind_int(st, 1, id);
	int64_t org;
	return xf_db_value(st, &org) == XF_DB_OK ? org : 0;
}
