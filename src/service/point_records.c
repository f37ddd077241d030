/*
 * point_records.c (service) - points written from records: the one place
 * that maps a record to its facts, the facts to rules, and the rules to
 * ledger entries written or reversed (see point_records.h).
 */
#include "service/point_records.h"

#include "domain/compliance.h"
#include "domain/points.h"
#include "service/points_int.h"
#include "store/duties.h"
#include "store/meetings.h"
#include "store/point_records.h"
#include "store/point_rules.h"

#include <string.h>

/* Most entries in force one record may hold, most rules one fact may
 * match, most attendance rows read. */
enum { MAX_GROUP_ENTRIES = 20000, MAX_RULES = 200, MAX_ROWS = 5000 };

/* One entry a fact calls for: the fact and the rule. */
typedef struct wanted {
	const xf_point_fact *fact;
	const xf_point_rule *rule;
} wanted;

typedef struct want_list {
	xf_point_record_key *keys;
	wanted *w;
	int n, cap;
} want_list;

static int want_add(xf_ctx *c, want_list *l, const xf_point_fact *f,
                    const xf_point_rule *r)
{
	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		xf_point_record_key *k =
		    xf_arena_alloc(c->a, (size_t)cap * sizeof *k);
		wanted *w = xf_arena_alloc(c->a, (size_t)cap * sizeof *w);
		if (!k || !w)
			return xf_oom(c);
		if (l->n) {
			memcpy(k, l->keys, (size_t)l->n * sizeof *k);
			memcpy(w, l->w, (size_t)l->n * sizeof *w);
		}
		l->keys = k;
		l->w = w;
		l->cap = cap;
	}
	l->keys[l->n] = (xf_point_record_key){r->id, f->ref, f->occurred_on, 0};
	l->w[l->n] = (wanted){f, r};
	l->n++;
	return XF_OK;
}

/* The rules of the last (subject, kind, day) asked: facts of one record
 * mostly share them. */
typedef struct rule_cache {
	const char *subject, *kind, *day;
	xf_point_rule *rules;
	int n;
} rule_cache;

static int rules_for(xf_ctx *c, rule_cache *rc, const char *subject,
                     const char *kind, const char *day)
{
	if (rc->kind && strcmp(rc->subject, subject) == 0 &&
	    strcmp(rc->kind, kind) == 0 && strcmp(rc->day, day) == 0)
		return XF_OK;
	int drc = xf_store_point_record_rules_on(
	    c->db, c->a, subject, kind, day, MAX_RULES, &rc->rules, &rc->n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc->subject = subject;
	rc->kind = kind;
	rc->day = day;
	return XF_OK;
}

int xf_point_records_sync(xf_ctx *c, const char *group,
                          const xf_point_fact *facts, int n)
{
	xf_point_entry *have;
	int nhave;
	int drc = xf_store_point_group_entries(
	    c->db, c->a, group, MAX_GROUP_ENTRIES, &have, &nhave);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	want_list want = {0};
	rule_cache cache = {0};
	int rc = XF_OK;
	for (int i = 0; i < n && rc == XF_OK; i++) {
		const xf_point_fact *f = &facts[i];
		rc = rules_for(c, &cache, f->member_id ? "member" : "org",
		               f->kind, f->occurred_on);
		for (int j = 0; j < cache.n && rc == XF_OK; j++) {
			const xf_point_rule *r = &cache.rules[j];
			if (r->org_path &&
			    !xf_path_within(f->org_path, r->org_path))
				continue;
			if (!xf_points_record_matches(
			        r->shown->record_kind,
			        r->shown->record_qualifier, f->kind,
			        f->qualifier))
				continue;
			rc = want_add(c, &want, f, r);
		}
	}
	if (rc != XF_OK)
		return rc;
	if (nhave == 0 && want.n == 0)
		return XF_OK;
	xf_point_record_key *hk =
	    xf_arena_calloc(c->a, (size_t)nhave + 1, sizeof *hk);
	if (!hk)
		return xf_oom(c);
	for (int i = 0; i < nhave; i++)
		hk[i] =
		    (xf_point_record_key){have[i].rule_id, have[i].record_ref,
		                          have[i].occurred_on, 0};
	xf_points_records_diff(hk, nhave, want.keys, want.n);
	xf_point_result res;
	/* reversals first: they free the room of caps for what follows */
	for (int i = 0; i < nhave; i++) {
		if (hk[i].keep)
			continue;
		rc = xf_point_reverse_in_tx(
		    c, &have[i], "来源记录已更正或删除，自动冲正", &res);
		if (rc != XF_OK)
			return rc;
	}
	for (int j = 0; j < want.n; j++) {
		if (want.keys[j].keep)
			continue;
		const xf_point_fact *f = want.w[j].fact;
		xf_point_subject s = {.member_id = f->member_id,
		                      .org_id = f->org_id,
		                      .org_path = f->org_path};
		rc = xf_point_write_entry(c, want.w[j].rule, &s, f->occurred_on,
		                          "record", f->reason, 0, f->ref, group,
		                          &res);
		if (rc == XF_E_CONFLICT && c->err.code &&
		    strcmp(c->err.code, "vetoed") == 0) {
			memset(&c->err, 0, sizeof c->err); /* a vetoed year */
			continue;
		}
		if (rc != XF_OK)
			return rc;
	}
	return XF_OK;
}

/* ---- the records ------------------------------------------------------- */

static const char *ref_of(xf_ctx *c, const char *what, int64_t id, int64_t part)
{
	return part ? xf_arena_printf(c->a, "%s:%lld:%lld", what, (long long)id,
	                              (long long)part)
	            : xf_arena_printf(c->a, "%s:%lld", what, (long long)id);
}

int xf_point_records_of_meeting(xf_ctx *c, int64_t meeting_id)
{
	const char *group = ref_of(c, "meeting", meeting_id, 0);
	if (!group)
		return xf_oom(c);
	xf_meeting m;
	int drc = xf_store_meeting_get(c->db, c->a, meeting_id, &m);
	if (drc == XF_DB_DONE)
		return xf_point_records_sync(c, group, NULL, 0);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	xf_point_attendance *att;
	int natt;
	drc = xf_store_point_attendance(c->db, c->a, meeting_id, MAX_ROWS, &att,
	                                &natt);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_point_fact *f =
	    xf_arena_calloc(c->a, (size_t)natt * 2 + 2, sizeof *f);
	if (!f)
		return xf_oom(c);
	const char *title =
	    xf_meeting_kind_title(xf_meeting_kind_parse(m.kind));
	const xf_point_fact org = {.qualifier = m.kind,
	                           .org_id = m.org_id,
	                           .org_path = m.org_path,
	                           .occurred_on = m.held_on};
	int n = 0;
	f[n] = org;
	f[n].kind = "meeting_held";
	f[n].ref = group;
	f[n++].reason = xf_arena_printf(c->a, "召开%s：%s", title, m.topic);
	if (m.ft_title) {
		f[n] = org;
		f[n].kind = "first_topic";
		f[n].ref = ref_of(c, "first_topic", m.id, 0);
		f[n++].reason =
		    xf_arena_printf(c->a, "学习第一议题：%s", m.ft_title);
	}
	for (int i = 0; i < natt; i++) {
		if (!xf_points_attended(att[i].status))
			continue;
		xf_point_fact p = org;
		p.member_id = att[i].member_id;
		p.org_id = att[i].org_id;
		p.org_path = att[i].org_path;
		f[n] = p;
		f[n].kind = "meeting_attendance";
		f[n].ref = ref_of(c, "attendance", m.id, att[i].member_id);
		f[n++].reason =
		    xf_arena_printf(c->a, "出席%s：%s", title, m.topic);
		if (m.ft_title) {
			f[n] = p;
			f[n].kind = "first_topic";
			f[n].ref =
			    ref_of(c, "first_topic", m.id, att[i].member_id);
			f[n++].reason = xf_arena_printf(
			    c->a, "学习第一议题：%s", m.ft_title);
		}
	}
	for (int i = 0; i < n; i++)
		if (!f[i].ref || !f[i].reason)
			return xf_oom(c);
	return xf_point_records_sync(c, group, f, n);
}

int xf_point_records_of_task(xf_ctx *c, int64_t task_id, int64_t org_id,
                             const char *org_path, const xf_milestone *ms,
                             int nms)
{
	const char *group = ref_of(c, "task", task_id, 0);
	xf_point_fact *f = xf_arena_calloc(c->a, (size_t)nms + 1, sizeof *f);
	if (!group || !f)
		return xf_oom(c);
	int n = 0;
	for (int i = 0; i < nms; i++) {
		if (!xf_points_milestone_on_time(ms[i].due_on, ms[i].done_on))
			continue;
		f[n] = (xf_point_fact){
		    .kind = "milestone_on_time",
		    .org_id = org_id,
		    .org_path = org_path,
		    .ref = ref_of(c, "milestone", ms[i].id, 0),
		    .occurred_on = ms[i].done_on,
		    .reason = xf_arena_printf(c->a, "按期完成时间节点：%s",
		                              ms[i].title),
		};
		if (!f[n].ref || !f[n].reason)
			return xf_oom(c);
		n++;
	}
	return xf_point_records_sync(c, group, f, n);
}

int xf_point_records_of_duty_holder(xf_ctx *c, int64_t assignment_id)
{
	const char *group = ref_of(c, "duty_holder", assignment_id, 0);
	if (!group)
		return xf_oom(c);
	xf_duty_assignment as;
	xf_member m;
	int drc = xf_store_duty_assignment_get(c->db, c->a, assignment_id, &as);
	if (drc == XF_DB_ROW)
		drc = xf_store_member_get(c->db, c->a, as.member_id, &m);
	if (drc == XF_DB_DONE)
		return xf_point_records_sync(c, group, NULL, 0);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	xf_duty_evidence *ev;
	int nev;
	drc =
	    xf_store_duty_evidence_of(c->db, c->a, assignment_id, 0, &ev, &nev);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_point_fact *f = xf_arena_calloc(c->a, (size_t)nev + 1, sizeof *f);
	if (!f)
		return xf_oom(c);
	const char *today = xf_today(c);
	int n = 0;
	for (int i = 0; i < nev; i++) {
		if (!xf_points_duty_evidence_counts(ev[i].kind))
			continue;
		f[n] = (xf_point_fact){
		    .kind = "duty_evidence_accepted",
		    .member_id = m.id,
		    .org_id = m.org_id,
		    .org_path = m.org_path,
		    .ref = ref_of(c, "duty_evidence", ev[i].id, 0),
		    .occurred_on = strcmp(ev[i].done_on, today) > 0
		                       ? today
		                       : ev[i].done_on,
		    .reason =
		        xf_arena_printf(c->a, "履职记实：%s", ev[i].title),
		};
		if (!f[n].ref || !f[n].reason)
			return xf_oom(c);
		n++;
	}
	return xf_point_records_sync(c, group, f, n);
}
