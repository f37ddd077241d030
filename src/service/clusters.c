/*
 * clusters.c (service) - clusters' names, deletion, yearly leads and the
 * cluster page with its roll-up from the boards' own services.
 */
#include "service/clusters.h"

#include "base/date.h"
#include "domain/points.h"
#include "service/activities.h"
#include "service/joint_projects.h"
#include "service/leaderboards.h"
#include "service/orgs.h"
#include "service/snapshot.h"
#include "service/task_board.h"
#include "store/joint_projects.h"

#include <stdio.h>
#include <string.h>

static int update_tx(xf_ctx *c, int64_t id, const char *name, const char *desc,
                     xf_cluster *cl)
{
	xf_cluster before;
	int rc = xf_cluster_load(c, id, &before);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_cluster_update(c->db, id, name ? name : before.name,
	                                  desc ? desc : before.description);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "name_taken", "已有同名片区",
		               "name");
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if ((rc = xf_cluster_load(c, id, cl)) != XF_OK)
		return rc;
	return xf_audit(c, "update", "cluster", id, NULL,
	                xf_snap_cluster(c->a, &before),
	                xf_snap_cluster(c->a, cl));
}

int xf_cluster_update(xf_ctx *c, int64_t id, const char *name, const char *desc,
                      xf_cluster *out)
{
	int rc = xf_cluster_writer(c);
	if (rc != XF_OK)
		return rc;
	XF_RETURN_WRITE_TX(c, update_tx(c, id, name, desc, out));
}

static int delete_tx(xf_ctx *c, int64_t id)
{
	xf_cluster cl;
	int rc = xf_cluster_load(c, id, &cl);
	if (rc != XF_OK)
		return rc;
	int64_t n = 0;
	int drc = xf_store_jp_count_cluster(c->db, id, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (n > 0)
		return xf_fail(c, XF_E_CONFLICT, "cluster_in_use",
		               xf_arena_printf(
		                   c->a, "该片区仍有 %lld 个联建项目，不能删除",
		                   (long long)n),
		               NULL);
	return xf_audit_db(c, xf_store_cluster_delete(c->db, id), "delete",
	                   "cluster", id, NULL, xf_snap_cluster(c->a, &cl),
	                   NULL);
}

int xf_cluster_delete(xf_ctx *c, int64_t id)
{
	int rc = xf_cluster_writer(c);
	if (rc != XF_OK)
		return rc;
	XF_RETURN_WRITE_TX(c, delete_tx(c, id));
}

static int lead_tx(xf_ctx *c, xf_cluster_lead *l)
{
	xf_cluster cl;
	int rc = xf_cluster_load(c, l->cluster_id, &cl);
	if (rc != XF_OK)
		return rc;
	xf_date today = xf_date_today(c->now);
	if (l->year < 2000 || l->year > today.y + 1)
		return xf_invalid(c, "年度应在 2000 年至明年之间", "year");
	const xf_org *o = NULL;
	for (int i = 0; i < cl.norgs && !o; i++)
		if (cl.orgs[i].id == l->org_id)
			o = &cl.orgs[i];
	if (!o)
		return xf_invalid(c, "牵头单位应为本片区的成员组织", "org_id");
	l->org_name = o->name;
	char *snap = xf_arena_printf(c->a, "{\"year\":%d,\"org_id\":%lld}",
	                             l->year, (long long)l->org_id);
	return xf_audit_db(
	    c,
	    xf_store_cluster_lead_put(c->db, l->cluster_id, l->year, l->org_id,
	                              c->user_id, c->now),
	    "update", "cluster_lead", l->cluster_id, NULL, NULL, snap);
}

int xf_cluster_lead_put(xf_ctx *c, int64_t id, int year, int64_t org_id,
                        xf_cluster_lead *out)
{
	int rc = xf_cluster_writer(c);
	if (rc != XF_OK)
		return rc;
	*out = (xf_cluster_lead){id, year, org_id, NULL};
	XF_RETURN_WRITE_TX(c, lead_tx(c, out));
}

/* ---- the page ---------------------------------------------------------- */

static int page_tx(xf_ctx *c, int64_t id, xf_cluster_page *pg)
{
	int rc = xf_cluster_load(c, id, &pg->cl);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_cluster_leads(c->db, c->a, id, &pg->leads,
	                                            &pg->nleads));
}

/* The roll-up of member o from its boards, each read as the board's own
 * route reads it. */
static int rollup(xf_ctx *c, int year, const xf_org *o, xf_cluster_rollup *r)
{
	memset(r, 0, sizeof *r);
	r->org = o;
	xf_supervision sup;
	int rc = xf_compliance_board(c, o->id, NULL, &sup);
	if (rc != XF_OK)
		return rc;
	r->compliance = sup.total;
	xf_task_rank *tr;
	int nt;
	if ((rc = xf_task_board(c, o->id, year, &tr, &nt)) != XF_OK)
		return rc;
	for (int i = 0; i < nt; i++) {
		r->tasks += tr[i].t.tasks;
		r->done += tr[i].t.done;
		r->on_time += tr[i].t.on_time;
		r->overdue += tr[i].t.overdue;
	}
	char period[12];
	snprintf(period, sizeof period, "%d", year);
	xf_board b;
	if ((rc = xf_board_orgs(c, o->id, o->kind, period, "average", 100000,
	                        &b)) != XF_OK)
		return rc;
	for (int i = 0; i < b.n; i++)
		if (b.items[i].id == o->id) {
			r->points = b.items[i].points;
			r->headcount = b.items[i].headcount;
			r->org_points = b.items[i].org_points;
			r->average_x100 = b.items[i].average_x100;
		}
	return XF_OK;
}

static void add_sum(xf_cluster_rollup *t, const xf_cluster_rollup *r)
{
	xf_compliance_sum *a = &t->compliance;
	const xf_compliance_sum *b = &r->compliance;
	a->orgs += b->orgs;
	a->green += b->green;
	a->yellow += b->yellow;
	a->due += b->due;
	a->red += b->red;
	a->required += b->required;
	a->held += b->held;
	a->held_late += b->held_late;
	a->sanhui_required += b->sanhui_required;
	a->sanhui_held += b->sanhui_held;
	a->ft_meetings += b->ft_meetings;
	a->ft_recorded += b->ft_recorded;
	t->tasks += r->tasks;
	t->done += r->done;
	t->on_time += r->on_time;
	t->overdue += r->overdue;
	t->points += r->points;
	t->headcount += r->headcount;
	t->org_points += r->org_points;
}

#define PAGE_ACTIVITIES 10

int xf_cluster_page_read(xf_ctx *c, int64_t id, int year, xf_cluster_page *pg)
{
	memset(pg, 0, sizeof *pg);
	pg->year = year ? year : xf_date_today(c->now).y;
	int rc;
	XF_READ_TX(c, rc, page_tx(c, id, pg));
	if (rc != XF_OK)
		return rc;
	xf_jp_filter f = {.cluster_id = id};
	rc = xf_jp_list(c, &f, 0, 200, &pg->projects, &pg->nprojects,
	                &pg->project_total);
	if (rc != XF_OK)
		return rc;
	int n = pg->cl.norgs;
	pg->rows = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *pg->rows);
	pg->activities = xf_arena_calloc(c->a, (size_t)n * PAGE_ACTIVITIES + 1,
	                                 sizeof *pg->activities);
	if (!pg->rows || !pg->activities)
		return xf_oom(c);
	xf_period q = xf_period_of(xf_date_today(c->now), XF_PERIOD_QUARTER);
	xf_period_format(q, pg->quarter);
	for (int i = 0; i < n; i++) {
		const xf_org *o = &pg->cl.orgs[i];
		if (!xf_can_read(c, o->path))
			continue;
		xf_cluster_rollup *r = &pg->rows[pg->nrows];
		if ((rc = rollup(c, pg->year, o, r)) != XF_OK)
			return rc;
		add_sum(&pg->total, r);
		pg->nrows++;
		xf_activity *as;
		int na;
		int64_t total;
		rc = xf_activity_list(c, o->id, pg->year, 0, 0, PAGE_ACTIVITIES,
		                      &as, &na, &total);
		if (rc != XF_OK)
			return rc;
		memcpy(&pg->activities[pg->nactivities], as,
		       (size_t)na * sizeof *as);
		pg->nactivities += na;
	}
	pg->total.average_x100 =
	    xf_points_average_x100(pg->total.points, pg->total.headcount);
	return XF_OK;
}
