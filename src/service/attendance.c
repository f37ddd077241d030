/*
 * attendance.c (service) - the attendance register of a meeting: read
 * with every expected member, and replaced as a whole.
 */
#include "service/attendance.h"

#include "base/buf.h"
#include "base/jw.h"
#include "domain/compliance.h"
#include "service/meetings.h"
#include "service/point_records.h"
#include "service/snapshot.h"

#include <string.h>

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
	int rc = xf_meeting_load(c, meeting_id, XF_FOR_READ, m);
	return rc == XF_OK ? roster(c, m, out, n) : rc;
}

int xf_attendance_read(xf_ctx *c, int64_t meeting_id, xf_meeting *m,
                       xf_attendee **out, int *n)
{
	XF_RETURN_READ_TX(c, roster_tx(c, meeting_id, m, out, n));
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
	int rc = xf_meeting_load(c, meeting_id, XF_FOR_WRITE, &m);
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
	if (drc == XF_DB_OK &&
	    (rc = xf_point_records_of_meeting(c, meeting_id)))
		return rc;
	return xf_audit_db(c, drc, "attendance", "meeting", meeting_id,
	                   m.org_path, snap_register(c->a, old, nold),
	                   snap_register(c->a, items, n));
}

int xf_attendance_write(xf_ctx *c, int64_t meeting_id,
                        const xf_attendance_item *items, int n)
{
	XF_RETURN_WRITE_TX(c, attendance_tx(c, meeting_id, items, n));
}
