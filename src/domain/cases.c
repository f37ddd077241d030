/*
 * cases.c - the rules of case selection (cases.h): scores, tiers by
 * places with tie groups kept whole, honor level and grade.
 */
#include "domain/cases.h"

#include <string.h>

const xf_code xf_case_stages[] = {
    {"open", "征集中"},      {"closed", "评审中"},  {"selected", "已评定"},
    {"published", "公示中"}, {"decided", "已决定"}, {NULL, NULL},
};

const char *xf_case_stage_on(const char *stage, const char *deadline,
                             const char *today)
{
	if (strcmp(stage, "open") == 0 && strcmp(today, deadline) > 0)
		return "closed";
	return stage;
}

int xf_case_score(const xf_judge_sheet *s, int n, int ncrit)
{
	if (n <= 0)
		return -1;
	xf_review_result r;
	xf_review_aggregate(XF_RM_TRIMMED_MEAN, s, n, ncrit, &r);
	return r.total_x10;
}

void xf_case_tiers(const int *ranks, int n, const int *places, int ntiers,
                   int *tier)
{
	int t = 0, left = ntiers > 0 ? places[0] : 0;
	int i = 0;
	while (i < n) {
		int j = i + 1; /* the tie group is [i, j) */
		while (j < n && ranks[j] == ranks[i])
			j++;
		int size = j - i;
		/* the group goes down the tiers until one has room for all */
		while (t < ntiers && size > left) {
			t++;
			left = t < ntiers ? places[t] : 0;
		}
		for (int k = i; k < j; k++)
			tier[k] = t < ntiers ? t : -1;
		if (t < ntiers)
			left -= size;
		i = j;
	}
}

const char *xf_case_honor_level(const char *org_level)
{
	return org_level && strcmp(org_level, "city") == 0 ? "市级" : "县级";
}

const char *xf_case_honor_grade(const char *tier_name)
{
	if (tier_name &&
	    (strcmp(tier_name, "十佳") == 0 || strcmp(tier_name, "百优") == 0))
		return tier_name;
	return "优秀";
}
