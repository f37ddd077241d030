/*
 * cases.h - the rules of case selection (十佳/百优 案例, 实践范例): a
 * submission's score from its reviewers' sheets, the ranking, and the
 * tiers a ranking earns by the places of each tier; the stages of a call;
 * the honor level an organization's level awards at.
 *
 * Pure functions over plain values: no allocation, no I/O.
 *
 * ---- The rules, as implemented ----------------------------------------
 *
 * Score: each criterion's trimmed mean over the reviewers who scored the
 * submission (xf_review_aggregate, XF_RM_TRIMMED_MEAN: from 5 reviewers up
 * one highest and one lowest are dropped, else the mean), summed over the
 * criteria; in tenths. A submission nobody scored has no score.
 *
 * Ranks: competition ranks of the scores, best first (xf_points_ranks:
 * 95, 95, 90 → 1, 1, 3).
 *
 * Tiers: filled in order (十佳 first), each with its places. The
 * submissions of one tie group (equal rank) are never split: a group
 * enters a tier only if all of it fits in the places left there;
 * otherwise the tier closes (its remaining places stay empty) and the
 * whole group, and everything after it, goes on to the next tier. A
 * group that fits no tier is not selected.
 */
#ifndef XF_DOMAIN_CASES_H
#define XF_DOMAIN_CASES_H

#include "domain/codes.h"
#include "domain/reviews.h"

/* The most places a tier may have. */
#define XF_CASE_MAX_PLACES 1000

/* The stages of a call: open 征集中, closed 评审中 (submissions ended),
 * selected 已评定, published 公示中, decided 已决定. */
extern const xf_code xf_case_stages[];

/* The stage of a call on today (YYYY-MM-DD) from its stored stage: an
 * open call past its deadline (today later than the deadline, both
 * dates in Asia/Shanghai) is closed; a deadline of today still takes
 * submissions until the day ends. */
const char *xf_case_stage_on(const char *stage, const char *deadline,
                             const char *today);

/* The score (x10) of one submission from n sheets over ncrit criteria;
 * -1 when n is 0. */
int xf_case_score(const xf_judge_sheet *s, int n, int ncrit);

/*
 * The tier of each of n ranked submissions: ranks[] are competition ranks
 * in order, best first (xf_points_ranks); places[t] the places of tier t
 * for ntiers tiers. Writes tier[i] (0-based) or -1 (not selected).
 */
void xf_case_tiers(const int *ranks, int n, const int *places, int ntiers,
                   int *tier);

/* The honor level (xf_honor_levels) a selection by an organization of
 * org_level (xf_org_levels: city, county, township) awards: 市级 for the
 * city, 县级 below it (the registry has no township level). */
const char *xf_case_honor_level(const char *org_level);

/* The honor grade of a tier name: the name itself if it is 十佳 or 百优,
 * else 优秀. */
const char *xf_case_honor_grade(const char *tier_name);

#endif
