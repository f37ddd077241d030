/*
 * test_cache.c - unit tests of the answer cache (http/cache.h): entries
 * anchored at an organization path are dropped by changes of the kinds
 * they read on their path or below it and kept by changes elsewhere or of
 * other kinds; entries without an anchor by
 * any change; a change of everything drops all; an answer computed
 * before a change that concerns it is not stored.
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

#include "base/changes.h"
#include "http/cache.h"

/* Whether key is served now. */
static int kept(const char *key)
{
	const char *body;
	size_t len;
	char user[32];
	void *ref = xf_cache_get(key, &body, &len, user, sizeof user);
	xf_cache_release(ref);
	return ref != NULL;
}

static void put(const char *key, const char *anchor)
{
	xf_cache_put(key, anchor, XF_CHANGE_POINTS, xf_cache_generation(), "{}",
	             2, "u");
}

static const unsigned points[] = {XF_CHANGE_POINTS};

static int setup(void **state)
{
	(void)state;
	xf_cache_configure(1 << 20, 60000, 60000);
	return 0;
}

static void test_change_drops_answers_on_its_path_only(void **state)
{
	(void)state;
	put("district", "/1/5/");
	put("branch", "/1/5/23/");
	put("sibling", "/1/5/24/");
	put("other district", "/1/6/");
	put("per credential", NULL);
	const char *paths[] = {"/1/5/23/"};
	/* records of another kind: nothing anchored is dropped */
	const unsigned tasks[] = {XF_CHANGE_TASKS};
	xf_cache_invalidate(paths, tasks, 1);
	assert_true(kept("district"));
	assert_true(kept("branch"));
	assert_false(kept("per credential"));
	put("per credential", NULL);
	xf_cache_invalidate(paths, points, 1);
	assert_false(kept("district"));
	assert_false(kept("branch"));
	assert_false(kept("per credential"));
	assert_true(kept("sibling"));
	assert_true(kept("other district"));
	/* a change above a branch concerns the branch's answers */
	const char *above[] = {"/1/"};
	xf_cache_invalidate(above, points, 1);
	assert_false(kept("sibling"));
	assert_false(kept("other district"));
}

static void test_change_of_everything_drops_all(void **state)
{
	(void)state;
	put("a", "/1/5/");
	put("b", "/2/");
	xf_cache_invalidate(NULL, NULL, -1);
	assert_false(kept("a"));
	assert_false(kept("b"));
}

static void test_answer_older_than_a_change_is_not_stored(void **state)
{
	(void)state;
	uint64_t gen = xf_cache_generation();
	const char *paths[] = {"/1/5/23/"};
	xf_cache_invalidate(paths, points, 1);
	/* computed before the change: concerned ones are refused */
	const unsigned p = XF_CHANGE_POINTS, t = XF_CHANGE_TASKS;
	xf_cache_put("branch", "/1/5/23/", p, gen, "{}", 2, "u");
	xf_cache_put("district", "/1/5/", p, gen, "{}", 2, "u");
	xf_cache_put("per credential", NULL, 0, gen, "{}", 2, "u");
	xf_cache_put("elsewhere", "/1/6/", p, gen, "{}", 2, "u");
	xf_cache_put("other kind", "/1/5/", t, gen, "{}", 2, "u");
	assert_false(kept("branch"));
	assert_false(kept("district"));
	assert_false(kept("per credential"));
	assert_true(kept("elsewhere"));
	assert_true(kept("other kind"));
	gen = xf_cache_generation();
	xf_cache_invalidate(NULL, NULL, -1);
	xf_cache_put("elsewhere", "/1/6/", p, gen, "{}", 2, "u");
	assert_false(kept("elsewhere"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_change_drops_answers_on_its_path_only,
	                           setup),
	    cmocka_unit_test_setup(test_change_of_everything_drops_all, setup),
	    cmocka_unit_test_setup(
	        test_answer_older_than_a_change_is_not_stored, setup),
	};
	return cmocka_run_group_tests_name("cache", tests, NULL, NULL);
}
