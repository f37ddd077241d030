/*
 * test_points.c - unit tests of the points rules (domain/points.h): caps,
 * floors, vetoes, forbidden items, rule versions by date and tie ranks.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "fixture.h"

#include <string.h>

#include "base/buf.h"
#include "base/jw.h"
#include "domain/points.h"

static xf_point_terms terms(int64_t points, int64_t cap)
{
	xf_point_terms t = {
	    .points = points, .cap = cap, .cap_period = XF_PERIOD_YEAR};
	return t;
}

/* What xf_points_grant grants under terms t in state s. */
static xf_point_grant grant(xf_point_terms t, xf_point_state s)
{
	xf_point_grant g;
	xf_points_grant(&t, &s, &g);
	return g;
}

/* What xf_points_grant grants under terms t in state s: points, capped
 * or not. */
static void assert_grant(xf_point_terms t, xf_point_state s, int64_t points,
                         bool capped)
{
	xf_point_grant g = grant(t, s);
	assert_int_equal(g.points, points);
	if (capped)
		assert_true(g.capped);
	else
		assert_false(g.capped);
}

/* xf_points_record_rule_check of a rule's subject, record kind, qualifier
 * and veto gives want, for each case. */
typedef struct {
	const char *subject, *kind, *qualifier;
	int veto;
	int want;
} record_rule_case;

static void check_record_rule(const record_rule_case *c)
{
	assert_int_equal(xf_points_record_rule_check(c->subject, c->kind,
	                                             c->qualifier, c->veto),
	                 c->want);
}
#define assert_record_rules(...)                                               \
	assert_each(record_rule_case, check_record_rule, __VA_ARGS__)

/* ---- caps ---------------------------------------------------------------- */

static void test_entry_below_the_cap_is_granted_in_full(void **state)
{
	(void)state;
	xf_point_terms t = terms(5, 20);
	xf_point_state s = {.used = 10, .year_total = 10};
	xf_point_grant g;
	assert_int_equal(xf_points_grant(&t, &s, &g), XF_POINTS_GRANTED);
	assert_int_equal(g.points, 5);
	assert_false(g.capped);
}

static void test_claim_beyond_the_cap_is_granted_up_to_the_cap(void **state)
{
	(void)state;
	assert_grant(terms(5, 20),
	             (xf_point_state){.used = 18, .year_total = 40}, 2, true);
}

static void test_full_cap_grants_zero_and_says_capped(void **state)
{
	(void)state;
	assert_grant(terms(5, 20),
	             (xf_point_state){.used = 20, .year_total = 40}, 0, true);
}

static void test_reversed_points_free_room_under_the_cap(void **state)
{
	(void)state;
	/* used: 20 - 5 reversed */
	assert_grant(terms(5, 20),
	             (xf_point_state){.used = 15, .year_total = 15}, 5, false);
}

static void test_no_cap_means_no_limit(void **state)
{
	(void)state;
	assert_grant(terms(7, 0),
	             (xf_point_state){.used = 1000000, .year_total = 1000000},
	             7, false);
}

static void test_deduction_cap_limits_the_total_deducted(void **state)
{
	(void)state;
	assert_grant(terms(-5, 8),
	             (xf_point_state){.used = -6, .year_total = 50}, -2, true);
}

/* ---- floors -------------------------------------------------------------- */

static void test_deduction_stops_at_the_floor(void **state)
{
	(void)state;
	xf_point_grant g =
	    grant(terms(-10, 0), (xf_point_state){.year_total = 4, .floor = 0});
	assert_int_equal(g.points, -4);
	assert_true(g.floored);
}

static void test_deduction_at_the_floor_grants_zero(void **state)
{
	(void)state;
	xf_point_grant g = grant(
	    terms(-3, 0), (xf_point_state){.year_total = 60, .floor = 60});
	assert_int_equal(g.points, 0);
	assert_true(g.floored);
}

static void test_floor_does_not_touch_awards(void **state)
{
	(void)state;
	xf_point_grant g =
	    grant(terms(3, 0), (xf_point_state){.year_total = -5, .floor = 0});
	assert_int_equal(g.points, 3);
	assert_false(g.floored);
}

static void test_negative_floor_allows_a_negative_year(void **state)
{
	(void)state;
	xf_point_grant g = grant(
	    terms(-10, 0), (xf_point_state){.year_total = 0, .floor = -6});
	assert_int_equal(g.points, -6);
}

/* ---- vetoes -------------------------------------------------------------- */

static void test_veto_zeroes_the_year(void **state)
{
	(void)state;
	xf_point_terms t = {.veto = 1, .cap_period = XF_PERIOD_YEAR};
	xf_point_state s = {.year_total = 87};
	xf_point_grant g;
	assert_int_equal(xf_points_grant(&t, &s, &g), XF_POINTS_GRANTED);
	assert_true(g.veto);
	assert_int_equal(g.points, -87);
}

static void test_vetoed_year_takes_no_more_entries(void **state)
{
	(void)state;
	xf_point_terms t = terms(5, 0);
	xf_point_state s = {.year_total = 0, .vetoed = 1};
	xf_point_grant g;
	assert_int_equal(xf_points_grant(&t, &s, &g), XF_POINTS_VETOED);
	assert_int_equal(g.points, 0);
	t.veto = 1;
	assert_int_equal(xf_points_grant(&t, &s, &g), XF_POINTS_VETOED);
}

static void test_only_the_veto_is_reversed_while_it_stands(void **state)
{
	(void)state;
	assert_true(xf_points_reversal_allowed(1, 1));
	assert_false(xf_points_reversal_allowed(0, 1));
	assert_true(xf_points_reversal_allowed(0, 0));
}

/* ---- forbidden items ----------------------------------------------------- */

static void test_engagement_metrics_are_forbidden(void **state)
{
	(void)state;
	const char *bad[] = {"文章点赞数",       "网络投票得票", "转发学习文章",
	                     "分享到朋友圈",     "点击量",       "每日签到",
	                     "学习时长满60分钟", "在线时长",     "打卡学习",
	                     "学习强国积分"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_true(xf_points_item_forbidden(bad[i]));
}

static void test_verified_outcomes_are_allowed(void **state)
{
	(void)state;
	const char *good[] = {"按时参加党员大会",       "讲授微党课",
	                      "志愿服务满8小时",        "获市级表彰",
	                      "在月度述职分享会上述职", "违反廉洁纪律"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_false(xf_points_item_forbidden(good[i]));
	assert_false(xf_points_item_forbidden(NULL));
}

static void test_categories_are_the_six_of_the_rulebook(void **state)
{
	(void)state;
	assert_true(xf_points_category_valid("政治学习"));
	assert_true(xf_points_category_valid("负面清单"));
	assert_false_for(xf_points_category_valid(str), "点赞", "", NULL);
}

/* ---- versions ------------------------------------------------------------ */

static void test_version_on_a_date_is_the_one_in_force(void **state)
{
	(void)state;
	xf_point_span v[] = {{"2024-01-01", "2024-07-01"},
	                     {"2024-07-01", "2025-01-01"},
	                     {"2025-01-01", NULL}};
	assert_int_equal(xf_points_version_on(v, 3, "2023-12-31"), -1);
	assert_int_equal(xf_points_version_on(v, 3, "2024-01-01"), 0);
	assert_int_equal(xf_points_version_on(v, 3, "2024-06-30"), 0);
	assert_int_equal(xf_points_version_on(v, 3, "2024-07-01"), 1);
	assert_int_equal(xf_points_version_on(v, 3, "2025-01-01"), 2);
	assert_int_equal(xf_points_version_on(v, 3, "2099-01-01"), 2);
	assert_int_equal(xf_points_version_on(v, 3, NULL), -1);
}

static void test_new_version_starts_after_the_latest(void **state)
{
	(void)state;
	assert_true(xf_points_version_from_ok("2024-01-01", "2024-01-02"));
	assert_false(xf_points_version_from_ok("2024-01-01", "2024-01-01"));
	assert_false(xf_points_version_from_ok("2024-01-01", "2023-12-31"));
	assert_false(xf_points_version_from_ok(NULL, "2024-01-01"));
}

static void test_periods_of_a_day(void **state)
{
	(void)state;
	char m[12], q[12], y[12];
	xf_points_periods((xf_date){2024, 8, 15}, m, q, y);
	assert_string_equal(m, "2024-08");
	assert_string_equal(q, "2024Q3");
	assert_string_equal(y, "2024");
}

/* ---- ranks --------------------------------------------------------------- */

static void test_ties_share_a_rank_and_the_next_skips(void **state)
{
	(void)state;
	int64_t s[] = {100, 100, 90, 80, 80, 80, 10};
	int r[7];
	xf_points_ranks(s, 7, r);
	int want[] = {1, 1, 3, 4, 4, 4, 7};
	for (int i = 0; i < 7; i++)
		assert_int_equal(r[i], want[i]);
}

static void test_averages_round_half_away_from_zero(void **state)
{
	(void)state;
	assert_int_equal(xf_points_average_x100(10, 3), 333);
	assert_int_equal(xf_points_average_x100(20, 3), 667);
	assert_int_equal(xf_points_average_x100(-20, 3), -667);
	assert_int_equal(xf_points_average_x100(1, 8), 13);
	assert_int_equal(xf_points_average_x100(5, 0), 0);
}

static void test_averages_are_written_with_two_decimals(void **state)
{
	(void)state;
	xf_buf b;
	xf_jw w;
	xf_buf_init(&b, 256);
	xf_jw_init(&w, &b);
	xf_jw_arr(&w);
	xf_jw_x100(&w, 1235);
	xf_jw_x100(&w, -50);
	xf_jw_x100(&w, 7);
	xf_jw_x100(&w, 0);
	xf_jw_x100(&w, INT64_MIN);
	xf_jw_arr_end(&w);
	assert_string_equal(b.data, "[12.35,-0.50,0.07,0.00,"
	                            "-92233720368547758.08]");
	xf_buf_free(&b);
}

/* ---- points written from records ------------------------------------ */

static void test_record_rules_name_a_kind_for_the_right_subject(void **state)
{
	(void)state;
	assert_record_rules(
	    {"member", NULL, NULL, 0, XF_RECORD_RULE_OK},
	    {"member", "", "", 0, XF_RECORD_RULE_OK},
	    {"member", "meeting_attendance", "party_lecture", 0,
	     XF_RECORD_RULE_OK},
	    {"org", "meeting_held", NULL, 0, XF_RECORD_RULE_OK},
	    {"org", "first_topic", NULL, 0, XF_RECORD_RULE_OK},
	    {"member", "first_topic", NULL, 0, XF_RECORD_RULE_OK},
	    {"org", "milestone_on_time", NULL, 0, XF_RECORD_RULE_OK},
	    {"member", "duty_evidence_accepted", NULL, 0, XF_RECORD_RULE_OK},
	    {"org", "meeting_attendance", NULL, 0, XF_RECORD_RULE_SUBJECT},
	    {"member", "milestone_on_time", NULL, 0, XF_RECORD_RULE_SUBJECT},
	    {"org", "duty_evidence_accepted", NULL, 0, XF_RECORD_RULE_SUBJECT},
	    {"member", "likes", NULL, 0, XF_RECORD_RULE_UNKNOWN});
}

static void test_only_meeting_kinds_qualify_meeting_records(void **state)
{
	(void)state;
	assert_record_rules(
	    {"member", "meeting_attendance", "coffee", 0,
	     XF_RECORD_RULE_QUALIFIER},
	    {"org", "milestone_on_time", "party_lecture", 0,
	     XF_RECORD_RULE_QUALIFIER},
	    {"member", NULL, "party_lecture", 0, XF_RECORD_RULE_QUALIFIER},
	    {"member", "meeting_attendance", NULL, 1, XF_RECORD_RULE_VETO});
}

static void test_a_rule_matches_its_kind_and_qualifier(void **state)
{
	(void)state;
	assert_true(xf_points_record_matches(
	    "meeting_attendance", NULL, "meeting_attendance", "party_lecture"));
	assert_true(
	    xf_points_record_matches("meeting_attendance", "party_lecture",
	                             "meeting_attendance", "party_lecture"));
	assert_false(
	    xf_points_record_matches("meeting_attendance", "party_lecture",
	                             "meeting_attendance", "theme_day"));
	assert_false(xf_points_record_matches(
	    "meeting_attendance", "party_lecture", "meeting_attendance", NULL));
	assert_false(xf_points_record_matches("meeting_held", NULL,
	                                      "meeting_attendance", NULL));
	assert_false(
	    xf_points_record_matches(NULL, NULL, "meeting_attendance", NULL));
}

static void test_present_and_late_attend_leave_and_absence_do_not(void **state)
{
	(void)state;
	assert_true_for(xf_points_attended(str), "present", "late");
	assert_false_for(xf_points_attended(str), "absent", "sick_leave", NULL);
}

static void test_milestone_on_time_is_done_by_its_due_date(void **state)
{
	(void)state;
	assert_true(xf_points_milestone_on_time("2024-06-30", "2024-06-30"));
	assert_true(xf_points_milestone_on_time("2024-06-30", "2024-06-01"));
	assert_false(xf_points_milestone_on_time("2024-06-30", "2024-07-01"));
	assert_false(xf_points_milestone_on_time("2024-06-30", NULL));
}

static void test_ledger_evidence_scores_no_second_time(void **state)
{
	(void)state;
	assert_true(xf_points_duty_evidence_counts("record"));
	assert_true(xf_points_duty_evidence_counts("meeting"));
	assert_false(xf_points_duty_evidence_counts("ledger"));
}

static void test_diff_keeps_equal_entries_reverses_the_rest(void **state)
{
	(void)state;
	xf_point_record_key have[] = {
	    {1, "attendance:5:1", "2024-03-01", 0},
	    {1, "attendance:5:2", "2024-03-01", 0},
	    {1, "attendance:5:2", "2024-03-01", 0}, /* a double */
	    {2, "meeting:5", "2024-03-01", 0},
	};
	xf_point_record_key want[] = {
	    {1, "attendance:5:2", "2024-03-01", 0}, /* unchanged */
	    {1, "attendance:5:3", "2024-03-01", 0}, /* new */
	    {2, "meeting:5", "2024-03-02", 0},      /* moved a day */
	    {1, "attendance:5:3", "2024-03-01", 0}, /* asked twice */
	};
	xf_points_records_diff(have, 4, want, 4);
	assert_int_equal(have[0].keep, 0); /* member 1 gone: reversed */
	assert_int_equal(have[1].keep, 1);
	assert_int_equal(have[2].keep, 0); /* the double is reversed */
	assert_int_equal(have[3].keep, 0); /* moved: reversed, */
	assert_int_equal(want[0].keep, 1);
	assert_int_equal(want[1].keep, 0);
	assert_int_equal(want[2].keep, 0); /* and written anew */
	assert_int_equal(want[3].keep, 1); /* written once */
}

static void test_diff_of_nothing_against_entries_reverses_all(void **state)
{
	(void)state;
	xf_point_record_key have[] = {{7, "milestone:9", "2024-05-05", 1}};
	xf_points_records_diff(have, 1, NULL, 0);
	assert_int_equal(have[0].keep, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_entry_below_the_cap_is_granted_in_full),
	    cmocka_unit_test(
	        test_claim_beyond_the_cap_is_granted_up_to_the_cap),
	    cmocka_unit_test(test_full_cap_grants_zero_and_says_capped),
	    cmocka_unit_test(test_reversed_points_free_room_under_the_cap),
	    cmocka_unit_test(test_no_cap_means_no_limit),
	    cmocka_unit_test(test_deduction_cap_limits_the_total_deducted),
	    cmocka_unit_test(test_deduction_stops_at_the_floor),
	    cmocka_unit_test(test_deduction_at_the_floor_grants_zero),
	    cmocka_unit_test(test_floor_does_not_touch_awards),
	    cmocka_unit_test(test_negative_floor_allows_a_negative_year),
	    cmocka_unit_test(test_veto_zeroes_the_year),
	    cmocka_unit_test(test_vetoed_year_takes_no_more_entries),
	    cmocka_unit_test(test_only_the_veto_is_reversed_while_it_stands),
	    cmocka_unit_test(test_engagement_metrics_are_forbidden),
	    cmocka_unit_test(test_verified_outcomes_are_allowed),
	    cmocka_unit_test(test_categories_are_the_six_of_the_rulebook),
	    cmocka_unit_test(test_version_on_a_date_is_the_one_in_force),
	    cmocka_unit_test(test_new_version_starts_after_the_latest),
	    cmocka_unit_test(test_periods_of_a_day),
	    cmocka_unit_test(test_ties_share_a_rank_and_the_next_skips),
	    cmocka_unit_test(test_averages_round_half_away_from_zero),
	    cmocka_unit_test(test_averages_are_written_with_two_decimals),
	    cmocka_unit_test(
	        test_record_rules_name_a_kind_for_the_right_subject),
	    cmocka_unit_test(test_only_meeting_kinds_qualify_meeting_records),
	    cmocka_unit_test(test_a_rule_matches_its_kind_and_qualifier),
	    cmocka_unit_test(
	        test_present_and_late_attend_leave_and_absence_do_not),
	    cmocka_unit_test(test_milestone_on_time_is_done_by_its_due_date),
	    cmocka_unit_test(test_ledger_evidence_scores_no_second_time),
	    cmocka_unit_test(test_diff_keeps_equal_entries_reverses_the_rest),
	    cmocka_unit_test(test_diff_of_nothing_against_entries_reverses_all),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
