/*
 * points.c - SQL of the rulebook, claims, the ledger and its kept totals.
 * The ledger is append-only: this file has an INSERT for it and no UPDATE
 * or DELETE. Totals are upserted, one row per (member, period) and per
 * (org, period), in the transaction that inserts the entry.
 */
#include "store/points.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- rules --------------------------------------------------------------*/

static const char sql_rule_insert[] =
    "INSERT INTO point_rules (kind, org_id, org_path, created_at) "
    "VALUES ($1, $2, $3, $4) RETURNING id";

int xf_store_point_rule_insert(xf_db *db, xf_point_rule *r, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_rule_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, r->kind);
	xf_db_bind_id(st, 2, r->org_id);
	xf_db_bind_str(st, 3, r->org_path);
	xf_db_bind_int(st, 4, now);
	return xf_db_insert(st, &r->id);
}

static const char sql_version_insert[] =
    "INSERT INTO point_rule_versions (rule_id, version, valid_from, "
    "valid_to, category, item, description, points, cap, cap_period, "
    "needs_evidence, needs_approval, approver_role, veto, created_at, "
    "created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16) RETURNING id";

int xf_store_point_version_insert(xf_db *db, xf_point_version *v, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_version_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, v->rule_id);
	xf_db_bind_int(st, 2, v->version);
	xf_db_bind_str(st, 3, v->valid_from);
	xf_db_bind_str(st, 4, v->valid_to);
	xf_db_bind_str(st, 5, v->category);
	xf_db_bind_str(st, 6, v->item);
	xf_db_bind_str(st, 7, v->description ? v->description : "");
	xf_db_bind_int(st, 8, v->points);
	if (v->cap > 0)
		xf_db_bind_int(st, 9, v->cap);
	else
		xf_db_bind_null(st, 9);
	xf_db_bind_str(st, 10, v->cap_period);
	xf_db_bind_int(st, 11, v->needs_evidence);
	xf_db_bind_int(st, 12, v->needs_approval);
	xf_db_bind_str(st, 13, v->approver_role);
	xf_db_bind_int(st, 14, v->veto);
	xf_db_bind_int(st, 15, now);
	xf_db_bind_id(st, 16, v->created_by);
	int rc = xf_db_insert(st, &v->id);
	if (rc == XF_DB_OK)
		v->created_at = now;
	return rc;
}

static const char sql_version_close[] =
    "UPDATE point_rule_versions SET valid_to = $2 WHERE id = $1";

int xf_store_point_version_close(xf_db *db, int64_t version_id,
                                 const char *valid_to)
{
	xf_stmt *st = xf_db_stmt(db, sql_version_close);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, version_id);
	xf_db_bind_str(st, 2, valid_to);
	return xf_db_run(st);
}

#define VERSION_COLS                                                           \
	"v.id, v.rule_id, v.version, v.valid_from, v.valid_to, v.category, "   \
	"v.item, v.description, v.points, COALESCE(v.cap, 0), v.cap_period, "  \
	"v.approver_role, v.needs_evidence, v.needs_approval, v.veto, "        \
	"v.created_at, COALESCE(v.created_by, 0)"
#define VERSION_NCOLS 17

static void read_version(xf_arena *a, xf_stmt *st, int c, xf_point_version *v)
{
	v->id = xf_db_int(st, c);
	v->rule_id = xf_db_int(st, c + 1);
	v->version = (int)xf_db_int(st, c + 2);
	v->valid_from = xf_db_dup(a, st, c + 3);
	v->valid_to = xf_db_opt(a, st, c + 4);
	v->category = xf_db_dup(a, st, c + 5);
	v->item = xf_db_dup(a, st, c + 6);
	v->description = xf_db_dup(a, st, c + 7);
	v->points = xf_db_int(st, c + 8);
	v->cap = xf_db_int(st, c + 9);
	v->cap_period = xf_db_dup(a, st, c + 10);
	v->approver_role = xf_db_dup(a, st, c + 11);
	v->needs_evidence = (int)xf_db_int(st, c + 12);
	v->needs_approval = (int)xf_db_int(st, c + 13);
	v->veto = (int)xf_db_int(st, c + 14);
	v->created_at = xf_db_int(st, c + 15);
	v->created_by = xf_db_int(st, c + 16);
}

#define RULE_COLS "r.id, r.kind, COALESCE(r.org_id, 0), r.org_path, o.name"

static void read_rule(xf_arena *a, xf_stmt *st, xf_point_rule *r)
{
	r->id = xf_db_int(st, 0);
	r->kind = xf_db_dup(a, st, 1);
	r->org_id = xf_db_int(st, 2);
	r->org_path = xf_db_opt(a, st, 3);
	r->org_name = xf_db_opt(a, st, 4);
}

/* A rule and one of its versions: a row of sql_rule_get or sql_rules_on. */
typedef struct rule_row {
	xf_point_rule rule;
	xf_point_version version;
} rule_row;

static void read_rule_row(xf_arena *a, xf_stmt *st, void *item)
{
	rule_row *r = item;
	read_rule(a, st, &r->rule);
	read_version(a, st, 5, &r->version);
}

static const char sql_rule_get[] =
    "SELECT " RULE_COLS ", " VERSION_COLS
    " FROM point_rules r LEFT JOIN orgs o ON o.id = r.org_id "
    "JOIN point_rule_versions v ON v.rule_id = r.id WHERE r.id = $1 "
    "ORDER BY v.version DESC LIMIT 256";

int xf_store_point_rule_get(xf_db *db, xf_arena *a, int64_t id,
                            xf_point_rule *out)
{
	xf_stmt *st = xf_db_stmt(db, sql_rule_get);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, id);
	memset(out, 0, sizeof *out);
	rule_row *rows;
	int n;
	int rc = xf_db_rows(st, a, 256, sizeof *rows, read_rule_row, &rows, &n);
	if (rc != XF_DB_OK || n == 0)
		return rc == XF_DB_OK ? XF_DB_DONE : rc;
	*out = rows[0].rule;
	out->versions = xf_arena_alloc(a, (size_t)n * sizeof *out->versions);
	if (!out->versions)
		return XF_DB_ERROR;
	/* read newest first (the latest 256 versions); oldest first here */
	for (int i = 0; i < n; i++)
		out->versions[i] = rows[n - 1 - i].version;
	out->nversions = n;
	out->shown = &out->versions[n - 1];
	return XF_DB_ROW;
}

static const char sql_rules_on[] =
    "SELECT " RULE_COLS ", " VERSION_COLS
    " FROM point_rule_versions v JOIN point_rules r ON r.id = v.rule_id "
    "LEFT JOIN orgs o ON o.id = r.org_id WHERE r.kind = $1 "
    "AND v.valid_from <= $2 AND (v.valid_to IS NULL OR v.valid_to > $2) "
    "AND ($3 = '' OR v.category = $3) ORDER BY r.id LIMIT $4";

int xf_store_point_rules_on(xf_db *db, xf_arena *a, const char *kind,
                            const char *date, const char *category, int max,
                            xf_point_rule **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_rules_on);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, kind);
	xf_db_bind_str(st, 2, date);
	xf_db_bind_str(st, 3, category ? category : "");
	xf_db_bind_int(st, 4, max);
	rule_row *rows;
	int rc = xf_db_rows(st, a, max, sizeof *rows, read_rule_row, &rows, n);
	*out = xf_arena_alloc(a, (size_t)(*n > 0 ? *n : 1) * sizeof **out);
	if (rc != XF_DB_OK || !*out)
		return rc != XF_DB_OK ? rc : XF_DB_ERROR;
	for (int i = 0; i < *n; i++) {
		xf_point_rule *r = &(*out)[i];
		*r = rows[i].rule;
		r->versions = &rows[i].version;
		r->nversions = 1;
		r->shown = &rows[i].version;
	}
	return XF_DB_OK;
}

/* ---- settings -----------------------------------------------------------*/

static const char sql_settings_get[] =
    "SELECT base, floor FROM point_settings WHERE kind = $1 AND year = $2";

int xf_store_point_settings_get(xf_db *db, const char *kind, int year,
                                int64_t *base, int64_t *floor)
{
	xf_stmt *st = xf_db_stmt(db, sql_settings_get);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, kind);
	xf_db_bind_int(st, 2, year);
	int64_t v[2];
	int rc = xf_db_ints(st, v, 2);
	*base = v[0];
	*floor = v[1];
	return rc;
}

static const char sql_settings_put[] =
    "INSERT INTO point_settings (kind, year, base, floor, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, year) DO UPDATE SET "
    "base = excluded.base, floor = excluded.floor, "
    "updated_at = excluded.updated_at";

int xf_store_point_settings_put(xf_db *db, const char *kind, int year,
                                int64_t base, int64_t floor, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_settings_put);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, kind);
	xf_db_bind_int(st, 2, year);
	xf_db_bind_int(st, 3, base);
	xf_db_bind_int(st, 4, floor);
	xf_db_bind_int(st, 5, now);
	return xf_db_run(st);
}

/* ---- claims -------------------------------------------------------------*/

static const char sql_claim_insert[] =
    "INSERT INTO point_claims (member_id, org_id, org_path, rule_id, "
    "description, evidence, status, created_by, created_at) VALUES ($1, "
    "$2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

int xf_store_point_claim_insert(xf_db *db, xf_point_claim *c, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_claim_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, c->member_id);
	xf_db_bind_int(st, 2, c->org_id);
	xf_db_bind_str(st, 3, c->org_path);
	xf_db_bind_int(st, 4, c->rule_id);
	xf_db_bind_str(st, 5, c->description);
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

static void read_claim(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_claim *c = item;
	c->id = xf_db_int(st, 0);
	c->member_id = xf_db_int(st, 1);
	c->org_id = xf_db_int(st, 2);
	c->rule_id = xf_db_int(st, 3);
	c->org_path = xf_db_dup(a, st, 4);
	c->member_name = xf_db_dup(a, st, 5);
	c->org_name = xf_db_dup(a, st, 6);
	c->category = xf_db_dup(a, st, 7);
	c->item = xf_db_dup(a, st, 8);
	c->description = xf_db_dup(a, st, 9);
	c->evidence = xf_db_dup(a, st, 10);
	c->status = xf_db_dup(a, st, 11);
	c->created_by = xf_db_int(st, 12);
	c->created_at = xf_db_int(st, 13);
	c->decided_by = xf_db_int(st, 14);
	c->decided_at = xf_db_int(st, 15);
	c->ledger_id = xf_db_int(st, 16);
	c->decision_reason = xf_db_opt(a, st, 17);
	c->has_points = !xf_db_is_null(st, 18);
	c->points = xf_db_int(st, 18);
}

static const char sql_claim_get[] =
    "SELECT " CLAIM_COLS CLAIM_FROM " WHERE c.id = $1";

int xf_store_point_claim_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_point_claim *out)
{
	return xf_db_get(db, sql_claim_get, id, a, read_claim, out);
}

static const char sql_claim_decide[] =
    "UPDATE point_claims SET status = $2, decided_by = $3, decided_at = "
    "$4, decision_reason = $5, ledger_id = $6, points = $7 "
    "WHERE id = $1 AND status = 'pending'";

int xf_store_point_claim_decide(xf_db *db, const xf_point_claim *c)
{
	xf_stmt *st = xf_db_stmt(db, sql_claim_decide);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, c->id);
	xf_db_bind_str(st, 2, c->status);
	xf_db_bind_id(st, 3, c->decided_by);
	xf_db_bind_int(st, 4, c->decided_at);
	xf_db_bind_str(st, 5, c->decision_reason);
	xf_db_bind_id(st, 6, c->ledger_id);
	if (c->has_points)
		xf_db_bind_int(st, 7, c->points);
	else
		xf_db_bind_null(st, 7);
	int rc = xf_db_run(st);
	if (rc != XF_DB_OK)
		return rc;
	return xf_db_changes(db) == 1 ? XF_DB_OK : XF_DB_DONE;
}

#define CLAIM_WHERE                                                            \
	" WHERE " XF_RANGES_SQL("c.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR c.member_id = $9) " \
	                                  "AND ($10 = '' OR c.status = $10)"

static const char sql_claim_count[] =
    "SELECT COUNT(*) FROM point_claims c" CLAIM_WHERE;
static const char sql_claim_list[] = "SELECT " CLAIM_COLS CLAIM_FROM CLAIM_WHERE
                                     " ORDER BY c.id DESC LIMIT $11 OFFSET $12";

static void bind_claim_filter(xf_stmt *st, const xf_point_claim_filter *f)
{
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->member_id);
	xf_db_bind_str(st, 10, f->status ? f->status : "");
}

int xf_store_point_claim_list(xf_db *db, xf_arena *a,
                              const xf_point_claim_filter *f,
                              xf_point_claim **out, int *n, int64_t *total)
{
	xf_stmt *count = xf_db_stmt(db, sql_claim_count);
	xf_stmt *st = xf_db_stmt(db, sql_claim_list);
	if (!count || !st)
		return XF_DB_ERROR;
	bind_claim_filter(count, f);
	bind_claim_filter(st, f);
	xf_db_bind_int(st, 11, f->limit);
	xf_db_bind_int(st, 12, f->offset);
	return xf_db_page(count, total, st, a, f->limit, sizeof **out,
	                  read_claim, out, n);
}

/* ---- ledger -------------------------------------------------------------*/

static const char sql_entry_insert[] =
    "INSERT INTO point_ledger (member_id, org_id, org_path, rule_id, "
    "rule_version_id, points, asked, occurred_on, month, quarter, year, "
    "source, reason, note, claim_id, record_ref, reverses_id, veto, "
    "actor_id, actor_name, created_at) VALUES ($1, $2, $3, $4, $5, $6, "
    "$7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, "
    "$21) RETURNING id";

int xf_store_point_entry_insert(xf_db *db, xf_point_entry *e, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_entry_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_id(st, 1, e->member_id);
	xf_db_bind_int(st, 2, e->org_id);
	xf_db_bind_str(st, 3, e->org_path);
	xf_db_bind_int(st, 4, e->rule_id);
	xf_db_bind_int(st, 5, e->rule_version_id);
	xf_db_bind_int(st, 6, e->points);
	xf_db_bind_int(st, 7, e->asked);
	xf_db_bind_str(st, 8, e->occurred_on);
	xf_db_bind_str(st, 9, e->month);
	xf_db_bind_str(st, 10, e->quarter);
	xf_db_bind_str(st, 11, e->year);
	xf_db_bind_str(st, 12, e->source);
	xf_db_bind_str(st, 13, e->reason);
	xf_db_bind_str(st, 14, e->note ? e->note : "");
	xf_db_bind_id(st, 15, e->claim_id);
	xf_db_bind_str(st, 16, e->record_ref);
	xf_db_bind_id(st, 17, e->reverses_id);
	xf_db_bind_int(st, 18, e->veto);
	xf_db_bind_id(st, 19, e->actor_id);
	xf_db_bind_str(st, 20, e->actor_name);
	xf_db_bind_int(st, 21, now);
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

static void read_entry(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_entry *e = item;
	e->id = xf_db_int(st, 0);
	e->member_id = xf_db_int(st, 1);
	e->org_id = xf_db_int(st, 2);
	e->rule_id = xf_db_int(st, 3);
	e->rule_version_id = xf_db_int(st, 4);
	e->org_path = xf_db_dup(a, st, 5);
	e->points = xf_db_int(st, 6);
	e->asked = xf_db_int(st, 7);
	e->occurred_on = xf_db_dup(a, st, 8);
	e->month = xf_db_dup(a, st, 9);
	e->quarter = xf_db_dup(a, st, 10);
	e->year = xf_db_dup(a, st, 11);
	e->source = xf_db_dup(a, st, 12);
	e->reason = xf_db_dup(a, st, 13);
	e->note = xf_db_dup(a, st, 14);
	e->record_ref = xf_db_opt(a, st, 15);
	e->claim_id = xf_db_int(st, 16);
	e->reverses_id = xf_db_int(st, 17);
	e->reversed_by = xf_db_int(st, 18);
	e->veto = (int)xf_db_int(st, 19);
	e->actor_id = xf_db_int(st, 20);
	e->created_at = xf_db_int(st, 21);
	e->actor_name = xf_db_opt(a, st, 22);
	e->member_name = xf_db_opt(a, st, 23);
	e->org_name = xf_db_dup(a, st, 24);
	e->category = xf_db_dup(a, st, 25);
	e->item = xf_db_dup(a, st, 26);
	e->version = (int)xf_db_int(st, 27);
}

static const char sql_entry_get[] =
    "SELECT " ENTRY_COLS ENTRY_FROM " WHERE l.id = $1";

int xf_store_point_entry_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_point_entry *out)
{
	return xf_db_get(db, sql_entry_get, id, a, read_entry, out);
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

static void bind_entry_filter(xf_stmt *st, const xf_point_entry_filter *f)
{
	xf_db_bind_ranges(st, 1, &f->ranges);
	xf_db_bind_int(st, 9, f->member_id);
	xf_db_bind_int(st, 10, f->org_only);
	xf_db_bind_str(st, 11, f->period ? f->period : "");
}

int xf_store_point_entry_list(xf_db *db, xf_arena *a,
                              const xf_point_entry_filter *f,
                              xf_point_entry **out, int *n, int64_t *total)
{
	xf_stmt *count = xf_db_stmt(db, sql_entry_count);
	xf_stmt *st = xf_db_stmt(db, sql_entry_list);
	if (!count || !st)
		return XF_DB_ERROR;
	bind_entry_filter(count, f);
	bind_entry_filter(st, f);
	xf_db_bind_int(st, 12, f->limit);
	xf_db_bind_int(st, 13, f->offset);
	return xf_db_page(count, total, st, a, f->limit, sizeof **out,
	                  read_entry, out, n);
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
	xf_stmt *st = xf_db_stmt(db, sql);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, m ? member_id : org_id);
	xf_db_bind_int(st, 2, rule_id);
	xf_db_bind_str(st, 3, period);
	return xf_db_value(st, sum);
}

static const char sql_member_period[] =
    "SELECT points, vetoed FROM point_member_totals WHERE member_id = $1 "
    "AND period = $2";

int xf_store_point_member_period(xf_db *db, int64_t member_id,
                                 const char *period, int64_t *points,
                                 int *vetoed)
{
	xf_stmt *st = xf_db_stmt(db, sql_member_period);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, member_id);
	xf_db_bind_str(st, 2, period);
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
	xf_stmt *st = xf_db_stmt(db, sql_org_period);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, org_id);
	xf_db_bind_str(st, 2, period);
	return xf_db_value(st, org_points);
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
	xf_stmt *st = xf_db_stmt(db, sql_member_seen);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, member_id);
	xf_db_bind_int(st, 2, org_id);
	xf_db_bind_str(st, 3, year);
	xf_db_bind_str(st, 4, month);
	xf_db_bind_str(st, 5, quarter);
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

int xf_store_point_member_total_add(xf_db *db, const xf_point_entry *e,
                                    const char *period)
{
	xf_stmt *st = xf_db_stmt(db, sql_member_total_add);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, e->member_id);
	xf_db_bind_str(st, 2, period);
	xf_db_bind_int(st, 3, e->org_id);
	xf_db_bind_str(st, 4, e->org_path);
	xf_db_bind_int(st, 5, e->points);
	xf_db_bind_int(st, 6, e->veto);
	xf_db_bind_int(st, 7, e->id);
	return xf_db_run(st);
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
	xf_stmt *st = xf_db_stmt(db, sql_org_total_add);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, org_id);
	xf_db_bind_str(st, 2, period);
	xf_db_bind_int(st, 3, points);
	xf_db_bind_int(st, 4, entries);
	xf_db_bind_int(st, 5, members);
	xf_db_bind_int(st, 6, org_points);
	xf_db_bind_int(st, 7, org_entries);
	return xf_db_run(st);
}

/* ---- boards -------------------------------------------------------------*/

static const char sql_board_members[] =
    "SELECT t.member_id, t.org_id, t.points, m.name, o.name, t.vetoed "
    "FROM (SELECT member_id, org_id, points, vetoed FROM "
    "point_member_totals WHERE period = $1 AND org_path >= $2 AND "
    "org_path < $3 ORDER BY points DESC, member_id LIMIT $4) t "
    "JOIN members m ON m.id = t.member_id JOIN orgs o ON o.id = t.org_id "
    "ORDER BY t.points DESC, t.member_id";

static void read_board_row(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_board_row *r = item;
	r->member_id = xf_db_int(st, 0);
	r->org_id = xf_db_int(st, 1);
	r->points = xf_db_int(st, 2);
	r->name = xf_db_dup(a, st, 3);
	r->org_name = xf_db_dup(a, st, 4);
	r->vetoed = (int)xf_db_int(st, 5);
}

int xf_store_point_board_members(xf_db *db, xf_arena *a, const char *period,
                                 const char *lo, const char *hi, int limit,
                                 xf_point_board_row **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_board_members);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, period);
	xf_db_bind_str(st, 2, lo);
	xf_db_bind_str(st, 3, hi);
	xf_db_bind_int(st, 4, limit);
	return xf_db_rows(st, a, limit, sizeof **out, read_board_row, out, n);
}

static const char sql_board_scan[] =
    "SELECT member_id, points FROM point_member_totals WHERE period = $1 "
    "AND org_path >= $2 AND org_path < $3";

int xf_store_point_board_scan(
    xf_db *db, const char *period, const char *lo, const char *hi,
    int (*fn)(void *arg, int64_t member_id, int64_t points), void *arg)
{
	xf_stmt *st = xf_db_stmt(db, sql_board_scan);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, period);
	xf_db_bind_str(st, 2, lo);
	xf_db_bind_str(st, 3, hi);
	int rc;
	while ((rc = xf_db_step(st)) == XF_DB_ROW)
		if (fn(arg, xf_db_int(st, 0), xf_db_int(st, 1)))
			break;
	xf_db_reset(st);
	return xf_db_done(rc);
}

static const char sql_count_above[] =
    "SELECT COUNT(*) FROM point_member_totals WHERE period = $1 AND "
    "points > $4 AND org_path >= $2 AND org_path < $3";

int xf_store_point_count_above(xf_db *db, const char *period, const char *lo,
                               const char *hi, int64_t points, int64_t *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_count_above);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, period);
	xf_db_bind_str(st, 2, lo);
	xf_db_bind_str(st, 3, hi);
	xf_db_bind_int(st, 4, points);
	return xf_db_value(st, n);
}

static const char sql_member_year[] =
    "SELECT period, points, entries, vetoed FROM point_member_totals "
    "WHERE member_id = $1 AND period >= $2 AND period < $3 "
    "ORDER BY period LIMIT 32";

static void read_period_total(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_period_total *t = item;
	t->period = xf_db_dup(a, st, 0);
	t->points = xf_db_int(st, 1);
	t->entries = xf_db_int(st, 2);
	t->vetoed = (int)xf_db_int(st, 3);
}

int xf_store_point_member_year(xf_db *db, xf_arena *a, int64_t member_id,
                               const char *year, xf_point_period_total **out,
                               int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_member_year);
	if (!st)
		return XF_DB_ERROR;
	char next[16];
	snprintf(next, sizeof next, "%d", (int)strtol(year, NULL, 10) + 1);
	xf_db_bind_int(st, 1, member_id);
	xf_db_bind_str(st, 2, year);
	xf_db_bind_str(st, 3, next);
	return xf_db_rows(st, a, 32, sizeof **out, read_period_total, out, n);
}

static const char sql_org_subtree[] =
    "SELECT o.id, o.member_count, o.name, o.kind, o.path, "
    "COALESCE(t.points, 0), COALESCE(t.entries, 0), "
    "COALESCE(t.members, 0), COALESCE(t.org_points, 0) FROM orgs o "
    "LEFT JOIN point_org_totals t ON t.org_id = o.id AND t.period = $3 "
    "WHERE o.path >= $1 AND o.path < $2 ORDER BY o.path LIMIT $4";

static void read_org_row(xf_arena *a, xf_stmt *st, void *item)
{
	xf_point_org_row *r = item;
	r->id = xf_db_int(st, 0);
	r->headcount = xf_db_int(st, 1);
	r->name = xf_db_dup(a, st, 2);
	r->kind = xf_db_dup(a, st, 3);
	r->path = xf_db_dup(a, st, 4);
	r->points = xf_db_int(st, 5);
	r->entries = xf_db_int(st, 6);
	r->members = xf_db_int(st, 7);
	r->org_points = xf_db_int(st, 8);
}

int xf_store_point_org_subtree(xf_db *db, xf_arena *a, const char *lo,
                               const char *hi, const char *period, int max,
                               xf_point_org_row **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_org_subtree);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, lo);
	xf_db_bind_str(st, 2, hi);
	xf_db_bind_str(st, 3, period);
	xf_db_bind_int(st, 4, max);
	return xf_db_rows(st, a, max, sizeof **out, read_org_row, out, n);
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
