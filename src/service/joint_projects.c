/*
 * joint_projects.c (service) - joint projects, their task on the chart,
 * reviews and evidence, and the central-work tags.
 */
#include "service/joint_projects.h"

#include "base/date.h"
#include "domain/joint_projects.h"
#include "service/crud.h"
#include "service/snapshot.h"
#include "service/tasks.h"
#include "service/year_reviews.h"
#include "store/orgs.h"

#include <string.h>

/* 1 if the caller may read p: its lead or one of its partners is in the
 * caller's scope (committees above them included). */
static int readable(const xf_ctx *c, const xf_joint_project *p)
{
	if (xf_can_read(c, p->org_path))
		return 1;
	for (int i = 0; i < p->npartners; i++)
		if (xf_can_read(c, p->partners[i].org_path))
			return 1;
	return 0;
}

/* Loads project id to read it or to change it: 404 when missing or not
 * readable, 403 when readable but not writable for a change. */
static int load(xf_ctx *c, int64_t id, int mode, xf_joint_project *p)
{
	memset(p, 0, sizeof *p);
	int drc = xf_store_jp_get(c->db, c->a, id, p);
	if (drc != XF_DB_ROW && drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	if (drc == XF_DB_DONE || !readable(c, p))
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "联建项目不存在",
		               NULL);
	if (mode == XF_FOR_WRITE && !xf_can_write(c, p->org_path))
		return xf_forbidden(
		    c, "只有牵头单位或其上级党组织可以修改联建项目");
	return XF_OK;
}

static int load_any(xf_ctx *c, int64_t id, int mode, void *p)
{
	return load(c, id, mode, p);
}

/* A removed project takes its task on the chart with it. */
static int after_delete(xf_ctx *c, int64_t id, const void *item)
{
	(void)id;
	const xf_joint_project *p = item;
	return p->task_id ? xf_task_remove_tx(c, p->task_id) : XF_OK;
}

static int change(xf_ctx *c, int64_t id, const void *input, void *item);

XF_CRUD_FNS(project_fns, xf_joint_project, xf_store_jp_get,
            xf_snap_joint_project);
static const xf_crud projects = {
    XF_CRUD_OF(project_fns, xf_joint_project, "joint_project"),
    .del = xf_store_jp_delete, .load = load_any, .after_delete = after_delete,
    .change = change};

static int check_year(xf_ctx *c, int year)
{
	xf_date today = xf_date_today(c->now);
	if (year < 2000 || year > today.y + 1)
		return xf_invalid(c, "项目年度应在 2000 年至明年之间", "year");
	return XF_OK;
}

/* The partners named by in, loaded into out (n of them). */
static int load_partners(xf_ctx *c, int64_t lead_id, const xf_jp_input *in,
                         xf_jp_org **out)
{
	int bad = xf_jp_partners_check(lead_id, in->partner_ids, in->npartners);
	if (bad == -1)
		return xf_invalid(c, "牵头单位不必再列为共建单位",
		                  "partner_ids");
	if (bad == -2)
		return xf_invalid(c, "共建单位重复", "partner_ids");
	xf_jp_org *orgs =
	    xf_arena_calloc(c->a, (size_t)in->npartners + 1, sizeof *orgs);
	if (!orgs)
		return xf_oom(c);
	for (int i = 0; i < in->npartners; i++) {
		xf_org o;
		int rc = xf_org_named(c, in->partner_ids[i], "共建单位不存在",
		                      "partner_ids", &o);
		if (rc != XF_OK)
			return rc;
		orgs[i] = (xf_jp_org){o.id, o.name, o.path};
	}
	*out = orgs;
	return XF_OK;
}

static int check_tags(xf_ctx *c, const xf_jp_input *in)
{
	for (int i = 0; i < in->ntags; i++) {
		for (int k = 0; k < i; k++)
			if (in->tag_ids[k] == in->tag_ids[i])
				return xf_invalid(c, "中心工作标签重复",
				                  "tag_ids");
		xf_cw_tag t;
		int drc = xf_store_cw_tag_get(c->db, c->a, in->tag_ids[i], &t);
		if (drc == XF_DB_DONE)
			return xf_invalid(c, "中心工作标签不存在", "tag_ids");
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
	}
	return XF_OK;
}

static int check_cluster(xf_ctx *c, int64_t id)
{
	if (!id)
		return XF_OK;
	xf_cluster cl;
	int drc = xf_store_cluster_get(c->db, c->a, id, &cl);
	if (drc == XF_DB_DONE)
		return xf_invalid(c, "片区不存在", "cluster_id");
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

/* Writes the partners and tags of the input that are given. */
static int write_links(xf_ctx *c, int64_t id, const xf_jp_input *in,
                       const xf_jp_org *partners)
{
	int drc = XF_DB_OK;
	if (in->has_partner_ids)
		drc = xf_store_jp_set_partners(c->db, id, partners,
		                               in->npartners);
	if (drc == XF_DB_OK && in->has_tag_ids)
		drc = xf_store_jp_set_tags(c->db, id, in->tag_ids, in->ntags);
	return xf_from_db(c, drc);
}

static int create_tx(xf_ctx *c, const xf_jp_input *in, xf_joint_project *p)
{
	xf_org o;
	int rc = xf_org_for_write(c, in->org_id, "组织不存在",
	                          "无权为该组织创建联建项目", &o);
	if (rc != XF_OK)
		return rc;
	int year = in->has_year ? in->year : xf_date_today(c->now).y;
	xf_jp_org *partners = NULL;
	if ((rc = check_year(c, year)) != XF_OK ||
	    (rc = load_partners(c, o.id, in, &partners)) != XF_OK ||
	    (rc = check_tags(c, in)) != XF_OK ||
	    (rc = check_cluster(c, in->cluster_id)) != XF_OK)
		return rc;
	/* the task on the chart that carries milestones and progress */
	xf_task_input ti = {
	    .org_id = o.id,
	    .title = xf_arena_printf(c->a, "联建项目：%s", in->title),
	    .description = in->goals,
	    .start_on = in->start_on,
	    .due_on = in->due_on,
	    .milestones = in->milestones,
	    .nmilestones = in->nmilestones,
	    .year = year,
	};
	xf_task t;
	if ((rc = xf_task_create_tx(c, &ti, &t)) != XF_OK)
		return rc;
	memset(p, 0, sizeof *p);
	XF_SET_ORG(p, o);
	p->title = in->title;
	p->cluster_id = in->cluster_id;
	p->year = year;
	p->goals = in->goals;
	p->outcomes = in->outcomes;
	p->status = in->status ? in->status : "active";
	p->task_id = t.id;
	p->created_by = c->user_id;
	int drc = xf_store_jp_insert(c->db, p, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_jp_input all = *in; /* a new project has the lists it names */
	all.has_partner_ids = all.has_tag_ids = 1;
	if ((rc = write_links(c, p->id, &all, partners)) != XF_OK)
		return rc;
	drc = xf_store_jp_get(c->db, c->a, p->id, p);
	return xf_audit_found(c, drc, "create", "joint_project", p->id,
	                      p->org_path, NULL,
	                      xf_snap_joint_project(c->a, p));
}

int xf_jp_create(xf_ctx *c, const xf_jp_input *in, xf_joint_project *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int change(xf_ctx *c, int64_t id, const void *input, void *item)
{
	const xf_jp_input *in = input;
	xf_joint_project *p = item;
	int rc;
	XF_TAKE(p, in, title);
	XF_TAKE(p, in, goals);
	XF_TAKE(p, in, outcomes);
	XF_TAKE(p, in, status);
	XF_TAKE(p, in, year);
	XF_TAKE(p, in, cluster_id);
	xf_jp_org *partners = NULL;
	if ((in->has_year && (rc = check_year(c, p->year)) != XF_OK) ||
	    (in->has_partner_ids &&
	     (rc = load_partners(c, p->org_id, in, &partners)) != XF_OK) ||
	    (in->has_tag_ids && (rc = check_tags(c, in)) != XF_OK) ||
	    (in->has_cluster_id &&
	     (rc = check_cluster(c, in->cluster_id)) != XF_OK))
		return rc;
	int drc = xf_store_jp_update(c->db, p, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return write_links(c, id, in, partners);
}

int xf_jp_update(xf_ctx *c, int64_t id, const xf_jp_input *in,
                 xf_joint_project *out)
{
	return xf_crud_update(c, &projects, id, in, out);
}

int xf_jp_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &projects, id);
}

static int read_tx(xf_ctx *c, int64_t id, xf_jp_page *pg)
{
	int rc = load(c, id, XF_FOR_READ, &pg->p);
	if (rc != XF_OK)
		return rc;
	pg->may_write = xf_can_write(c, pg->p.org_path);
	int drc =
	    xf_store_jp_reviews(c->db, c->a, id, &pg->reviews, &pg->nreviews);
	if (drc != XF_DB_OK || !pg->p.task_id)
		return xf_from_db(c, drc);
	/* the task is shown with the project to whoever reads the project */
	drc = xf_store_task_get(c->db, c->a, pg->p.task_id, &pg->task);
	if (drc == XF_DB_DONE) {
		memset(&pg->task, 0, sizeof pg->task);
		return XF_OK;
	}
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	return xf_from_db(c, xf_store_milestone_list(c->db, c->a, pg->p.task_id,
	                                             &pg->ms, &pg->nms));
}

int xf_jp_read(xf_ctx *c, int64_t id, xf_jp_page *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, read_tx(c, id, out));
}

XF_CRUD_ROWS(project_rows, xf_jp_filter, xf_joint_project, xf_store_jp_list);

int xf_jp_list(xf_ctx *c, const xf_jp_filter *f, int offset, int limit,
               xf_joint_project **out, int *n, int64_t *total)
{
	return xf_crud_list(c, 0, project_rows, f, offset, limit, out, n,
	                    total);
}

/* A project is reviewed from its year on. */
static const xf_year_review_kind project_reviews = {
    &projects,
    offsetof(xf_joint_project, year),
    xf_store_jp_review_put,
    xf_snap_jp_review,
    "joint_project_review",
    "联建项目年度评价由牵头单位的上级党委作出",
    "评价年度应在项目年度至今年之间",
};

int xf_jp_review_put(xf_ctx *c, int64_t id, int year, const char *grade,
                     const char *notes, xf_jp_review *out)
{
	return xf_year_review_put(c, &project_reviews, id, year, grade, notes,
	                          out);
}

const xf_attachment_subject xf_joint_project_files = {
    "joint_project", 30, "每个联建项目最多上传 30 个成果佐证材料",
    .crud = &projects};

/* ---- central-work tags ------------------------------------------------- */

static int tag_writer(xf_ctx *c)
{
	return xf_is_admin(c)
	           ? XF_OK
	           : xf_forbidden(c, "只有管理员可以维护中心工作标签");
}

static int tag_written(xf_ctx *c, int drc)
{
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "duplicate_name",
		               "已有同名中心工作标签", "name");
	return xf_from_db(c, drc);
}

static int tag_load(xf_ctx *c, int64_t id, xf_cw_tag *t)
{
	int drc = xf_store_cw_tag_get(c->db, c->a, id, t);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found",
		               "中心工作标签不存在", NULL);
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

int xf_cw_tag_list(xf_ctx *c, xf_cw_tag **out, int *n)
{
	XF_RETURN_READ_TX(c,
	                  xf_from_db(c, xf_store_cw_tags(c->db, c->a, out, n)));
}

static int tag_create_tx(xf_ctx *c, xf_cw_tag *t)
{
	int rc = tag_written(c, xf_store_cw_tag_insert(c->db, t, c->now));
	if (rc == XF_OK)
		rc = tag_load(c, t->id, t);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "create", "central_work_tag", t->id, NULL, NULL,
	                xf_snap_cw_tag(c->a, t));
}

int xf_cw_tag_create(xf_ctx *c, const char *name, int sort, xf_cw_tag *out)
{
	int rc = tag_writer(c);
	if (rc != XF_OK)
		return rc;
	memset(out, 0, sizeof *out);
	out->name = name;
	out->sort = sort;
	XF_RETURN_WRITE_TX(c, tag_create_tx(c, out));
}

typedef struct tag_change {
	int64_t id;
	const char *name;
	int has_sort, sort;
} tag_change;

static int tag_update_tx(xf_ctx *c, const tag_change *x, xf_cw_tag *t)
{
	int rc = tag_load(c, x->id, t);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_cw_tag(c->a, t);
	if (x->name)
		t->name = x->name;
	if (x->has_sort)
		t->sort = x->sort;
	if ((rc = tag_written(c, xf_store_cw_tag_update(c->db, t))) != XF_OK)
		return rc;
	return xf_audit(c, "update", "central_work_tag", t->id, NULL, before,
	                xf_snap_cw_tag(c->a, t));
}

int xf_cw_tag_update(xf_ctx *c, int64_t id, const char *name, int has_sort,
                     int sort, xf_cw_tag *out)
{
	int rc = tag_writer(c);
	if (rc != XF_OK)
		return rc;
	tag_change x = {id, name, has_sort, sort};
	XF_RETURN_WRITE_TX(c, tag_update_tx(c, &x, out));
}

static int tag_remove_tx(xf_ctx *c, int64_t id)
{
	xf_cw_tag t;
	int rc = tag_load(c, id, &t);
	if (rc != XF_OK)
		return rc;
	if (t.project_count > 0)
		return xf_fail(c, XF_E_CONFLICT, "tag_in_use",
		               "仍有联建项目使用该标签，不能删除", NULL);
	return xf_audit_db(c, xf_store_cw_tag_delete(c->db, id), "delete",
	                   "central_work_tag", id, NULL,
	                   xf_snap_cw_tag(c->a, &t), NULL);
}

int xf_cw_tag_remove(xf_ctx *c, int64_t id)
{
	int rc = tag_writer(c);
	if (rc != XF_OK)
		return rc;
	XF_RETURN_WRITE_TX(c, tag_remove_tx(c, id));
}
