/*
 * orgs.c - SQL of the organization tree and of clusters (片区).
 * A subtree is the byte range [path, path_end) of materialized paths.
 */
#include "store/orgs.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ORG_COLS                                                               \
	"o.id, o.parent_id, o.name, o.kind, o.level, o.path, o.depth, "        \
	"o.established_on, o.project, o.starts_on, o.ends_on, o.closed_on, "   \
	"o.member_count, "                                                     \
	"(SELECT CAST(COALESCE(SUM(c.direct), 0) AS BIGINT) FROM "             \
	"org_counts c WHERE c.org_id = o.id AND c.dim = 'kind')"

static const xf_db_col org_cols[] = {
    XF_COL(I64, xf_org, id),           XF_COL(I64, xf_org, parent_id),
    XF_COL(STR, xf_org, name),         XF_COL(STR, xf_org, kind),
    XF_COL(STR, xf_org, level),        XF_COL(STR, xf_org, path),
    XF_COL(INT, xf_org, depth),        XF_COL(STR, xf_org, established_on),
    XF_COL(OPT, xf_org, project),      XF_COL(OPT, xf_org, starts_on),
    XF_COL(OPT, xf_org, ends_on),      XF_COL(OPT, xf_org, closed_on),
    XF_COL(I64, xf_org, member_count), XF_COL(I64, xf_org, child_count),
};

static void read_org(xf_arena *a, xf_stmt *st, void *item)
{
	xf_org *o = item;
	xf_db_read_cols(a, st, org_cols, XF_NCOLS(org_cols), o);
	o->subtree_member_count = -1;
}

/* read_org, and the subtree's member count in column 14. */
static void read_org_members(xf_arena *a, xf_stmt *st, void *item)
{
	xf_org *o = item;
	read_org(a, st, o);
	o->subtree_member_count = xf_db_int(st, 14);
}

static const char sql_get[] = "SELECT " ORG_COLS " FROM orgs o WHERE o.id = $1";

XF_DB_GETTER(xf_store_org_get, xf_org, sql_get, read_org);

const xf_db_col xf_org_write_cols[XF_ORG_NWRITE] = {
    XF_COL(ID, xf_org, parent_id),       XF_COL(STR, xf_org, name),
    XF_COL(STR, xf_org, kind),           XF_COL(STR, xf_org, level),
    XF_COL(STR, xf_org, path),           XF_COL(INT, xf_org, depth),
    XF_COL(STR, xf_org, established_on), XF_COL(STR, xf_org, project),
    XF_COL(STR, xf_org, starts_on),      XF_COL(STR, xf_org, ends_on),
    XF_COL(STR, xf_org, closed_on),
};

static const char sql_insert[] =
    "INSERT INTO orgs (" XF_ORG_WRITE_SQL ", created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) "
    "RETURNING id";
static const char sql_set_path[] = "UPDATE orgs SET path = $2 WHERE id = $1";

int xf_store_org_insert(xf_db *db, xf_arena *a, xf_org *o,
                        const char *parent_path, int64_t now)
{
	/* The path holds the new id: insert under a unique temporary path,
	 * then set the real one in the same transaction. */
	static _Atomic long seq;
	char tmp[64];
	snprintf(tmp, sizeof tmp, "#new-%lld-%d-%ld", (long long)now,
	         (int)getpid(), ++seq);
	xf_stmt *st = xf_db_stmt(db, sql_insert);
	if (!st)
		return XF_DB_ERROR;
	xf_org row = *o;
	row.path = tmp;
	xf_db_bind_cols(st, 1, xf_org_write_cols, XF_ORG_NWRITE, &row);
	xf_db_bind_int(st, 12, now);
	int rc = xf_db_insert(st, &o->id);
	if (rc != XF_DB_OK)
		return rc;
	o->path = xf_arena_printf(a, "%s%lld/", parent_path ? parent_path : "/",
	                          (long long)o->id);
	st = xf_db_stmt(db, sql_set_path);
	if (!st || !o->path)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, o->id);
	xf_db_bind_str(st, 2, o->path);
	return xf_db_run(st);
}

static const char sql_update[] =
    "UPDATE orgs SET name = $2, kind = $3, level = $4, "
    "established_on = $5, project = $6, starts_on = $7, ends_on = $8, "
    "closed_on = $9, updated_at = $10 WHERE id = $1";

static const xf_db_col org_update_cols[] = {
    XF_COL(I64, xf_org, id),
    XF_COL(STR, xf_org, name),
    XF_COL(STR, xf_org, kind),
    XF_COL(STR, xf_org, level),
    XF_COL(STR, xf_org, established_on),
    XF_COL(STR, xf_org, project),
    XF_COL(STR, xf_org, starts_on),
    XF_COL(STR, xf_org, ends_on),
    XF_COL(STR, xf_org, closed_on),
};

int xf_store_org_update(xf_db *db, const xf_org *o, int64_t now)
{
	return xf_db_run_cols_now(xf_db_stmt(db, sql_update), 1,
	                          org_update_cols, XF_NCOLS(org_update_cols), o,
	                          now);
}

static const char sql_move_parent[] =
    "UPDATE orgs SET parent_id = $2, updated_at = $3 WHERE id = $1";
static const char sql_move_orgs[] =
    "UPDATE orgs SET path = $3 || substr(path, $4), depth = depth + $5 "
    "WHERE path >= $1 AND path < $2";
/* Every table whose rows carry their organization's path: a move
 * rewrites them all in the same transaction. A new table with org_path
 * gets its line here. */
#define REPATH(t)                                                              \
	"UPDATE " t " SET org_path = $3 || substr(org_path, $4) "              \
	"WHERE org_path >= $1 AND org_path < $2"
static const char *const repath_sql[] = {
    REPATH("members"),
    REPATH("meetings"),
    REPATH("meeting_measures"),
    REPATH("talks"),
    REPATH("attachments"),
    REPATH("point_rules"),
    REPATH("point_claims"),
    REPATH("point_ledger"),
    REPATH("point_member_totals"),
    REPATH("point_notices"),
    REPATH("plans"),
    REPATH("tasks"),
    REPATH("milestones"),
    REPATH("task_progress"),
    REPATH("task_acceptance"),
    REPATH("duties"),
    REPATH("duty_assignments"),
    REPATH("duty_evidence"),
    REPATH("honors"),
    REPATH("brands"),
    REPATH("task_tallies"),
};

int xf_store_org_move(xf_db *db, int64_t id, int64_t new_parent,
                      const char *old_path, const char *new_path,
                      int depth_delta, int64_t now)
{
	char hi[300];
	size_t n = strlen(old_path);
	if (n < 2 || n >= sizeof hi)
		return XF_DB_ERROR;
	memcpy(hi, old_path, n + 1);
	hi[n - 1] = '0'; /* "/1/5/" -> "/1/50": end of the subtree range */
	int64_t from = (int64_t)n + 1; /* the rest of a path after old_path */
	int rc = xf_db_run(XF_DB_BOUND(db, sql_move_parent, XF_INT(id),
	                               XF_ID(new_parent), XF_INT(now)));
	if (rc == XF_DB_OK)
		rc = xf_db_run(XF_DB_BOUND(db, sql_move_orgs, XF_STR(old_path),
		                           XF_STR(hi), XF_STR(new_path),
		                           XF_INT(from), XF_INT(depth_delta)));
	size_t nsql = sizeof repath_sql / sizeof repath_sql[0];
	for (size_t i = 0; i < nsql && rc == XF_DB_OK; i++)
		rc = xf_db_run(XF_DB_BOUND(db, repath_sql[i], XF_STR(old_path),
		                           XF_STR(hi), XF_STR(new_path),
		                           XF_INT(from)));
	return rc;
}

static const char sql_delete[] = "DELETE FROM orgs WHERE id = $1";

int xf_store_org_delete(xf_db *db, int64_t id)
{
	return xf_db_run_id(db, sql_delete, id);
}

/* The kept count (org_counts: children by kind). */
static const char sql_count_children[] =
    "SELECT CAST(COALESCE(SUM(direct), 0) AS BIGINT) FROM org_counts "
    "WHERE org_id = $1 AND dim = 'kind'";

int xf_store_org_count_children(xf_db *db, int64_t id, int64_t *n)
{
	return xf_db_value(XF_DB_BOUND(db, sql_count_children, XF_INT(id)), n);
}

static const char sql_sibling[] =
    "SELECT id FROM orgs WHERE COALESCE(parent_id, 0) = $1 AND name = $2";

int xf_store_org_sibling_named(xf_db *db, int64_t parent_id, const char *name,
                               int64_t *id)
{
	return xf_db_value(
	    XF_DB_BOUND(db, sql_sibling, XF_INT(parent_id), XF_STR(name)), id);
}

#define LIST_WHERE                                                             \
	" WHERE " XF_RANGES_SQL("o.path", "1", "2", "3", "4", "5", "6", "7",   \
	                        "8") " AND o.name LIKE $9 ESCAPE '\\' "        \
	                             "AND ($10 = '' OR o.kind = $10) AND "     \
	                             "($11 = '' OR o.level = $11) "            \
	                             "AND ($12 = 0 OR o.parent_id IS NULL OR " \
	                             "o.path = $1 OR o.path = $3 "             \
	                             "OR o.path = $5 OR o.path = $7)"
static const char sql_list[] = "SELECT " ORG_COLS " FROM orgs o" LIST_WHERE
                               " ORDER BY o.path LIMIT $13 OFFSET $14";
static const char sql_list_count[] = "SELECT COUNT(*) FROM orgs o" LIST_WHERE;

/* Reads up to cap orgs with read into out. */
static int collect(xf_arena *a, xf_stmt *st, int cap, xf_org_page *out,
                   xf_row_fn read)
{
	return xf_db_rows(st, a, cap, sizeof *out->items, read, &out->items,
	                  &out->n);
}

/* The filter of an org list: the caller's ranges and the query. */
typedef struct org_list_filter {
	const xf_ranges *ranges;
	const xf_org_filter *f;
} org_list_filter;

static void bind_list(xf_stmt *st, const void *filter)
{
	const org_list_filter *lf = filter;
	const xf_org_filter *f = lf->f;
	xf_db_bind_ranges(st, 1, lf->ranges);
	xf_db_bind_contains(st, 9, f->q);
	xf_db_bind_str(st, 10, f->kind ? f->kind : "");
	xf_db_bind_str(st, 11, f->level ? f->level : "");
	xf_db_bind_int(st, 12, f->roots);
}

static const xf_db_list org_list = {sql_list_count, sql_list, bind_list, 13,
                                    sizeof(xf_org), read_org};

int xf_store_org_list(xf_db *db, xf_arena *a, const xf_ranges *ranges,
                      const xf_org_filter *f, xf_org_page *out)
{
	org_list_filter lf = {ranges, f};
	return xf_db_list_page(db, &org_list, &lf, f->limit, f->offset, a,
	                       &out->items, &out->n, &out->total);
}

/* The kept subtree counts (org_counts) of one dim of an org. */
static const char sql_stats[] =
    "SELECT item, subtree FROM org_counts WHERE org_id = $1 AND dim = $2 "
    "AND subtree > 0 ORDER BY item";

static void read_count(xf_arena *a, xf_stmt *st, void *item)
{
	xf_count *c = item;
	c->key = xf_db_dup(a, st, 0);
	c->n = xf_db_int(st, 1);
}

static int counts(xf_db *db, xf_arena *a, int64_t id, const char *dim,
                  xf_count **out, int *n, int64_t *sum)
{
	*sum = 0;
	xf_stmt *st = XF_DB_BOUND(db, sql_stats, XF_INT(id), XF_STR(dim));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_rows(st, a, 16, sizeof **out, read_count, out, n);
	for (int i = 0; i < *n; i++)
		*sum += (*out)[i].n;
	return rc;
}

int xf_store_org_stats(xf_db *db, xf_arena *a, int64_t id, xf_org_stats *out)
{
	int64_t ignore;
	int rc =
	    counts(db, a, id, "kind", &out->by_kind, &out->nkind, &out->orgs);
	if (rc == XF_DB_OK)
		rc = counts(db, a, id, "level", &out->by_level, &out->nlevel,
		            &ignore);
	if (rc == XF_DB_OK)
		rc = counts(db, a, id, "status", &out->by_status, &out->nstatus,
		            &out->members);
	return rc;
}

/* Each child with its subtree's members from its kept org_counts. */
static const char sql_children[] =
    "SELECT " ORG_COLS ", (SELECT CAST(COALESCE(SUM(s.subtree), 0) AS "
    "BIGINT) FROM org_counts s WHERE s.org_id = o.id AND s.dim = 'status') "
    "FROM orgs o WHERE o.parent_id = $1 ORDER BY o.name LIMIT 5000";

int xf_store_org_children(xf_db *db, xf_arena *a, int64_t id, xf_org_page *out)
{
	int64_t n = 0;
	int rc = xf_store_org_count_children(db, id, &n);
	if (rc != XF_DB_OK)
		return rc;
	xf_stmt *st = XF_DB_BOUND(db, sql_children, XF_INT(id));
	if (!st)
		return XF_DB_ERROR;
	out->total = n;
	return collect(a, st, n > 5000 ? 5000 : (int)n, out, read_org_members);
}

static const char sql_subtree[] =
    "SELECT o.id, o.parent_id, o.name, o.kind, o.level, o.path, o.depth, "
    "o.established_on, o.project, o.starts_on, o.ends_on, o.closed_on, "
    "o.member_count, 0 FROM orgs o WHERE o.path >= $1 AND o.path < $2 "
    "ORDER BY o.path LIMIT $3";

int xf_store_org_subtree(xf_db *db, xf_arena *a, const char *lo, const char *hi,
                         int max, xf_org_page *out)
{
	xf_stmt *st =
	    XF_DB_BOUND(db, sql_subtree, XF_STR(lo), XF_STR(hi), XF_INT(max));
	if (!st)
		return XF_DB_ERROR;
	int rc = collect(a, st, max, out, read_org);
	out->total = out->n;
	return rc;
}

static const char sql_add_members[] =
    "UPDATE orgs SET member_count = member_count + $2 WHERE id = $1";

int xf_store_org_add_members(xf_db *db, int64_t id, int64_t delta)
{
	return xf_db_run_ids(db, sql_add_members, id, delta);
}

#define PARENTS_MAX 50
/* Ids are bound to all PARENTS_MAX slots; unused ones get 0, no org's id. */
static const char sql_parents[] =
    "SELECT o.id, COALESCE(o.parent_id, 0), p.name FROM orgs o "
    "LEFT JOIN orgs p ON p.id = o.parent_id WHERE o.id IN ("
    "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, "
    "$15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, "
    "$27, $28, $29, $30, $31, $32, $33, $34, $35, $36, $37, $38, "
    "$39, $40, $41, $42, $43, $44, $45, $46, $47, $48, $49, $50"
    ")";

int xf_store_org_parents(xf_db *db, xf_arena *a, const int64_t *ids, int n,
                         xf_org_parent *out)
{
	for (int i = 0; i < n; i++)
		out[i] = (xf_org_parent){0, NULL};
	int next = 0; /* ids before next are asked for or duplicates */
	while (next < n) {
		int64_t ask[PARENTS_MAX] = {0};
		int k = 0, from = next; /* this round answers ids[from..next) */
		for (; next < n && k < PARENTS_MAX; next++) {
			int seen = 0;
			for (int j = 0; j < k && !seen; j++)
				seen = ask[j] == ids[next];
			if (!seen)
				ask[k++] = ids[next];
		}
		xf_stmt *st = xf_db_stmt(db, sql_parents);
		if (!st)
			return XF_DB_ERROR;
		for (int j = 0; j < PARENTS_MAX; j++)
			xf_db_bind_int(st, j + 1, j < k ? ask[j] : 0);
		int rc;
		while ((rc = xf_db_step(st)) == XF_DB_ROW) {
			int64_t id = xf_db_int(st, 0);
			xf_org_parent p = {xf_db_int(st, 1),
			                   xf_db_opt(a, st, 2)};
			for (int i = from; i < next; i++)
				if (ids[i] == id)
					out[i] = p;
		}
		xf_db_reset(st);
		if (rc != XF_DB_DONE)
			return rc;
	}
	return XF_DB_OK;
}

/* ---- clusters ---------------------------------------------------------- */

static const char sql_cl_insert[] =
    "INSERT INTO clusters (name, description, created_at) "
    "VALUES ($1, $2, $3) RETURNING id";

int xf_store_cluster_insert(xf_db *db, const char *name, const char *desc,
                            int64_t now, int64_t *id)
{
	return xf_db_insert(XF_DB_BOUND(db, sql_cl_insert, XF_STR(name),
	                                XF_STR(desc ? desc : ""), XF_INT(now)),
	                    id);
}

static const char sql_cl_get[] =
    "SELECT id, name, description FROM clusters WHERE id = $1";
static const char sql_cl_orgs[] =
    "SELECT " ORG_COLS " FROM cluster_orgs co JOIN orgs o "
    "ON o.id = co.org_id WHERE co.cluster_id = $1 ORDER BY o.path "
    "LIMIT 5000";

static const xf_db_col cluster_cols[] = {
    XF_COL(I64, xf_cluster, id),
    XF_COL(STR, xf_cluster, name),
    XF_COL(STR, xf_cluster, description),
};

static void read_cluster(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, cluster_cols, XF_NCOLS(cluster_cols), item);
}

int xf_store_cluster_get(xf_db *db, xf_arena *a, int64_t id, xf_cluster *out)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_cl_get, XF_INT(id));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_row(st, a, read_cluster, out);
	if (rc != XF_DB_ROW)
		return rc;
	st = xf_db_stmt(db, sql_cl_orgs);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, id);
	rc = xf_db_rows(st, a, 5000, sizeof *out->orgs, read_org, &out->orgs,
	                &out->norgs);
	return rc == XF_DB_OK ? XF_DB_ROW : rc;
}

static const char sql_cl_list[] =
    "SELECT id FROM clusters ORDER BY id LIMIT 1000";

static void read_id(xf_arena *a, xf_stmt *st, void *item)
{
	(void)a;
	*(int64_t *)item = xf_db_int(st, 0);
}

int xf_store_cluster_list(xf_db *db, xf_arena *a, xf_cluster **out, int *n)
{
	int64_t *ids;
	int k;
	xf_stmt *st = xf_db_stmt(db, sql_cl_list);
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_rows(st, a, 1000, sizeof *ids, read_id, &ids, &k);
	if (rc != XF_DB_OK)
		return rc;
	*out = xf_arena_calloc(a, (size_t)(k ? k : 1), sizeof(xf_cluster));
	if (!*out)
		return XF_DB_ERROR;
	for (int i = 0; i < k; i++) {
		rc = xf_store_cluster_get(db, a, ids[i], &(*out)[i]);
		if (rc != XF_DB_ROW)
			return rc < 0 ? rc : XF_DB_ERROR;
	}
	*n = k;
	return XF_DB_OK;
}

static const char sql_cl_add[] =
    "INSERT INTO cluster_orgs (cluster_id, org_id) VALUES ($1, $2)";
static const char sql_cl_remove[] =
    "DELETE FROM cluster_orgs WHERE cluster_id = $1 AND org_id = $2";

int xf_store_cluster_add_org(xf_db *db, int64_t cluster_id, int64_t org_id)
{
	return xf_db_run_ids(db, sql_cl_add, cluster_id, org_id);
}

int xf_store_cluster_remove_org(xf_db *db, int64_t cluster_id, int64_t org_id)
{
	return xf_db_run_ids(db, sql_cl_remove, cluster_id, org_id);
}
