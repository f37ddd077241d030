/*
 * xlsx.c (api) - Excel answers: the workbook in a temporary file, read
 * back into the request arena and sent as an attachment; the house
 * formats; the plain table sheet; the one writer of text cells; what the
 * exports of list pages share (xlsx.h).
 */
#include "api/xlsx.h"

#include "base/date.h"
#include "domain/files.h"
#include "service/orgs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define XLSX_TYPE                                                              \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static lxw_format *font(lxw_workbook *wb, double size, int bold)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_font_name(f, "宋体");
	format_set_font_size(f, size);
	if (bold)
		format_set_bold(f);
	format_set_align(f, LXW_ALIGN_CENTER);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	return f;
}

static void boxed(lxw_format *f)
{
	format_set_border(f, LXW_BORDER_THIN);
	format_set_text_wrap(f);
}

void xf_xlsx_formats_make(lxw_workbook *wb, xf_xlsx_formats *f)
{
	f->title = font(wb, 16, 1);
	f->subtitle = font(wb, 10, 0);
	format_set_align(f->subtitle, LXW_ALIGN_LEFT);
	f->head = font(wb, 10, 1);
	boxed(f->head);
	f->cell = font(wb, 10, 0);
	boxed(f->cell);
	f->name = font(wb, 10, 0);
	boxed(f->name);
	format_set_align(f->name, LXW_ALIGN_LEFT);
	f->legend = font(wb, 9, 0);
	format_set_align(f->legend, LXW_ALIGN_LEFT);
	format_set_text_wrap(f->legend);
	f->number = font(wb, 10, 0);
	boxed(f->number);
	format_set_num_format(f->number, "0.0");
	f->whole = font(wb, 10, 0);
	boxed(f->whole);
	format_set_num_format(f->whole, "0");
}

/* Reads a whole file into the arena; NULL on failure. */
static void *slurp(const char *path, xf_arena *a, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	struct stat sb;
	char *data = NULL;
	if (fstat(fileno(fp), &sb) == 0 && sb.st_size > 0 &&
	    sb.st_size < (64 << 20)) {
		data = xf_arena_alloc(a, (size_t)sb.st_size);
		if (data && fread(data, 1, (size_t)sb.st_size, fp) !=
		                (size_t)sb.st_size)
			data = NULL;
		*len = (size_t)sb.st_size;
	}
	fclose(fp);
	return data;
}

/* xf_xlsx_reply and xf_xlsx_reply_rows: rows_in_order, the latter. */
static void reply(xf_req *r, const char *file_name, const char *fallback,
                  const char *doc_title,
                  int (*write)(lxw_workbook *wb, void *arg), void *arg,
                  int rows_in_order)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	char *path = xf_arena_printf(&r->arena, "%s/xf-xlsx-XXXXXX", tmp);
	int fd = path ? mkstemp(path) : -1;
	if (fd < 0) {
		xf_reply_error(r, 500, "internal", "无法创建临时文件", NULL);
		return;
	}
	close(fd);
	lxw_workbook_options opt = {.constant_memory =
	                                rows_in_order ? LXW_TRUE : LXW_FALSE,
	                            .tmpdir = (char *)tmp};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	int rc = wb ? write(wb, arg) : -1;
	if (wb) {
		static char author[] = "先锋";
		lxw_doc_properties props = {.title = (char *)doc_title,
		                            .author = author};
		workbook_set_properties(wb, &props);
		if (workbook_close(wb) != LXW_NO_ERROR)
			rc = -1;
	}
	size_t len = 0;
	void *data = rc == 0 ? slurp(path, &r->arena, &len) : NULL;
	unlink(path);
	if (!data) {
		xf_reply_error(r, 500, "internal", "生成 Excel 文件失败", NULL);
		return;
	}
	char clean[XF_FILE_NAME_MAX * 4 + 1];
	char disp[XF_FILE_NAME_MAX * 16 + 64];
	if (!file_name || xf_file_name_clean(file_name, strlen(file_name),
	                                     clean, sizeof clean) != 0)
		snprintf(clean, sizeof clean, "%s", fallback);
	if (xf_file_disposition("attachment", clean, disp, sizeof disp) != 0 ||
	    xf_reply_bytes(r, 200, XLSX_TYPE, data, len) != 0)
		return;
	xf_reply_header(r, "Content-Disposition", disp);
}

/* Excel's most characters in a cell. */
#define CELL_MAX_CHARS 32767

int xf_xlsx_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                 lxw_format *f)
{
	if (!s)
		s = "";
	/* worksheet_write_string stores a shared string: never a formula,
	 * whatever the text begins with. */
	size_t len = strlen(s), chars = 0, cut = len;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 &&
		    chars++ == CELL_MAX_CHARS) {
			cut = i;
			break;
		}
	if (cut == len)
		return worksheet_write_string(ws, row, col, s, f) ==
		               LXW_NO_ERROR
		           ? 0
		           : -1;
	char *copy = malloc(cut + 1);
	if (!copy)
		return -1;
	memcpy(copy, s, cut);
	copy[cut] = '\0';
	lxw_error rc = worksheet_write_string(ws, row, col, copy, f);
	free(copy);
	return rc == LXW_NO_ERROR ? 0 : -1;
}

void xf_xlsx_reply(xf_req *r, const char *file_name, const char *fallback,
                   const char *doc_title,
                   int (*write)(lxw_workbook *wb, void *arg), void *arg)
{
	reply(r, file_name, fallback, doc_title, write, arg, 0);
}

void xf_xlsx_reply_rows(xf_req *r, const char *file_name, const char *fallback,
                        const char *doc_title,
                        int (*write)(lxw_workbook *wb, void *arg), void *arg)
{
	reply(r, file_name, fallback, doc_title, write, arg, 1);
}

int xf_xlsx_table_sheet(lxw_workbook *wb, const xf_xlsx_table *t)
{
	xf_xlsx_formats f;
	xf_xlsx_formats_make(wb, &f);
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->sheet);
	if (!ws || t->ncols < 1 || t->ncols > 64)
		return -1;
	lxw_col_t last = (lxw_col_t)(t->ncols - 1);
	worksheet_set_paper(ws, 9);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 2, 2);
	worksheet_freeze_panes(ws, 3, 0);
	for (int j = 0; j < t->ncols; j++)
		worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
		                     t->widths ? t->widths[j] : 12, NULL);
	worksheet_set_row(ws, 0, 30, NULL);
	if (last > 0) {
		worksheet_merge_range(ws, 0, 0, 0, last, t->title, f.title);
		worksheet_merge_range(ws, 1, 0, 1, last,
		                      t->subtitle ? t->subtitle : "",
		                      f.subtitle);
	} else {
		xf_xlsx_text(ws, 0, 0, t->title, f.title);
		xf_xlsx_text(ws, 1, 0, t->subtitle, f.subtitle);
	}
	for (int j = 0; j < t->ncols; j++)
		xf_xlsx_text(ws, 2, (lxw_col_t)j, t->headers[j], f.head);
	xf_xlsx_cell cells[64];
	for (int i = 0; i < t->nrows; i++) {
		lxw_row_t row = (lxw_row_t)(3 + i);
		for (int j = 0; j < t->ncols; j++)
			cells[j] = (xf_xlsx_cell){NULL, 0, -1};
		t->row(t->arg, i, cells);
		for (int j = 0; j < t->ncols; j++) {
			if (cells[j].decimals >= 0)
				worksheet_write_number(
				    ws, row, (lxw_col_t)j, cells[j].num,
				    cells[j].decimals ? f.number : f.whole);
			else if (xf_xlsx_text(ws, row, (lxw_col_t)j,
			                      cells[j].text,
			                      j == 1 ? f.name : f.cell) != 0)
				return -1;
		}
	}
	return 0;
}

int xf_xlsx_table_write(lxw_workbook *wb, void *table)
{
	return xf_xlsx_table_sheet(wb, table);
}

int xf_xlsx_tables_write(lxw_workbook *wb, void *tables)
{
	for (const xf_xlsx_table *t = tables; t->sheet; t++)
		if (xf_xlsx_table_sheet(wb, t) != 0)
			return -1;
	return 0;
}

int xf_xlsx_rows_fit(xf_req *r, int64_t total)
{
	if (total <= XF_XLSX_MAX_ROWS)
		return 0;
	char msg[160];
	snprintf(
	    msg, sizeof msg,
	    "共 %lld 条记录，超过一次导出的上限 %d 条，请缩小筛选范围后再导出",
	    (long long)total, XF_XLSX_MAX_ROWS);
	xf_reply_error(r, 422, "too_many_rows", msg, NULL);
	return -1;
}

const char *xf_xlsx_subtitle(xf_req *r, int64_t now, const char *const *pairs,
                             int n)
{
	char day[11];
	xf_date_format(xf_date_today(now), day);
	const char *s = "";
	for (int k = 0; k < n && s; k++) {
		const char *label = pairs[2 * k], *value = pairs[2 * k + 1];
		if (value && *value)
			s = xf_arena_printf(&r->arena, "%s%s：%s；", s, label,
			                    value);
	}
	return s ? xf_arena_printf(&r->arena, "%s导出日期：%s", s, day) : NULL;
}

const char *xf_xlsx_time(xf_req *r, int64_t t)
{
	char iso[32];
	xf_time_iso(t, iso); /* "2024-07-01T08:00:00+08:00" */
	iso[10] = ' ';
	return xf_arena_strndup(&r->arena, iso, 19);
}

const char *xf_xlsx_org_name(xf_ctx *c, int64_t org_id)
{
	xf_org o;
	if (!org_id || xf_org_read(c, org_id, &o) != XF_OK) {
		c->err.kind = 0;
		return NULL;
	}
	return o.name;
}

const char *xf_xlsx_title(xf_req *r, const char *org, const char *year,
                          const char *what)
{
	return xf_arena_printf(&r->arena, "%s%s%s", org ? org : "",
	                       year ? year : "", what);
}

const char *xf_xlsx_year(xf_req *r, const xf_val *year)
{
	return year->present ? xf_arena_printf(&r->arena, "%d", (int)year->i)
	                     : "";
}

void xf_xlsx_table_reply(xf_req *r, const xf_xlsx_table *t,
                         const char *fallback)
{
	xf_xlsx_reply_rows(r, xf_arena_printf(&r->arena, "%s.xlsx", t->title),
	                   fallback, t->sheet, xf_xlsx_table_write, (void *)t);
}

void xf_xlsx_list_reply(xf_req *r, int64_t now, const xf_xlsx_sheet *s,
                        const char *title, const char *const *filters,
                        int nfilters, int nrows,
                        void (*row)(void *arg, int i, xf_xlsx_cell *cells),
                        void *arg)
{
	xf_xlsx_table t = {.sheet = s->sheet,
	                   .title = title,
	                   .subtitle =
	                       xf_xlsx_subtitle(r, now, filters, nfilters),
	                   .headers = s->headers,
	                   .widths = s->widths,
	                   .ncols = s->ncols,
	                   .nrows = nrows,
	                   .row = row,
	                   .arg = arg};
	xf_xlsx_table_reply(r, &t, s->fallback);
}
