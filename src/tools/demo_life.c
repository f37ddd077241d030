/*
 * demo_life.c - the demo city's terms, dues and recruits, written through
 * the same use cases as the API (so every rule holds: term lengths, the
 * dues rates, the recruitment steps' dates).
 */
#include "tools/demo_life.h"

#include "base/date.h"
#include "domain/idnum.h"
#include "service/dues.h"
#include "service/members.h"
#include "service/recruits.h"
#include "service/terms.h"

#include <stdio.h>
#include <string.h>

static const char *fmt(xf_ctx *c, xf_date d)
{
	char b[11];
	xf_date_format(d, b);
	return xf_arena_strdup(c->a, b);
}

static xf_date days_before(xf_date d, int n)
{
	return xf_date_from_days(xf_date_days(d) - n);
}

/* The members of org's subtree (a committee's are in its branches), at
 * most max. */
static int members_of(xf_ctx *c, int64_t org, int max, xf_member_page *p)
{
	return xf_member_list(c, org, 1, NULL, NULL, 0, 0, max, p);
}

/* An election of org some time ago (staggered so that the board shows
 * terms running, due within 6 months and overdue), approved for most. */
static int term(const xf_demo_city *city, int64_t org, int i)
{
	xf_ctx *c = city->c;
	xf_member_page p;
	if (members_of(c, org, 5, &p) != XF_OK)
		return -1;
	if (p.n < 3)
		return 0;
	/* ages in days: new, mid-term, due within 6 months of a 3-year
	 * branch term, overdue */
	static const int ages[] = {200, 500, 950, 1200, 700, 1500};
	xf_date today = xf_date_today(c->now);
	xf_date on = days_before(today, ages[i % 6] + xf_demo_pick(city, 30));
	xf_term_position pos[3] = {
	    {p.items[0].id, NULL, "secretary", p.n},
	    {p.items[1].id, NULL, "deputy_secretary", p.n - 1},
	    {p.items[2].id, NULL, "member", p.n},
	};
	xf_term in = {.elected_on = fmt(c, on),
	              .entitled = p.n,
	              .present = p.n,
	              .positions = pos,
	              .npositions = 3};
	xf_term t;
	int rc = xf_term_create(c, org, &in, &t);
	if (rc == XF_E_INVALID) /* a kind without terms (机关工委…) */
		return 0;
	if (rc != XF_OK)
		return -1;
	if (i % 5 == 4) /* some wait for the higher committee */
		return 0;
	return xf_term_approve(c, t.id,
	                       fmt(c, xf_date_from_days(xf_date_days(on) + 20)),
	                       "组复〔批〕号", &t) == XF_OK
	           ? 0
	           : -1;
}

/* This year's bases of a branch's members and their payments up to the
 * last month (most paid; a few owe some months). */
static int dues(const xf_demo_city *city, int64_t branch)
{
	xf_ctx *c = city->c;
	xf_member_page p;
	if (members_of(c, branch, 40, &p) != XF_OK)
		return -1;
	xf_date today = xf_date_today(c->now);
	for (int i = 0; i < p.n; i++) {
		xf_dues_base b;
		int64_t income = 260000 + xf_demo_pick(city, 900000);
		int rc =
		    xf_dues_base_set(c, p.items[i].id, today.y,
		                     i % 9 == 8 ? "retired" : NULL, income, &b);
		if (rc != XF_OK)
			return -1;
		int paid_to = today.m - 1 - (i % 7 == 6 ? 2 : 0);
		for (int m = 1; m <= paid_to; m++) {
			char month[24];
			const char *months[1] = {month};
			snprintf(month, sizeof month, "%04d-%02d", today.y, m);
			xf_dues_payment *out;
			rc = xf_dues_pay(c, p.items[i].id, months, 1,
			                 b.monthly_fen, NULL, NULL, &out);
			if (rc != XF_OK && rc != XF_E_INVALID) /* not owed */
				return -1;
		}
	}
	return 0;
}

/* Two applicants of a branch: one who applied weeks ago and was talked
 * to, one who waits for the talk. */
static int recruits(const xf_demo_city *city, int64_t branch, int k)
{
	static const char *const names[] = {"林晓雨", "陈思远", "赵一凡",
	                                    "吴佳怡", "孙浩然", "周雨桐"};
	xf_ctx *c = city->c;
	xf_date today = xf_date_today(c->now);
	for (int j = 0; j < 2; j++) {
		int male = (k + j) % 2;
		xf_date birth = {1994 + xf_demo_pick(city, 8),
		                 1 + xf_demo_pick(city, 12),
		                 1 + xf_demo_pick(city, 28)};
		char idn[19], phone[12];
		xf_idnum_make("330203", birth,
		              xf_demo_pick(city, 400) * 2 + (male ? 1 : 0),
		              idn);
		snprintf(phone, sizeof phone, "139%08d",
		         xf_demo_pick(city, 100000000));
		xf_date applied = days_before(today, j ? 10 : 45);
		xf_recruit_input in = {.org_id = branch,
		                       .name = names[(2 * k + j) % 6],
		                       .gender = male ? "male" : "female",
		                       .id_number = idn,
		                       .phone = phone,
		                       .applied_on = fmt(c, applied)};
		xf_recruit_detail d;
		int rc = xf_recruit_create(c, &in, &d);
		if (rc == XF_E_CONFLICT) /* the same person drawn twice */
			continue;
		if (rc != XF_OK)
			return -1;
		if (j)
			continue;
		xf_recruit_entry e = {
		    .step = "talk", .done_on = fmt(c, days_before(today, 30))};
		if (xf_recruit_record(c, d.r.id, &e, &d) != XF_OK)
			return -1;
	}
	return 0;
}

int xf_demo_life(const xf_demo_city *city)
{
	for (int i = 0; i < city->ncommittees; i++)
		if (term(city, city->committees[i], i) != 0)
			return -1;
	for (int i = 0; i < city->nbranches; i++)
		if (term(city, city->branches[i], i) != 0)
			return -1;
	for (int i = 0; i < city->nbranches && i < 4; i++)
		if (dues(city, city->branches[i]) != 0 ||
		    recruits(city, city->branches[i], i) != 0)
			return -1;
	return 0;
}
