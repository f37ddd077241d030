/*
 * test_compliance.c - unit tests of the rules of organizational life
 * (domain/compliance.h): required slots, organizations created or closed
 * inside a period, statuses, the first topic, meeting times around
 * midnight in Asia/Shanghai, and the talk rule.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/compliance.h"
#include "fixture.h"

static xf_compliance_rules R;

static xf_date D(int y, int m, int d)
{
	return (xf_date){y, m, d};
}

static xf_period P(const char *s)
{
	xf_period p;
	assert_int_equal(xf_period_parse(s, &p), 0);
	return p;
}

static xf_org_life life(const char *kind, const char *est, const char *closed)
{
	xf_org_life o;
	assert_int_equal(xf_org_life_of(kind, est, NULL, NULL, closed, &o), 0);
	return o;
}

/* A tally of n on-time meetings of kind k on day d. */
static xf_meeting_tally T(int k, xf_date d, int n)
{
	return (xf_meeting_tally){k, xf_month_index(d), n, 0, 0};
}

/* Every branch slot of 2024Q3 held on time (congress with first topic). */
static int full_q3(xf_meeting_tally *t)
{
	int n = 0;
	for (int m = 7; m <= 9; m++) {
		t[n++] = T(XF_MK_BRANCH_COMMITTEE, D(2024, m, 10), 1);
		t[n++] = T(XF_MK_THEME_DAY, D(2024, m, 10), 1);
	}
	t[n++] = T(XF_MK_BRANCH_CONGRESS, D(2024, 8, 1), 1);
	t[n++] = T(XF_MK_PARTY_LECTURE, D(2024, 9, 1), 1);
	return n;
}

static xf_compliance eval(const xf_org_life *o, const char *period,
                          xf_date today, const xf_meeting_tally *t, int nt)
{
	xf_compliance c;
	assert_int_equal(xf_compliance_eval(&R, o, P(period), today, t, nt, &c),
	                 0);
	return c;
}

static int setup(void **state)
{
	(void)state;
	xf_compliance_rules_default(&R);
	return 0;
}

/* ---- required slots ------------------------------------------------------ */

static void test_branch_with_every_q3_meeting_is_green(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_meeting_tally t[16];
	int n = full_q3(t);
	xf_compliance c = eval(&o, "2024Q3", D(2024, 10, 8), t, n);
	assert_int_equal(c.applies, 1);
	assert_int_equal(c.status, XF_CS_GREEN);
	assert_int_equal(c.missing, 0);
	/* 3 committee + 3 theme day + congress + lecture; yearly ones are
	 * evaluated in Q4 only */
	assert_int_equal(c.required, 8);
	assert_int_equal(c.held, 8);
	assert_int_equal(c.sanhui_required, 5);
	assert_int_equal(c.sanhui_held, 5);
}

static void test_branch_congress_missing_in_q3_is_flagged(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_meeting_tally t[16];
	int n = full_q3(t);
	t[6].on_time = 0; /* the congress */
	xf_compliance c = eval(&o, "2024Q3", D(2024, 10, 1), t, n);
	assert_int_equal(c.status, XF_CS_RED);
	assert_int_equal(c.missing, 1u << XF_MK_BRANCH_CONGRESS);
	assert_int_equal(c.held, 7);
}

static void test_meeting_on_last_day_of_quarter_counts_for_it(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_meeting_tally t[16];
	int n = full_q3(t);
	t[6] = T(XF_MK_BRANCH_CONGRESS, D(2024, 9, 30), 1);
	assert_int_equal(eval(&o, "2024Q3", D(2024, 10, 1), t, n).status,
	                 XF_CS_GREEN);
	/* the same meeting a day later belongs to Q4 */
	t[6] = T(XF_MK_BRANCH_CONGRESS, D(2024, 10, 1), 1);
	xf_compliance c = eval(&o, "2024Q3", D(2024, 10, 2), t, n);
	assert_int_equal(c.missing, 1u << XF_MK_BRANCH_CONGRESS);
}

static void test_yearly_meetings_are_evaluated_in_q4_and_december(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_meeting_tally t[4] = {T(XF_MK_LIFE_MEETING, D(2024, 2, 20), 1)};
	xf_compliance c = eval(&o, "2024Q4", D(2025, 1, 5), t, 1);
	assert_true(c.missing & (1u << XF_MK_DEMOCRATIC_REVIEW));
	assert_false(c.missing & (1u << XF_MK_LIFE_MEETING));
	c = eval(&o, "2024-12", D(2025, 1, 5), t, 1);
	assert_true(c.missing & (1u << XF_MK_DEMOCRATIC_REVIEW));
	assert_true(c.missing & (1u << XF_MK_BRANCH_CONGRESS)); /* Q4 */
	/* November evaluates the monthly kinds only */
	c = eval(&o, "2024-11", D(2025, 1, 5), t, 1);
	assert_int_equal(c.required, 2);
	assert_int_equal(c.missing, (1u << XF_MK_BRANCH_COMMITTEE) |
	                                (1u << XF_MK_THEME_DAY));
	/* a year: 12 + 12 monthly, 4 + 4 quarterly, 2 yearly */
	c = eval(&o, "2024", D(2025, 1, 5), t, 1);
	assert_int_equal(c.required, 34);
	assert_int_equal(c.held, 1);
}

static void test_range_first_covers_the_longest_slot(void **state)
{
	(void)state;
	xf_date d = xf_compliance_range_first(P("2024Q3"));
	assert_int_equal(xf_date_cmp(d, D(2024, 7, 1)), 0);
	d = xf_compliance_range_first(P("2024Q4"));
	assert_int_equal(xf_date_cmp(d, D(2024, 1, 1)), 0);
	d = xf_compliance_range_first(P("2024-12"));
	assert_int_equal(xf_date_cmp(d, D(2024, 1, 1)), 0);
	d = xf_compliance_range_first(P("2024-09"));
	assert_int_equal(xf_date_cmp(d, D(2024, 7, 1)), 0);
	d = xf_compliance_range_first(P("2024-08"));
	assert_int_equal(xf_date_cmp(d, D(2024, 8, 1)), 0);
	d = xf_compliance_range_first(P("2024"));
	assert_int_equal(xf_date_cmp(d, D(2024, 1, 1)), 0);
}

static void test_months_first_is_the_quarter_when_the_year_ends(void **state)
{
	(void)state;
	static const struct {
		const char *period;
		int m; /* month of the first day read month by month */
	} cases[] = {{"2024Q4", 10}, {"2024-12", 10}, {"2024Q3", 7},
	             {"2024-09", 7}, {"2024-08", 8},  {"2024", 1},
	             {"2024Q1", 1},  {"2024-03", 1},  {"2024-11", 11}};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		xf_date d = xf_compliance_months_first(P(cases[i].period));
		assert_int_equal(xf_date_cmp(d, D(2024, cases[i].m, 1)), 0);
	}
}

/* Every period of a year evaluates alike from the months one by one and
 * from the months since xf_compliance_months_first with the ones before
 * summed into one row at xf_compliance_range_first (what the board reads
 * from the kept tally by year). */
static void test_months_before_months_first_count_only_as_a_sum(void **state)
{
	(void)state;
	xf_org_life b = life("branch", "2010-01-01", NULL);
	xf_meeting_tally all[12 * XF_MK_COUNT];
	int n = 0;
	unsigned seed = 7;
	for (int m = 1; m <= 12; m++)
		for (int k = 0; k < XF_MK_COUNT; k++) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0)
				continue; /* no meeting of k in month m */
			xf_meeting_tally t =
			    T(k, D(2024, m, 5), (seed >> 20) % 2);
			t.late = (seed >> 24) % 2;
			t.no_first_topic = (seed >> 26) % 2;
			if (t.on_time + t.late > 0)
				all[n++] = t;
		}
	static const char *const periods[] = {
	    "2024",    "2024Q1",  "2024Q2",  "2024Q3",  "2024Q4",  "2024-01",
	    "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07",
	    "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"};
	for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
		const char *period = periods[i];
		xf_period p = P(period);
		xf_date to = xf_period_last(p);
		int r0 = xf_month_index(xf_compliance_range_first(p));
		int m0 = xf_month_index(xf_compliance_months_first(p));
		int m1 = xf_month_index(to);
		xf_meeting_tally cut[12 * XF_MK_COUNT + XF_MK_COUNT],
		    full[12 * XF_MK_COUNT];
		int nc = 0, nf = 0;
		xf_meeting_tally sum[XF_MK_COUNT] = {0};
		for (int j = 0; j < n; j++) {
			if (all[j].month < r0 || all[j].month > m1)
				continue;
			full[nf++] = all[j];
			if (all[j].month >= m0) {
				cut[nc++] = all[j];
				continue;
			}
			xf_meeting_tally *s = &sum[all[j].kind];
			s->on_time += all[j].on_time;
			s->late += all[j].late;
			s->no_first_topic += all[j].no_first_topic;
		}
		for (int k = 0; k < XF_MK_COUNT; k++)
			if (sum[k].on_time + sum[k].late > 0) {
				sum[k].kind = k;
				sum[k].month = r0;
				cut[nc++] = sum[k];
			}
		xf_date todays[] = {D(2024, 2, 1), D(2024, 11, 20),
		                    D(2025, 1, 9)};
		for (int d = 0; d < 3; d++) {
			xf_compliance a = eval(&b, period, todays[d], full, nf),
			              c = eval(&b, period, todays[d], cut, nc);
			assert_memory_equal(&a, &c, sizeof a);
		}
	}
}

static void
test_group_owes_group_meetings_and_committee_its_meetings(void **state)
{
	(void)state;
	xf_org_life g = life("group", "2010-01-01", NULL);
	xf_compliance c = eval(&g, "2024Q3", D(2024, 12, 1), NULL, 0);
	assert_int_equal(c.required, 3);
	assert_int_equal(c.missing, 1u << XF_MK_GROUP_MEETING);
	xf_org_life pc = life("party_committee", "2010-01-01", NULL);
	c = eval(&pc, "2024Q3", D(2024, 12, 1), NULL, 0);
	assert_int_equal(c.missing, 1u << XF_MK_COMMITTEE_MEETING);
}

static void test_unknown_org_kind_is_outside_the_rules(void **state)
{
	(void)state;
	xf_org_life o = life("club", "2010-01-01", NULL);
	assert_int_equal(o.kind, -1);
	xf_compliance c = eval(&o, "2024Q3", D(2024, 12, 1), NULL, 0);
	assert_int_equal(c.applies, 0);
}

static void test_configured_rules_replace_the_defaults(void **state)
{
	(void)state;
	xf_compliance_rules r = R;
	r.freq[XF_ORGK_BRANCH][XF_MK_THEME_DAY] = XF_FREQ_NONE;
	r.freq[XF_ORGK_BRANCH][XF_MK_PARTY_LECTURE] = XF_PERIOD_MONTH;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_compliance c;
	assert_int_equal(xf_compliance_eval(&r, &o, P("2024Q3"), D(2024, 12, 1),
	                                    NULL, 0, &c),
	                 0);
	assert_int_equal(c.required, 3 + 1 + 3);
	assert_false(c.missing & (1u << XF_MK_THEME_DAY));
	assert_int_equal(xf_freq_parse("monthly"), XF_PERIOD_MONTH);
	assert_int_equal(xf_freq_parse("none"), XF_FREQ_NONE);
	assert_int_equal(xf_freq_parse("weekly"), -1);
	assert_string_equal(xf_freq_name(XF_PERIOD_QUARTER), "quarterly");
}

/* ---- organizations created or closed inside a period -------------------- */

static void
test_branch_created_on_16_july_owes_july_but_not_on_17th(void **state)
{
	(void)state;
	/* July has 31 days: 16 days lived (16th..31st) is at least half */
	xf_org_life o = life("branch", "2024-07-16", NULL);
	xf_compliance c = eval(&o, "2024-07", D(2024, 8, 5), NULL, 0);
	assert_int_equal(c.required, 2);
	o = life("branch", "2024-07-17", NULL);
	c = eval(&o, "2024-07", D(2024, 8, 5), NULL, 0);
	assert_int_equal(c.required, 0);
	assert_int_equal(c.applies, 0);
	/* the quarter: 76 of 92 days, so the congress and lecture are owed */
	c = eval(&o, "2024Q3", D(2024, 10, 5), NULL, 0);
	assert_int_equal(c.required, 2 + 2 + 2);
}

static void test_branch_created_mid_quarter_owes_only_its_months(void **state)
{
	(void)state;
	/* created 20 August: 42 of 92 days of Q3 (< half), Sept in full */
	xf_org_life o = life("branch", "2024-08-20", NULL);
	xf_compliance c = eval(&o, "2024Q3", D(2024, 10, 5), NULL, 0);
	assert_int_equal(c.required, 2);
	assert_int_equal(c.missing, (1u << XF_MK_BRANCH_COMMITTEE) |
	                                (1u << XF_MK_THEME_DAY));
	/* 46 of 92 days (from 16 Aug) is exactly half: the quarter is owed */
	o = life("branch", "2024-08-16", NULL);
	c = eval(&o, "2024Q3", D(2024, 10, 5), NULL, 0);
	assert_true(c.missing & (1u << XF_MK_BRANCH_CONGRESS));
	/* created after the period: nothing */
	o = life("branch", "2024-10-01", NULL);
	c = eval(&o, "2024Q3", D(2024, 10, 5), NULL, 0);
	assert_int_equal(c.applies, 0);
}

/* What a group established on `est` (a day of February) owes for that
 * February, evaluated on 5 March. */
static int february_required(const char *est)
{
	char month[8];
	snprintf(month, sizeof month, "%.7s", est);
	xf_org_life o = life("group", est, NULL);
	return eval(&o, month, D(atoi(est), 3, 5), NULL, 0).required;
}

static void test_february_half_depends_on_leap_year(void **state)
{
	(void)state;
	assert_int_map(
	    february_required(str),
	    /* 2024 is a leap year: February has 29 days, 15th..29th
	     * is 15 days */
	    {"2024-02-15", 1}, {"2024-02-16", 0},
	    /* 2023: 28 days, the 15th leaves 14 days, exactly half */
	    {"2023-02-15", 1}, {"2023-02-16", 0},
	    /* 1900 and 2100 are not leap years, 2000 is */
	    {"2000-02-15", 1}, {"2000-02-16", 0}, {"2100-02-15", 1});
}

static void test_closed_temp_branch_owes_nothing_after_closing(void **state)
{
	(void)state;
	xf_org_life o;
	assert_int_equal(xf_org_life_of("temp_branch", "2024-01-01",
	                                "2024-03-01", "2024-09-10", NULL, &o),
	                 0);
	assert_int_equal(xf_date_cmp(o.from, D(2024, 3, 1)), 0);
	assert_int_equal(xf_date_cmp(o.to, D(2024, 9, 10)), 0);
	/* Q3: 72 of 92 days; July and August in full; September 10 of 30 */
	xf_compliance c = eval(&o, "2024Q3", D(2024, 10, 5), NULL, 0);
	assert_int_equal(c.required, 2 + 2 + 2);
	assert_true(c.missing & (1u << XF_MK_BRANCH_CONGRESS));
	/* Q4 and the year: the year has 194 of 366 days, so the yearly ones
	 * are owed; nothing of Q4 itself */
	c = eval(&o, "2024Q4", D(2025, 1, 5), NULL, 0);
	assert_int_equal(c.required, 2);
	assert_int_equal(c.missing, (1u << XF_MK_LIFE_MEETING) |
	                                (1u << XF_MK_DEMOCRATIC_REVIEW));
	c = eval(&o, "2025Q1", D(2025, 4, 5), NULL, 0);
	assert_int_equal(c.applies, 0);
	/* closed_on earlier than ends_on wins */
	assert_int_equal(xf_org_life_of("temp_branch", "2024-01-01",
	                                "2024-03-01", "2024-09-10",
	                                "2024-06-30", &o),
	                 0);
	assert_int_equal(xf_date_cmp(o.to, D(2024, 6, 30)), 0);
	c = eval(&o, "2024Q3", D(2024, 10, 5), NULL, 0);
	assert_int_equal(c.applies, 0);
}

static void test_temp_branch_closing_on_last_day_owes_the_month(void **state)
{
	(void)state;
	xf_org_life o;
	xf_org_life_of("temp_branch", "2024-01-01", "2024-01-01", "2024-07-31",
	               NULL, &o);
	xf_compliance c = eval(&o, "2024-07", D(2024, 8, 5), NULL, 0);
	assert_int_equal(c.required, 2);
	/* closing on the 15th: 15 of 31 days, less than half */
	xf_org_life_of("temp_branch", "2024-01-01", "2024-01-01", "2024-07-15",
	               NULL, &o);
	c = eval(&o, "2024-07", D(2024, 8, 5), NULL, 0);
	assert_int_equal(c.required, 0);
}

/* ---- statuses ---------------------------------------------------------- */

static void test_current_quarter_is_due_with_days_left(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	/* 15 August: July held, August and September and the quarter open */
	xf_meeting_tally t[2] = {T(XF_MK_BRANCH_COMMITTEE, D(2024, 7, 5), 1),
	                         T(XF_MK_THEME_DAY, D(2024, 7, 6), 1)};
	xf_compliance c = eval(&o, "2024Q3", D(2024, 8, 15), t, 2);
	assert_int_equal(c.status, XF_CS_DUE);
	assert_int_equal(c.days_left, 17); /* 15..31 August */
	assert_true(c.pending & (1u << XF_MK_BRANCH_CONGRESS));
	/* on the last day of the quarter with only the quarter open */
	xf_meeting_tally u[16];
	int n = full_q3(u);
	u[6].on_time = 0;
	c = eval(&o, "2024Q3", D(2024, 9, 30), u, n);
	assert_int_equal(c.status, XF_CS_DUE);
	assert_int_equal(c.days_left, 1);
	/* the day after, it is missing */
	c = eval(&o, "2024Q3", D(2024, 10, 1), u, n);
	assert_int_equal(c.status, XF_CS_RED);
	assert_int_equal(c.days_left, 0);
}

static void test_missing_month_in_current_quarter_is_red(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_compliance c = eval(&o, "2024Q3", D(2024, 8, 15), NULL, 0);
	assert_int_equal(c.status, XF_CS_RED);
	assert_int_equal(c.missing, (1u << XF_MK_BRANCH_COMMITTEE) |
	                                (1u << XF_MK_THEME_DAY));
}

static void test_made_up_meeting_turns_red_into_yellow(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_meeting_tally t[16];
	int n = full_q3(t);
	t[6].on_time = 0;
	t[6].late = 1; /* congress made up in October for 2024Q3 */
	xf_compliance c = eval(&o, "2024Q3", D(2024, 11, 1), t, n);
	assert_int_equal(c.status, XF_CS_YELLOW);
	assert_int_equal(c.late, 1u << XF_MK_BRANCH_CONGRESS);
	assert_int_equal(c.held, 8);
	assert_int_equal(c.held_late, 1);
}

static void test_committee_meeting_without_first_topic_is_red(void **state)
{
	(void)state;
	xf_org_life o = life("party_committee", "2010-01-01", NULL);
	xf_meeting_tally t[3];
	for (int m = 7; m <= 9; m++)
		t[m - 7] = T(XF_MK_COMMITTEE_MEETING, D(2024, m, 3), 1);
	xf_compliance c = eval(&o, "2024Q3", D(2024, 10, 8), t, 3);
	assert_int_equal(c.status, XF_CS_GREEN);
	assert_int_equal(c.ft_meetings, 3);
	assert_int_equal(c.ft_recorded, 3);
	t[1].no_first_topic = 1;
	c = eval(&o, "2024Q3", D(2024, 10, 8), t, 3);
	assert_int_equal(c.status, XF_CS_RED);
	assert_int_equal(c.missing, XF_MISSING_FIRST_TOPIC);
	assert_int_equal(c.ft_recorded, 2);
	/* a theme day needs no first topic */
	xf_meeting_tally u = T(XF_MK_THEME_DAY, D(2024, 7, 3), 1);
	u.no_first_topic = 1;
	c = eval(&o, "2024Q3", D(2024, 10, 8), &u, 1);
	assert_false(c.missing & XF_MISSING_FIRST_TOPIC);
}

static void test_first_topic_counts_only_meetings_of_the_period(void **state)
{
	(void)state;
	/* Q4 reads meetings from January (yearly slots); a committee meeting
	 * without first topic in March is Q1's defect, not Q4's */
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_meeting_tally t = T(XF_MK_BRANCH_COMMITTEE, D(2024, 3, 3), 1);
	t.no_first_topic = 1;
	xf_compliance c = eval(&o, "2024Q4", D(2025, 1, 8), &t, 1);
	assert_false(c.missing & XF_MISSING_FIRST_TOPIC);
	c = eval(&o, "2024Q1", D(2025, 1, 8), &t, 1);
	assert_true(c.missing & XF_MISSING_FIRST_TOPIC);
}

static void test_bad_period_is_refused(void **state)
{
	(void)state;
	xf_org_life o = life("branch", "2010-01-01", NULL);
	xf_compliance c;
	xf_period p = {XF_PERIOD_QUARTER, 2024, 5};
	assert_int_equal(
	    xf_compliance_eval(&R, &o, p, D(2024, 1, 1), NULL, 0, &c), -1);
	assert_int_equal(
	    xf_org_life_of("branch", "2024-02-30", NULL, NULL, NULL, &o), -1);
}

static void test_names_round_trip(void **state)
{
	(void)state;
	for (int k = 0; k < XF_MK_COUNT; k++) {
		assert_int_equal(xf_meeting_kind_parse(xf_meeting_kind_name(k)),
		                 k);
		assert_true(strlen(xf_meeting_kind_title(k)) > 0);
	}
	assert_int_equal(xf_meeting_kind_parse("meeting"), -1);
	assert_int_equal(xf_meeting_kind_parse(NULL), -1);
	for (int k = 0; k < XF_ORGK_COUNT; k++)
		assert_int_equal(xf_org_kind_parse(xf_org_kind_name(k)), k);
	assert_string_equal(xf_compliance_status_name(XF_CS_DUE), "due");
}

/* ---- meeting times ------------------------------------------------------ */

static void test_time_with_offset_is_stored_in_utc(void **state)
{
	(void)state;
	int64_t t;
	assert_int_equal(xf_time_parse_iso("2024-08-15T14:30:00+08:00", &t), 0);
	assert_int_equal(t, 1723703400);
	assert_int_equal(xf_time_parse_iso("2024-08-15T06:30:00Z", &t), 0);
	assert_int_equal(t, 1723703400);
	assert_int_equal(xf_time_parse_iso("2024-08-15T01:30-05:00", &t), 0);
	assert_int_equal(t, 1723703400);
	assert_int_equal(xf_time_parse_iso("2024-08-15T14:30:00.250+08:00", &t),
	                 0);
	assert_int_equal(t, 1723703400);
}

static void
test_meeting_just_after_midnight_in_shanghai_is_next_quarter(void **state)
{
	(void)state;
	int64_t t;
	/* 00:30 on 1 October in Shanghai is still 30 September in UTC */
	assert_int_equal(xf_time_parse_iso("2024-10-01T00:30:00+08:00", &t), 0);
	xf_date d = xf_date_today(t);
	assert_int_equal(xf_date_cmp(d, D(2024, 10, 1)), 0);
	assert_int_equal(xf_period_of(d, XF_PERIOD_QUARTER).n, 4);
	/* 23:59 on 30 September in Shanghai, given in UTC */
	assert_int_equal(xf_time_parse_iso("2024-09-30T15:59:59Z", &t), 0);
	d = xf_date_today(t);
	assert_int_equal(xf_date_cmp(d, D(2024, 9, 30)), 0);
	/* 16:00 UTC on 30 September is already 1 October in Shanghai */
	assert_int_equal(xf_time_parse_iso("2024-09-30T16:00:00Z", &t), 0);
	assert_int_equal(xf_date_cmp(xf_date_today(t), D(2024, 10, 1)), 0);
	/* New Year's Eve in New York is New Year's Day in Shanghai */
	assert_int_equal(xf_time_parse_iso("2024-12-31T12:00:00-05:00", &t), 0);
	assert_int_equal(xf_date_cmp(xf_date_today(t), D(2025, 1, 1)), 0);
}

static void test_leap_day_times_parse_and_feb_29_2023_does_not(void **state)
{
	(void)state;
	int64_t t;
	assert_int_equal(xf_time_parse_iso("2024-02-29T09:00:00+08:00", &t), 0);
	assert_int_equal(xf_date_cmp(xf_date_today(t), D(2024, 2, 29)), 0);
	assert_int_equal(xf_time_parse_iso("2023-02-29T09:00:00+08:00", &t),
	                 -1);
}

static void test_bad_times_are_refused(void **state)
{
	(void)state;
	int64_t t;
	assert_true_for(
	    xf_time_parse_iso(str, &t) == -1, "2024-08-15",
	    "2024-08-15T14:30:00", "2024-08-15 14:30:00+08:00",
	    "2024-08-15T24:00:00+08:00", "2024-08-15T14:60:00+08:00",
	    "2024-08-15T14:30:60+08:00", "2024-08-15T14:30:00+15:00",
	    "2024-08-15T14:30:00+0800", "2024-08-15T14:30:00+08:00x",
	    "2024-08-15T14:30:00.+08:00", "2024-13-15T14:30:00+08:00",
	    "1899-12-31T14:30:00+08:00", "", NULL);
}

/* ---- attendance and talks ------------------------------------------------ */

static void test_attendance_statuses_and_register_marks(void **state)
{
	(void)state;
	assert_true_for(xf_attendance_status_valid(str), "present",
	                "personal_leave");
	assert_false_for(xf_attendance_status_valid(str), "leave", NULL);
	assert_string_map(xf_attendance_mark(str), {"present", "√"},
	                  {"late", "#"}, {"sick_leave", "○"},
	                  {"official_leave", "★"}, {"personal_leave", "△"},
	                  {"absent", "×"});
}

static void
test_three_absences_in_a_row_without_leave_are_a_streak(void **state)
{
	(void)state;
	const char *a[] = {"absent", "absent", "absent", "present"};
	assert_int_equal(xf_absence_streak(a, 4), 3);
	/* a leave breaks the streak */
	const char *b[] = {"absent", "sick_leave", "absent", "absent"};
	assert_int_equal(xf_absence_streak(b, 4), 1);
	/* late is not absent */
	const char *c[] = {"late", "absent", "absent", "absent"};
	assert_int_equal(xf_absence_streak(c, 4), 0);
	assert_int_equal(xf_absence_streak(a, 2), 2);
	assert_int_equal(xf_absence_streak(NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_branch_with_every_q3_meeting_is_green),
	    cmocka_unit_test(test_branch_congress_missing_in_q3_is_flagged),
	    cmocka_unit_test(test_meeting_on_last_day_of_quarter_counts_for_it),
	    cmocka_unit_test(
	        test_yearly_meetings_are_evaluated_in_q4_and_december),
	    cmocka_unit_test(test_range_first_covers_the_longest_slot),
	    cmocka_unit_test(
	        test_months_first_is_the_quarter_when_the_year_ends),
	    cmocka_unit_test(
	        test_months_before_months_first_count_only_as_a_sum),
	    cmocka_unit_test(
	        test_group_owes_group_meetings_and_committee_its_meetings),
	    cmocka_unit_test(test_unknown_org_kind_is_outside_the_rules),
	    cmocka_unit_test(test_configured_rules_replace_the_defaults),
	    cmocka_unit_test(
	        test_branch_created_on_16_july_owes_july_but_not_on_17th),
	    cmocka_unit_test(
	        test_branch_created_mid_quarter_owes_only_its_months),
	    cmocka_unit_test(test_february_half_depends_on_leap_year),
	    cmocka_unit_test(
	        test_closed_temp_branch_owes_nothing_after_closing),
	    cmocka_unit_test(
	        test_temp_branch_closing_on_last_day_owes_the_month),
	    cmocka_unit_test(test_current_quarter_is_due_with_days_left),
	    cmocka_unit_test(test_missing_month_in_current_quarter_is_red),
	    cmocka_unit_test(test_made_up_meeting_turns_red_into_yellow),
	    cmocka_unit_test(test_committee_meeting_without_first_topic_is_red),
	    cmocka_unit_test(
	        test_first_topic_counts_only_meetings_of_the_period),
	    cmocka_unit_test(test_bad_period_is_refused),
	    cmocka_unit_test(test_names_round_trip),
	    cmocka_unit_test(test_time_with_offset_is_stored_in_utc),
	    cmocka_unit_test(
	        test_meeting_just_after_midnight_in_shanghai_is_next_quarter),
	    cmocka_unit_test(
	        test_leap_day_times_parse_and_feb_29_2023_does_not),
	    cmocka_unit_test(test_bad_times_are_refused),
	    cmocka_unit_test(test_attendance_statuses_and_register_marks),
	    cmocka_unit_test(
	        test_three_absences_in_a_row_without_leave_are_a_streak),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
