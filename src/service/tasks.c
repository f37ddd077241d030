/*
 * tasks.c (service) - tasks on the chart: validation against the calendar,
 * scope, cascades, progress, the roll-up up the cascade, lists and
 * reminders. Milestones are in milestones.c, the board and acceptance in
 * task_board.c; what they share with this file is in tasks_int.h. The rules of
 * status and completion live in domain/tasks.c; this file feeds them from the
 * store and keeps their results on the task rows (see schema_v4.c).
 */
#include "service/tasks.h"

#include "domain/tasks.h"
#include "service/point_records.h"
#include "service/snapshot.h"
#include "service/tasks_int.h"
#include "store/orgs.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CHILDREN 5000

static const xf_record task_record = {"任务不存在", "无权修改该组织的任务",
                                      NULL};

/* Parses a stored date; an unreadable one counts as 1970-01-01. */
xf_date xf_task_day(const char *s)
{
	xf_date d = {1970, 1, 1};
	if (s)
		xf_date_parse(s, &d);
	return d;
}

static const char *day_str(xf_ctx *c, xf_date d)
{
	char b[11];
	xf_date_format(d, b);
	return xf_arena_strdup(c->a, b);
}

/* The rolled-up facts of a stored task, as the domain reads them. */
static void stored_roll(const xf_task *t, xf_task_roll *r)
{
	memset(r, 0, sizeof *r);
	r->percent = t->percent;
	r->done = t->done_on != NULL;
	if (r->done)
		r->done_on = xf_task_day(t->done_on);
	r->started = t->started;
	r->late = t->late;
	r->has_next = t->due_next != NULL;
	if (r->has_next)
		r->next = xf_task_day(t->due_next);
	r->has_own_next = t->own_next != NULL;
	if (r->has_own_next)
		r->own_next = xf_task_day(t->own_next);
}

int xf_task_status_on(const xf_task *t, xf_date today)
{
	xf_task_roll r;
	stored_roll(t, &r);
	return xf_task_status_at(today, &r);
}

int xf_task_done_on_time(const xf_task *t)
{
	xf_task_roll r;
	stored_roll(t, &r);
	return xf_task_on_time(&r, xf_task_day(t->due_on));
}

xf_task_facts xf_task_facts_on(const xf_task *t, xf_date today)
{
	int status = xf_task_status_on(t, today);
	xf_task_facts f = {
	    .status = xf_task_status_name(status),
	    .status_title = xf_task_status_title(status),
	    .on_time = t->done_on ? xf_task_done_on_time(t) : 0,
	};
	return f;
}

/* ---- loading with scope -------------------------------------------------*/

/* Loads a task, 404 when missing, whoever the caller: for reloads and
 * for use cases that check other rights. */
int xf_task_load(xf_ctx *c, int64_t id, xf_task *t)
{
	int found = xf_store_task_get(c->db, c->a, id, t);
	return found == XF_DB_ROW
	           ? XF_OK
	           : xf_loaded(c, found, NULL, XF_FOR_READ, &task_record);
}

/* Loads a task to read it or to change it (mode, as xf_loaded). */
int xf_task_load_for(xf_ctx *c, int64_t id, int mode, xf_task *t)
{
	int found = xf_store_task_get(c->db, c->a, id, t);
	return xf_loaded(c, found, found == XF_DB_ROW ? t->org_path : NULL,
	                 mode, &task_record);
}

/* The organization a task is assigned to: it must exist, be writable by
 * the caller and be open. */
static int task_org(xf_ctx *c, int64_t org_id, const char *field, xf_org *o)
{
	int rc = xf_org_named(c, org_id, "组织不存在", field, o);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, o->path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权为该组织部署任务", field);
	if (o->closed_on)
		return xf_invalid(c, "该组织已撤销，不能部署新任务", field);
	return XF_OK;
}

/* ---- roll-up --------------------------------------------------------------*/

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/*
 * Rolls one task up from its milestones (those cascaded below take their
 * done day from their copies) and its children, and writes the result
 * when it changed. Sets *parent to the task's parent (0 for a root).
 */
static int roll_one(xf_ctx *c, int64_t id, int64_t *parent)
{
	xf_date today = xf_date_today(c->now);
	xf_task t;
	int rc = xf_task_load(c, id, &t);
	if (rc != XF_OK)
		return rc;
	*parent = t.parent_id;
	xf_milestone *ms;
	xf_task *ch;
	int nms, nch;
	int drc = xf_store_milestone_list(c->db, c->a, id, &ms, &nms);
	if (drc == XF_DB_OK)
		drc = xf_store_task_children(c->db, c->a, id, MAX_CHILDREN, &ch,
		                             &nch);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_ms_state *mst = xf_arena_calloc(c->a, (size_t)nms + 1, sizeof *mst);
	xf_child_state *cst =
	    xf_arena_calloc(c->a, (size_t)nch + 1, sizeof *cst);
	if (!mst || !cst)
		return xf_oom(c);
	for (int i = 0; i < nms; i++) {
		xf_milestone *m = &ms[i];
		if (m->copies > 0) {
			const char *d =
			    m->copies_open ? NULL : m->copies_done_max;
			if (!same(d, m->done_on)) {
				m->done_on = d;
				drc =
				    xf_store_milestone_update(c->db, m, c->now);
				if (drc != XF_DB_OK)
					return xf_fail_db(c, drc);
			}
		}
		mst[i].due_on = xf_task_day(m->due_on);
		mst[i].done = m->done_on != NULL;
		mst[i].done_on = xf_task_day(m->done_on);
		mst[i].weight = m->weight;
	}
	if ((rc = xf_point_records_of_task(c, id, t.org_id, t.org_path, ms,
	                                   nms)))
		return rc;
	for (int i = 0; i < nch; i++) {
		xf_task_roll r;
		stored_roll(&ch[i], &r);
		cst[i].weight = ch[i].weight;
		cst[i].percent = r.percent;
		cst[i].done = r.done;
		cst[i].started = r.started;
		cst[i].late = r.late;
		cst[i].has_next = r.has_next;
		cst[i].next = r.next;
	}
	xf_task_own own = {.due_on = xf_task_day(t.due_on),
	                   .reported = t.reported,
	                   .reported_percent = t.reported_percent,
	                   .was_done = t.done_on != NULL,
	                   .done_on = xf_task_day(t.done_on)};
	xf_task_roll r;
	xf_task_roll_up(today, &own, mst, nms, cst, nch, &r);
	xf_task n = t;
	n.percent = r.percent;
	n.started = r.started;
	n.late = r.late;
	n.done_on = r.done ? day_str(c, r.done_on) : NULL;
	n.due_next = r.has_next ? day_str(c, r.next) : NULL;
	n.own_next = r.has_own_next ? day_str(c, r.own_next) : NULL;
	if (n.percent == t.percent && n.started == t.started &&
	    n.late == t.late && same(n.done_on, t.done_on) &&
	    same(n.due_next, t.due_next) && same(n.own_next, t.own_next))
		return XF_OK;
	drc = xf_store_task_set_roll(c->db, &n, c->now);
	return xf_from_db(c, drc);
}

/* Rolls a task up, then every task above it up to its root. */
int xf_task_roll_chain(xf_ctx *c, int64_t id)
{
	for (int depth = 0; id && depth < 64; depth++) {
		int64_t parent = 0;
		int rc = roll_one(c, id, &parent);
		if (rc != XF_OK)
			return rc;
		id = parent;
	}
	return XF_OK;
}

/* ---- create -------------------------------------------------------------*/

static int check_dates(xf_ctx *c, const char *start_on, const char *due_on)
{
	if (strcmp(start_on, due_on) > 0)
		return xf_invalid(c, "截止日期不能早于开始日期", "due_on");
	return XF_OK;
}

int xf_task_create_tx(xf_ctx *c, const xf_task_input *in, xf_task *t)
{
	xf_org o;
	int rc = task_org(c, in->org_id, "org_id", &o);
	if (rc == XF_OK)
		rc = check_dates(c, in->start_on, in->due_on);
	for (int i = 0; rc == XF_OK && i < in->nmilestones; i++)
		rc = xf_milestone_check(
		    c, in->start_on, in->due_on, in->milestones[i].due_on,
		    in->milestones[i].done_on,
		    xf_arena_printf(c->a, "milestones[%d]", i));
	if (rc != XF_OK)
		return rc;
	memset(t, 0, sizeof *t);
	XF_SET_ORG(t, o);
	t->org_kind = o.kind;
	t->plan_id = in->plan_id;
	t->plan_item_id = in->plan_item_id;
	t->year = in->year ? in->year : xf_task_day(in->due_on).y;
	t->title = in->title;
	t->description = in->description;
	t->owner = in->owner;
	t->start_on = in->start_on;
	t->due_on = in->due_on;
	t->weight = in->weight > 0 ? in->weight : 1;
	t->created_by = c->user_id;
	int drc = xf_store_task_insert(c->db, t, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < in->nmilestones; i++) {
		xf_milestone m;
		rc =
		    xf_milestone_insert(c, t, i + 1, &in->milestones[i], 0, &m);
		if (rc != XF_OK)
			return rc;
	}
	rc = xf_task_roll_chain(c, t->id);
	if (rc == XF_OK)
		rc = xf_task_load(c, t->id, t);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "create", "task", t->id, t->org_path, NULL,
	                xf_snap_task(c->a, t, xf_date_today(c->now)));
}

int xf_task_create(xf_ctx *c, const xf_task_input *in, xf_task *out)
{
	XF_RETURN_WRITE_TX(c, xf_task_create_tx(c, in, out));
}

/* ---- read ---------------------------------------------------------------*/

static int read_tx(xf_ctx *c, int64_t id, xf_task *out, xf_milestone **ms,
                   int *nms, xf_acceptance *acc)
{
	int rc = xf_task_load_for(c, id, XF_FOR_READ, out);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_milestone_list(c->db, c->a, id, ms, nms);
	memset(acc, 0, sizeof *acc);
	if (drc == XF_DB_OK) /* no acceptance yet is fine */
		drc = xf_db_done(xf_store_acceptance_get(c->db, c->a, id, acc));
	return xf_from_db(c, drc);
}

int xf_task_read(xf_ctx *c, int64_t id, xf_task *out, xf_milestone **ms,
                 int *nms, xf_acceptance *acc)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out, ms, nms, acc));
}

/* ---- update, delete -----------------------------------------------------*/

static int update_tx(xf_ctx *c, int64_t id, const xf_task_input *in, xf_task *t)
{
	int rc = xf_task_load_for(c, id, XF_FOR_WRITE, t);
	if (rc != XF_OK)
		return rc;
	if (in->has_org_id && in->org_id != t->org_id)
		return xf_invalid(c, "任务的责任组织不能修改，请重新下达",
		                  "org_id");
	const char *before = xf_snap_task(c->a, t, xf_date_today(c->now));
	XF_TAKE(t, in, title);
	XF_TAKE(t, in, description);
	XF_TAKE(t, in, owner);
	XF_TAKE(t, in, start_on);
	XF_TAKE(t, in, due_on);
	if (in->has_weight)
		t->weight = in->weight > 0 ? in->weight : 1;
	if (!t->plan_id)
		t->year = xf_task_day(t->due_on).y;
	rc = check_dates(c, t->start_on, t->due_on);
	if (rc != XF_OK)
		return rc;
	xf_milestone *ms;
	int nms;
	int drc = xf_store_milestone_list(c->db, c->a, id, &ms, &nms);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < nms; i++)
		if (strcmp(ms[i].due_on, t->start_on) < 0 ||
		    strcmp(ms[i].due_on, t->due_on) > 0)
			return xf_invalid(c, "已有时间节点超出新的起止日期",
			                  in->has_due_on ? "due_on"
			                                 : "start_on");
	drc = xf_store_task_update(c->db, t, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = xf_task_roll_chain(c, id);
	if (rc == XF_OK)
		rc = xf_task_load(c, id, t);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "update", "task", id, t->org_path, before,
	                xf_snap_task(c->a, t, xf_date_today(c->now)));
}

int xf_task_update(xf_ctx *c, int64_t id, const xf_task_input *in, xf_task *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

int xf_task_remove_tx(xf_ctx *c, int64_t id)
{
	xf_task t;
	int rc = xf_task_load_for(c, id, XF_FOR_WRITE, &t);
	if (rc != XF_OK)
		return rc;
	if (t.child_count > 0)
		return xf_fail(c, XF_E_CONFLICT, "has_children",
		               "该任务已下达到下级组织，请先删除下级任务",
		               NULL);
	int drc = xf_store_task_delete(c->db, id);
	if (drc == XF_DB_OK &&
	    (rc = xf_point_records_of_task(c, id, 0, NULL, NULL, 0)))
		return rc;
	if (drc == XF_DB_OK && t.parent_id)
		drc = xf_store_task_add_children(c->db, t.parent_id, -1);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (t.parent_id && (rc = xf_task_roll_chain(c, t.parent_id)) != XF_OK)
		return rc;
	return xf_audit(c, "delete", "task", id, t.org_path,
	                xf_snap_task(c->a, &t, xf_date_today(c->now)), NULL);
}

int xf_task_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, xf_task_remove_tx(c, id));
}

/* ---- cascade ------------------------------------------------------------*/

static int cascade_tx(xf_ctx *c, int64_t id, const int64_t *org_ids, int n,
                      xf_task *kids)
{
	xf_task p;
	int rc = xf_task_load_for(c, id, XF_FOR_WRITE, &p);
	if (rc != XF_OK)
		return rc;
	xf_milestone *ms;
	int nms;
	int drc = xf_store_milestone_list(c->db, c->a, id, &ms, &nms);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < i; j++)
			if (org_ids[j] == org_ids[i])
				return xf_invalid(c, "下达组织重复", "org_ids");
		xf_org o;
		rc = xf_org_named(c, org_ids[i], "下达组织不存在", "org_ids",
		                  &o);
		if (rc != XF_OK)
			return rc;
		if (o.id == p.org_id || !xf_path_within(o.path, p.org_path))
			return xf_invalid(
			    c, "只能下达到本任务责任组织的下级组织", "org_ids");
		if (o.closed_on)
			return xf_invalid(c, "该组织已撤销，不能下达任务",
			                  "org_ids");
		int64_t have = 0;
		drc = xf_store_task_child_for_org(c->db, id, o.id, &have);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		if (have)
			return xf_fail(
			    c, XF_E_CONFLICT, "already_cascaded",
			    xf_arena_printf(c->a, "任务已下达到%s", o.name),
			    "org_ids");
		xf_task *k = &kids[i];
		memset(k, 0, sizeof *k);
		k->org_id = o.id;
		k->org_path = o.path;
		k->parent_id = p.id;
		k->root_id = p.root_id ? p.root_id : p.id;
		k->plan_id = p.plan_id;
		k->plan_item_id = p.plan_item_id;
		k->year = p.year;
		k->title = p.title;
		k->description = p.description;
		k->start_on = p.start_on;
		k->due_on = p.due_on;
		k->weight = 1;
		k->created_by = c->user_id;
		drc = xf_store_task_insert(c->db, k, c->now);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		for (int m = 0; m < nms; m++) {
			xf_milestone_input mi = {.title = ms[m].title,
			                         .deliverable =
			                             ms[m].deliverable,
			                         .due_on = ms[m].due_on,
			                         .weight = ms[m].weight};
			xf_milestone copy;
			rc = xf_milestone_insert(c, k, ms[m].seq, &mi, ms[m].id,
			                         &copy);
			if (rc != XF_OK)
				return rc;
		}
		int64_t up;
		rc = roll_one(c, k->id, &up);
		if (rc == XF_OK)
			rc = xf_task_load(c, k->id, k);
		if (rc == XF_OK)
			rc = xf_audit(
			    c, "create", "task", k->id, k->org_path, NULL,
			    xf_snap_task(c->a, k, xf_date_today(c->now)));
		if (rc != XF_OK)
			return rc;
	}
	drc = xf_store_task_add_children(c->db, id, n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_task_roll_chain(c, id);
}

int xf_task_cascade(xf_ctx *c, int64_t id, const int64_t *org_ids, int n,
                    xf_task **out, int *nout)
{
	*nout = 0;
	if (n < 1)
		return xf_invalid(c, "请选择下达组织", "org_ids");
	*out = xf_arena_calloc(c->a, (size_t)n, sizeof **out);
	if (!*out)
		return xf_oom(c);
	int rc;
	XF_WRITE_TX(c, rc, cascade_tx(c, id, org_ids, n, *out));
	if (rc == XF_OK)
		*nout = n;
	return rc;
}

/* ---- progress -----------------------------------------------------------*/

static int report_tx(xf_ctx *c, int64_t id, const xf_progress_input *in,
                     xf_progress *p, xf_task *t)
{
	int rc = xf_task_load_for(c, id, XF_FOR_WRITE, t);
	if (rc != XF_OK)
		return rc;
	const char *today = xf_today(c);
	if (in->milestone_id) {
		xf_milestone *m;
		rc = xf_milestone_find(c, id, in->milestone_id, &m);
		if (rc == XF_E_NOT_FOUND)
			return xf_invalid(c, "该任务没有这个时间节点",
			                  "milestone_id");
		if (rc != XF_OK)
			return rc;
		if (m->copies > 0)
			return xf_fail(
			    c, XF_E_CONFLICT, "derived_milestone",
			    "该时间节点已下达，由下级任务完成情况汇总",
			    "milestone_id");
		if (!m->done_on) {
			m->done_on = today;
			int drc = xf_store_milestone_update(c->db, m, c->now);
			if (drc != XF_DB_OK)
				return xf_fail_db(c, drc);
		}
	}
	int drc = xf_store_task_set_reported(c->db, id, in->percent, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = xf_task_roll_chain(c, id);
	if (rc == XF_OK)
		rc = xf_task_load(c, id, t);
	if (rc != XF_OK)
		return rc;
	if (in->percent == 100 && !t->done_on)
		return xf_invalid(
		    c, "尚有未完成的时间节点或下级任务，不能报告100%",
		    "percent");
	memset(p, 0, sizeof *p);
	p->task_id = id;
	p->org_path = t->org_path;
	p->percent = in->percent;
	p->note = in->note;
	p->milestone_id = in->milestone_id;
	p->evidence = in->evidence;
	p->reported_on = today;
	p->user_id = c->user_id;
	p->username = c->username;
	p->created_at = c->now;
	drc = xf_store_progress_insert(c->db, p);
	return xf_audit_db(c, drc, "report", "task_progress", p->id,
	                   t->org_path, NULL, xf_snap_progress(c->a, p));
}

int xf_task_report(xf_ctx *c, int64_t id, const xf_progress_input *in,
                   xf_progress *out, xf_task *task)
{
	XF_RETURN_WRITE_TX(c, report_tx(c, id, in, out, task));
}

static int reports_tx(xf_ctx *c, int64_t id, xf_progress **out, int *n)
{
	xf_task t;
	int rc = xf_task_load_for(c, id, XF_FOR_READ, &t);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c,
	                  xf_store_progress_list(c->db, c->a, id, 200, out, n));
}

int xf_task_reports(xf_ctx *c, int64_t id, xf_progress **out, int *n)
{
	XF_RETURN_READ_TX(c, reports_tx(c, id, out, n));
}

/* ---- lists --------------------------------------------------------------*/

static int list_tx(xf_ctx *c, const xf_task_query *q, xf_task_filter *f,
                   xf_task_list_page *out)
{
	int rc = xf_list_scope(c, q->org_id, "org", &f->ranges);
	if (rc != XF_OK || f->ranges.n == 0)
		return rc; /* an error, or nothing in scope */
	if (q->org_id && !q->subtree)
		f->org_id = q->org_id;
	int drc = xf_store_task_list(c->db, c->a, f, &out->page);
	if (drc == XF_DB_OK && q->with_milestones) {
		int n = out->page.n;
		out->ms = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *out->ms);
		out->nms =
		    xf_arena_calloc(c->a, (size_t)n + 1, sizeof *out->nms);
		if (!out->ms || !out->nms)
			drc = XF_DB_ERROR;
		for (int i = 0; drc == XF_DB_OK && i < n; i++)
			drc = xf_store_milestone_list(
			    c->db, c->a, out->page.items[i].id, &out->ms[i],
			    &out->nms[i]);
	}
	return xf_from_db(c, drc);
}

int xf_task_list(xf_ctx *c, const xf_task_query *q, xf_task_list_page *out)
{
	memset(out, 0, sizeof *out);
	xf_task_filter f = {.year = q->year,
	                    .plan_id = q->plan_id,
	                    .parent_id = q->parent_id,
	                    .status = q->status,
	                    .q = q->q,
	                    .today = xf_today(c),
	                    .offset = q->offset,
	                    .limit = q->limit};
	XF_RETURN_READ_TX(c, list_tx(c, q, &f, out));
}

/* ---- reminders ----------------------------------------------------------*/

#define MAX_DUE_TASKS 500

static void add_reminder(xf_reminders *out, const xf_task *t,
                         const xf_milestone *m, const char *due, xf_date today)
{
	xf_reminder *r = &out->items[out->n++];
	r->task = t;
	r->milestone = m;
	r->due_on = due;
	r->days_left =
	    (int)(xf_date_days(xf_task_day(due)) - xf_date_days(today));
	r->overdue = r->days_left < 0;
}

static int reminder_cmp(const void *pa, const void *pb)
{
	const xf_reminder *a = pa, *b = pb;
	if (a->overdue != b->overdue)
		return b->overdue - a->overdue;
	int c = strcmp(a->due_on, b->due_on);
	if (c)
		return c;
	return (a->task->id > b->task->id) - (a->task->id < b->task->id);
}

/* What the reminders read in their transaction. */
typedef struct due_read {
	xf_task *ts; /* the tasks due, nt of them */
	int nt;
	xf_milestone **ms; /* each task's milestones, nms[i] of them */
	int *nms;
	int cap;  /* the most reminders they give */
	int none; /* nothing in the caller's scope */
} due_read;

static int due_tx(xf_ctx *c, int64_t org_id, int subtree, const char *until,
                  due_read *d)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	d->none = rc != XF_OK || r.n == 0;
	if (d->none)
		return rc;
	int drc =
	    xf_store_task_due(c->db, c->a, &r, org_id && !subtree ? org_id : 0,
	                      until, MAX_DUE_TASKS, &d->ts, &d->nt);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	d->ms = xf_arena_calloc(c->a, (size_t)d->nt + 1, sizeof *d->ms);
	d->nms = xf_arena_calloc(c->a, (size_t)d->nt + 1, sizeof *d->nms);
	if (!d->ms || !d->nms)
		return xf_oom(c);
	for (int i = 0; drc == XF_DB_OK && i < d->nt; i++) {
		drc = xf_store_milestone_list(c->db, c->a, d->ts[i].id,
		                              &d->ms[i], &d->nms[i]);
		d->cap += d->nms[i] + 1;
	}
	return xf_from_db(c, drc);
}

int xf_task_reminders(xf_ctx *c, int64_t org_id, int subtree, int days,
                      xf_reminders *out)
{
	memset(out, 0, sizeof *out);
	xf_date today = xf_date_today(c->now);
	out->today = day_str(c, today);
	out->until = day_str(c, xf_date_from_days(xf_date_days(today) + days));
	due_read d = {0};
	int rc;
	XF_READ_TX(c, rc, due_tx(c, org_id, subtree, out->until, &d));
	if (rc != XF_OK || d.none)
		return rc;
	xf_task *ts = d.ts;
	int nt = d.nt, cap = d.cap, *nms = d.nms;
	xf_milestone **ms = d.ms;
	out->items = xf_arena_calloc(c->a, (size_t)cap + 1, sizeof *out->items);
	out->owners =
	    xf_arena_calloc(c->a, (size_t)nt + 1, sizeof *out->owners);
	if (!out->items || !out->owners)
		return xf_oom(c);
	/* tasks come by org and owner: one owner entry per run */
	for (int i = 0; i < nt; i++) {
		const xf_task *t = &ts[i];
		int first = out->n;
		for (int k = 0; k < nms[i]; k++)
			if (!ms[i][k].done_on &&
			    strcmp(ms[i][k].due_on, out->until) <= 0)
				add_reminder(out, t, &ms[i][k], ms[i][k].due_on,
				             today);
		if (strcmp(t->due_on, out->until) <= 0)
			add_reminder(out, t, NULL, t->due_on, today);
		if (out->n == first)
			continue;
		xf_reminder_owner *w =
		    out->nowners ? &out->owners[out->nowners - 1] : NULL;
		if (!w || w->org_id != t->org_id || !same(w->owner, t->owner)) {
			w = &out->owners[out->nowners++];
			w->org_id = t->org_id;
			w->org_name = t->org_name;
			w->owner = t->owner;
		}
		for (int k = first; k < out->n; k++) {
			if (out->items[k].overdue)
				w->overdue++;
			else
				w->due_soon++;
		}
	}
	qsort(out->items, (size_t)out->n, sizeof *out->items, reminder_cmp);
	return XF_OK;
}
