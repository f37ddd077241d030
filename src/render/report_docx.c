/*
 * report_docx.c (render) - the Word renderer of report documents: the
 * body of word/document.xml from the blocks, the charts as PNG media,
 * and the package zipped in memory (libzip: a buffer source opened as an
 * archive, read back after zip_close).
 */
#include "render/report_docx.h"

#include "render/chart.h"
#include "render/docx_template.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define TEXT_TWIPS 8306 /* A4 width less the margins */
#define EMU_PER_PT 12700
#define CHART_PT   (TEXT_TWIPS / 20.0)
#define MAX_CHARTS 64

int xf_xml_escape(xf_buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		switch (*p) {
		case '&':
			xf_buf_adds(b, "&amp;");
			break;
		case '<':
			xf_buf_adds(b, "&lt;");
			break;
		case '>':
			xf_buf_adds(b, "&gt;");
			break;
		case '"':
			xf_buf_adds(b, "&quot;");
			break;
		case '\'':
			xf_buf_adds(b, "&apos;");
			break;
		default:
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				break;
			xf_buf_addc(b, (char)*p);
		}
	}
	return b->failed ? -1 : 0;
}

/* A paragraph of style with one run of text. */
static void para(xf_buf *b, const char *style, const char *text)
{
	xf_buf_printf(b, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>", style);
	xf_buf_adds(b, "<w:r><w:t xml:space=\"preserve\">");
	xf_xml_escape(b, text);
	xf_buf_adds(b, "</w:t></w:r></w:p>");
}

/* The width of s in half-ems: 2 for a character of three or more UTF-8
 * bytes (Chinese), 1 for the others. */
static int text_width(const char *s)
{
	int w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x80)
			w++;
		else if (*p >= 0xe0)
			w += 2;
		else if (*p >= 0xc0)
			w++;
	return w;
}

/* Column widths in twips: shares of the text width by each column's
 * widest cell (within bounds, so that no column starves). */
static void column_widths(const xf_rtable *t, int *w)
{
	int total = 0;
	for (int j = 0; j < t->ncols; j++) {
		int m = 7;
		for (int i = 0; i < t->nrows; i++) {
			int tw = text_width(xf_rtable_cell(t, i, j)) + 3;
			if (tw > m)
				m = tw;
		}
		w[j] = m > 32 ? 32 : m;
		total += w[j];
	}
	for (int j = 0; j < t->ncols; j++)
		w[j] = TEXT_TWIPS * w[j] / total;
}

#define MAX_COLS 32

static void table(xf_buf *b, const xf_rtable *t)
{
	int widths[MAX_COLS];
	if (t->ncols > MAX_COLS)
		return;
	column_widths(t, widths);
	xf_buf_adds(b, "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/>"
	               "<w:tblW w:w=\"5000\" w:type=\"pct\"/>"
	               "<w:tblLayout w:type=\"fixed\"/></w:tblPr>"
	               "<w:tblGrid>");
	for (int j = 0; j < t->ncols; j++)
		xf_buf_printf(b, "<w:gridCol w:w=\"%d\"/>", widths[j]);
	xf_buf_adds(b, "</w:tblGrid>");
	for (int i = 0; i < t->nrows; i++) {
		xf_buf_adds(b, "<w:tr>");
		if (i == 0)
			xf_buf_adds(b, "<w:trPr><w:tblHeader/></w:trPr>");
		for (int j = 0; j < t->ncols; j++) {
			xf_buf_printf(
			    b,
			    "<w:tc><w:tcPr><w:tcW w:w=\"%d\" "
			    "w:type=\"dxa\"/>%s</w:tcPr><w:p><w:pPr>"
			    "<w:pStyle w:val=\"TableText\"/>%s</w:pPr>"
			    "<w:r>%s<w:t xml:space=\"preserve\">",
			    widths[j],
			    i == 0 ? "<w:shd w:val=\"clear\" "
			             "w:color=\"auto\" "
			             "w:fill=\"EDEDED\"/>"
			           : "",
			    i == 0 ? "<w:jc w:val=\"center\"/>" : "",
			    i == 0 ? "<w:rPr><w:b/></w:rPr>" : "");
			xf_xml_escape(b, xf_rtable_cell(t, i, j));
			xf_buf_adds(b, "</w:t></w:r></w:p></w:tc>");
		}
		xf_buf_adds(b, "</w:tr>");
	}
	xf_buf_adds(b, "</w:tbl><w:p/>");
}

/* The inline picture of chart number k (relation rId100 + k). */
static void picture(xf_buf *b, const xf_rchart *ch, int k)
{
	long cx = (long)(CHART_PT * EMU_PER_PT);
	long cy = (long)(xf_chart_height(ch) * EMU_PER_PT);
	xf_buf_printf(
	    b,
	    "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
	    "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
	    "<wp:extent cx=\"%ld\" cy=\"%ld\"/><wp:docPr id=\"%d\" "
	    "name=\"chart%d\" descr=\"",
	    cx, cy, k + 1, k + 1);
	xf_xml_escape(b, ch->title);
	xf_buf_printf(
	    b,
	    "\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats."
	    "org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr "
	    "id=\"%d\" name=\"chart%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
	    "<pic:blipFill><a:blip r:embed=\"rId%d\"/><a:stretch><a:fillRect/>"
	    "</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
	    "y=\"0\"/><a:ext cx=\"%ld\" cy=\"%ld\"/></a:xfrm><a:prstGeom "
	    "prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
	    "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
	    k + 1, k + 1, 100 + k, cx, cy);
	/* the chart's title as text too, for readers and searches */
	para(b, "TableText", ch->title);
}

/* Adds name with the bytes of b (which must outlive zip_close). */
static int add_file(zip_t *z, const char *name, const void *data, size_t len)
{
	zip_source_t *s = zip_source_buffer(z, data, len, 0);
	if (!s)
		return -1;
	if (zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8) < 0) {
		zip_source_free(s);
		return -1;
	}
	return 0;
}

/* Reads the whole of a closed archive's buffer source into out. */
static int read_source(zip_source_t *src, xf_buf *out)
{
	if (zip_source_open(src) < 0)
		return -1;
	int rc = -1;
	if (zip_source_seek(src, 0, SEEK_END) < 0)
		goto out;
	zip_int64_t len = zip_source_tell(src);
	if (len < 0 || zip_source_seek(src, 0, SEEK_SET) < 0)
		goto out;
	char chunk[16384];
	zip_int64_t got, total = 0;
	while ((got = zip_source_read(src, chunk, sizeof chunk)) > 0) {
		if (xf_buf_add(out, chunk, (size_t)got) != 0)
			goto out;
		total += got;
	}
	rc = got == 0 && total == len ? 0 : -1;
out:
	zip_source_close(src);
	return rc;
}

int xf_report_docx(const xf_report_doc *d, xf_buf *out)
{
	int rc = -1, ncharts = 0;
	xf_buf doc, rels, png[MAX_CHARTS];
	char names[MAX_CHARTS][32];
	xf_buf_init(&doc, 64u << 20);
	xf_buf_init(&rels, 1u << 20);
	xf_buf_adds(&doc, xf_docx_document_head);
	para(&doc, "Title", d->title);
	if (d->subtitle)
		para(&doc, "Subtitle", d->subtitle);
	xf_buf_adds(&rels, xf_docx_document_rels_head);
	for (int i = 0; i < d->n; i++) {
		const xf_rblock *bl = d->blocks[i];
		switch (bl->kind) {
		case XF_RB_HEADING:
			para(&doc, "Heading1", bl->text);
			break;
		case XF_RB_PARAGRAPH:
			para(&doc, "BodyText", bl->text);
			break;
		case XF_RB_TABLE:
			table(&doc, &bl->table);
			break;
		case XF_RB_CHART: {
			if (ncharts == MAX_CHARTS)
				break;
			int k = ncharts, w, h;
			xf_buf_init(&png[k], 16u << 20);
			ncharts++;
			if (xf_chart_png(&bl->chart, CHART_PT, 2.0, &png[k], &w,
			                 &h) != 0)
				goto out;
			snprintf(names[k], sizeof names[k],
			         "word/media/chart%d.png", k + 1);
			xf_buf_printf(
			    &rels,
			    "<Relationship Id=\"rId%d\" "
			    "Type=\"http://schemas.openxmlformats.org/"
			    "officeDocument/2006/relationships/image\" "
			    "Target=\"media/chart%d.png\"/>",
			    100 + k, k + 1);
			picture(&doc, &bl->chart, k);
			break;
		}
		}
	}
	if (d->footer)
		para(&doc, "Note", d->footer);
	xf_buf_adds(&doc, xf_docx_document_tail);
	xf_buf_adds(&rels, xf_docx_document_rels_tail);
	if (doc.failed || rels.failed)
		goto out;

	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	if (!src)
		goto out_err;
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
	if (!z) {
		zip_source_free(src);
		goto out_err;
	}
	zip_source_keep(src);
	int bad =
	    add_file(z, "[Content_Types].xml", xf_docx_content_types,
	             strlen(xf_docx_content_types)) ||
	    add_file(z, "_rels/.rels", xf_docx_package_rels,
	             strlen(xf_docx_package_rels)) ||
	    add_file(z, "word/document.xml", doc.data, doc.len) ||
	    add_file(z, "word/styles.xml", xf_docx_styles,
	             strlen(xf_docx_styles)) ||
	    add_file(z, "word/footer1.xml", xf_docx_footer,
	             strlen(xf_docx_footer)) ||
	    add_file(z, "word/_rels/document.xml.rels", rels.data, rels.len);
	for (int k = 0; !bad && k < ncharts; k++)
		bad = add_file(z, names[k], png[k].data, png[k].len);
	if (bad) {
		zip_discard(z);
		zip_source_free(src);
		goto out_err;
	}
	if (zip_close(z) < 0) {
		zip_discard(z);
		zip_source_free(src);
		goto out_err;
	}
	rc = read_source(src, out);
	zip_source_free(src);
out_err:
	zip_error_fini(&err);
out:
	for (int k = 0; k < ncharts; k++)
		xf_buf_free(&png[k]);
	xf_buf_free(&doc);
	xf_buf_free(&rels);
	return rc;
}
