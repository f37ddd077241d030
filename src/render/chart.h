/*
 * chart.h (render) - bar charts of a report (model/report_doc.h) drawn
 * with cairo and pango in Noto Sans CJK SC: one horizontal bar per label,
 * the value written after the bar. The same drawing goes onto a PDF page
 * and into a PNG for the Word document.
 */
#ifndef XF_RENDER_CHART_H
#define XF_RENDER_CHART_H

#include "base/buf.h"
#include "model/report_doc.h"

#include <cairo.h>

/* The font family of every rendered report. */
#define XF_RENDER_FONT "Noto Sans CJK SC"

/* The height in points a chart of ch takes at any width. */
double xf_chart_height(const xf_rchart *ch);
/* Draws ch into the rectangle at (x, y), w points wide and
 * xf_chart_height(ch) high. */
void xf_chart_draw(cairo_t *cr, const xf_rchart *ch, double x, double y,
                   double w);
/* Appends a PNG of ch, w points wide, at scale pixels per point, to out.
 * Returns 0, or -1 (out may hold part of it). *px_w and *px_h receive the
 * image's size in pixels. */
int xf_chart_png(const xf_rchart *ch, double w, double scale, xf_buf *out,
                 int *px_w, int *px_h);

#endif
