/*
 * reviews.h - the rules of live review sessions (述职评议, 月度述职分享会):
 * how the judges' scores of a presenter become its result, and the grade
 * the result earns.
 *
 * Pure functions over plain structs: no allocation, no I/O.
 *
 * ---- The rules, as implemented ----------------------------------------
 *
 * Scores are kept in tenths (x10), as the scores of assessment.
 *
 * Per criterion, over the judges who scored it (a judge who left a
 * criterion empty is not counted for it):
 *   mean          the weighted mean of the scores;
 *   trimmed_mean  from 5 counted judges up, one highest and one lowest
 *                 score are dropped (one of each even when several judges
 *                 gave the same extreme), then the weighted mean of the
 *                 rest; with fewer than 5, the weighted mean of all.
 * Each judge carries a weight (>= 1; its role's: leaders, peers, staff);
 * the weighted mean is sum(w * s) / sum(w), rounded half up to a tenth.
 * The presenter's total is the sum of its criteria's results; its spread
 * is the highest minus the lowest total of a single judge over the
 * judges who scored every criterion (0 with fewer than 2 of them).
 *
 * Grades: the total as a percent of the criteria's maximum maps to 好
 * (>= good), 较好 (>= fair), 一般 (>= pass) and 差 (below); thresholds
 * default to 90, 80 and 60.
 */
#ifndef XF_DOMAIN_REVIEWS_H
#define XF_DOMAIN_REVIEWS_H

#include "domain/codes.h"
#include "model/review.h"

#include <stdint.h>

typedef enum { XF_RM_MEAN = 0, XF_RM_TRIMMED_MEAN } xf_review_method;
/* mean 平均分, trimmed_mean 去掉一个最高分和一个最低分 */
extern const xf_code xf_review_methods[];
/* 好, 较好, 一般, 差 by their codes good, fair, pass, poor. */
extern const xf_code xf_review_grades[];

/* One judge's scores of one presenter: x10 per criterion, -1 empty. */
typedef struct xf_judge_sheet {
	int weight; /* >= 1 */
	int score_x10[XF_REVIEW_MAX_CRITERIA];
} xf_judge_sheet;

typedef struct xf_review_result {
	int crit_x10[XF_REVIEW_MAX_CRITERIA]; /* -1: nobody scored it */
	int counted[XF_REVIEW_MAX_CRITERIA];  /* judges counted for it */
	int total_x10;
	int spread_x10;
	int judges; /* judges with at least one score */
} xf_review_result;

/* The result of one presenter from n sheets over ncrit criteria. */
void xf_review_aggregate(int method, const xf_judge_sheet *s, int n, int ncrit,
                         xf_review_result *out);

/* Thresholds (percent x10) of good, fair and pass. */
typedef struct xf_grade_rules {
	int good_x10, fair_x10, pass_x10;
} xf_grade_rules;
void xf_grade_rules_default(xf_grade_rules *g);
/* The grade code (good, fair, pass, poor) of a total out of max_x10. */
const char *xf_review_grade(const xf_grade_rules *g, int total_x10,
                            int max_x10);

#endif
