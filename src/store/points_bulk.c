/*
 * points_bulk.c - SQL of the bulk path of points (the generated city):
 * reading every member once, and loading ledger entries through the loader
 * of bulk_load.c (the columns of xf_store_point_entry_insert()). The kept
 * totals are rebuilt afterwards from the recount (points_recount.c).
 */
#include "store/points.h"

#include "store/bulk.h"

#include <limits.h>
#include <stdlib.h>

static const char sql_member_count[] = "SELECT COUNT(*) FROM members";
static const char sql_members[] =
    "SELECT id, org_id, org_path FROM members ORDER BY id";

static const xf_db_col member_cols[] = {
    XF_COL(I64, xf_point_bulk_member, id),
    XF_COL(I64, xf_point_bulk_member, org_id),
    XF_COL(STR, xf_point_bulk_member, org_path),
};

XF_DB_READER(read_member, member_cols);

int xf_store_point_bulk_members(xf_db *db, xf_arena *a,
                                xf_point_bulk_member **out, int64_t *n)
{
	*n = 0;
	int64_t max;
	int k = 0;
	xf_stmt *count = xf_db_stmt(db, sql_member_count);
	xf_stmt *st = xf_db_stmt(db, sql_members);
	if (!count || !st)
		return XF_DB_ERROR;
	int rc = xf_db_value(count, &max);
	if (rc == XF_DB_OK && max > INT_MAX)
		rc = XF_DB_ERROR;
	if (rc == XF_DB_OK)
		rc = xf_db_rows(st, a, (int)max, sizeof **out, read_member, out,
		                &k);
	for (int i = 0; rc == XF_DB_OK && i < k; i++)
		if (!(*out)[i].org_path) /* the arena is full */
			rc = XF_DB_ERROR;
	if (rc == XF_DB_OK)
		*n = k;
	return rc;
}

static const char entry_cols[] =
    "member_id, org_id, org_path, rule_id, rule_version_id, points, asked, "
    "occurred_on, month, quarter, year, source, reason, note, claim_id, "
    "record_ref, reverses_id, veto, actor_id, actor_name, created_at";

int xf_store_point_bulk_begin(xf_db *db, xf_loader **out)
{
	return xf_load_begin(db, "point_ledger", entry_cols, 21,
	                     XF_LOAD_DROP_INDEXES, out);
}

int xf_store_point_bulk_entry(xf_loader *l, const xf_point_entry *e,
                              int64_t now)
{
	xf_load_id(l, e->member_id);
	xf_load_int(l, e->org_id);
	xf_load_str(l, e->org_path);
	xf_load_int(l, e->rule_id);
	xf_load_int(l, e->rule_version_id);
	xf_load_int(l, e->points);
	xf_load_int(l, e->asked);
	xf_load_str(l, e->occurred_on);
	xf_load_str(l, e->month);
	xf_load_str(l, e->quarter);
	xf_load_str(l, e->year);
	xf_load_str(l, e->source);
	xf_load_str(l, e->reason);
	xf_load_str(l, e->note ? e->note : "");
	xf_load_id(l, e->claim_id);
	xf_load_str(l, e->record_ref);
	xf_load_id(l, e->reverses_id);
	xf_load_int(l, e->veto);
	xf_load_id(l, e->actor_id);
	xf_load_str(l, e->actor_name);
	xf_load_int(l, now);
	return xf_load_row(l);
}
