/*
 * clusters.c - SQL of clusters' names, deletion and yearly leads.
 */
#include "store/clusters.h"

static const char sql_update[] =
    "UPDATE clusters SET name = $2, description = $3 WHERE id = $1";

int xf_store_cluster_update(xf_db *db, int64_t id, const char *name,
                            const char *desc)
{
	return xf_db_run(XF_DB_BOUND(db, sql_update, XF_INT(id), XF_STR(name),
	                             XF_STR(desc ? desc : "")));
}

static const char sql_del_leads[] =
    "DELETE FROM cluster_leads WHERE cluster_id = $1";
static const char sql_del_orgs[] =
    "DELETE FROM cluster_orgs WHERE cluster_id = $1";
static const char sql_delete[] = "DELETE FROM clusters WHERE id = $1";

int xf_store_cluster_delete(xf_db *db, int64_t id)
{
	const char *const sqls[] = {sql_del_leads, sql_del_orgs, sql_delete};
	int rc = XF_DB_OK;
	for (int i = 0; i < 3 && rc == XF_DB_OK; i++)
		rc = xf_db_run_id(db, sqls[i], id);
	return rc;
}

static const char sql_lead_put[] =
    "INSERT INTO cluster_leads (cluster_id, year, org_id, set_by, set_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cluster_id, year) DO UPDATE "
    "SET org_id = excluded.org_id, set_by = excluded.set_by, "
    "set_at = excluded.set_at";

int xf_store_cluster_lead_put(xf_db *db, int64_t id, int year, int64_t org_id,
                              int64_t by, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_lead_put, XF_INT(id), XF_INT(year),
	                             XF_INT(org_id), XF_ID(by), XF_INT(now)));
}

static const xf_db_col lead_cols[] = {
    XF_COL(I64, xf_cluster_lead, cluster_id),
    XF_COL(INT, xf_cluster_lead, year),
    XF_COL(I64, xf_cluster_lead, org_id),
    XF_COL(STR, xf_cluster_lead, org_name),
};

XF_DB_READER(read_lead, lead_cols);

static const char sql_leads[] =
    "SELECT l.cluster_id, l.year, l.org_id, o.name FROM cluster_leads l "
    "JOIN orgs o ON o.id = l.org_id WHERE l.cluster_id = $1 "
    "ORDER BY l.year DESC LIMIT 100";

XF_DB_ROWS_OF(xf_store_cluster_leads, xf_cluster_lead, sql_leads, read_lead,
              100);

static const char sql_leads_year[] =
    "SELECT l.cluster_id, l.year, l.org_id, o.name FROM cluster_leads l "
    "JOIN orgs o ON o.id = l.org_id WHERE l.year = $1 "
    "ORDER BY l.cluster_id LIMIT 1000";

int xf_store_cluster_leads_of_year(xf_db *db, xf_arena *a, int year,
                                   xf_cluster_lead **out, int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql_leads_year, XF_INT(year)), a,
	                  1000, sizeof **out, read_lead, out, n);
}
