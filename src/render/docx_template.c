/*
 * docx_template.c (render) - the template of the Word report: every fixed
 * XML part of the .docx package as text, kept in one place.
 */
#include "render/docx_template.h"

const char xf_docx_content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "</Types>\n";

const char xf_docx_package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "</Relationships>\n";

const char xf_docx_document_rels_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>";

/* The page number, centred: "- N -". */
const char xf_docx_footer[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
    "2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    "<w:r><w:t xml:space=\"preserve\">- </w:t></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
    "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
    "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
    "<w:r><w:t xml:space=\"preserve\"> -</w:t></w:r></w:p></w:ftr>\n";

const char xf_docx_document_rels_tail[] = "</Relationships>\n";

#define FONTS                                                                  \
	"<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "   \
	"w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/>"

const char xf_docx_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/"
    "wordprocessingml/2006/main\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>" FONTS
    "<w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/><w:lang w:val=\"en-US\" "
    "w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"360\" "
    "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name "
    "w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
    "<w:jc w:val=\"center\"/><w:spacing w:before=\"240\" w:after=\"120\"/>"
    "</w:pPr><w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/>"
    "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name "
    "w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
    "<w:jc w:val=\"center\"/><w:spacing w:after=\"360\"/></w:pPr><w:rPr>"
    "<w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"36\"/>"
    "<w:szCs w:val=\"36\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name "
    "w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next "
    "w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing "
    "w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "<w:rPr><w:rFonts w:eastAsia=\"黑体\"/><w:b/><w:sz w:val=\"30\"/>"
    "<w:szCs w:val=\"30\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"BodyText\"><w:name "
    "w:val=\"Body Text\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>"
    "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/><w:jc "
    "w:val=\"both\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name "
    "w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing "
    "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr>"
    "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Note\"><w:name "
    "w:val=\"Note\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing "
    "w:before=\"240\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/>"
    "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name "
    "w:val=\"Report Table\"/><w:tblPr><w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"000000\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"000000\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"000000\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" "
    "w:color=\"000000\"/>"
    "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/>"
    "<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
    "</w:style>"
    "</w:styles>\n";

const char xf_docx_document_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
    "wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/"
    "wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/"
    "picture\"><w:body>";

/* A4 with 2.54 cm / 3.17 cm margins and the page number footer. */
const char xf_docx_document_tail[] =
    "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz "
    "w:w=\"11906\" w:h=\"16838\"/><w:pgMar "
    "w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" "
    "w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>"
    "</w:body></w:document>\n";
