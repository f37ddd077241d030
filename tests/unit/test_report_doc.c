/*
 * test_report_doc.c - unit tests of the year's report's pure parts: the
 * neutral document (model/report_doc.h) and its rates, XML escaping of the
 * Word renderer, the section numbers, and that both renderers write a
 * file of their type (a PDF; a .docx the upload rules recognize).
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
#include <string.h>

#include "domain/files.h"
#include "model/report_doc.h"
#include "render/report_docx.h"
#include "render/report_pdf.h"
#include "service/annual_report.h"

/*
 * Under LeakSanitizer (make test SANITIZE=address): fontconfig and pango
 * keep per-process and per-thread font caches that are never freed, and
 * cairo 1.16's PDF surface loses two small arrays per document (upstream
 * cairo issue 805). None of it is ours to free; the sanitizer reads this
 * list of the libraries whose allocations it should not report.
 */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n"
	       "leak:libcairo.so\n"
	       "leak:libpango-1.0.so\n"
	       "leak:libpangocairo-1.0.so\n"
	       "leak:libpangoft2-1.0.so\n"
	       "leak:libharfbuzz.so\n"
	       "leak:libglib-2.0.so\n"
	       "leak:libgobject-2.0.so\n";
}

static void
test_rates_have_one_decimal_and_a_dash_when_nothing_is_due(void **state)
{
	(void)state;
	char s[16];
	assert_string_equal(xf_rate_text(0, 0, s, sizeof s), "—");
	assert_string_equal(xf_rate_text(3, 0, s, sizeof s), "—");
	assert_string_equal(xf_rate_text(1, 3, s, sizeof s), "33.3%");
	assert_string_equal(xf_rate_text(2, 3, s, sizeof s), "66.7%");
	assert_string_equal(xf_rate_text(3, 4, s, sizeof s), "75.0%");
	assert_string_equal(xf_rate_text(5, 5, s, sizeof s), "100.0%");
	assert_true(xf_rate_value(1, 4) == 25.0);
	assert_true(xf_rate_value(1, 0) == 0.0);
}

static void
test_xml_escape_covers_markup_and_drops_forbidden_controls(void **state)
{
	(void)state;
	xf_buf b;
	xf_buf_init(&b, 4096);
	assert_int_equal(xf_xml_escape(&b, "第二<支部>&\"'"), 0);
	xf_buf_addc(&b, '\0');
	assert_string_equal(b.data, "第二&lt;支部&gt;&amp;&quot;&apos;");
	xf_buf_clear(&b);
	assert_int_equal(xf_xml_escape(&b, "a\001b\tc\nd\x1f"), 0);
	xf_buf_addc(&b, '\0');
	assert_string_equal(b.data, "ab\tc\nd");
	xf_buf_clear(&b);
	assert_int_equal(xf_xml_escape(&b, NULL), 0);
	assert_int_equal((int)b.len, 0);
	xf_buf_free(&b);
}

static void test_section_numbers_are_chinese_up_to_ten(void **state)
{
	(void)state;
	char s[16];
	assert_string_equal(xf_annual_section_label(0, s, sizeof s), "一、");
	assert_string_equal(xf_annual_section_label(9, s, sizeof s), "十、");
	assert_string_equal(xf_annual_section_label(10, s, sizeof s), "11. ");
}

/* A document with a table filled after its chart and many blocks added,
 * so that the block list grows while both are being filled. */
static void build(xf_report_doc *d, xf_arena *a)
{
	xf_rdoc_init(d, a, "甲区机关工委", "2026年度党建工作报告");
	xf_rdoc_heading(d, "一、组织和党员基本情况");
	static const char *const head[] = {"组织", "完成率"};
	xf_rtable *t = xf_rdoc_table(d, 2, head);
	xf_rchart *ch = xf_rdoc_chart(d, "三会一课完成率", "%", 100);
	for (int i = 0; i < 20; i++)
		xf_rdoc_paragraph(d, "第%d段：支部<&>", i + 1);
	for (int i = 0; i < 30; i++) {
		char name[32], rate[16];
		snprintf(name, sizeof name, "第%d党支部", i + 1);
		const char *row[] = {name,
		                     xf_rate_text(i, 29, rate, sizeof rate)};
		assert_int_equal(xf_rtable_row(d, t, row), 0);
		assert_int_equal(
		    xf_rchart_bar(d, ch, name, xf_rate_value(i, 29)), 0);
	}
	const char *blank[] = {NULL, "x"};
	assert_int_equal(xf_rtable_row(d, t, blank), 0);
	d->footer = "生成日期：2026-12-07。";
}

static void
test_tables_and_charts_keep_their_rows_as_blocks_are_added(void **state)
{
	(void)state;
	xf_arena a;
	xf_arena_init(&a, 1u << 20);
	xf_report_doc d;
	build(&d, &a);
	assert_false(d.failed);
	assert_int_equal(d.n, 23);
	const xf_rtable *t = &d.blocks[1]->table;
	assert_int_equal(d.blocks[1]->kind, XF_RB_TABLE);
	assert_int_equal(t->nrows, 32);
	assert_string_equal(xf_rtable_cell(t, 0, 0), "组织");
	assert_string_equal(xf_rtable_cell(t, 30, 0), "第30党支部");
	assert_string_equal(xf_rtable_cell(t, 30, 1), "100.0%");
	assert_string_equal(xf_rtable_cell(t, 31, 0), "");
	const xf_rchart *ch = &d.blocks[2]->chart;
	assert_int_equal(ch->n, 30);
	assert_true(ch->values[29] == 100.0);
	assert_string_equal(d.blocks[22]->text, "第20段：支部<&>");
	xf_arena_reset(&a);
}

static void test_renderers_write_a_pdf_and_a_docx(void **state)
{
	(void)state;
	xf_arena a;
	xf_arena_init(&a, 1u << 20);
	xf_report_doc d;
	build(&d, &a);
	xf_buf pdf, docx;
	xf_buf_init(&pdf, 64u << 20);
	xf_buf_init(&docx, 64u << 20);
	assert_int_equal(xf_report_pdf(&d, &pdf), 0);
	assert_true(pdf.len > 1000);
	assert_memory_equal(pdf.data, "%PDF-", 5);
	assert_int_equal(xf_report_docx(&d, &docx), 0);
	const char *type = NULL;
	assert_int_equal(xf_file_type(NULL, (const unsigned char *)docx.data,
	                              docx.len, &type),
	                 XF_FILE_OK);
	assert_string_equal(type, "application/vnd.openxmlformats-"
	                          "officedocument.wordprocessingml.document");
	xf_buf_free(&pdf);
	xf_buf_free(&docx);
	xf_arena_reset(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_rates_have_one_decimal_and_a_dash_when_nothing_is_due),
	    cmocka_unit_test(
	        test_xml_escape_covers_markup_and_drops_forbidden_controls),
	    cmocka_unit_test(test_section_numbers_are_chinese_up_to_ten),
	    cmocka_unit_test(
	        test_tables_and_charts_keep_their_rows_as_blocks_are_added),
	    cmocka_unit_test(test_renderers_write_a_pdf_and_a_docx),
	};
	return cmocka_run_group_tests_name("report_doc", tests, NULL, NULL);
}
