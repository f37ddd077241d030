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
	return xf_db_insert(XF_DB_BOUND(db, sql_rule_insert, XF_STR(r->kind),
	                                XF_ID(r->org_id), XF_STR(r->org_path),
	                                XF_INT(now)),
	                    &r->id);
}

/* cap last: NULL where the version has none (0) */
static const char sql_version_insert[] =
    "INSERT INTO point_rule_versions (rule_id, version, valid_from, "
    "valid_to, category, item, description, points, cap_period, "
    "needs_evidence, needs_approval, approver_role, veto, created_by, "
    "record_kind, record_qualifier, created_at, cap) VALUES ($1, $2, $3, "
    "$4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
    "RETURNING id";

static const xf_db_col version_insert_cols[] = {
    XF_COL(I64, xf_point_version, rule_id),
    XF_COL(INT, xf_point_version, version),
    XF_COL(STR, xf_point_version, valid_from),
    XF_COL(STR, xf_point_version, valid_to),
    XF_COL(STR, xf_point_version, category),
    XF_COL(STR, xf_point_version, item),
    XF_COL(TXT, xf_point_version, description),
    XF_COL(I64, xf_point_version, points),
    XF_COL(STR, xf_point_version, cap_period),
    XF_COL(INT, xf_point_version, needs_evidence),
    XF_COL(INT, xf_point_version, needs_approval),
    XF_COL(STR, xf_point_version, approver_role),
    XF_COL(INT, xf_point_version, veto),
    XF_COL(ID, xf_point_version, created_by),
    XF_COL(STR, xf_point_version, record_kind),
    XF_COL(STR, xf_point_version, record_qualifier),
};

int xf_store_point_version_insert(xf_db *db, xf_point_version *v, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_version_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_cols(st, 1, version_insert_cols,
	                XF_NCOLS(version_insert_cols), v);
	xf_db_bind_int(st, 17, now);
	if (v->cap > 0)
		xf_db_bind_int(st, 18, v->cap);
	else
		xf_db_bind_null(st, 18);
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
	return xf_db_run(XF_DB_BOUND(db, sql_version_close, XF_INT(version_id),
	                             XF_STR(valid_to)));
}

#define VERSION_COLS                                                           \
	"v.id, v.rule_id, v.version, v.valid_from, v.valid_to, v.category, "   \
	"v.item, v.description, v.points, COALESCE(v.cap, 0), v.cap_period, "  \
	"v.approver_role, v.needs_evidence, v.needs_approval, v.veto, "        \
	"v.created_at, COALESCE(v.created_by, 0), v.record_kind, "             \
	"v.record_qualifier"
#define RULE_COLS "r.id, r.kind, COALESCE(r.org_id, 0), r.org_path, o.name"

/* A rule and one of its versions: a row of sql_rule_get or sql_rules_on,
 * RULE_COLS then VERSION_COLS. */
typedef struct rule_row {
	xf_point_rule rule;
	xf_point_version version;
} rule_row;

static const xf_db_col rule_row_cols[] = {
    XF_COL(I64, rule_row, rule.id),
    XF_COL(STR, rule_row, rule.kind),
    XF_COL(I64, rule_row, rule.org_id),
    XF_COL(OPT, rule_row, rule.org_path),
    XF_COL(OPT, rule_row, rule.org_name),
    XF_COL(I64, rule_row, version.id),
    XF_COL(I64, rule_row, version.rule_id),
    XF_COL(INT, rule_row, version.version),
    XF_COL(STR, rule_row, version.valid_from),
    XF_COL(OPT, rule_row, version.valid_to),
    XF_COL(STR, rule_row, version.category),
    XF_COL(STR, rule_row, version.item),
    XF_COL(STR, rule_row, version.description),
    XF_COL(I64, rule_row, version.points),
    XF_COL(I64, rule_row, version.cap),
    XF_COL(STR, rule_row, version.cap_period),
    XF_COL(STR, rule_row, version.approver_role),
    XF_COL(INT, rule_row, version.needs_evidence),
    XF_COL(INT, rule_row, version.needs_approval),
    XF_COL(INT, rule_row, version.veto),
    XF_COL(I64, rule_row, version.created_at),
    XF_COL(I64, rule_row, version.created_by),
    XF_COL(OPT, rule_row, version.record_kind),
    XF_COL(OPT, rule_row, version.record_qualifier),
};

XF_DB_READER(read_rule_row, rule_row_cols);

static const char sql_rule_get[] =
    "SELECT " RULE_COLS ", " VERSION_COLS
    " FROM point_rules r LEFT JOIN orgs o ON o.id = r.org_id "
    "JOIN point_rule_versions v ON v.rule_id = r.id WHERE r.id = $1 "
    "ORDER BY v.version DESC LIMIT 256";

int xf_store_point_rule_get(xf_db *db, xf_arena *a, int64_t id,
                            xf_point_rule *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_rule_get, XF_INT(id));
	if (!st)
		return XF_DB_ERROR;
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

/* Reads up to max rows of st (a rule's columns, then its version's) as
 * rules each with the one version in force: *out in a. */
static int rules_in_force(xf_stmt *st, xf_arena *a, int max,
                          xf_point_rule **out, int *n)
{
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
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_rules_on, XF_STR(kind), XF_STR(date),
	                XF_STR(category ? category : ""), XF_INT(max));
	return rules_in_force(st, a, max, out, n);
}

static const char sql_record_rules_on[] =
    "SELECT " RULE_COLS ", " VERSION_COLS
    " FROM point_rule_versions v JOIN point_rules r ON r.id = v.rule_id "
    "LEFT JOIN orgs o ON o.id = r.org_id WHERE r.kind = $1 "
    "AND v.record_kind = $2 AND v.valid_from <= $3 "
    "AND (v.valid_to IS NULL OR v.valid_to > $3) ORDER BY r.id LIMIT $4";

int xf_store_point_record_rules_on(xf_db *db, xf_arena *a, const char *kind,
                                   const char *record_kind, const char *date,
                                   int max, xf_point_rule **out, int *n)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_record_rules_on, XF_STR(kind),
	                XF_STR(record_kind), XF_STR(date), XF_INT(max));
	return rules_in_force(st, a, max, out, n);
}

/* ---- settings -----------------------------------------------------------*/

static const char sql_settings_get[] =
    "SELECT base, floor FROM point_settings WHERE kind = $1 AND year = $2";

int xf_store_point_settings_get(xf_db *db, const char *kind, int year,
                                int64_t *base, int64_t *floor)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_settings_get, XF_STR(kind), XF_INT(year));
	if (!st)
		return XF_DB_ERROR;
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
	return xf_db_run(XF_DB_BOUND(db, sql_settings_put, XF_STR(kind),
	                             XF_INT(year), XF_INT(base), XF_INT(floor),
	                             XF_INT(now)));
}
