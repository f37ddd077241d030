/*
 * campaigns.c - SQL of special campaigns, their items, participants and
 * reports.
 */
#include "store/campaigns.h"

static const char sql_insert[] =
    "INSERT INTO campaigns (org_id, org_path, parent_id, title, goals, "
    "starts_on, ends_on, status, created_by, created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $1, $1) RETURNING id";

static const xf_db_col insert_cols[] = {
    XF_COL(I64, xf_campaign, org_id),    XF_COL(STR, xf_campaign, org_path),
    XF_COL(ID, xf_campaign, parent_id),  XF_COL(STR, xf_campaign, title),
    XF_COL(STR, xf_campaign, goals),     XF_COL(STR, xf_campaign, starts_on),
    XF_COL(STR, xf_campaign, ends_on),   XF_COL(STR, xf_campaign, status),
    XF_COL(ID, xf_campaign, created_by),
};

int xf_store_campaign_insert(xf_db *db, xf_campaign *v, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         insert_cols, XF_NCOLS(insert_cols), v, &v->id);
}

static const char sql_item_insert[] =
    "INSERT INTO campaign_items (campaign_id, pos, title, kind, description) "
    "VALUES ($1, $2, $3, $4, $5) RETURNING id";

/* An item's columns; an insert binds them from campaign_id on. */
static const xf_db_col item_cols[] = {
    XF_COL_LIST(XF_CAMPAIGN_ITEM_FIELDS, xf_campaign_item)};
#define ITEM_WRITE_FROM 1
#define ITEM_NWRITE     5

int xf_store_campaign_item_insert(xf_db *db, xf_campaign_item *v)
{
	return xf_db_insert_cols(xf_db_stmt(db, sql_item_insert), 1,
	                         item_cols + ITEM_WRITE_FROM, ITEM_NWRITE, v,
	                         &v->id);
}

static const char sql_part_add[] =
    "INSERT INTO campaign_participants (campaign_id, org_id, org_path) "
    "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";

int xf_store_campaign_part_add(xf_db *db, int64_t campaign_id, int64_t org_id,
                               const char *org_path)
{
	return xf_db_run(XF_DB_BOUND(db, sql_part_add, XF_INT(campaign_id),
	                             XF_INT(org_id), XF_STR(org_path)));
}

static const char sql_parts_branches[] =
    "INSERT INTO campaign_participants (campaign_id, org_id, org_path) "
    "SELECT $1, id, path FROM orgs WHERE path >= $3 AND path < $4 AND id <> "
    "$2 AND kind IN ('branch', 'temp_branch', 'general_branch')";

int xf_store_campaign_parts_branches(xf_db *db, int64_t campaign_id,
                                     int64_t owner_id, const char *lo,
                                     const char *hi)
{
	return xf_db_run(XF_DB_BOUND(db, sql_parts_branches,
	                             XF_INT(campaign_id), XF_INT(owner_id),
	                             XF_STR(lo), XF_STR(hi)));
}

#define CAMPAIGN_COLS                                                          \
	"v.id, v.title, v.goals, v.starts_on, v.ends_on, v.status, "           \
	"v.summary, COALESCE(v.closed_at, 0), v.org_id, v.org_path, o.name, "  \
	"COALESCE(v.parent_id, 0), (SELECT COUNT(*) FROM campaign_items i "    \
	"WHERE i.campaign_id = v.id), (SELECT COUNT(*) FROM "                  \
	"campaign_participants p WHERE p.campaign_id = v.id), (SELECT "        \
	"COUNT(*) FROM campaign_reports r WHERE r.campaign_id = v.id), "       \
	"(SELECT COUNT(r.rating) FROM campaign_reports r WHERE r.campaign_id " \
	"= v.id), COALESCE(v.created_by, 0), v.created_at, v.updated_at"
#define CAMPAIGN_FROM " FROM campaigns v JOIN orgs o ON o.id = v.org_id"

XF_DB_LIST_READER(read_campaign, XF_CAMPAIGN_FIELDS, xf_campaign);

static const char sql_get[] =
    "SELECT " CAMPAIGN_COLS CAMPAIGN_FROM " WHERE v.id = $1";

XF_DB_GETTER(xf_store_campaign_get, xf_campaign, sql_get, read_campaign);

static const char sql_close[] =
    "UPDATE campaigns SET status = 'closed', summary = $2, closed_at = $3, "
    "updated_at = $3 WHERE id = $1";

int xf_store_campaign_close(xf_db *db, int64_t id, const char *summary,
                            int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_close, XF_INT(id), XF_STR(summary),
	                             XF_INT(now)));
}

#define LIST_WHERE                                                             \
	" WHERE (" XF_RANGES_SQL(                                              \
	    "v.org_path", "1", "2", "3", "4", "5", "6", "7",                   \
	    "8") " OR EXISTS (SELECT 1 FROM "                                  \
	         "campaign_participants p WHERE "                              \
	         "p.campaign_id = v.id AND " XF_RANGES_SQL(                    \
	             "p.org_path", "1", "2", "3", "4", "5", "6", "7",          \
	             "8") ")) AND ($9 = 0 OR v.org_id = $9) AND ($10 = 0 "     \
	                  "OR v.parent_id = $10) AND ($11 = '' OR "            \
	                  "v.status = $11)"

static const char sql_count[] = "SELECT COUNT(*) FROM campaigns v" LIST_WHERE;
static const char sql_list[] =
    "SELECT " CAMPAIGN_COLS CAMPAIGN_FROM LIST_WHERE
    " ORDER BY v.starts_on DESC, v.id DESC LIMIT $12 OFFSET $13";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_campaign_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->ranges);
	xf_db_bind_int(st, 9, f->org_id);
	xf_db_bind_int(st, 10, f->parent_id);
	xf_db_bind_str(st, 11, f->status ? f->status : "");
}

static const xf_db_list campaign_list = {
    sql_count, sql_list, bind_filter, 12, sizeof(xf_campaign), read_campaign};

int xf_store_campaign_list(xf_db *db, xf_arena *a, const xf_campaign_filter *f,
                           int offset, int limit, xf_campaign **out, int *n,
                           int64_t *total)
{
	return xf_db_list_page(db, &campaign_list, f, limit, offset, a, out, n,
	                       total);
}

#define ITEM_COLS "i.id, i.campaign_id, i.pos, i.title, i.kind, i.description"

XF_DB_READER(read_item, item_cols);

static const char sql_items[] =
    "SELECT " ITEM_COLS " FROM campaign_items i WHERE "
    "i.campaign_id = $1 ORDER BY i.pos LIMIT 100";

XF_DB_ROWS_OF(xf_store_campaign_items, xf_campaign_item, sql_items, read_item,
              100);

static const char sql_item_get[] =
    "SELECT " ITEM_COLS
    " FROM campaign_items i WHERE i.campaign_id = $1 AND i.id = $2";

int xf_store_campaign_item_get(xf_db *db, xf_arena *a, int64_t campaign_id,
                               int64_t item_id, xf_campaign_item *out)
{
	return xf_db_row(
	    XF_DB_BOUND(db, sql_item_get, XF_INT(campaign_id), XF_INT(item_id)),
	    a, read_item, out);
}

static const char sql_parts[] =
    "SELECT p.campaign_id, p.org_id, p.org_path, o.name, COUNT(r.id), "
    "COUNT(r.rating), COALESCE(SUM(r.rating), 0) FROM campaign_participants "
    "p JOIN orgs o ON o.id = p.org_id LEFT JOIN campaign_reports r ON "
    "r.campaign_id = p.campaign_id AND r.org_id = p.org_id WHERE "
    "p.campaign_id = $1 GROUP BY p.campaign_id, p.org_id, p.org_path, "
    "o.name ORDER BY p.org_path LIMIT 5000";

XF_DB_LIST_READER(read_part, XF_CAMPAIGN_PART_FIELDS, xf_campaign_part);

XF_DB_ROWS_OF(xf_store_campaign_parts, xf_campaign_part, sql_parts, read_part,
              5000);

static const char sql_part_get[] =
    "SELECT org_path FROM campaign_participants WHERE campaign_id = $1 AND "
    "org_id = $2";

typedef struct path_row {
	const char *path;
} path_row;

static const xf_db_col path_cols[] = {XF_COL(STR, path_row, path)};

XF_DB_READER(read_path, path_cols);

int xf_store_campaign_part_get(xf_db *db, xf_arena *a, int64_t campaign_id,
                               int64_t org_id, const char **org_path)
{
	path_row row = {NULL};
	int rc = xf_db_row(
	    XF_DB_BOUND(db, sql_part_get, XF_INT(campaign_id), XF_INT(org_id)),
	    a, read_path, &row);
	*org_path = row.path;
	return rc;
}

static const char sql_report_put[] =
    "INSERT INTO campaign_reports (campaign_id, item_id, org_id, org_path, "
    "text, reported_by, reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
    "ON CONFLICT (campaign_id, item_id, org_id) DO UPDATE SET text = "
    "excluded.text, reported_by = excluded.reported_by, reported_at = "
    "excluded.reported_at, rating = NULL, rated_by = NULL, rated_at = NULL "
    "RETURNING id";

static const xf_db_col report_put_cols[] = {
    XF_COL(I64, xf_campaign_report, campaign_id),
    XF_COL(I64, xf_campaign_report, item_id),
    XF_COL(I64, xf_campaign_report, org_id),
    XF_COL(STR, xf_campaign_report, org_path),
    XF_COL(STR, xf_campaign_report, text),
    XF_COL(ID, xf_campaign_report, reported_by),
    XF_COL(I64, xf_campaign_report, reported_at),
};

int xf_store_campaign_report_put(xf_db *db, xf_campaign_report *v)
{
	return xf_db_insert_cols(xf_db_stmt(db, sql_report_put), 1,
	                         report_put_cols, XF_NCOLS(report_put_cols), v,
	                         &v->id);
}

#define REPORT_COLS                                                            \
	"r.id, r.campaign_id, r.item_id, i.title, r.org_id, r.org_path, "      \
	"o.name, r.text, COALESCE(r.rating, 0), COALESCE(r.rated_by, 0), "     \
	"COALESCE(r.rated_at, 0), COALESCE(r.reported_by, 0), r.reported_at, " \
	"(SELECT COUNT(*) FROM attachments at WHERE at.subject = "             \
	"'campaign_report' AND at.subject_id = r.id)"
#define REPORT_FROM                                                            \
	" FROM campaign_reports r JOIN orgs o ON o.id = r.org_id JOIN "        \
	"campaign_items i ON i.id = r.item_id"

XF_DB_LIST_READER(read_report, XF_CAMPAIGN_REPORT_FIELDS, xf_campaign_report);

static const char sql_report_get[] =
    "SELECT " REPORT_COLS REPORT_FROM " WHERE r.id = $1";

XF_DB_GETTER(xf_store_campaign_report_get, xf_campaign_report, sql_report_get,
             read_report);

static const char sql_report_rate[] =
    "UPDATE campaign_reports SET rating = $2, rated_by = $3, rated_at = $4 "
    "WHERE id = $1";

int xf_store_campaign_report_rate(xf_db *db, int64_t id, int rating, int64_t by,
                                  int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_report_rate, XF_INT(id),
	                             XF_INT(rating), XF_ID(by), XF_INT(now)));
}

static const char sql_reports[] =
    "SELECT " REPORT_COLS REPORT_FROM
    " WHERE r.campaign_id = $1 ORDER BY r.org_path, i.pos LIMIT 5000";

XF_DB_ROWS_OF(xf_store_campaign_reports, xf_campaign_report, sql_reports,
              read_report, 5000);
