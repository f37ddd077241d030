/* judge_sheet.h - a judge's score sheet as the unit tests of scoring
 * (reviews, cases) build it: a weight and the first two criteria's scores,
 * the other criteria left empty. */
#ifndef XF_TEST_JUDGE_SHEET_H
#define XF_TEST_JUDGE_SHEET_H

#include "domain/reviews.h"

/* A sheet of weight w with scores a and b (x10; -1 empty). */
static inline xf_judge_sheet xf_test_sheet(int w, int a, int b)
{
	xf_judge_sheet s = {.weight = w};
	for (int k = 0; k < XF_REVIEW_MAX_CRITERIA; k++)
		s.score_x10[k] = -1;
	s.score_x10[0] = a;
	s.score_x10[1] = b;
	return s;
}

#endif
