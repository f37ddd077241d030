/*
 * table.h - a sheet of text read from an uploaded file: rows of cells,
 * each a UTF-8 string, numbered as the spreadsheet shows them (row i of
 * the table is the spreadsheet's row i + 1). The CSV reader (csv.h) and
 * the xlsx reader (xlsx_read.h) both fill one, with the limits of
 * xf_table_limits; the import use cases read it.
 *
 * Memory: a table and all its strings live in the arena it was read
 * into.
 */
#ifndef XF_BASE_TABLE_H
#define XF_BASE_TABLE_H

#include "base/arena.h"

#include <stddef.h>

typedef struct xf_table_row {
	int n;              /* cells in this row (trailing empty ones kept) */
	const char **cells; /* each a NUL-terminated UTF-8 string or NULL */
} xf_table_row;

typedef struct xf_table {
	int nrows;
	int ncols; /* the widest row */
	xf_table_row *rows;
} xf_table;

/* The limits of one read: more rows or columns, a longer cell, or more
 * uncompressed bytes in an xlsx (a zip bomb) refuse the file. */
typedef struct xf_table_limits {
	int max_rows;        /* rows, the header included */
	int max_cols;        /* columns */
	size_t max_cell;     /* bytes of one cell */
	size_t max_unpacked; /* xlsx: uncompressed bytes of all entries read */
} xf_table_limits;

/* Defaults: 20,001 rows, 200 columns, 32 KiB cells, 100 MiB unpacked. */
extern const xf_table_limits xf_table_default_limits;

/* Why a file was refused. */
typedef enum {
	XF_TABLE_OK = 0,
	XF_TABLE_NOMEM,
	XF_TABLE_TOO_MANY_ROWS,
	XF_TABLE_TOO_MANY_COLS,
	XF_TABLE_CELL_TOO_LONG,
	XF_TABLE_ENCODING, /* CSV neither UTF-8 nor GB18030 */
	XF_TABLE_BINARY,   /* CSV with NUL bytes */
	XF_TABLE_NOT_ZIP,  /* xlsx: not a zip archive */
	XF_TABLE_NOT_XLSX, /* xlsx: a zip without a workbook and a sheet */
	XF_TABLE_TOO_BIG,  /* xlsx: over max_unpacked (zip bomb) */
	XF_TABLE_BAD_XML,  /* xlsx: a part is not well-formed XML */
} xf_table_err;

/* The Chinese message of an error, for the user. */
const char *xf_table_error_text(xf_table_err e);

/* The cell (row i, column j) or "" when the table has none there. */
const char *xf_table_cell(const xf_table *t, int i, int j);

/* ---- building a table (the readers) ----------------------------------- */

typedef struct xf_table_builder {
	xf_arena *a;
	const xf_table_limits *lim;
	xf_table *t;
	int rows_alloc;
	/* the row being filled */
	const char **cur;
	int cur_n, cur_alloc;
} xf_table_builder;

void xf_table_builder_init(xf_table_builder *b, xf_arena *a,
                           const xf_table_limits *lim, xf_table *t);
/* Sets cell j of the current row to a copy of s[0..len). */
xf_table_err xf_table_set(xf_table_builder *b, int j, const char *s,
                          size_t len);
/* Ends the current row as row i (>= the number of rows so far; rows
 * skipped in between are empty). */
xf_table_err xf_table_end_row(xf_table_builder *b, int i);

/* An Excel date serial number (days since 1899-12-30, counting Excel's
 * phantom 1900-02-29; the fraction is the time of day and is dropped)
 * as "YYYY-MM-DD" in out. Returns 0, or -1 when s is not a number or not
 * a day from 1900 to 9999. */
int xf_excel_serial_date(const char *s, char out[11]);

#endif
