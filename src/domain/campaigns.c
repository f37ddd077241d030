/*
 * campaigns.c - code lists and the ranking of special campaigns.
 */
#include "domain/campaigns.h"

#include "domain/points.h"

#include <stdlib.h>
#include <string.h>

const xf_code xf_campaign_statuses[] = {
    {"open", "进行中"},
    {"closed", "已结束"},
    {NULL, NULL},
};

const xf_code xf_campaign_item_kinds[] = {
    {"亮", "亮"},
    {"比", "比"},
    {NULL, NULL},
};

void xf_campaign_averages(xf_campaign_part *p, int n)
{
	for (int i = 0; i < n; i++)
		p[i].rating_avg_x100 =
		    xf_points_average_x100(p[i].rating_sum, p[i].rated);
}

/* The one number a part is ranked by: items first, then the average
 * (at most 500 hundredths). */
static int64_t merit(const xf_campaign_part *p)
{
	return p->reported * 1000 + p->rating_avg_x100;
}

static int by_merit(const void *a, const void *b)
{
	const xf_campaign_part *x = a, *y = b;
	int64_t mx = merit(x), my = merit(y);
	if (mx != my)
		return mx > my ? -1 : 1;
	return strcmp(x->org_path ? x->org_path : "",
	              y->org_path ? y->org_path : "");
}

void xf_campaign_rank(xf_campaign_part *p, int n, int64_t *scores, int *ranks)
{
	if (n <= 0)
		return;
	qsort(p, (size_t)n, sizeof *p, by_merit);
	for (int i = 0; i < n; i++)
		scores[i] = merit(&p[i]);
	xf_points_ranks(scores, n, ranks);
	for (int i = 0; i < n; i++)
		p[i].rank = ranks[i];
}
