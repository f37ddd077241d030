/*
 * attachments.c (service) - attachments of records, content-addressed;
 * the meeting subject.
 */
#include "service/attachments.h"

#include "base/buf.h"
#include "base/jw.h"
#include "service/campaigns.h"
#include "service/cases.h"
#include "service/crud.h"
#include "service/honors.h"
#include "service/joint_projects.h"
#include "service/lectures.h"
#include "service/programs.h"
#include "service/recruits.h"
#include "store/meetings.h"

#include <sodium.h>
#include <string.h>

static const xf_record attachment = {"附件不存在", "无权删除该附件", NULL};

/* Loads the record id of subject s (its load, or its record kind). */
static int subject_load(xf_ctx *c, const xf_attachment_subject *s, int64_t id,
                        int mode, int64_t *org_id, const char **org_path)
{
	if (s->crud)
		return xf_crud_subject(c, s->crud, id, mode, org_id, org_path);
	return s->load(c, id, mode, org_id, org_path);
}

/* Loads a meeting to read its attachments or to add one (mode, as
 * xf_loaded). */
static int load_meeting(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
                        const char **org_path)
{
	xf_meeting m;
	int found = xf_store_meeting_get(c->db, c->a, id, &m);
	static const xf_record meeting = {"会议记录不存在",
	                                  "无权为该会议上传附件", NULL};
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? m.org_path : NULL,
	                   mode, &meeting);
	if (rc == XF_OK) {
		*org_id = m.org_id;
		*org_path = m.org_path;
	}
	return rc;
}

const xf_attachment_subject xf_meeting_files = {
    "meeting", 100, "每次会议最多上传 100 个附件", .load = load_meeting};

/* The subjects that take attachments, by the code stored with a row. */
static const xf_attachment_subject *const subjects[] = {
    &xf_meeting_files,         &xf_honor_files,   &xf_case_files,
    &xf_application_files,     &xf_recruit_files, /* 发展党员: the person's file
                                                   */
    &xf_joint_project_files,                      /* service/joint_projects.h */
    &xf_lecture_files,                            /* service/lectures.h */
    &xf_campaign_report_files,                    /* service/campaigns.h */
};

/* Loads an attachment to read it or to delete it (mode, as xf_loaded):
 * the caller reads it as it reads the record it hangs on, and deletes it
 * as it may add one there. */
static int load(xf_ctx *c, int64_t id, int mode, xf_attachment *t)
{
	int found = xf_store_attachment_get(c->db, c->a, id, t);
	if (found != XF_DB_ROW)
		return xf_loaded(c, found, NULL, mode, &attachment);
	int rc;
	for (size_t i = 0; i < sizeof subjects / sizeof subjects[0]; i++) {
		if (strcmp(subjects[i]->code, t->subject) != 0)
			continue;
		int64_t org_id;
		const char *org_path;
		rc = subject_load(c, subjects[i], t->subject_id, mode, &org_id,
		                  &org_path);
		/* a record out of reach hides its attachment as well */
		if (rc == XF_E_NOT_FOUND)
			return xf_loaded(c, XF_DB_DONE, NULL, mode,
			                 &attachment);
		if (rc == XF_E_FORBIDDEN)
			return xf_forbidden(c, attachment.forbidden);
		return rc;
	}
	return xf_loaded(c, XF_DB_DONE, NULL, mode, &attachment);
}

/* The audit snapshot of an attachment. */
static char *snap(xf_arena *a, const xf_attachment *t)
{
	xf_buf b;
	xf_buf_init(&b, 4096);
	xf_jw w;
	xf_jw_init(&w, &b);
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "subject", t->subject);
	xf_jw_kint(&w, "subject_id", t->subject_id);
	xf_jw_kstr(&w, "name", t->name);
	xf_jw_kstr(&w, "type", t->type);
	xf_jw_kint(&w, "size", t->size);
	xf_jw_kstr(&w, "sha256", t->hash);
	xf_jw_obj_end(&w);
	char *s = b.failed ? NULL : xf_arena_strndup(a, b.data, b.len);
	xf_buf_free(&b);
	return s;
}

typedef struct add_args {
	const xf_attachment_subject *s;
	int64_t id;
	const char *name, *type, *hash;
	const void *data;
	size_t len;
	xf_attachment *out;
	int *dedup;
} add_args;

static int add_tx(xf_ctx *c, const add_args *x)
{
	int64_t org_id;
	const char *org_path;
	int rc = subject_load(c, x->s, x->id, XF_FOR_WRITE, &org_id, &org_path);
	if (rc != XF_OK)
		return rc;
	int64_t count;
	int drc = xf_store_attachment_count(c->db, x->s->code, x->id, &count);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (count >= x->s->max)
		return xf_fail(c, XF_E_CONFLICT, "too_many_attachments",
		               x->s->too_many, NULL);
	int has;
	drc = xf_store_blob_has(c->db, x->hash, &has);
	if (drc == XF_DB_OK && !has)
		drc =
		    xf_store_blob_put(c->db, x->hash, x->data, x->len, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*x->dedup = has;
	xf_attachment *t = x->out;
	memset(t, 0, sizeof *t);
	t->subject = x->s->code;
	t->subject_id = x->id;
	t->org_id = org_id;
	t->org_path = org_path;
	t->hash = x->hash;
	t->name = x->name;
	t->type = x->type;
	t->size = (int64_t)x->len;
	t->uploaded_by = c->user_id;
	t->uploaded_by_name = c->username;
	drc = xf_store_attachment_insert(c->db, t, c->now);
	return xf_audit_db(c, drc, "create", "attachment", t->id, t->org_path,
	                   NULL, snap(c->a, t));
}

int xf_attachment_add(xf_ctx *c, const xf_attachment_subject *s, int64_t id,
                      const char *name, const char *type, const void *data,
                      size_t len, xf_attachment *out, int *deduplicated)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char *hex = xf_arena_alloc(c->a, 2 * sizeof h + 1);
	if (!hex)
		return xf_oom(c);
	/* hashed outside the transaction: 20 MiB take a while */
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, 2 * sizeof h + 1, h, sizeof h);
	add_args x = {s, id, name, type, hex, data, len, out, deduplicated};
	XF_RETURN_WRITE_TX(c, add_tx(c, &x));
}

static int list_tx(xf_ctx *c, const xf_attachment_subject *s, int64_t id,
                   xf_attachment **out, int *n)
{
	int64_t org_id;
	const char *org_path;
	int rc = subject_load(c, s, id, XF_FOR_READ, &org_id, &org_path);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_attachment_list(c->db, c->a, s->code, id,
	                                              s->max, out, n));
}

int xf_attachment_list(xf_ctx *c, const xf_attachment_subject *s, int64_t id,
                       xf_attachment **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, list_tx(c, s, id, out, n));
}

static int read_tx(xf_ctx *c, int64_t id, xf_attachment *out, const void **data,
                   size_t *len)
{
	int rc = load(c, id, XF_FOR_READ, out);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_blob_get(c->db, c->a, out->hash, data, len);
	if (drc == XF_DB_ROW)
		return XF_OK;
	/* without its bytes, the attachment is missing */
	return xf_loaded(c, drc, NULL, XF_FOR_READ, &attachment);
}

int xf_attachment_read(xf_ctx *c, int64_t id, xf_attachment *out,
                       const void **data, size_t *len)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out, data, len));
}

static int remove_tx(xf_ctx *c, int64_t id)
{
	xf_attachment t;
	int rc = load(c, id, XF_FOR_WRITE, &t);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_attachment_delete(c->db, id);
	if (drc == XF_DB_OK)
		drc = xf_store_blob_release(c->db, t.hash);
	return xf_audit_db(c, drc, "delete", "attachment", id, t.org_path,
	                   snap(c->a, &t), NULL);
}

int xf_attachment_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, remove_tx(c, id));
}
