/*
 * test_programs.c - unit tests of the rules of creation programs
 * (domain/programs.h): the application's state machine and who may move
 * it, the timetable by dates, the conclusion the per-criterion verdicts
 * allow, when the committee may decide after the notice, and the honor's
 * level and title.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "domain/programs.h"

#include <string.h>

enum { APPLICANT = XF_PROGRAM_APPLICANT, COMMITTEE = XF_PROGRAM_COMMITTEE };

static const char *next_of(const char *state, xf_program_action a, int who,
                           const char *conclusion)
{
	const char *next = NULL;
	int rc = xf_program_transition(state, a, who, conclusion, &next);
	return rc == XF_PT_OK ? next : NULL;
}

static void a_draft_is_submitted_then_reviewed_then_a_candidate(void **state)
{
	(void)state;
	assert_string_equal(next_of("draft", XF_PA_EDIT, APPLICANT, NULL),
	                    "draft");
	assert_string_equal(next_of("draft", XF_PA_SUBMIT, APPLICANT, NULL),
	                    "submitted");
	assert_string_equal(next_of("submitted", XF_PA_REVIEW, COMMITTEE, NULL),
	                    "reviewed");
	assert_string_equal(next_of("reviewed", XF_PA_REVIEW, COMMITTEE, NULL),
	                    "reviewed");
	assert_string_equal(
	    next_of("reviewed", XF_PA_PUBLISH, COMMITTEE, "candidate"),
	    "candidate");
	assert_string_equal(
	    next_of("reviewed", XF_PA_PUBLISH, COMMITTEE, "rejected"),
	    "rejected");
	assert_string_equal(next_of("candidate", XF_PA_AWARD, COMMITTEE, NULL),
	                    "awarded");
	assert_string_equal(next_of("candidate", XF_PA_PASS, COMMITTEE, NULL),
	                    "not_awarded");
}

static void a_withdrawn_decision_makes_candidates_again(void **state)
{
	(void)state;
	assert_string_equal(next_of("awarded", XF_PA_UNDECIDE, COMMITTEE, NULL),
	                    "candidate");
	assert_string_equal(
	    next_of("not_awarded", XF_PA_UNDECIDE, COMMITTEE, NULL),
	    "candidate");
	assert_null(next_of("candidate", XF_PA_UNDECIDE, COMMITTEE, NULL));
	assert_null(next_of("awarded", XF_PA_UNDECIDE, APPLICANT, NULL));
}

static void each_side_does_only_its_own_steps(void **state)
{
	(void)state;
	const char *n;
	assert_int_equal(
	    xf_program_transition("draft", XF_PA_SUBMIT, COMMITTEE, NULL, &n),
	    XF_PT_ROLE);
	assert_int_equal(xf_program_transition("submitted", XF_PA_REVIEW,
	                                       APPLICANT, NULL, &n),
	                 XF_PT_ROLE);
	assert_int_equal(xf_program_transition("candidate", XF_PA_AWARD,
	                                       APPLICANT, NULL, &n),
	                 XF_PT_ROLE);
	/* the role is refused before the state is looked at */
	assert_int_equal(xf_program_transition("awarded", XF_PA_WITHDRAW,
	                                       COMMITTEE, NULL, &n),
	                 XF_PT_ROLE);
}

static void withdrawal_only_before_review(void **state)
{
	(void)state;
	assert_string_equal(next_of("draft", XF_PA_WITHDRAW, APPLICANT, NULL),
	                    "withdrawn");
	assert_string_equal(
	    next_of("submitted", XF_PA_WITHDRAW, APPLICANT, NULL), "withdrawn");
	assert_null(next_of("reviewed", XF_PA_WITHDRAW, APPLICANT, NULL));
	assert_null(next_of("candidate", XF_PA_WITHDRAW, APPLICANT, NULL));
	assert_null(next_of("withdrawn", XF_PA_SUBMIT, APPLICANT, NULL));
}

static void steps_out_of_order_are_refused(void **state)
{
	(void)state;
	assert_null(next_of("submitted", XF_PA_EDIT, APPLICANT, NULL));
	assert_null(next_of("submitted", XF_PA_SUBMIT, APPLICANT, NULL));
	assert_null(next_of("draft", XF_PA_REVIEW, COMMITTEE, NULL));
	assert_null(next_of("submitted", XF_PA_PUBLISH, COMMITTEE, NULL));
	assert_null(next_of("reviewed", XF_PA_PUBLISH, COMMITTEE, NULL));
	assert_null(next_of("reviewed", XF_PA_AWARD, COMMITTEE, NULL));
	assert_null(next_of("rejected", XF_PA_AWARD, COMMITTEE, NULL));
	assert_null(next_of("awarded", XF_PA_AWARD, COMMITTEE, NULL));
	assert_null(next_of("candidate", XF_PA_REVIEW, COMMITTEE, NULL));
}

static void the_timetable_runs_forward(void **state)
{
	(void)state;
	xf_program_dates ok = {"2026-03-01", "2026-03-31", "2026-04-30"};
	assert_int_equal(xf_program_dates_check(&ok), 0);
	xf_program_dates one_day = {"2026-03-01", "2026-03-01", "2026-03-01"};
	assert_int_equal(xf_program_dates_check(&one_day), 0);
	xf_program_dates close_first = {"2026-03-01", "2026-02-28",
	                                "2026-04-30"};
	assert_int_equal(xf_program_dates_check(&close_first), 2);
	xf_program_dates review_first = {"2026-03-01", "2026-03-31",
	                                 "2026-03-30"};
	assert_int_equal(xf_program_dates_check(&review_first), 3);
}

static void the_window_includes_its_first_and_last_day(void **state)
{
	(void)state;
	xf_program_dates d = {"2026-12-30", "2027-01-02", "2027-01-31"};
	assert_int_equal(xf_program_window(&d, "2026-12-29"), XF_WINDOW_BEFORE);
	assert_int_equal(xf_program_window(&d, "2026-12-30"), XF_WINDOW_OPEN);
	assert_int_equal(xf_program_window(&d, "2026-12-31"), XF_WINDOW_OPEN);
	assert_int_equal(xf_program_window(&d, "2027-01-02"), XF_WINDOW_OPEN);
	assert_int_equal(xf_program_window(&d, "2027-01-03"), XF_WINDOW_AFTER);
}

static void a_candidate_meets_every_required_criterion(void **state)
{
	(void)state;
	xf_program_verdict all_met[] = {{"met", 1}, {"met", 1}};
	assert_string_equal(xf_program_conclusion(all_met, 2), "candidate");
	xf_program_verdict optional_partly[] = {
	    {"met", 1}, {"partly", 0}, {"not_met", 0}};
	assert_string_equal(xf_program_conclusion(optional_partly, 3),
	                    "candidate");
	xf_program_verdict required_partly[] = {{"met", 1}, {"partly", 1}};
	assert_string_equal(xf_program_conclusion(required_partly, 2),
	                    "rejected");
	xf_program_verdict required_not_met[] = {{"not_met", 1}, {"met", 0}};
	assert_string_equal(xf_program_conclusion(required_not_met, 2),
	                    "rejected");
}

static void a_missing_verdict_leaves_no_conclusion(void **state)
{
	(void)state;
	xf_program_verdict gap[] = {{"met", 1}, {NULL, 0}};
	assert_null(xf_program_conclusion(gap, 2));
}

static void decision_waits_for_the_notice_and_the_answers(void **state)
{
	(void)state;
	assert_int_equal(xf_program_may_decide("2026-05-05", "2026-05-05", 0),
	                 1);
	assert_int_equal(xf_program_may_decide("2026-05-01", "2026-05-05", 0),
	                 1);
	assert_int_equal(xf_program_may_decide("2026-05-06", "2026-05-05", 0),
	                 0);
	assert_int_equal(xf_program_may_decide("2026-05-06", "2026-05-05", 2),
	                 2);
}

static void the_honor_reads_as_the_committee_names_it(void **state)
{
	(void)state;
	assert_string_equal(xf_program_honor_level("city"), "市级");
	assert_string_equal(xf_program_honor_level("county"), "县级");
	assert_string_equal(xf_program_honor_level("township"), "县级");
	char t[128];
	xf_program_honor_title(2026, "model", "市直机关创建", t, sizeof t);
	assert_string_equal(t, "2026年度模范机关");
	xf_program_honor_title(2027, "clean", "x", t, sizeof t);
	assert_string_equal(t, "2027年度清廉机关");
	xf_program_honor_title(2026, "other", "机关作风建设示范单位", t,
	                       sizeof t);
	assert_string_equal(t, "机关作风建设示范单位");
}

static void the_code_lists_have_labels(void **state)
{
	(void)state;
	assert_string_equal(xf_code_label(xf_program_kinds, "civil"),
	                    "文明机关");
	assert_true(xf_code_valid(xf_program_app_states, "not_awarded"));
	assert_true(xf_code_valid(xf_program_verdicts, "partly"));
	assert_true(xf_code_valid(xf_program_evidence_kinds, "duty"));
	assert_false(xf_code_valid(xf_program_conclusions, "awarded"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        a_draft_is_submitted_then_reviewed_then_a_candidate),
	    cmocka_unit_test(a_withdrawn_decision_makes_candidates_again),
	    cmocka_unit_test(each_side_does_only_its_own_steps),
	    cmocka_unit_test(withdrawal_only_before_review),
	    cmocka_unit_test(steps_out_of_order_are_refused),
	    cmocka_unit_test(the_timetable_runs_forward),
	    cmocka_unit_test(the_window_includes_its_first_and_last_day),
	    cmocka_unit_test(a_candidate_meets_every_required_criterion),
	    cmocka_unit_test(a_missing_verdict_leaves_no_conclusion),
	    cmocka_unit_test(decision_waits_for_the_notice_and_the_answers),
	    cmocka_unit_test(the_honor_reads_as_the_committee_names_it),
	    cmocka_unit_test(the_code_lists_have_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
