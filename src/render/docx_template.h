/*
 * docx_template.h (render) - the fixed parts of the Word report
 * (WordprocessingML): the package's content types and relations, the
 * styles (宋体/Noto CJK body, 黑体 headings, a boxed table style) and the
 * document's opening and closing; report_docx.c fills the body.
 */
#ifndef XF_RENDER_DOCX_TEMPLATE_H
#define XF_RENDER_DOCX_TEMPLATE_H

extern const char xf_docx_content_types[];
extern const char xf_docx_package_rels[];
extern const char xf_docx_styles[];
extern const char xf_docx_footer[];
extern const char xf_docx_document_head[];
extern const char xf_docx_document_tail[];
/* The opening of word/_rels/document.xml.rels (styles rId1, the footer rId2);
 * the images follow as rId100 + i, then xf_docx_document_rels_tail. */
extern const char xf_docx_document_rels_head[];
extern const char xf_docx_document_rels_tail[];

#endif
