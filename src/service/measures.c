/*
 * measures.c (service) - follow-up measures (整改措施) of a meeting:
 * create, change, delete, and the open ones of a subtree.
 */
#include "service/measures.h"

#include "base/date.h"
#include "service/crud.h"
#include "service/meetings.h"
#include "service/snapshot.h"

#include <string.h>

/* Checks a merged measure: the due day is not before the meeting's day,
 * a done day not after today. */
static int check_measure(xf_ctx *c, const xf_measure *m, const char *held_on)
{
	if (!m->title)
		return xf_invalid(c, "举措内容为必填项", "title");
	if (!m->owner)
		return xf_invalid(c, "责任人为必填项", "owner");
	if (!m->due_on)
		return xf_invalid(c, "完成时限为必填项", "due_on");
	if (held_on && strcmp(m->due_on, held_on) < 0)
		return xf_invalid(c, "完成时限不能早于会议日期", "due_on");
	if (m->done_on) {
		char today[11];
		xf_date_format(xf_date_today(c->now), today);
		if (strcmp(m->done_on, today) > 0)
			return xf_invalid(c, "完成日期不能晚于今天", "done_on");
		if (held_on && strcmp(m->done_on, held_on) < 0)
			return xf_invalid(c, "完成日期不能早于会议日期",
			                  "done_on");
	}
	return XF_OK;
}

static int measure_create_tx(xf_ctx *c, int64_t meeting_id,
                             const xf_measure_input *in, xf_measure *out)
{
	xf_meeting m;
	int rc = xf_meeting_load(c, meeting_id, XF_FOR_WRITE, &m);
	if (rc != XF_OK)
		return rc;
	if (!m.ft_title)
		return xf_fail(c, XF_E_CONFLICT, "no_first_topic",
		               "该会议未记录第一议题，不能添加落实举措", NULL);
	memset(out, 0, sizeof *out);
	out->meeting_id = m.id;
	out->org_path = m.org_path;
	out->title = in->title;
	out->owner = in->owner;
	out->due_on = in->due_on;
	out->done_on = in->done_on;
	rc = check_measure(c, out, m.held_on);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_measure_insert(c->db, out, c->now);
	return xf_audit_db(c, drc, "create", "measure", out->id, out->org_path,
	                   NULL, xf_snap_measure(c->a, out));
}

int xf_measure_create(xf_ctx *c, int64_t meeting_id, const xf_measure_input *in,
                      xf_measure *out)
{
	XF_RETURN_WRITE_TX(c, measure_create_tx(c, meeting_id, in, out));
}

static const xf_record measure = {"落实举措不存在", "无权修改该落实举措", NULL};
XF_CRUD_FNS(measure_fns, xf_measure, xf_store_measure_get, xf_snap_measure);
static const xf_crud measures = {
    XF_CRUD_PATH_OF(measure_fns, xf_measure, "measure"), .rec = &measure,
    .del = xf_store_measure_delete};

static int load_measure_writable(xf_ctx *c, int64_t id, xf_measure *m)
{
	return xf_crud_load(c, &measures, id, XF_FOR_WRITE, m);
}

static int measure_update_tx(xf_ctx *c, int64_t id, const xf_measure_input *in,
                             xf_measure *m)
{
	int rc = load_measure_writable(c, id, m);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_measure(c->a, m);
	xf_meeting mt;
	int drc = xf_store_meeting_get(c->db, c->a, m->meeting_id, &mt);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	XF_TAKE(m, in, title);
	XF_TAKE(m, in, owner);
	XF_TAKE(m, in, due_on);
	XF_TAKE(m, in, done_on);
	rc = check_measure(c, m, mt.held_on);
	if (rc != XF_OK)
		return rc;
	drc = xf_store_measure_update(c->db, m, c->now);
	return xf_audit_db(c, drc, "update", "measure", m->id, m->org_path,
	                   before, xf_snap_measure(c->a, m));
}

int xf_measure_update(xf_ctx *c, int64_t id, const xf_measure_input *in,
                      xf_measure *out)
{
	XF_RETURN_WRITE_TX(c, measure_update_tx(c, id, in, out));
}

int xf_measure_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &measures, id);
}

static int open_tx(xf_ctx *c, int64_t org_id, int offset, int limit,
                   xf_measure **out, int *n, int64_t *total)
{
	xf_ranges r = {0};
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	return xf_from_db(c, xf_store_measure_open(c->db, c->a, &r, offset,
	                                           limit, out, n, total));
}

int xf_measure_open_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                         xf_measure **out, int *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, open_tx(c, org_id, offset, limit, out, n, total));
}
