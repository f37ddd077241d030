/*
 * test_duties.c - unit tests of the duty list rules (domain/duties.h) and
 * of the HTML escaping and percent-encoding the duty report uses
 * (base/html.h).
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

#include "base/html.h"
#include "domain/duties.h"
#include "domain/orgs.h"

static void test_three_levels_are_duty_levels_and_groups_are_not(void **state)
{
	(void)state;
	assert_true_for(xf_duty_level_valid(str), "party_committee",
	                "organ_committee", "branch", "temp_branch");
	assert_false_for(xf_duty_level_valid(str), "group", "", NULL);
	assert_string_equal(xf_duty_level_title("organ_committee"), "机关党委");
	assert_string_equal(xf_duty_level_title("nope"), "");
}

static void test_each_level_has_its_own_posts(void **state)
{
	(void)state;
	assert_true(xf_duty_post_valid("party_committee", "secretary"));
	assert_true(xf_duty_post_valid("organ_committee", "organ_secretary"));
	assert_true(
	    xf_duty_post_valid("organ_committee", "discipline_secretary"));
	assert_true_for(xf_duty_post_valid("branch", str), "branch_secretary",
	                "organization_officer", "publicity_officer",
	                "discipline_officer");
	assert_false(xf_duty_post_valid("branch", "organ_secretary"));
	assert_false(xf_duty_post_valid("party_committee", "branch_secretary"));
	assert_false(xf_duty_post_valid("group", "branch_secretary"));
	assert_false(xf_duty_post_valid("branch", NULL));
}

static void test_every_post_code_has_a_chinese_title(void **state)
{
	(void)state;
	for (int i = 0; xf_duty_posts[i].code; i++)
		assert_true(strlen(xf_duty_post_title(xf_duty_posts[i].code)) >
		            0);
	for (int i = 0; xf_org_kinds[i].code; i++)
		assert_int_equal(*xf_duty_level_title(xf_org_kinds[i].code) !=
		                     '\0',
		                 i != XF_ORGK_GROUP);
	for (int i = 0; xf_duty_evidence_kinds[i].code; i++)
		assert_true(strlen(xf_duty_evidence_title(
		                xf_duty_evidence_kinds[i].code)) > 0);
	assert_string_equal(xf_duty_post_title("branch_secretary"), "支部书记");
	assert_string_equal(xf_duty_post_title("x"), "");
}

static void test_an_item_applies_at_and_below_its_setter_only(void **state)
{
	(void)state;
	const char *city = "/1/", *dist = "/1/5/";
	assert_true(xf_duty_applies(city, 2024, "branch", "branch_secretary",
	                            "/1/5/23/", "branch", 2024));
	assert_true(xf_duty_applies(dist, 2024, "branch", "branch_secretary",
	                            "/1/5/", "branch", 2024));
	/* a sibling subtree with a longer id is not below it */
	assert_false(xf_duty_applies(dist, 2024, "branch", "branch_secretary",
	                             "/1/50/7/", "branch", 2024));
	/* above the setter */
	assert_false(xf_duty_applies(dist, 2024, "branch", "branch_secretary",
	                             "/1/", "branch", 2024));
}

static void test_an_item_applies_to_its_year_level_and_post_only(void **state)
{
	(void)state;
	const char *p = "/1/5/23/";
	assert_false(xf_duty_applies("/1/", 2024, "branch", "branch_secretary",
	                             p, "branch", 2025));
	assert_false(xf_duty_applies("/1/", 2024, "branch", "branch_secretary",
	                             p, "organ_committee", 2024));
	assert_false(xf_duty_applies("/1/", 2024, "branch", "organ_secretary",
	                             p, "branch", 2024));
	assert_false(xf_duty_applies("/1/", 2024, "branch", "branch_secretary",
	                             "bad", "branch", 2024));
	assert_false(xf_duty_applies("/1/", 2024, NULL, "branch_secretary", p,
	                             "branch", 2024));
}

static void test_html_escape_covers_the_five_characters(void **state)
{
	(void)state;
	xf_buf b;
	xf_buf_init(&b, 1024);
	xf_html_escape(&b, "<a href=\"x\">'&'</a> 党支部");
	assert_string_equal(b.data,
	                    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;"
	                    "&lt;/a&gt; 党支部");
	xf_buf_clear(&b);
	xf_html_escape(&b, NULL);
	xf_html_escape(&b, "");
	xf_html_escape(&b, "plain");
	assert_string_equal(b.data, "plain");
	xf_buf_free(&b);
}

static void test_percent_encoding_keeps_attr_chars_only(void **state)
{
	(void)state;
	xf_buf b;
	xf_buf_init(&b, 1024);
	xf_percent_encode(&b, "a-b_c.doc 述\"'%;");
	assert_string_equal(b.data, "a-b_c.doc%20%E8%BF%B0%22%27%25%3B");
	xf_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_three_levels_are_duty_levels_and_groups_are_not),
	    cmocka_unit_test(test_each_level_has_its_own_posts),
	    cmocka_unit_test(test_every_post_code_has_a_chinese_title),
	    cmocka_unit_test(test_an_item_applies_at_and_below_its_setter_only),
	    cmocka_unit_test(
	        test_an_item_applies_to_its_year_level_and_post_only),
	    cmocka_unit_test(test_html_escape_covers_the_five_characters),
	    cmocka_unit_test(test_percent_encoding_keeps_attr_chars_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
