/*
 * schemes.c - SQL of assessment schemes and their indicators (schemes.h).
 */
#include "store/schemes.h"

#include <string.h>

#define SCHEME_COLS                                                            \
	"s.id, COALESCE(s.lineage_id, s.id), s.version, s.name, s.year, "      \
	"s.org_id, s.org_path, o.name, s.org_kinds, COALESCE(s.adopts_id, "    \
	"0), "                                                                 \
	"s.state, s.effective_from, s.stars, COALESCE(s.created_by, 0), "      \
	"s.created_at, COALESCE(s.published_by, 0), "                          \
	"COALESCE(s.published_at, 0)"

static void read_scheme(xf_arena *a, xf_stmt *st, void *item)
{
	xf_scheme *s = item;
	memset(s, 0, sizeof *s);
	s->id = xf_db_int(st, 0);
	s->lineage_id = xf_db_int(st, 1);
	s->version = (int)xf_db_int(st, 2);
	s->name = xf_db_dup(a, st, 3);
	s->year = (int)xf_db_int(st, 4);
	s->org_id = xf_db_int(st, 5);
	s->org_path = xf_db_dup(a, st, 6);
	s->org_name = xf_db_dup(a, st, 7);
	s->org_kinds = xf_db_dup(a, st, 8);
	s->adopts_id = xf_db_int(st, 9);
	s->state = xf_db_dup(a, st, 10);
	s->effective_from = xf_db_opt(a, st, 11);
	char *code = xf_arena_alloc(a, 40);
	if (!code ||
	    xf_star_rules_parse(xf_db_text(st, 12), code, 40, &s->stars) != 0)
		memset(&s->stars, 0, sizeof s->stars);
	s->created_by = xf_db_int(st, 13);
	s->created_at = xf_db_int(st, 14);
	s->published_by = xf_db_int(st, 15);
	s->published_at = xf_db_int(st, 16);
}

static void read_indicator(xf_arena *a, xf_stmt *st, void *item)
{
	xf_indicator *d = item;
	d->code = xf_db_dup(a, st, 0);
	d->title = xf_db_dup(a, st, 1);
	d->parent = xf_db_opt(a, st, 2);
	d->max_x10 = (int)xf_db_int(st, 3);
	d->kind = xf_db_dup(a, st, 4);
	d->source = xf_db_opt(a, st, 5);
	d->no_data_zero = strcmp(xf_db_text(st, 6), "zero") == 0;
	if (xf_mapping_parse(xf_db_is_null(st, 7) ? NULL : xf_db_text(st, 7),
	                     &d->map) != 0)
		memset(&d->map, 0, sizeof d->map);
	d->open = (int)xf_db_int(st, 8);
	d->inherited = (int)xf_db_int(st, 9);
}

static const char sql_ind_del[] =
    "DELETE FROM scheme_indicators WHERE scheme_id = $1";
static const char sql_ind_ins[] =
    "INSERT INTO scheme_indicators (scheme_id, pos, code, title, parent, "
    "max_x10, kind, source, no_data, mapping, open_slot, inherited) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
static const char sql_ind_get[] =
    "SELECT code, title, parent, max_x10, kind, source, COALESCE(no_data, "
    "''), mapping, open_slot, inherited FROM scheme_indicators WHERE "
    "scheme_id = $1 ORDER BY pos";

static int put_indicators(xf_db *db, const xf_scheme *s)
{
	int rc = xf_db_run_id(db, sql_ind_del, s->id);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_ind_ins);
	if (!st)
		return XF_DB_ERROR;
	for (int i = 0; i < s->nind; i++) {
		const xf_indicator *d = &s->ind[i];
		char map[400];
		xf_db_bind_int(st, 1, s->id);
		xf_db_bind_int(st, 2, i);
		xf_db_bind_str(st, 3, d->code);
		xf_db_bind_str(st, 4, d->title);
		xf_db_bind_str(st, 5, d->parent);
		xf_db_bind_int(st, 6, d->max_x10);
		xf_db_bind_str(st, 7, d->kind);
		xf_db_bind_str(st, 8, d->source);
		xf_db_bind_str(st, 9, d->no_data_zero ? "zero" : NULL);
		xf_db_bind_str(st, 10,
		               xf_mapping_text(&d->map, map, sizeof map));
		xf_db_bind_int(st, 11, d->open);
		xf_db_bind_int(st, 12, d->inherited);
		if ((rc = xf_db_run(st)) != XF_DB_OK)
			return rc;
	}
	return XF_DB_OK;
}

static int get_indicators(xf_db *db, xf_arena *a, xf_scheme *s)
{
	xf_stmt *st = xf_db_stmt(db, sql_ind_get);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, s->id);
	return xf_db_rows(st, a, 1000, sizeof *s->ind, read_indicator, &s->ind,
	                  &s->nind);
}

static const char sql_insert[] =
    "INSERT INTO schemes (lineage_id, version, name, year, org_id, "
    "org_path, org_kinds, adopts_id, state, effective_from, stars, "
    "created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
    "'draft', NULL, $9, $10, $11) RETURNING id";

int xf_store_scheme_insert(xf_db *db, xf_scheme *s, int64_t now)
{
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	if (!st)
		return XF_DB_ERROR;
	char stars[120];
	xf_db_bind_id(st, 1, s->lineage_id);
	xf_db_bind_int(st, 2, s->version);
	xf_db_bind_str(st, 3, s->name);
	xf_db_bind_int(st, 4, s->year);
	xf_db_bind_int(st, 5, s->org_id);
	xf_db_bind_str(st, 6, s->org_path);
	xf_db_bind_str(st, 7, s->org_kinds);
	xf_db_bind_id(st, 8, s->adopts_id);
	xf_db_bind_str(st, 9,
	               xf_star_rules_text(&s->stars, stars, sizeof stars));
	xf_db_bind_id(st, 10, s->created_by);
	xf_db_bind_int(st, 11, now);
	int rc = xf_db_insert(st, &s->id);
	if (rc != XF_DB_OK)
		return rc;
	s->created_at = now;
	s->state = "draft";
	return put_indicators(db, s);
}

static const char sql_get[] =
    "SELECT " SCHEME_COLS " FROM schemes s JOIN orgs o ON o.id = s.org_id "
    "WHERE s.id = $1";

int xf_store_scheme_get(xf_db *db, xf_arena *a, int64_t id, xf_scheme *out)
{
	int rc = xf_db_get(db, sql_get, id, a, read_scheme, out);
	if (rc != XF_DB_ROW)
		return rc;
	int r2 = get_indicators(db, a, out);
	return r2 == XF_DB_OK ? XF_DB_ROW : r2;
}

static const char sql_update[] =
    "UPDATE schemes SET name = $2, org_kinds = $3, stars = $4 WHERE id = $1 "
    "AND state = 'draft'";

int xf_store_scheme_update(xf_db *db, const xf_scheme *s)
{
	xf_stmt *st = xf_db_stmt(db, sql_update);
	if (!st)
		return XF_DB_ERROR;
	char stars[120];
	xf_db_bind_int(st, 1, s->id);
	xf_db_bind_str(st, 2, s->name);
	xf_db_bind_str(st, 3, s->org_kinds);
	xf_db_bind_str(st, 4,
	               xf_star_rules_text(&s->stars, stars, sizeof stars));
	int rc = xf_db_run(st);
	return rc == XF_DB_OK ? put_indicators(db, s) : rc;
}

static const char sql_replace[] =
    "UPDATE schemes SET state = 'replaced' WHERE COALESCE(lineage_id, id) = "
    "$1 AND state = 'published'";
static const char sql_publish[] =
    "UPDATE schemes SET state = 'published', effective_from = $2, "
    "published_by = $3, published_at = $4 WHERE id = $1 AND state = 'draft'";

int xf_store_scheme_publish(xf_db *db, const xf_scheme *s, int64_t by,
                            int64_t now)
{
	int rc = xf_db_run_id(db, sql_replace,
	                      s->lineage_id ? s->lineage_id : s->id);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = xf_db_stmt(db, sql_publish);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, s->id);
	xf_db_bind_str(st, 2, s->effective_from);
	xf_db_bind_id(st, 3, by);
	xf_db_bind_int(st, 4, now);
	return xf_db_run(st);
}

static const char sql_delete[] =
    "DELETE FROM schemes WHERE id = $1 AND state = 'draft'";

int xf_store_scheme_delete(xf_db *db, int64_t id)
{
	int rc = xf_db_run_id(db, sql_ind_del, id);
	return rc == XF_DB_OK ? xf_db_run_id(db, sql_delete, id) : rc;
}

static const char sql_last_version[] =
    "SELECT MAX(version) FROM schemes WHERE COALESCE(lineage_id, id) = $1";

int xf_store_scheme_last_version(xf_db *db, int64_t lineage_id, int64_t *v)
{
	xf_stmt *st = xf_db_stmt(db, sql_last_version);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, lineage_id);
	return xf_db_value(st, v);
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("s.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR s.year = $9)"

static const char sql_count[] = "SELECT COUNT(*) FROM schemes s" LIST_WHERE;
static const char sql_list[] =
    "SELECT " SCHEME_COLS
    " FROM schemes s JOIN orgs o ON o.id = s.org_id" LIST_WHERE
    " ORDER BY s.year DESC, s.id DESC LIMIT $10 OFFSET $11";

static const xf_db_list scheme_list = {
    sql_count, sql_list, xf_db_bind_scoped, 10, sizeof(xf_scheme), read_scheme};

int xf_store_scheme_list(xf_db *db, xf_arena *a, const xf_ranges *r, int year,
                         int offset, int limit, xf_scheme **out, int *n,
                         int64_t *total)
{
	xf_db_scoped f = {r, {year}, 1};
	return xf_db_list_page(db, &scheme_list, &f, limit, offset, a, out, n,
	                       total);
}

static int with_indicators(xf_db *db, xf_arena *a, xf_scheme *s, int n)
{
	for (int i = 0; i < n; i++) {
		int rc = get_indicators(db, a, &s[i]);
		if (rc != XF_DB_OK)
			return rc;
	}
	return XF_DB_OK;
}

static const char sql_over[] =
    "SELECT " SCHEME_COLS " FROM schemes s JOIN orgs o ON o.id = s.org_id "
    "WHERE s.year = $2 AND s.state = 'published' AND substr(CAST($1 AS TEXT), "
    "1, "
    "length(s.org_path)) = s.org_path ORDER BY length(s.org_path) DESC, "
    "s.id DESC";

int xf_store_schemes_over(xf_db *db, xf_arena *a, const char *path, int year,
                          xf_scheme **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_over);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, path);
	xf_db_bind_int(st, 2, year);
	int rc = xf_db_rows(st, a, 200, sizeof **out, read_scheme, out, n);
	return rc == XF_DB_OK ? with_indicators(db, a, *out, *n) : rc;
}

static const char sql_within[] =
    "SELECT " SCHEME_COLS " FROM schemes s JOIN orgs o ON o.id = s.org_id "
    "WHERE " XF_RANGES_SQL("s.org_path", "1", "2", "3", "4", "5", "6", "7",
                           "8") " AND s.year = $9 AND s.state = 'published' "
                                "ORDER BY length(s.org_path) DESC, s.id DESC";

int xf_store_schemes_within(xf_db *db, xf_arena *a, const xf_ranges *r,
                            int year, xf_scheme **out, int *n)
{
	xf_stmt *st = xf_db_stmt(db, sql_within);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_ranges(st, 1, r);
	xf_db_bind_int(st, 9, year);
	int rc = xf_db_rows(st, a, 500, sizeof **out, read_scheme, out, n);
	return rc == XF_DB_OK ? with_indicators(db, a, *out, *n) : rc;
}
