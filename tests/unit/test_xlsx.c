/*
 * test_xlsx.c - the one writer of text cells of the Excel exports
 * (api/xlsx.h, xf_xlsx_text): text that looks like a formula is written as
 * a string, never a formula; text beyond Excel's 32,767 characters per
 * cell is cut at a character boundary instead of failing. The workbook is
 * read back with libzip.
 */
#include "api/xlsx.h"
#include "base/utf8.h"

// clang-format off
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
// clang-format on

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

/* The text of entry name of the archive at path, malloc'd; NULL if none. */
static char *entry_text(const char *path, const char *name)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	if (!z)
		return NULL;
	zip_stat_t st;
	char *out = NULL;
	if (zip_stat(z, name, 0, &st) == 0) {
		zip_file_t *f = zip_fopen(z, name, 0);
		out = calloc(1, (size_t)st.size + 1);
		if (f && out &&
		    zip_fread(f, out, st.size) != (zip_int64_t)st.size) {
			free(out);
			out = NULL;
		}
		if (f)
			zip_fclose(f);
	}
	zip_close(z);
	return out;
}

/* The text of the inline string cell ref ("A1") in sheet xml, malloc'd. */
static char *cell_text(const char *xml, const char *ref)
{
	char key[32];
	snprintf(key, sizeof key, "<c r=\"%s\"", ref);
	const char *c = strstr(xml, key);
	if (!c)
		return NULL;
	const char *end = strstr(c, "</c>");
	const char *t = strstr(c, "<t");
	if (!end || !t || t > end)
		return NULL;
	t = strchr(t, '>') + 1;
	const char *te = strstr(t, "</t>");
	return strndup(t, (size_t)(te - t));
}

static void
test_formula_looking_text_is_written_as_text_and_long_text_is_cut(void **state)
{
	(void)state;
	char path[] = "/tmp/xf-test-xlsx-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	assert_non_null(wb);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "表");
	static const char *const looks[] = {"=HYPERLINK(\"http://x\",\"点我\")",
	                                    "+1", "-1", "@SUM(A1)", "=1+1"};
	for (int i = 0; i < 5; i++)
		assert_int_equal(
		    xf_xlsx_text(ws, 0, (lxw_col_t)i, looks[i], NULL), 0);
	assert_int_equal(xf_xlsx_text(ws, 0, 5, NULL, NULL), 0);
	/* 40,000 characters of three bytes each */
	size_t n = 40000;
	char *big = malloc(n * 3 + 1);
	assert_non_null(big);
	for (size_t i = 0; i < n; i++)
		memcpy(big + i * 3, "党", 3);
	big[n * 3] = '\0';
	assert_int_equal(xf_xlsx_text(ws, 1, 0, big, NULL), 0);
	/* exactly the most a cell holds: kept whole */
	big[32767 * 3] = '\0';
	assert_int_equal(xf_xlsx_text(ws, 2, 0, big, NULL), 0);
	free(big);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);

	char *xml = entry_text(path, "xl/worksheets/sheet1.xml");
	unlink(path);
	assert_non_null(xml);
	assert_null(strstr(xml, "<f>"));
	assert_null(strstr(xml, "<f "));
	char *a1 = cell_text(xml, "A1");
	assert_non_null(a1);
	assert_string_equal(a1, looks[0]);
	free(a1);
	char *d1 = cell_text(xml, "D1");
	assert_string_equal(d1, "@SUM(A1)");
	free(d1);
	static const char *const cut_refs[] = {"A2", "A3"};
	for (int k = 0; k < 2; k++) {
		char *t = cell_text(xml, cut_refs[k]);
		assert_non_null(t);
		assert_int_equal(strlen(t), 32767 * 3);
		assert_true(xf_utf8_valid(t, strlen(t)));
		free(t);
	}
	free(xml);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(
	        test_formula_looking_text_is_written_as_text_and_long_text_is_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
