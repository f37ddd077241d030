/*
 * point_rules.c - SQL of the rulebook: rules, their dated versions (a
 * change closes one version and inserts the next) and yearly settings.
 */
#include "store/point_rules.h"

#include <string.h>

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
