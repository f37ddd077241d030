/*
 * talks.c (service) - talks (谈心谈话): the members due one after
 * absences in a row without leave, recording a talk, and the list.
 */
#include "service/talks.h"

#include "domain/compliance.h"
#include "service/meetings.h"
#include "service/snapshot.h"
#include "store/members.h"

#include <stdlib.h>
#include <string.h>

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
	XF_RETURN_READ_TX(c, due_tx(c, org_id, out, n));
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
	return xf_audit_db(c, drc, "create", "talk", t->id, t->org_path, NULL,
	                   xf_snap_talk(c->a, t));
}

int xf_talk_create(xf_ctx *c, int64_t member_id, const char *held_on,
                   const char *notes, xf_talk *out)
{
	XF_RETURN_WRITE_TX(c,
	                   talk_create_tx(c, member_id, held_on, notes, out));
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
	XF_RETURN_READ_TX(
	    c, talks_tx(c, org_id, member_id, offset, limit, out, n, total));
}
