/*
 * xlsx.h (api) - Excel answers, written once for every export: a
 * workbook built by a callback (libxlsxwriter) and sent as an attachment
 * with a Chinese file name; the house formats (宋体, boxed cells); and a
 * plain table sheet (a title, a subtitle, a header row, rows of text and
 * numbers) that most exports are.
 */
#ifndef XF_API_XLSX_H
#define XF_API_XLSX_H

#include "http/server.h"

#include <xlsxwriter.h>

/* The formats of the house style, made once per workbook. */
typedef struct xf_xlsx_formats {
	lxw_format *title, *subtitle, *head, *cell, *name, *legend, *number;
} xf_xlsx_formats;
void xf_xlsx_formats_make(lxw_workbook *wb, xf_xlsx_formats *f);

/* Builds a workbook with write(wb, arg) (0, or -1 on failure) and answers
 * it as file_name (cleaned; fallback when it cannot be), with doc_title
 * in its properties. On failure answers 500 in Chinese. */
void xf_xlsx_reply(xf_req *r, const char *file_name, const char *fallback,
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
/* Writes the table as a worksheet of wb; 0 or -1. */
int xf_xlsx_table_sheet(lxw_workbook *wb, const xf_xlsx_table *t);
/* The callback of xf_xlsx_reply for a workbook of one table (arg: an
 * xf_xlsx_table). */
int xf_xlsx_table_write(lxw_workbook *wb, void *table);

#endif
