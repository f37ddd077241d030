/*
 * table.c - the sheet of text that the CSV and xlsx readers fill, with
 * its limits and the Chinese messages of its errors.
 */
#include "base/table.h"

#include "base/date.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const xf_table_limits xf_table_default_limits = {
    .max_rows = 20001,
    .max_cols = 200,
    .max_cell = 32 * 1024,
    .max_unpacked = 100u * 1024 * 1024,
};

const char *xf_table_error_text(xf_table_err e)
{
	switch (e) {
	case XF_TABLE_OK:
		return "";
	case XF_TABLE_NOMEM:
		return "文件过大，无法读取";
	case XF_TABLE_TOO_MANY_ROWS:
		return "文件行数超过上限";
	case XF_TABLE_TOO_MANY_COLS:
		return "文件列数超过上限";
	case XF_TABLE_CELL_TOO_LONG:
		return "单元格内容过长";
	case XF_TABLE_ENCODING:
		return "文件编码无法识别，请使用 UTF-8 或 GBK 编码";
	case XF_TABLE_BINARY:
		return "文件不是文本格式的 CSV";
	case XF_TABLE_NOT_ZIP:
		return "文件不是有效的 xlsx 文件";
	case XF_TABLE_NOT_XLSX:
		return "文件中没有找到工作表";
	case XF_TABLE_TOO_BIG:
		return "文件解压后过大";
	case XF_TABLE_BAD_XML:
		return "xlsx 文件内容已损坏";
	}
	return "文件无法读取";
}

const char *xf_table_cell(const xf_table *t, int i, int j)
{
	if (i < 0 || i >= t->nrows || j < 0 || j >= t->rows[i].n)
		return "";
	const char *s = t->rows[i].cells[j];
	return s ? s : "";
}

void xf_table_builder_init(xf_table_builder *b, xf_arena *a,
                           const xf_table_limits *lim, xf_table *t)
{
	memset(b, 0, sizeof *b);
	memset(t, 0, sizeof *t);
	b->a = a;
	b->lim = lim ? lim : &xf_table_default_limits;
	b->t = t;
}

/* Grows an arena array of *alloc elements of size sz to hold need. */
static int grow(xf_arena *a, void **arr, int *alloc, int need, size_t sz)
{
	if (need <= *alloc)
		return 0;
	int n = *alloc ? *alloc * 2 : 16;
	while (n < need)
		n *= 2;
	void *p = xf_arena_calloc(a, (size_t)n, sz);
	if (!p)
		return -1;
	if (*alloc)
		memcpy(p, *arr, (size_t)*alloc * sz);
	*arr = p;
	*alloc = n;
	return 0;
}

xf_table_err xf_table_set(xf_table_builder *b, int j, const char *s, size_t len)
{
	if (j < 0 || j >= b->lim->max_cols)
		return XF_TABLE_TOO_MANY_COLS;
	if (len > b->lim->max_cell)
		return XF_TABLE_CELL_TOO_LONG;
	void *arr = b->cur;
	if (grow(b->a, &arr, &b->cur_alloc, j + 1, sizeof(char *)) != 0)
		return XF_TABLE_NOMEM;
	b->cur = arr;
	char *copy = xf_arena_strndup(b->a, s, len);
	if (!copy)
		return XF_TABLE_NOMEM;
	for (int k = b->cur_n; k < j; k++)
		b->cur[k] = NULL;
	b->cur[j] = copy;
	if (j + 1 > b->cur_n)
		b->cur_n = j + 1;
	return XF_TABLE_OK;
}

xf_table_err xf_table_end_row(xf_table_builder *b, int i)
{
	xf_table *t = b->t;
	if (i < t->nrows)
		i = t->nrows;
	if (i >= b->lim->max_rows)
		return XF_TABLE_TOO_MANY_ROWS;
	void *arr = t->rows;
	if (grow(b->a, &arr, &b->rows_alloc, i + 1, sizeof(xf_table_row)) != 0)
		return XF_TABLE_NOMEM;
	t->rows = arr;
	for (int k = t->nrows; k < i; k++)
		t->rows[k] = (xf_table_row){0, NULL};
	const char **cells = NULL;
	if (b->cur_n) {
		cells = xf_arena_calloc(b->a, (size_t)b->cur_n, sizeof *cells);
		if (!cells)
			return XF_TABLE_NOMEM;
		memcpy(cells, b->cur, (size_t)b->cur_n * sizeof *cells);
	}
	t->rows[i] = (xf_table_row){b->cur_n, cells};
	if (b->cur_n > t->ncols)
		t->ncols = b->cur_n;
	t->nrows = i + 1;
	b->cur_n = 0;
	return XF_TABLE_OK;
}

int xf_excel_serial_date(const char *s, char out[11])
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || !(v >= 1 && v < 2958466))
		return -1;
	int64_t serial = (int64_t)v;
	if (serial == 60) /* 1900-02-29, which never was */
		return -1;
	if (serial < 60)
		serial++; /* before the phantom day the count is off by one */
	xf_date d = xf_date_from_days(serial - 25569);
	xf_date_format(d, out);
	return 0;
}
