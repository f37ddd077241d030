/*
 * report_docx.h (render) - a report document (model/report_doc.h) as a
 * Word file (.docx, WordprocessingML): the fixed parts from
 * docx_template.c, the body written from the blocks with every text
 * XML-escaped, the charts as PNGs (render/chart.h) in word/media; the
 * package is zipped in memory with libzip.
 */
#ifndef XF_RENDER_REPORT_DOCX_H
#define XF_RENDER_REPORT_DOCX_H

#include "base/buf.h"
#include "model/report_doc.h"

/* Appends the .docx of d to out. Returns 0, or -1 on failure. */
int xf_report_docx(const xf_report_doc *d, xf_buf *out);

/* Appends s to b escaped for XML text and attributes (& < > " '), with
 * the characters XML 1.0 forbids (controls other than tab, newline and
 * carriage return) left out. Returns 0, or -1 when b failed. */
int xf_xml_escape(xf_buf *b, const char *s);

#endif
