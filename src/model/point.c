/*
 * point.c - the JSON form of point rules with their versions, claims and
 * ledger entries.
 */
#include "model/point.h"

#include "base/date.h"
#include "model/org.h"

static void point_version_fields(xf_jw *w, const xf_point_version *v)
{
	xf_jw_kint(w, "version", v->version);
	xf_jw_kint(w, "version_id", v->id);
	xf_jw_kstr(w, "valid_from", v->valid_from);
	xf_jw_kstr(w, "valid_to", v->valid_to);
	xf_jw_kstr(w, "category", v->category);
	xf_jw_kstr(w, "item", v->item);
	xf_jw_kstr(w, "description", v->description);
	xf_jw_kint(w, "points", v->points);
	if (v->cap > 0)
		xf_jw_kint(w, "cap", v->cap);
	else
		xf_jw_kstr(w, "cap", NULL);
	xf_jw_kstr(w, "cap_period", v->cap_period);
	xf_jw_kbool(w, "needs_evidence", v->needs_evidence);
	xf_jw_kbool(w, "needs_approval", v->needs_approval);
	xf_jw_kstr(w, "approver_role", v->approver_role);
	xf_jw_kbool(w, "veto", v->veto);
}

void xf_point_version_json(xf_jw *w, const xf_point_version *v)
{
	char at[32];
	xf_time_iso(v->created_at, at);
	xf_jw_obj(w);
	point_version_fields(w, v);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_kid(w, "created_by", v->created_by);
	xf_jw_obj_end(w);
}

void xf_point_rule_json(xf_jw *w, const xf_point_rule *r, int versions)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "id", r->id);
	xf_jw_kstr(w, "kind", r->kind);
	xf_jw_kid(w, "org_id", r->org_id);
	xf_jw_kstr(w, "org_name", r->org_name);
	if (r->shown)
		point_version_fields(w, r->shown);
	if (versions) {
		xf_jw_key(w, "versions");
		xf_jw_arr(w);
		for (int i = 0; i < r->nversions; i++)
			xf_point_version_json(w, &r->versions[i]);
		xf_jw_arr_end(w);
	}
	xf_jw_obj_end(w);
}

void xf_point_claim_json(xf_jw *w, const xf_point_claim *c)
{
	char at[32], dat[32];
	xf_time_iso(c->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", c->id);
	xf_jw_kint(w, "member_id", c->member_id);
	xf_jw_kstr(w, "member_name", c->member_name);
	xf_org_ref_json(w, c->org_id, c->org_name);
	xf_jw_kint(w, "rule_id", c->rule_id);
	xf_jw_kstr(w, "category", c->category);
	xf_jw_kstr(w, "item", c->item);
	xf_jw_kstr(w, "description", c->description);
	xf_jw_key(w, "evidence");
	xf_jw_raw(w, c->evidence && *c->evidence ? c->evidence : "[]");
	xf_jw_kstr(w, "status", c->status);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_kid(w, "created_by", c->created_by);
	if (c->decided_at) {
		xf_time_iso(c->decided_at, dat);
		xf_jw_kstr(w, "decided_at", dat);
	} else {
		xf_jw_kstr(w, "decided_at", NULL);
	}
	xf_jw_kid(w, "decided_by", c->decided_by);
	xf_jw_kstr(w, "decision_reason", c->decision_reason);
	xf_jw_kid(w, "ledger_id", c->ledger_id);
	if (c->has_points)
		xf_jw_kint(w, "points", c->points);
	else
		xf_jw_kstr(w, "points", NULL);
	xf_jw_obj_end(w);
}

void xf_point_entry_json(xf_jw *w, const xf_point_entry *e)
{
	char at[32];
	xf_time_iso(e->created_at, at);
	xf_jw_obj(w);
	xf_jw_kint(w, "id", e->id);
	xf_jw_kid(w, "member_id", e->member_id);
	xf_jw_kstr(w, "member_name", e->member_name);
	xf_org_ref_json(w, e->org_id, e->org_name);
	xf_jw_kint(w, "rule_id", e->rule_id);
	xf_jw_kint(w, "rule_version_id", e->rule_version_id);
	xf_jw_kint(w, "rule_version", e->version);
	xf_jw_kstr(w, "category", e->category);
	xf_jw_kstr(w, "item", e->item);
	xf_jw_kint(w, "points", e->points);
	xf_jw_kint(w, "asked", e->asked);
	xf_jw_kstr(w, "occurred_on", e->occurred_on);
	xf_jw_kstr(w, "month", e->month);
	xf_jw_kstr(w, "quarter", e->quarter);
	xf_jw_kstr(w, "year", e->year);
	xf_jw_kstr(w, "source", e->source);
	xf_jw_kstr(w, "reason", e->reason);
	xf_jw_kstr(w, "note", e->note);
	xf_jw_kid(w, "claim_id", e->claim_id);
	xf_jw_kstr(w, "record_ref", e->record_ref);
	xf_jw_kid(w, "reverses_id", e->reverses_id);
	xf_jw_kid(w, "reversed_by", e->reversed_by);
	xf_jw_kbool(w, "veto", e->veto > 0);
	xf_jw_kid(w, "actor_id", e->actor_id);
	xf_jw_kstr(w, "actor_name", e->actor_name);
	xf_jw_kstr(w, "created_at", at);
	xf_jw_obj_end(w);
}
