/*
 * test_names.c - unit tests of the name rule for people (domain/names.h).
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

#include "domain/names.h"

static void test_han_names_pass(void **state)
{
	(void)state;
	assert_true_for(xf_person_name_ok(str), "张三", "欧阳修", "李", "王〇");
}

static void test_rare_characters_of_extension_a_and_b_pass(void **state)
{
	(void)state;
	/* 㐀 U+3400 (ext. A), 𠀀 U+20000 (ext. B), 𪚥 U+2A6A5 */
	assert_true_for(xf_person_name_ok(str), "王\xE3\x90\x80",
	                "\xF0\xA0\x80\x80明", "张\xF0\xAA\x9A\xA5");
}

static void test_minority_names_with_a_middle_dot_pass(void **state)
{
	(void)state;
	assert_true_for(xf_person_name_ok(str), "阿依古丽·买买提",
	                "阿依古丽・买买提", "买买提‧艾力", "扎西•次仁");
}

static void test_latin_letters_and_spaces_between_words_pass(void **state)
{
	(void)state;
	assert_true_for(xf_person_name_ok(str), "Anna", "Anna Maria Smith",
	                "李Lily");
}

static void test_digits_are_refused(void **state)
{
	(void)state;
	assert_false_for(xf_person_name_ok(str), "张三1", "1", "党员0a",
	                 "张三１");
}

static void test_a_spreadsheet_formula_is_refused(void **state)
{
	(void)state;
	assert_false_for(xf_person_name_ok(str),
	                 "=HYPERLINK(\"http://x.example\",\"点我\")", "=1+1",
	                 "+张三", "-张三", "@张三", "<b>张三</b>");
}

static void test_dots_and_spaces_out_of_place_are_refused(void **state)
{
	(void)state;
	assert_false_for(xf_person_name_ok(str), "·张三", "张三·", "张··三",
	                 "张三 李四", " Anna", "Anna ", "Anna  Smith",
	                 "Anna ·Smith", "张.三", "张\t三");
}

static void test_empty_and_null_are_refused(void **state)
{
	(void)state;
	assert_false_for(xf_person_name_ok(str), "", NULL);
}

static void test_fifty_characters_pass_and_fifty_one_are_refused(void **state)
{
	(void)state;
	char name[51 * 3 + 1] = "";
	for (int i = 0; i < 50; i++)
		strcat(name, "张");
	assert_true(xf_person_name_ok(name));
	strcat(name, "张");
	assert_false(xf_person_name_ok(name));
	char latin[52];
	memset(latin, 'a', 51);
	latin[51] = '\0';
	assert_false(xf_person_name_ok(latin));
	latin[50] = '\0';
	assert_true(xf_person_name_ok(latin));
}

static void test_malformed_utf8_is_refused(void **state)
{
	(void)state;
	assert_false_for(xf_person_name_ok(str), "张\xE5", "\xC0\xAF",
	                 "\xFF张");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_han_names_pass),
	    cmocka_unit_test(test_rare_characters_of_extension_a_and_b_pass),
	    cmocka_unit_test(test_minority_names_with_a_middle_dot_pass),
	    cmocka_unit_test(test_latin_letters_and_spaces_between_words_pass),
	    cmocka_unit_test(test_digits_are_refused),
	    cmocka_unit_test(test_a_spreadsheet_formula_is_refused),
	    cmocka_unit_test(test_dots_and_spaces_out_of_place_are_refused),
	    cmocka_unit_test(test_empty_and_null_are_refused),
	    cmocka_unit_test(
	        test_fifty_characters_pass_and_fifty_one_are_refused),
	    cmocka_unit_test(test_malformed_utf8_is_refused),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
