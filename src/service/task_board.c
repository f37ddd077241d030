/*
 * task_board.c (service) - the 晒绩 board of the organizations ranked by
 * the on-time completion of their year's tasks, and the year-end
 * acceptance (年终考核验收) of a task by a committee above it.
 */
#include "service/task_board.h"

#include "domain/tasks.h"
#include "service/snapshot.h"
#include "service/tasks_int.h"

#include <stdlib.h>
#include <string.h>

static int rank_cmp(const void *pa, const void *pb)
{
	const xf_task_rank *a = pa, *b = pb;
	xf_board_row x = {a->t.org_id, a->t.tasks,   a->t.due,
	                  a->t.done,   a->t.on_time, a->t.percent_sum};
	xf_board_row y = {b->t.org_id, b->t.tasks,   b->t.due,
	                  b->t.done,   b->t.on_time, b->t.percent_sum};
	return xf_task_board_cmp(&x, &y);
}

/* The tallies of the caller's scope or org_id; *nt stays -1 when nothing
 * is in scope. */
static int tally_tx(xf_ctx *c, int64_t org_id, int year, xf_task_tally **t,
                    int *nt)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	return xf_from_db(c, xf_store_task_tally(c->db, c->a, &r, year,
	                                         xf_today(c), 2000, t, nt));
}

int xf_task_board(xf_ctx *c, int64_t org_id, int year, xf_task_rank **out,
                  int *n)
{
	*n = 0;
	*out = NULL;
	xf_task_tally *t = NULL;
	int nt = -1;
	int rc;
	XF_READ_TX(c, rc, tally_tx(c, org_id, year, &t, &nt));
	if (rc != XF_OK || nt < 0)
		return rc;
	*out = xf_arena_calloc(c->a, (size_t)nt + 1, sizeof **out);
	if (!*out)
		return xf_oom(c);
	for (int i = 0; i < nt; i++) {
		xf_task_rank *k = &(*out)[i];
		k->t = t[i];
		k->on_time_permille =
		    xf_task_on_time_permille(t[i].on_time, t[i].due);
		k->avg_percent =
		    t[i].tasks ? (int)(t[i].percent_sum / t[i].tasks) : 0;
		k->avg_score_x10 =
		    t[i].accepted
		        ? (int)((t[i].score_sum * 10 + t[i].accepted / 2) /
		                t[i].accepted)
		        : -1;
	}
	qsort(*out, (size_t)nt, sizeof **out, rank_cmp);
	for (int i = 0; i < nt; i++) {
		xf_task_rank *k = &(*out)[i];
		if (i > 0) {
			xf_board_row x = {0,
			                  k[-1].t.tasks,
			                  k[-1].t.due,
			                  k[-1].t.done,
			                  k[-1].t.on_time,
			                  k[-1].t.percent_sum};
			xf_board_row y = {
			    0,         k->t.tasks,   k->t.due,
			    k->t.done, k->t.on_time, k->t.percent_sum};
			k->rank =
			    xf_task_board_tie(&x, &y) ? k[-1].rank : i + 1;
		} else {
			k->rank = 1;
		}
	}
	*n = nt;
	return XF_OK;
}

static int accept_tx(xf_ctx *c, int64_t id, int score, const char *comment,
                     xf_acceptance *x, xf_task *t)
{
	int rc = xf_task_load(c, id, t);
	if (rc != XF_OK)
		return rc;
	if (!xf_committee_over(c, t->org_path, 0))
		return xf_forbidden(c, "只有上级机关工委可以考核验收该任务");
	xf_acceptance old;
	int drc = xf_store_acceptance_get(c->db, c->a, id, &old);
	if (drc != XF_DB_ROW && drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	const char *before =
	    drc == XF_DB_ROW ? xf_snap_acceptance(c->a, &old, t) : NULL;
	memset(x, 0, sizeof *x);
	x->task_id = id;
	x->org_id = t->org_id;
	x->org_path = t->org_path;
	x->year = t->year;
	x->score = score;
	x->comment = comment;
	x->user_id = c->user_id;
	x->username = c->username ? c->username : "";
	x->at = c->now;
	drc = xf_store_acceptance_put(c->db, x);
	return xf_audit_db(c, drc, before ? "update" : "create",
	                   "task_acceptance", id, t->org_path, before,
	                   xf_snap_acceptance(c->a, x, t));
}

int xf_task_accept(xf_ctx *c, int64_t id, int score, const char *comment,
                   xf_acceptance *out, xf_task *task)
{
	XF_RETURN_WRITE_TX(c, accept_tx(c, id, score, comment, out, task));
}
