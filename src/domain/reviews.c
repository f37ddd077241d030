/*
 * reviews.c - scoring methods and grades of review sessions (reviews.h).
 */
#include "domain/reviews.h"

#include <stddef.h>

const xf_code xf_review_methods[] = {
    {"mean", "平均分"}, {"trimmed_mean", "去掉最高分和最低分"}, {NULL, NULL}};

const xf_code xf_review_grades[] = {{"good", "好"},
                                    {"fair", "较好"},
                                    {"pass", "一般"},
                                    {"poor", "差"},
                                    {NULL, NULL}};

/* sum / den rounded half up (both >= 0, den > 0). */
static int div_round(int64_t sum, int64_t den)
{
	return (int)((2 * sum + den) / (2 * den));
}

static int criterion(int method, const xf_judge_sheet *s, int n, int k,
                     int *counted)
{
	int64_t sum = 0, w = 0;
	int c = 0, hi = -1, lo = -1;
	for (int j = 0; j < n; j++) {
		int v = s[j].score_x10[k];
		if (v < 0)
			continue;
		c++;
		if (hi < 0 || v > s[hi].score_x10[k])
			hi = j;
		if (lo < 0 || v < s[lo].score_x10[k])
			lo = j;
	}
	int trim = method == XF_RM_TRIMMED_MEAN && c >= 5;
	for (int j = 0; j < n; j++) {
		int v = s[j].score_x10[k];
		if (v < 0 || (trim && (j == hi || j == lo)))
			continue;
		int wt = s[j].weight > 0 ? s[j].weight : 1;
		sum += (int64_t)wt * v;
		w += wt;
	}
	*counted = c;
	return w ? div_round(sum, w) : -1;
}

void xf_review_aggregate(int method, const xf_judge_sheet *s, int n, int ncrit,
                         xf_review_result *out)
{
	if (ncrit > XF_REVIEW_MAX_CRITERIA)
		ncrit = XF_REVIEW_MAX_CRITERIA;
	*out = (xf_review_result){0};
	for (int k = 0; k < XF_REVIEW_MAX_CRITERIA; k++)
		out->crit_x10[k] = -1;
	for (int k = 0; k < ncrit; k++) {
		out->crit_x10[k] = criterion(method, s, n, k, &out->counted[k]);
		if (out->crit_x10[k] > 0)
			out->total_x10 += out->crit_x10[k];
	}
	int full = 0, hi = 0, lo = 0;
	for (int j = 0; j < n; j++) {
		int t = 0, any = 0, all = 1;
		for (int k = 0; k < ncrit; k++) {
			if (s[j].score_x10[k] < 0) {
				all = 0;
				continue;
			}
			any = 1;
			t += s[j].score_x10[k];
		}
		out->judges += any;
		if (!all || !ncrit)
			continue;
		if (!full || t > hi)
			hi = t;
		if (!full || t < lo)
			lo = t;
		full++;
	}
	out->spread_x10 = full >= 2 ? hi - lo : 0;
}

void xf_grade_rules_default(xf_grade_rules *g)
{
	g->good_x10 = 900;
	g->fair_x10 = 800;
	g->pass_x10 = 600;
}

const char *xf_review_grade(const xf_grade_rules *g, int total_x10, int max_x10)
{
	if (max_x10 <= 0)
		return "poor";
	/* the percent in tenths, compared without rounding */
	int64_t pct = (int64_t)total_x10 * 1000;
	if (pct >= (int64_t)g->good_x10 * max_x10)
		return "good";
	if (pct >= (int64_t)g->fair_x10 * max_x10)
		return "fair";
	if (pct >= (int64_t)g->pass_x10 * max_x10)
		return "pass";
	return "poor";
}
