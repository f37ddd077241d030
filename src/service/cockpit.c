/*
 * cockpit.c (service) - the cockpit of a subtree (cockpit.h): the
 * quarterly compliance board, the year's compliance for the 第一议题, the
 * 晒绩 board of the year's tasks and the 先锋榜 of members and branches,
 * each read through its own service function; the lagging organizations
 * merged from the red ones and those with overdue tasks.
 */
#include "service/cockpit.h"

#include "base/date.h"
#include "service/live.h"
#include "service/meetings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int popcount(unsigned v)
{
	int n = 0;
	for (; v; v &= v - 1)
		n++;
	return n;
}

/* Worst first: missing kinds plus overdue tasks, red before not, then
 * the tree's order. */
static int cmp_lag(const void *pa, const void *pb)
{
	const xf_cockpit_lag *a = pa, *b = pb;
	int64_t ka = popcount(a->missing) + a->overdue;
	int64_t kb = popcount(b->missing) + b->overdue;
	if (ka != kb)
		return ka > kb ? -1 : 1;
	if (a->red != b->red)
		return b->red - a->red;
	return strcmp(a->path, b->path);
}

/* The name of organization id among the report's, or NULL. */
static const char *name_in(const xf_compliance_report *rep, int64_t id)
{
	for (int i = 0; i < rep->n; i++)
		if (rep->items[i].org->id == id)
			return rep->items[i].org->name;
	return NULL;
}

static int lagging(xf_ctx *c, xf_cockpit *k)
{
	const xf_supervision *q = &k->quarter;
	int max = q->nlagging + k->ntasks;
	k->lagging = xf_arena_calloc(c->a, (size_t)max + 1, sizeof *k->lagging);
	if (!k->lagging)
		return xf_oom(c);
	int n = 0;
	for (int i = 0; i < q->nlagging; i++) {
		const xf_org *o = q->lagging[i]->org;
		k->lagging[n++] = (xf_cockpit_lag){
		    .name = o->name,
		    .path = o->path,
		    .parent_name = name_in(&q->report, o->parent_id),
		    .org_id = o->id,
		    .parent_id = o->parent_id,
		    .red = 1,
		    .missing = q->lagging[i]->c.missing,
		};
	}
	int nred = n;
	for (int i = 0; i < k->ntasks; i++) {
		const xf_task_tally *t = &k->tasks[i].t;
		if (t->overdue <= 0)
			continue;
		int j = 0;
		while (j < nred && k->lagging[j].org_id != t->org_id)
			j++;
		if (j == nred) {
			j = n++;
			k->lagging[j] = (xf_cockpit_lag){
			    .name = t->org_name,
			    .path = t->org_path,
			    .parent_name = t->org_parent_name,
			    .org_id = t->org_id,
			    .parent_id = t->org_parent_id,
			};
		}
		k->lagging[j].overdue = t->overdue;
	}
	qsort(k->lagging, (size_t)n, sizeof *k->lagging, cmp_lag);
	k->lagging_total = n;
	k->nlagging = n < XF_COCKPIT_LAGGING ? n : XF_COCKPIT_LAGGING;
	return XF_OK;
}

int xf_cockpit_read(xf_ctx *c, int64_t org_id, xf_cockpit *out)
{
	memset(out, 0, sizeof *out);
	/* the quarter's board decides the subtree (org_id 0: the widest) */
	int rc = xf_compliance_board(c, org_id, NULL, &out->quarter);
	if (rc != XF_OK)
		return rc;
	out->org = out->quarter.report.root;
	int64_t root = out->org->id;
	out->year = xf_date_today(c->now).y;
	char year[12];
	snprintf(year, sizeof year, "%d", out->year);
	xf_supervision y;
	rc = xf_compliance_board(c, root, year, &y);
	if (rc != XF_OK)
		return rc;
	out->year_total = y.total;
	rc = xf_task_board(c, root, out->year, &out->tasks, &out->ntasks);
	if (rc != XF_OK)
		return rc;
	for (int i = 0; i < out->ntasks; i++) {
		const xf_task_tally *t = &out->tasks[i].t;
		out->tasks_total += t->tasks;
		out->tasks_due += t->due;
		out->tasks_done += t->done;
		out->tasks_on_time += t->on_time;
		out->tasks_overdue += t->overdue;
	}
	rc = xf_board_members(c, root, year, XF_COCKPIT_TOP, &out->members);
	if (rc == XF_OK)
		rc = xf_board_orgs(c, root, "branch", year, "average",
		                   XF_COCKPIT_TOP, &out->branches);
	if (rc != XF_OK)
		return rc;
	return lagging(c, out);
}

static int channel_tx(xf_ctx *c, int64_t org_id, xf_org *o)
{
	const char *lo, *hi;
	return xf_meetings_scope_org(c, org_id, "org", o, &lo, &hi);
}

int xf_cockpit_channel(xf_ctx *c, int64_t org_id, char ch[32], int64_t *org_out)
{
	xf_org o;
	int rc;
	XF_READ_TX(c, rc, channel_tx(c, org_id, &o));
	if (rc != XF_OK)
		return rc;
	*org_out = o.id;
	xf_live_channel(o.id, ch);
	return XF_OK;
}
