/*
 * chart.c (render) - horizontal bar charts with cairo and pango.
 */
#include "render/chart.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#define TITLE_H   22.0
#define ROW_H     17.0
#define PAD       6.0
#define FONT_SIZE 8.5

double xf_chart_height(const xf_rchart *ch)
{
	return TITLE_H + ROW_H * (ch->n ? ch->n : 1) + 2 * PAD;
}

/* Draws text at (x, y) (top left), at most w wide, ellipsized; align
 * right when right is set. Returns the text's width. */
static double text_at(cairo_t *cr, const char *s, double x, double y, double w,
                      double size, int bold, int right)
{
	PangoLayout *l = pango_cairo_create_layout(cr);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, XF_RENDER_FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_layout_set_text(l, s, -1);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		if (right)
			pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
	}
	int tw, th;
	pango_layout_get_size(l, &tw, &th);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	pango_font_description_free(fd);
	g_object_unref(l);
	return (double)tw / PANGO_SCALE;
}

/* The value as shown: integers without decimals, others with one. */
static void value_text(double v, const char *unit, char *out, size_t outsz)
{
	if (fabs(v - round(v)) < 1e-9)
		snprintf(out, outsz, "%.0f%s", v, unit);
	else
		snprintf(out, outsz, "%.1f%s", v, unit);
}

void xf_chart_draw(cairo_t *cr, const xf_rchart *ch, double x, double y,
                   double w)
{
	double h = xf_chart_height(ch);
	cairo_save(cr);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_rectangle(cr, x, y, w, h);
	cairo_fill(cr);
	cairo_set_source_rgb(cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(cr, 0.5);
	cairo_rectangle(cr, x + 0.25, y + 0.25, w - 0.5, h - 0.5);
	cairo_stroke(cr);
	cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
	text_at(cr, ch->title, x + PAD, y + PAD, w - 2 * PAD, 10, 1, 0);
	double label_w = w * 0.28, value_w = 48;
	double bx = x + PAD + label_w + 4;
	double bw = w - 2 * PAD - label_w - 4 - value_w;
	double max = ch->max;
	for (int i = 0; i < ch->n; i++)
		if (ch->values[i] > max)
			max = ch->values[i];
	if (max <= 0)
		max = 1;
	double ty = y + PAD + TITLE_H;
	if (ch->n == 0) {
		cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
		text_at(cr, "（无数据）", bx, ty, bw, FONT_SIZE, 0, 0);
	}
	for (int i = 0; i < ch->n; i++) {
		double ry = ty + ROW_H * i;
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		text_at(cr, ch->labels[i], x + PAD, ry + 2, label_w, FONT_SIZE,
		        0, 1);
		double v = ch->values[i] > 0 ? ch->values[i] : 0;
		double len = bw * v / max;
		cairo_set_source_rgb(cr, 0.78, 0.09, 0.11); /* party red */
		cairo_rectangle(cr, bx, ry + 3, len, ROW_H - 6);
		cairo_fill(cr);
		char val[48];
		value_text(ch->values[i], ch->unit, val, sizeof val);
		cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
		text_at(cr, val, bx + len + 3, ry + 2, value_w, FONT_SIZE, 0,
		        0);
	}
	/* the axis */
	cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
	cairo_set_line_width(cr, 0.8);
	cairo_move_to(cr, bx, ty);
	cairo_line_to(cr, bx, ty + ROW_H * (ch->n ? ch->n : 1));
	cairo_stroke(cr);
	cairo_restore(cr);
}

static cairo_status_t to_buf(void *closure, const unsigned char *data,
                             unsigned int len)
{
	return xf_buf_add(closure, data, len) == 0 ? CAIRO_STATUS_SUCCESS
	                                           : CAIRO_STATUS_WRITE_ERROR;
}

int xf_chart_png(const xf_rchart *ch, double w, double scale, xf_buf *out,
                 int *px_w, int *px_h)
{
	int pw = (int)ceil(w * scale),
	    ph = (int)ceil(xf_chart_height(ch) * scale);
	cairo_surface_t *s =
	    cairo_image_surface_create(CAIRO_FORMAT_RGB24, pw, ph);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return -1;
	}
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, scale, scale);
	xf_chart_draw(cr, ch, 0, 0, w);
	int rc = cairo_status(cr) == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_destroy(cr);
	cairo_surface_flush(s);
	if (rc == 0 && cairo_surface_write_to_png_stream(s, to_buf, out) !=
	                   CAIRO_STATUS_SUCCESS)
		rc = -1;
	cairo_surface_destroy(s);
	*px_w = pw;
	*px_h = ph;
	return rc;
}
