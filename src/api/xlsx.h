/*
 * xlsx.h (api) - Excel answers, written once for every export: a
 * workbook built by a callback (libxlsxwriter) and sent as an attachment
 * with a Chinese file name; the house formats (宋体, boxed cells); a
 * plain table sheet (a title, a subtitle, a header row, rows of text and
 * numbers) that most exports are; the one writer of text cells; and what
 * the exports of list pages share (their row limit, their subtitle).
 *
 * Text is always written as a string cell: a value such as
 * "=HYPERLINK(...)", "+1" or "@SUM(A1)" stays text, never a formula, a
 * link or a number. Nothing here writes formulas or links.
 */
#ifndef XF_API_XLSX_H
#define XF_API_XLSX_H

#include "api/input.h"
#include "http/server.h"
#include "service/ctx.h"

#include <xlsxwriter.h>

/* The formats of the house style, made once per workbook. */
typedef struct xf_xlsx_formats {
	lxw_format *title, *subtitle, *head, *cell, *name, *legend, *number;
	lxw_format *whole; /* a number without decimals */
} xf_xlsx_formats;
void xf_xlsx_formats_make(lxw_workbook *wb, xf_xlsx_formats *f);

/* Builds a workbook with write(wb, arg) (0, or -1 on failure) and answers
 * it as file_name (cleaned; fallback when it cannot be), with doc_title
 * in its properties. On failure answers 500 in Chinese. */
void xf_xlsx_reply(xf_req *r, const char *file_name, const char *fallback,
                   const char *doc_title,
                   int (*write)(lxw_workbook *wb, void *arg), void *arg);

/* The same for a workbook written row by row, top to bottom, each sheet
 * in turn (the plain table sheets): rows go to a temporary file as they
 * come (libxlsxwriter's constant_memory), so a long list costs no memory
 * and text is stored inline. */
void xf_xlsx_reply_rows(xf_req *r, const char *file_name, const char *fallback,
                        const char *doc_title,
                        int (*write)(lxw_workbook *wb, void *arg), void *arg);

/* A plain table: the cell of row i, column j is text (num NULL) or a
 * number with decimals (text NULL). */
typedef struct xf_xlsx_cell {
	const char *text;
	double num;
	int decimals; /* -1: text */
} xf_xlsx_cell;
typedef struct xf_xlsx_table {
	const char *sheet, *title, *subtitle;
	const char *const *headers;
	const double *widths; /* per column, or NULL */
	int ncols;
	int nrows;
	/* fills the ncols cells of row i */
	void (*row)(void *arg, int i, xf_xlsx_cell *cells);
	void *arg;
} xf_xlsx_table;
/* Writes text s (NULL: "") at (row, col) as a string cell, never a
 * formula: the one writer of text cells of every export. Text beyond
 * Excel's 32,767 characters per cell is cut at a character boundary.
 * Returns 0, or -1 when the cell could not be written. */
int xf_xlsx_text(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                 lxw_format *f);

/* Writes the table as a worksheet of wb; 0 or -1. */
int xf_xlsx_table_sheet(lxw_workbook *wb, const xf_xlsx_table *t);
/* The callback of xf_xlsx_reply for a workbook of one table (arg: an
 * xf_xlsx_table). */
int xf_xlsx_table_write(lxw_workbook *wb, void *table);
/* The callback for a workbook of a sheet per table (arg: an array of
 * xf_xlsx_table ended by one whose sheet is NULL), in their order. */
int xf_xlsx_tables_write(lxw_workbook *wb, void *tables);

/* ---- exports of list pages -------------------------------------------- */

/* The most rows an export of a list holds; a list with more is refused
 * (422 too_many_rows) rather than cut, so that no file is silently
 * incomplete. */
#define XF_XLSX_MAX_ROWS 50000

/* 0 when a list of total rows fits in an export; else answers 422
 * (too_many_rows, asking for narrower filters) and returns -1. */
int xf_xlsx_rows_fit(xf_req *r, int64_t total);

/* The subtitle of an export: "label：value" for each pair (pairs[2k],
 * pairs[2k+1]) of the n pairs whose value is set and not empty, joined by
 * "；", then "导出日期：YYYY-MM-DD" (today in Asia/Shanghai at now).
 * Allocated in r's arena; NULL when memory runs out. */
const char *xf_xlsx_subtitle(xf_req *r, int64_t now, const char *const *pairs,
                             int n);

/* What the subtitle says of a list without an organization filter: every
 * organization the caller may read. */
#define XF_XLSX_ALL_ORGS "权限范围内全部组织"

/* The name of organization org_id as the caller may read it, for the
 * title of an export; NULL for 0 or one it may not read. */
const char *xf_xlsx_org_name(xf_ctx *c, int64_t org_id);

/* The title of an export: the name of the organization filtered on (or
 * NULL), the year filtered on (or NULL) and what the list is, run
 * together ("某党委2026年度党费缴纳情况"), in r's arena. */
const char *xf_xlsx_title(xf_req *r, const char *org, const char *year,
                          const char *what);

/* The text of an optional ?year= of a list for an export's subtitle and
 * title: "" when absent. In r's arena. */
const char *xf_xlsx_year(xf_req *r, const xf_val *year);

/* Answers table t as a workbook of one sheet named after t->title
 * ("<title>.xlsx"; fallback when the title makes no file name), written
 * row by row (xf_xlsx_reply_rows). */
void xf_xlsx_table_reply(xf_req *r, const xf_xlsx_table *t,
                         const char *fallback);

/*
 * An export of a list, one static descriptor per export: its sheet name,
 * the file name when its title makes none, and its columns (headers and
 * widths, as many widths as headers):
 *
 *   static const xf_xlsx_sheet sheet =
 *       XF_XLSX_SHEET("会议记录", heads, widths, "会议记录.xlsx");
 */
typedef struct xf_xlsx_sheet {
	const char *sheet, *fallback;
	const char *const *headers;
	const double *widths;
	int ncols;
} xf_xlsx_sheet;
#define XF_XLSX_SHEET(sheet, heads, widths, fallback)                          \
	{                                                                      \
		sheet, fallback, heads, widths,                                \
		    (int)(sizeof heads / sizeof heads[0])                      \
	}

/* Answers the nrows rows of a list, row(arg, i, cells) each, as the table
 * of s titled title (in memory the caller keeps), with the subtitle of
 * the nfilters (label, value) pairs of filters at now
 * (xf_xlsx_subtitle): xf_xlsx_table_reply. */
void xf_xlsx_list_reply(xf_req *r, int64_t now, const xf_xlsx_sheet *s,
                        const char *title, const char *const *filters,
                        int nfilters, int nrows,
                        void (*row)(void *arg, int i, xf_xlsx_cell *cells),
                        void *arg);

/* "YYYY-MM-DD HH:MM:SS" in Asia/Shanghai at t (unix seconds), in r's
 * arena: how exports show a time. */
const char *xf_xlsx_time(xf_req *r, int64_t t);

#endif
