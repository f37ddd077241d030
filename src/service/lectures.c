/*
 * lectures.c (service) - the lecture library: lectures kept by whoever
 * manages their organization, read within scope, with their files.
 */
#include "service/lectures.h"

#include "base/date.h"
#include "service/cases.h"
#include "service/crud.h"
#include "service/snapshot.h"

#include <string.h>

static const xf_record lecture = {"党课不存在", "无权修改该组织的党课", NULL};

static int change(xf_ctx *c, int64_t id, const void *input, void *item);

XF_CRUD_FNS(lecture_fns, xf_lecture, xf_store_lecture_get, xf_snap_lecture);
static const xf_crud lectures = {
    XF_CRUD_OF(lecture_fns, xf_lecture, "lecture"), .rec = &lecture,
    .del = xf_store_lecture_delete, .change = change};

const xf_attachment_subject xf_lecture_files = {
    "lecture", 20, "每次党课最多上传 20 个课件或视频", .crud = &lectures};

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
	return xf_crud_created(c, &lectures,
	                       xf_store_lecture_insert(c->db, l, c->now), l);
}

int xf_lecture_create(xf_ctx *c, const xf_lecture_input *in, xf_lecture *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int change(xf_ctx *c, int64_t id, const void *input, void *item)
{
	(void)id;
	const xf_lecture_input *in = input;
	xf_lecture *l = item;
	int rc;
	XF_TAKE(l, in, title);
	XF_TAKE(l, in, speaker);
	XF_TAKE(l, in, given_on);
	XF_TAKE(l, in, kind);
	XF_TAKE(l, in, summary);
	if (in->has_given_on && (rc = check_day(c, l->given_on)) != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_lecture_update(c->db, l, c->now));
}

int xf_lecture_update(xf_ctx *c, int64_t id, const xf_lecture_input *in,
                      xf_lecture *out)
{
	return xf_crud_update(c, &lectures, id, in, out);
}

int xf_lecture_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &lectures, id);
}

int xf_lecture_read(xf_ctx *c, int64_t id, xf_lecture *out)
{
	return xf_crud_read(c, &lectures, id, out);
}

XF_CRUD_ROWS(lecture_rows, xf_lecture_filter, xf_lecture,
             xf_store_lecture_list);

int xf_lecture_list(xf_ctx *c, int64_t org_id, const xf_lecture_filter *f,
                    int offset, int limit, xf_lecture **out, int *n,
                    int64_t *total)
{
	return xf_crud_list(c, org_id, lecture_rows, f, offset, limit, out, n,
	                    total);
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
