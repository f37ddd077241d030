/*
 * point.c - the JSON form of point rules with their versions, claims and
 * ledger entries.
 */
#include "model/point.h"

#include "model/fields.h"

static const xf_jfield version_fields[] = {
    XF_JF(INT, xf_point_version, "version", version),
    XF_JF(I64, xf_point_version, "version_id", id),
    XF_JF(STR, xf_point_version, "valid_from", valid_from),
    XF_JF(STR, xf_point_version, "valid_to", valid_to),
    XF_JF(STR, xf_point_version, "category", category),
    XF_JF(STR, xf_point_version, "item", item),
    XF_JF(STR, xf_point_version, "description", description),
    XF_JF(I64, xf_point_version, "points", points),
};

/* after the cap */
static const xf_jfield version_tail_fields[] = {
    XF_JF(STR, xf_point_version, "cap_period", cap_period),
    XF_JF(BOOL, xf_point_version, "needs_evidence", needs_evidence),
    XF_JF(BOOL, xf_point_version, "needs_approval", needs_approval),
    XF_JF(STR, xf_point_version, "approver_role", approver_role),
    XF_JF(BOOL, xf_point_version, "veto", veto),
    XF_JF(STR, xf_point_version, "record_kind", record_kind),
    XF_JF(STR, xf_point_version, "record_qualifier", record_qualifier),
};

static void point_version_fields(xf_jw *w, const xf_point_version *v)
{
	XF_JW_FIELDS(w, v, version_fields);
	if (v->cap > 0)
		xf_jw_kint(w, "cap", v->cap);
	else
		xf_jw_kstr(w, "cap", NULL);
	XF_JW_FIELDS(w, v, version_tail_fields);
}

void xf_point_version_json(xf_jw *w, const xf_point_version *v)
{
	static const xf_jfield made_fields[] = {
	    XF_JF(TIME, xf_point_version, "created_at", created_at),
	    XF_JF(ID, xf_point_version, "created_by", created_by),
	};
	xf_jw_obj(w);
	point_version_fields(w, v);
	XF_JW_FIELDS(w, v, made_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield rule_fields[] = {
    XF_JF(I64, xf_point_rule, "id", id),
    XF_JF(STR, xf_point_rule, "kind", kind),
    XF_JF(ID, xf_point_rule, "org_id", org_id),
    XF_JF(STR, xf_point_rule, "org_name", org_name),
};

void xf_point_rule_json(xf_jw *w, const xf_point_rule *r, int versions)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, r, rule_fields);
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

static const xf_jfield claim_fields[] = {
    XF_JF(I64, xf_point_claim, "id", id),
    XF_JF(I64, xf_point_claim, "member_id", member_id),
    XF_JF(STR, xf_point_claim, "member_name", member_name),
    XF_JF(I64, xf_point_claim, "org_id", org_id),
    XF_JF(STR, xf_point_claim, "org_name", org_name),
    XF_JF(I64, xf_point_claim, "rule_id", rule_id),
    XF_JF(STR, xf_point_claim, "category", category),
    XF_JF(STR, xf_point_claim, "item", item),
    XF_JF(STR, xf_point_claim, "description", description),
};

/* after the evidence */
static const xf_jfield claim_tail_fields[] = {
    XF_JF(STR, xf_point_claim, "status", status),
    XF_JF(TIME, xf_point_claim, "created_at", created_at),
    XF_JF(ID, xf_point_claim, "created_by", created_by),
    XF_JF(WHEN, xf_point_claim, "decided_at", decided_at),
    XF_JF(ID, xf_point_claim, "decided_by", decided_by),
    XF_JF(STR, xf_point_claim, "decision_reason", decision_reason),
    XF_JF(ID, xf_point_claim, "ledger_id", ledger_id),
};

void xf_point_claim_json(xf_jw *w, const xf_point_claim *c)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, c, claim_fields);
	xf_jw_key(w, "evidence");
	xf_jw_raw(w, c->evidence && *c->evidence ? c->evidence : "[]");
	XF_JW_FIELDS(w, c, claim_tail_fields);
	if (c->has_points)
		xf_jw_kint(w, "points", c->points);
	else
		xf_jw_kstr(w, "points", NULL);
	xf_jw_obj_end(w);
}

static const xf_jfield entry_fields[] = {
    XF_JF(I64, xf_point_entry, "id", id),
    XF_JF(ID, xf_point_entry, "member_id", member_id),
    XF_JF(STR, xf_point_entry, "member_name", member_name),
    XF_JF(I64, xf_point_entry, "org_id", org_id),
    XF_JF(STR, xf_point_entry, "org_name", org_name),
    XF_JF(I64, xf_point_entry, "rule_id", rule_id),
    XF_JF(I64, xf_point_entry, "rule_version_id", rule_version_id),
    XF_JF(INT, xf_point_entry, "rule_version", version),
    XF_JF(STR, xf_point_entry, "category", category),
    XF_JF(STR, xf_point_entry, "item", item),
    XF_JF(I64, xf_point_entry, "points", points),
    XF_JF(I64, xf_point_entry, "asked", asked),
    XF_JF(STR, xf_point_entry, "occurred_on", occurred_on),
    XF_JF(STR, xf_point_entry, "month", month),
    XF_JF(STR, xf_point_entry, "quarter", quarter),
    XF_JF(STR, xf_point_entry, "year", year),
    XF_JF(STR, xf_point_entry, "source", source),
    XF_JF(STR, xf_point_entry, "reason", reason),
    XF_JF(STR, xf_point_entry, "note", note),
    XF_JF(ID, xf_point_entry, "claim_id", claim_id),
    XF_JF(STR, xf_point_entry, "record_ref", record_ref),
    XF_JF(ID, xf_point_entry, "reverses_id", reverses_id),
    XF_JF(ID, xf_point_entry, "reversed_by", reversed_by),
};

/* after the veto */
static const xf_jfield entry_tail_fields[] = {
    XF_JF(ID, xf_point_entry, "actor_id", actor_id),
    XF_JF(STR, xf_point_entry, "actor_name", actor_name),
    XF_JF(TIME, xf_point_entry, "created_at", created_at),
};

void xf_point_entry_json(xf_jw *w, const xf_point_entry *e)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, e, entry_fields);
	/* +1 a veto, -1 the reversal of one */
	xf_jw_kbool(w, "veto", e->veto > 0);
	XF_JW_FIELDS(w, e, entry_tail_fields);
	xf_jw_obj_end(w);
}
