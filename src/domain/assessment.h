/*
 * assessment.h - the rules of assessing organizations (考核): the
 * indicator tree of a scheme (考核办法) and its checks, the data sources
 * that turn a year's records into a raw value, the mappings that turn a
 * raw value into points, an organization's index (硬核指数), and star
 * ratings (星级评定) with their quotas.
 *
 * Pure functions over plain structs: no allocation, no I/O.
 *
 * ---- The rules, as implemented ----------------------------------------
 *
 * Points are kept in tenths (x10): a scheme of 100 points is 1000.
 *
 * The tree. Indicators form a tree of at most three levels (一级/二级/三级)
 * by `parent` codes. An indicator with children is a group: its points
 * are the sum of its children's, its max must equal the sum of their
 * max, and it has no source or mapping of its own. Children belong to the
 * same side as their parent: scored items (data, manual) under scored
 * groups, bonus under bonus, deduction under deduction; a veto item
 * (一票否决) is a leaf with max 0. The scored top level adds up to 100
 * points (total_x10, 1000 by default). Bonus items add on top of it, each
 * capped by its own max; deductions are taken off, each capped by its own
 * max; the index never goes below 0.
 *
 * Leaves. A data leaf has a source and a mapping. A manual leaf is scored
 * by the committee above (0..max, with a reason). A bonus or deduction
 * leaf is manual, or has a source and a mapping. A veto leaf is set or
 * not by the committee above; once set the organization is "vetoed" and
 * its stars are 1 whatever its points.
 *
 * Sources, over the year's figures of one organization (xf_org_figures);
 * each a percentage or a mean, and "no data" when there is nothing to
 * measure (no meeting needing a first topic, no slot due yet, no task due,
 * nothing accepted, no member):
 *   first_topic_rate   meetings that recorded the 第一议题 / meetings that
 *                      must open with it, x100;
 *   sanhui_rate        三会一课 slots held (on time or made up) / those due
 *                      (ended or held), x100;
 *   on_time_rate       required slots held on time / those due, x100;
 *   task_on_time_rate  tasks done on or before their due date / tasks due
 *                      (due date passed, or done), x100;
 *   acceptance_avg     mean year-end acceptance score (0..100) of the
 *                      org's accepted tasks;
 *   member_points_avg  the members' mean points of the year;
 *   org_points         the organization's own points of the year;
 *   review_score       the mean of the org's results in the year's closed
 *                      review sessions (述职评议), each as a percent of
 *                      the session's maximum;
 *   honors             the number of the year's entries in the honors
 *                      registry held by the organization or its members
 *                      (荣誉与成果; mapped by steps or rank, e.g. 省级
 *                      and up counted by a filter of the registry).
 * "Due" slots are those that ended in the year or were held: a slot still
 * open does not lower a rate mid-year, as the compliance board treats it.
 * No data scores full points by default (nothing was owed, nothing was
 * missed) or nothing when the indicator says {"no_data":"zero"}.
 *
 * Mappings of a raw value v to points of an indicator with max M:
 *   linear [from, to]  M * (v - from) / (to - from), clamped to 0..M
 *                      (from > to: lower is better);
 *   steps [[min, p]…]  p of the largest min <= v (none: 0), at most M;
 *   rank               among the peers (organizations of the same kind in
 *                      the scheme's subtree that have data): rank r of n
 *                      (competition ranks, ties share) scores
 *                      M * (n - r) / (n - 1), and M when n = 1; "asc"
 *                      ranks the lowest value first.
 * Points are rounded half up to a tenth.
 *
 * Stars. The index maps to stars by thresholds (5★ from min[0], 4★ from
 * min[1], 3★ from min[2], 2★ from min[3], else 1★; default 90/80/70/60);
 * 5★ may require a named bonus item to have scored (创新 item). A veto caps
 * at 1★. Quotas (percent of peers, 0: none) for 5★ and 4★ apply by rank:
 * the best-ranked keep the level while the count stays within
 * floor(peers * quota / 100); a tie group that would cross the quota
 * drops as a whole to the level below, and so does every row ranked
 * below it (stated on each row as capped). Stars lowered from 5 by the
 * 5★ quota then count against the 4★ quota.
 */
#ifndef XF_DOMAIN_ASSESSMENT_H
#define XF_DOMAIN_ASSESSMENT_H

#include "domain/codes.h"
#include "model/assessment.h"
#include "model/scheme.h"

#include <stdint.h>

#define XF_IND_MAX      64 /* indicators in one scheme */
#define XF_IND_CODE_MAX 32

typedef enum {
	XF_IND_DATA = 0,  /* 数据指标 */
	XF_IND_MANUAL,    /* 评分指标 */
	XF_IND_BONUS,     /* 加分项 */
	XF_IND_DEDUCTION, /* 扣分项 */
	XF_IND_VETO       /* 一票否决 */
} xf_ind_kind;
extern const xf_code xf_indicator_kinds[];

typedef enum {
	XF_SRC_FIRST_TOPIC_RATE = 0,
	XF_SRC_SANHUI_RATE,
	XF_SRC_ON_TIME_RATE,
	XF_SRC_TASK_ON_TIME_RATE,
	XF_SRC_ACCEPTANCE_AVG,
	XF_SRC_MEMBER_POINTS_AVG,
	XF_SRC_ORG_POINTS,
	XF_SRC_HONORS,
	XF_SRC_REVIEW_SCORE,
	XF_SRC_COUNT
} xf_source;
/* The sources with their Chinese names, in the order above. */
extern const xf_code xf_assessment_sources[];
/* 1 if the source is one of the sources above. */
int xf_source_ready(int src);

/* Totals of a checked tree. */
typedef struct xf_tree_totals {
	int scored_x10, bonus_x10, deduction_x10, vetoes;
} xf_tree_totals;

/* Checks the tree (rules above) and fills k, src, parent_ix, depth, leaf
 * and the totals; total_x10 is what the scored top level must add up to (1000).
 * Sorts each mapping's steps. Returns -1 when all is well, else the index
 * of the first faulty indicator (n for the tree as a whole) with msg (a
 * Chinese sentence naming the rule) and *field ("max", "parent", …). */
int xf_indicators_check(xf_indicator *ind, int n, int total_x10,
                        xf_tree_totals *tot, char msg[200], const char **field);

/* The year's figures of one organization, as the stores count them. */
typedef struct xf_org_figures {
	int ft_meetings, ft_recorded;
	int slots_due, slots_on_time;
	int sanhui_due, sanhui_held;
	int64_t tasks_due, tasks_on_time;
	int64_t accepted, score_sum;
	int64_t members, member_points;
	int64_t org_points;
	int reviews;                /* closed sessions' results of the org */
	int64_t review_pct_x10_sum; /* their totals, percent of max, x10 */
	int64_t honors; /* registry entries of the org and its members */
} xf_org_figures;

/* The raw value of a source: 1 and *v, or 0 when there is no data. */
int xf_source_value(int src, const xf_org_figures *f, double *v);

/* Points (x10) of raw value v under mapping m for an indicator of max
 * max_x10; for rank mappings, rank 1..peers among peers. */
int xf_mapping_points(const xf_mapping *m, double v, int max_x10, int rank,
                      int peers);

/* The index of one organization from its leaves' results: rolls groups up
 * (res of groups is filled), caps bonus and deduction, and answers the
 * index (x10) and whether a veto is set. */
typedef struct xf_index {
	int score_x10, scored_x10, bonus_x10, deduction_x10;
	int vetoed;
} xf_index;
void xf_index_roll_up(const xf_indicator *ind, int n, xf_ind_result *res,
                      xf_index *out);

void xf_star_rules_default(xf_star_rules *r);
/* Stars 1..5 of an index; five_ok: the 5★ requirement is met (or the
 * rules name none). */
int xf_stars_of(const xf_star_rules *r, int score_x10, int vetoed, int five_ok);
/* Applies the quotas to n peers in rank order (scores best first, equal
 * scores adjacent): lowers stars[] where a quota is full and sets
 * capped[i] to 1 on the rows it lowered. */
void xf_stars_quota(const xf_star_rules *r, const int64_t *scores, int n,
                    int *stars, int *capped);

/* The states of a star rating: self_assessed 已自评, reviewed 已评定,
 * decided 已认定; and the subjects of a 公示: points_board 先锋榜,
 * star_ratings 星级评定. */
extern const xf_code xf_star_rating_states[];
extern const xf_code xf_notice_subjects[];
/* The states of a scheme: draft 草稿, published 已发布 (in force),
 * replaced 已替换 (a newer version was published); and what a data
 * indicator scores without data: full 无数据得满分, zero 无数据不得分. */
extern const xf_code xf_scheme_states[];
extern const xf_code xf_indicator_no_data[];
/* The kinds of records an explanation shows behind an indicator:
 * missing_meeting, late_meeting, missing_first_topic, late_task. */
extern const xf_code xf_assessment_record_kinds[];

/* The schemes shipped as starting points (GET /api/schemes/templates):
 * "five_star" (五星创评: 8 indicators, 100 points and a 10-point 创新
 * bonus that 5★ requires; quotas 5★ 10%, 4★ 30%) and "fortress" (堡垒指数:
 * 共性 60 from the records, 个性 40 left open to the adopting committee,
 * 反向 deductions and a veto). */
typedef struct xf_scheme_template {
	const char *code, *name, *description;
	const char *org_kinds;
	const xf_indicator *ind;
	int nind;
	xf_star_rules stars;
} xf_scheme_template;
extern const xf_scheme_template xf_scheme_templates[];
extern const int xf_scheme_template_count;

/* Rounds a double of points to tenths, half up. */
int xf_points_x10(double points);

#endif
