/*
 * report_pdf.c (render) - the PDF renderer of report documents: walks the
 * blocks top to bottom with a cursor, starting a new page when a block
 * (or a line, or a table row) does not fit.
 */
#include "render/report_pdf.h"

#include "render/chart.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#define PAGE_W   595.28 /* A4 in points */
#define PAGE_H   841.89
#define MARGIN_X 62.0
#define TOP      72.0
#define BOTTOM   70.0
#define BODY_PT  11.0
#define TABLE_PT 9.0
#define CELL_PAD 3.5

typedef struct pdf {
	cairo_t *cr;
	const xf_report_doc *d;
	double y;
	int page;
} pdf;

static PangoLayout *layout(pdf *p, const char *s, double size, int bold,
                           double width)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, XF_RENDER_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	if (width > 0)
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_text(l, s, -1);
	return l;
}

static double layout_h(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

/* The running header and the page number of the current page. */
static void decorate(pdf *p)
{
	cairo_t *cr = p->cr;
	char head[512];
	snprintf(head, sizeof head, "%s %s", p->d->title,
	         p->d->subtitle ? p->d->subtitle : "");
	cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	PangoLayout *l = layout(p, head, 8, 0, PAGE_W - 2 * MARGIN_X);
	pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_MIDDLE); /* one line */
	cairo_move_to(cr, MARGIN_X, TOP - 30);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	cairo_set_line_width(cr, 0.6);
	cairo_move_to(cr, MARGIN_X, TOP - 16);
	cairo_line_to(cr, PAGE_W - MARGIN_X, TOP - 16);
	cairo_stroke(cr);
	char num[32];
	snprintf(num, sizeof num, "- %d -", p->page);
	l = layout(p, num, 9, 0, PAGE_W - 2 * MARGIN_X);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_move_to(cr, MARGIN_X, PAGE_H - BOTTOM + 28);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
	cairo_set_source_rgb(cr, 0, 0, 0);
}

static void new_page(pdf *p)
{
	if (p->page)
		cairo_show_page(p->cr);
	p->page++;
	p->y = TOP;
	decorate(p);
}

/* Makes room for h points, starting a new page when they do not fit. */
static void need(pdf *p, double h)
{
	if (p->y + h > PAGE_H - BOTTOM && p->y > TOP)
		new_page(p);
}

/* Shows l line by line from the cursor, breaking pages between lines. */
static void flow(pdf *p, PangoLayout *l, double x)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double top = -1;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		double ly = (double)logical.y / PANGO_SCALE;
		double lh = (double)logical.height / PANGO_SCALE;
		if (top < 0)
			top = ly;
		if (p->y + (ly - top) + lh > PAGE_H - BOTTOM) {
			new_page(p);
			p->y -= ly - top;
		}
		double base =
		    (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE;
		cairo_move_to(p->cr, x + (double)logical.x / PANGO_SCALE,
		              p->y + (base - top));
		pango_cairo_show_layout_line(
		    p->cr, pango_layout_iter_get_line_readonly(it));
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	p->y += layout_h(l) - (top > 0 ? top : 0);
}

static void title_page(pdf *p)
{
	double w = PAGE_W - 2 * MARGIN_X;
	p->y = TOP + 40;
	PangoLayout *l = layout(p, p->d->title, 20, 1, w);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	cairo_move_to(p->cr, MARGIN_X, p->y);
	pango_cairo_show_layout(p->cr, l);
	p->y += layout_h(l) + 8;
	g_object_unref(l);
	if (p->d->subtitle) {
		l = layout(p, p->d->subtitle, 18, 1, w);
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		cairo_move_to(p->cr, MARGIN_X, p->y);
		pango_cairo_show_layout(p->cr, l);
		p->y += layout_h(l) + 24;
		g_object_unref(l);
	}
}

static void heading(pdf *p, const char *s)
{
	PangoLayout *l = layout(p, s, 14, 1, PAGE_W - 2 * MARGIN_X);
	/* keep the heading with what follows it */
	need(p, layout_h(l) + 10 + 3 * BODY_PT * 1.6);
	p->y += 10;
	flow(p, l, MARGIN_X);
	p->y += 6;
	g_object_unref(l);
}

static void paragraph(pdf *p, const char *s)
{
	PangoLayout *l = layout(p, s, BODY_PT, 0, PAGE_W - 2 * MARGIN_X);
	pango_layout_set_indent(l, (int)(2 * BODY_PT * PANGO_SCALE));
	pango_layout_set_spacing(l, (int)(BODY_PT * 0.5 * PANGO_SCALE));
	flow(p, l, MARGIN_X);
	p->y += 6;
	g_object_unref(l);
}

/* Column widths from the widest text of each column, scaled to fit. */
static void column_widths(pdf *p, const xf_rtable *t, double *w)
{
	double total = 0, avail = PAGE_W - 2 * MARGIN_X;
	for (int j = 0; j < t->ncols; j++) {
		double m = 24;
		for (int i = 0; i < t->nrows; i++) {
			PangoLayout *l = layout(p, xf_rtable_cell(t, i, j),
			                        TABLE_PT, i == 0, 0);
			int tw, th;
			pango_layout_get_size(l, &tw, &th);
			double cw = (double)tw / PANGO_SCALE + 2 * CELL_PAD + 1;
			if (cw > m)
				m = cw;
			g_object_unref(l);
		}
		if (m > avail * 0.45)
			m = avail * 0.45;
		w[j] = m;
		total += m;
	}
	for (int j = 0; j < t->ncols; j++)
		w[j] *= avail / total;
}

/* Draws row i at the cursor; returns its height. */
static double table_row(pdf *p, const xf_rtable *t, int i, const double *w,
                        int draw)
{
	double h = 0;
	PangoLayout *ls[32];
	int n = t->ncols < 32 ? t->ncols : 32;
	for (int j = 0; j < n; j++) {
		ls[j] = layout(p, xf_rtable_cell(t, i, j), TABLE_PT, i == 0,
		               w[j] - 2 * CELL_PAD);
		if (i == 0)
			pango_layout_set_alignment(ls[j], PANGO_ALIGN_CENTER);
		double lh = layout_h(ls[j]) + 2 * CELL_PAD;
		if (lh > h)
			h = lh;
	}
	double x = MARGIN_X;
	for (int j = 0; j < n; j++) {
		if (draw) {
			if (i == 0) {
				cairo_set_source_rgb(p->cr, 0.93, 0.93, 0.93);
				cairo_rectangle(p->cr, x, p->y, w[j], h);
				cairo_fill(p->cr);
				cairo_set_source_rgb(p->cr, 0, 0, 0);
			}
			cairo_set_line_width(p->cr, 0.6);
			cairo_rectangle(p->cr, x, p->y, w[j], h);
			cairo_stroke(p->cr);
			cairo_move_to(p->cr, x + CELL_PAD, p->y + CELL_PAD);
			pango_cairo_show_layout(p->cr, ls[j]);
		}
		x += w[j];
		g_object_unref(ls[j]);
	}
	return h;
}

static void table(pdf *p, const xf_rtable *t)
{
	double w[32];
	if (t->ncols > 32 || t->nrows < 1)
		return;
	column_widths(p, t, w);
	for (int i = 0; i < t->nrows; i++) {
		double h = table_row(p, t, i, w, 0);
		/* the header keeps at least one row with it */
		double want =
		    i == 0 && t->nrows > 1 ? h + table_row(p, t, 1, w, 0) : h;
		if (p->y + want > PAGE_H - BOTTOM && p->y > TOP) {
			new_page(p);
			if (i > 0)
				p->y += table_row(p, t, 0, w, 1);
		}
		p->y += table_row(p, t, i, w, 1);
	}
	p->y += 8;
}

static void chart(pdf *p, const xf_rchart *ch)
{
	double h = xf_chart_height(ch);
	need(p, h + 8);
	xf_chart_draw(p->cr, ch, MARGIN_X, p->y, PAGE_W - 2 * MARGIN_X);
	p->y += h + 10;
}

static cairo_status_t to_buf(void *closure, const unsigned char *data,
                             unsigned int len)
{
	return xf_buf_add(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS
	                                           : CAIRO_STATUS_WRITE_ERROR;
}

int xf_report_pdf(const xf_report_doc *d, xf_buf *out)
{
	cairo_surface_t *s =
	    cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W, PAGE_H);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return -1;
	}
	char title[512];
	snprintf(title, sizeof title, "%s%s", d->title,
	         d->subtitle ? d->subtitle : "");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "先锋");
	pdf p = {.cr = cairo_create(s), .d = d};
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	new_page(&p);
	title_page(&p);
	for (int i = 0; i < d->n; i++) {
		const xf_rblock *b = d->blocks[i];
		switch (b->kind) {
		case XF_RB_HEADING:
			heading(&p, b->text);
			break;
		case XF_RB_PARAGRAPH:
			paragraph(&p, b->text);
			break;
		case XF_RB_TABLE:
			table(&p, &b->table);
			break;
		case XF_RB_CHART:
			chart(&p, &b->chart);
			break;
		}
	}
	if (d->footer) {
		p.y += 12;
		PangoLayout *l =
		    layout(&p, d->footer, 8.5, 0, PAGE_W - 2 * MARGIN_X);
		cairo_set_source_rgb(p.cr, 0.35, 0.35, 0.35);
		flow(&p, l, MARGIN_X);
		g_object_unref(l);
	}
	int rc = cairo_status(p.cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(s);
	return rc;
}
