/*
 * activities.c (service) - activities with sign-ups and a waiting list:
 * who may create, see and sign up, the sign-up and cancellation in one
 * write transaction each (the activity's row is written first, so
 * concurrent writers of one activity meet on it and one is retried),
 * attendance and the year's counts.
 */
#include "service/activities.h"

#include "base/date.h"
#include "domain/compliance.h"
#include "service/snapshot.h"
#include "store/members.h"

#include <stdio.h>
#include <string.h>

static const xf_record activity = {
    "活动不存在", "只有活动所属组织的管理员、党委（党工委）或书记可以管理活动",
    NULL};

/* The path of the caller's own member record, or NULL. */
static int own_member(xf_ctx *c, xf_member *m)
{
	memset(m, 0, sizeof *m);
	if (!c->scope || !c->scope->member_id)
		return XF_DB_DONE;
	return xf_store_member_get(c->db, c->a, c->scope->member_id, m);
}

/* Whether the caller's member record lies in the activity's subtree. */
static int open_to_me(xf_ctx *c, const xf_activity *a, xf_member *m)
{
	int drc = own_member(c, m);
	return drc == XF_DB_ROW && xf_path_within(m->org_path, a->org_path);
}

/* Loads an activity to read it (within scope or open to the caller as a
 * member) or to manage it (write scope over its organization). */
static int load(xf_ctx *c, int64_t id, int mode, xf_activity *a)
{
	memset(a, 0, sizeof *a);
	int64_t me = c->scope ? c->scope->member_id : 0;
	int found = xf_store_activity_get(c->db, c->a, id, me, a);
	if (found == XF_DB_ROW && mode == XF_FOR_READ &&
	    !xf_can_read(c, a->org_path)) {
		xf_member m;
		if (open_to_me(c, a, &m))
			return XF_OK;
	}
	if (found == XF_DB_ROW && mode == XF_FOR_WRITE &&
	    !xf_can_write(c, a->org_path)) {
		xf_member m;
		if (!xf_can_read(c, a->org_path) && !open_to_me(c, a, &m))
			return xf_fail(c, XF_E_NOT_FOUND, "not_found",
			               activity.missing, NULL);
	}
	return xf_loaded(c, found, found == XF_DB_ROW ? a->org_path : NULL,
	                 mode, &activity);
}

static int parse_time(xf_ctx *c, const char *s, const char *field, int64_t *out)
{
	if (!s || xf_time_parse_iso(s, out))
		return xf_invalid(c,
		                  "时间应为带时区的 ISO 8601 时间，如 "
		                  "2024-08-15T14:30:00+08:00",
		                  field);
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_activity_input *in, xf_activity *a)
{
	memset(a, 0, sizeof *a);
	xf_org o;
	int rc = xf_org_readable(c, in->org_id, &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, o.path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               activity.forbidden, "org_id");
	XF_SET_ORG(a, o);
	a->title = in->title;
	a->kind = in->kind ? in->kind : "culture";
	a->place = in->place;
	a->description = in->description;
	a->capacity = in->capacity;
	a->created_by = c->user_id;
	rc = parse_time(c, in->starts_at, "starts_at", &a->starts_at);
	if (rc == XF_OK)
		rc = parse_time(c, in->signup_closes_at, "signup_closes_at",
		                &a->signup_closes_at);
	if (rc != XF_OK)
		return rc;
	if (!xf_activity_times_valid(a->starts_at, a->signup_closes_at))
		return xf_invalid(c, "报名截止时间不能晚于活动开始时间",
		                  "signup_closes_at");
	if (a->starts_at <= c->now)
		return xf_invalid(c, "活动开始时间应晚于现在", "starts_at");
	a->year = xf_date_today(a->starts_at).y;
	int drc = xf_store_activity_insert(c->db, a, c->now);
	return xf_audit_db(c, drc, "create", "activity", a->id, a->org_path,
	                   NULL, xf_snap_activity(c->a, a));
}

int xf_activity_create(xf_ctx *c, const xf_activity_input *in, xf_activity *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

int xf_activity_read(xf_ctx *c, int64_t id, xf_activity *out)
{
	XF_RETURN_READ_TX(c, load(c, id, XF_FOR_READ, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, int year, int when, int offset,
                   int limit, xf_activity **out, int *n, int64_t *total)
{
	xf_ranges r = {0};
	xf_member m;
	const char *member_path = NULL;
	if (org_id) {
		int rc = xf_list_scope(c, org_id, "org", &r);
		if (rc != XF_OK)
			return rc;
	} else {
		xf_list_ranges(c, &r);
		if (own_member(c, &m) == XF_DB_ROW)
			member_path = m.org_path;
	}
	if (r.n == 0 && !member_path)
		return XF_OK;
	xf_activity_filter f = {.ranges = &r,
	                        .member_path = member_path,
	                        .member_id = c->scope ? c->scope->member_id : 0,
	                        .year = year,
	                        .when = when,
	                        .now = c->now};
	return xf_from_db(c, xf_store_activity_list(c->db, c->a, &f, offset,
	                                            limit, out, n, total));
}

int xf_activity_list(xf_ctx *c, int64_t org_id, int year, int when, int offset,
                     int limit, xf_activity **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, year, when, offset, limit, out, n, total));
}

static int stats_tx(xf_ctx *c, int64_t org_id, int year, xf_activity_stats *s)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	xf_activity_filter f = {.ranges = &r, .year = year, .now = c->now};
	return xf_from_db(c, xf_store_activity_stats(c->db, c->a, &f, s));
}

int xf_activity_stats_read(xf_ctx *c, int64_t org_id, int year,
                           xf_activity_stats *out)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	XF_RETURN_READ_TX(c, stats_tx(c, org_id, year, out));
}

/* The confirmed and the waiting sign-ups of activity id. */
static int signup_counts(xf_ctx *c, int64_t id, int64_t *confirmed,
                         int64_t *waiting)
{
	*confirmed = *waiting = 0;
	int drc =
	    xf_store_signup_count(c->db, id, XF_SIGNUP_CONFIRMED, confirmed);
	if (drc == XF_DB_OK)
		drc = xf_store_signup_count(c->db, id, XF_SIGNUP_WAITING,
		                            waiting);
	return xf_from_db(c, drc);
}

static int sign_up_tx(xf_ctx *c, int64_t id, xf_activity_signup *s)
{
	xf_activity a;
	int rc = load(c, id, XF_FOR_READ, &a);
	if (rc != XF_OK)
		return rc;
	xf_member m;
	if (!c->scope || !c->scope->member_id)
		return xf_forbidden(c, "只有党员本人可以报名活动");
	if (!open_to_me(c, &a, &m))
		return xf_forbidden(c, "该活动仅限本组织及下级组织的党员报名");
	switch (
	    xf_activity_signup_open(c->now, a.starts_at, a.signup_closes_at)) {
	case XF_SIGNUP_STARTED:
		return xf_fail(c, XF_E_CONFLICT, "activity_started",
		               "活动已开始，不能报名", NULL);
	case XF_SIGNUP_CLOSED:
		return xf_fail(c, XF_E_CONFLICT, "signup_closed", "报名已截止",
		               NULL);
	default:
		break;
	}
	/* the activity's row first: concurrent sign-ups meet on it */
	int drc = xf_store_activity_touch(c->db, id, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	memset(s, 0, sizeof *s);
	drc = xf_store_signup_find(c->db, c->a, id, m.id, s);
	if (drc == XF_DB_ROW)
		return xf_fail(c, XF_E_CONFLICT, "already_signed_up",
		               "您已报名该活动", NULL);
	if (drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	int64_t confirmed, waiting;
	rc = signup_counts(c, id, &confirmed, &waiting);
	if (rc != XF_OK)
		return rc;
	s->activity_id = id;
	s->member_id = m.id;
	s->member_name = m.name;
	s->org_name = m.org_name;
	s->status = xf_activity_signup_status(confirmed, a.capacity);
	s->position =
	    strcmp(s->status, XF_SIGNUP_WAITING) == 0 ? waiting + 1 : 0;
	drc = xf_store_signup_insert(c->db, s, c->now);
	return xf_audit_db(c, drc, "create", "activity_signup", s->id,
	                   a.org_path, NULL, xf_snap_activity_signup(c->a, s));
}

int xf_activity_sign_up(xf_ctx *c, int64_t id, xf_activity_signup *out)
{
	int rc;
	XF_TOTALS_TX(c, id, rc, sign_up_tx(c, id, out));
	return rc;
}

static int cancel_tx(xf_ctx *c, int64_t id, int64_t *promoted)
{
	*promoted = 0;
	xf_activity a;
	int rc = load(c, id, XF_FOR_READ, &a);
	if (rc != XF_OK)
		return rc;
	if (!c->scope || !c->scope->member_id)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "您未报名该活动",
		               NULL);
	if (c->now >= a.starts_at)
		return xf_fail(c, XF_E_CONFLICT, "activity_started",
		               "活动已开始，不能取消报名", NULL);
	int drc = xf_store_activity_touch(c->db, id, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_activity_signup s;
	memset(&s, 0, sizeof s);
	drc = xf_store_signup_find(c->db, c->a, id, c->scope->member_id, &s);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "您未报名该活动",
		               NULL);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	drc = xf_store_signup_delete(c->db, s.id);
	rc = xf_audit_db(c, drc, "delete", "activity_signup", s.id, a.org_path,
	                 xf_snap_activity_signup(c->a, &s), NULL);
	if (rc != XF_OK)
		return rc;
	int64_t confirmed, waiting;
	rc = signup_counts(c, id, &confirmed, &waiting);
	if (rc != XF_OK)
		return rc;
	int64_t up = xf_activity_promotions(confirmed, a.capacity, waiting);
	for (int64_t i = 0; i < up; i++) {
		xf_activity_signup w;
		memset(&w, 0, sizeof w);
		drc = xf_store_signup_first_waiting(c->db, c->a, id, &w);
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR
			                                       : drc);
		const char *before = xf_snap_activity_signup(c->a, &w);
		w.status = XF_SIGNUP_CONFIRMED;
		drc = xf_store_signup_set_status(c->db, w.id, w.status);
		rc = xf_audit_db(c, drc, "update", "activity_signup", w.id,
		                 a.org_path, before,
		                 xf_snap_activity_signup(c->a, &w));
		if (rc != XF_OK)
			return rc;
		if (!*promoted)
			*promoted = w.member_id;
	}
	return XF_OK;
}

int xf_activity_cancel(xf_ctx *c, int64_t id, int64_t *promoted)
{
	int rc;
	XF_TOTALS_TX(c, id, rc, cancel_tx(c, id, promoted));
	return rc;
}

/* Most sign-ups a list reads: the largest capacity and as many waiting. */
#define SIGNUPS_MAX (2 * XF_ACTIVITY_CAPACITY_MAX)

static int signups_tx(xf_ctx *c, int64_t id, xf_activity_signup **out, int *n)
{
	xf_activity a;
	int rc = load(c, id, XF_FOR_READ, &a);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_read(c, a.org_path))
		return xf_forbidden(c, "只有活动组织者可以查看报名名单");
	return xf_from_db(
	    c, xf_store_signup_list(c->db, c->a, id, SIGNUPS_MAX, out, n));
}

int xf_activity_signups(xf_ctx *c, int64_t id, xf_activity_signup **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, signups_tx(c, id, out, n));
}

static int attendance_tx(xf_ctx *c, int64_t id, const int64_t *member_ids,
                         int n)
{
	xf_activity a;
	int rc = load(c, id, XF_FOR_WRITE, &a);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_activity_touch(c->db, id, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_activity_signup *s;
	int ns;
	drc = xf_store_signup_list(c->db, c->a, id, SIGNUPS_MAX, &s, &ns);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < n; i++) {
		int ok = 0;
		for (int j = 0; j < ns && !ok; j++)
			ok = s[j].member_id == member_ids[i] &&
			     strcmp(s[j].status, XF_SIGNUP_CONFIRMED) == 0;
		if (!ok)
			return xf_invalid(
			    c, "该党员未确认报名本活动",
			    xf_arena_printf(c->a, "member_ids[%d]", i));
	}
	for (int j = 0; j < ns; j++) {
		int attended = 0;
		for (int i = 0; i < n && !attended; i++)
			attended = s[j].member_id == member_ids[i];
		if (attended != s[j].attended) {
			drc = xf_store_signup_set_attended(
			    c->db, id, s[j].member_id, attended);
			if (drc != XF_DB_OK)
				return xf_fail_db(c, drc);
		}
	}
	char *after = xf_arena_printf(c->a, "{\"attended\":%d}", n);
	return xf_audit(c, "attendance", "activity", id, a.org_path, NULL,
	                after);
}

int xf_activity_attendance(xf_ctx *c, int64_t id, const int64_t *member_ids,
                           int n)
{
	XF_RETURN_WRITE_TX(c, attendance_tx(c, id, member_ids, n));
}
