/*
 * test_recruit.c - unit tests of 发展党员's rules (domain/recruit.h):
 * every deadline at its boundary (one month, exactly one year from a
 * 29 February, 3 and 6 months), the counts (考察, 思想汇报, 培训, the
 * votes of a branch meeting), prerequisites, repeats, the 预备期 and its
 * extension, the stage and the next step with its due date.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include "dates.h"
#include "domain/recruit.h"

#include <string.h>

/* A file being built: records appended in order. */
typedef struct file {
	xf_recruit_rec recs[64];
	xf_recruit_file f;
} file;

static void init(file *x)
{
	memset(x, 0, sizeof *x);
	x->f.recs = x->recs;
}

static xf_recruit_rec rec(int step, const char *on)
{
	xf_recruit_rec r;
	memset(&r, 0, sizeof r);
	r.step = step;
	r.on = test_day(on);
	if (step == XF_RS_VOTE || step == XF_RS_CONV_VOTE) {
		r.members = 10;
		r.present = 8;
		r.yes = 8;
	}
	if (step == XF_RS_CULTURE) {
		r.assessments = 2;
		r.reports = 4;
	}
	if (step == XF_RS_TRAINING)
		r.training_days = 3;
	return r;
}

static const char *TODAY = "2030-01-01";

/* Checks r against x; returns the rule broken or NULL. */
static const char *try_rec(file *x, xf_recruit_rec r)
{
	static xf_recruit_verdict v;
	if (xf_recruit_check(&x->f, &r, test_day(TODAY), &v) != 0)
		return v.rule;
	return NULL;
}

/* Records r, which must be allowed. */
static void add(file *x, xf_recruit_rec r)
{
	const char *rule = try_rec(x, r);
	if (rule)
		fail_msg("step %d on %04d-%02d-%02d refused: %s", r.step + 1,
		         r.on.y, r.on.m, r.on.d, rule);
	x->recs[x->f.n++] = r;
}

static void add_at(file *x, int step, const char *on)
{
	add(x, rec(step, on));
}

/* Application to 发展对象 with the 政审 on vetting_on. */
static void to_committee(file *x, const char *vetting_on)
{
	add_at(x, XF_RS_APPLY, "2024-01-10");
	add_at(x, XF_RS_TALK, "2024-01-20");
	add_at(x, XF_RS_ACTIVIST, "2024-02-29");
	add_at(x, XF_RS_ACTIVIST_FILED, "2024-03-05");
	add_at(x, XF_RS_MENTORS, "2024-03-05");
	add_at(x, XF_RS_CULTURE, "2025-02-28");
	add_at(x, XF_RS_CANDIDATE, "2025-03-01");
	add_at(x, XF_RS_CANDIDATE_FILED, "2025-03-02");
	add_at(x, XF_RS_SPONSORS, "2025-03-02");
	add_at(x, XF_RS_VETTING, vetting_on);
	add_at(x, XF_RS_TRAINING, "2025-03-10");
	add_at(x, XF_RS_COMMITTEE, "2025-04-01");
}

/* ... to the approval on approval_on (vote on 2025-05-15). */
static void to_approval(file *x, const char *approval_on)
{
	to_committee(x, "2025-03-05");
	add_at(x, XF_RS_PRE_REVIEW, "2025-05-01");
	add_at(x, XF_RS_FORM, "2025-05-05");
	add_at(x, XF_RS_VOTE, "2025-05-15");
	add_at(x, XF_RS_HIGHER_TALK, "2025-05-20");
	add_at(x, XF_RS_APPROVAL, approval_on);
}

static void add_months_clamps_to_the_end_of_the_month(void **state)
{
	(void)state;
	char s[11];
	xf_date_format(xf_date_add_months(test_day("2024-02-29"), 12), s);
	assert_string_equal(s, "2025-02-28");
	xf_date_format(xf_date_add_months(test_day("2024-01-31"), 1), s);
	assert_string_equal(s, "2024-02-29");
	xf_date_format(xf_date_add_months(test_day("2024-11-30"), 3), s);
	assert_string_equal(s, "2025-02-28");
	xf_date_format(xf_date_add_months(test_day("2024-03-31"), -1), s);
	assert_string_equal(s, "2024-02-29");
	xf_date_format(xf_date_add_months(test_day("2024-12-15"), 1), s);
	assert_string_equal(s, "2025-01-15");
}

static void the_table_has_25_steps_in_5_phases(void **state)
{
	(void)state;
	assert_int_equal(xf_code_count(xf_recruit_steps), 25);
	assert_int_equal(xf_code_count(xf_recruit_stages), 5);
	for (int i = 0; i < XF_RS_COUNT; i++) {
		assert_int_equal(xf_recruit_step_of(xf_recruit_steps[i].code),
		                 i);
		assert_true(xf_recruit_table[i].phase >= 1 &&
		            xf_recruit_table[i].phase <= 5);
		for (int k = 0; xf_recruit_table[i].prereq[k] >= 0; k++)
			assert_true(xf_recruit_table[i].prereq[k] < i);
	}
	assert_int_equal(xf_recruit_step_of("nope"), -1);
}

static void an_applicant_must_be_eighteen(void **state)
{
	(void)state;
	file x;
	init(&x);
	x.f.birth = test_day("2006-03-15");
	assert_string_equal(try_rec(&x, rec(XF_RS_APPLY, "2024-03-14")),
	                    "under_age");
	assert_null(try_rec(&x, rec(XF_RS_APPLY, "2024-03-15")));
}

static void a_step_needs_its_prerequisite(void **state)
{
	(void)state;
	file x;
	init(&x);
	assert_string_equal(try_rec(&x, rec(XF_RS_TALK, "2024-01-01")),
	                    "missing_prereq");
	add_at(&x, XF_RS_APPLY, "2024-01-10");
	assert_string_equal(try_rec(&x, rec(XF_RS_TALK, "2024-01-09")),
	                    "too_early");
	assert_string_equal(try_rec(&x, rec(XF_RS_ACTIVIST, "2024-02-01")),
	                    "missing_prereq");
	assert_string_equal(try_rec(&x, rec(XF_RS_APPLY, "2024-01-11")),
	                    "already_done");
	assert_string_equal(try_rec(&x, rec(XF_RS_TALK, "2030-01-02")),
	                    "future");
}

static void the_talk_is_due_one_month_after_the_application(void **state)
{
	(void)state;
	file x;
	init(&x);
	add_at(&x, XF_RS_APPLY, "2024-01-31");
	xf_recruit_due d;
	xf_recruit_next(&x.f, test_day("2024-02-29"), &d);
	assert_int_equal(d.next, XF_RS_TALK);
	assert_int_equal(d.due_step, XF_RS_TALK);
	assert_true(d.deadline);
	assert_int_equal(d.days_left, 0);
	assert_false(d.overdue);
	xf_recruit_next(&x.f, test_day("2024-03-01"), &d);
	assert_int_equal(d.days_left, -1);
	assert_true(d.overdue);
	/* late is flagged, not refused */
	assert_null(try_rec(&x, rec(XF_RS_TALK, "2024-03-10")));
}

static void the_culture_lasts_exactly_one_year(void **state)
{
	(void)state;
	file x;
	init(&x);
	add_at(&x, XF_RS_APPLY, "2024-01-10");
	add_at(&x, XF_RS_TALK, "2024-01-20");
	add_at(&x, XF_RS_ACTIVIST, "2024-02-29");
	add_at(&x, XF_RS_ACTIVIST_FILED, "2024-03-01");
	add_at(&x, XF_RS_MENTORS, "2024-03-01");
	assert_string_equal(try_rec(&x, rec(XF_RS_CULTURE, "2025-02-27")),
	                    "too_early");
	assert_null(try_rec(&x, rec(XF_RS_CULTURE, "2025-02-28")));
	xf_recruit_due d;
	xf_recruit_next(&x.f, test_day("2024-12-28"), &d);
	assert_int_equal(d.next, XF_RS_CULTURE);
	assert_false(d.deadline);
	assert_int_equal(d.due_on.y, 2025);
	assert_int_equal(d.due_on.m, 2);
	assert_int_equal(d.due_on.d, 28);
	assert_int_equal(d.days_left, 62);
	assert_false(d.overdue);
}

static void the_culture_counts_assessments_and_reports(void **state)
{
	(void)state;
	file x;
	init(&x);
	add_at(&x, XF_RS_APPLY, "2024-01-10");
	add_at(&x, XF_RS_TALK, "2024-01-20");
	add_at(&x, XF_RS_ACTIVIST, "2024-03-01");
	add_at(&x, XF_RS_ACTIVIST_FILED, "2024-03-01");
	add_at(&x, XF_RS_MENTORS, "2024-03-01");
	xf_recruit_rec r = rec(XF_RS_CULTURE, "2025-03-01");
	r.assessments = 1;
	assert_string_equal(try_rec(&x, r), "assessments");
	r.assessments = 2;
	r.reports = 3;
	assert_string_equal(try_rec(&x, r), "reports");
	r.reports = 4;
	assert_null(try_rec(&x, r));
	/* 18 months: 3 assessments and 6 reports */
	r.on = test_day("2025-09-01");
	assert_string_equal(try_rec(&x, r), "assessments");
	r.assessments = 3;
	assert_string_equal(try_rec(&x, r), "reports");
	r.reports = 6;
	assert_null(try_rec(&x, r));
}

static void training_needs_three_days_or_24_hours(void **state)
{
	(void)state;
	file x;
	init(&x);
	to_committee(&x, "2025-03-05");
	x.f.n -= 2; /* drop training and committee review */
	xf_recruit_rec r = rec(XF_RS_TRAINING, "2025-03-10");
	r.training_days = 2;
	r.training_hours = 23;
	assert_string_equal(try_rec(&x, r), "training");
	r.training_hours = 24;
	assert_null(try_rec(&x, r));
	r.training_hours = 0;
	r.training_days = 3;
	assert_null(try_rec(&x, r));
}

static void vetting_is_valid_exactly_one_year(void **state)
{
	(void)state;
	file x;
	init(&x);
	to_committee(&x, "2025-03-05");
	assert_null(try_rec(&x, rec(XF_RS_PRE_REVIEW, "2026-03-05")));
	assert_string_equal(try_rec(&x, rec(XF_RS_PRE_REVIEW, "2026-03-06")),
	                    "vetting_expired");
	/* a new 政审, then a new committee review, and the 预审 passes */
	add_at(&x, XF_RS_VETTING, "2026-03-10");
	assert_string_equal(try_rec(&x, rec(XF_RS_PRE_REVIEW, "2026-03-12")),
	                    "missing_prereq");
	add_at(&x, XF_RS_COMMITTEE, "2026-03-11");
	assert_null(try_rec(&x, rec(XF_RS_PRE_REVIEW, "2026-03-12")));
}

static void the_vote_counts(void **state)
{
	(void)state;
	xf_recruit_verdict v;
	/* 10 members, 2 excused: 8 entitled; 5 present is more than half */
	assert_int_equal(xf_recruit_vote_check(10, 2, 5, 5, &v), 0);
	assert_int_equal(xf_recruit_vote_check(10, 2, 4, 4, &v), -1);
	assert_string_equal(v.rule, "vote_quorum");
	assert_string_equal(v.field, "present");
	assert_int_equal(xf_recruit_vote_check(10, 2, 8, 4, &v), -1);
	assert_string_equal(v.rule, "vote_majority");
	assert_int_equal(xf_recruit_vote_check(10, 2, 8, 5, &v), 0);
	/* odd: 7 entitled, 4 is more than half */
	assert_int_equal(xf_recruit_vote_check(7, 0, 4, 4, &v), 0);
	assert_int_equal(xf_recruit_vote_check(7, 0, 3, 3, &v), -1);
	assert_string_equal(v.rule, "vote_quorum");
	/* impossible counts */
	assert_int_equal(xf_recruit_vote_check(10, 2, 9, 5, &v), -1);
	assert_string_equal(v.rule, "vote_count");
	assert_int_equal(xf_recruit_vote_check(10, 0, 6, 7, &v), -1);
	assert_string_equal(v.rule, "vote_count");
	assert_int_equal(xf_recruit_vote_check(0, 0, 0, 0, &v), -1);
	assert_string_equal(v.rule, "vote_count");
	assert_int_equal(xf_recruit_vote_check(3, 3, 0, 0, &v), -1);
	assert_string_equal(v.field, "absent");
}

static void the_branch_meeting_is_due_a_month_after_the_pre_review(void **s)
{
	(void)s;
	file x;
	init(&x);
	to_committee(&x, "2025-03-05");
	add_at(&x, XF_RS_PRE_REVIEW, "2025-05-31");
	add_at(&x, XF_RS_FORM, "2025-06-05");
	xf_recruit_due d;
	xf_recruit_next(&x.f, test_day("2025-06-30"), &d);
	assert_int_equal(d.next, XF_RS_VOTE);
	assert_int_equal(d.due_step, XF_RS_VOTE);
	assert_int_equal(d.days_left, 0);
	xf_recruit_next(&x.f, test_day("2025-07-01"), &d);
	assert_true(d.overdue);
	xf_recruit_rec r = rec(XF_RS_VOTE, "2025-06-20");
	r.present = 5;
	r.yes = 5;
	r.absent = 2;
	assert_null(try_rec(&x, r));
	r.absent = 0;
	assert_string_equal(try_rec(&x, r), "vote_quorum");
}

static void approval_within_three_months_else_revote_or_restart(void **s)
{
	(void)s;
	file x;
	init(&x);
	to_approval(&x, "2025-06-01");
	x.f.n--; /* the approval not yet recorded; vote on 2025-05-15 */
	assert_null(try_rec(&x, rec(XF_RS_APPROVAL, "2025-08-15")));
	assert_string_equal(try_rec(&x, rec(XF_RS_APPROVAL, "2025-08-16")),
	                    "revote_needed");
	assert_string_equal(try_rec(&x, rec(XF_RS_APPROVAL, "2025-11-15")),
	                    "revote_needed");
	assert_string_equal(try_rec(&x, rec(XF_RS_APPROVAL, "2025-11-16")),
	                    "restart_needed");
	xf_recruit_due d;
	xf_recruit_next(&x.f, test_day("2025-08-16"), &d);
	assert_int_equal(d.due_step, XF_RS_APPROVAL);
	assert_true(d.overdue);
	/* a re-vote makes the talk before it stale */
	add_at(&x, XF_RS_VOTE, "2025-09-01");
	assert_string_equal(try_rec(&x, rec(XF_RS_APPROVAL, "2025-09-10")),
	                    "missing_prereq");
	add_at(&x, XF_RS_HIGHER_TALK, "2025-09-05");
	assert_null(try_rec(&x, rec(XF_RS_APPROVAL, "2025-09-10")));
}

static void the_probation_lasts_one_year_and_may_be_extended_once(void **s)
{
	(void)s;
	file x;
	init(&x);
	to_approval(&x, "2025-06-01");
	assert_int_equal(xf_recruit_stage(&x.f), 3);
	assert_string_equal(try_rec(&x, rec(XF_RS_FORM, "2025-06-02")),
	                    "already_done");
	add_at(&x, XF_RS_APPROVAL_FILED, "2025-06-05");
	add_at(&x, XF_RS_PLACEMENT, "2025-06-05");
	add_at(&x, XF_RS_OATH, "2025-07-01");
	add_at(&x, XF_RS_PROBATION, "2025-07-01");
	assert_string_equal(try_rec(&x, rec(XF_RS_CONV_APPLY, "2026-05-31")),
	                    "too_early");
	xf_recruit_due d;
	xf_recruit_next(&x.f, test_day("2026-05-01"), &d);
	assert_int_equal(d.next, XF_RS_CONV_APPLY);
	assert_int_equal(d.days_left, 31);
	add_at(&x, XF_RS_CONV_APPLY, "2026-06-01");
	add_at(&x, XF_RS_CONV_VOTE, "2026-06-10");
	xf_recruit_rec r = rec(XF_RS_CONV_APPROVAL, "2026-06-20");
	r.extend_months = 5;
	assert_string_equal(try_rec(&x, r), "extension_months");
	r.extend_months = 13;
	assert_string_equal(try_rec(&x, r), "extension_months");
	r.extend_months = 6;
	add(&x, r);
	assert_int_equal(xf_recruit_stage(&x.f), 3);
	xf_date end = xf_recruit_probation_end(&x.f);
	assert_int_equal(xf_date_cmp(end, test_day("2026-12-01")), 0);
	xf_recruit_next(&x.f, test_day("2026-07-01"), &d);
	assert_int_equal(d.next, XF_RS_CONV_APPLY);
	assert_string_equal(try_rec(&x, rec(XF_RS_CONV_APPLY, "2026-11-30")),
	                    "too_early");
	assert_string_equal(try_rec(&x, rec(XF_RS_ARCHIVE, "2026-07-01")),
	                    "missing_prereq");
	add_at(&x, XF_RS_CONV_APPLY, "2026-12-01");
	add_at(&x, XF_RS_CONV_VOTE, "2026-12-05");
	r = rec(XF_RS_CONV_APPROVAL, "2026-12-10");
	r.extend_months = 6;
	assert_string_equal(try_rec(&x, r), "second_extension");
	r.extend_months = 0;
	add(&x, r);
	assert_int_equal(xf_recruit_stage(&x.f), 4);
	add_at(&x, XF_RS_ARCHIVE, "2026-12-20");
	xf_recruit_next(&x.f, test_day("2027-01-01"), &d);
	assert_int_equal(d.next, -1);
	assert_false(d.overdue);
}

static void stages_follow_the_steps(void **s)
{
	(void)s;
	file x;
	init(&x);
	assert_int_equal(xf_recruit_stage(&x.f), -1);
	add_at(&x, XF_RS_APPLY, "2024-01-10");
	assert_int_equal(xf_recruit_stage(&x.f), 0);
	add_at(&x, XF_RS_TALK, "2024-01-20");
	add_at(&x, XF_RS_ACTIVIST, "2024-02-29");
	assert_int_equal(xf_recruit_stage(&x.f), 1);
	xf_recruit_due d;
	xf_recruit_next(&x.f, test_day("2024-03-01"), &d);
	assert_int_equal(d.next, XF_RS_ACTIVIST_FILED);
	assert_true(d.allowed[XF_RS_MENTORS]);
	assert_false(d.allowed[XF_RS_CULTURE]);
	assert_false(d.allowed[XF_RS_APPLY]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(add_months_clamps_to_the_end_of_the_month),
	    cmocka_unit_test(the_table_has_25_steps_in_5_phases),
	    cmocka_unit_test(an_applicant_must_be_eighteen),
	    cmocka_unit_test(a_step_needs_its_prerequisite),
	    cmocka_unit_test(the_talk_is_due_one_month_after_the_application),
	    cmocka_unit_test(the_culture_lasts_exactly_one_year),
	    cmocka_unit_test(the_culture_counts_assessments_and_reports),
	    cmocka_unit_test(training_needs_three_days_or_24_hours),
	    cmocka_unit_test(vetting_is_valid_exactly_one_year),
	    cmocka_unit_test(the_vote_counts),
	    cmocka_unit_test(
	        the_branch_meeting_is_due_a_month_after_the_pre_review),
	    cmocka_unit_test(
	        approval_within_three_months_else_revote_or_restart),
	    cmocka_unit_test(
	        the_probation_lasts_one_year_and_may_be_extended_once),
	    cmocka_unit_test(stages_follow_the_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
