/*
 * demo_joint_projects.c - the demo city's clusters (片区) with their
 * descriptions and leads, and joint projects (联建项目), written through
 * the same use cases as the API.
 */
#include "tools/demo_joint_projects.h"

#include "base/date.h"
#include "service/clusters.h"
#include "service/joint_projects.h"
#include "service/orgs.h"
#include "service/tasks.h"

#include <stdio.h>
#include <string.h>

static const char *const descriptions[] = {
    "以“红色物业”为纽带，机关支部与社区党组织结对共建，推动基层治理。",
    "聚焦营商环境优化提升，窗口单位联合开展“党建+服务”攻坚。",
    "围绕“一号工程”，数字化改革项目由党员先锋队联合攻关。",
    "山海协作、城乡结对，机关党组织助力共同富裕示范。",
    "民生实事项目联建，党员志愿服务常态化进社区。",
    "清廉机关建设联建联创，警示教育与廉政文化共享。",
    "文明创建与志愿服务联动，打造共建共享阵地。",
    "安全生产与应急管理联建，党员突击队联合演练。",
    "教育卫健系统联建，党建引领公共服务提质增效。",
};

static const char *const titles[] = {
    "红色物业联建共治", "营商环境“党建+服务”攻坚", "数字化改革先锋攻关",
    "山海协作结对帮扶", "民生实事党员志愿服务",
};

static const char *day(xf_ctx *c, int y, int m, int d)
{
	return xf_arena_printf(c->a, "%04d-%02d-%02d", y, m, d);
}

/* Project i of cluster cl led by its first member with next's first
 * member (and cl's second) as partners; its first time nodes (1 to 3 of
 * them, by i) reported done when due. */
static int project(const xf_demo_city *city, int i, const xf_cluster *cl,
                   const xf_cluster *next, const xf_cw_tag *tags, int ntags)
{
	xf_ctx *c = city->c;
	xf_date today = xf_date_today(c->now);
	int y = today.y;
	int64_t partners[2];
	int np = 0;
	if (next->norgs && next->orgs[0].id != cl->orgs[0].id)
		partners[np++] = next->orgs[0].id;
	if (cl->norgs > 1)
		partners[np++] = cl->orgs[1].id;
	int64_t tag_ids[2] = {tags[i % ntags].id, tags[(i + 2) % ntags].id};
	xf_milestone_input ms[3];
	memset(ms, 0, sizeof ms);
	ms[0].title = "签订共建协议、明确责任清单";
	ms[0].due_on = day(c, y, 3, 31);
	ms[1].title = "开展联建活动、推进项目攻坚";
	ms[1].due_on = day(c, y, 6, 30);
	ms[2].title = "成果总结与展示";
	ms[2].due_on = day(c, y, 11, 30);
	xf_jp_input in = {
	    .org_id = cl->orgs[0].id,
	    .cluster_id = cl->id,
	    .title = titles[i],
	    .goals = "整合资源、优势互补，形成可复制的党建联建经验。",
	    .status = "active",
	    .start_on = day(c, y, 1, 1),
	    .due_on = day(c, y, 12, 31),
	    .year = y,
	    .partner_ids = partners,
	    .npartners = np,
	    .tag_ids = tag_ids,
	    .ntags = ntags > 2 ? 2 : 1,
	    .milestones = ms,
	    .nmilestones = 3,
	    .has_year = 1,
	};
	xf_joint_project p;
	if (xf_jp_create(c, &in, &p) != XF_OK)
		return -1;
	xf_milestone *got;
	int n;
	xf_task t;
	xf_acceptance acc;
	if (xf_task_read(c, p.task_id, &t, &got, &n, &acc) != XF_OK)
		return -1;
	/* the projects keep different paces: some nodes are left open */
	for (int k = 0; k < n && k < 1 + i % 3; k++) {
		xf_date due;
		if (xf_date_parse(got[k].due_on, &due) != 0 ||
		    xf_date_cmp(due, today) > 0)
			break;
		xf_progress_input pi = {.percent = 30 * (k + 1),
		                        .note = "按节点推进",
		                        .milestone_id = got[k].id};
		xf_progress pr;
		if (xf_task_report(c, p.task_id, &pi, &pr, &t) != XF_OK)
			return -1;
	}
	return 0;
}

int xf_demo_joint_projects(const xf_demo_city *city)
{
	xf_ctx *c = city->c;
	xf_cluster *cls;
	int n;
	xf_cw_tag *tags;
	int ntags;
	if (xf_cluster_list(c, &cls, &n) != XF_OK ||
	    xf_cw_tag_list(c, &tags, &ntags) != XF_OK)
		return -1;
	int y = xf_date_today(c->now).y;
	for (int i = 0; i < n; i++) {
		xf_cluster out;
		xf_cluster_lead lead;
		const char *desc = descriptions[i % 9];
		if (xf_cluster_update(c, cls[i].id, NULL, desc, &out) != XF_OK)
			return -1;
		if (!cls[i].norgs)
			continue;
		if (xf_cluster_lead_put(c, cls[i].id, y, cls[i].orgs[0].id,
		                        &lead) != XF_OK ||
		    xf_cluster_lead_put(c, cls[i].id, y - 1,
		                        cls[i].orgs[cls[i].norgs - 1].id,
		                        &lead) != XF_OK)
			return -1;
	}
	int made = 0;
	for (int i = 0; i < n && made < 5 && ntags > 0; i++) {
		if (!cls[i].norgs)
			continue;
		if (project(city, made, &cls[i], &cls[(i + 1) % n], tags,
		            ntags) != 0)
			return -1;
		made++;
	}
	return 0;
}
