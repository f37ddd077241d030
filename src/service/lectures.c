/*
 * lectures.c (service) - the lecture library: lectures kept by whoever
 * manages their organization, read within scope, with their files.
 */
#include "service/lectures.h"

#include "base/date.h"
#include "service/cases.h"
#include "service/snapshot.h"

#include <string.h>

static const xf_record lecture = {"党课不存在", "无权修改该组织的党课", NULL};

static int load(xf_ctx *c, int64_t id, int mode, xf_lecture *l)
{
	memset(l, 0, sizeof *l);
	int found = xf_store_lecture_get(c->db, c->a, id, l);
	return xf_loaded(c, found, found == XF_DB_ROW ? l->org_path : NULL,
	                 mode, &lecture);
}

static int load_subject(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
                        const char **org_path)
{
	xf_lecture l;
	int rc = load(c, id, mode, &l);
	if (rc == XF_OK) {
		*org_id = l.org_id;
		*org_path = l.org_path;
	}
	return rc;
}

const xf_attachment_subject xf_lecture_files = {
    "lecture", 20, "每次党课最多上传 20 个课件或视频", load_subject};

/* A lecture is given by today (the library keeps what was given). */
static int check_day(xf_ctx *c, const char *given_on)
{
	xf_date d, today = xf_date_today(c->now);
	if (xf_date_parse(given_on, &d) != 0 || xf_date_cmp(d, today) > 0)
		return xf_invalid(c, "授课日期不能晚于今天", "given_on");
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_lecture_input *in, xf_lecture *l)
{
	xf_org o;
	int rc = xf_org_for_write(c, in->org_id, "组织不存在",
	                          "无权为该组织登记党课", &o);
	if (rc != XF_OK)
		return rc;
	if ((rc = check_day(c, in->given_on)) != XF_OK)
		return rc;
	memset(l, 0, sizeof *l);
	XF_SET_ORG(l, o);
	l->title = in->title;
	l->speaker = in->speaker;
	l->given_on = in->given_on;
	l->kind = in->kind;
	l->summary = in->summary;
	l->created_by = c->user_id;
	l->created_at = l->updated_at = c->now;
	int drc = xf_store_lecture_insert(c->db, l, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "create", "lecture", l->id, l->org_path, NULL,
	                xf_snap_lecture(c->a, l));
}

int xf_lecture_create(xf_ctx *c, const xf_lecture_input *in, xf_lecture *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int update_tx(xf_ctx *c, int64_t id, const xf_lecture_input *in,
                     xf_lecture *l)
{
	int rc = load(c, id, XF_FOR_WRITE, l);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_lecture(c->a, l);
	XF_TAKE(l, in, title);
	XF_TAKE(l, in, speaker);
	XF_TAKE(l, in, given_on);
	XF_TAKE(l, in, kind);
	XF_TAKE(l, in, summary);
	if (in->has_given_on && (rc = check_day(c, l->given_on)) != XF_OK)
		return rc;
	int drc = xf_store_lecture_update(c->db, l, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_lecture_get(c->db, c->a, id, l);
	return xf_audit_found(c, drc, "update", "lecture", id, l->org_path,
	                      before, xf_snap_lecture(c->a, l));
}

int xf_lecture_update(xf_ctx *c, int64_t id, const xf_lecture_input *in,
                      xf_lecture *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

static int remove_tx(xf_ctx *c, int64_t id)
{
	xf_lecture l;
	int rc = load(c, id, XF_FOR_WRITE, &l);
	if (rc != XF_OK)
		return rc;
	return xf_audit_db(c, xf_store_lecture_delete(c->db, id), "delete",
	                   "lecture", id, l.org_path, xf_snap_lecture(c->a, &l),
	                   NULL);
}

int xf_lecture_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, remove_tx(c, id));
}

int xf_lecture_read(xf_ctx *c, int64_t id, xf_lecture *out)
{
	XF_RETURN_READ_TX(c, load(c, id, XF_FOR_READ, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, const xf_lecture_filter *f,
                   int offset, int limit, xf_lecture **out, int *n,
                   int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	xf_lecture_filter scoped = *f;
	scoped.ranges = &r;
	return xf_from_db(c, xf_store_lecture_list(c->db, c->a, &scoped, offset,
	                                           limit, out, n, total));
}

int xf_lecture_list(xf_ctx *c, int64_t org_id, const xf_lecture_filter *f,
                    int offset, int limit, xf_lecture **out, int *n,
                    int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c,
	                  list_tx(c, org_id, f, offset, limit, out, n, total));
}

int xf_lecture_nominate(xf_ctx *c, int64_t id, int64_t call_id,
                        xf_case_submission *out)
{
	xf_lecture l;
	int rc = xf_lecture_read(c, id, &l);
	if (rc != XF_OK)
		return rc;
	memset(out, 0, sizeof *out);
	out->org_id = l.org_id;
	out->title = l.title;
	out->summary = xf_arena_printf(c->a, "%s · %s · %s", l.kind, l.speaker,
	                               l.given_on);
	out->text = l.summary && *l.summary ? l.summary : out->summary;
	if (!out->summary)
		return xf_fail(c, XF_E_INTERNAL, "internal", "内存不足", NULL);
	return xf_case_sub_create(c, call_id, out);
}
