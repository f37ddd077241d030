/*
 * test_scope.c - unit tests of roles, organization paths and scope rules
 * (domain/scope.h).
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domain/scope.h"

/* ---- roles -------------------------------------------------------------- */

static void test_role_names_round_trip(void **state)
{
	(void)state;
	const char *names[] = {"admin",  "committee", "secretary",
	                       "member", "judge",     "screen"};
	for (int r = XF_ROLE_ADMIN; r <= XF_ROLE_SCREEN; r++) {
		assert_string_equal(xf_role_name(r), names[r - 1]);
		assert_int_equal(xf_role_parse(names[r - 1]), r);
		assert_true(strlen(xf_role_title(r)) > 0);
	}
	assert_int_equal(xf_role_parse("member"), XF_ROLE_MEMBER);
}

static void test_unknown_role_names_parse_as_0(void **state)
{
	(void)state;
	assert_int_map(xf_role_parse(str), {"Admin", 0}, {"admin ", 0},
	               {"root", 0}, {"", 0}, {NULL, 0});
	assert_string_equal(xf_role_name(0), "");
	assert_string_equal(xf_role_name(7), "");
	assert_string_equal(xf_role_name(-1), "");
	assert_string_equal(xf_role_title(99), "");
}

/* ---- paths -------------------------------------------------------------- */

static void test_well_formed_paths_are_valid(void **state)
{
	(void)state;
	assert_true_for(xf_path_valid(str), "/1/", "/1/5/23/", "/10/200/3000/",
	                "/9223372036854775807/");
}

static void test_malformed_paths_are_invalid(void **state)
{
	(void)state;
	const char *bad[] = {
	    "",
	    "/",
	    "//",
	    "1/",
	    "/1",
	    "/1//",
	    "/0/",
	    "/01/",
	    "/1/05/",
	    "/-1/",
	    "/+1/",
	    "/1/a/",
	    "/1/5",
	    "1/5/",
	    "/1/ 5/",
	    "/1/5/.",
	    "/1/../",
	    "/1/5//",
	    "/9223372036854775808/",
	    "/99999999999999999999/",
	    "/1/5/\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (xf_path_valid(bad[i]))
			fail_msg("\"%s\" judged valid", bad[i]);
	}
	assert_false(xf_path_valid(NULL));
}

static void test_path_must_be_shorter_than_path_max(void **state)
{
	char p[XF_PATH_MAX + 2];
	size_t n = 0;
	(void)state;
	/* "/1/1/1/..." of exactly XF_PATH_MAX - 1 bytes is valid. */
	p[n++] = '/';
	while (n + 2 <= XF_PATH_MAX - 1) {
		p[n++] = '1';
		p[n++] = '/';
	}
	p[n] = '\0';
	assert_int_equal(strlen(p), XF_PATH_MAX - 1);
	assert_true(xf_path_valid(p));
	/* One more id of two characters makes it too long. */
	p[n++] = '1';
	p[n++] = '/';
	p[n] = '\0';
	assert_false(xf_path_valid(p));
}

static void test_path_depth_counts_levels_below_the_root(void **state)
{
	(void)state;
	assert_int_map(xf_path_depth(str), {"/1/", 0}, {"/1/5/", 1},
	               {"/1/5/23/", 2}, {"/1/5/23/7/", 3}, {"/1/5", -1},
	               {NULL, -1});
}

static void test_parent_id_of_a_root_is_0(void **state)
{
	(void)state;
	assert_int_map(xf_path_parent_id(str), {"/1/", 0}, {"/42/", 0},
	               {"/1/5/", 1}, {"/1/5/23/", 5}, {"/1/500/23000/", 500},
	               {"/1/x/", -1});
	assert_int_map(xf_path_id(str), {"/1/5/23/", 23}, {"/1/", 1},
	               {"/9223372036854775807/", INT64_MAX}, {"", -1});
	assert_int_map(xf_path_root_id(str), {"/1/5/23/", 1}, {"/42/", 42},
	               {"/1/x/", -1}, {"", -1});
}

static void test_child_path_appends_the_id(void **state)
{
	char out[XF_PATH_MAX];
	(void)state;
	assert_int_equal(xf_path_child("/1/5/", 23, out, sizeof out), 0);
	assert_string_equal(out, "/1/5/23/");
	assert_int_equal(xf_path_child("", 7, out, sizeof out), 0);
	assert_string_equal(out, "/7/");
	assert_int_equal(xf_path_child(NULL, 1, out, sizeof out), 0);
	assert_string_equal(out, "/1/");
	assert_int_equal(xf_path_child("/1/", INT64_MAX, out, sizeof out), 0);
	assert_string_equal(out, "/1/9223372036854775807/");
	assert_int_equal(xf_path_depth(out), 1);
}

static void test_child_path_may_overwrite_its_parent(void **state)
{
	char p[XF_PATH_MAX] = "/1/5/";
	(void)state;
	assert_int_equal(xf_path_child(p, 23, p, sizeof p), 0);
	assert_string_equal(p, "/1/5/23/");
}

static void
test_child_path_rejects_bad_ids_parents_and_small_buffers(void **state)
{
	char out[XF_PATH_MAX];
	char small[8];
	(void)state;
	assert_int_equal(xf_path_child("/1/", 0, out, sizeof out), -1);
	assert_int_equal(xf_path_child("/1/", -5, out, sizeof out), -1);
	assert_int_equal(xf_path_child("/1", 5, out, sizeof out), -1);
	assert_int_equal(xf_path_child("/1/5/", 5, NULL, 0), -1);
	/* "/1/5/23/" needs 9 bytes with its NUL. */
	memset(small, '#', sizeof small);
	assert_int_equal(xf_path_child("/1/5/", 23, small, sizeof small), -1);
	assert_int_equal(xf_path_child("/1/5/", 2, small, sizeof small), 0);
	assert_string_equal(small, "/1/5/2/");
}

static void test_child_path_longer_than_path_max_is_refused(void **state)
{
	char p[XF_PATH_MAX] = "/1/";
	char big[1024];
	int levels = 0;
	(void)state;
	while (xf_path_child(p, 99, p, sizeof p) == 0)
		levels++;
	assert_true(strlen(p) < XF_PATH_MAX);
	assert_true(strlen(p) + 3 >= XF_PATH_MAX - 1);
	assert_int_equal(xf_path_depth(p), levels);
	/* A bigger buffer does not lift the path limit. */
	assert_int_equal(xf_path_child(p, 99, big, sizeof big), -1);
}

static void test_path_within_itself_and_below(void **state)
{
	(void)state;
	assert_true_for(xf_path_within(str, "/1/5/"), "/1/5/", "/1/5/23/",
	                "/1/5/23/7/");
	assert_true(xf_path_within("/1/5/23/", "/1/"));
	assert_false_for(xf_path_within(str, "/1/5/"), "/1/", "/1/6/", "/2/5/");
}

static void test_path_1_5_does_not_contain_1_50(void **state)
{
	(void)state;
	assert_false_for(xf_path_within(str, "/1/5/"), "/1/50/", "/1/51/2/",
	                 "/1/5000/");
	assert_false(xf_path_within("/10/", "/1/"));
	assert_false(xf_path_within("/15/5/", "/1/"));
	assert_false(xf_path_within("/11/5/", "/1/5/"));
}

static void test_path_within_refuses_malformed_paths(void **state)
{
	(void)state;
	assert_false(xf_path_within("/1/5/23/", ""));
	assert_false(xf_path_within("/1/5/23/", "/1/5"));
	assert_false_for(xf_path_within(str, "/1/5/"), "/1/5/../", "/1/5/x/",
	                 "/1/5/23");
	assert_false(xf_path_within(NULL, "/1/"));
	assert_false(xf_path_within("/1/", NULL));
}

static void test_range_end_replaces_the_last_slash_with_0(void **state)
{
	char out[XF_PATH_MAX];
	(void)state;
	assert_int_equal(xf_path_range_end("/1/5/", out, sizeof out), 0);
	assert_string_equal(out, "/1/50");
	assert_int_equal(xf_path_range_end("/1/", out, sizeof out), 0);
	assert_string_equal(out, "/10");
	assert_int_equal(xf_path_range_end("/1/5/23/", out, sizeof out), 0);
	assert_string_equal(out, "/1/5/230");
}

static void test_range_end_rejects_bad_prefixes_and_small_buffers(void **state)
{
	char out[XF_PATH_MAX];
	(void)state;
	assert_int_equal(xf_path_range_end("", out, sizeof out), -1);
	assert_int_equal(xf_path_range_end("/1/5", out, sizeof out), -1);
	assert_int_equal(xf_path_range_end(NULL, out, sizeof out), -1);
	assert_int_equal(xf_path_range_end("/1/5/", out, 5), -1);
	assert_int_equal(xf_path_range_end("/1/5/", out, 6), 0);
	assert_int_equal(xf_path_range_end("/1/5/", NULL, 6), -1);
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

/* Checks one (prefix, path) pair against the range promise. */
static void check_range(const char *prefix, const char *end, const char *p)
{
	int in_range = strcmp(prefix, p) <= 0 && strcmp(p, end) < 0;
	if (in_range != xf_path_within(p, prefix))
		fail_msg("%s within %s: %d, but in [%s, %s): %d", p, prefix,
		         xf_path_within(p, prefix), prefix, end, in_range);
}

/* All paths of depth 0..2 over ids chosen to collide on prefixes: 1 vs 10,
 * 5 vs 50 vs 500, 9 vs 90 vs 99, and INT64_MAX. */
static const char *const ids[] = {"1",
                                  "5",
                                  "9",
                                  "10",
                                  "15",
                                  "50",
                                  "51",
                                  "500",
                                  "90",
                                  "99",
                                  "9223372036854775807"};
#define NIDS   (sizeof ids / sizeof ids[0])
#define NPATHS (NIDS + NIDS * NIDS + NIDS * NIDS * NIDS)

static char (*all_paths(void))[XF_PATH_MAX]
{
	char(*paths)[XF_PATH_MAX] = calloc(NPATHS, XF_PATH_MAX);
	size_t n = 0;
	assert_non_null(paths);
	for (size_t a = 0; a < NIDS; a++) {
		snprintf(paths[n++], XF_PATH_MAX, "/%s/", ids[a]);
		for (size_t b = 0; b < NIDS; b++) {
			snprintf(paths[n++], XF_PATH_MAX, "/%s/%s/", ids[a],
			         ids[b]);
			for (size_t c = 0; c < NIDS; c++)
				snprintf(paths[n++], XF_PATH_MAX, "/%s/%s/%s/",
				         ids[a], ids[b], ids[c]);
		}
	}
	assert_int_equal(n, NPATHS);
	return paths;
}

static void test_range_holds_exactly_the_subtree_for_every_pair(void **state)
{
	char(*paths)[XF_PATH_MAX] = all_paths();
	(void)state;
	for (size_t i = 0; i < NPATHS; i++) {
		char end[XF_PATH_MAX];
		assert_true(xf_path_valid(paths[i]));
		assert_int_equal(xf_path_range_end(paths[i], end, sizeof end),
		                 0);
		for (size_t j = 0; j < NPATHS; j++)
			check_range(paths[i], end, paths[j]);
	}
	free(paths);
}

static int cmp_path(const void *a, const void *b)
{
	return sign(strcmp(a, b));
}

static void test_sorted_paths_keep_each_subtree_contiguous(void **state)
{
	char(*paths)[XF_PATH_MAX] = all_paths();
	(void)state;
	qsort(paths, NPATHS, XF_PATH_MAX, cmp_path);
	/* Each subtree starts at its own path and runs without a gap. */
	for (size_t i = 0; i < NPATHS; i++) {
		size_t j = i;
		while (j < NPATHS && xf_path_within(paths[j], paths[i]))
			j++;
		for (size_t k = j; k < NPATHS; k++)
			if (xf_path_within(paths[k], paths[i]))
				fail_msg("%s outside the run of %s", paths[k],
				         paths[i]);
		for (size_t k = 0; k < i; k++)
			assert_false(xf_path_within(paths[k], paths[i]));
	}
	free(paths);
}

/* A small linear congruential generator, so runs repeat. */
static unsigned next_rand(unsigned *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 16;
}

/* Cuts path to its first levels ids ("/1/5/23/", 2 → "/1/5/"). */
static void cut_path(char *path, int levels)
{
	char *p = path;
	for (int i = 0; i < levels; i++)
		p = strchr(p + 1, '/');
	p[1] = '\0';
}

static void test_range_holds_exactly_the_subtree_for_random_paths(void **state)
{
	char a[XF_PATH_MAX], b[XF_PATH_MAX], end[XF_PATH_MAX];
	unsigned seed = 12345;
	(void)state;
	for (int round = 0; round < 200000; round++) {
		/* b: a random path; ids 1..120 share many prefixes. */
		int depth = 1 + (int)(next_rand(&seed) % 5);
		b[0] = '\0';
		for (int d = 0; d < depth; d++)
			assert_int_equal(
			    xf_path_child(b, 1 + next_rand(&seed) % 120, b,
			                  sizeof b),
			    0);
		/* a: an ancestor of b, then maybe its last id changed (a
		 * sibling or prefix twin) or a random id appended. */
		memcpy(a, b, sizeof a);
		cut_path(a, 1 + (int)(next_rand(&seed) % (unsigned)depth));
		switch (next_rand(&seed) % 3) {
		case 0:
			break;
		case 1: {
			int levels = xf_path_depth(a);
			cut_path(a, levels);
			if (levels == 0)
				a[0] = '\0';
			assert_int_equal(
			    xf_path_child(a, 1 + next_rand(&seed) % 120, a,
			                  sizeof a),
			    0);
			break;
		}
		default:
			assert_int_equal(
			    xf_path_child(a, 1 + next_rand(&seed) % 120, a,
			                  sizeof a),
			    0);
		}
		assert_int_equal(xf_path_range_end(a, end, sizeof end), 0);
		check_range(a, end, b);
		assert_int_equal(xf_path_range_end(b, end, sizeof end), 0);
		check_range(b, end, a);
	}
}

/* ---- scope -------------------------------------------------------------- */

/* The tree used below:
 *   /1/            city work committee
 *   /1/5/          a district work committee
 *   /1/5/23/       a party committee, branches /1/5/23/230/ and /1/5/23/231/
 *   /1/5/24/       a sibling party committee
 *   /1/50/         another organ, whose path starts like /1/5/
 *   /2/            another tree
 */
static xf_scope one(int role, const char *path)
{
	xf_scope s;
	xf_scope_init(&s, 100, 0);
	assert_int_equal(xf_scope_add(&s, role, xf_path_id(path), path), 0);
	return s;
}

static void test_admin_reads_and_writes_everything(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 1, 0);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_ADMIN, 0, ""), 0);
	assert_true(xf_scope_is_admin(&s));
	const char *paths[] = {"/1/", "/1/5/23/", "/2/", "/1/50/"};
	for (size_t i = 0; i < 4; i++) {
		assert_true(xf_scope_can_read_org(&s, paths[i]));
		assert_true(xf_scope_can_write_org(&s, paths[i]));
		assert_true(xf_scope_sees_pii(&s, paths[i]));
		assert_true(xf_scope_can_manage_users(&s, paths[i]));
	}
	assert_true(xf_scope_can_manage_users(&s, NULL));
	assert_true(xf_scope_can_read_member(&s, 77, "/2/"));
}

static void
test_committee_reads_writes_and_sees_pii_in_its_subtree(void **state)
{
	xf_scope s = one(XF_ROLE_COMMITTEE, "/1/5/");
	(void)state;
	const char *inside[] = {"/1/5/", "/1/5/23/", "/1/5/23/230/",
	                        "/1/5/24/"};
	for (size_t i = 0; i < 4; i++) {
		assert_true(xf_scope_can_read_org(&s, inside[i]));
		assert_true(xf_scope_can_write_org(&s, inside[i]));
		assert_true(xf_scope_sees_pii(&s, inside[i]));
		assert_true(xf_scope_can_manage_users(&s, inside[i]));
	}
	assert_false(xf_scope_is_admin(&s));
}

static void test_committee_cannot_reach_parent_or_prefix_twin(void **state)
{
	xf_scope s = one(XF_ROLE_COMMITTEE, "/1/5/");
	(void)state;
	const char *outside[] = {"/1/", "/1/50/", "/1/6/", "/2/", "/2/1/5/"};
	for (size_t i = 0; i < 5; i++) {
		assert_false(xf_scope_can_read_org(&s, outside[i]));
		assert_false(xf_scope_can_write_org(&s, outside[i]));
		assert_false(xf_scope_sees_pii(&s, outside[i]));
		assert_false(xf_scope_can_manage_users(&s, outside[i]));
	}
}

static void test_secretary_writes_own_org_and_those_below(void **state)
{
	xf_scope s = one(XF_ROLE_SECRETARY, "/1/5/23/");
	(void)state;
	assert_true(xf_scope_can_read_org(&s, "/1/5/23/"));
	assert_true(xf_scope_can_write_org(&s, "/1/5/23/"));
	assert_true(xf_scope_can_write_org(&s, "/1/5/23/231/"));
}

static void test_secretary_cannot_write_sibling_branch(void **state)
{
	xf_scope s = one(XF_ROLE_SECRETARY, "/1/5/23/230/");
	(void)state;
	assert_false(xf_scope_can_write_org(&s, "/1/5/23/231/"));
	assert_false(xf_scope_can_read_org(&s, "/1/5/23/231/"));
	assert_false(xf_scope_can_write_org(&s, "/1/5/23/2300/"));
}

static void test_secretary_cannot_write_its_parent(void **state)
{
	xf_scope s = one(XF_ROLE_SECRETARY, "/1/5/23/");
	(void)state;
	assert_false(xf_scope_can_write_org(&s, "/1/5/"));
	assert_false(xf_scope_can_read_org(&s, "/1/5/"));
	assert_false(xf_scope_can_read_org(&s, "/1/"));
}

static void test_secretary_sees_no_pii_and_manages_no_users(void **state)
{
	xf_scope s = one(XF_ROLE_SECRETARY, "/1/5/23/");
	(void)state;
	assert_false(xf_scope_sees_pii(&s, "/1/5/23/"));
	assert_false(xf_scope_sees_pii(&s, "/1/5/23/230/"));
	assert_false(xf_scope_can_manage_users(&s, "/1/5/23/"));
}

static void test_screen_reads_its_subtree_but_never_writes(void **state)
{
	xf_scope s = one(XF_ROLE_SCREEN, "/1/5/");
	(void)state;
	assert_true(xf_scope_can_read_org(&s, "/1/5/"));
	assert_true(xf_scope_can_read_org(&s, "/1/5/23/230/"));
	assert_false(xf_scope_can_read_org(&s, "/1/50/"));
	assert_false(xf_scope_can_write_org(&s, "/1/5/"));
	assert_false(xf_scope_can_write_org(&s, "/1/5/23/"));
	assert_false(xf_scope_sees_pii(&s, "/1/5/"));
	assert_false(xf_scope_can_manage_users(&s, "/1/5/"));
}

static void test_member_reads_own_record_but_no_org_data(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 100, 4242);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_MEMBER, 230, "/1/5/23/230/"),
	                 0);
	assert_false(xf_scope_can_read_org(&s, "/1/5/23/230/"));
	assert_false(xf_scope_can_write_org(&s, "/1/5/23/230/"));
	assert_false(xf_scope_sees_pii(&s, "/1/5/23/230/"));
	assert_true(xf_scope_can_read_member(&s, 4242, "/1/5/23/230/"));
	assert_false(xf_scope_can_read_member(&s, 4243, "/1/5/23/230/"));
	assert_null(xf_scope_widest(&s));
}

static void test_user_who_is_no_member_owns_no_member_record(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 100, 0);
	assert_false(xf_scope_can_read_member(&s, 0, "/1/"));
}

static void test_judge_sees_no_org_data(void **state)
{
	xf_scope s = one(XF_ROLE_JUDGE, "/1/");
	(void)state;
	assert_false(xf_scope_can_read_org(&s, "/1/"));
	assert_false(xf_scope_can_read_org(&s, "/1/5/"));
	assert_false(xf_scope_can_write_org(&s, "/1/"));
	assert_false(xf_scope_sees_pii(&s, "/1/"));
	assert_false(xf_scope_can_manage_users(&s, "/1/"));
	assert_false(xf_scope_can_read_member(&s, 1, "/1/"));
	assert_null(xf_scope_widest(&s));
}

static void test_secretary_reads_other_members_of_its_subtree(void **state)
{
	xf_scope s = one(XF_ROLE_SECRETARY, "/1/5/23/");
	(void)state;
	assert_true(xf_scope_can_read_member(&s, 9, "/1/5/23/230/"));
	assert_false(xf_scope_can_read_member(&s, 9, "/1/5/24/"));
}

static void test_user_without_grants_or_scope_may_do_nothing(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 100, 0);
	assert_false(xf_scope_can_read_org(&s, "/1/"));
	assert_false(xf_scope_can_write_org(&s, "/1/"));
	assert_false(xf_scope_is_admin(&s));
	assert_null(xf_scope_widest(&s));
	assert_false(xf_scope_can_read_org(NULL, "/1/"));
	assert_false(xf_scope_can_write_org(NULL, "/1/"));
	assert_false(xf_scope_sees_pii(NULL, "/1/"));
	assert_false(xf_scope_can_manage_users(NULL, "/1/"));
	assert_false(xf_scope_can_read_member(NULL, 1, "/1/"));
	assert_false(xf_scope_is_admin(NULL));
	assert_false(xf_scope_has_role(NULL, XF_ROLE_ADMIN));
	assert_null(xf_scope_widest(NULL));
}

static void test_malformed_path_is_refused_to_non_admins(void **state)
{
	xf_scope s = one(XF_ROLE_COMMITTEE, "/1/");
	(void)state;
	assert_false_for(xf_scope_can_read_org(&s, str), "", NULL, "/1/../2/");
	assert_false(xf_scope_can_write_org(&s, "/1/5"));
}

static void test_grants_of_several_roles_combine(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 100, 4242);
	assert_int_equal(
	    xf_scope_add(&s, XF_ROLE_SECRETARY, 230, "/1/5/23/230/"), 0);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_SCREEN, 5, "/1/5/"), 0);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_MEMBER, 230, "/1/5/23/230/"),
	                 0);
	/* Reads the district through the screen, writes only the branch. */
	assert_true(xf_scope_can_read_org(&s, "/1/5/24/"));
	assert_false(xf_scope_can_write_org(&s, "/1/5/24/"));
	assert_true(xf_scope_can_write_org(&s, "/1/5/23/230/"));
	assert_true(xf_scope_has_role(&s, XF_ROLE_MEMBER));
	assert_false(xf_scope_has_role(&s, XF_ROLE_JUDGE));
	const xf_grant *w = xf_scope_widest(&s);
	assert_non_null(w);
	assert_int_equal(w->role, XF_ROLE_SCREEN);
	assert_string_equal(w->org_path, "/1/5/");
}

static void test_widest_grant_prefers_admin_then_shortest_path(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 100, 0);
	xf_scope_add(&s, XF_ROLE_SECRETARY, 23, "/1/5/23/");
	xf_scope_add(&s, XF_ROLE_COMMITTEE, 5, "/1/5/");
	xf_scope_add(&s, XF_ROLE_SCREEN, 6, "/1/6/");
	const xf_grant *w = xf_scope_widest(&s);
	assert_non_null(w);
	assert_int_equal(w->role, XF_ROLE_COMMITTEE); /* first of equals */
	assert_int_equal(w->org_id, 5);
	xf_scope_add(&s, XF_ROLE_ADMIN, 0, NULL);
	w = xf_scope_widest(&s);
	assert_non_null(w);
	assert_int_equal(w->role, XF_ROLE_ADMIN);
}

static void test_scope_add_refuses_bad_grants_and_a_17th(void **state)
{
	xf_scope s;
	(void)state;
	xf_scope_init(&s, 100, 0);
	assert_int_equal(xf_scope_add(&s, 0, 1, "/1/"), -1);
	assert_int_equal(xf_scope_add(&s, 9, 1, "/1/"), -1);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_SECRETARY, 1, ""), -1);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_SECRETARY, 1, NULL), -1);
	assert_int_equal(xf_scope_add(&s, XF_ROLE_SECRETARY, 1, "/1"), -1);
	assert_int_equal(xf_scope_add(NULL, XF_ROLE_ADMIN, 0, ""), -1);
	assert_int_equal(s.n, 0);
	for (int i = 0; i < XF_MAX_GRANTS; i++) {
		char p[32];
		snprintf(p, sizeof p, "/1/%d/", i + 1);
		assert_int_equal(xf_scope_add(&s, XF_ROLE_SECRETARY, i + 1, p),
		                 0);
	}
	assert_int_equal(xf_scope_add(&s, XF_ROLE_SECRETARY, 99, "/1/99/"), -1);
	assert_int_equal(s.n, XF_MAX_GRANTS);
	assert_true(xf_scope_can_write_org(&s, "/1/16/"));
	assert_false(xf_scope_can_write_org(&s, "/1/99/"));
}

static void test_scope_with_garbage_grants_fails_closed(void **state)
{
	xf_scope s;
	(void)state;
	/* An unterminated path and an unknown role grant nothing, and a
	 * count out of range is not trusted. */
	memset(&s, 0, sizeof s);
	s.n = 3;
	s.g[0].role = XF_ROLE_COMMITTEE;
	memset(s.g[0].org_path, '/', XF_PATH_MAX);
	s.g[1].role = 42;
	strcpy(s.g[1].org_path, "/1/");
	s.g[2].role = XF_ROLE_SECRETARY;
	strcpy(s.g[2].org_path, "/1/5");
	assert_false(xf_scope_can_read_org(&s, "/1/"));
	assert_false(xf_scope_can_read_org(&s, "/1/5/"));
	assert_null(xf_scope_widest(&s));
	s.n = -3;
	assert_false(xf_scope_can_read_org(&s, "/1/"));
	s.n = 1000;
	strcpy(s.g[2].org_path, "/1/5/");
	assert_true(xf_scope_can_read_org(&s, "/1/5/"));
	assert_false(xf_scope_can_read_org(&s, "/1/"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_role_names_round_trip),
	    cmocka_unit_test(test_unknown_role_names_parse_as_0),
	    cmocka_unit_test(test_well_formed_paths_are_valid),
	    cmocka_unit_test(test_malformed_paths_are_invalid),
	    cmocka_unit_test(test_path_must_be_shorter_than_path_max),
	    cmocka_unit_test(test_path_depth_counts_levels_below_the_root),
	    cmocka_unit_test(test_parent_id_of_a_root_is_0),
	    cmocka_unit_test(test_child_path_appends_the_id),
	    cmocka_unit_test(test_child_path_may_overwrite_its_parent),
	    cmocka_unit_test(
	        test_child_path_rejects_bad_ids_parents_and_small_buffers),
	    cmocka_unit_test(test_child_path_longer_than_path_max_is_refused),
	    cmocka_unit_test(test_path_within_itself_and_below),
	    cmocka_unit_test(test_path_1_5_does_not_contain_1_50),
	    cmocka_unit_test(test_path_within_refuses_malformed_paths),
	    cmocka_unit_test(test_range_end_replaces_the_last_slash_with_0),
	    cmocka_unit_test(
	        test_range_end_rejects_bad_prefixes_and_small_buffers),
	    cmocka_unit_test(
	        test_range_holds_exactly_the_subtree_for_every_pair),
	    cmocka_unit_test(test_sorted_paths_keep_each_subtree_contiguous),
	    cmocka_unit_test(
	        test_range_holds_exactly_the_subtree_for_random_paths),
	    cmocka_unit_test(test_admin_reads_and_writes_everything),
	    cmocka_unit_test(
	        test_committee_reads_writes_and_sees_pii_in_its_subtree),
	    cmocka_unit_test(test_committee_cannot_reach_parent_or_prefix_twin),
	    cmocka_unit_test(test_secretary_writes_own_org_and_those_below),
	    cmocka_unit_test(test_secretary_cannot_write_sibling_branch),
	    cmocka_unit_test(test_secretary_cannot_write_its_parent),
	    cmocka_unit_test(test_secretary_sees_no_pii_and_manages_no_users),
	    cmocka_unit_test(test_screen_reads_its_subtree_but_never_writes),
	    cmocka_unit_test(test_member_reads_own_record_but_no_org_data),
	    cmocka_unit_test(test_user_who_is_no_member_owns_no_member_record),
	    cmocka_unit_test(test_judge_sees_no_org_data),
	    cmocka_unit_test(test_secretary_reads_other_members_of_its_subtree),
	    cmocka_unit_test(test_user_without_grants_or_scope_may_do_nothing),
	    cmocka_unit_test(test_malformed_path_is_refused_to_non_admins),
	    cmocka_unit_test(test_grants_of_several_roles_combine),
	    cmocka_unit_test(
	        test_widest_grant_prefers_admin_then_shortest_path),
	    cmocka_unit_test(test_scope_add_refuses_bad_grants_and_a_17th),
	    cmocka_unit_test(test_scope_with_garbage_grants_fails_closed),
	};
	return cmocka_run_group_tests_name("scope", tests, NULL, NULL);
}
