/*
 * campaigns.h - rules of special campaigns (专项行动): the code lists
 * (statuses, the 亮/比 kinds of items, the ratings) and the ranking of
 * the participants. Pure: no I/O.
 */
#ifndef XF_DOMAIN_CAMPAIGNS_H
#define XF_DOMAIN_CAMPAIGNS_H

#include "domain/codes.h"
#include "model/campaign.h"

/* open 进行中, closed 已结束. */
extern const xf_code xf_campaign_statuses[];
/* 亮 (亮身份、亮承诺…), 比 (比作风、比业绩…). */
extern const xf_code xf_campaign_item_kinds[];

/* Ratings of a report: 1 to 5, 5 the best (5 优秀, 4 良好, 3 一般,
 * 2 较差, 1 差). */
#define XF_CAMPAIGN_RATING_MIN 1
#define XF_CAMPAIGN_RATING_MAX 5

/* Sets each part's rating average (hundredths) from its sum and count. */
void xf_campaign_averages(xf_campaign_part *p, int n);
/* Orders the parts best first — the most items reported, then the best
 * average rating, then the organization path — and sets their rank:
 * equal counts and averages share a rank (1, 1, 3). scores and ranks
 * are the caller's scratch of n each. */
void xf_campaign_rank(xf_campaign_part *p, int n, int64_t *scores, int *ranks);

#endif
