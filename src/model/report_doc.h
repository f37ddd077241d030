/*
 * report_doc.h (model) - a neutral document for generated reports (the
 * year's report, 年度党建工作报告): a title, a subtitle and a list of
 * blocks (section headings, paragraphs, tables with a header row, bar
 * charts as one data series). The service fills it from the figures;
 * the renderers of src/render walk it into PDF (cairo + pango) and Word
 * (WordprocessingML). It holds plain text only: every renderer escapes
 * what it writes.
 *
 * Memory: every string and array lives in the arena given to
 * xf_rdoc_init; functions copy the text they are given. Functions that
 * allocate return 0, or -1 when the arena is exhausted (the document is
 * then marked failed and later calls do nothing).
 */
#ifndef XF_MODEL_REPORT_DOC_H
#define XF_MODEL_REPORT_DOC_H

#include "base/arena.h"

#include <stddef.h>
#include <stdint.h>

typedef enum xf_rblock_kind {
	XF_RB_HEADING,   /* a section heading (level 1) */
	XF_RB_PARAGRAPH, /* body text */
	XF_RB_TABLE,     /* a table: row 0 is the header */
	XF_RB_CHART,     /* a bar chart of one series */
} xf_rblock_kind;

typedef struct xf_rtable {
	int ncols, nrows, cap; /* nrows counts the header row */
	const char **cells;    /* nrows * ncols, row-major */
} xf_rtable;

typedef struct xf_rchart {
	const char *title, *unit; /* unit shown after each value, e.g. "%" */
	int n, cap;
	const char **labels;
	double *values;
	double max; /* the axis maximum; 0: the largest value */
} xf_rchart;

typedef struct xf_rblock {
	xf_rblock_kind kind;
	const char *text; /* heading or paragraph */
	xf_rtable table;
	xf_rchart chart;
} xf_rblock;

typedef struct xf_report_doc {
	xf_arena *a;
	const char *title, *subtitle, *footer;
	xf_rblock **blocks; /* each block allocated once: pointers to a
	                     * table or chart stay valid as blocks are added */
	int n, cap;
	int failed;
} xf_report_doc;

void xf_rdoc_init(xf_report_doc *d, xf_arena *a, const char *title,
                  const char *subtitle);
int xf_rdoc_heading(xf_report_doc *d, const char *text);
int xf_rdoc_paragraph(xf_report_doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Starts a table with ncols columns whose header row holds the headers;
 * returns the table to add rows to, or NULL. */
xf_rtable *xf_rdoc_table(xf_report_doc *d, int ncols,
                         const char *const *headers);
/* Adds a row of ncols cells (NULL cells become ""). */
int xf_rtable_row(xf_report_doc *d, xf_rtable *t, const char *const *cells);
/* The cell of row i (0: the header) and column j. */
const char *xf_rtable_cell(const xf_rtable *t, int i, int j);
/* Starts a bar chart; max 0 scales to the largest value. */
xf_rchart *xf_rdoc_chart(xf_report_doc *d, const char *title, const char *unit,
                         double max);
int xf_rchart_bar(xf_report_doc *d, xf_rchart *ch, const char *label,
                  double value);

/* A rate as a percentage with one decimal ("87.5%"), or "—" when den is
 * 0; the same rounding as the JSON answers' rates. Writes into out
 * (at least 16 bytes) and returns it. */
char *xf_rate_text(int64_t num, int64_t den, char *out, size_t outsz);
/* The same rate as a number (0 when den is 0). */
double xf_rate_value(int64_t num, int64_t den);

#endif
