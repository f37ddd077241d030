/*
 * report_pdf.h (render) - a report document (model/report_doc.h) as an
 * A4 PDF: cairo's PDF surface written to memory, pango layouts in Noto
 * Sans CJK SC for the Chinese text (wrapped, broken across pages), tables
 * with borders whose header row repeats on a new page, the bar charts
 * drawn in place, and a header and a page number on every page.
 */
#ifndef XF_RENDER_REPORT_PDF_H
#define XF_RENDER_REPORT_PDF_H

#include "base/buf.h"
#include "model/report_doc.h"

/* Appends the PDF of d to out. Returns 0, or -1 on failure (out then
 * holds an incomplete file). */
int xf_report_pdf(const xf_report_doc *d, xf_buf *out);

#endif
