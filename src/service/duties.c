/*
 * duties.c (service) - the duty lists (三级五岗), their post holders,
 * evidence and the duty report (述职材料); scope and rules as stated in
 * duties.h, the applicability rule in domain/duties.h.
 */
#include "service/duties.h"

#include "service/reviews.h"
#include "store/reviews.h"

#include "base/date.h"
#include "domain/duties.h"
#include "service/crud.h"
#include "service/point_records.h"
#include "service/snapshot.h"
#include "store/orgs.h"
#include "store/users.h"

#include <string.h>

static const xf_record duty = {"责任清单事项不存在", "无权修改该组织的责任清单",
                               NULL};
/* The org a list is limited to. */
static const xf_record list_org = {"组织不存在", NULL, NULL};

/* Loads a duty item to read it or to change it (mode, as xf_loaded). */
static int load_duty(xf_ctx *c, int64_t id, int mode, xf_duty *d)
{
	int found = xf_store_duty_get(c->db, c->a, id, d);
	return xf_loaded(c, found, found == XF_DB_ROW ? d->org_path : NULL,
	                 mode, &duty);
}

/* Loads the org a list is limited to, readable: 404 when absent or out
 * of the caller's scope. */
static int load_list_org(xf_ctx *c, int64_t id, xf_org *o)
{
	int found = xf_store_org_get(c->db, c->a, id, o);
	return xf_loaded(c, found, found == XF_DB_ROW ? o->path : NULL,
	                 XF_FOR_READ, &list_org);
}

/* ---- duty items --------------------------------------------------------- */

static int create_tx(xf_ctx *c, const xf_duty_input *in, xf_duty *d)
{
	xf_org o;
	int rc = xf_org_for_write(c, in->org_id, "组织不存在",
	                          "无权为该组织制定责任清单", &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_duty_level_valid(in->level))
		return xf_invalid(c, "层级不正确", "level");
	if (!xf_duty_post_valid(in->level, in->post))
		return xf_invalid(c, "该层级没有这个岗位", "post");
	memset(d, 0, sizeof *d);
	d->seq = in->seq;
	if (!d->seq) {
		xf_duty *cur;
		int n;
		int64_t total;
		int drc =
		    xf_store_duty_list(c->db, c->a, o.id, in->year, in->level,
		                       in->post, 0, 1, &cur, &n, &total);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		d->seq = (int)total + 1;
	}
	XF_SET_ORG(d, o);
	d->year = in->year;
	d->level = in->level;
	d->post = in->post;
	d->title = in->title;
	d->content = in->content;
	d->created_by = c->user_id;
	int drc = xf_store_duty_insert(c->db, d, c->now);
	return xf_audit_db(c, drc, "create", "duty", d->id, d->org_path, NULL,
	                   xf_snap_duty(c->a, d));
}

int xf_duty_create(xf_ctx *c, const xf_duty_input *in, xf_duty *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

int xf_duty_read(xf_ctx *c, int64_t id, xf_duty *out)
{
	XF_RETURN_READ_TX(c, load_duty(c, id, XF_FOR_READ, out));
}

static int update_tx(xf_ctx *c, int64_t id, const xf_duty_input *in, xf_duty *d)
{
	int rc = load_duty(c, id, XF_FOR_WRITE, d);
	if (rc != XF_OK)
		return rc;
	char *before = xf_snap_duty(c->a, d);
	XF_TAKE(d, in, title);
	XF_TAKE(d, in, content);
	XF_TAKE(d, in, seq);
	int drc = xf_store_duty_update(c->db, d, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	d->updated_at = c->now;
	return xf_audit(c, "update", "duty", d->id, d->org_path, before,
	                xf_snap_duty(c->a, d));
}

int xf_duty_update(xf_ctx *c, int64_t id, const xf_duty_input *in, xf_duty *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

/* A duty with evidence kept is not removed. */
static int before_remove(xf_ctx *c, int64_t id, const void *d)
{
	(void)d;
	int64_t n;
	int drc = xf_store_duty_evidence_count(c->db, id, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (n > 0)
		return xf_fail(c, XF_E_CONFLICT, "has_evidence",
		               "该职责已有履职记录，不能删除", NULL);
	return XF_OK;
}

XF_CRUD_FNS(duty_fns, xf_duty, xf_store_duty_get, xf_snap_duty);
static const xf_crud duties = {XF_CRUD_OF(duty_fns, xf_duty, "duty"),
                               .rec = &duty, .del = xf_store_duty_delete,
                               .before_delete = before_remove};

int xf_duty_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &duties, id);
}

static int list_tx(xf_ctx *c, const xf_duty_query *q, xf_duty **out, int *n,
                   int64_t *total)
{
	xf_org o;
	int rc = load_list_org(c, q->org_id, &o);
	if (rc != XF_OK)
		return rc;
	if (!q->applicable)
		return xf_from_db(
		    c, xf_store_duty_list(c->db, c->a, o.id, q->year, q->level,
		                          q->post, q->offset, q->limit, out, n,
		                          total));
	if (!xf_duty_level_valid(o.kind))
		return XF_OK;
	int drc = xf_store_duty_applicable(c->db, c->a, o.path, q->year, o.kind,
	                                   q->post, out, n);
	*total = *n;
	return xf_from_db(c, drc);
}

int xf_duty_list(xf_ctx *c, const xf_duty_query *q, xf_duty **out, int *n,
                 int64_t *total)
{
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, list_tx(c, q, out, n, total));
}

static int copy_tx(xf_ctx *c, int64_t org_id, int from, int to, int64_t *copied)
{
	xf_org o;
	int rc = xf_org_for_write(c, org_id, "组织不存在",
	                          "无权为该组织制定责任清单", &o);
	if (rc != XF_OK)
		return rc;
	xf_duty *cur;
	int n;
	int64_t have;
	int drc = xf_store_duty_list(c->db, c->a, o.id, from, NULL, NULL, 0, 1,
	                             &cur, &n, &have);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (have == 0)
		return xf_invalid(c, "来源年度没有责任清单", "from_year");
	drc = xf_store_duty_copy(c->db, o.id, from, to, c->user_id, c->now,
	                         copied);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (*copied == 0)
		return xf_fail(c, XF_E_CONFLICT, "exists",
		               "目标年度的责任清单已存在", "to_year");
	char *after = xf_arena_printf(
	    c->a,
	    "{\"org_id\":%lld,\"from_year\":%d,\"to_year\":%d,\"copied\":%lld}",
	    (long long)o.id, from, to, (long long)*copied);
	return xf_audit(c, "copy", "duty", o.id, o.path, NULL, after);
}

int xf_duty_copy(xf_ctx *c, int64_t org_id, int from_year, int to_year,
                 xf_duty **out, int *n, int64_t *copied)
{
	*n = 0;
	*copied = 0;
	if (from_year == to_year)
		return xf_invalid(c, "目标年度不能与来源年度相同", "to_year");
	int rc;
	XF_WRITE_TX(c, rc, copy_tx(c, org_id, from_year, to_year, copied));
	if (rc != XF_OK)
		return rc;
	xf_duty_query q = {
	    .org_id = org_id, .year = to_year, .limit = XF_DUTY_MAX_ROWS};
	int64_t total;
	return xf_duty_list(c, &q, out, n, &total);
}

/* ---- post holders ------------------------------------------------------- */

static int assign_tx(xf_ctx *c, const xf_duty_assign_input *in,
                     xf_duty_assignment *as)
{
	xf_org o;
	int rc = xf_org_for_write(c, in->org_id, "组织不存在",
	                          "无权为该组织设置岗位人员", &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_duty_level_valid(o.kind))
		return xf_invalid(c, "该组织没有三级五岗责任清单", "org_id");
	if (!xf_duty_post_valid(o.kind, in->post))
		return xf_invalid(c, "该组织没有这个岗位", "post");
	int64_t member_id = in->member_id;
	if (!member_id) {
		xf_user u;
		int drc = xf_store_user_get(c->db, c->a, in->user_id, &u);
		if (drc == XF_DB_DONE || (drc == XF_DB_ROW && !u.member_id))
			return xf_invalid(c, "该用户没有关联党员", "user_id");
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
		member_id = u.member_id;
	}
	xf_member m;
	const char *mfield = in->member_id ? "member_id" : "user_id";
	int drc = xf_store_member_get(c->db, c->a, member_id, &m);
	if (drc == XF_DB_DONE ||
	    (drc == XF_DB_ROW && !xf_path_within(m.org_path, o.path)))
		return xf_invalid(c, "党员应属于本组织或其下级组织", mfield);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	memset(as, 0, sizeof *as);
	XF_SET_ORG(as, o);
	as->org_kind = o.kind;
	as->member_id = m.id;
	as->member_name = m.name;
	as->year = in->year;
	as->post = in->post;
	as->created_by = c->user_id;
	as->created_at = c->now;
	drc = xf_store_duty_assignment_insert(c->db, as);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "exists",
		               "该党员已在该年度担任此岗位", "post");
	return xf_audit_db(c, drc, "create", "duty_assignment", as->id, o.path,
	                   NULL, xf_snap_duty_assignment(c->a, as));
}

int xf_duty_assign(xf_ctx *c, const xf_duty_assign_input *in,
                   xf_duty_assignment *out)
{
	XF_RETURN_WRITE_TX(c, assign_tx(c, in, out));
}

/* Loads an assignment to read it or to change it (mode, as xf_loaded);
 * one named in the input at field is invalid there (422) when absent. */
static int load_assignment(xf_ctx *c, int64_t id, int mode,
                           xf_duty_assignment *as, const char *field)
{
	const xf_record assignment = {"岗位人员不存在",
	                              "无权修改该组织的岗位人员", field};
	int found = xf_store_duty_assignment_get(c->db, c->a, id, as);
	if (found == XF_DB_DONE && field)
		return xf_invalid(c, assignment.missing, field);
	return xf_loaded(c, found, found == XF_DB_ROW ? as->org_path : NULL,
	                 mode, &assignment);
}

static int load_any(xf_ctx *c, int64_t id, int mode, void *as)
{
	return load_assignment(c, id, mode, as, NULL);
}

/* A removed holder takes the points of its duty with it. */
static int after_unassign(xf_ctx *c, int64_t id, const void *as)
{
	(void)as;
	return xf_point_records_of_duty_holder(c, id);
}

XF_CRUD_FNS(assignment_fns, xf_duty_assignment, xf_store_duty_assignment_get,
            xf_snap_duty_assignment);
static const xf_crud assignments = {
    XF_CRUD_OF(assignment_fns, xf_duty_assignment, "duty_assignment"),
    .del = xf_store_duty_assignment_delete, .load = load_any,
    .after_delete = after_unassign};

int xf_duty_unassign(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &assignments, id);
}

static int assignments_tx(xf_ctx *c, int64_t org_id, int subtree, int year,
                          int64_t member_id, int offset, int limit,
                          xf_duty_assignment **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc; /* an error, or nothing in scope */
	return xf_from_db(c,
	                  xf_store_duty_assignment_list(
	                      c->db, c->a, &r, org_id && !subtree ? org_id : 0,
	                      year, member_id, offset, limit, out, n, total));
}

int xf_duty_assignment_list(xf_ctx *c, int64_t org_id, int subtree, int year,
                            int64_t member_id, int offset, int limit,
                            xf_duty_assignment **out, int *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, assignments_tx(c, org_id, subtree, year, member_id,
	                                    offset, limit, out, n, total));
}

/* ---- evidence ----------------------------------------------------------- */

static int evidence_tx(xf_ctx *c, int64_t duty_id,
                       const xf_duty_evidence_input *in, xf_duty_evidence *e)
{
	xf_duty d;
	int drc = xf_store_duty_get(c->db, c->a, duty_id, &d);
	if (drc != XF_DB_ROW) /* any item that exists: it may be set above */
		return xf_loaded(c, drc, NULL, XF_FOR_READ, &duty);
	xf_duty_assignment as;
	int rc = load_assignment(c, in->assignment_id, XF_FOR_WRITE, &as,
	                         "assignment_id");
	if (rc != XF_OK)
		return rc;
	if (!xf_duty_applies(d.org_path, d.year, d.level, d.post, as.org_path,
	                     as.org_kind, as.year))
		return xf_invalid(c, "该职责不属于这个岗位", "assignment_id");
	memset(e, 0, sizeof *e);
	e->kind = in->kind;
	e->title = in->title;
	e->note = in->note;
	e->done_on = in->on;
	if (strcmp(in->kind, "record") == 0) {
		if (!in->on)
			return xf_invalid(c, "请填写履职日期", "on");
		if (!in->title && !in->note)
			return xf_invalid(c, "请填写履职内容", "note");
		if (!e->title)
			e->title = in->note;
	} else {
		if (!in->ref_id)
			return xf_invalid(c, "请选择关联的记录", "ref_id");
		xf_duty_ref ref;
		drc =
		    xf_store_duty_ref(c->db, c->a, in->kind, in->ref_id, &ref);
		if (drc == XF_DB_ROW &&
		    !xf_path_within(ref.org_path, as.org_path))
			drc = XF_DB_DONE;
		if (drc == XF_DB_DONE)
			return xf_invalid(c, "关联的记录不存在或不属于本组织",
			                  "ref_id");
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
		e->ref_id = in->ref_id;
		if (!e->title)
			e->title = ref.title;
		if (!e->done_on)
			e->done_on = ref.on;
		if (!e->done_on) {
			char today[11];
			xf_date_format(xf_date_today(c->now), today);
			e->done_on = xf_arena_strdup(c->a, today);
		}
	}
	char lo[11], hi[11];
	xf_date_format((xf_date){as.year, 1, 1}, lo);
	xf_date_format((xf_date){as.year, 12, 31}, hi);
	if (strcmp(e->done_on, lo) < 0 || strcmp(e->done_on, hi) > 0)
		return xf_invalid(c, "履职日期应在清单年度内", "on");
	e->duty_id = d.id;
	e->assignment_id = as.id;
	e->org_path = as.org_path;
	e->created_by = c->user_id;
	e->created_at = c->now;
	drc = xf_store_duty_evidence_insert(c->db, e);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "exists",
		               "该记录已关联到此职责", "ref_id");
	if (drc == XF_DB_OK && (rc = xf_point_records_of_duty_holder(c, as.id)))
		return rc;
	return xf_audit_db(c, drc, "create", "duty_evidence", e->id,
	                   as.org_path, NULL, xf_snap_duty_evidence(c->a, e));
}

int xf_duty_evidence_add(xf_ctx *c, int64_t duty_id,
                         const xf_duty_evidence_input *in,
                         xf_duty_evidence *out)
{
	XF_RETURN_WRITE_TX(c, evidence_tx(c, duty_id, in, out));
}

static int evidence_remove_tx(xf_ctx *c, int64_t duty_id, int64_t id)
{
	static const xf_record evidence = {"履职记录不存在",
	                                   "无权修改该组织的履职记录", NULL};
	xf_duty_evidence e;
	int found = xf_store_duty_evidence_get(c->db, c->a, id, &e);
	if (found == XF_DB_ROW && e.duty_id != duty_id)
		found = XF_DB_DONE;
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? e.org_path : NULL,
	                   XF_FOR_WRITE, &evidence);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_duty_evidence_delete(c->db, id);
	if (drc == XF_DB_OK &&
	    (rc = xf_point_records_of_duty_holder(c, e.assignment_id)))
		return rc;
	return xf_audit_db(c, drc, "delete", "duty_evidence", id, e.org_path,
	                   xf_snap_duty_evidence(c->a, &e), NULL);
}

int xf_duty_evidence_remove(xf_ctx *c, int64_t duty_id, int64_t id)
{
	XF_RETURN_WRITE_TX(c, evidence_remove_tx(c, duty_id, id));
}

static int evidence_list_tx(xf_ctx *c, int64_t duty_id, int64_t assignment_id,
                            xf_duty_evidence **out, int *n)
{
	xf_duty_assignment as;
	int rc = load_assignment(c, assignment_id, XF_FOR_READ, &as, NULL);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_duty_evidence_of(
	                         c->db, c->a, assignment_id, duty_id, out, n));
}

int xf_duty_evidence_list(xf_ctx *c, int64_t duty_id, int64_t assignment_id,
                          xf_duty_evidence **out, int *n)
{
	*n = 0;
	XF_RETURN_READ_TX(c,
	                  evidence_list_tx(c, duty_id, assignment_id, out, n));
}

/* ---- the report --------------------------------------------------------- */

/* Fills one post of the report: the items that apply, each with the
 * slice of the holder's evidence (ordered by item, then date). */
static int report_post(xf_ctx *c, const xf_duty_assignment *as,
                       xf_duty_report_post *p)
{
	memset(p, 0, sizeof *p);
	p->as = as;
	xf_duty *ds;
	int nd;
	int drc = xf_store_duty_applicable(c->db, c->a, as->org_path, as->year,
	                                   as->org_kind, as->post, &ds, &nd);
	xf_duty_evidence *ev = NULL;
	int nev = 0;
	if (drc == XF_DB_OK)
		drc = xf_store_duty_evidence_of(c->db, c->a, as->id, 0, &ev,
		                                &nev);
	if (drc != XF_DB_OK)
		return drc;
	p->items = xf_arena_calloc(c->a, (size_t)nd + 1, sizeof *p->items);
	if (!p->items)
		return XF_DB_ERROR;
	for (int i = 0; i < nd; i++) {
		xf_duty_report_item *it = &p->items[p->nitems++];
		it->duty = &ds[i];
		int k = 0;
		while (k < nev && ev[k].duty_id != ds[i].id)
			k++;
		it->evidence = ev + k;
		while (k < nev && ev[k].duty_id == ds[i].id) {
			k++;
			it->nevidence++;
		}
		if (it->nevidence)
			p->items_with_evidence++;
	}
	return XF_DB_OK;
}

static int report_tx(xf_ctx *c, int64_t member_id, int year,
                     xf_duty_report *out)
{
	int drc = xf_store_member_get(c->db, c->a, member_id, &out->member);
	if (drc == XF_DB_ROW && c->scope &&
	    !xf_scope_can_read_member(c->scope, member_id,
	                              out->member.org_path))
		drc = XF_DB_DONE;
	xf_duty_assignment *as = NULL;
	int nas = 0;
	if (drc == XF_DB_ROW) {
		xf_ranges all = {.n = 1, .lo = {"/"}, .hi = {"0"}};
		int64_t total;
		drc = xf_store_duty_assignment_list(c->db, c->a, &all, 0, year,
		                                    member_id, 0, 50, &as, &nas,
		                                    &total);
	}
	int self = c->scope && c->scope->member_id == member_id;
	out->posts = drc == XF_DB_OK ? xf_arena_calloc(c->a, (size_t)nas + 1,
	                                               sizeof *out->posts)
	                             : NULL;
	if (drc == XF_DB_OK && !out->posts)
		drc = XF_DB_ERROR;
	for (int i = 0; drc == XF_DB_OK && i < nas; i++) {
		/* a post above the caller's scope stays out of its view */
		if (!self && !xf_can_read(c, as[i].org_path))
			continue;
		drc = report_post(c, &as[i], &out->posts[out->nposts++]);
	}
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "党员不存在",
		               NULL);
	return xf_from_db(c, drc);
}

/* The member's results in the year's closed review sessions; read with
 * full rights (a session above the reader's scope still shows the
 * member's own result). */
static int report_reviews(xf_ctx *c, int64_t member_id, int year,
                          xf_duty_report *out)
{
	int64_t *ids;
	int n;
	int drc = xf_store_reviews_of_member(c->db, c->a, member_id, year, 100,
	                                     &ids, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->reviews =
	    xf_arena_calloc(c->a, (size_t)n + 1, sizeof *out->reviews);
	if (!out->reviews)
		return xf_oom(c);
	const xf_scope *saved = c->scope;
	c->scope = NULL;
	int rc = XF_OK;
	for (int i = 0; i < n && rc == XF_OK; i++) {
		xf_review_full f;
		xf_review_row *rows;
		int nrows;
		rc = xf_review_results_in_tx(c, ids[i], &f, &rows, &nrows);
		for (int k = 0; rc == XF_OK && k < nrows; k++) {
			if (rows[k].p->member_id != member_id)
				continue;
			int max = 0;
			for (int j = 0; j < f.r.ncrit; j++)
				max += f.r.crit[j].max_x10;
			out->reviews[out->nreviews++] = (xf_duty_report_review){
			    f.r.title,          f.r.held_on,
			    rows[k].rank,       nrows,
			    rows[k].total_x10,  max,
			    rows[k].grade_title};
			break;
		}
	}
	c->scope = saved;
	return rc;
}

int xf_duty_report_read(xf_ctx *c, int64_t member_id, int year,
                        xf_duty_report *out)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	int rc;
	XF_READ_TX(c, rc,
	           report_tx(c, member_id, year, out) == XF_OK
	               ? report_reviews(c, member_id, year, out)
	               : c->err.kind);
	return rc;
}
