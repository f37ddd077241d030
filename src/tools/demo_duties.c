/*
 * demo_duties.c - the demo city's duty lists, post holders and evidence,
 * written through the same use cases as the API.
 */
#include "tools/demo_duties.h"

#include "base/date.h"
#include "service/duties.h"
#include "service/meetings.h"
#include "service/members.h"
#include "service/tasks.h"
#include "store/orgs.h"

#include <string.h>

typedef struct duty_spec {
	const char *level, *post, *title, *content;
} duty_spec;

static const duty_spec specs[] = {
    {"party_committee", "secretary", "履行管党治党第一责任人职责",
     "主持党组（党委）研究部署党建工作，每年听取机关党建工作汇报不少于两次。"},
    {"party_committee", "secretary", "落实“第一议题”制度",
     "带头学习习近平总书记最新重要讲话精神，研究贯彻落实举措。"},
    {"party_committee", "deputy_secretary", "协助书记抓好党建工作",
     "协助书记落实党建工作责任制，分管领域党建与业务同谋划。"},
    {"party_committee", "committee_member", "履行“一岗双责”",
     "抓好分管领域党风廉政建设和意识形态工作。"},
    {"organ_committee", "organ_secretary", "抓好机关党建具体工作",
     "制定年度党建工作计划，指导所属党支部开展组织生活。"},
    {"organ_committee", "organ_secretary", "推进党建与业务深度融合",
     "围绕中心工作开展党建联建、挂图作战。"},
    {"organ_committee", "discipline_secretary", "履行监督责任",
     "开展廉政教育和日常监督，落实谈心谈话制度。"},
    {"branch", "branch_secretary", "落实“三会一课”制度",
     "按期召开党员大会、支委会、党小组会，讲好党课。"},
    {"branch", "branch_secretary", "抓好党员教育管理",
     "组织开展主题党日，做好党员发展和日常管理。"},
    {"branch", "branch_secretary", "推动党建与业务融合",
     "带领党员在重点任务中当先锋、作表率。"},
    {"branch", "organization_officer", "做好组织工作",
     "负责党员发展、组织关系转接、党费收缴等工作。"},
    {"branch", "publicity_officer", "做好宣传思想工作",
     "组织理论学习，宣传先进典型。"},
    {"branch", "discipline_officer", "做好纪律检查工作",
     "开展警示教育，监督党员遵守党纪。"},
};

static const char *fmt(xf_ctx *c, xf_date d)
{
	char b[11];
	xf_date_format(d, b);
	return xf_arena_strdup(c->a, b);
}

/* The city: the committee at the top of the tree. */
static int64_t city_of(const xf_demo_city *city)
{
	xf_ctx *c = city->c;
	for (int i = 0; i < city->ncommittees; i++) {
		xf_org o;
		if (xf_store_org_get(c->db, c->a, city->committees[i], &o) ==
		        XF_DB_ROW &&
		    !o.parent_id)
			return o.id;
	}
	return 0;
}

/* 1 if evidence was linked or refused as not fitting (a record dated
 * outside the year): the demo goes on without it. */
static int added(xf_ctx *c, int rc)
{
	if (rc == XF_E_INVALID || rc == XF_E_CONFLICT) {
		memset(&c->err, 0, sizeof c->err);
		return 1;
	}
	return rc == XF_OK;
}

/* Links this year's tasks and meetings of the post's organization, and a
 * free record, to the items that apply to the post. */
static int link_evidence(const xf_demo_city *city, const xf_duty_assignment *as,
                         xf_date today)
{
	xf_ctx *c = city->c;
	xf_duty_query q = {.org_id = as->org_id,
	                   .year = as->year,
	                   .post = as->post,
	                   .applicable = 1};
	xf_duty *ds;
	int nd;
	int64_t total;
	if (xf_duty_list(c, &q, &ds, &nd, &total) != XF_OK)
		return -1;
	if (nd == 0)
		return 0;
	xf_task_query tq = {.org_id = as->org_id, .year = as->year, .limit = 4};
	xf_task_list_page tp;
	if (xf_task_list(c, &tq, &tp) != XF_OK)
		return -1;
	xf_meeting_page mp = {0};
	char period[11];
	xf_date_format((xf_date){as->year, 1, 1}, period);
	period[4] = '\0';
	if (xf_meeting_list(c, as->org_id, 0, NULL, period, 0, 4, &mp) != XF_OK)
		return -1;
	xf_duty_evidence e;
	for (int i = 0; i < tp.page.n; i++) {
		xf_duty_evidence_input in = {.assignment_id = as->id,
		                             .kind = "task",
		                             .ref_id = tp.page.items[i].id,
		                             .note =
		                                 "牵头推进，按节点报送进度"};
		if (!added(c, xf_duty_evidence_add(c, ds[i % nd].id, &in, &e)))
			return -1;
	}
	for (int i = 0; i < mp.n; i++) {
		xf_duty_evidence_input in = {.assignment_id = as->id,
		                             .kind = "meeting",
		                             .ref_id = mp.items[i].id,
		                             .note = "主持会议"};
		if (!added(c, xf_duty_evidence_add(c, ds[0].id, &in, &e)))
			return -1;
	}
	int days = (int)(xf_date_days(today) -
	                 xf_date_days((xf_date){as->year, 1, 1}));
	xf_date on = xf_date_from_days(xf_date_days((xf_date){as->year, 1, 1}) +
	                               xf_demo_pick(city, days + 1));
	xf_duty_evidence_input rec = {
	    .assignment_id = as->id,
	    .kind = "record",
	    .title = "开展谈心谈话",
	    .note = "与支部党员逐一谈心谈话，了解思想工作情况",
	    .on = fmt(c, on)};
	return xf_duty_evidence_add(c, ds[nd - 1].id, &rec, &e) == XF_OK ? 0
	                                                                 : -1;
}

/* Puts the first members of org (and below) on posts for both years;
 * links evidence for this year's. */
static int staff(const xf_demo_city *city, int64_t org_id,
                 const char *const *posts, int nposts, xf_date today)
{
	xf_ctx *c = city->c;
	xf_member_page mp;
	if (xf_member_list(c, org_id, 1, NULL, NULL, 0, 0, nposts, &mp) !=
	    XF_OK)
		return -1;
	for (int i = 0; i < mp.n && i < nposts; i++) {
		for (int y = today.y - 1; y <= today.y; y++) {
			xf_duty_assign_input in = {.org_id = org_id,
			                           .member_id = mp.items[i].id,
			                           .year = y,
			                           .post = posts[i]};
			xf_duty_assignment as;
			if (xf_duty_assign(c, &in, &as) != XF_OK)
				return -1;
			if (y == today.y &&
			    link_evidence(city, &as, today) != 0)
				return -1;
		}
	}
	return 0;
}

int xf_demo_duties(const xf_demo_city *city)
{
	xf_ctx *c = city->c;
	xf_date today = xf_date_today(c->now);
	int64_t root = city_of(city);
	if (!root)
		return 0;
	int year = today.y - 1;
	for (size_t i = 0; i < sizeof specs / sizeof specs[0]; i++) {
		xf_duty_input in = {.org_id = root,
		                    .year = year,
		                    .level = specs[i].level,
		                    .post = specs[i].post,
		                    .title = specs[i].title,
		                    .content = specs[i].content};
		xf_duty d;
		if (xf_duty_create(c, &in, &d) != XF_OK)
			return -1;
	}
	xf_duty *ds;
	int nd;
	int64_t copied;
	if (xf_duty_copy(c, root, year, today.y, &ds, &nd, &copied) != XF_OK)
		return -1;
	for (int i = 0; i < nd; i++) {
		if (strcmp(ds[i].post, "branch_secretary") != 0 ||
		    ds[i].seq != 2)
			continue;
		xf_duty_input up = {
		    .content = "组织开展主题党日，做好党员发展和日常管理；"
		               "本年度增加：落实党员积分管理。",
		    .has_content = 1};
		xf_duty d;
		if (xf_duty_update(c, ds[i].id, &up, &d) != XF_OK)
			return -1;
	}
	static const char *const branch_posts[] = {
	    "branch_secretary", "organization_officer", "publicity_officer"};
	static const char *const organ_posts[] = {"organ_secretary",
	                                          "discipline_secretary"};
	/* six branches, those with tasks on the chart first */
	int nstaffed = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < city->nbranches && nstaffed < 6; i++) {
			xf_task_query tq = {.org_id = city->branches[i],
			                    .year = today.y,
			                    .limit = 1};
			xf_task_list_page tp;
			if (xf_task_list(c, &tq, &tp) != XF_OK)
				return -1;
			if ((tp.page.total > 0) != (pass == 0))
				continue;
			if (staff(city, city->branches[i], branch_posts, 3,
			          today) != 0)
				return -1;
			nstaffed++;
		}
	}
	int norgans = 0;
	for (int i = 0; i < city->ncommittees && norgans < 3; i++) {
		xf_org o;
		if (xf_store_org_get(c->db, c->a, city->committees[i], &o) !=
		        XF_DB_ROW ||
		    strcmp(o.kind, "organ_committee") != 0)
			continue;
		norgans++;
		if (staff(city, o.id, organ_posts, 2, today) != 0)
			return -1;
	}
	return 0;
}
