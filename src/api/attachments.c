/*
 * attachments.c (api) - /api/meetings/{id}/attachments,
 * /api/honors/{id}/attachments and /api/attachments/{id}: uploads as raw
 * bodies (the file is the body, its name in ?name= or a percent-encoded
 * X-File-Name header), their type checked against their first bytes,
 * downloads as the stored bytes. One upload and one list serve every
 * subject (service/attachments.h).
 */
#include "api/meetings.h"
#include "api/page.h"

#include "api/api.h"
#include "api/attachments.h"
#include "api/input.h"
#include "base/jw.h"
#include "domain/files.h"
#include "model/attachment.h"
#include "service/attachments.h"
#include "service/campaigns.h"
#include "service/cases.h"
#include "service/honors.h"
#include "service/joint_projects.h"
#include "service/lectures.h"
#include "service/programs.h"
#include "service/recruits.h"

#include <string.h>

/*
 * The file name of an upload: ?name= (decoded by the server) or the
 * X-File-Name header (percent-encoded UTF-8). Returns the clean name in
 * the arena, or NULL with a 422 answer.
 */
static const char *upload_name(xf_req *r)
{
	size_t cap = XF_FILE_NAME_MAX * 4 + 64;
	char *dec = xf_arena_alloc(&r->arena, cap);
	char *out = xf_arena_alloc(&r->arena, cap);
	if (!dec || !out) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return NULL;
	}
	const char *q = xf_req_query(r, "name");
	const char *h = xf_req_header(r, "X-File-Name");
	int ok;
	if (q && *q) {
		ok = xf_file_name_clean(q, strlen(q), out, cap);
	} else if (h && *h) {
		int n = xf_percent_decode(h, strlen(h), dec, cap);
		ok = n < 0 ? -1 : xf_file_name_clean(dec, (size_t)n, out, cap);
	} else {
		xf_reply_error(r, 422, "invalid_field",
		               "请提供文件名（参数 name 或请求头 X-File-Name）",
		               "name");
		return NULL;
	}
	if (ok != 0) {
		xf_reply_error(
		    r, 422, "invalid_field",
		    "文件名不正确：应为 1 至 100 个字符，不含控制字符", "name");
		return NULL;
	}
	return out;
}

/* The checked media type of the body, or NULL with a 422 answer. */
static const char *upload_type(xf_req *r)
{
	const char *type = NULL;
	int rc = xf_file_type(xf_req_header(r, "Content-Type"),
	                      (const unsigned char *)r->body.data, r->body.len,
	                      &type);
	switch (rc) {
	case XF_FILE_OK:
		return type;
	case XF_FILE_MISMATCH:
		xf_reply_error(r, 422, "type_mismatch",
		               "文件内容与声明的文件类型不符", "type");
		return NULL;
	default:
		xf_reply_error(r, 422, "unsupported_type",
		               "不支持的文件类型：可上传 JPG、PNG、GIF、WebP "
		               "图片，PDF、OFD、Word、Excel 或 PowerPoint 文档",
		               "type");
		return NULL;
	}
}

/* POST /api/{subject}/{id}/attachments: the body is the file; 201. */
static void upload(xf_req *r, const xf_attachment_subject *s)
{
	int64_t id;
	const char *name, *type;
	xf_ctx c;
	xf_attachment t;
	int dedup = 0;
	if (xf_input_path_id(r, 0, &id) != 0 || !(name = upload_name(r)))
		return;
	if (r->body.len == 0) {
		xf_reply_error(r, 422, "empty_file", "文件内容为空", "file");
		return;
	}
	if (!(type = upload_type(r)) || xf_api_ctx(r, &c) != 0)
		return;
	if (xf_api_failed(r, &c,
	                  xf_attachment_add(&c, s, id, name, type, r->body.data,
	                                    r->body.len, &t, &dedup)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_attachment_json_open(&w, &t);
	xf_jw_kbool(&w, "deduplicated", dedup);
	xf_jw_obj_end(&w);
	xf_reply_json(r, 201);
}

/* GET /api/{subject}/{id}/attachments → {items, total}. */
static void list(xf_req *r, const xf_attachment_subject *s)
{
	int64_t id;
	xf_ctx c;
	xf_attachment *t;
	int n;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (xf_api_failed(r, &c, xf_attachment_list(&c, s, id, &t, &n)))
		return;
	xf_jw w;
	xf_page_begin(r, &w);
	for (int i = 0; i < n; i++) {
		xf_attachment_json_open(&w, &t[i]);
		xf_jw_obj_end(&w);
	}
	xf_page_end(r, &w, n);
}

void xf_h_attachments_upload(xf_req *r)
{
	upload(r, &xf_meeting_files);
}

void xf_h_attachments_list(xf_req *r)
{
	list(r, &xf_meeting_files);
}

void xf_h_honor_attachments_upload(xf_req *r)
{
	upload(r, &xf_honor_files);
}

void xf_h_honor_attachments_list(xf_req *r)
{
	list(r, &xf_honor_files);
}

void xf_h_recruit_attachments_upload(xf_req *r)
{
	upload(r, &xf_recruit_files);
}

void xf_h_recruit_attachments_list(xf_req *r)
{
	list(r, &xf_recruit_files);
}

void xf_h_case_attachments_upload(xf_req *r)
{
	upload(r, &xf_case_files);
}

void xf_h_case_attachments_list(xf_req *r)
{
	list(r, &xf_case_files);
}

void xf_h_application_attachments_upload(xf_req *r)
{
	upload(r, &xf_application_files);
}

void xf_h_application_attachments_list(xf_req *r)
{
	list(r, &xf_application_files);
}

void xf_h_lecture_attachments_upload(xf_req *r)
{
	upload(r, &xf_lecture_files);
}

void xf_h_lecture_attachments_list(xf_req *r)
{
	list(r, &xf_lecture_files);
}

void xf_h_campaign_report_attachments_upload(xf_req *r)
{
	upload(r, &xf_campaign_report_files);
}

void xf_h_campaign_report_attachments_list(xf_req *r)
{
	list(r, &xf_campaign_report_files);
}

/* GET /api/attachments/{id}: the file itself. */
void xf_h_attachments_get(xf_req *r)
{
	int64_t id;
	xf_ctx c;
	xf_attachment t;
	const void *data;
	size_t len;
	if (xf_api_ctx_id(r, &c, &id) != 0)
		return;
	if (xf_api_failed(r, &c, xf_attachment_read(&c, id, &t, &data, &len)))
		return;
	size_t cap = strlen(t.name) * 4 + 64;
	char *disp = xf_arena_alloc(&r->arena, cap);
	if (!disp || xf_file_disposition(
	                 xf_file_type_inline(t.type) ? "inline" : "attachment",
	                 t.name, disp, cap) != 0) {
		xf_reply_error(r, 500, "internal", "内存不足", NULL);
		return;
	}
	if (xf_reply_bytes(r, 200, t.type, data, len) != 0)
		return;
	xf_reply_header(r, "Content-Disposition", disp);
	/* nothing in a file runs with the site's rights (a sandbox would
	 * also stop the browser's PDF viewer, which runs no page script) */
	if (strcmp(t.type, "application/pdf") != 0)
		xf_reply_header(r, "Content-Security-Policy", "sandbox");
}

/* DELETE /api/attachments/{id}. */
XF_ID_OK_HANDLER(xf_h_attachments_delete, xf_attachment_remove(&c, id))

void xf_h_joint_project_attachments_upload(xf_req *r)
{
	upload(r, &xf_joint_project_files);
}

void xf_h_joint_project_attachments_list(xf_req *r)
{
	list(r, &xf_joint_project_files);
}
