/*
 * test_codes.c - unit tests of the catalogues of codes and labels
 * (domain/codes.h, domain/catalog.h) and of the rules that read their codes
 * through them (roles, meeting kinds, task and compliance statuses).
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

#include "domain/audit.h"
#include "domain/catalog.h"
#include "domain/compliance.h"
#include "domain/orgs.h"
#include "domain/points.h"
#include "domain/scope.h"
#include "domain/tasks.h"

static void test_lookups_find_codes_and_labels(void **state)
{
	(void)state;
	assert_int_equal(xf_code_index(xf_org_kinds, "branch"), XF_ORGK_BRANCH);
	assert_int_equal(xf_code_index(xf_org_kinds, "club"), -1);
	assert_int_equal(xf_code_index(xf_org_kinds, NULL), -1);
	assert_true(xf_code_valid(xf_org_levels, "township"));
	assert_false(xf_code_valid(xf_org_levels, "Township"));
	assert_string_equal(xf_code_label(xf_org_kinds, "branch"), "党支部");
	assert_string_equal(xf_code_label(xf_org_kinds, "club"), "");
	assert_int_equal(xf_code_count(xf_org_kinds), XF_ORGK_COUNT);
}

static void test_every_catalogue_has_unique_codes_and_labels(void **state)
{
	(void)state;
	int n = 0;
	for (const xf_catalogue *cat = xf_catalogues; cat->name; cat++, n++) {
		size_t count = xf_code_count(cat->codes);
		assert_true(count > 0);
		for (size_t i = 0; i < count; i++) {
			const xf_code *c = &cat->codes[i];
			assert_true(*c->code && *c->label);
			assert_int_equal(xf_code_index(cat->codes, c->code),
			                 (int)i);
		}
		for (const xf_catalogue *o = xf_catalogues; o < cat; o++)
			assert_string_not_equal(o->name, cat->name);
	}
	assert_true(n >= 20);
}

static void test_enum_rows_match_their_codes(void **state)
{
	(void)state;
	for (int r = XF_ROLE_ADMIN; r <= XF_ROLE_SCREEN; r++)
		assert_int_equal(xf_role_parse(xf_role_name(r)), r);
	assert_string_equal(xf_role_title(XF_ROLE_SECRETARY), "党组织书记");
	assert_int_equal(xf_role_parse("root"), 0);
	for (int k = 0; k < XF_MK_COUNT; k++)
		assert_int_equal(xf_meeting_kind_parse(xf_meeting_kind_name(k)),
		                 k);
	assert_int_equal(xf_code_count(xf_meeting_kinds), XF_MK_COUNT);
	for (int s = XF_TASK_NOT_STARTED; s <= XF_TASK_DONE; s++)
		assert_int_equal(xf_task_status_parse(xf_task_status_name(s)),
		                 s);
	assert_string_equal(xf_task_status_title(XF_TASK_YELLOW), "滞后已追赶");
	assert_string_equal(xf_milestone_status_name(XF_MS_OVERDUE), "overdue");
	assert_string_equal(xf_compliance_status_name(XF_CS_DUE), "due");
	assert_string_equal(xf_compliance_status_name(XF_CS_RED), "red");
	assert_string_equal(xf_freq_name(xf_freq_parse("quarterly")),
	                    "quarterly");
	assert_int_equal(xf_freq_parse("none"), XF_FREQ_NONE);
	assert_int_equal(xf_freq_parse("weekly"), -1);
	assert_string_equal(xf_attendance_status_title(
	                        xf_attendance_status_index("sick_leave")),
	                    "病假");
	assert_string_equal(xf_attendance_mark("absent"), "×");
}

static void test_approvers_are_secretaries_and_committees(void **state)
{
	(void)state;
	assert_true(xf_points_approver_valid("secretary"));
	assert_true(xf_points_approver_valid("committee"));
	assert_false_for(xf_points_approver_valid(str), "admin", "member",
	                 NULL);
	assert_true(xf_points_category_valid(XF_POINTS_NEGATIVE_CATEGORY));
	assert_false(xf_points_category_valid("点赞"));
}

static void test_audit_rows_name_listed_codes(void **state)
{
	(void)state;
	assert_string_equal(xf_code_label(xf_audit_actions, "transfer"),
	                    "组织关系转接");
	assert_string_equal(xf_code_label(xf_audit_entities, "org"), "党组织");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lookups_find_codes_and_labels),
	    cmocka_unit_test(test_every_catalogue_has_unique_codes_and_labels),
	    cmocka_unit_test(test_enum_rows_match_their_codes),
	    cmocka_unit_test(test_approvers_are_secretaries_and_committees),
	    cmocka_unit_test(test_audit_rows_name_listed_codes),
	};
	return cmocka_run_group_tests_name("codes", tests, NULL, NULL);
}
