/*
 * terms.c - the term lengths of committees by kind, the date arithmetic
 * of terms (end, reminder, days left, overdue) and the vote thresholds of
 * an election.
 */
#include "domain/terms.h"

#include <string.h>

const xf_code xf_term_positions[] = {
    {"secretary", "书记"},
    {"deputy_secretary", "副书记"},
    {"member", "委员"},
    {NULL, NULL},
};

const xf_code xf_term_states[] = {
    {"pending", "待上级批复"},
    {"approved", "已批复"},
    {NULL, NULL},
};

static const struct {
	const char *kind;
	int years;
} term_years[] = {
    {"party_committee", 5},
    {"organ_committee", 5},
    {"general_branch", 5},
    {"branch", 3},
};

int xf_term_years_of(const char *org_kind)
{
	if (!org_kind)
		return 0;
	for (size_t i = 0; i < sizeof term_years / sizeof term_years[0]; i++)
		if (strcmp(term_years[i].kind, org_kind) == 0)
			return term_years[i].years;
	return 0;
}

int xf_term_years_ok(int years)
{
	return years == 3 || years == 5;
}

xf_date xf_term_add_months(xf_date d, int months)
{
	int m0 = d.y * 12 + (d.m - 1) + months;
	xf_date out = {m0 / 12, m0 % 12 + 1, d.d};
	int last = xf_date_month_days(out.y, out.m);
	if (out.d > last)
		out.d = last;
	return out;
}

xf_date xf_term_ends_on(xf_date elected_on, int years)
{
	return xf_term_add_months(elected_on, 12 * years);
}

xf_date xf_term_reminder_on(xf_date ends_on)
{
	return xf_term_add_months(ends_on, -XF_TERM_REMIND_MONTHS);
}

int xf_term_days_left(xf_date ends_on, xf_date today)
{
	return (int)(xf_date_days(ends_on) - xf_date_days(today));
}

int xf_term_reminder_due(xf_date ends_on, xf_date today)
{
	return xf_date_cmp(today, xf_term_reminder_on(ends_on)) >= 0;
}

xf_date xf_term_remind_horizon(xf_date today)
{
	xf_date h = xf_term_add_months(today, XF_TERM_REMIND_MONTHS);
	if (today.d == xf_date_month_days(today.y, today.m))
		h.d = xf_date_month_days(h.y, h.m);
	return h;
}

int xf_term_overdue(xf_date ends_on, xf_date today)
{
	return xf_date_cmp(today, ends_on) > 0;
}

int xf_term_quorum_ok(int64_t present, int64_t entitled)
{
	if (present <= 0 || entitled <= 0 || present > entitled)
		return 0;
	return present * 5 > entitled * 4;
}

int xf_term_elected(int64_t votes_for, int64_t present)
{
	if (votes_for < 0 || votes_for > present)
		return 0;
	return votes_for * 2 > present;
}
