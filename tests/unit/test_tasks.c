/*
 * test_tasks.c - unit tests of the rules of tasks on the chart
 * (domain/tasks.h): statuses on the days around a due date, Shanghai days
 * around midnight UTC, milestones done late or moved, and the roll-up of
 * completion from milestones and cascaded child tasks, including cascades
 * edited after distribution.
 */
/* cmocka.h needs these before it, in this order. */
// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <string.h>

#include "domain/tasks.h"

static xf_date D(int y, int m, int d)
{
	return (xf_date){y, m, d};
}

static xf_task_own own(xf_date due)
{
	xf_task_own t = {.due_on = due};
	return t;
}

/* A task due on due whose owner reported percent done. */
static xf_task_own reported(xf_date due, int percent)
{
	xf_task_own t = own(due);
	t.reported = 1;
	t.reported_percent = percent;
	return t;
}

static xf_ms_state ms(xf_date due, int done, xf_date done_on)
{
	xf_ms_state m = {
	    .due_on = due, .done = done, .done_on = done_on, .weight = 1};
	return m;
}

/* The status of a task with only milestones, on day today. */
static int status_of(xf_date today, const xf_task_own *t, const xf_ms_state *m,
                     int n)
{
	xf_task_roll r;
	xf_task_roll_up(today, t, m, n, NULL, 0, &r);
	return xf_task_status_at(today, &r);
}

/* A child task rolled up on day today, as its parent sees it. */
static xf_child_state child(xf_date today, const xf_task_own *t,
                            const xf_ms_state *m, int n, int weight)
{
	xf_task_roll r;
	xf_task_roll_up(today, t, m, n, NULL, 0, &r);
	xf_child_state c = {.weight = weight,
	                    .percent = r.percent,
	                    .done = r.done,
	                    .started = r.started,
	                    .late = r.late,
	                    .has_next = r.has_next,
	                    .next = r.next};
	return c;
}

static void test_status_names_round_trip(void **state)
{
	(void)state;
	for (int s = XF_TASK_NOT_STARTED; s <= XF_TASK_DONE; s++) {
		assert_int_equal(xf_task_status_parse(xf_task_status_name(s)),
		                 s);
		assert_true(strlen(xf_task_status_title(s)) > 0);
	}
	assert_int_equal(xf_task_status_parse("purple"), 0);
	assert_int_equal(xf_task_status_parse(NULL), 0);
	assert_string_equal(xf_task_status_name(0), "");
	assert_string_equal(xf_task_status_name(99), "");
	assert_string_equal(xf_milestone_status_name(XF_MS_OVERDUE), "overdue");
	assert_string_equal(xf_milestone_status_name(0), "");
}

static void test_task_due_today_is_not_overdue_but_tomorrow_is_red(void **s)
{
	(void)s;
	xf_task_own t = reported(D(2024, 6, 30), 40);
	assert_int_equal(status_of(D(2024, 6, 29), &t, NULL, 0), XF_TASK_GREEN);
	assert_int_equal(status_of(D(2024, 6, 30), &t, NULL, 0), XF_TASK_GREEN);
	assert_int_equal(status_of(D(2024, 7, 1), &t, NULL, 0), XF_TASK_RED);
	/* across a year end and a leap day */
	t.due_on = D(2024, 12, 31);
	assert_int_equal(status_of(D(2025, 1, 1), &t, NULL, 0), XF_TASK_RED);
	t.due_on = D(2024, 2, 29);
	assert_int_equal(status_of(D(2024, 2, 29), &t, NULL, 0), XF_TASK_GREEN);
	assert_int_equal(status_of(D(2024, 3, 1), &t, NULL, 0), XF_TASK_RED);
}

static void test_shanghai_day_decides_around_midnight_utc(void **state)
{
	(void)state;
	xf_task_own t = reported(D(2024, 6, 30), 10);
	/* 2024-06-30 15:59:59 UTC is 23:59:59 in Shanghai: still on time */
	xf_date late_evening = xf_date_today(1719763199);
	/* 2024-06-30 16:00:00 UTC is 00:00 on 1 July in Shanghai: overdue,
	 * although it is still 30 June in UTC */
	xf_date after_midnight = xf_date_today(1719763200);
	assert_int_equal(status_of(late_evening, &t, NULL, 0), XF_TASK_GREEN);
	assert_int_equal(status_of(after_midnight, &t, NULL, 0), XF_TASK_RED);
}

static void test_nothing_reported_is_not_started_until_overdue(void **s)
{
	(void)s;
	xf_task_own t = own(D(2024, 6, 30));
	assert_int_equal(status_of(D(2024, 1, 1), &t, NULL, 0),
	                 XF_TASK_NOT_STARTED);
	assert_int_equal(status_of(D(2024, 6, 30), &t, NULL, 0),
	                 XF_TASK_NOT_STARTED);
	assert_int_equal(status_of(D(2024, 7, 1), &t, NULL, 0), XF_TASK_RED);
	/* a report of 0% with a note is a start */
	t.reported = 1;
	assert_int_equal(status_of(D(2024, 1, 1), &t, NULL, 0), XF_TASK_GREEN);
}

static void test_overdue_milestone_makes_the_task_red_from_next_day(void **s)
{
	(void)s;
	xf_task_own t = own(D(2024, 12, 31));
	xf_ms_state m[2] = {ms(D(2024, 3, 31), 0, D(0, 0, 0)),
	                    ms(D(2024, 9, 30), 0, D(0, 0, 0))};
	assert_int_equal(status_of(D(2024, 3, 31), &t, m, 2),
	                 XF_TASK_NOT_STARTED);
	assert_int_equal(status_of(D(2024, 4, 1), &t, m, 2), XF_TASK_RED);
	assert_int_equal(xf_milestone_status_at(D(2024, 3, 31), m[0].due_on, 0),
	                 XF_MS_PENDING);
	assert_int_equal(xf_milestone_status_at(D(2024, 4, 1), m[0].due_on, 0),
	                 XF_MS_OVERDUE);
	assert_true(
	    xf_milestone_late(D(2024, 4, 1), m[0].due_on, 0, D(0, 0, 0)));
	assert_false(
	    xf_milestone_late(D(2024, 3, 31), m[0].due_on, 0, D(0, 0, 0)));
}

static void test_milestone_done_on_its_due_day_is_green(void **state)
{
	(void)state;
	xf_task_own t = own(D(2024, 12, 31));
	xf_ms_state m[2] = {ms(D(2024, 3, 31), 1, D(2024, 3, 31)),
	                    ms(D(2024, 9, 30), 0, D(0, 0, 0))};
	assert_int_equal(status_of(D(2024, 5, 1), &t, m, 2), XF_TASK_GREEN);
	assert_false(
	    xf_milestone_late(D(2024, 5, 1), m[0].due_on, 1, m[0].done_on));
}

static void test_milestone_done_late_is_yellow_once_caught_up(void **state)
{
	(void)state;
	xf_task_own t = own(D(2024, 12, 31));
	xf_ms_state m[2] = {ms(D(2024, 3, 31), 1, D(2024, 4, 10)),
	                    ms(D(2024, 9, 30), 0, D(0, 0, 0))};
	assert_int_equal(status_of(D(2024, 5, 1), &t, m, 2), XF_TASK_YELLOW);
	assert_int_equal(xf_milestone_status_at(D(2024, 5, 1), m[0].due_on, 1),
	                 XF_MS_DONE);
	assert_true(
	    xf_milestone_late(D(2024, 5, 1), m[0].due_on, 1, m[0].done_on));
	/* but red again when the next one is missed */
	assert_int_equal(status_of(D(2024, 10, 1), &t, m, 2), XF_TASK_RED);
}

static void test_milestone_moved_later_clears_red(void **state)
{
	(void)state;
	xf_task_own t = own(D(2024, 12, 31));
	xf_ms_state m = ms(D(2024, 3, 31), 0, D(0, 0, 0));
	assert_int_equal(status_of(D(2024, 4, 15), &t, &m, 1), XF_TASK_RED);
	m.due_on = D(2024, 4, 30);
	assert_int_equal(status_of(D(2024, 4, 15), &t, &m, 1),
	                 XF_TASK_NOT_STARTED);
	/* moved earlier, into the past: red at once */
	m.due_on = D(2024, 4, 14);
	assert_int_equal(status_of(D(2024, 4, 15), &t, &m, 1), XF_TASK_RED);
}

static void test_percent_of_a_leaf_is_the_reported_percent(void **state)
{
	(void)state;
	xf_task_own t = reported(D(2024, 12, 31), 35);
	xf_task_roll r;
	xf_task_roll_up(D(2024, 5, 1), &t, NULL, 0, NULL, 0, &r);
	assert_int_equal(r.percent, 35);
	assert_false(r.done);
	assert_true(r.has_next);
	assert_int_equal(xf_date_cmp(r.next, D(2024, 12, 31)), 0);
	t.reported_percent = 100;
	xf_task_roll_up(D(2024, 5, 1), &t, NULL, 0, NULL, 0, &r);
	assert_true(r.done);
	assert_int_equal(xf_date_cmp(r.done_on, D(2024, 5, 1)), 0);
	assert_int_equal(xf_task_status_at(D(2025, 3, 1), &r), XF_TASK_DONE);
	assert_true(xf_task_on_time(&r, t.due_on));
	assert_false(r.has_next);
}

static void test_percent_rolls_up_from_milestones_rounded_down(void **s)
{
	(void)s;
	xf_task_own t = own(D(2024, 12, 31));
	xf_ms_state m[3] = {ms(D(2024, 3, 31), 1, D(2024, 3, 1)),
	                    ms(D(2024, 6, 30), 1, D(2024, 6, 1)),
	                    ms(D(2024, 9, 30), 0, D(0, 0, 0))};
	xf_task_roll r;
	xf_task_roll_up(D(2024, 7, 1), &t, m, 3, NULL, 0, &r);
	assert_int_equal(r.percent, 66);
	assert_int_equal(r.open_parts, 1);
	assert_int_equal(xf_date_cmp(r.own_next, D(2024, 9, 30)), 0);
	/* a weight of 2 on the open milestone */
	m[2].weight = 2;
	xf_task_roll_up(D(2024, 7, 1), &t, m, 3, NULL, 0, &r);
	assert_int_equal(r.percent, 50);
	/* a larger reported percent is kept, but stays below 100 */
	t.reported = 1;
	t.reported_percent = 80;
	xf_task_roll_up(D(2024, 7, 1), &t, m, 3, NULL, 0, &r);
	assert_int_equal(r.percent, 80);
	t.reported_percent = 100;
	xf_task_roll_up(D(2024, 7, 1), &t, m, 3, NULL, 0, &r);
	assert_int_equal(r.percent, 99);
	assert_false(r.done);
	/* all done: 100, done today, on time */
	m[2].done = 1;
	m[2].done_on = D(2024, 9, 1);
	t.reported_percent = 10;
	xf_task_roll_up(D(2024, 9, 2), &t, m, 3, NULL, 0, &r);
	assert_int_equal(r.percent, 100);
	assert_true(r.done);
	assert_true(xf_task_on_time(&r, t.due_on));
}

static void test_task_done_after_its_due_date_is_late(void **state)
{
	(void)state;
	xf_task_own t = reported(D(2024, 6, 30), 100);
	xf_task_roll r;
	xf_task_roll_up(D(2024, 7, 1), &t, NULL, 0, NULL, 0, &r);
	assert_true(r.done);
	assert_true(r.late);
	assert_false(xf_task_on_time(&r, t.due_on));
	assert_int_equal(xf_task_status_at(D(2024, 7, 1), &r), XF_TASK_DONE);
	/* the kept done day survives a later roll-up */
	t.was_done = 1;
	t.done_on = D(2024, 6, 20);
	xf_task_roll_up(D(2024, 8, 1), &t, NULL, 0, NULL, 0, &r);
	assert_int_equal(xf_date_cmp(r.done_on, D(2024, 6, 20)), 0);
	assert_true(xf_task_on_time(&r, t.due_on));
}

static void test_parent_rolls_up_children_by_weight(void **state)
{
	(void)state;
	xf_date today = D(2024, 5, 1);
	xf_task_own a = own(D(2024, 12, 31)), b = own(D(2024, 12, 31));
	a.reported = b.reported = 1;
	a.reported_percent = 100;
	b.reported_percent = 40;
	xf_child_state cs[2] = {child(today, &a, NULL, 0, 1),
	                        child(today, &b, NULL, 0, 3)};
	xf_task_own p = own(D(2024, 12, 31));
	xf_task_roll r;
	xf_task_roll_up(today, &p, NULL, 0, cs, 2, &r);
	assert_int_equal(r.percent, (100 * 1 + 40 * 3) / 4);
	assert_true(r.started);
	assert_int_equal(xf_task_status_at(today, &r), XF_TASK_GREEN);
}

static void test_parent_is_red_while_a_child_is_overdue(void **state)
{
	(void)state;
	xf_task_own c1 = own(D(2024, 4, 30)), c2 = own(D(2024, 12, 31));
	xf_task_own p = own(D(2024, 12, 31));
	xf_date today = D(2024, 5, 1);
	xf_child_state cs[2] = {child(today, &c1, NULL, 0, 1),
	                        child(today, &c2, NULL, 0, 1)};
	xf_task_roll r;
	xf_task_roll_up(today, &p, NULL, 0, cs, 2, &r);
	assert_int_equal(xf_task_status_at(today, &r), XF_TASK_RED);
	/* the parent's own reminders are not the child's */
	assert_int_equal(xf_date_cmp(r.own_next, D(2024, 12, 31)), 0);
	/* the child catches up: the parent is yellow */
	c1.reported = 1;
	c1.reported_percent = 100;
	xf_date later = D(2024, 5, 3);
	cs[0] = child(later, &c1, NULL, 0, 1);
	xf_task_roll_up(later, &p, NULL, 0, cs, 2, &r);
	assert_int_equal(r.percent, 50);
	assert_int_equal(xf_task_status_at(later, &r), XF_TASK_YELLOW);
}

static void test_all_children_done_completes_the_parent(void **state)
{
	(void)state;
	xf_date today = D(2024, 6, 1);
	xf_task_own c = reported(D(2024, 12, 31), 100);
	xf_child_state cs[3] = {child(today, &c, NULL, 0, 1),
	                        child(today, &c, NULL, 0, 1),
	                        child(today, &c, NULL, 0, 5)};
	xf_task_own p = own(D(2024, 12, 31));
	xf_task_roll r;
	xf_task_roll_up(today, &p, NULL, 0, cs, 3, &r);
	assert_true(r.done);
	assert_int_equal(r.percent, 100);
	assert_int_equal(xf_task_status_at(today, &r), XF_TASK_DONE);
}

static void test_cascade_added_after_completion_reopens_the_parent(void **s)
{
	(void)s;
	xf_date today = D(2024, 6, 1);
	xf_task_own c = reported(D(2024, 12, 31), 100);
	xf_task_own fresh = own(D(2024, 12, 31));
	xf_child_state cs[2] = {child(today, &c, NULL, 0, 1),
	                        child(today, &fresh, NULL, 0, 1)};
	xf_task_own p = own(D(2024, 12, 31));
	p.was_done = 1;
	p.done_on = D(2024, 5, 20);
	xf_task_roll r;
	xf_task_roll_up(today, &p, NULL, 0, cs, 2, &r);
	assert_false(r.done);
	assert_int_equal(r.percent, 50);
	assert_int_equal(xf_task_status_at(today, &r), XF_TASK_GREEN);
	/* the new child was given a due date already past: red */
	fresh.due_on = D(2024, 5, 31);
	cs[1] = child(today, &fresh, NULL, 0, 1);
	xf_task_roll_up(today, &p, NULL, 0, cs, 2, &r);
	assert_int_equal(xf_task_status_at(today, &r), XF_TASK_RED);
	/* and removing it again (one child left, done) completes it */
	xf_task_roll_up(today, &p, NULL, 0, cs, 1, &r);
	assert_true(r.done);
	assert_int_equal(xf_date_cmp(r.done_on, D(2024, 5, 20)), 0);
}

static void test_grandchild_overdue_reaches_the_root(void **state)
{
	(void)state;
	xf_date today = D(2024, 8, 2);
	xf_task_own g = own(D(2024, 8, 1));
	xf_child_state gc = child(today, &g, NULL, 0, 1);
	xf_task_own mid = own(D(2024, 12, 31));
	xf_task_roll rm;
	xf_task_roll_up(today, &mid, NULL, 0, &gc, 1, &rm);
	xf_child_state mc = {.weight = 1,
	                     .percent = rm.percent,
	                     .done = rm.done,
	                     .started = rm.started,
	                     .late = rm.late,
	                     .has_next = rm.has_next,
	                     .next = rm.next};
	xf_task_own root = own(D(2024, 12, 31));
	xf_task_roll rr;
	xf_task_roll_up(today, &root, NULL, 0, &mc, 1, &rr);
	assert_int_equal(xf_task_status_at(today, &rr), XF_TASK_RED);
	assert_int_equal(xf_date_cmp(rr.next, D(2024, 8, 1)), 0);
	assert_int_equal(xf_task_status_at(D(2024, 8, 1), &rr),
	                 XF_TASK_NOT_STARTED);
}

static void test_on_time_rate_counts_only_due_tasks(void **state)
{
	(void)state;
	assert_int_equal(xf_task_on_time_permille(0, 0), -1);
	assert_int_equal(xf_task_on_time_permille(2, 3), 667);
	assert_int_equal(xf_task_on_time_permille(3, 3), 1000);
	assert_int_equal(xf_task_on_time_permille(0, 5), 0);
}

static void test_board_ranks_rate_then_count_then_completion(void **state)
{
	(void)state;
	/* key, tasks, due, done, on_time, percent_sum */
	xf_board_row a = {1, 4, 2, 2, 2, 300}; /* 100% of 2 */
	xf_board_row b = {2, 4, 4, 4, 4, 400}; /* 100% of 4: more on time */
	xf_board_row c = {3, 4, 4, 3, 3, 390}; /* 75% */
	xf_board_row d = {4, 4, 0, 0, 0, 100}; /* nothing due yet: last */
	assert_true(xf_task_board_cmp(&b, &a) < 0);
	assert_true(xf_task_board_cmp(&a, &c) < 0);
	assert_true(xf_task_board_cmp(&c, &d) < 0);
	xf_board_row a2 = a;
	a2.key = 9;
	assert_true(xf_task_board_tie(&a, &a2));
	assert_true(xf_task_board_cmp(&a, &a2) < 0);
	a2.percent_sum = 301;
	assert_false(xf_task_board_tie(&a, &a2));
	assert_true(xf_task_board_cmp(&a2, &a) < 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_status_names_round_trip),
	    cmocka_unit_test(
	        test_task_due_today_is_not_overdue_but_tomorrow_is_red),
	    cmocka_unit_test(test_shanghai_day_decides_around_midnight_utc),
	    cmocka_unit_test(
	        test_nothing_reported_is_not_started_until_overdue),
	    cmocka_unit_test(
	        test_overdue_milestone_makes_the_task_red_from_next_day),
	    cmocka_unit_test(test_milestone_done_on_its_due_day_is_green),
	    cmocka_unit_test(test_milestone_done_late_is_yellow_once_caught_up),
	    cmocka_unit_test(test_milestone_moved_later_clears_red),
	    cmocka_unit_test(test_percent_of_a_leaf_is_the_reported_percent),
	    cmocka_unit_test(
	        test_percent_rolls_up_from_milestones_rounded_down),
	    cmocka_unit_test(test_task_done_after_its_due_date_is_late),
	    cmocka_unit_test(test_parent_rolls_up_children_by_weight),
	    cmocka_unit_test(test_parent_is_red_while_a_child_is_overdue),
	    cmocka_unit_test(test_all_children_done_completes_the_parent),
	    cmocka_unit_test(
	        test_cascade_added_after_completion_reopens_the_parent),
	    cmocka_unit_test(test_grandchild_overdue_reaches_the_root),
	    cmocka_unit_test(test_on_time_rate_counts_only_due_tasks),
	    cmocka_unit_test(test_board_ranks_rate_then_count_then_completion),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
