/*
 * orgs.c (service) - organization tree and cluster use cases.
 */
#include "service/orgs.h"

#include "base/date.h"
#include "service/snapshot.h"
#include "store/clusters.h"

#include <string.h>

#define TREE_MAX 20000

static const xf_record org = {"组织不存在", "无权操作该组织", NULL};

static int forbidden(xf_ctx *c)
{
	return xf_fail(c, XF_E_FORBIDDEN, "forbidden", org.forbidden, NULL);
}

/* Loads an org to read it or to change it (mode, as xf_loaded). */
static int load(xf_ctx *c, int64_t id, int mode, xf_org *o)
{
	int found = xf_store_org_get(c->db, c->a, id, o);
	return xf_loaded(c, found, found == XF_DB_ROW ? o->path : NULL, mode,
	                 &org);
}

/* Checks the fields of a (merged) org against the tree's rules. */
static int check_org(xf_ctx *c, const xf_org *o)
{
	int temp = strcmp(o->kind, "temp_branch") == 0;
	if (temp) {
		if (!o->project || !*o->project)
			return xf_invalid(c, "临时党支部须填写所属项目",
			                  "project");
		if (!o->starts_on)
			return xf_invalid(c, "临时党支部须填写开始日期",
			                  "starts_on");
		if (!o->ends_on)
			return xf_invalid(c, "临时党支部须填写结束日期",
			                  "ends_on");
	}
	if (o->starts_on && o->ends_on && strcmp(o->ends_on, o->starts_on) < 0)
		return xf_invalid(c, "结束日期不能早于开始日期", "ends_on");
	if (o->closed_on && strcmp(o->closed_on, o->established_on) < 0)
		return xf_invalid(c, "撤销日期不能早于成立日期", "closed_on");
	return XF_OK;
}

static int check_name_free(xf_ctx *c, int64_t parent, const char *name,
                           int64_t self)
{
	int64_t other = 0;
	int rc = xf_store_org_sibling_named(c->db, parent, name, &other);
	if (rc != XF_DB_OK)
		return xf_fail_db(c, rc);
	if (other && other != self)
		return xf_fail(c, XF_E_CONFLICT, "name_taken",
		               "同一上级组织下已有同名组织", "name");
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_org_input *in, xf_org *o)
{
	xf_org parent;
	const char *parent_path = NULL;
	memset(o, 0, sizeof *o);
	if (in->parent_id) {
		int rc = xf_org_named(c, in->parent_id, "上级组织不存在",
		                      "parent_id", &parent);
		if (rc != XF_OK)
			return rc;
		if (!xf_can_write(c, parent.path))
			return forbidden(c);
		parent_path = parent.path;
		o->depth = parent.depth + 1;
	} else if (!xf_is_admin(c)) {
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "只有系统管理员可以创建顶级组织", "parent_id");
	}
	o->parent_id = in->parent_id;
	o->name = in->name;
	o->kind = in->kind;
	o->level = in->level;
	char today[11];
	xf_date_format(xf_date_today(c->now), today);
	/* Established today unless given; a temporary branch exists from
	 * the day its project starts. */
	o->established_on = in->has_established_on && in->established_on
	                        ? in->established_on
	                    : in->starts_on ? in->starts_on
	                                    : xf_arena_strdup(c->a, today);
	o->project = in->project;
	o->starts_on = in->starts_on;
	o->ends_on = in->ends_on;
	o->closed_on = in->closed_on;
	int rc = check_org(c, o);
	if (rc == XF_OK)
		rc = check_name_free(c, in->parent_id, in->name, 0);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_org_insert(c->db, c->a, o, parent_path, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "name_taken",
		               "同一上级组织下已有同名组织", "name");
	return xf_audit_db(c, drc, "create", "org", o->id, o->path, NULL,
	                   xf_snap_org(c->a, o));
}

int xf_org_create_in_tx(xf_ctx *c, const xf_org_input *in, xf_org *out)
{
	return create_tx(c, in, out);
}

int xf_org_create(xf_ctx *c, const xf_org_input *in, xf_org *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

int xf_org_read(xf_ctx *c, int64_t id, xf_org *out)
{
	XF_RETURN_READ_TX(c, load(c, id, XF_FOR_READ, out));
}

/* Moves o (already loaded and writable) under new_parent. */
static int move(xf_ctx *c, xf_org *o, int64_t new_parent)
{
	const char *new_path;
	int depth;
	if (new_parent) {
		xf_org p;
		int rc = xf_org_named(c, new_parent, "上级组织不存在",
		                      "parent_id", &p);
		if (rc != XF_OK)
			return rc;
		if (!xf_can_write(c, p.path))
			return forbidden(c);
		if (xf_path_within(p.path, o->path))
			return xf_fail(c, XF_E_CONFLICT, "move_into_descendant",
			               "不能将组织移动到其自身或下级组织之下",
			               "parent_id");
		new_path =
		    xf_arena_printf(c->a, "%s%lld/", p.path, (long long)o->id);
		depth = p.depth + 1;
	} else {
		if (!xf_is_admin(c))
			return forbidden(c);
		new_path = xf_arena_printf(c->a, "/%lld/", (long long)o->id);
		depth = 0;
	}
	if (!new_path)
		return xf_oom(c);
	int rc = xf_store_org_move(c->db, o->id, new_parent, o->path, new_path,
	                           depth - o->depth, c->now);
	if (rc != XF_DB_OK)
		return xf_fail_db(c, rc);
	o->parent_id = new_parent;
	o->path = new_path;
	o->depth = depth;
	return XF_OK;
}

static int update_tx(xf_ctx *c, int64_t id, const xf_org_input *in, xf_org *o)
{
	int rc = load(c, id, XF_FOR_WRITE, o);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_org(c->a, o);
	XF_TAKE(o, in, name);
	XF_TAKE(o, in, kind);
	XF_TAKE(o, in, level);
	if (in->has_established_on && in->established_on)
		o->established_on = in->established_on;
	XF_TAKE(o, in, project);
	XF_TAKE(o, in, starts_on);
	XF_TAKE(o, in, ends_on);
	XF_TAKE(o, in, closed_on);
	rc = check_org(c, o);
	if (rc != XF_OK)
		return rc;
	int64_t parent = in->has_parent_id ? in->parent_id : o->parent_id;
	rc = check_name_free(c, parent, o->name, o->id);
	if (rc != XF_OK)
		return rc;
	int moved = in->has_parent_id && in->parent_id != o->parent_id;
	if (moved) {
		rc = move(c, o, in->parent_id);
		if (rc != XF_OK)
			return rc;
	}
	int drc = xf_store_org_update(c->db, o, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "name_taken",
		               "同一上级组织下已有同名组织", "name");
	return xf_audit_db(c, drc, moved ? "move" : "update", "org", o->id,
	                   o->path, before, xf_snap_org(c->a, o));
}

int xf_org_update(xf_ctx *c, int64_t id, const xf_org_input *in, xf_org *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

static int remove_tx(xf_ctx *c, int64_t id)
{
	xf_org o;
	int rc = load(c, id, XF_FOR_WRITE, &o);
	if (rc != XF_OK)
		return rc;
	if (o.member_count > 0 || o.child_count > 0)
		return xf_fail(c, XF_E_CONFLICT, "org_not_empty",
		               "该组织下还有党员或下级组织，不能删除", NULL);
	int drc = xf_store_org_delete(c->db, id);
	if (drc == XF_DB_FOREIGN)
		return xf_fail(c, XF_E_CONFLICT, "org_not_empty",
		               "该组织仍被引用（如用户角色），不能删除", NULL);
	return xf_audit_db(c, drc, "delete", "org", id, o.path,
	                   xf_snap_org(c->a, &o), NULL);
}

int xf_org_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, remove_tx(c, id));
}

int xf_org_list(xf_ctx *c, const xf_org_filter *f, xf_org_page *out)
{
	xf_ranges ranges;
	memset(out, 0, sizeof *out);
	if (xf_list_ranges(c, &ranges) == 0)
		return XF_OK; /* nothing in scope: an empty list */
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_org_list(c->db, c->a, &ranges, f, out)));
}

static int children_read(xf_ctx *c, int64_t id, xf_org_page *out)
{
	xf_org o;
	int rc = load(c, id, XF_FOR_READ, &o);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_org_children(c->db, c->a, id, out));
}

int xf_org_children(xf_ctx *c, int64_t id, xf_org_page *out)
{
	XF_RETURN_READ_TX(c, children_read(c, id, out));
}

/* Loads a readable org and the range of its subtree. */
static int load_subtree(xf_ctx *c, int64_t id, const char **lo, const char **hi)
{
	xf_org o;
	int rc = load(c, id, XF_FOR_READ, &o);
	if (rc == XF_OK && xf_subtree_range(c, o.path, lo, hi) != 0)
		rc = xf_fail(c, XF_E_INTERNAL, "internal", "路径错误", NULL);
	return rc;
}

static int count_read(xf_ctx *c, int64_t id, xf_org_stats *out)
{
	xf_org o;
	int rc = load(c, id, XF_FOR_READ, &o);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_org_stats(c->db, c->a, id, out));
}

int xf_org_count(xf_ctx *c, int64_t id, xf_org_stats *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, count_read(c, id, out));
}

static int tree_read(xf_ctx *c, int64_t id, xf_org_page *out)
{
	const char *lo, *hi;
	int rc = load_subtree(c, id, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(
	    c, xf_store_org_subtree(c->db, c->a, lo, hi, TREE_MAX, out));
}

int xf_org_tree(xf_ctx *c, int64_t id, xf_org_page *out)
{
	int rc;
	XF_READ_TX(c, rc, tree_read(c, id, out));
	if (rc != XF_OK)
		return rc;
	/* Path order puts every node after its ancestors: find each node's
	 * parent with a stack, then add counts bottom-up in reverse order. */
	int *stack = xf_arena_calloc(c->a, (size_t)out->n + 1, sizeof(int));
	int *up = xf_arena_calloc(c->a, (size_t)out->n + 1, sizeof(int));
	if (!stack || !up)
		return xf_oom(c);
	int top = 0;
	for (int i = 0; i < out->n; i++) {
		while (top > 0 &&
		       !xf_path_within(out->items[i].path,
		                       out->items[stack[top - 1]].path))
			top--;
		up[i] = top > 0 ? stack[top - 1] : -1;
		stack[top++] = i;
	}
	for (int i = out->n - 1; i > 0; i--) {
		if (up[i] < 0)
			continue;
		out->items[up[i]].member_count += out->items[i].member_count;
		out->items[up[i]].child_count++;
	}
	return XF_OK;
}

/* ---- clusters ---------------------------------------------------------- */

int xf_cluster_writer(xf_ctx *c)
{
	if (!c->scope || xf_scope_is_admin(c->scope) ||
	    xf_scope_has_role(c->scope, XF_ROLE_COMMITTEE))
		return XF_OK;
	return xf_forbidden(c, "只有机关工委或管理员可以维护片区");
}

/* Fills the lead of this year of the n clusters cl. */
static int fill_leads(xf_ctx *c, xf_cluster *cl, int n)
{
	xf_cluster_lead *l;
	int nl;
	int year = xf_date_today(c->now).y;
	int rc = xf_store_cluster_leads_of_year(c->db, c->a, year, &l, &nl);
	if (rc != XF_DB_OK)
		return xf_fail_db(c, rc);
	for (int i = 0; i < n; i++)
		for (int k = 0; k < nl; k++)
			if (l[k].cluster_id == cl[i].id) {
				cl[i].lead_org_id = l[k].org_id;
				cl[i].lead_org_name = l[k].org_name;
				cl[i].lead_year = year;
			}
	return XF_OK;
}

int xf_cluster_load(xf_ctx *c, int64_t id, xf_cluster *out)
{
	memset(out, 0, sizeof *out);
	int rc = xf_store_cluster_get(c->db, c->a, id, out);
	if (rc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "片区不存在",
		               NULL);
	return rc == XF_DB_ROW ? fill_leads(c, out, 1) : xf_fail_db(c, rc);
}

static int cluster_list_tx(xf_ctx *c, xf_cluster **out, int *n)
{
	int rc = xf_from_db(c, xf_store_cluster_list(c->db, c->a, out, n));
	return rc == XF_OK ? fill_leads(c, *out, *n) : rc;
}

static int cluster_create_tx(xf_ctx *c, const char *name, const char *desc,
                             xf_cluster *out)
{
	int64_t id = 0;
	int rc = xf_store_cluster_insert(c->db, name, desc, c->now, &id);
	if (rc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "name_taken", "已有同名片区",
		               "name");
	if (rc != XF_DB_OK)
		return xf_fail_db(c, rc);
	int r = xf_cluster_load(c, id, out);
	if (r != XF_OK)
		return r;
	return xf_audit(c, "create", "cluster", id, NULL, NULL,
	                xf_snap_cluster(c->a, out));
}

int xf_cluster_create(xf_ctx *c, const char *name, const char *desc,
                      xf_cluster *out)
{
	int rc = xf_cluster_writer(c);
	if (rc != XF_OK)
		return rc;
	XF_WRITE_TX(c, rc, cluster_create_tx(c, name, desc, out));
	return rc;
}

int xf_cluster_read(xf_ctx *c, int64_t id, xf_cluster *out)
{
	XF_RETURN_READ_TX(c, xf_cluster_load(c, id, out));
}

int xf_cluster_list(xf_ctx *c, xf_cluster **out, int *n)
{
	XF_RETURN_READ_TX(c, cluster_list_tx(c, out, n));
}

static int cluster_change_tx(xf_ctx *c, int64_t id, int64_t org_id, int add,
                             xf_cluster *out)
{
	xf_cluster before;
	int rc = xf_cluster_load(c, id, &before);
	if (rc != XF_OK)
		return rc;
	xf_org o;
	rc = xf_org_named(c, org_id, "组织不存在", "org_id", &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, o.path))
		return forbidden(c);
	int drc = add ? xf_store_cluster_add_org(c->db, id, org_id)
	              : xf_store_cluster_remove_org(c->db, id, org_id);
	if (drc != XF_DB_OK && drc != XF_DB_UNIQUE)
		return xf_fail_db(c, drc);
	rc = xf_cluster_load(c, id, out);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "update", "cluster", id, NULL,
	                xf_snap_cluster(c->a, &before),
	                xf_snap_cluster(c->a, out));
}

/* Adds (add) or removes org_id in cluster id, for a writer of clusters. */
static int cluster_change(xf_ctx *c, int64_t id, int64_t org_id, int add,
                          xf_cluster *out)
{
	int rc = xf_cluster_writer(c);
	if (rc != XF_OK)
		return rc;
	XF_RETURN_WRITE_TX(c, cluster_change_tx(c, id, org_id, add, out));
}

int xf_cluster_add(xf_ctx *c, int64_t id, int64_t org_id, xf_cluster *out)
{
	return cluster_change(c, id, org_id, 1, out);
}

int xf_cluster_remove(xf_ctx *c, int64_t id, int64_t org_id, xf_cluster *out)
{
	return cluster_change(c, id, org_id, 0, out);
}

int xf_cluster_add_in_tx(xf_ctx *c, int64_t id, int64_t org_id, xf_cluster *out)
{
	int rc = xf_cluster_writer(c);
	return rc != XF_OK ? rc : cluster_change_tx(c, id, org_id, 1, out);
}
