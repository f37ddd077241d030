/*
 * meetings.c (service) - meetings with their 第一议题: create, read,
 * change, delete and list, and the scope-checked load that measures.c,
 * attendance.c and talks.c share.
 */
#include "service/meetings.h"

#include "base/date.h"
#include "domain/compliance.h"
#include "service/crud.h"
#include "service/point_records.h"
#include "service/snapshot.h"

#include <string.h>

/* Loads a meeting to read it or to change it (mode, as xf_loaded). */
static const xf_record meeting = {"会议记录不存在", "无权修改该组织的会议记录",
                                  NULL};

/* A removed meeting takes its points from records with it. */
static int after_delete(xf_ctx *c, int64_t id, const void *m)
{
	(void)m;
	return xf_point_records_of_meeting(c, id);
}

XF_CRUD_FNS(meeting_fns, xf_meeting, xf_store_meeting_get, xf_snap_meeting);
static const xf_crud meetings = {
    XF_CRUD_OF(meeting_fns, xf_meeting, "meeting"), .rec = &meeting,
    .del = xf_store_meeting_delete, .after_delete = after_delete};

int xf_meeting_load(xf_ctx *c, int64_t id, int mode, xf_meeting *m)
{
	return xf_crud_load(c, &meetings, id, mode, m);
}

xf_meeting_facts xf_meeting_facts_of(const xf_meeting *m)
{
	int kind = xf_meeting_kind_parse(m->kind);
	xf_compliance_rules r;
	xf_compliance_rules_default(&r);
	xf_meeting_facts f = {
	    .kind_name = xf_meeting_kind_title(kind),
	    .first_topic_missing =
	        kind >= 0 && r.needs_first_topic[kind] && !m->ft_title,
	};
	return f;
}

int xf_meetings_scope_org(xf_ctx *c, int64_t org_id, const char *field,
                          xf_org *o, const char **lo, const char **hi)
{
	if (!org_id) {
		const xf_grant *g = c->scope ? xf_scope_widest(c->scope) : NULL;
		if (!g || !g->org_id)
			return xf_invalid(c, "请指定组织", field);
		org_id = g->org_id;
	}
	xf_record org = {"组织不存在", NULL, field};
	int found = xf_store_org_get(c->db, c->a, org_id, o);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? o->path : NULL,
	                   XF_FOR_READ, &org);
	if (rc != XF_OK)
		return rc;
	if (xf_subtree_range(c, o->path, lo, hi) != 0)
		return xf_oom(c);
	return XF_OK;
}

/* ---- meetings ------------------------------------------------------------ */

/* Loads the org of a meeting; it must exist (422) and be writable (403). */
static int target_org(xf_ctx *c, int64_t org_id, xf_org *o)
{
	return xf_org_for_write(c, org_id, "所属组织不存在",
	                        "无权为该组织记录会议", o);
}

/* Applies the given fields of in to m and checks the merged record;
 * o is the meeting's org. */
static int merge_meeting(xf_ctx *c, const xf_meeting_input *in, const xf_org *o,
                         xf_meeting *m)
{
	XF_TAKE(m, in, kind);
	XF_TAKE(m, in, makeup_for);
	XF_TAKE(m, in, place);
	XF_TAKE(m, in, topic);
	XF_TAKE(m, in, host);
	XF_TAKE(m, in, recorder);
	XF_TAKE(m, in, lecturer);
	XF_TAKE(m, in, agenda);
	XF_TAKE(m, in, minutes);
	if (in->has_first_topic) {
		m->ft_title = in->ft_title;
		m->ft_source = in->ft_title ? in->ft_source : NULL;
		m->ft_speech_date = in->ft_title ? in->ft_speech_date : NULL;
		m->ft_discussion = in->ft_title ? in->ft_discussion : NULL;
	}
	int kind = xf_meeting_kind_parse(m->kind);
	if (kind < 0)
		return xf_invalid(c, "会议类型不正确", "kind");
	if (!m->topic)
		return xf_invalid(c, "会议主题为必填项", "topic");
	if (kind == XF_MK_PARTY_LECTURE && !m->lecturer)
		return xf_invalid(c, "党课须填写授课人", "lecturer");
	if (in->has_held_at) {
		if (!in->held_at || xf_time_parse_iso(in->held_at, &m->held_at))
			return xf_invalid(c,
			                  "会议时间应为带时区的 ISO 8601 时间，"
			                  "如 2024-08-15T14:30:00+08:00",
			                  "held_at");
	}
	xf_date day = xf_date_today(m->held_at), today = xf_date_today(c->now);
	if (xf_date_cmp(day, today) > 0)
		return xf_invalid(c, "会议时间不能晚于今天", "held_at");
	char on[11];
	xf_date_format(day, on);
	m->held_on = xf_arena_strdup(c->a, on);
	xf_org_life life;
	if (xf_org_life_of(o->kind, o->established_on, o->starts_on, o->ends_on,
	                   o->closed_on, &life) == 0) {
		if (xf_date_cmp(day, life.from) < 0)
			return xf_invalid(c, "会议日期早于组织成立日期",
			                  "held_at");
		if (xf_date_cmp(day, life.to) > 0)
			return xf_invalid(c, "会议日期晚于组织撤销或结束日期",
			                  "held_at");
	}
	m->counts_on = m->held_on;
	m->late = 0;
	if (m->makeup_for) {
		xf_period p;
		if (xf_period_parse(m->makeup_for, &p) != 0)
			return xf_invalid(c,
			                  "补开所属期间应为 2024、2024Q3 或 "
			                  "2024-07 的形式",
			                  "makeup_for");
		xf_date last = xf_period_last(p);
		if (xf_date_cmp(last, day) >= 0)
			return xf_invalid(c, "补开所属期间须早于会议日期",
			                  "makeup_for");
		xf_date_format(last, on);
		m->counts_on = xf_arena_strdup(c->a, on);
		m->late = 1;
	}
	if (m->ft_speech_date) {
		xf_date sd;
		if (xf_date_parse(m->ft_speech_date, &sd) != 0 ||
		    xf_date_cmp(sd, day) > 0)
			return xf_invalid(c, "讲话日期不能晚于会议日期",
			                  "first_topic.speech_date");
	}
	if (!m->held_on || !m->counts_on)
		return xf_oom(c);
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_meeting_input *in, xf_meeting *m)
{
	xf_org o;
	int rc = target_org(c, in->org_id, &o);
	if (rc != XF_OK)
		return rc;
	memset(m, 0, sizeof *m);
	XF_SET_ORG(m, o);
	m->org_kind = o.kind;
	m->created_by = c->user_id;
	rc = merge_meeting(c, in, &o, m);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_meeting_insert(c->db, m, c->now);
	if (drc == XF_DB_OK && (rc = xf_point_records_of_meeting(c, m->id)))
		return rc;
	return xf_audit_db(c, drc, "create", "meeting", m->id, m->org_path,
	                   NULL, xf_snap_meeting(c->a, m));
}

int xf_meeting_create(xf_ctx *c, const xf_meeting_input *in, xf_meeting *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int read_tx(xf_ctx *c, int64_t id, xf_meeting *out,
                   xf_measure **measures, int *nmeasures)
{
	int rc = xf_meeting_load(c, id, XF_FOR_READ, out);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(
	    c, xf_store_measure_list(c->db, c->a, id, measures, nmeasures));
}

int xf_meeting_read(xf_ctx *c, int64_t id, xf_meeting *out,
                    xf_measure **measures, int *nmeasures)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out, measures, nmeasures));
}

static int update_tx(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                     xf_meeting *m)
{
	int rc = xf_meeting_load(c, id, XF_FOR_WRITE, m);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_meeting(c->a, m);
	if (in->has_org_id && in->org_id != m->org_id)
		return xf_invalid(c, "会议所属组织不能修改，请删除后重新记录",
		                  "org_id");
	xf_org o;
	int drc = xf_store_org_get(c->db, c->a, m->org_id, &o);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	rc = merge_meeting(c, in, &o, m);
	if (rc != XF_OK)
		return rc;
	drc = xf_store_meeting_update(c->db, m, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if ((rc = xf_point_records_of_meeting(c, m->id)) != XF_OK)
		return rc;
	m->updated_at = c->now;
	return xf_audit(c, "update", "meeting", m->id, m->org_path, before,
	                xf_snap_meeting(c->a, m));
}

int xf_meeting_update(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                      xf_meeting *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

int xf_meeting_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &meetings, id);
}

static int list_tx(xf_ctx *c, int64_t org_id, int subtree, xf_meeting_filter *f,
                   xf_meeting_page *out)
{
	int rc = xf_list_scope(c, org_id, "org", &f->ranges);
	if (rc != XF_OK || f->ranges.n == 0)
		return rc; /* an error, or nothing in scope */
	if (org_id && !subtree)
		f->org_id = org_id;
	return xf_from_db(c, xf_store_meeting_list(c->db, c->a, f, out));
}

int xf_meeting_list(xf_ctx *c, int64_t org_id, int subtree, const char *kind,
                    const char *period, int offset, int limit,
                    xf_meeting_page *out)
{
	xf_meeting_filter f = {.kind = kind, .offset = offset, .limit = limit};
	char from[11], to[11];
	memset(out, 0, sizeof *out);
	if (kind && xf_meeting_kind_parse(kind) < 0)
		return xf_invalid(c, "会议类型不正确", "kind");
	if (period) {
		xf_period p;
		if (xf_period_parse(period, &p) != 0)
			return xf_invalid(
			    c, "期间应为 2024、2024Q3 或 2024-07 的形式",
			    "period");
		xf_date_format(xf_period_first(p), from);
		xf_date_format(xf_period_last(p), to);
		f.from = from;
		f.to = to;
	}
	XF_RETURN_READ_TX(c, list_tx(c, org_id, subtree, &f, out));
}
