/*
 * bulk.c - bulk inserts for the generator and imports.
 */
#include "store/bulk.h"

static const char org_cols[] =
    "id, " XF_ORG_WRITE_SQL ", created_at, updated_at";
static const char sql_org_last[] = "SELECT COALESCE(MAX(id), 0) FROM orgs";

int xf_load_begin_ids(xf_db *db, const char *table, const char *last_sql,
                      const char *cols, int ncols, int flags, xf_loader **out,
                      int64_t *next_id)
{
	*out = NULL;
	int64_t last;
	int rc = xf_db_value(xf_db_stmt(db, last_sql), &last);
	if (rc != XF_DB_OK)
		return rc;
	*next_id = last + 1;
	return xf_load_begin(db, table, cols, ncols, flags, out);
}

int xf_load_end_ids(xf_db *db, xf_loader *l, const char *table, int64_t last_id)
{
	int rc = xf_load_end(l, NULL);
	return rc == XF_DB_OK ? xf_load_ids_used(db, table, last_id) : rc;
}

int xf_bulk_orgs_begin(xf_db *db, xf_loader **out, int64_t *next_id)
{
	return xf_load_begin_ids(db, "orgs", sql_org_last, org_cols,
	                         XF_ORG_NWRITE + 3, 0, out, next_id);
}

int xf_bulk_org(xf_loader *l, const xf_org *o, int64_t now)
{
	xf_load_int(l, o->id);
	xf_load_cols(l, xf_org_write_cols, XF_ORG_NWRITE, o);
	return xf_load_row_at(l, now);
}

int xf_bulk_orgs_end(xf_db *db, xf_loader *l, int64_t last_id)
{
	return xf_load_end_ids(db, l, "orgs", last_id);
}

static const char member_cols[] =
    XF_MEMBER_WRITE_SQL ", created_at, updated_at";

int xf_bulk_members_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "members", member_cols, XF_MEMBER_NWRITE + 2,
	                     XF_LOAD_DROP_INDEXES, out);
}

int xf_bulk_member(xf_loader *l, const xf_member *m, int64_t now)
{
	xf_member_sealed s; /* sealed as single inserts are (members.c) */
	int rc = xf_member_seal(xf_seal_current(), m, &s);
	if (rc != XF_DB_OK)
		return rc;
	xf_load_cols(l, xf_member_write_cols, XF_MEMBER_NWRITE, &s);
	return xf_load_row_at(l, now);
}

int xf_bulk_members_end(xf_loader *l, int64_t *rows)
{
	return xf_load_end(l, rows);
}

static const char sql_recount[] =
    "UPDATE orgs SET member_count = (SELECT COUNT(*) FROM members m "
    "WHERE m.org_id = orgs.id AND m.left_on IS NULL)";

int xf_bulk_recount(xf_db *db)
{
	xf_stmt *st = xf_db_stmt(db, sql_recount);
	return xf_db_run(st);
}
