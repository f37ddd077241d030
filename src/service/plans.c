/*
 * plans.c (service) - year plans: validation of the items against the
 * plan's year and organization, and the tasks they become, in one
 * transaction with the plan.
 */
#include "service/plans.h"

#include "base/date.h"
#include "service/snapshot.h"
#include "store/orgs.h"

#include <string.h>

/* Checks one item: its lead organization lies in the plan org's subtree
 * and is open; its dates lie in the plan's year. */
static int check_item(xf_ctx *c, const xf_org *po, int year, int i,
                      const xf_plan_item_input *it, const char **start,
                      const char **due)
{
	char lo[11], hi[11];
	xf_date_format((xf_date){year, 1, 1}, lo);
	xf_date_format((xf_date){year, 12, 31}, hi);
	xf_org o;
	int drc = xf_store_org_get(c->db, c->a, it->lead_org_id, &o);
	if (drc == XF_DB_DONE ||
	    (drc == XF_DB_ROW && !xf_path_within(o.path, po->path)))
		return xf_invalid(
		    c, "牵头组织应为本组织或其下级组织",
		    xf_arena_printf(c->a, "items[%d].lead_org_id", i));
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (o.closed_on)
		return xf_invalid(
		    c, "牵头组织已撤销",
		    xf_arena_printf(c->a, "items[%d].lead_org_id", i));
	*start = it->start_on ? it->start_on : xf_arena_strdup(c->a, lo);
	*due = it->due_on ? it->due_on : xf_arena_strdup(c->a, hi);
	if (strcmp(*start, lo) < 0 || strcmp(*start, hi) > 0)
		return xf_invalid(
		    c, "开始日期应在计划年度内",
		    xf_arena_printf(c->a, "items[%d].start_on", i));
	if (strcmp(*due, lo) < 0 || strcmp(*due, hi) > 0)
		return xf_invalid(c, "截止日期应在计划年度内",
		                  xf_arena_printf(c->a, "items[%d].due_on", i));
	if (strcmp(*start, *due) > 0)
		return xf_invalid(c, "截止日期不能早于开始日期",
		                  xf_arena_printf(c->a, "items[%d].due_on", i));
	for (int k = 0; k < it->nmilestones; k++) {
		const char *d = it->milestones[k].due_on;
		if (strcmp(d, *start) < 0 || strcmp(d, *due) > 0)
			return xf_invalid(
			    c, "时间节点应在任务起止日期之间",
			    xf_arena_printf(c->a,
			                    "items[%d].milestones[%d]."
			                    "due_on",
			                    i, k));
	}
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_plan_input *in, xf_plan *p)
{
	xf_org po;
	int rc = xf_org_named(c, in->org_id, "组织不存在", "org_id", &po);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, po.path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权为该组织制定年度计划", "org_id");
	const char **starts =
	    xf_arena_calloc(c->a, (size_t)in->nitems + 1, sizeof *starts);
	const char **dues =
	    xf_arena_calloc(c->a, (size_t)in->nitems + 1, sizeof *dues);
	if (!starts || !dues)
		return xf_oom(c);
	for (int i = 0; i < in->nitems; i++) {
		rc = check_item(c, &po, in->year, i, &in->items[i], &starts[i],
		                &dues[i]);
		if (rc != XF_OK)
			return rc;
	}
	memset(p, 0, sizeof *p);
	XF_SET_ORG(p, po);
	p->year = in->year;
	p->title = in->title;
	p->created_by = c->user_id;
	p->item_count = in->nitems;
	int drc = xf_store_plan_insert(c->db, p, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < in->nitems; i++) {
		const xf_plan_item_input *it = &in->items[i];
		xf_plan_item row = {.plan_id = p->id,
		                    .seq = i + 1,
		                    .title = it->title,
		                    .goal = it->goal,
		                    .measures = it->measures,
		                    .lead_org_id = it->lead_org_id};
		drc = xf_store_plan_item_insert(c->db, &row);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		const char *desc = it->goal;
		if (it->goal && it->measures)
			desc = xf_arena_printf(c->a, "目标：%s\n措施：%s",
			                       it->goal, it->measures);
		else if (it->measures)
			desc = it->measures;
		xf_task_input ti = {.org_id = it->lead_org_id,
		                    .title = it->title,
		                    .description = desc,
		                    .start_on = starts[i],
		                    .due_on = dues[i],
		                    .weight = it->weight,
		                    .milestones = it->milestones,
		                    .nmilestones = it->nmilestones,
		                    .plan_id = p->id,
		                    .plan_item_id = row.id,
		                    .year = in->year};
		xf_task t;
		rc = xf_task_create_tx(c, &ti, &t);
		if (rc != XF_OK) {
			if (c->err.field && strcmp(c->err.field, "org_id") == 0)
				c->err.field = xf_arena_printf(
				    c->a, "items[%d].lead_org_id", i);
			return rc;
		}
	}
	char *after = xf_arena_printf(
	    c->a, "{\"id\":%lld,\"org_id\":%lld,\"year\":%d,\"items\":%d}",
	    (long long)p->id, (long long)p->org_id, p->year, in->nitems);
	return xf_audit(c, "create", "plan", p->id, p->org_path, NULL, after);
}

int xf_plan_create(xf_ctx *c, const xf_plan_input *in, xf_plan *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static const xf_record plan = {"年度计划不存在", "无权修改该组织的年度计划",
                               NULL};

/* Loads a plan to read it or to change it (mode, as xf_loaded). */
static int load(xf_ctx *c, int64_t id, int mode, xf_plan *p)
{
	int found = xf_store_plan_get(c->db, c->a, id, p);
	return xf_loaded(c, found, found == XF_DB_ROW ? p->org_path : NULL,
	                 mode, &plan);
}

static int update_tx(xf_ctx *c, int64_t id, const xf_plan_patch *in)
{
	xf_plan p;
	int rc = load(c, id, XF_FOR_WRITE, &p);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_plan(c->a, &p);
	if (in->has_year && in->year != p.year && p.task_count > 0)
		return xf_fail(c, XF_E_CONFLICT, "plan_has_tasks",
		               "该计划已生成任务，任务日期在原年度内，"
		               "不能修改年度",
		               "year");
	if (in->has_title)
		p.title = in->title;
	if (in->has_year)
		p.year = in->year;
	int drc = xf_store_plan_update(c->db, &p, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_plan_get(c->db, c->a, id, &p);
	if (drc != XF_DB_OK && drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	return xf_audit(c, "update", "plan", id, p.org_path, before,
	                xf_snap_plan(c->a, &p));
}

int xf_plan_update(xf_ctx *c, int64_t id, const xf_plan_patch *in)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in));
}

static int remove_tx(xf_ctx *c, int64_t id)
{
	xf_plan p;
	int rc = load(c, id, XF_FOR_WRITE, &p);
	if (rc != XF_OK)
		return rc;
	int64_t tasks, accepted;
	int drc = xf_store_plan_usage(c->db, id, &tasks, &accepted);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (accepted > 0)
		return xf_fail(c, XF_E_CONFLICT, "plan_accepted",
		               xf_arena_printf(c->a,
		                               "该计划已有 %lld 项任务通过年终"
		                               "考核验收，不能删除",
		                               (long long)accepted),
		               NULL);
	if (tasks > 0)
		return xf_fail(c, XF_E_CONFLICT, "plan_has_tasks",
		               xf_arena_printf(c->a,
		                               "该计划已生成 %lld 项任务，请先"
		                               "在任务图中删除这些任务（含下达"
		                               "到下级的任务），再删除计划",
		                               (long long)tasks),
		               NULL);
	drc = xf_store_plan_delete(c->db, id);
	return xf_audit_db(c, drc, "delete", "plan", id, p.org_path,
	                   xf_snap_plan(c->a, &p), NULL);
}

int xf_plan_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, remove_tx(c, id));
}

static int read_tx(xf_ctx *c, int64_t id, xf_plan *out, xf_plan_item **items,
                   int *n, xf_task **tasks)
{
	int rc = load(c, id, XF_FOR_READ, out);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_plan_items(c->db, c->a, id, items, n);
	*tasks = drc == XF_DB_OK
	             ? xf_arena_calloc(c->a, (size_t)*n + 1, sizeof **tasks)
	             : NULL;
	if (drc == XF_DB_OK && !*tasks)
		drc = XF_DB_ERROR;
	for (int i = 0; drc == XF_DB_OK && i < *n; i++) {
		if (!(*items)[i].task_id)
			continue;
		drc = xf_store_task_get(c->db, c->a, (*items)[i].task_id,
		                        &(*tasks)[i]);
		drc = drc == XF_DB_ROW ? XF_DB_OK : drc;
	}
	if (drc == XF_DB_DONE) /* a task gone: the plan reads as gone */
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", plan.missing,
		               NULL);
	return xf_from_db(c, drc);
}

int xf_plan_read(xf_ctx *c, int64_t id, xf_plan *out, xf_plan_item **items,
                 int *n, xf_task **tasks)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out, items, n, tasks));
}

static int list_tx(xf_ctx *c, int64_t org_id, int subtree, int year, int offset,
                   int limit, xf_plan **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc; /* an error, or nothing in scope */
	return xf_from_db(c, xf_store_plan_list(c->db, c->a, &r,
	                                        org_id && !subtree ? org_id : 0,
	                                        year, offset, limit, out, n,
	                                        total));
}

int xf_plan_list(xf_ctx *c, int64_t org_id, int subtree, int year, int offset,
                 int limit, xf_plan **out, int *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, subtree, year, offset, limit, out, n, total));
}
