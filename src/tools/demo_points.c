/*
 * demo_points.c - the points history of the demo city (see demo_points.h):
 * the member and organization rulebooks, then for the last three years a
 * few entries per member per year (direct awards back-dated by the work
 * committee, approved claims this year, an occasional deduction and one
 * reversal), and organization points for some branches.
 */
#include "tools/demo_points.h"

#include "base/date.h"
#include "service/members.h"
#include "service/point_claims.h"
#include "service/point_rules.h"
#include "service/points.h"

#include <stdio.h>
#include <string.h>

typedef struct demo_rule {
	const char *category, *item;
	int points, cap;
	const char *cap_period;
} demo_rule;

static const demo_rule member_rules[] = {
    {"政治学习", "参加集中学习并提交心得", 2, 24, "year"},
    {"组织生活", "按时参加党员大会、党小组会", 2, 8, "quarter"},
    {"履职尽责", "完成重点工作任务", 5, 30, "year"},
    {"志愿服务", "参加志愿服务活动", 3, 9, "month"},
    {"创先争优", "获得市级以上表彰", 10, 0, "year"},
    {"负面清单", "无故缺席组织生活", -3, 0, "year"},
};

static const demo_rule org_rules[] = {
    {"创先争优", "获评先进基层党组织", 20, 0, "year"},
    {"履职尽责", "党建品牌项目通过验收", 10, 30, "year"},
};

static int64_t make_rule(xf_ctx *c, const char *kind, const demo_rule *d,
                         const char *from)
{
	xf_point_rule_input in = {
	    .kind = kind,
	    .category = d->category,
	    .item = d->item,
	    .points = d->points,
	    .cap = d->cap,
	    .cap_period = d->cap_period,
	    .valid_from = from,
	    .needs_approval = 1,
	    .has_needs_approval = 1,
	    .needs_evidence = d->points >= 10,
	    .has_needs_evidence = 1,
	};
	xf_point_rule r;
	return xf_point_rule_create(c, &in, &r) == XF_OK ? r.id : 0;
}

/* A day of the year y no later than today, or 0 if none is drawn. */
static int pick_day(const xf_demo_city *city, int y, xf_date today,
                    char out[11])
{
	xf_date d = {y, 1 + xf_demo_pick(city, 12), 1 + xf_demo_pick(city, 28)};
	if (xf_date_cmp(d, today) > 0)
		return 0;
	xf_date_format(d, out);
	return 1;
}

int xf_demo_points(const xf_demo_city *city)
{
	xf_arena a, la;
	xf_arena_init(&a, 0);
	xf_arena_init(&la, 0);
	xf_ctx c = *city->c;
	c.a = &a;
	int rc = -1;
	xf_date today = xf_date_today(c.now);
	char from[24];
	snprintf(from, sizeof from, "%d-01-01", today.y - 2);
	int64_t mr[6], orr[2];
	for (int i = 0; i < 6; i++)
		if (!(mr[i] = make_rule(&c, "member", &member_rules[i], from)))
			goto out;
	for (int i = 0; i < 2; i++)
		if (!(orr[i] = make_rule(&c, "org", &org_rules[i], from)))
			goto out;
	/* A rule changed from this year on: the rulebook has versions. */
	char now_from[24];
	snprintf(now_from, sizeof now_from, "%d-01-01", today.y);
	xf_point_rule_input ch = {
	    .points = 6, .has_points = 1, .valid_from = now_from};
	xf_point_rule changed;
	if (xf_point_rule_change(&c, mr[2], &ch, &changed) != XF_OK)
		goto out;
	int64_t reversed = 0;
	for (int b = 0; b < city->nbranches; b++) {
		/* the roster lives in its own arena: a is reset per member */
		xf_member_page p;
		xf_arena_reset(&la);
		c.a = &la;
		int lrc = xf_member_list(&c, city->branches[b], 0, NULL, NULL,
		                         0, 0, 200, &p);
		c.a = &a;
		if (lrc != XF_OK)
			goto out;
		for (int m = 0; m < p.n; m++) {
			for (int y = today.y - 2; y <= today.y; y++) {
				int n = 1 + xf_demo_pick(city, 4);
				for (int k = 0; k < n; k++) {
					char day[11];
					if (!pick_day(city, y, today, day))
						continue;
					int r = xf_demo_pick(city, 100);
					int ri = r < 25   ? 0
					         : r < 50 ? 1
					         : r < 75 ? 2
					         : r < 90 ? 3
					         : r < 94 ? 4
					                  : 5;
					xf_point_award_input in = {
					    .member_id = p.items[m].id,
					    .rule_id = mr[ri],
					    .reason = member_rules[ri].item,
					    .occurred_on = day};
					xf_point_result res;
					int e = xf_point_award(&c, &in, &res);
					if (e == XF_E_CONFLICT)
						continue; /* a vetoed year */
					if (e != XF_OK)
						goto out;
					if (!reversed && ri == 5)
						reversed = res.entry.id;
				}
			}
			/* this year's claims: most approved, some pending */
			if (xf_demo_pick(city, 3) == 0) {
				xf_point_claim_input in = {
				    .member_id = p.items[m].id,
				    .rule_id = mr[3],
				    .description = "参加社区志愿服务活动"};
				xf_point_claim cl;
				xf_point_result res;
				if (xf_point_claim_create(&c, &in, &cl, &res) !=
				    XF_OK)
					goto out;
				if (xf_demo_pick(city, 4) != 0 &&
				    xf_point_claim_approve(&c, cl.id,
				                           "情况属实", &cl,
				                           &res) != XF_OK)
					goto out;
			}
			xf_arena_reset(&a);
		}
		if (xf_demo_pick(city, 3) == 0) {
			char day[11];
			if (pick_day(city, today.y - 1, today, day)) {
				xf_point_award_input in = {
				    .org_id = city->branches[b],
				    .rule_id = orr[xf_demo_pick(city, 2)],
				    .reason = "年度考核认定",
				    .occurred_on = day};
				xf_point_result res;
				if (xf_point_award(&c, &in, &res) != XF_OK)
					goto out;
			}
		}
	}
	if (reversed) {
		xf_point_result res;
		if (xf_point_reverse(&c, reversed, "经核实为请假，冲正扣分",
		                     &res) != XF_OK)
			goto out;
	}
	rc = 0;
out:
	city->c->err = c.err;
	xf_arena_reset(&a);
	xf_arena_reset(&la);
	return rc;
}
