/*
 * brands.c - SQL of party-building brands and their yearly reviews.
 */
#include "store/brands.h"

#include "store/year_reviews.h"

static const char sql_insert[] =
    "INSERT INTO brands (org_id, org_path, name, slogan, description, "
    "started_year, created_by, created_at, updated_at) VALUES ($2, $3, $4, "
    "$5, $6, $7, $8, $1, $1) RETURNING id";

static const xf_db_col insert_cols[] = {
    XF_COL(I64, xf_brand, org_id),      XF_COL(STR, xf_brand, org_path),
    XF_COL(STR, xf_brand, name),        XF_COL(OPT, xf_brand, slogan),
    XF_COL(OPT, xf_brand, description), XF_COL(INT, xf_brand, started_year),
    XF_COL(ID, xf_brand, created_by),
};

int xf_store_brand_insert(xf_db *db, xf_brand *b, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         insert_cols, XF_NCOLS(insert_cols), b, &b->id);
}

#define BRAND_COLS                                                             \
	"b.id, b.name, b.slogan, b.description, b.started_year, b.org_id, "    \
	"b.org_path, o.name, (SELECT COUNT(*) FROM honors h "                  \
	"WHERE h.brand_id = b.id), COALESCE((SELECT MAX(v.year) FROM "         \
	"brand_reviews v WHERE v.brand_id = b.id), 0), (SELECT v.grade FROM "  \
	"brand_reviews v WHERE v.brand_id = b.id ORDER BY v.year DESC "        \
	"LIMIT 1), COALESCE(b.created_by, 0), b.created_at, b.updated_at"
#define BRAND_FROM " FROM brands b JOIN orgs o ON o.id = b.org_id"

XF_DB_LIST_READER(read_brand, XF_BRAND_FIELDS, xf_brand);

static const char sql_get[] =
    "SELECT " BRAND_COLS BRAND_FROM " WHERE b.id = $1";

XF_DB_GETTER(xf_store_brand_get, xf_brand, sql_get, read_brand);

static const char sql_update[] =
    "UPDATE brands SET name = $2, slogan = $3, description = $4, "
    "started_year = $5, updated_at = $6 WHERE id = $1";

int xf_store_brand_update(xf_db *db, const xf_brand *b, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(
	    db, sql_update, XF_INT(b->id), XF_STR(b->name), XF_STR(b->slogan),
	    XF_STR(b->description), XF_INT(b->started_year), XF_INT(now)));
}

static const char sql_unlink[] =
    "UPDATE honors SET brand_id = NULL WHERE brand_id = $1";
static const char sql_delete_reviews[] =
    "DELETE FROM brand_reviews WHERE brand_id = $1";
static const char sql_delete[] = "DELETE FROM brands WHERE id = $1";

int xf_store_brand_delete(xf_db *db, int64_t id)
{
	const char *const sqls[] = {sql_unlink, sql_delete_reviews, sql_delete};
	int rc = XF_DB_OK;
	for (int i = 0; i < 3 && rc == XF_DB_OK; i++)
		rc = xf_db_run_id(db, sqls[i], id);
	return rc;
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("b.org_path", "1", "2", "3", "4", "5", "6",    \
	                        "7", "8") " AND ($9 = 0 OR b.org_id = $9)"

static const char sql_count[] = "SELECT COUNT(*) FROM brands b" LIST_WHERE;
static const char sql_list[] =
    "SELECT " BRAND_COLS BRAND_FROM LIST_WHERE
    " ORDER BY b.org_path, b.name LIMIT $10 OFFSET $11";

static const xf_db_list brand_list = {
    sql_count, sql_list, xf_db_bind_scoped, 10, sizeof(xf_brand), read_brand};

int xf_store_brand_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                        int64_t org_id, int offset, int limit, xf_brand **out,
                        int *n, int64_t *total)
{
	xf_db_scoped f = {r, {org_id}, 1};
	return xf_db_list_page(db, &brand_list, &f, limit, offset, a, out, n,
	                       total);
}

static const char sql_review_put[] =
    "INSERT INTO brand_reviews (brand_id, year, grade, notes, reviewed_by, "
    "reviewed_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (brand_id, "
    "year) DO UPDATE SET grade = excluded.grade, notes = excluded.notes, "
    "reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at";

int xf_store_brand_review_put(xf_db *db, const xf_brand_review *v)
{
	return xf_store_year_review_put(db, sql_review_put, v);
}

static const char sql_reviews[] =
    "SELECT v.brand_id, v.year, v.grade, v.notes, "
    "COALESCE(v.reviewed_by, 0), v.reviewed_at, u.username "
    "FROM brand_reviews v LEFT JOIN users u ON u.id = v.reviewed_by "
    "WHERE v.brand_id = $1 ORDER BY v.year DESC LIMIT 100";

int xf_store_brand_reviews(xf_db *db, xf_arena *a, int64_t brand_id,
                           xf_brand_review **out, int *n)
{
	return xf_store_year_reviews(db, a, sql_reviews, brand_id, out, n);
}
