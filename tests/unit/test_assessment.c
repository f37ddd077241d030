/*
 * test_assessment.c - unit tests of the rules of assessment
 * (domain/assessment.h): the indicator tree checks, every source with and
 * without data (an organization created mid-year has fewer slots due),
 * every mapping at and beyond its bounds, the index roll-up with bonus,
 * deduction and veto, stars with the 5★ requirement, and quotas with ties
 * at the boundary.
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

#include "domain/assessment.h"

static xf_indicator leaf(const char *code, const char *parent, const char *kind,
                         int max_x10)
{
	xf_indicator d = {.code = code,
	                  .title = code,
	                  .parent = parent,
	                  .max_x10 = max_x10,
	                  .kind = kind};
	return d;
}

static xf_indicator data(const char *code, const char *parent, int max_x10,
                         const char *src, double from, double to)
{
	xf_indicator d = leaf(code, parent, "data", max_x10);
	d.source = src;
	d.map.kind = XF_MAP_LINEAR;
	d.map.from = from;
	d.map.to = to;
	return d;
}

static int check(xf_indicator *ind, int n, const char **field)
{
	xf_tree_totals t;
	char msg[200];
	return xf_indicators_check(ind, n, 1000, &t, msg, field);
}

static void tree_ok(void **state)
{
	(void)state;
	xf_indicator ind[] = {
	    leaf("A", NULL, "data", 600),
	    data("A1", "A", 300, "first_topic_rate", 0, 100),
	    data("A2", "A", 300, "sanhui_rate", 60, 100),
	    leaf("B", NULL, "manual", 400),
	    leaf("B1", "B", "manual", 150),
	    leaf("B2", "B", "manual", 250),
	    leaf("B21", "B2", "manual", 250),
	    leaf("X", NULL, "bonus", 100),
	    leaf("D", NULL, "deduction", 100),
	    leaf("V", NULL, "veto", 0),
	};
	xf_tree_totals t;
	char msg[200];
	const char *field = NULL;
	assert_int_equal(xf_indicators_check(ind, 10, 1000, &t, msg, &field),
	                 -1);
	assert_int_equal(t.scored_x10, 1000);
	assert_int_equal(t.bonus_x10, 100);
	assert_int_equal(t.deduction_x10, 100);
	assert_int_equal(t.vetoes, 1);
	assert_int_equal(ind[6].depth, 3);
	assert_false(ind[0].leaf);
	assert_true(ind[1].leaf);
	assert_int_equal(ind[1].parent_ix, 0);
}

static void tree_refusals(void **state)
{
	(void)state;
	const char *field = NULL;
	/* a parent whose max is not the sum of its children */
	xf_indicator a[] = {leaf("A", NULL, "manual", 1000),
	                    leaf("A1", "A", "manual", 400)};
	assert_int_equal(check(a, 2, &field), 0);
	assert_string_equal(field, "max");
	/* the scored top level not adding up to 100 */
	xf_indicator b[] = {leaf("A", NULL, "manual", 900)};
	assert_int_equal(check(b, 1, &field), 1);
	/* duplicate codes, missing parent, four levels */
	xf_indicator c[] = {leaf("A", NULL, "manual", 1000),
	                    leaf("A", NULL, "manual", 1000)};
	assert_int_equal(check(c, 2, &field), 1);
	assert_string_equal(field, "code");
	xf_indicator d[] = {leaf("A", "Z", "manual", 1000)};
	assert_int_equal(check(d, 1, &field), 0);
	assert_string_equal(field, "parent");
	xf_indicator e[] = {
	    leaf("A", NULL, "manual", 1000), leaf("B", "A", "manual", 1000),
	    leaf("C", "B", "manual", 1000), leaf("D", "C", "manual", 1000)};
	assert_int_equal(check(e, 4, &field), 3);
	/* a cycle */
	xf_indicator f[] = {leaf("A", "B", "manual", 1000),
	                    leaf("B", "A", "manual", 1000)};
	assert_true(check(f, 2, &field) >= 0);
	/* a bonus under a scored group, a veto with points */
	xf_indicator g[] = {leaf("A", NULL, "manual", 1000),
	                    leaf("A1", "A", "bonus", 1000)};
	assert_int_equal(check(g, 2, &field), 1);
	assert_string_equal(field, "kind");
	xf_indicator h[] = {leaf("A", NULL, "manual", 1000),
	                    leaf("V", NULL, "veto", 50)};
	assert_int_equal(check(h, 2, &field), 1);
	/* a data leaf without source, a manual leaf with one, sources not
	 * measured yet, a mapping without source */
	xf_indicator i[] = {leaf("A", NULL, "data", 1000)};
	assert_int_equal(check(i, 1, &field), 0);
	assert_string_equal(field, "source");
	xf_indicator j[] = {data("A", NULL, 1000, "honors", 0, 10)};
	assert_int_equal(check(j, 1, &field), -1); /* measured now */
	xf_indicator k[] = {data("A", NULL, 1000, "org_points", 5, 5)};
	assert_int_equal(check(k, 1, &field), 0);
	assert_string_equal(field, "mapping");
	xf_indicator l[] = {leaf("A", NULL, "manual", 1000)};
	l[0].map.kind = XF_MAP_RANK;
	assert_int_equal(check(l, 1, &field), 0);
	/* unknown kinds and sources; an open slot that is not a top-level
	 * manual item */
	xf_indicator o[] = {leaf("A", NULL, "other", 1000)};
	assert_int_equal(check(o, 1, &field), 0);
	assert_string_equal(field, "kind");
	xf_indicator q[] = {data("A", NULL, 1000, "weather", 0, 1)};
	assert_int_equal(check(q, 1, &field), 0);
	assert_string_equal(field, "source");
	xf_indicator u[] = {data("A", NULL, 1000, "org_points", 0, 1)};
	u[0].open = 1;
	assert_int_equal(check(u, 1, &field), 0);
	assert_string_equal(field, "open");
	/* steps: sorted, points within max, no repeated minimum */
	xf_indicator m[] = {data("A", NULL, 1000, "org_points", 0, 1)};
	m[0].map = (xf_mapping){.kind = XF_MAP_STEPS,
	                        .nsteps = 3,
	                        .step_min = {80, 60, 90},
	                        .step_x10 = {800, 600, 1000}};
	assert_int_equal(check(m, 1, &field), -1);
	assert_true(m[0].map.step_min[0] == 60 && m[0].map.step_x10[2] == 1000);
	m[0].map.step_x10[2] = 1001;
	assert_int_equal(check(m, 1, &field), 0);
	m[0].map.step_x10[2] = 1000;
	m[0].map.step_min[2] = 80;
	assert_int_equal(check(m, 1, &field), 0);
	/* bad codes, empty trees */
	xf_indicator n[] = {leaf("a b", NULL, "manual", 1000)};
	assert_int_equal(check(n, 1, &field), 0);
	assert_int_equal(check(n, 0, &field), 0);
}

static void sources(void **state)
{
	(void)state;
	xf_org_figures f = {0};
	double v = -1;
	/* counts are data even at zero; rates and means are not */
	for (int s = 0; s < XF_SRC_COUNT; s++)
		if (s != XF_SRC_ORG_POINTS && s != XF_SRC_HONORS)
			assert_int_equal(xf_source_value(s, &f, &v), 0);
	assert_int_equal(xf_source_value(XF_SRC_ORG_POINTS, &f, &v), 1);
	assert_true(v == 0);
	assert_int_equal(xf_source_value(XF_SRC_HONORS, &f, &v), 1);
	assert_true(v == 0);
	f.honors = 4;
	assert_int_equal(xf_source_value(XF_SRC_HONORS, &f, &v), 1);
	assert_true(v == 4);
	f.honors = 0;
	f = (xf_org_figures){.ft_meetings = 8,
	                     .ft_recorded = 6,
	                     .slots_due = 10,
	                     .slots_on_time = 9,
	                     .sanhui_due = 4,
	                     .sanhui_held = 4,
	                     .tasks_due = 3,
	                     .tasks_on_time = 2,
	                     .accepted = 2,
	                     .score_sum = 171,
	                     .members = 4,
	                     .member_points = 50,
	                     .org_points = 12};
	assert_int_equal(xf_source_value(XF_SRC_FIRST_TOPIC_RATE, &f, &v), 1);
	assert_true(v == 75.0);
	assert_int_equal(xf_source_value(XF_SRC_ON_TIME_RATE, &f, &v), 1);
	assert_true(v == 90.0);
	assert_int_equal(xf_source_value(XF_SRC_SANHUI_RATE, &f, &v), 1);
	assert_true(v == 100.0);
	assert_int_equal(xf_source_value(XF_SRC_TASK_ON_TIME_RATE, &f, &v), 1);
	assert_int_equal(xf_points_x10(v), 667);
	assert_int_equal(xf_source_value(XF_SRC_ACCEPTANCE_AVG, &f, &v), 1);
	assert_true(v == 85.5);
	assert_int_equal(xf_source_value(XF_SRC_MEMBER_POINTS_AVG, &f, &v), 1);
	assert_true(v == 12.5);
	assert_int_equal(xf_source_value(XF_SRC_ORG_POINTS, &f, &v), 1);
	assert_true(v == 12);
	/* an organization set up mid-year owes fewer slots: the same held
	 * count is a higher rate */
	xf_org_figures late = f;
	late.slots_due = 9;
	assert_int_equal(xf_source_value(XF_SRC_ON_TIME_RATE, &late, &v), 1);
	assert_true(v == 100.0);
	assert_int_equal(xf_source_value(XF_SRC_HONORS, &f, &v), 1);
	assert_true(v == 0);
	assert_int_equal(xf_source_value(XF_SRC_REVIEW_SCORE, &f, &v), 0);
	/* two review sessions: 90.0% and 80.0% of their maximum */
	f.reviews = 2;
	f.review_pct_x10_sum = 900 + 800;
	assert_int_equal(xf_source_value(XF_SRC_REVIEW_SCORE, &f, &v), 1);
	assert_true(v == 85.0);
	assert_true(xf_source_ready(XF_SRC_REVIEW_SCORE));
	assert_true(xf_source_ready(XF_SRC_ORG_POINTS));
	assert_true(xf_source_ready(XF_SRC_HONORS));
	assert_false(xf_source_ready(XF_SRC_COUNT));
	assert_false(xf_source_ready(-1));
}

static void mappings(void **state)
{
	(void)state;
	xf_mapping lin = {.kind = XF_MAP_LINEAR, .from = 60, .to = 100};
	assert_int_equal(xf_mapping_points(&lin, 59, 200, 0, 0), 0);
	assert_int_equal(xf_mapping_points(&lin, 60, 200, 0, 0), 0);
	assert_int_equal(xf_mapping_points(&lin, 80, 200, 0, 0), 100);
	assert_int_equal(xf_mapping_points(&lin, 100, 200, 0, 0), 200);
	assert_int_equal(xf_mapping_points(&lin, 130, 200, 0, 0), 200);
	/* 61/40 of 20 points = 0.5 points: rounded half up */
	assert_int_equal(xf_mapping_points(&lin, 61, 200, 0, 0), 5);
	xf_mapping rev = {.kind = XF_MAP_LINEAR, .from = 10, .to = 0};
	assert_int_equal(xf_mapping_points(&rev, 0, 100, 0, 0), 100);
	assert_int_equal(xf_mapping_points(&rev, 10, 100, 0, 0), 0);
	assert_int_equal(xf_mapping_points(&rev, 5, 100, 0, 0), 50);
	xf_mapping st = {.kind = XF_MAP_STEPS,
	                 .nsteps = 3,
	                 .step_min = {60, 80, 95},
	                 .step_x10 = {40, 80, 100}};
	assert_int_equal(xf_mapping_points(&st, 59.99, 100, 0, 0), 0);
	assert_int_equal(xf_mapping_points(&st, 60, 100, 0, 0), 40);
	assert_int_equal(xf_mapping_points(&st, 94.9, 100, 0, 0), 80);
	assert_int_equal(xf_mapping_points(&st, 95, 100, 0, 0), 100);
	assert_int_equal(xf_mapping_points(&st, 95, 90, 0, 0), 90);
	xf_mapping rk = {.kind = XF_MAP_RANK};
	assert_int_equal(xf_mapping_points(&rk, 0, 100, 1, 5), 100);
	assert_int_equal(xf_mapping_points(&rk, 0, 100, 3, 5), 50);
	assert_int_equal(xf_mapping_points(&rk, 0, 100, 5, 5), 0);
	assert_int_equal(xf_mapping_points(&rk, 0, 100, 1, 1), 100);
	assert_int_equal(xf_mapping_points(&rk, 0, 100, 0, 5), 0);
	xf_mapping none = {0};
	assert_int_equal(xf_mapping_points(&none, 100, 100, 0, 0), 0);
}

static void roll_up(void **state)
{
	(void)state;
	xf_indicator ind[] = {
	    leaf("A", NULL, "manual", 600), leaf("A1", "A", "manual", 300),
	    leaf("A2", "A", "manual", 300), leaf("B", NULL, "manual", 400),
	    leaf("X", NULL, "bonus", 100),  leaf("D", NULL, "deduction", 50),
	    leaf("V", NULL, "veto", 0),
	};
	const char *field;
	assert_int_equal(check(ind, 7, &field), -1);
	xf_ind_result r[7] = {{0}};
	r[1].points_x10 = 250;
	r[2].points_x10 = 300;
	r[3].points_x10 = 400;
	r[4].points_x10 = 100;
	r[5].points_x10 = 80; /* over its cap of 5 points */
	xf_index x;
	xf_index_roll_up(ind, 7, r, &x);
	assert_int_equal(r[0].points_x10, 550);
	assert_int_equal(r[0].lost_x10, 50);
	assert_int_equal(r[1].lost_x10, 50);
	assert_int_equal(x.scored_x10, 950);
	assert_int_equal(x.bonus_x10, 100);
	assert_int_equal(x.deduction_x10, 50);
	assert_int_equal(x.score_x10, 1000);
	assert_false(x.vetoed);
	r[6].set = 1;
	xf_index_roll_up(ind, 7, r, &x);
	assert_true(x.vetoed);
	/* deductions never take the index below 0 */
	memset(r, 0, sizeof r);
	r[5].points_x10 = 50;
	xf_index_roll_up(ind, 7, r, &x);
	assert_int_equal(x.score_x10, 0);
}

static void stars(void **state)
{
	(void)state;
	xf_star_rules r;
	xf_star_rules_default(&r);
	assert_int_equal(xf_stars_of(&r, 1000, 0, 1), 5);
	assert_int_equal(xf_stars_of(&r, 900, 0, 1), 5);
	assert_int_equal(xf_stars_of(&r, 900, 0, 0), 4);
	assert_int_equal(xf_stars_of(&r, 899, 0, 1), 4);
	assert_int_equal(xf_stars_of(&r, 800, 0, 1), 4);
	assert_int_equal(xf_stars_of(&r, 799, 0, 1), 3);
	assert_int_equal(xf_stars_of(&r, 700, 0, 1), 3);
	assert_int_equal(xf_stars_of(&r, 600, 0, 1), 2);
	assert_int_equal(xf_stars_of(&r, 599, 0, 1), 1);
	assert_int_equal(xf_stars_of(&r, 0, 0, 1), 1);
	assert_int_equal(xf_stars_of(&r, 1000, 1, 1), 1);
}

static void quotas(void **state)
{
	(void)state;
	xf_star_rules r;
	xf_star_rules_default(&r);
	r.quota_pct[0] = 10; /* 5★ at most 10% of 20 peers: 2 */
	r.quota_pct[1] = 30; /* 4★ at most 6 */
	int64_t sc[20];
	int st[20], cap[20];
	for (int i = 0; i < 20; i++)
		sc[i] = 1000 - i * 10; /* 100, 99, ... 81: all >= 80 */
	for (int i = 0; i < 20; i++)
		st[i] = xf_stars_of(&r, (int)sc[i], 0, 1);
	xf_stars_quota(&r, sc, 20, st, cap);
	assert_int_equal(st[0], 5);
	assert_int_equal(st[1], 5);
	assert_int_equal(st[2], 4);
	assert_int_equal(cap[2], 1);
	assert_int_equal(st[7], 4);
	assert_int_equal(st[8], 3);
	assert_int_equal(cap[8], 1);
	assert_int_equal(st[19], 3);
	/* a tie at the boundary: ranks 2 and 3 share a score; both drop,
	 * and so does everybody below them */
	sc[2] = sc[1];
	for (int i = 0; i < 20; i++)
		st[i] = xf_stars_of(&r, (int)sc[i], 0, 1);
	xf_stars_quota(&r, sc, 20, st, cap);
	assert_int_equal(st[0], 5);
	assert_int_equal(cap[0], 0);
	assert_int_equal(st[1], 4);
	assert_int_equal(st[2], 4);
	assert_int_equal(cap[1], 1);
	assert_int_equal(cap[2], 1);
	/* no quota: nothing changes */
	xf_star_rules_default(&r);
	int s2[3] = {5, 5, 5}, c2[3];
	int64_t sc2[3] = {950, 950, 950};
	xf_stars_quota(&r, sc2, 3, s2, c2);
	assert_int_equal(s2[2], 5);
	assert_int_equal(c2[2], 0);
	/* a quota too small for anyone */
	r.quota_pct[0] = 10;
	xf_stars_quota(&r, sc2, 3, s2, c2);
	assert_int_equal(s2[0], 4);
	assert_int_equal(c2[0], 1);
}

/* The shipped templates are valid schemes: 100 scored points, the five
 * star template with its 10-point bonus, the fortress with a veto. */
static void templates(void **state)
{
	(void)state;
	assert_int_equal(xf_scheme_template_count, 2);
	for (int t = 0; t < xf_scheme_template_count; t++) {
		const xf_scheme_template *st = &xf_scheme_templates[t];
		xf_indicator ind[XF_IND_MAX];
		memcpy(ind, st->ind, (size_t)st->nind * sizeof *ind);
		xf_tree_totals tot;
		char msg[200];
		const char *field = NULL;
		assert_int_equal(
		    xf_indicators_check(ind, st->nind, 1000, &tot, msg, &field),
		    -1);
		assert_int_equal(tot.scored_x10, 1000);
	}
	assert_int_equal(xf_scheme_templates[0].nind, 8);
	xf_indicator ind[XF_IND_MAX];
	xf_tree_totals tot;
	char msg[200];
	const char *field;
	memcpy(ind, xf_scheme_templates[0].ind, 8 * sizeof *ind);
	xf_indicators_check(ind, 8, 1000, &tot, msg, &field);
	assert_int_equal(tot.bonus_x10, 100);
	const xf_scheme_template *f = &xf_scheme_templates[1];
	memcpy(ind, f->ind, (size_t)f->nind * sizeof *ind);
	xf_indicators_check(ind, f->nind, 1000, &tot, msg, &field);
	assert_int_equal(tot.vetoes, 1);
	assert_int_equal(tot.deduction_x10, 100);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tree_ok), cmocka_unit_test(tree_refusals),
	    cmocka_unit_test(sources), cmocka_unit_test(mappings),
	    cmocka_unit_test(roll_up), cmocka_unit_test(stars),
	    cmocka_unit_test(quotas),  cmocka_unit_test(templates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
