/*
 * meetings.c (service) - meetings, measures, attendance and talks.
 */
#include "service/meetings.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/compliance.h"
#include "service/snapshot.h"
#include "store/members.h"

#include <stdlib.h>
#include <string.h>

/* Loads a meeting to read it or to change it (mode, as xf_loaded). */
static int load(xf_ctx *c, int64_t id, int mode, xf_meeting *m)
{
	int found = xf_store_meeting_get(c->db, c->a, id, m);
	static const xf_record meeting = {"会议记录不存在",
	                                  "无权修改该组织的会议记录", NULL};
	return xf_loaded(c, found, found == XF_DB_ROW ? m->org_path : NULL,
	                 mode, &meeting);
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
	int rc = xf_store_org_get(c->db, c->a, org_id, o);
	if (rc == XF_DB_DONE)
		return xf_invalid(c, "所属组织不存在", "org_id");
	if (rc != XF_DB_ROW)
		return xf_fail_db(c, rc);
	if (!xf_can_write(c, o->path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权为该组织记录会议", "org_id");
	return XF_OK;
}

/* Applies the given fields of in to m and checks the merged record;
 * o is the meeting's org. */
static int merge_meeting(xf_ctx *c, const xf_meeting_input *in, const xf_org *o,
                         xf_meeting *m)
{
#define TAKE(f)                                                                \
	if (in->has_##f)                                                       \
	m->f = in->f
	TAKE(kind);
	TAKE(makeup_for);
	TAKE(place);
	TAKE(topic);
	TAKE(host);
	TAKE(recorder);
	TAKE(lecturer);
	TAKE(agenda);
	TAKE(minutes);
#undef TAKE
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
	m->org_id = o.id;
	m->org_path = o.path;
	m->org_name = o.name;
	m->org_kind = o.kind;
	m->created_by = c->user_id;
	rc = merge_meeting(c, in, &o, m);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_meeting_insert(c->db, m, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "create", "meeting", m->id, m->org_path, NULL,
	                xf_snap_meeting(c->a, m));
}

int xf_meeting_create(xf_ctx *c, const xf_meeting_input *in, xf_meeting *out)
{
	int rc;
	XF_WRITE_TX(c, rc, create_tx(c, in, out));
	return rc;
}

static int read_tx(xf_ctx *c, int64_t id, xf_meeting *out,
                   xf_measure **measures, int *nmeasures)
{
	int rc = load(c, id, XF_FOR_READ, out);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(
	    c, xf_store_measure_list(c->db, c->a, id, measures, nmeasures));
}

int xf_meeting_read(xf_ctx *c, int64_t id, xf_meeting *out,
                    xf_measure **measures, int *nmeasures)
{
	int rc;
	XF_READ_TX(c, rc, read_tx(c, id, out, measures, nmeasures));
	return rc;
}

static int update_tx(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                     xf_meeting *m)
{
	int rc = load(c, id, XF_FOR_WRITE, m);
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
	m->updated_at = c->now;
	return xf_audit(c, "update", "meeting", m->id, m->org_path, before,
	                xf_snap_meeting(c->a, m));
}

int xf_meeting_update(xf_ctx *c, int64_t id, const xf_meeting_input *in,
                      xf_meeting *out)
{
	int rc;
	XF_WRITE_TX(c, rc, update_tx(c, id, in, out));
	return rc;
}

static int remove_tx(xf_ctx *c, int64_t id)
{
	xf_meeting m;
	int rc = load(c, id, XF_FOR_WRITE, &m);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_meeting_delete(c->db, id);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "delete", "meeting", id, m.org_path,
	                xf_snap_meeting(c->a, &m), NULL);
}

int xf_meeting_remove(xf_ctx *c, int64_t id)
{
	int rc;
	XF_WRITE_TX(c, rc, remove_tx(c, id));
	return rc;
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
	int rc;
	XF_READ_TX(c, rc, list_tx(c, org_id, subtree, &f, out));
	return rc;
}

/* ---- measures ------------------------------------------------------------ */

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
	int rc = load(c, meeting_id, XF_FOR_WRITE, &m);
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
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "create", "measure", out->id, out->org_path, NULL,
	                xf_snap_measure(c->a, out));
}

int xf_measure_create(xf_ctx *c, int64_t meeting_id, const xf_measure_input *in,
                      xf_measure *out)
{
	int rc;
	XF_WRITE_TX(c, rc, measure_create_tx(c, meeting_id, in, out));
	return rc;
}

static int load_measure_writable(xf_ctx *c, int64_t id, xf_measure *m)
{
	int found = xf_store_measure_get(c->db, c->a, id, m);
	static const xf_record measure = {"落实举措不存在",
	                                  "无权修改该落实举措", NULL};
	return xf_loaded(c, found, found == XF_DB_ROW ? m->org_path : NULL,
	                 XF_FOR_WRITE, &measure);
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
	if (in->has_title)
		m->title = in->title;
	if (in->has_owner)
		m->owner = in->owner;
	if (in->has_due_on)
		m->due_on = in->due_on;
	if (in->has_done_on)
		m->done_on = in->done_on;
	rc = check_measure(c, m, mt.held_on);
	if (rc != XF_OK)
		return rc;
	drc = xf_store_measure_update(c->db, m, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "update", "measure", m->id, m->org_path, before,
	                xf_snap_measure(c->a, m));
}

int xf_measure_update(xf_ctx *c, int64_t id, const xf_measure_input *in,
                      xf_measure *out)
{
	int rc;
	XF_WRITE_TX(c, rc, measure_update_tx(c, id, in, out));
	return rc;
}

static int measure_remove_tx(xf_ctx *c, int64_t id)
{
	xf_measure m;
	int rc = load_measure_writable(c, id, &m);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_measure_delete(c->db, id);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "delete", "measure", id, m.org_path,
	                xf_snap_measure(c->a, &m), NULL);
}

int xf_measure_remove(xf_ctx *c, int64_t id)
{
	int rc;
	XF_WRITE_TX(c, rc, measure_remove_tx(c, id));
	return rc;
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
	int rc;
	XF_READ_TX(c, rc, open_tx(c, org_id, offset, limit, out, n, total));
	return rc;
}

/* ---- attendance ------------------------------------------------------------
 */

static int roster(xf_ctx *c, const xf_meeting *m, xf_attendee **out, int *n)
{
	const char *lo, *hi;
	if (xf_subtree_range(c, m->org_path, &lo, &hi) != 0)
		return xf_oom(c);
	return xf_from_db(c, xf_store_attendance_roster(
	                         c->db, c->a, m->id, lo, hi, m->held_on,
	                         XF_ATTENDANCE_MAX, out, n));
}

static int roster_tx(xf_ctx *c, int64_t meeting_id, xf_meeting *m,
                     xf_attendee **out, int *n)
{
	int rc = load(c, meeting_id, XF_FOR_READ, m);
	return rc == XF_OK ? roster(c, m, out, n) : rc;
}

int xf_attendance_read(xf_ctx *c, int64_t meeting_id, xf_meeting *m,
                       xf_attendee **out, int *n)
{
	int rc;
	XF_READ_TX(c, rc, roster_tx(c, meeting_id, m, out, n));
	return rc;
}

/* The recorded part of a register as audit JSON. */
static char *snap_register(xf_arena *a, const xf_attendance_item *items, int n)
{
	xf_buf b;
	xf_buf_init(&b, 1 << 20);
	xf_jw w;
	xf_jw_init(&w, &b);
	xf_jw_arr(&w);
	for (int i = 0; i < n; i++) {
		xf_jw_obj(&w);
		xf_jw_kint(&w, "member_id", items[i].member_id);
		xf_jw_kstr(&w, "status", items[i].status);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	char *s = b.failed ? NULL : xf_arena_strndup(a, b.data, b.len);
	xf_buf_free(&b);
	return s;
}

static int attendance_tx(xf_ctx *c, int64_t meeting_id,
                         const xf_attendance_item *items, int n)
{
	xf_meeting m;
	int rc = load(c, meeting_id, XF_FOR_WRITE, &m);
	if (rc != XF_OK)
		return rc;
	xf_attendee *reg;
	int nreg;
	rc = roster(c, &m, &reg, &nreg);
	if (rc != XF_OK)
		return rc;
	xf_attendance_item *old =
	    xf_arena_calloc(c->a, (size_t)(nreg ? nreg : 1), sizeof *old);
	if (!old)
		return xf_oom(c);
	int nold = 0;
	for (int i = 0; i < nreg; i++)
		if (reg[i].status)
			old[nold++] = (xf_attendance_item){reg[i].member_id,
			                                   reg[i].status};
	for (int i = 0; i < n; i++) {
		const char *field =
		    xf_arena_printf(c->a, "items[%d].member_id", i);
		int on = 0;
		for (int j = 0; j < nreg && !on; j++)
			on = reg[j].member_id == items[i].member_id;
		if (!on)
			return xf_invalid(c, "该党员不在本次会议的应到人员中",
			               field);
		for (int j = 0; j < i; j++)
			if (items[j].member_id == items[i].member_id)
				return xf_invalid(c, "同一党员重复出现", field);
		if (!xf_attendance_status_valid(items[i].status))
			return xf_invalid(
			    c, "出席情况不正确",
			    xf_arena_printf(c->a, "items[%d].status", i));
	}
	int drc = xf_store_attendance_clear(c->db, meeting_id);
	for (int i = 0; i < n && drc == XF_DB_OK; i++)
		drc = xf_store_attendance_put(
		    c->db, meeting_id, items[i].member_id, items[i].status);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "attendance", "meeting", meeting_id, m.org_path,
	                snap_register(c->a, old, nold),
	                snap_register(c->a, items, n));
}

int xf_attendance_write(xf_ctx *c, int64_t meeting_id,
                        const xf_attendance_item *items, int n)
{
	int rc;
	XF_WRITE_TX(c, rc, attendance_tx(c, meeting_id, items, n));
	return rc;
}

/* ---- talks ------------------------------------------------------------- */

/* State of the scan for absence streaks (rows by member, newest first). */
typedef struct streaks {
	xf_ctx *c;
	int64_t member; /* member of the rows being read, 0 at the start */
	int streak;     /* leading absences so far */
	int broken;     /* a non-absence ended the streak */
	const char *newest, *third, *oldest; /* days of absences 1, 3, last */
	xf_talk_due *due;
	int n, cap, failed;
} streaks;

static void streak_close(streaks *s)
{
	if (s->member && s->streak >= XF_TALK_STREAK && !s->failed) {
		if (s->n == s->cap) {
			int cap = s->cap ? s->cap * 2 : 32;
			xf_talk_due *p =
			    xf_arena_calloc(s->c->a, (size_t)cap, sizeof *p);
			if (!p) {
				s->failed = 1;
				return;
			}
			if (s->n)
				memcpy(p, s->due, (size_t)s->n * sizeof *p);
			s->due = p;
			s->cap = cap;
		}
		xf_talk_due *d = &s->due[s->n++];
		memset(d, 0, sizeof *d);
		d->member_id = s->member;
		d->streak = s->streak;
		d->last_absent_on = s->newest;
		d->since = s->oldest;
		/* the third absence decides against the last talk */
		d->last_talk_on = s->third;
	}
}

static int streak_row(void *arg, int64_t member_id, const char *status,
                      const char *held_on)
{
	streaks *s = arg;
	if (member_id != s->member) {
		streak_close(s);
		s->member = member_id;
		s->streak = 0;
		s->broken = 0;
	}
	if (s->broken)
		return 0;
	const char *st[1] = {status};
	if (xf_absence_streak(st, 1) == 0) {
		s->broken = 1;
		return 0;
	}
	const char *day = xf_arena_strdup(s->c->a, held_on);
	s->streak++;
	if (s->streak == 1)
		s->newest = day;
	if (s->streak == XF_TALK_STREAK)
		s->third = day;
	s->oldest = day;
	return s->failed;
}

static int due_tx(xf_ctx *c, int64_t org_id, xf_talk_due **out, int *n)
{
	xf_org o;
	const char *lo, *hi;
	int rc = xf_meetings_scope_org(c, org_id, "org", &o, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	/* The whole history: a streak is counted in meetings, not days. */
	const char *since = "0000-00-00";
	streaks s = {.c = c};
	int drc =
	    xf_store_attendance_scan(c->db, lo, hi, since, streak_row, &s);
	streak_close(&s);
	if (drc == XF_DB_OK && s.failed)
		drc = XF_DB_ERROR;
	xf_talk_due *due =
	    xf_arena_calloc(c->a, (size_t)(s.n ? s.n : 1), sizeof *due);
	if (!due)
		drc = XF_DB_ERROR;
	for (int i = 0; i < s.n && drc == XF_DB_OK; i++) {
		xf_talk_due d = s.due[i];
		const char *third = d.last_talk_on;
		drc = xf_store_talk_last(c->db, c->a, d.member_id,
		                         &d.last_talk_on);
		if (drc != XF_DB_OK)
			break;
		/* a talk on or after the third absence answers the streak */
		if (d.last_talk_on && strcmp(d.last_talk_on, third) >= 0)
			continue;
		xf_member m;
		int mrc = xf_store_member_get(c->db, c->a, d.member_id, &m);
		if (mrc == XF_DB_DONE)
			continue;
		if (mrc != XF_DB_ROW) {
			drc = mrc;
			break;
		}
		if (!xf_can_read(c, m.org_path))
			continue;
		d.name = m.name;
		d.org_id = m.org_id;
		d.org_name = m.org_name;
		due[(*n)++] = d;
	}
	if (drc != XF_DB_OK) {
		*n = 0;
		return xf_fail_db(c, drc);
	}
	*out = due;
	return XF_OK;
}

int xf_talks_due(xf_ctx *c, int64_t org_id, xf_talk_due **out, int *n)
{
	*out = NULL;
	*n = 0;
	int rc;
	XF_READ_TX(c, rc, due_tx(c, org_id, out, n));
	return rc;
}

static int talk_create_tx(xf_ctx *c, int64_t member_id, const char *held_on,
                          const char *notes, xf_talk *t)
{
	xf_member m;
	int rc = xf_store_member_get(c->db, c->a, member_id, &m);
	if (rc == XF_DB_DONE)
		return xf_invalid(c, "党员不存在", "member_id");
	if (rc != XF_DB_ROW)
		return xf_fail_db(c, rc);
	if (!xf_can_write(c, m.org_path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权为该党员记录谈心谈话", "member_id");
	char today[11];
	xf_date_format(xf_date_today(c->now), today);
	if (strcmp(held_on, today) > 0)
		return xf_invalid(c, "谈话日期不能晚于今天", "held_on");
	memset(t, 0, sizeof *t);
	t->member_id = m.id;
	t->member_name = m.name;
	t->org_id = m.org_id;
	t->org_path = m.org_path;
	t->held_on = held_on;
	t->notes = notes;
	t->created_by = c->user_id;
	int drc = xf_store_talk_insert(c->db, t, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "create", "talk", t->id, t->org_path, NULL,
	                xf_snap_talk(c->a, t));
}

int xf_talk_create(xf_ctx *c, int64_t member_id, const char *held_on,
                   const char *notes, xf_talk *out)
{
	int rc;
	XF_WRITE_TX(c, rc, talk_create_tx(c, member_id, held_on, notes, out));
	return rc;
}

static int talks_tx(xf_ctx *c, int64_t org_id, int64_t member_id, int offset,
                    int limit, xf_talk **out, int *n, int64_t *total)
{
	xf_ranges r = {0};
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	return xf_from_db(c, xf_store_talk_list(c->db, c->a, &r, member_id,
	                                        offset, limit, out, n, total));
}

int xf_talk_list(xf_ctx *c, int64_t org_id, int64_t member_id, int offset,
                 int limit, xf_talk **out, int *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	int rc;
	XF_READ_TX(
	    c, rc,
	    talks_tx(c, org_id, member_id, offset, limit, out, n, total));
	return rc;
}
