/*
 * inbox.c (service) - the caller's inbox (inbox.h), gathered from the
 * compliance board, the task reminders, the claims and the notices.
 */
#include "service/inbox.h"

#include "domain/inbox.h"
#include "service/compliance.h"
#include "service/notices.h"
#include "service/orgs.h"
#include "service/point_claims.h"
#include "service/tasks.h"
#include "service/terms.h"
#include "service/transfers.h"
#include "store/members.h"

#include <stdlib.h>
#include <string.h>

#define CLAIMS_MAX  200
#define NOTICES_MAX 100

typedef struct gather {
	xf_ctx *c;
	xf_date today;
	xf_inbox_item *items;
	int n, cap;
} gather;

/* A new zeroed item at the end of g->items, or NULL. */
static xf_inbox_item *add(gather *g, const char *kind, int64_t org_id)
{
	if (g->n == g->cap) {
		int cap = g->cap ? g->cap * 2 : 32;
		xf_inbox_item *it =
		    xf_arena_calloc(g->c->a, (size_t)cap, sizeof *it);
		if (!it)
			return NULL;
		if (g->n)
			memcpy(it, g->items, (size_t)g->n * sizeof *it);
		g->items = it;
		g->cap = cap;
	}
	xf_inbox_item *it = &g->items[g->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->org_id = org_id;
	return it;
}

/* prefix and then id, in the arena: an item's link or ref. */
static const char *with_id(gather *g, const char *prefix, int64_t id)
{
	return xf_arena_printf(g->c->a, "%s%lld", prefix, (long long)id);
}

static const char *day_text(gather *g, xf_date d)
{
	char *s = xf_arena_alloc(g->c->a, 11);
	if (s)
		xf_date_format(d, s);
	return s;
}

static void set_due_text(gather *g, xf_inbox_item *it, const char *due_on)
{
	xf_date d = {0, 0, 0};
	if (due_on && xf_date_parse(due_on, &d) == 0)
		xf_inbox_set_due(it, due_on, d, g->today);
}

static const char *slot_word(int freq)
{
	return freq == XF_PERIOD_MONTH     ? "本月"
	       : freq == XF_PERIOD_QUARTER ? "本季度"
	                                   : "本年度";
}

/* ---- meetings owed ------------------------------------------------------ */

static int meetings_detail(gather *g, int64_t org_id,
                           const xf_compliance_rules *rules)
{
	xf_ctx *c = g->c;
	xf_compliance_report rep;
	int rc = xf_compliance_for(c, org_id, NULL, &rep);
	if (rc != XF_OK)
		return rc;
	for (int i = 0; i < rep.n; i++) {
		const xf_compliance_item *ci = &rep.items[i];
		int ok = xf_org_kind_parse(ci->org->kind);
		if (!ci->c.applies || ok < 0)
			continue;
		for (int k = 0; k < XF_MK_COUNT; k++) {
			unsigned bit = 1u << k;
			const char *what = xf_meeting_kind_title(k);
			int freq = rules->freq[ok][k];
			if (ci->c.missing & bit) {
				xf_inbox_item *it =
				    add(g, "meeting_missed", ci->org->id);
				if (!it)
					return xf_oom(c);
				it->title =
				    xf_arena_printf(c->a, "%s：%s逾期未开",
				                    ci->org->name, what);
				it->link =
				    with_id(g, "/compliance?org=", ci->org->id);
				it->ref = xf_arena_printf(
				    c->a, "org:%lld:%s", (long long)ci->org->id,
				    xf_meeting_kind_name(k));
			}
			if ((ci->c.pending & bit) && freq != XF_FREQ_NONE) {
				xf_inbox_item *it =
				    add(g, "meeting_owed", ci->org->id);
				if (!it)
					return xf_oom(c);
				xf_date end = xf_inbox_slot_end(freq, g->today);
				xf_inbox_set_due(it, day_text(g, end), end,
				                 g->today);
				it->title = xf_arena_printf(
				    c->a, "%s：%s应召开%s", ci->org->name,
				    slot_word(freq), what);
				it->link =
				    with_id(g, "/compliance?org=", ci->org->id);
				it->ref = xf_arena_printf(
				    c->a, "org:%lld:%s", (long long)ci->org->id,
				    xf_meeting_kind_name(k));
			}
		}
	}
	return XF_OK;
}

static int meetings_summary(gather *g, int64_t org_id)
{
	xf_ctx *c = g->c;
	xf_compliance_report rep;
	int rc = xf_compliance_for(c, org_id, NULL, &rep);
	if (rc != XF_OK)
		return rc;
	int owing = 0, red = 0;
	for (int i = 0; i < rep.n; i++) {
		int st = rep.items[i].c.status;
		if (!rep.items[i].c.applies)
			continue;
		owing += st == XF_CS_DUE || st == XF_CS_RED;
		red += st == XF_CS_RED;
	}
	if (!owing)
		return XF_OK;
	int64_t root = rep.root ? rep.root->id : org_id;
	xf_inbox_item *it = add(g, "orgs_owing", root);
	if (!it)
		return xf_oom(c);
	xf_date end = xf_period_last(rep.period);
	xf_inbox_set_due(it, day_text(g, end), end, g->today);
	it->title =
	    xf_arena_printf(c->a, "%s：本期%d个组织会议未达标（%d个已逾期）",
	                    rep.root ? rep.root->name : "", owing, red);
	it->link = with_id(g, "/compliance?org=", root);
	it->ref = with_id(g, "org:", root);
	return XF_OK;
}

/* ---- tasks due ---------------------------------------------------------- */

static int tasks_detail(gather *g, int64_t org_id)
{
	xf_ctx *c = g->c;
	xf_reminders rm;
	int rc = xf_task_reminders(c, org_id, 1, XF_INBOX_DAYS, &rm);
	for (int i = 0; rc == XF_OK && i < rm.n; i++) {
		const xf_reminder *x = &rm.items[i];
		xf_inbox_item *it =
		    add(g, x->milestone ? "milestone_due" : "task_due",
		        x->task->org_id);
		if (!it)
			return xf_oom(c);
		set_due_text(g, it, x->due_on);
		it->title =
		    x->milestone
		        ? xf_arena_printf(c->a, "%s：%s（%s）",
		                          x->task->org_name,
		                          x->milestone->title, x->task->title)
		        : xf_arena_printf(c->a, "%s：任务「%s」到期",
		                          x->task->org_name, x->task->title);
		it->link = with_id(g, "/tasks?task=", x->task->id);
		it->ref = x->milestone
		              ? with_id(g, "milestone:", x->milestone->id)
		              : with_id(g, "task:", x->task->id);
	}
	return rc;
}

static int tasks_summary(gather *g, int64_t org_id)
{
	xf_ctx *c = g->c;
	xf_reminders rm;
	int rc = xf_task_reminders(c, org_id, 1, XF_INBOX_DAYS, &rm);
	if (rc != XF_OK || rm.n == 0)
		return rc;
	int overdue = 0;
	const char *first = NULL;
	for (int i = 0; i < rm.n; i++) {
		overdue += rm.items[i].overdue;
		if (!first || strcmp(rm.items[i].due_on, first) < 0)
			first = rm.items[i].due_on;
	}
	xf_inbox_item *it = add(g, "tasks_summary", org_id);
	if (!it)
		return xf_oom(c);
	set_due_text(g, it, first);
	it->title =
	    xf_arena_printf(c->a, "任务预警：%d项%d天内到期，%d项已逾期",
	                    rm.n - overdue, XF_INBOX_DAYS, overdue);
	it->link = org_id ? with_id(g, "/tasks/reminders?org=", org_id)
	                  : "/tasks/reminders";
	it->ref = with_id(g, "org:", org_id);
	return XF_OK;
}

/* ---- terms due and transfers overdue ------------------------------------ */

/* One item for the terms of org_id's subtree (0: the caller's scope)
 * whose election is to be prepared (6 months before the end) or overdue,
 * one for the transfers past their letter's deadline: computed on every
 * read, so each shows once while it lasts. */
static int terms_transfers(gather *g, int64_t org_id)
{
	xf_ctx *c = g->c;
	xf_term *ts;
	int n, overdue = 0, soon = 0;
	int64_t total;
	const char *first = NULL;
	int rc = xf_term_board(c, org_id, 1, 0, 200, &ts, &n, &total);
	for (int i = 0; rc == XF_OK && i < n; i++) {
		if (!ts[i].id)
			continue;
		overdue += ts[i].overdue;
		soon += !ts[i].overdue;
		if (!first || strcmp(ts[i].ends_on, first) < 0)
			first = ts[i].ends_on;
	}
	if (rc == XF_OK && overdue + soon) {
		xf_inbox_item *it = add(g, "terms_due", org_id);
		if (!it)
			return xf_oom(c);
		set_due_text(g, it, first);
		it->title = xf_arena_printf(
		    c->a, "换届提醒：%d个组织应筹备换届，%d个逾期未换届", soon,
		    overdue);
		it->link = "/terms";
		it->ref = with_id(g, "terms:", org_id);
	}
	xf_org_transfer *tr;
	if (rc == XF_OK)
		rc = xf_transfer_list(c, org_id, NULL, 1, 0, 200, &tr, &n,
		                      &total);
	if (rc == XF_OK && n) {
		xf_inbox_item *it = add(g, "transfers_overdue", org_id);
		if (!it)
			return xf_oom(c);
		set_due_text(g, it, tr[0].deadline_on);
		it->title = xf_arena_printf(
		    c->a, "组织关系转接超期：%lld笔超过介绍信有效期未到达",
		    (long long)total);
		it->link = "/transfers";
		it->ref = with_id(g, "transfers:", org_id);
	}
	return rc;
}

/* ---- claims and objections ---------------------------------------------- */

static int claims_to_approve(gather *g)
{
	xf_ctx *c = g->c;
	xf_point_claim *cl;
	int n;
	int rc = xf_point_claims_to_decide(c, CLAIMS_MAX, &cl, &n);
	for (int i = 0; rc == XF_OK && i < n; i++) {
		xf_inbox_item *it = add(g, "claim", cl[i].org_id);
		if (!it)
			return xf_oom(c);
		it->title = xf_arena_printf(c->a, "待审核积分申报：%s · %s",
		                            cl[i].member_name, cl[i].item);
		it->link = with_id(g, "/points/claims?claim=", cl[i].id);
		it->ref = with_id(g, "claim:", cl[i].id);
	}
	return rc;
}

static int objections_to_answer(gather *g)
{
	xf_ctx *c = g->c;
	xf_point_notice *ns;
	int n;
	int64_t total;
	int rc = xf_point_notice_list(c, 0, 0, NOTICES_MAX, &ns, &n, &total);
	for (int i = 0; rc == XF_OK && i < n; i++) {
		if (ns[i].open_objections <= 0 ||
		    !xf_committee_over(c, ns[i].org_path, 0))
			continue;
		xf_inbox_item *it = add(g, "objection", ns[i].org_id);
		if (!it)
			return xf_oom(c);
		set_due_text(g, it, ns[i].closes_on);
		it->title = xf_arena_printf(
		    c->a, "公示「%s」有%lld条异议待答复", ns[i].title,
		    (long long)ns[i].open_objections);
		it->link = with_id(g, "/points/notices?id=", ns[i].id);
		it->ref = with_id(g, "notice:", ns[i].id);
	}
	return rc;
}

/* ---- a member's own ----------------------------------------------------- */

static int claims_decided(gather *g)
{
	xf_ctx *c = g->c;
	xf_point_claim *cl;
	int n;
	int rc = xf_point_claims_decided_mine(
	    c, c->now - (int64_t)XF_INBOX_DAYS * 86400, CLAIMS_MAX, &cl, &n);
	for (int i = 0; rc == XF_OK && i < n; i++) {
		int ok = strcmp(cl[i].status, "approved") == 0;
		xf_inbox_item *it = add(g, "claim_decided", cl[i].org_id);
		if (!it)
			return xf_oom(c);
		it->title =
		    xf_arena_printf(c->a, "积分申报%s：%s",
		                    ok ? "已通过" : "未通过", cl[i].item);
		it->link = "/points/me";
		it->ref = with_id(g, "claim:", cl[i].id);
	}
	return rc;
}

typedef struct concerning {
	xf_point_notice *ns;
	int n;
} concerning;

static int concerning_tx(xf_ctx *c, concerning *out)
{
	xf_member m;
	int drc = xf_store_member_get(c->db, c->a, c->scope->member_id, &m);
	if (drc == XF_DB_DONE)
		return XF_OK;
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	return xf_point_notices_concerning(c, m.org_path, m.id, &out->ns,
	                                   &out->n);
}

static int notices_open(gather *g)
{
	xf_ctx *c = g->c;
	concerning r = {0};
	int rc;
	XF_READ_TX(c, rc, concerning_tx(c, &r));
	const char *today = xf_today(c);
	for (int i = 0; rc == XF_OK && i < r.n; i++) {
		const xf_point_notice *n = &r.ns[i];
		if (strcmp(xf_point_notice_state(n, today), "open") != 0)
			continue;
		xf_inbox_item *it = add(g, "notice_open", n->org_id);
		if (!it)
			return xf_oom(c);
		set_due_text(g, it, n->closes_on);
		it->title =
		    xf_arena_printf(c->a, "公示中：%s（如有异议请于%s前提出）",
		                    n->title, n->closes_on);
		it->link = with_id(g, "/points/notices?id=", n->id);
		it->ref = with_id(g, "notice:", n->id);
	}
	return rc;
}

/* ---- the inbox ---------------------------------------------------------- */

#define ROOTS_MAX 20

/* An administrator: the summaries of each tree (its roots). */
static int summaries_of_roots(gather *g)
{
	xf_org_filter f = {.roots = 1, .limit = ROOTS_MAX};
	xf_org_page roots;
	int rc = xf_org_list(g->c, &f, &roots);
	for (int i = 0; rc == XF_OK && i < roots.n; i++) {
		rc = meetings_summary(g, roots.items[i].id);
		if (rc == XF_OK)
			rc = tasks_summary(g, roots.items[i].id);
	}
	return rc;
}

/* 1 if grant i lies within another staff grant of the same class
 * (committee/admin or secretary) listed before it or wider. */
static int covered(const xf_scope *s, int i)
{
	const xf_grant *g = &s->g[i];
	for (int j = 0; j < s->n; j++) {
		const xf_grant *h = &s->g[j];
		if (j == i || h->role != g->role)
			continue;
		int inside = xf_path_within(g->org_path, h->org_path);
		int same = strcmp(g->org_path, h->org_path) == 0;
		if (inside && (!same || j < i))
			return 1;
	}
	return 0;
}

static int gather_all(gather *g)
{
	xf_ctx *c = g->c;
	const xf_scope *s = c->scope;
	int staff = xf_is_admin(c), rc = XF_OK;
	xf_compliance_rules rules;
	int have_rules = 0, whole = 0;
	for (int i = 0; s && rc == XF_OK && i < s->n; i++) {
		const xf_grant *gr = &s->g[i];
		if (gr->role == XF_ROLE_ADMIN) {
			if (!whole++) {
				rc = summaries_of_roots(g);
				if (rc == XF_OK)
					rc = terms_transfers(g, 0);
			}
			continue;
		}
		if ((gr->role != XF_ROLE_COMMITTEE &&
		     gr->role != XF_ROLE_SECRETARY) ||
		    covered(s, i))
			continue;
		staff = 1;
		rc = terms_transfers(g, gr->org_id);
		if (rc != XF_OK)
			break;
		if (gr->role == XF_ROLE_COMMITTEE) {
			rc = meetings_summary(g, gr->org_id);
			if (rc == XF_OK)
				rc = tasks_summary(g, gr->org_id);
			continue;
		}
		if (!have_rules) {
			rc = xf_compliance_rules_get(c, &rules);
			have_rules = rc == XF_OK;
		}
		if (rc == XF_OK)
			rc = meetings_detail(g, gr->org_id, &rules);
		if (rc == XF_OK)
			rc = tasks_detail(g, gr->org_id);
	}
	if (rc == XF_OK && staff)
		rc = claims_to_approve(g);
	if (rc == XF_OK && staff)
		rc = objections_to_answer(g);
	if (rc == XF_OK && s && s->member_id) {
		rc = claims_decided(g);
		if (rc == XF_OK)
			rc = notices_open(g);
	}
	return rc;
}

int xf_inbox_read(xf_ctx *c, xf_inbox *out)
{
	memset(out, 0, sizeof *out);
	gather g = {.c = c, .today = xf_date_today(c->now)};
	out->today = day_text(&g, g.today);
	int rc = gather_all(&g);
	if (rc != XF_OK)
		return rc;
	if (g.n > 1)
		qsort(g.items, (size_t)g.n, sizeof *g.items, xf_inbox_cmp);
	out->items = g.items;
	out->n = g.n;
	return XF_OK;
}
