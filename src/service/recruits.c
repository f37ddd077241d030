/*
 * recruits.c (service) - 发展党员: entering the procedure, recording the
 * steps after the rules allow them, the member record at the approval and
 * at the conversion, the lists with what is due, the person's file.
 */
#include "service/recruits.h"

#include "base/date.h"
#include "base/phone.h"
#include "domain/idnum.h"
#include "service/members.h"
#include "service/snapshot.h"
#include "store/members.h"

#include <string.h>

static const xf_record recruit_rec = {
    "发展对象不存在", "只有本支部书记、上级党委或管理员可以管理发展党员", NULL};

int xf_recruit_full_pii(const xf_ctx *c, const xf_recruit *r)
{
	return !c->scope || xf_scope_sees_pii(c->scope, r->org_path);
}

/* Loads a recruit; reads and writes both need the right to manage its
 * organization (the person's file is not public to the branch): out of
 * it, the recruit is not found (404). */
static int load(xf_ctx *c, int64_t id, xf_recruit *r)
{
	memset(r, 0, sizeof *r);
	int found = xf_store_recruit_get(c->db, c->a, id, r);
	if (found == XF_DB_ROW && !xf_can_write(c, r->org_path))
		found = XF_DB_DONE;
	return xf_loaded(c, found, found == XF_DB_ROW ? r->org_path : NULL,
	                 XF_FOR_WRITE, &recruit_rec);
}

/* The domain's record of an entry; -1 when its step or date is unknown. */
static int to_rec(const xf_recruit_entry *e, xf_recruit_rec *out)
{
	memset(out, 0, sizeof *out);
	out->step = xf_recruit_step_of(e->step);
	if (out->step < 0 || xf_date_parse(e->done_on, &out->on) != 0)
		return -1;
	out->assessments = e->assessments;
	out->reports = e->reports;
	out->training_days = e->training_days;
	out->training_hours = e->training_hours;
	out->members = e->members;
	out->absent = e->absent;
	out->present = e->present;
	out->yes = e->yes;
	out->extend_months = e->extend_months;
	return 0;
}

/* The domain's file of d's steps, in recs (room for d->n + 1). */
static void to_file(const xf_recruit_detail *d, xf_recruit_rec *recs,
                    xf_recruit_file *f)
{
	memset(f, 0, sizeof *f);
	xf_date_parse(d->r.birth_date, &f->birth);
	f->recs = recs;
	for (int i = 0; i < d->n; i++)
		if (to_rec(&d->steps[i], &recs[f->n]) == 0)
			f->n++;
}

static void fill_days_left(xf_ctx *c, xf_recruit *r)
{
	xf_date due;
	if (r->due_on && xf_date_parse(r->due_on, &due) == 0)
		r->days_left = (int)(xf_date_days(due) -
		                     xf_date_days(xf_date_today(c->now)));
}

/* Sets d's stage, next and due fields and its timeline from f. */
static int derive(xf_ctx *c, const xf_recruit_file *f, xf_recruit_detail *d)
{
	xf_recruit *r = &d->r;
	xf_recruit_due due;
	xf_recruit_next(f, xf_date_today(c->now), &due);
	int stage = xf_recruit_stage(f);
	r->stage = xf_recruit_stages[stage < 0 ? 0 : stage].code;
	r->next_step = due.next >= 0 ? xf_recruit_steps[due.next].code : NULL;
	r->due_step =
	    due.due_step >= 0 ? xf_recruit_steps[due.due_step].code : NULL;
	r->due_on = NULL;
	if (due.due_on.y) {
		char s[11];
		xf_date_format(due.due_on, s);
		r->due_on = xf_arena_strdup(c->a, s);
		if (!r->due_on)
			return xf_oom(c);
	}
	r->due_deadline = due.deadline;
	r->days_left = due.days_left;
	for (int s = 0; s < XF_RS_COUNT; s++) {
		xf_recruit_line *l = &d->lines[s];
		l->step = xf_recruit_steps[s].code;
		l->phase = xf_recruit_table[s].phase;
		l->done_on = NULL;
		const xf_recruit_rec *cur = xf_recruit_current(f, s);
		if (cur) {
			char on[11];
			xf_date_format(cur->on, on);
			l->done_on = xf_arena_strdup(c->a, on);
			if (!l->done_on)
				return xf_oom(c);
		}
		l->state = cur              ? "done"
		           : s == due.next  ? "next"
		           : due.allowed[s] ? "open"
		                            : "locked";
	}
	d->may_see_pii = xf_recruit_full_pii(c, r);
	return XF_OK;
}

/* Loads the steps of d->r and derives the rest. */
static int load_detail(xf_ctx *c, xf_recruit_detail *d)
{
	int drc =
	    xf_store_recruit_steps(c->db, c->a, d->r.id, &d->steps, &d->n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_recruit_rec *recs =
	    xf_arena_calloc(c->a, (size_t)d->n + 1, sizeof *recs);
	if (!recs)
		return xf_oom(c);
	xf_recruit_file f;
	to_file(d, recs, &f);
	return derive(c, &f, d);
}

/* Checks e against f; a refusal is 422 with code "rule". */
static int check(xf_ctx *c, const xf_recruit_file *f, const xf_recruit_rec *r)
{
	xf_recruit_verdict v;
	if (xf_recruit_check(f, r, xf_date_today(c->now), &v) == 0)
		return XF_OK;
	const char *msg = xf_arena_strdup(c->a, v.message);
	return xf_fail(c, XF_E_INVALID, "rule",
	               msg ? msg : "不符合发展党员规定", v.field);
}

/* The person's data against the roster's rules (as members' are). */
static int check_person(xf_ctx *c, xf_recruit *r)
{
	xf_date birth;
	int male = 0;
	int e = xf_idnum_check(r->id_number, &birth, &male);
	if (e != XF_IDNUM_OK)
		return xf_fail(c, XF_E_INVALID, "invalid_field",
		               xf_idnum_error_text(e), "id_number");
	if (xf_date_cmp(birth, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "身份证号码中的出生日期晚于今天",
		                  "id_number");
	if (strcmp(r->gender, male ? "male" : "female") != 0)
		return xf_invalid(c, "性别与身份证号码不一致", "gender");
	if (!xf_phone_is_mobile(r->phone))
		return xf_invalid(c, "手机号码应为11位大陆手机号", "phone");
	char b[11];
	xf_date_format(birth, b);
	r->birth_date = xf_arena_strdup(c->a, b);
	return r->birth_date ? XF_OK : xf_oom(c);
}

static int insert_step(xf_ctx *c, xf_recruit_detail *d, xf_recruit_entry *e)
{
	e->recruit_id = d->r.id;
	e->created_by = c->user_id;
	int drc = xf_store_recruit_step_insert(c->db, e, c->now);
	return xf_audit_db(c, drc, "create", "recruit_step", e->id,
	                   d->r.org_path, NULL, xf_snap_recruit_entry(c->a, e));
}

static int create_tx(xf_ctx *c, const xf_recruit_input *in,
                     xf_recruit_detail *d)
{
	memset(d, 0, sizeof *d);
	xf_org o;
	int rc = xf_org_named(c, in->org_id, "所属组织不存在", "org_id", &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, o.path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               recruit_rec.forbidden, "org_id");
	xf_recruit *r = &d->r;
	XF_SET_ORG(r, o);
	r->name = in->name;
	r->gender = in->gender;
	r->id_number = in->id_number;
	r->phone = in->phone;
	r->created_by = c->user_id;
	rc = check_person(c, r);
	if (rc != XF_OK)
		return rc;
	int64_t member = 0;
	int drc = xf_store_member_by_idnum(c->db, r->id_number, &member);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (member)
		return xf_fail(c, XF_E_CONFLICT, "id_number_taken",
		               "该身份证号码已登记为党员", "id_number");
	xf_recruit_entry e = {
	    .step = "apply", .done_on = in->applied_on, .note = in->note};
	xf_recruit_rec rec;
	xf_recruit_file f = {.birth = {0, 0, 0}};
	if (to_rec(&e, &rec) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "applied_on");
	xf_date_parse(r->birth_date, &f.birth);
	rc = check(c, &f, &rec);
	if (rc != XF_OK) {
		if (c->err.field && strcmp(c->err.field, "done_on") == 0)
			c->err.field = "applied_on";
		return rc;
	}
	f.recs = &rec;
	f.n = 1;
	rc = derive(c, &f, d);
	if (rc != XF_OK)
		return rc;
	drc = xf_store_recruit_insert(c->db, r, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "id_number_taken",
		               "该身份证号码已在发展党员程序中", "id_number");
	rc = xf_audit_db(c, drc, "create", "recruit", r->id, r->org_path, NULL,
	                 xf_snap_recruit(c->a, r));
	if (rc == XF_OK)
		rc = insert_step(c, d, &e);
	if (rc != XF_OK)
		return rc;
	return load_detail(c, d);
}

int xf_recruit_create(xf_ctx *c, const xf_recruit_input *in,
                      xf_recruit_detail *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int read_tx(xf_ctx *c, int64_t id, xf_recruit_detail *d)
{
	memset(d, 0, sizeof *d);
	int rc = load(c, id, &d->r);
	return rc == XF_OK ? load_detail(c, d) : rc;
}

int xf_recruit_read(xf_ctx *c, int64_t id, xf_recruit_detail *out)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out));
}

/* The member record at the approval (预备党员) and at the conversion. */
static int member_of(xf_ctx *c, xf_recruit_detail *d, const xf_recruit_rec *r,
                     const xf_recruit_file *f)
{
	xf_member m;
	if (r->step == XF_RS_APPROVAL && !d->r.member_id) {
		xf_member_input in = {
		    .name = d->r.name,
		    .gender = d->r.gender,
		    .id_number = d->r.id_number,
		    .phone = d->r.phone,
		    .status = "probationary",
		    .joined_on = d->steps[d->n - 1].done_on,
		    .org_id = d->r.org_id,
		};
		int rc = xf_member_create_in_tx(c, &in, &m);
		if (rc == XF_OK)
			d->r.member_id = m.id;
		return rc;
	}
	if (r->step == XF_RS_CONV_APPROVAL && r->extend_months == 0 &&
	    d->r.member_id) {
		char end[11];
		xf_date_format(xf_recruit_probation_end(f), end);
		xf_member_input in = {
		    .status = "full",
		    .full_on = xf_arena_strdup(c->a, end),
		    .has_status = 1,
		    .has_full_on = 1,
		};
		if (!in.full_on)
			return xf_oom(c);
		return xf_member_update_in_tx(c, d->r.member_id, &in, &m);
	}
	return XF_OK;
}

static int record_tx(xf_ctx *c, int64_t id, xf_recruit_entry *e,
                     xf_recruit_detail *d)
{
	memset(d, 0, sizeof *d);
	int rc = load(c, id, &d->r);
	if (rc == XF_OK)
		rc = load_detail(c, d);
	if (rc != XF_OK)
		return rc;
	if (d->n >= XF_RECRUIT_STEPS_MAX)
		return xf_fail(c, XF_E_CONFLICT, "too_many_steps",
		               "记录的步骤过多", "step");
	xf_recruit_rec rec;
	if (to_rec(e, &rec) != 0)
		return xf_invalid(c, "步骤不在可选范围内", "step");
	xf_recruit_rec *recs =
	    xf_arena_calloc(c->a, (size_t)d->n + 1, sizeof *recs);
	if (!recs)
		return xf_oom(c);
	xf_recruit_file f;
	to_file(d, recs, &f);
	rc = check(c, &f, &rec);
	if (rc != XF_OK)
		return rc;
	rc = insert_step(c, d, e);
	if (rc != XF_OK)
		return rc;
	recs[f.n++] = rec;
	/* the new entry last, as the store will order it on the next read
	 * (entries of one day keep their order by id) */
	xf_recruit_entry *steps =
	    xf_arena_calloc(c->a, (size_t)d->n + 1, sizeof *steps);
	if (!steps)
		return xf_oom(c);
	memcpy(steps, d->steps, (size_t)d->n * sizeof *steps);
	steps[d->n++] = *e;
	d->steps = steps;
	rc = member_of(c, d, &rec, &f);
	if (rc != XF_OK)
		return rc;
	rc = load_detail(c, d);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_recruit_update_state(c->db, &d->r, c->now);
	return drc == XF_DB_OK ? XF_OK : xf_fail_db(c, drc);
}

int xf_recruit_record(xf_ctx *c, int64_t id, xf_recruit_entry *e,
                      xf_recruit_detail *out)
{
	XF_RETURN_WRITE_TX(c, record_tx(c, id, e, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, const char *stage, int due_only,
                   int offset, int limit, xf_recruit **out, int *n,
                   int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	/* an organization named must be one the caller manages */
	static const xf_record org = {"组织不存在", NULL, "org"};
	if (org_id && !xf_can_write(c, r.lo[0]))
		return xf_loaded(c, XF_DB_DONE, NULL, XF_FOR_READ, &org);
	rc = xf_from_db(c,
	                xf_store_recruit_list(c->db, c->a, &r, stage, due_only,
	                                      offset, limit, out, n, total));
	for (int i = 0; rc == XF_OK && i < *n; i++)
		fill_days_left(c, &(*out)[i]);
	return rc;
}

int xf_recruit_list(xf_ctx *c, int64_t org_id, const char *stage, int due_only,
                    int offset, int limit, xf_recruit **out, int *n,
                    int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, list_tx(c, org_id, stage, due_only, offset, limit,
	                             out, n, total));
}

static int load_subject(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
                        const char **org_path)
{
	(void)mode;
	xf_recruit r;
	int rc = load(c, id, &r);
	if (rc == XF_OK) {
		*org_id = r.org_id;
		*org_path = r.org_path;
	}
	return rc;
}

const xf_attachment_subject xf_recruit_files = {
    "recruit", 100, "每名发展对象最多上传 100 个材料", .load = load_subject};
