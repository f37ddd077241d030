/*
 * test_table_readers.c - unit tests of the readers of uploaded tables:
 * CSV (base/csv.h: quotes, BOM, line ends, UTF-8 and GBK) and xlsx
 * (base/xlsx_read.h: shared and inline strings, formulas' cached values,
 * dates, gaps, merged cells, and the files it refuses; the exports of
 * api/xlsx.h read back).
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
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "api/xlsx.h"
#include "base/csv.h"
#include "base/xlsx_read.h"

static xf_arena arena;

static int setup(void **state)
{
	(void)state;
	xf_arena_init(&arena, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	xf_arena_reset(&arena);
	return 0;
}

static xf_table csv(const char *text, xf_table_err want)
{
	xf_table t;
	assert_int_equal(xf_csv_read(&arena, text, strlen(text), NULL, &t),
	                 want);
	return t;
}

static void test_csv_quotes_commas_and_newlines_in_fields(void **state)
{
	(void)state;
	xf_table t = csv("姓名,备注\r\n\"张三\",\"说 \"\"好\"\"，\n多行\"\r\n"
	                 "李四,\r\n",
	                 XF_TABLE_OK);
	assert_int_equal(t.nrows, 3);
	assert_int_equal(t.ncols, 2);
	assert_string_equal(xf_table_cell(&t, 0, 0), "姓名");
	assert_string_equal(xf_table_cell(&t, 1, 0), "张三");
	assert_string_equal(xf_table_cell(&t, 1, 1), "说 \"好\"，\n多行");
	assert_string_equal(xf_table_cell(&t, 2, 0), "李四");
	assert_string_equal(xf_table_cell(&t, 2, 1), "");
	assert_string_equal(xf_table_cell(&t, 9, 9), "");
}

static void test_csv_bom_lf_cr_and_blank_lines_keep_row_numbers(void **state)
{
	(void)state;
	xf_table t = csv("\xEF\xBB\xBF"
	                 "a,b\n\nc\rd",
	                 XF_TABLE_OK);
	assert_int_equal(t.nrows, 4);
	assert_string_equal(xf_table_cell(&t, 0, 0), "a");
	assert_int_equal(t.rows[1].n, 0);
	assert_string_equal(xf_table_cell(&t, 2, 0), "c");
	assert_string_equal(xf_table_cell(&t, 3, 0), "d");
}

static void test_csv_in_gbk_is_read_as_utf8(void **state)
{
	(void)state;
	/* "姓名,张三" in GBK */
	xf_table t = csv("\xD0\xD5\xC3\xFB,\xD5\xC5\xC8\xFD\r\n", XF_TABLE_OK);
	assert_int_equal(t.nrows, 1);
	assert_string_equal(xf_table_cell(&t, 0, 0), "姓名");
	assert_string_equal(xf_table_cell(&t, 0, 1), "张三");
}

static void test_csv_that_is_neither_utf8_nor_gbk_is_refused(void **state)
{
	(void)state;
	csv("a,\x81\x20\n", XF_TABLE_ENCODING);
	xf_table t;
	assert_int_equal(xf_csv_read(&arena, "a\0b", 3, NULL, &t),
	                 XF_TABLE_BINARY);
}

static void test_csv_over_the_row_and_column_limits_is_refused(void **state)
{
	(void)state;
	xf_table_limits lim = xf_table_default_limits;
	lim.max_rows = 2;
	lim.max_cols = 3;
	xf_table t;
	const char *rows3 = "a\nb\nc\n";
	assert_int_equal(xf_csv_read(&arena, rows3, strlen(rows3), &lim, &t),
	                 XF_TABLE_TOO_MANY_ROWS);
	const char *cols4 = "a,b,c,d\n";
	assert_int_equal(xf_csv_read(&arena, cols4, strlen(cols4), &lim, &t),
	                 XF_TABLE_TOO_MANY_COLS);
	lim.max_cell = 3;
	const char *longcell = "\"abcd\"\n";
	assert_int_equal(
	    xf_csv_read(&arena, longcell, strlen(longcell), &lim, &t),
	    XF_TABLE_CELL_TOO_LONG);
}

static void test_excel_serial_numbers_are_dates(void **state)
{
	(void)state;
	char d[11];
	assert_int_equal(xf_excel_serial_date("1", d), 0);
	assert_string_equal(d, "1900-01-01");
	assert_int_equal(xf_excel_serial_date("61", d), 0);
	assert_string_equal(d, "1900-03-01");
	assert_int_equal(xf_excel_serial_date("45658.75", d), 0);
	assert_string_equal(d, "2025-01-01");
	assert_int_equal(xf_excel_serial_date("60", d), -1);
	assert_int_equal(xf_excel_serial_date("abc", d), -1);
	assert_int_equal(xf_excel_serial_date("0", d), -1);
}

/* ---- xlsx built by hand with libzip ----------------------------------- */

typedef struct part {
	const char *name, *text;
} part;

static const char *rels_xml =
    "<?xml version=\"1.0\"?><Relationships "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";
static const char *book_xml =
    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"名单\" sheetId=\"1\" "
    "r:id=\"rId7\"/><sheet name=\"other\" sheetId=\"2\" r:id=\"rId8\"/>"
    "</sheets></workbook>";
static const char *book_rels_xml =
    "<Relationships><Relationship Id=\"rId8\" Type=\"x/worksheet\" "
    "Target=\"worksheets/other.xml\"/><Relationship Id=\"rId7\" "
    "Type=\"x/worksheet\" Target=\"/xl/worksheets/first.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"x/sharedStrings\" "
    "Target=\"strings.xml\"/><Relationship Id=\"rId10\" Type=\"x/styles\" "
    "Target=\"styles.xml\"/></Relationships>";
static const char *strings_xml =
    "<sst><si><t>姓名</t></si><si><r><t>入党</t></r><r><t>日期</t></r>"
    "<rPh><t>にゅうとう</t></rPh></si><si><t>张三</t></si></sst>";
static const char *styles_xml =
    "<styleSheet><numFmts><numFmt numFmtId=\"164\" "
    "formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot;d&quot;\"/></numFmts>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
    "<xf numFmtId=\"165\"/></cellXfs></styleSheet>";
static const char *sheet_xml =
    "<worksheet><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\">"
    "<v>1</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>2</v></c><c r=\"B3\" s=\"3\">"
    "<v>1.3800138E10</v></c><c r=\"C3\" s=\"1\"><v>45658</v></c>"
    "<c r=\"D3\" t=\"inlineStr\"><is><t>内联</t></is></c>"
    "<c r=\"E3\"><f>1+1</f><v>2</v></c><c r=\"F3\" t=\"str\"><f>A3</f>"
    "<v>张三</v></c><c r=\"G3\" t=\"b\"><v>1</v></c>"
    "<c r=\"H3\" s=\"2\"><v>45659</v></c></row>"
    "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>2</v></c></row>"
    "<row r=\"5\"/>"
    "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A3:A5\"/>"
    "</mergeCells></worksheet>";

/* Zips the parts into a temp file and reads its bytes into the arena. */
static char *make_zip(const part *parts, int n, size_t *len)
{
	char path[] = "/tmp/xf-xlsx-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	int err;
	zip_t *z = zip_open(path, ZIP_TRUNCATE | ZIP_CREATE, &err);
	assert_non_null(z);
	for (int i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i].text,
		                                    strlen(parts[i].text), 0);
		assert_non_null(s);
		assert_true(zip_file_add(z, parts[i].name, s, 0) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = xf_arena_alloc(&arena, 1 << 20);
	*len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	unlink(path);
	return buf;
}

static void test_xlsx_first_sheet_cells_by_reference(void **state)
{
	(void)state;
	part parts[] = {{"_rels/.rels", rels_xml},
	                {"xl/workbook.xml", book_xml},
	                {"xl/_rels/workbook.xml.rels", book_rels_xml},
	                {"xl/strings.xml", strings_xml},
	                {"xl/styles.xml", styles_xml},
	                {"xl/worksheets/first.xml", sheet_xml},
	                {"xl/worksheets/other.xml", "<worksheet/>"}};
	size_t len;
	char *data = make_zip(parts, 7, &len);
	xf_table t;
	assert_int_equal(xf_xlsx_read(&arena, data, len, NULL, &t),
	                 XF_TABLE_OK);
	assert_int_equal(t.nrows, 5);
	assert_string_equal(xf_table_cell(&t, 0, 0), "姓名");
	assert_string_equal(xf_table_cell(&t, 0, 1), "");
	assert_string_equal(xf_table_cell(&t, 0, 2), "入党日期");
	assert_int_equal(t.rows[1].n, 0);
	assert_string_equal(xf_table_cell(&t, 2, 0), "张三");
	assert_string_equal(xf_table_cell(&t, 2, 1), "13800138000");
	assert_string_equal(xf_table_cell(&t, 2, 2), "2025-01-01");
	assert_string_equal(xf_table_cell(&t, 2, 3), "内联");
	assert_string_equal(xf_table_cell(&t, 2, 4), "2");
	assert_string_equal(xf_table_cell(&t, 2, 5), "张三");
	assert_string_equal(xf_table_cell(&t, 2, 6), "TRUE");
	assert_string_equal(xf_table_cell(&t, 2, 7), "2025-01-02");
	/* A3:A5 merged: the value repeats down the range */
	assert_string_equal(xf_table_cell(&t, 3, 0), "张三");
	assert_string_equal(xf_table_cell(&t, 4, 0), "张三");
}

static void test_xlsx_that_is_not_a_zip_is_refused(void **state)
{
	(void)state;
	xf_table t;
	assert_int_equal(xf_xlsx_read(&arena, "hello", 5, NULL, &t),
	                 XF_TABLE_NOT_ZIP);
	assert_int_equal(xf_xlsx_read(&arena, "PK\x03\x04junk", 8, NULL, &t),
	                 XF_TABLE_NOT_ZIP);
	part parts[] = {{"readme.txt", "no workbook here"}};
	size_t len;
	char *data = make_zip(parts, 1, &len);
	assert_int_equal(xf_xlsx_read(&arena, data, len, NULL, &t),
	                 XF_TABLE_NOT_XLSX);
}

static void test_xlsx_over_the_unpacked_limit_is_a_zip_bomb(void **state)
{
	(void)state;
	/* 1 MiB of zeros compresses to about a kilobyte */
	size_t big = 1 << 20;
	char *zeros = xf_arena_calloc(&arena, big + 1, 1);
	memset(zeros, '0', big);
	char *sheet = xf_arena_printf(&arena,
	                              "<worksheet><sheetData><row><c><v>%s</v>"
	                              "</c></row></sheetData></worksheet>",
	                              zeros);
	part parts[] = {{"xl/workbook.xml", "<workbook/>"},
	                {"xl/worksheets/sheet1.xml", sheet}};
	size_t len;
	char *data = make_zip(parts, 2, &len);
	assert_true(len < 64 * 1024);
	xf_table_limits lim = xf_table_default_limits;
	lim.max_unpacked = 512 * 1024;
	xf_table t;
	assert_int_equal(xf_xlsx_read(&arena, data, len, &lim, &t),
	                 XF_TABLE_TOO_BIG);
}

static void test_xlsx_with_a_dtd_or_broken_xml_is_refused(void **state)
{
	(void)state;
	part dtd[] = {{"xl/workbook.xml",
	               "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><workbook/>"},
	              {"xl/worksheets/sheet1.xml", "<worksheet/>"}};
	size_t len;
	char *data = make_zip(dtd, 2, &len);
	xf_table t;
	assert_int_equal(xf_xlsx_read(&arena, data, len, NULL, &t),
	                 XF_TABLE_BAD_XML);
	part broken[] = {{"xl/workbook.xml", "<workbook/>"},
	                 {"xl/worksheets/sheet1.xml", "<worksheet><row>"}};
	data = make_zip(broken, 2, &len);
	assert_int_equal(xf_xlsx_read(&arena, data, len, NULL, &t),
	                 XF_TABLE_BAD_XML);
}

static void test_xlsx_over_the_row_limit_is_refused(void **state)
{
	(void)state;
	part parts[] = {{"xl/workbook.xml", "<workbook/>"},
	                {"xl/worksheets/sheet1.xml",
	                 "<worksheet><sheetData><row r=\"1\"/>"
	                 "<row r=\"1048576\"><c r=\"A1048576\"><v>1</v></c>"
	                 "</row></sheetData></worksheet>"}};
	size_t len;
	char *data = make_zip(parts, 2, &len);
	xf_table t;
	assert_int_equal(xf_xlsx_read(&arena, data, len, NULL, &t),
	                 XF_TABLE_TOO_MANY_ROWS);
}

static void test_xlsx_merged_ranges_are_bounded_by_the_table_size(void **state)
{
	(void)state;
	char *rows = xf_arena_printf(&arena, "%s", "");
	for (int i = 1; i <= 10; i++)
		rows = xf_arena_printf(
		    &arena,
		    "%s<row r=\"%d\"><c r=\"A%d\" "
		    "t=\"inlineStr\"><is><t>x</t></is></c></row>",
		    rows, i, i);
	const char *one = "<mergeCell ref=\"A1:J10\"/>";
	part parts[] = {
	    {"xl/workbook.xml", "<workbook/>"},
	    {"xl/worksheets/sheet1.xml",
	     xf_arena_printf(&arena,
	                     "<worksheet><sheetData>%s</sheetData><mergeCells>"
	                     "%s%s</mergeCells></worksheet>",
	                     rows, one, one)}};
	size_t len;
	char *data = make_zip(parts, 2, &len);
	xf_table_limits lim = xf_table_default_limits;
	lim.max_rows = 10;
	lim.max_cols = 10;
	xf_table t;
	/* two ranges of 100 cells where the table has 100 */
	assert_int_equal(xf_xlsx_read(&arena, data, len, &lim, &t),
	                 XF_TABLE_TOO_BIG);
	lim.max_rows = 20;
	assert_int_equal(xf_xlsx_read(&arena, data, len, &lim, &t),
	                 XF_TABLE_OK);
	assert_string_equal(xf_table_cell(&t, 9, 9), "x");
}

/* ---- an export of the house (api/xlsx.h) read back -------------------- */

static void export_row(void *arg, int i, xf_xlsx_cell *cells)
{
	(void)arg;
	static const char *const names[] = {"张三", "李四"};
	cells[0] = (xf_xlsx_cell){names[i], 0, -1};
	cells[1] = (xf_xlsx_cell){NULL, 87.5 + i, 1};
	cells[2] = (xf_xlsx_cell){"市直机关工委/第一党支部", 0, -1};
}

static void test_an_export_is_read_back_by_the_reader(void **state)
{
	(void)state;
	static const char *const headers[] = {"姓名", "得分", "所属党组织"};
	xf_xlsx_table table = {.sheet = "成绩",
	                       .title = "2026年度述职评议结果",
	                       .subtitle = "市直机关工委",
	                       .headers = headers,
	                       .ncols = 3,
	                       .nrows = 2,
	                       .row = export_row};
	char path[] = "/tmp/xf-export-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	assert_non_null(wb);
	assert_int_equal(xf_xlsx_table_write(wb, &table), 0);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = xf_arena_alloc(&arena, 1 << 20);
	size_t len = fread(buf, 1, 1 << 20, f);
	fclose(f);
	unlink(path);
	xf_table t;
	assert_int_equal(xf_xlsx_read(&arena, buf, len, NULL, &t), XF_TABLE_OK);
	assert_int_equal(t.nrows, 5);
	/* the title is merged over the table's width */
	assert_string_equal(xf_table_cell(&t, 0, 0), "2026年度述职评议结果");
	assert_string_equal(xf_table_cell(&t, 0, 2), "2026年度述职评议结果");
	assert_string_equal(xf_table_cell(&t, 2, 1), "得分");
	assert_string_equal(xf_table_cell(&t, 3, 0), "张三");
	assert_string_equal(xf_table_cell(&t, 3, 1), "87.5");
	assert_string_equal(xf_table_cell(&t, 4, 1), "88.5");
	assert_string_equal(xf_table_cell(&t, 4, 2), "市直机关工委/第一党支部");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(
	        test_csv_quotes_commas_and_newlines_in_fields, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_csv_bom_lf_cr_and_blank_lines_keep_row_numbers, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(test_csv_in_gbk_is_read_as_utf8,
	                                    setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_csv_that_is_neither_utf8_nor_gbk_is_refused, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_csv_over_the_row_and_column_limits_is_refused, setup,
	        teardown),
	    cmocka_unit_test(test_excel_serial_numbers_are_dates),
	    cmocka_unit_test_setup_teardown(
	        test_xlsx_first_sheet_cells_by_reference, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_xlsx_that_is_not_a_zip_is_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_xlsx_over_the_unpacked_limit_is_a_zip_bomb, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_xlsx_with_a_dtd_or_broken_xml_is_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_xlsx_over_the_row_limit_is_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(
	        test_xlsx_merged_ranges_are_bounded_by_the_table_size, setup,
	        teardown),
	    cmocka_unit_test_setup_teardown(
	        test_an_export_is_read_back_by_the_reader, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
