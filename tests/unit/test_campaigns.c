/*
 * test_campaigns.c - unit tests of special campaigns' rules
 * (domain/campaigns.h): rating averages and the ranking — the most items
 * reported first, then the best average, ties sharing a rank, the
 * organization path breaking the order of equals.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/campaigns.h"

#include <string.h>

static void averages(void **state)
{
	(void)state;
	xf_campaign_part p[3] = {
	    {.rated = 2, .rating_sum = 9},
	    {.rated = 3, .rating_sum = 13},
	    {.rated = 0, .rating_sum = 0},
	};
	xf_campaign_averages(p, 3);
	assert_int_equal(p[0].rating_avg_x100, 450);
	assert_int_equal(p[1].rating_avg_x100, 433);
	assert_int_equal(p[2].rating_avg_x100, 0);
}

/* The part of organization org_id at path: reported items, rated of them
 * with ratings that sum to sum. */
static xf_campaign_part part(int64_t org_id, const char *path, int64_t reported,
                             int64_t rated, int64_t sum)
{
	return (xf_campaign_part){.org_id = org_id,
	                          .org_path = path,
	                          .reported = reported,
	                          .rated = rated,
	                          .rating_sum = sum};
}

static void ranking(void **state)
{
	(void)state;
	xf_campaign_part p[5] = {
	    part(1, "/1/", 2, 2, 10), part(2, "/2/", 3, 1, 1),
	    part(3, "/3/", 2, 2, 10), part(4, "/0/", 2, 2, 8),
	    part(5, "/5/", 0, 0, 0),
	};
	int64_t scores[5];
	int ranks[5];
	xf_campaign_averages(p, 5);
	xf_campaign_rank(p, 5, scores, ranks);
	/* 3 items beat any rating; equal items and average share rank 2,
	 * in path order; a lower average comes after them */
	const int64_t ids[5] = {2, 1, 3, 4, 5};
	const int want[5] = {1, 2, 2, 4, 5};
	for (int i = 0; i < 5; i++) {
		assert_int_equal(p[i].org_id, ids[i]);
		assert_int_equal(p[i].rank, want[i]);
	}
	xf_campaign_rank(p, 0, scores, ranks); /* nothing to rank */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(averages),
	    cmocka_unit_test(ranking),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
