/*
 * test_routes.c - unit tests of the route table (api/routes.c) and what the
 * server does with it before a handler runs: the index that finds a route
 * whatever the order of the table (http/server.c: xf_route_index_new,
 * xf_route_find), and the query tables with their one rule per type and
 * their defaults (api/input.c: xf_input_param). No server, no database.
 * tests/fuzz/fuzz_route.c checks the index on arbitrary patterns.
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

#include "api/api.h"
#include "api/input.h"
#include "api/tasks.h"
#include "fixture.h"
#include "http/static.h"

/* http/static.c serves the UI's assets; linked here, it has none. */
const xf_asset xf_web_assets[] = {{0}};
const size_t xf_web_nassets = 0;

/* 2024-12-31 16:30 UTC: 2025-01-01 00:30 in Shanghai. */
#define NEW_YEAR_NIGHT 1735662600

static int setup(void **state)
{
	xf_req *r = calloc(1, sizeof *r);
	if (!r)
		return -1;
	xf_arena_init(&r->arena, 1u << 20);
	xf_buf_init(&r->out, 1u << 16);
	r->now = NEW_YEAR_NIGHT;
	*state = r;
	return 0;
}

static int teardown(void **state)
{
	xf_req *r = *state;
	xf_buf_free(&r->out);
	xf_arena_reset(&r->arena);
	free(r);
	return 0;
}

/* The path of a pattern with every {x} given as "7". */
static void path_of(const char *pattern, char *out, size_t cap)
{
	size_t o = 0;
	for (const char *p = pattern; *p && o + 2 < cap; p++) {
		if (*p == '{') {
			out[o++] = '7';
			p = strchr(p, '}');
			assert_non_null(p);
		} else {
			out[o++] = *p;
		}
	}
	out[o] = '\0';
}

static const xf_route *find(const xf_route_index *ix, xf_req *r,
                            const char *method, const char *url)
{
	int matched;
	return xf_route_find(ix, r, method, url, &matched);
}

static void test_every_route_is_found_by_its_path_in_any_order(void **state)
{
	xf_req *r = *state;
	size_t n;
	const xf_route *routes = xf_api_routes(&n);
	assert_true(n > 100);
	xf_route *rev = calloc(n, sizeof *rev);
	assert_non_null(rev);
	for (size_t i = 0; i < n; i++)
		rev[n - 1 - i] = routes[i];
	char err[256];
	xf_route_index *a = xf_route_index_new(routes, n, err, sizeof err);
	xf_route_index *b = xf_route_index_new(rev, n, err, sizeof err);
	assert_non_null(a);
	assert_non_null(b);
	for (size_t i = 0; i < n; i++) {
		char path[256];
		path_of(routes[i].pattern, path, sizeof path);
		const xf_route *x = find(a, r, routes[i].method, path);
		const xf_route *y = find(b, r, routes[i].method, path);
		assert_ptr_equal(x, &routes[i]);
		assert_non_null(y);
		assert_string_equal(y->pattern, routes[i].pattern);
		assert_ptr_equal(y->handler, routes[i].handler);
	}
	xf_route_index_free(a);
	xf_route_index_free(b);
	free(rev);
}

static void test_literal_segments_win_and_methods_fall_through(void **state)
{
	xf_req *r = *state;
	size_t n;
	const xf_route *routes = xf_api_routes(&n);
	char err[256];
	xf_route_index *ix = xf_route_index_new(routes, n, err, sizeof err);
	assert_non_null(ix);
	int matched;
	const xf_route *k = find(ix, r, "GET", "/api/tasks/board");
	assert_ptr_equal(k->handler, xf_h_tasks_board);
	assert_int_equal(r->nparam, 0);
	/* the literal path has no PATCH: the {id} route answers it */
	k = find(ix, r, "PATCH", "/api/tasks/board");
	assert_string_equal(k->pattern, "/api/tasks/{id}");
	assert_int_equal(r->nparam, 1);
	assert_string_equal(r->param[0], "board");
	k = find(ix, r, "DELETE", "/api/tasks/7/milestones/9");
	assert_string_equal(k->pattern, "/api/tasks/{id}/milestones/{mid}");
	assert_int_equal(r->nparam, 2);
	assert_string_equal(r->param[1], "9");
	/* a path some route has, with a method none has: 405 */
	assert_null(xf_route_find(ix, r, "PUT", "/api/orgs/3", &matched));
	assert_int_equal(matched, 1);
	/* no route has the path: 404 */
	const char *none[] = {"/api/orgs/3/",  "/api//orgs",
	                      "/api/orgs/3/x", "/api",
	                      "api/orgs",      "/api/orgs/3/tree/1/2/3/4/5"};
	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++) {
		assert_null(xf_route_find(ix, r, "GET", none[i], &matched));
		assert_int_equal(matched, 0);
	}
	xf_route_index_free(ix);
}

static void h_none(xf_req *r)
{
	(void)r;
}

static void test_the_index_refuses_bad_tables(void **state)
{
	(void)state;
	static const char *const bad[] = {
	    "api/x",
	    "/api//x",
	    "/api/x/",
	    "/api/x{id}",
	    "/api/{}",
	    "/api/{",
	    "/",
	    "/a/{b}c",
	    "",
	    "/a/{b}}",
	    "/a/}{b",
	    "/a/{{b}",
	    "/{a}/{b}/{c}/{d}/{e}",
	    "/1/2/3/4/5/6/7/8/9",
	};
	char err[256];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		xf_route t[] = {{"GET", bad[i], h_none, 0, NULL, NULL, 0}};
		assert_null(xf_route_index_new(t, 1, err, sizeof err));
	}
	/* one method, one shape: the names of the {x} do not count */
	xf_route twins[] = {{"GET", "/a/{id}", h_none, 0, NULL, NULL, 0},
	                    {"GET", "/a/{org}", h_none, 0, NULL, NULL, 0}};
	assert_null(xf_route_index_new(twins, 2, err, sizeof err));
	assert_non_null(strstr(err, "two routes"));
	twins[1].method = "POST";
	xf_route_index *ix = xf_route_index_new(twins, 2, err, sizeof err);
	assert_non_null(ix);
	xf_route_index_free(ix);
}

/* The parameter named name of the query table of GET pattern. */
static const xf_param *param_of(const char *pattern, const char *name)
{
	size_t n;
	const xf_route *routes = xf_api_routes(&n);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(routes[i].method, "GET") != 0 ||
		    strcmp(routes[i].pattern, pattern) != 0)
			continue;
		const xf_query_table *q = routes[i].query;
		for (size_t k = 0; q && k < q->n; k++)
			if (strcmp(q->params[k].name, name) == 0)
				return &q->params[k];
	}
	fail_msg("no parameter %s of GET %s", name, pattern);
	return NULL;
}

/* Checks s against p: 0 with the value, or -1 with a 422 naming p. */
static int check(xf_req *r, const xf_param *p, const char *s, xf_val *v)
{
	xf_buf_clear(&r->out);
	r->status = 0;
	int rc = xf_input_param(r, p, s, v);
	if (rc == 0) {
		assert_int_equal(r->status, 0);
		return 0;
	}
	assert_int_equal(r->status, 422);
	char field[64];
	snprintf(field, sizeof field, "\"field\":\"%s\"", p->name);
	assert_non_null(strstr(r->out.data, field));
	assert_non_null(strstr(r->out.data, "invalid_field"));
	return rc;
}

static void test_every_query_table_is_sound_and_its_defaults_pass(void **state)
{
	xf_req *r = *state;
	size_t n, tables = 0;
	const xf_route *routes = xf_api_routes(&n);
	for (size_t i = 0; i < n; i++) {
		const xf_query_table *q = routes[i].query;
		if (!q)
			continue;
		tables++;
		assert_string_equal(routes[i].method, "GET");
		for (size_t k = 0; k < q->n; k++) {
			const xf_param *p = &q->params[k];
			assert_non_null(p->name);
			for (size_t j = 0; j < k; j++)
				assert_string_not_equal(q->params[j].name,
				                        p->name);
			assert_true(p->type >= XF_Q_ID && p->type <= XF_Q_YEAR);
			assert_true((p->type == XF_Q_ENUM) ==
			            (p->enums != NULL || p->codes != NULL));
			assert_false(p->enums && p->codes);
			assert_true(p->type != XF_Q_STR || p->max > 0);
			assert_true(p->type != XF_Q_INT || p->min <= p->max);
			assert_false(p->required && (p->dflt || p->now));
			xf_val v;
			if (p->required) {
				assert_int_equal(check(r, p, NULL, &v), -1);
				continue;
			}
			/* a default is checked as if it had been sent */
			assert_int_equal(check(r, p, NULL, &v), 0);
			assert_int_equal(v.present, p->dflt || p->now);
			if (p->dflt)
				assert_int_equal(check(r, p, p->dflt, &v), 0);
		}
	}
	assert_true(tables >= 30);
}

static void test_every_flag_takes_one_rule(void **state)
{
	xf_req *r = *state;
	static const char *const flags[][2] = {
	    {"/api/members", "subtree"},
	    {"/api/orgs", "roots"},
	    {"/api/plans", "subtree"},
	    {"/api/duties", "applicable"},
	    {"/api/duty-assignments", "subtree"},
	    {"/api/meetings", "subtree"},
	    {"/api/tasks", "subtree"},
	    {"/api/tasks", "milestones"},
	    {"/api/tasks/reminders", "subtree"},
	};
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		const xf_param *p = param_of(flags[i][0], flags[i][1]);
		assert_int_equal(p->type, XF_Q_BOOL);
		xf_val v;
		static const char *const yes[] = {"1", "true"};
		static const char *const no[] = {"0", "false"};
		for (int k = 0; k < 2; k++) {
			assert_int_equal(check(r, p, yes[k], &v), 0);
			assert_int_equal(v.i, 1);
			assert_int_equal(check(r, p, no[k], &v), 0);
			assert_int_equal(v.i, 0);
		}
		assert_int_equal(check(r, p, "", &v), 0);
		assert_int_equal(v.i, 0);
		assert_true_for(check(r, p, str, &v) == -1, "yes", "TRUE", "2",
		                " 1", "01", "on");
	}
}

static void test_years_are_four_digits_in_range(void **state)
{
	xf_req *r = *state;
	const xf_param *p = param_of("/api/plans", "year");
	xf_val v;
	assert_int_equal(check(r, p, "2024", &v), 0);
	assert_int_equal(v.i, 2024);
	assert_true_for(check(r, p, str, &v) == -1, "02024", "1899", "2201",
	                "24", "2024Q1", "2024-07", "二〇二四");
	assert_int_equal(check(r, p, NULL, &v), 0);
	assert_false(v.present);
}

static void test_boards_default_to_the_current_year_or_quarter(void **state)
{
	xf_req *r = *state;
	xf_val v;
	/* just after midnight on New Year's Day in Shanghai (still 2024 in
	 * UTC) the current year is 2025 */
	static const char *const years[][2] = {
	    {"/api/leaderboards/members", "period"},
	    {"/api/leaderboards/orgs", "period"},
	    {"/api/tasks/board", "year"},
	    {"/api/acceptance", "year"},
	    {"/api/attendance/register", "year"},
	    {"/api/attendance/register.xlsx", "year"},
	};
	for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
		const xf_param *p = param_of(years[i][0], years[i][1]);
		assert_int_equal(check(r, p, NULL, &v), 0);
		assert_true(v.present);
		assert_string_equal(v.s, "2025");
		assert_int_equal(v.i, 2025);
	}
	static const char *const quarters[] = {"/api/compliance",
	                                       "/api/compliance/board"};
	for (size_t i = 0; i < 2; i++) {
		const xf_param *p = param_of(quarters[i], "period");
		assert_int_equal(check(r, p, NULL, &v), 0);
		assert_string_equal(v.s, "2025Q1");
	}
	/* a period that is sent is the one used */
	const xf_param *p = param_of("/api/compliance", "period");
	assert_int_equal(check(r, p, "2024-07", &v), 0);
	assert_string_equal(v.s, "2024-07");
	assert_int_equal(check(r, p, "2024Q5", &v), -1);
}

static void test_integers_keep_their_bounds_and_defaults(void **state)
{
	xf_req *r = *state;
	xf_val v;
	const xf_param *days = param_of("/api/tasks/reminders", "days");
	assert_int_equal(check(r, days, NULL, &v), 0);
	assert_int_equal(v.i, 7);
	assert_int_equal(check(r, days, "0", &v), 0);
	assert_int_equal(v.i, 0);
	assert_int_equal(check(r, days, "366", &v), 0);
	assert_true_for(check(r, days, str, &v) == -1, "367", "-1", "7.0",
	                "1e2", "9999999999999999999");
	const xf_param *size = param_of("/api/members", "size");
	assert_int_equal(check(r, size, NULL, &v), 0);
	assert_int_equal(v.i, 20);
	assert_int_equal(check(r, size, "201", &v), -1);
	assert_int_equal(check(r, size, "0", &v), -1);
	const xf_param *page = param_of("/api/members", "page");
	assert_int_equal(check(r, page, NULL, &v), 0);
	assert_int_equal(v.i, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        test_every_route_is_found_by_its_path_in_any_order, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_literal_segments_win_and_methods_fall_through, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_the_index_refuses_bad_tables,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_every_query_table_is_sound_and_its_defaults_pass, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_every_flag_takes_one_rule,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(test_years_are_four_digits_in_range,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_boards_default_to_the_current_year_or_quarter, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_integers_keep_their_bounds_and_defaults, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
