/*
 * demo_tasks.c - the demo city's year plan and chart, written
 * through the same use cases as the API. History is written by moving the
 * context's clock back to the day each thing happened.
 */
#include "tools/demo_tasks.h"

#include "base/date.h"
#include "service/plans.h"
#include "service/task_board.h"
#include "service/tasks.h"
#include "store/orgs.h"

#include <stdio.h>
#include <string.h>

/* 10:00 in Shanghai on day d, as a Unix time. */
static int64_t at_day(xf_date d)
{
	return xf_date_days(d) * 86400 + 2 * 3600;
}

static const char *fmt(xf_ctx *c, xf_date d)
{
	char b[11];
	xf_date_format(d, b);
	return xf_arena_strdup(c->a, b);
}

static xf_date plus(xf_date d, int n)
{
	return xf_date_from_days(xf_date_days(d) + n);
}

/*
 * Plays a leaf task's history up to today: each milestone due by today is
 * done on time, done late (if that day has come) or left open; a report
 * follows each one done.
 */
static int play(const xf_demo_city *city, int64_t task_id, xf_date today,
                int lagging)
{
	xf_ctx *c = city->c;
	int64_t real_now = c->now;
	xf_task t;
	xf_milestone *ms;
	xf_acceptance acc;
	int nms;
	if (xf_task_read(c, task_id, &t, &ms, &nms, &acc) != XF_OK)
		return -1;
	int rc = 0;
	for (int i = 0; i < nms && rc == 0; i++) {
		xf_date due;
		if (xf_date_parse(ms[i].due_on, &due) != 0 ||
		    xf_date_cmp(due, today) > 0)
			break;
		int roll = xf_demo_pick(city, 100);
		xf_date done;
		if (roll < (lagging ? 35 : 75))
			done = plus(due, -xf_demo_pick(city, 12));
		else if (roll < (lagging ? 70 : 92))
			done = plus(due, 1 + xf_demo_pick(city, 20));
		else
			continue; /* left open: overdue */
		if (xf_date_cmp(done, today) > 0)
			continue;
		c->now = at_day(done);
		xf_milestone_input in = {.done_on = fmt(c, done),
		                         .has_done_on = 1};
		xf_milestone out;
		rc = xf_milestone_update(c, task_id, ms[i].id, &in, &out);
		if (rc == XF_OK) {
			xf_progress_input p = {
			    .percent = (i + 1) * 100 / (nms + 1),
			    .note = xf_arena_printf(c->a, "已完成“%s”",
			                            ms[i].title)};
			xf_progress pr;
			xf_task after;
			rc = xf_task_report(c, task_id, &p, &pr, &after);
		}
		rc = rc == XF_OK ? 0 : -1;
	}
	c->now = real_now;
	return rc;
}

typedef struct item_spec {
	const char *title, *goal, *measures;
	int due_m, due_d;
	int nms;
	struct {
		const char *title;
		int m, d;
	} ms[4];
} item_spec;

static const item_spec items[] = {
    {"深化落实“第一议题”制度",
     "各级党组织会议第一议题学习全覆盖",
     "每月集中学习；季度督导；年度考核",
     12,
     31,
     4,
     {{"一季度学习督导", 3, 31},
      {"二季度学习督导", 6, 30},
      {"三季度学习督导", 9, 30},
      {"全年学习总结", 12, 20}}},
    {"党支部标准化规范化建设",
     "党支部达标率100%，星级党组织比例提升",
     "对照标准自查、整改、验收",
     11,
     30,
     3,
     {{"对标自查", 4, 30}, {"问题整改", 8, 31}, {"达标验收", 11, 30}}},
    {"党建联建项目攻坚",
     "每个片区完成1个以上联建项目",
     "项目化推进，清单化管理",
     10,
     31,
     3,
     {{"项目立项", 3, 15}, {"中期推进", 7, 15}, {"成果展示", 10, 31}}},
    {"机关作风建设专项行动",
     "服务对象满意度明显提升",
     "查摆问题、集中整治、建章立制",
     9,
     30,
     2,
     {{"查摆问题", 5, 31}, {"集中整治", 9, 30}}},
};

int xf_demo_tasks(const xf_demo_city *city)
{
	xf_ctx *c = city->c;
	int64_t real_now = c->now;
	xf_date today = xf_date_today(real_now);
	int year = today.y;
	if (city->ncommittees < 1)
		return 0;
	int64_t root = city->committees[0];
	xf_org ro;
	if (xf_store_org_get(c->db, c->a, root, &ro) != XF_DB_ROW)
		return -1;
	/* the plan, published on 10 January (or today, early in January) */
	xf_date jan10 = {year, 1, 10};
	c->now = xf_date_cmp(jan10, today) < 0 ? at_day(jan10) : real_now;
	enum { NITEMS = sizeof items / sizeof items[0] };
	xf_plan_item_input pi[NITEMS];
	xf_milestone_input mi[NITEMS][4];
	memset(pi, 0, sizeof pi);
	memset(mi, 0, sizeof mi);
	for (int i = 0; i < NITEMS; i++) {
		for (int k = 0; k < items[i].nms; k++) {
			mi[i][k].title = items[i].ms[k].title;
			mi[i][k].due_on =
			    fmt(c, (xf_date){year, items[i].ms[k].m,
			                     items[i].ms[k].d});
		}
		pi[i].title = items[i].title;
		pi[i].goal = items[i].goal;
		pi[i].measures = items[i].measures;
		pi[i].lead_org_id = root;
		pi[i].due_on =
		    fmt(c, (xf_date){year, items[i].due_m, items[i].due_d});
		pi[i].milestones = mi[i];
		pi[i].nmilestones = items[i].nms;
	}
	xf_plan_input in = {
	    .org_id = root,
	    .year = year,
	    .title = xf_arena_printf(c->a, "%d年度市直机关党建工作要点", year),
	    .items = pi,
	    .nitems = NITEMS};
	xf_plan plan;
	if (xf_plan_create(c, &in, &plan) != XF_OK)
		goto fail;
	xf_plan_item *its;
	xf_task *tops;
	int nits;
	if (xf_plan_read(c, plan.id, &plan, &its, &nits, &tops) != XF_OK)
		goto fail;
	/* the units and districts right below the city, and their orgs */
	int64_t kids[64];
	xf_org kido[64];
	int nk = 0;
	for (int i = 1; i < city->ncommittees && nk < 64; i++) {
		xf_org o;
		if (xf_store_org_get(c->db, c->a, city->committees[i], &o) ==
		        XF_DB_ROW &&
		    o.parent_id == root) {
			kido[nk] = o;
			kids[nk++] = o.id;
		}
	}
	c->now = xf_date_cmp(plus(jan10, 5), today) < 0 ? at_day(plus(jan10, 5))
	                                                : real_now;
	for (int i = 0; i < nits && nk > 0; i++) {
		xf_task *sub;
		int nsub;
		if (xf_task_cascade(c, its[i].task_id, kids, nk, &sub, &nsub) !=
		    XF_OK)
			goto fail;
		for (int s = 0; s < nsub; s++) {
			/* districts split their part to their branches */
			const xf_org *o = &kido[s];
			int64_t br[16];
			int nb = 0;
			if (strcmp(o->kind, "work_committee") == 0)
				for (int b = 0; b < city->nbranches && nb < 16;
				     b++) {
					xf_org bo;
					if (xf_store_org_get(
					        c->db, c->a, city->branches[b],
					        &bo) == XF_DB_ROW &&
					    xf_path_within(bo.path, o->path) &&
					    !bo.closed_on)
						br[nb++] = bo.id;
				}
			int lagging = xf_demo_pick(city, 5) == 0;
			if (nb == 0) {
				c->now = real_now;
				if (play(city, sub[s].id, today, lagging) != 0)
					goto fail;
				continue;
			}
			xf_task *leaf;
			int nleaf;
			if (xf_task_cascade(c, sub[s].id, br, nb, &leaf,
			                    &nleaf) != XF_OK)
				goto fail;
			c->now = real_now;
			for (int l = 0; l < nleaf; l++)
				if (play(city, leaf[l].id, today,
				         lagging ||
				             xf_demo_pick(city, 6) == 0) != 0)
					goto fail;
			c->now = xf_date_cmp(plus(jan10, 5), today) < 0
			             ? at_day(plus(jan10, 5))
			             : real_now;
		}
	}
	c->now = real_now;
	/* the temporary project branch: its project's tasks on the chart */
	for (int b = 0; b < city->nbranches; b++) {
		xf_org bo;
		if (xf_store_org_get(c->db, c->a, city->branches[b], &bo) !=
		        XF_DB_ROW ||
		    strcmp(bo.kind, "temp_branch") != 0 || bo.closed_on ||
		    !bo.starts_on)
			continue;
		xf_date s, e;
		if (xf_date_parse(bo.starts_on, &s) != 0)
			continue;
		if (!bo.ends_on || xf_date_parse(bo.ends_on, &e) != 0)
			e = (xf_date){year, 12, 31};
		xf_date m1 = plus(s, 60), m2 = plus(s, 200);
		if (xf_date_cmp(m2, e) > 0)
			m2 = e;
		if (xf_date_cmp(m1, m2) > 0)
			m1 = m2;
		xf_milestone_input tm[2] = {
		    {.title = "党员先锋岗设岗定责", .due_on = fmt(c, m1)},
		    {.title = "关键节点攻坚", .due_on = fmt(c, m2)}};
		xf_task_input ti = {
		    .org_id = bo.id,
		    .title = xf_arena_printf(c->a, "%s党建引领攻坚",
		                             bo.project ? bo.project : bo.name),
		    .description = "临时党支部围绕项目建设开展攻坚",
		    .owner = "项目临时党支部书记",
		    .start_on = bo.starts_on,
		    .due_on = fmt(c, e),
		    .milestones = tm,
		    .nmilestones = 2};
		xf_task t;
		c->now = xf_date_cmp(s, today) < 0 ? at_day(s) : real_now;
		if (xf_task_create(c, &ti, &t) != XF_OK)
			goto fail;
		c->now = real_now;
		if (play(city, t.id, today, 0) != 0)
			goto fail;
	}
	/* year-end acceptance of some finished tasks */
	xf_task_query q = {.org_id = root,
	                   .subtree = 1,
	                   .year = year,
	                   .status = "done",
	                   .limit = 200};
	xf_task_list_page page;
	if (xf_task_list(c, &q, &page) != XF_OK)
		goto fail;
	for (int i = 0; i < page.page.n; i += 2) {
		xf_acceptance x;
		xf_task t;
		int on_time = xf_task_done_on_time(&page.page.items[i]);
		int score = on_time ? 90 + xf_demo_pick(city, 11)
		                    : 70 + xf_demo_pick(city, 15);
		if (xf_task_accept(c, page.page.items[i].id, score,
		                   on_time ? "按期完成，成效明显"
		                           : "完成但有滞后，需加强过程管理",
		                   &x, &t) != XF_OK)
			goto fail;
	}
	c->now = real_now;
	return 0;
fail:
	c->now = real_now;
	return -1;
}
