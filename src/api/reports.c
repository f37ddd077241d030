/*
 * reports.c (api) - GET /api/reports/annual?org=&year=&format=pdf|docx:
 * the year's report of a subtree (service/annual_report.h) rendered by
 * src/render into PDF or Word and sent as an attachment named
 * "<year>年度党建工作报告-<organization>.<ext>".
 */
#include "api/reports.h"

#include "api/input.h"
#include "domain/files.h"
#include "render/report_docx.h"
#include "render/report_pdf.h"
#include "service/annual_report.h"

#include <stdio.h>
#include <string.h>

#define DOCX_TYPE                                                              \
	"application/"                                                         \
	"vnd.openxmlformats-officedocument.wordprocessingml.document"

static const char *const formats[] = {"pdf", "docx", NULL};
enum { Q_FORMAT = XF_QN_YEAR + 1 };
static const xf_param annual_params[] = {
    XF_PARAMS_ORG_YEAR_NOW,
    XF_PARAM_FORMAT(formats, "pdf"),
};
const xf_query_table xf_reports_annual_query = XF_QUERY_TABLE(annual_params);

void xf_h_reports_annual(xf_req *r)
{
	const xf_val *q = r->query_vals;
	int year = (int)q[XF_QN_YEAR].i, docx = q[Q_FORMAT].i == 1;
	xf_ctx c;
	if (xf_api_ctx(r, &c) != 0)
		return;
	xf_report_doc doc;
	xf_org root;
	if (xf_api_failed(
	        r, &c, xf_annual_report(&c, q[XF_QN_ORG].i, year, &doc, &root)))
		return;
	xf_buf file;
	xf_buf_init(&file, 256u << 20);
	int rc =
	    docx ? xf_report_docx(&doc, &file) : xf_report_pdf(&doc, &file);
	if (rc != 0 || file.failed) {
		xf_buf_free(&file);
		xf_reply_error(r, 500, "internal", "生成报告文件失败", NULL);
		return;
	}
	const char *ext = docx ? "docx" : "pdf";
	char name[512], clean[XF_FILE_NAME_MAX * 4 + 1], fallback[64];
	char disp[XF_FILE_NAME_MAX * 16 + 64];
	snprintf(name, sizeof name, "%d年度党建工作报告-%s.%s", year, root.name,
	         ext);
	snprintf(fallback, sizeof fallback, "annual-report-%d-%lld.%s", year,
	         (long long)root.id, ext);
	if (xf_file_name_clean(name, strlen(name), clean, sizeof clean) != 0)
		snprintf(clean, sizeof clean, "%s", fallback);
	if (xf_file_disposition("attachment", clean, disp, sizeof disp) == 0 &&
	    xf_reply_bytes(r, 200, docx ? DOCX_TYPE : "application/pdf",
	                   file.data, file.len) == 0)
		xf_reply_header(r, "Content-Disposition", disp);
	xf_buf_free(&file);
}
