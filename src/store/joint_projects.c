/*
 * joint_projects.c - SQL of joint projects, their partners, tags and
 * reviews, and of the central-work tags.
 */
#include "store/joint_projects.h"

#include "store/year_reviews.h"

#include <string.h>

static const char sql_insert[] =
    "INSERT INTO joint_projects (title, org_id, org_path, cluster_id, year, "
    "goals, outcomes, status, task_id, created_by, created_at, updated_at) "
    "VALUES ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $1, $1) "
    "RETURNING id";

static const xf_db_col insert_cols[] = {
    XF_COL(STR, xf_joint_project, title),
    XF_COL(I64, xf_joint_project, org_id),
    XF_COL(STR, xf_joint_project, org_path),
    XF_COL(ID, xf_joint_project, cluster_id),
    XF_COL(INT, xf_joint_project, year),
    XF_COL(TXT, xf_joint_project, goals),
    XF_COL(TXT, xf_joint_project, outcomes),
    XF_COL(STR, xf_joint_project, status),
    XF_COL(ID, xf_joint_project, task_id),
    XF_COL(ID, xf_joint_project, created_by),
};

int xf_store_jp_insert(xf_db *db, xf_joint_project *p, int64_t now)
{
	return xf_db_insert_cols(XF_DB_BOUND(db, sql_insert, XF_INT(now)), 2,
	                         insert_cols, XF_NCOLS(insert_cols), p, &p->id);
}

#define JP_COLS                                                                \
	"p.id, p.title, p.org_id, p.org_path, o.name, "                        \
	"COALESCE(p.cluster_id, 0), cl.name, p.year, p.goals, p.outcomes, "    \
	"p.status, COALESCE(p.task_id, 0), COALESCE(t.percent, 0), "           \
	"(SELECT COUNT(*) FROM attachments f WHERE f.subject = "               \
	"'joint_project' AND f.subject_id = p.id), (SELECT v.grade FROM "      \
	"joint_project_reviews v WHERE v.project_id = p.id ORDER BY v.year "   \
	"DESC LIMIT 1), COALESCE(p.created_by, 0), p.created_at, p.updated_at"
#define JP_FROM                                                                \
	" FROM joint_projects p JOIN orgs o ON o.id = p.org_id "               \
	"LEFT JOIN clusters cl ON cl.id = p.cluster_id "                       \
	"LEFT JOIN tasks t ON t.id = p.task_id"

XF_DB_LIST_READER(read_jp, XF_JOINT_PROJECT_FIELDS, xf_joint_project);

static const char sql_partners[] =
    "SELECT jo.org_id, o.name, jo.org_path FROM joint_project_orgs jo "
    "JOIN orgs o ON o.id = jo.org_id WHERE jo.project_id = $1 "
    "ORDER BY jo.org_path LIMIT 100";

static const xf_db_col partner_cols[] = {
    XF_COL(I64, xf_jp_org, org_id),
    XF_COL(STR, xf_jp_org, org_name),
    XF_COL(STR, xf_jp_org, org_path),
};

XF_DB_READER(read_partner, partner_cols);

static const char sql_tags[] =
    "SELECT g.id, g.name, g.sort FROM joint_project_tags jt "
    "JOIN central_work_tags g ON g.id = jt.tag_id WHERE jt.project_id = $1 "
    "ORDER BY g.sort, g.name LIMIT 50";

static const xf_db_col tag_brief_cols[] = {
    XF_COL(I64, xf_cw_tag, id),
    XF_COL(STR, xf_cw_tag, name),
    XF_COL(INT, xf_cw_tag, sort),
};

XF_DB_READER(read_tag_brief, tag_brief_cols);

/* Reads the partners and tags of p. */
static int read_links(xf_db *db, xf_arena *a, xf_joint_project *p)
{
	int rc = xf_db_rows(XF_DB_BOUND(db, sql_partners, XF_INT(p->id)), a,
	                    100, sizeof *p->partners, read_partner,
	                    &p->partners, &p->npartners);
	if (rc != XF_DB_OK)
		return rc;
	return xf_db_rows(XF_DB_BOUND(db, sql_tags, XF_INT(p->id)), a, 50,
	                  sizeof *p->tags, read_tag_brief, &p->tags, &p->ntags);
}

static const char sql_get[] = "SELECT " JP_COLS JP_FROM " WHERE p.id = $1";

int xf_store_jp_get(xf_db *db, xf_arena *a, int64_t id, xf_joint_project *out)
{
	int rc = xf_db_get(db, sql_get, id, a, read_jp, out);
	if (rc != XF_DB_ROW)
		return rc;
	rc = read_links(db, a, out);
	return rc == XF_DB_OK ? XF_DB_ROW : rc;
}

static const char sql_update[] =
    "UPDATE joint_projects SET title = $2, cluster_id = $3, year = $4, "
    "goals = $5, outcomes = $6, status = $7, updated_at = $8 WHERE id = $1";

int xf_store_jp_update(xf_db *db, const xf_joint_project *p, int64_t now)
{
	return xf_db_run(XF_DB_BOUND(db, sql_update, XF_INT(p->id),
	                             XF_STR(p->title), XF_ID(p->cluster_id),
	                             XF_INT(p->year),
	                             XF_STR(p->goals ? p->goals : ""),
	                             XF_STR(p->outcomes ? p->outcomes : ""),
	                             XF_STR(p->status), XF_INT(now)));
}

static const char sql_set_task[] =
    "UPDATE joint_projects SET task_id = $2 WHERE id = $1";

int xf_store_jp_set_task(xf_db *db, int64_t id, int64_t task_id)
{
	return xf_db_run_ids(db, sql_set_task, id, task_id);
}

static const char sql_del_partners[] =
    "DELETE FROM joint_project_orgs WHERE project_id = $1";
static const char sql_add_partner[] =
    "INSERT INTO joint_project_orgs (project_id, org_id, org_path) "
    "VALUES ($1, $2, $3)";

int xf_store_jp_set_partners(xf_db *db, int64_t id, const xf_jp_org *orgs,
                             int n)
{
	int rc = xf_db_run_id(db, sql_del_partners, id);
	for (int i = 0; i < n && rc == XF_DB_OK; i++)
		rc = xf_db_run(XF_DB_BOUND(db, sql_add_partner, XF_INT(id),
		                           XF_INT(orgs[i].org_id),
		                           XF_STR(orgs[i].org_path)));
	return rc;
}

static const char sql_del_tags[] =
    "DELETE FROM joint_project_tags WHERE project_id = $1";
static const char sql_add_tag[] =
    "INSERT INTO joint_project_tags (project_id, tag_id) VALUES ($1, $2)";

int xf_store_jp_set_tags(xf_db *db, int64_t id, const int64_t *tag_ids, int n)
{
	int rc = xf_db_run_id(db, sql_del_tags, id);
	for (int i = 0; i < n && rc == XF_DB_OK; i++)
		rc = xf_db_run_ids(db, sql_add_tag, id, tag_ids[i]);
	return rc;
}

static const char sql_del_reviews[] =
    "DELETE FROM joint_project_reviews WHERE project_id = $1";
static const char sql_delete[] = "DELETE FROM joint_projects WHERE id = $1";

int xf_store_jp_delete(xf_db *db, int64_t id)
{
	const char *const sqls[] = {sql_del_partners, sql_del_tags,
	                            sql_del_reviews, sql_delete};
	int rc = XF_DB_OK;
	for (int i = 0; i < 4 && rc == XF_DB_OK; i++)
		rc = xf_db_run_id(db, sqls[i], id);
	return rc;
}

/* $1..$8 the ranges (lead or partner within them), $9 cluster, $10 tag,
 * $11 org (lead or partner), $12 year; 0 for any. */
#define LIST_WHERE                                                             \
	" WHERE (" XF_RANGES_SQL(                                              \
	    "p.org_path", "1", "2", "3", "4", "5", "6", "7",                   \
	    "8") " OR EXISTS (SELECT 1 FROM "                                  \
	         "joint_project_orgs r WHERE "                                 \
	         "r.project_id = p.id AND " XF_RANGES_SQL(                     \
	             "r.org_path", "1", "2", "3", "4", "5", "6", "7",          \
	             "8") "))"                                                 \
	                  " AND ($9 = 0 OR p.cluster_id = $9)"                 \
	                  " AND ($10 = 0 OR EXISTS (SELECT 1 FROM "            \
	                  "joint_project_tags g WHERE "                        \
	                  "g.project_id = p.id AND g.tag_id = $10))"           \
	                  " AND ($11 = 0 OR p.org_id = $11 OR EXISTS (SELECT " \
	                  "1 FROM "                                            \
	                  "joint_project_orgs q WHERE q.project_id = p.id "    \
	                  "AND q.org_id = $11))"                               \
	                  " AND ($12 = 0 OR p.year = $12)"

static const char sql_count[] =
    "SELECT COUNT(*) FROM joint_projects p" LIST_WHERE;
static const char sql_list[] =
    "SELECT " JP_COLS JP_FROM LIST_WHERE " ORDER BY p.year DESC, p.title, p.id "
    "LIMIT $13 OFFSET $14";

static void bind_filter(xf_stmt *st, const void *filter)
{
	const xf_jp_filter *f = filter;
	xf_db_bind_ranges(st, 1, f->ranges);
	xf_db_bind_int(st, 9, f->cluster_id);
	xf_db_bind_int(st, 10, f->tag_id);
	xf_db_bind_int(st, 11, f->org_id);
	xf_db_bind_int(st, 12, f->year);
}

static const xf_db_list jp_list = {
    sql_count, sql_list, bind_filter, 13, sizeof(xf_joint_project), read_jp};

int xf_store_jp_list(xf_db *db, xf_arena *a, const xf_jp_filter *f, int offset,
                     int limit, xf_joint_project **out, int *n, int64_t *total)
{
	int rc =
	    xf_db_list_page(db, &jp_list, f, limit, offset, a, out, n, total);
	for (int i = 0; i < *n && rc == XF_DB_OK; i++)
		rc = read_links(db, a, &(*out)[i]);
	return rc;
}

static const char sql_count_cluster[] =
    "SELECT COUNT(*) FROM joint_projects WHERE cluster_id = $1";

int xf_store_jp_count_cluster(xf_db *db, int64_t cluster_id, int64_t *n)
{
	return xf_db_value(
	    XF_DB_BOUND(db, sql_count_cluster, XF_INT(cluster_id)), n);
}

static const char sql_review_put[] =
    "INSERT INTO joint_project_reviews (project_id, year, grade, notes, "
    "reviewed_by, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6) "
    "ON CONFLICT (project_id, year) DO UPDATE SET grade = excluded.grade, "
    "notes = excluded.notes, reviewed_by = excluded.reviewed_by, "
    "reviewed_at = excluded.reviewed_at";

int xf_store_jp_review_put(xf_db *db, const xf_jp_review *v)
{
	return xf_store_year_review_put(db, sql_review_put, v);
}

static const char sql_reviews[] =
    "SELECT v.project_id, v.year, v.grade, v.notes, "
    "COALESCE(v.reviewed_by, 0), v.reviewed_at, u.username "
    "FROM joint_project_reviews v LEFT JOIN users u ON u.id = v.reviewed_by "
    "WHERE v.project_id = $1 ORDER BY v.year DESC LIMIT 100";

int xf_store_jp_reviews(xf_db *db, xf_arena *a, int64_t id, xf_jp_review **out,
                        int *n)
{
	return xf_store_year_reviews(db, a, sql_reviews, id, out, n);
}

/* ---- central-work tags ------------------------------------------------- */

#define TAG_COLS                                                               \
	"g.id, g.name, g.sort, (SELECT COUNT(*) FROM joint_project_tags jt "   \
	"WHERE jt.tag_id = g.id)"

static const xf_db_col tag_cols[] = {
    XF_COL(I64, xf_cw_tag, id),
    XF_COL(STR, xf_cw_tag, name),
    XF_COL(INT, xf_cw_tag, sort),
    XF_COL(I64, xf_cw_tag, project_count),
};

XF_DB_READER(read_tag, tag_cols);

static const char sql_tag_list[] =
    "SELECT " TAG_COLS " FROM central_work_tags g "
    "ORDER BY g.sort, g.name LIMIT 500";
static const char sql_tag_get[] =
    "SELECT " TAG_COLS " FROM central_work_tags g WHERE g.id = $1";

int xf_store_cw_tags(xf_db *db, xf_arena *a, xf_cw_tag **out, int *n)
{
	return xf_db_rows(xf_db_stmt(db, sql_tag_list), a, 500, sizeof **out,
	                  read_tag, out, n);
}

XF_DB_GETTER(xf_store_cw_tag_get, xf_cw_tag, sql_tag_get, read_tag);

static const char sql_tag_insert[] =
    "INSERT INTO central_work_tags (name, sort, created_at) "
    "VALUES ($1, $2, $3) RETURNING id";

int xf_store_cw_tag_insert(xf_db *db, xf_cw_tag *t, int64_t now)
{
	return xf_db_insert(XF_DB_BOUND(db, sql_tag_insert, XF_STR(t->name),
	                                XF_INT(t->sort), XF_INT(now)),
	                    &t->id);
}

static const char sql_tag_update[] =
    "UPDATE central_work_tags SET name = $2, sort = $3 WHERE id = $1";

int xf_store_cw_tag_update(xf_db *db, const xf_cw_tag *t)
{
	return xf_db_run(XF_DB_BOUND(db, sql_tag_update, XF_INT(t->id),
	                             XF_STR(t->name), XF_INT(t->sort)));
}

static const char sql_tag_delete[] =
    "DELETE FROM central_work_tags WHERE id = $1";

int xf_store_cw_tag_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_tag_delete, id);
}
