/*
 * visits.c - the kinds of trigger of 四必访 with their deadlines, and the
 * date arithmetic of visits owed.
 */
#include "domain/visits.h"

#include <string.h>

const xf_code xf_visit_kinds[] = {
    {"illness", "生病住院"},     {"hardship", "家庭困难"},
    {"major_event", "重大变故"}, {"mood", "思想波动"},
    {"other", "其他"},           {NULL, NULL},
};

const xf_code xf_visit_owners[] = {
    {"secretary", "支部书记"},
    {"committee", "上级党委"},
    {NULL, NULL},
};

/* The defaults: a serious event owes the committee a visit within three
 * days; the others the branch secretary within a week or two. */
static const xf_visit_rule rules[] = {
    {"illness", 7, "secretary"},     {"hardship", 15, "secretary"},
    {"major_event", 3, "committee"}, {"mood", 7, "secretary"},
    {"other", 15, "secretary"},
};

const xf_visit_rule *xf_visit_rule_of(const char *kind)
{
	if (!kind)
		return NULL;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].kind, kind) == 0)
			return &rules[i];
	return NULL;
}

int xf_visit_kind_code_ok(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 2 || n > 32 || code[0] < 'a' || code[0] > 'z')
		return 0;
	for (size_t i = 0; i < n; i++) {
		char ch = code[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      ch == '_'))
			return 0;
	}
	return xf_visit_rule_of(code) == NULL;
}

xf_date xf_visit_due_on(xf_date occurred_on, int days)
{
	return xf_date_from_days(xf_date_days(occurred_on) + days);
}

int xf_visit_days_left(xf_date due_on, xf_date today)
{
	return (int)(xf_date_days(due_on) - xf_date_days(today));
}

int xf_visit_on_time(xf_date visited_on, xf_date due_on)
{
	return xf_date_cmp(visited_on, due_on) <= 0;
}

int64_t xf_visit_coverage(int64_t on_time, int64_t owed)
{
	if (owed <= 0)
		return 0;
	return (on_time * 10000 + owed / 2) / owed;
}
