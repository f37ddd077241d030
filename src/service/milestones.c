/*
 * milestones.c (service) - the time nodes (时间节点) of a task: their
 * status on a day, the checks against the task's dates, and adding,
 * changing and removing one, each followed by the roll-up up the cascade.
 */
#include "service/milestones.h"

#include "domain/tasks.h"
#include "service/snapshot.h"
#include "service/tasks_int.h"

#include <string.h>

int xf_milestone_status_on(const xf_milestone *m, xf_date today)
{
	return xf_milestone_status_at(today, xf_task_day(m->due_on),
	                              m->done_on != NULL);
}

int xf_milestone_is_late(const xf_milestone *m, xf_date today)
{
	return xf_milestone_late(today, xf_task_day(m->due_on),
	                         m->done_on != NULL, xf_task_day(m->done_on));
}

xf_milestone_facts xf_milestone_facts_on(const xf_milestone *m, xf_date today)
{
	xf_milestone_facts f = {
	    .status =
	        xf_milestone_status_name(xf_milestone_status_on(m, today)),
	    .late = xf_milestone_is_late(m, today),
	};
	return f;
}

/* Checks a milestone against its task's dates. prefix: "milestones[i]"
 * for a milestone inside a task's body, NULL for a milestone's own. */
int xf_milestone_check(xf_ctx *c, const char *start_on, const char *due_on,
                       const char *ms_due, const char *ms_done,
                       const char *prefix)
{
	if (strcmp(ms_due, start_on) < 0 || strcmp(ms_due, due_on) > 0)
		return xf_invalid(
		    c, "时间节点应在任务起止日期之间",
		    prefix ? xf_arena_printf(c->a, "%s.due_on", prefix)
		           : "due_on");
	if (ms_done && strcmp(ms_done, xf_today(c)) > 0)
		return xf_invalid(
		    c, "完成日期不能晚于今天",
		    prefix ? xf_arena_printf(c->a, "%s.done_on", prefix)
		           : "done_on");
	return XF_OK;
}

int xf_milestone_insert(xf_ctx *c, const xf_task *t, int seq,
                        const xf_milestone_input *in, int64_t source_id,
                        xf_milestone *m)
{
	memset(m, 0, sizeof *m);
	m->task_id = t->id;
	m->org_path = t->org_path;
	m->seq = seq;
	m->title = in->title;
	m->deliverable = in->deliverable;
	m->due_on = in->due_on;
	m->done_on = in->done_on;
	m->weight = in->weight > 0 ? in->weight : 1;
	m->source_id = source_id;
	int drc = xf_store_milestone_insert(c->db, m, c->now);
	return xf_from_db(c, drc);
}

int xf_milestone_find(xf_ctx *c, int64_t task_id, int64_t id,
                      xf_milestone **out)
{
	xf_milestone *ms;
	int nms;
	int drc = xf_store_milestone_list(c->db, c->a, task_id, &ms, &nms);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < nms; i++)
		if (ms[i].id == id) {
			*out = &ms[i];
			return XF_OK;
		}
	return XF_E_NOT_FOUND;
}

static int ms_add_tx(xf_ctx *c, int64_t task_id, const xf_milestone_input *in,
                     xf_milestone *m)
{
	xf_task t;
	int rc = xf_task_load_for(c, task_id, XF_FOR_WRITE, &t);
	if (rc == XF_OK)
		rc = xf_milestone_check(c, t.start_on, t.due_on, in->due_on,
		                        in->done_on, NULL);
	if (rc != XF_OK)
		return rc;
	xf_milestone *ms;
	int nms;
	int drc = xf_store_milestone_list(c->db, c->a, task_id, &ms, &nms);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (nms >= XF_TASK_MAX_MILESTONES)
		return xf_invalid(c, "时间节点过多", "due_on");
	int seq = nms ? ms[nms - 1].seq + 1 : 1;
	rc = xf_milestone_insert(c, &t, seq, in, 0, m);
	if (rc == XF_OK)
		rc = xf_task_roll_chain(c, task_id);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "create", "milestone", m->id, t.org_path, NULL,
	                xf_snap_milestone(c->a, m, xf_date_today(c->now)));
}

int xf_milestone_add(xf_ctx *c, int64_t task_id, const xf_milestone_input *in,
                     xf_milestone *out)
{
	XF_RETURN_WRITE_TX(c, ms_add_tx(c, task_id, in, out));
}

static int ms_load(xf_ctx *c, int64_t task_id, int64_t id, xf_task *t,
                   xf_milestone **m)
{
	int rc = xf_task_load_for(c, task_id, XF_FOR_WRITE, t);
	if (rc != XF_OK)
		return rc;
	rc = xf_milestone_find(c, task_id, id, m);
	if (rc == XF_E_NOT_FOUND)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "时间节点不存在",
		               NULL);
	return rc;
}

static int ms_update_tx(xf_ctx *c, int64_t task_id, int64_t id,
                        const xf_milestone_input *in, xf_milestone *out)
{
	xf_task t;
	xf_milestone *m;
	int rc = ms_load(c, task_id, id, &t, &m);
	if (rc != XF_OK)
		return rc;
	xf_date today = xf_date_today(c->now);
	const char *before = xf_snap_milestone(c->a, m, today);
	if (in->has_done_on && m->copies > 0)
		return xf_fail(c, XF_E_CONFLICT, "derived_milestone",
		               "该时间节点已下达，由下级任务完成情况汇总",
		               "done_on");
	XF_TAKE(m, in, title);
	XF_TAKE(m, in, deliverable);
	XF_TAKE(m, in, due_on);
	XF_TAKE(m, in, done_on);
	if (in->has_weight)
		m->weight = in->weight > 0 ? in->weight : 1;
	rc = xf_milestone_check(c, t.start_on, t.due_on, m->due_on,
	                        in->has_done_on ? m->done_on : NULL, NULL);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_milestone_update(c->db, m, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	/* a copy's source belongs to the parent task: the chain reaches it */
	rc = xf_task_roll_chain(c, task_id);
	if (rc != XF_OK)
		return rc;
	*out = *m;
	return xf_audit(c, "update", "milestone", id, t.org_path, before,
	                xf_snap_milestone(c->a, m, today));
}

int xf_milestone_update(xf_ctx *c, int64_t task_id, int64_t id,
                        const xf_milestone_input *in, xf_milestone *out)
{
	XF_RETURN_WRITE_TX(c, ms_update_tx(c, task_id, id, in, out));
}

static int ms_remove_tx(xf_ctx *c, int64_t task_id, int64_t id)
{
	xf_task t;
	xf_milestone *m;
	int rc = ms_load(c, task_id, id, &t, &m);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_milestone_delete(c->db, id);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = xf_task_roll_chain(c, task_id);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "delete", "milestone", id, t.org_path,
	                xf_snap_milestone(c->a, m, xf_date_today(c->now)),
	                NULL);
}

int xf_milestone_remove(xf_ctx *c, int64_t task_id, int64_t id)
{
	XF_RETURN_WRITE_TX(c, ms_remove_tx(c, task_id, id));
}
