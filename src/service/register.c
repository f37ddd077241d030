/*
 * register.c (service) - the yearly attendance register: three scans of
 * the subtree assembled into a members x meetings grid.
 */
#include "service/register.h"

#include "service/attendance.h"
#include "service/meetings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct id_index {
	int64_t id;
	int i;
} id_index;

static int cmp_id(const void *a, const void *b)
{
	const id_index *x = a, *y = b;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Sorts meetings by kind, then day (they come by time), then id. */
static int cmp_meeting(const void *a, const void *b)
{
	const xf_reg_meeting *x = a, *y = b;
	int kx = xf_meeting_kind_parse(x->kind),
	    ky = xf_meeting_kind_parse(y->kind);
	if (kx != ky)
		return kx < ky ? -1 : 1;
	int d = strcmp(x->held_on, y->held_on);
	if (d)
		return d;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int find(const id_index *ix, int n, int64_t id)
{
	id_index key = {id, 0};
	const id_index *p = bsearch(&key, ix, (size_t)n, sizeof *ix, cmp_id);
	return p ? p->i : -1;
}

typedef struct grid {
	xf_register *reg;
	id_index *mt, *mb;
} grid;

static int put_mark(void *arg, int64_t meeting_id, int64_t member_id,
                    const char *status)
{
	grid *g = arg;
	int j = find(g->mt, g->reg->nmeetings, meeting_id);
	int i = find(g->mb, g->reg->nmembers, member_id);
	int k = xf_attendance_status_index(status);
	if (i < 0 || j < 0 || k < 0)
		return 0;
	g->reg->status[(size_t)i * (size_t)g->reg->nmeetings + (size_t)j] =
	    (signed char)k;
	g->reg->counts[i][k]++;
	g->reg->totals[k]++;
	return 0;
}

static int too_large(xf_ctx *c, const char *what)
{
	char *msg = xf_arena_printf(c->a,
	                            "该组织本年度%s过多，无法生成登记簿，"
	                            "请选择下级党组织",
	                            what);
	return xf_fail(c, XF_E_INVALID, "too_large", msg ? msg : "范围过大",
	               "org");
}

static int build(xf_ctx *c, int64_t org_id, int year, xf_register *r)
{
	const char *lo, *hi;
	int rc = xf_meetings_scope_org(c, org_id, "org", &r->org, &lo, &hi);
	if (rc != XF_OK)
		return rc;
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	int more = 0;
	int drc = xf_store_register_meetings(c->db, c->a, lo, hi, from, to,
	                                     XF_REGISTER_MEETINGS, &r->meetings,
	                                     &r->nmeetings, &more);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (more)
		return too_large(c, "会议");
	drc = xf_store_register_members(c->db, c->a, lo, hi, from, to,
	                                XF_REGISTER_MEMBERS, &r->members,
	                                &r->nmembers, &more);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (more)
		return too_large(c, "党员");
	qsort(r->meetings, (size_t)r->nmeetings, sizeof *r->meetings,
	      cmp_meeting);
	for (int j = 0; j < r->nmeetings; j++) {
		int k = xf_meeting_kind_parse(r->meetings[j].kind);
		xf_register_group *g =
		    r->ngroups ? &r->groups[r->ngroups - 1] : NULL;
		if (!g || g->kind != k) {
			if (r->ngroups == XF_MK_COUNT)
				return xf_fail_db(c, XF_DB_ERROR);
			g = &r->groups[r->ngroups++];
			g->kind = k;
			g->first = j;
			g->count = 0;
		}
		g->count++;
	}
	size_t cells = (size_t)r->nmembers * (size_t)r->nmeetings;
	grid g = {
	    r,
	    xf_arena_calloc(c->a, (size_t)r->nmeetings + 1, sizeof(id_index)),
	    xf_arena_calloc(c->a, (size_t)r->nmembers + 1, sizeof(id_index))};
	r->status = xf_arena_alloc(c->a, cells + 1);
	r->counts =
	    xf_arena_calloc(c->a, (size_t)r->nmembers + 1, sizeof *r->counts);
	if (!g.mt || !g.mb || !r->status || !r->counts)
		return xf_oom(c);
	memset(r->status, -1, cells + 1);
	for (int j = 0; j < r->nmeetings; j++)
		g.mt[j] = (id_index){r->meetings[j].id, j};
	for (int i = 0; i < r->nmembers; i++)
		g.mb[i] = (id_index){r->members[i].id, i};
	qsort(g.mt, (size_t)r->nmeetings, sizeof *g.mt, cmp_id);
	qsort(g.mb, (size_t)r->nmembers, sizeof *g.mb, cmp_id);
	drc = xf_store_register_marks(c->db, lo, hi, from, to, put_mark, &g);
	return xf_from_db(c, drc);
}

int xf_register_year(xf_ctx *c, int64_t org_id, int year, xf_register *out)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	XF_RETURN_READ_TX(c, build(c, org_id, year, out));
}
