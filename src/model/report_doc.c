/*
 * report_doc.c (model) - building the neutral report document of
 * report_doc.h in an arena.
 */
#include "model/report_doc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void xf_rdoc_init(xf_report_doc *d, xf_arena *a, const char *title,
                  const char *subtitle)
{
	memset(d, 0, sizeof *d);
	d->a = a;
	d->title = title ? xf_arena_strdup(a, title) : "";
	d->subtitle = subtitle ? xf_arena_strdup(a, subtitle) : NULL;
	if (!d->title || (subtitle && !d->subtitle))
		d->failed = 1;
}

/* Grows *items (of size sz) to hold one more than *n; 0 or -1. */
static int grow(xf_report_doc *d, void **items, int *n, int *cap, size_t sz)
{
	if (d->failed)
		return -1;
	if (*n < *cap)
		return 0;
	int ncap = *cap ? *cap * 2 : 8;
	void *p = xf_arena_calloc(d->a, (size_t)ncap, sz);
	if (!p) {
		d->failed = 1;
		return -1;
	}
	if (*n)
		memcpy(p, *items, (size_t)*n * sz);
	*items = p;
	*cap = ncap;
	return 0;
}

static xf_rblock *add_block(xf_report_doc *d, xf_rblock_kind kind)
{
	void *items = d->blocks;
	if (grow(d, &items, &d->n, &d->cap, sizeof *d->blocks) != 0)
		return NULL;
	d->blocks = items;
	xf_rblock *b = xf_arena_calloc(d->a, 1, sizeof *b);
	if (!b) {
		d->failed = 1;
		return NULL;
	}
	b->kind = kind;
	d->blocks[d->n++] = b;
	return b;
}

int xf_rdoc_heading(xf_report_doc *d, const char *text)
{
	xf_rblock *b = add_block(d, XF_RB_HEADING);
	if (!b || !(b->text = xf_arena_strdup(d->a, text))) {
		d->failed = 1;
		return -1;
	}
	return 0;
}

int xf_rdoc_paragraph(xf_report_doc *d, const char *fmt, ...)
{
	xf_rblock *b = add_block(d, XF_RB_PARAGRAPH);
	if (!b)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = len >= 0 ? xf_arena_alloc(d->a, (size_t)len + 1) : NULL;
	if (!s) {
		d->failed = 1;
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->text = s;
	return 0;
}

xf_rtable *xf_rdoc_table(xf_report_doc *d, int ncols,
                         const char *const *headers)
{
	if (ncols <= 0)
		return NULL;
	xf_rblock *b = add_block(d, XF_RB_TABLE);
	if (!b)
		return NULL;
	b->table.ncols = ncols;
	if (xf_rtable_row(d, &b->table, headers) != 0)
		return NULL;
	return &b->table;
}

int xf_rtable_row(xf_report_doc *d, xf_rtable *t, const char *const *cells)
{
	if (d->failed)
		return -1;
	if (t->nrows == t->cap) {
		int ncap = t->cap ? t->cap * 2 : 8;
		const char **p =
		    xf_arena_calloc(d->a, (size_t)ncap * t->ncols, sizeof *p);
		if (!p) {
			d->failed = 1;
			return -1;
		}
		if (t->nrows)
			memcpy(p, t->cells,
			       (size_t)t->nrows * t->ncols * sizeof *p);
		t->cells = p;
		t->cap = ncap;
	}
	const char **row = &t->cells[(size_t)t->nrows * t->ncols];
	for (int j = 0; j < t->ncols; j++) {
		row[j] = xf_arena_strdup(d->a, cells[j] ? cells[j] : "");
		if (!row[j]) {
			d->failed = 1;
			return -1;
		}
	}
	t->nrows++;
	return 0;
}

const char *xf_rtable_cell(const xf_rtable *t, int i, int j)
{
	return t->cells[(size_t)i * t->ncols + j];
}

xf_rchart *xf_rdoc_chart(xf_report_doc *d, const char *title, const char *unit,
                         double max)
{
	xf_rblock *b = add_block(d, XF_RB_CHART);
	if (!b)
		return NULL;
	b->chart.title = xf_arena_strdup(d->a, title ? title : "");
	b->chart.unit = xf_arena_strdup(d->a, unit ? unit : "");
	b->chart.max = max;
	if (!b->chart.title || !b->chart.unit) {
		d->failed = 1;
		return NULL;
	}
	return &b->chart;
}

int xf_rchart_bar(xf_report_doc *d, xf_rchart *ch, const char *label,
                  double value)
{
	if (d->failed)
		return -1;
	if (ch->n == ch->cap) {
		int ncap = ch->cap ? ch->cap * 2 : 8;
		const char **l = xf_arena_calloc(d->a, (size_t)ncap, sizeof *l);
		double *v = xf_arena_calloc(d->a, (size_t)ncap, sizeof *v);
		if (!l || !v) {
			d->failed = 1;
			return -1;
		}
		if (ch->n) {
			memcpy(l, ch->labels, (size_t)ch->n * sizeof *l);
			memcpy(v, ch->values, (size_t)ch->n * sizeof *v);
		}
		ch->labels = l;
		ch->values = v;
		ch->cap = ncap;
	}
	ch->labels[ch->n] = xf_arena_strdup(d->a, label ? label : "");
	if (!ch->labels[ch->n]) {
		d->failed = 1;
		return -1;
	}
	ch->values[ch->n++] = value;
	return 0;
}

char *xf_rate_text(int64_t num, int64_t den, char *out, size_t outsz)
{
	if (den <= 0)
		snprintf(out, outsz, "—");
	else
		snprintf(out, outsz, "%.1f%%",
		         100.0 * (double)num / (double)den);
	return out;
}

double xf_rate_value(int64_t num, int64_t den)
{
	return den > 0 ? 100.0 * (double)num / (double)den : 0.0;
}
