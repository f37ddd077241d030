/*
 * point_claims.c (service) - claims (积分申报) by members or for them,
 * approved into the ledger or rejected by whoever may award the rule.
 */
#include "service/point_claims.h"

#include "service/notify.h"
#include "service/points_int.h"
#include "service/snapshot.h"

#include <string.h>

static const xf_record claim = {"积分申报不存在", NULL, NULL};

static int claim_readable(const xf_ctx *c, const xf_point_claim *cl)
{
	return xf_point_reads_of(c, cl->member_id, cl->org_path);
}

static int decide(xf_ctx *c, xf_point_claim *cl, const char *status,
                  const char *reason, int64_t ledger_id, int64_t points,
                  int has_points)
{
	cl->status = status;
	cl->decided_by = c->user_id;
	cl->decided_at = c->now;
	cl->decision_reason = reason;
	cl->ledger_id = ledger_id;
	cl->points = points;
	cl->has_points = has_points;
	int drc = xf_store_point_claim_decide(c->db, cl);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "already_decided",
		               "该申报已处理", NULL);
	return xf_from_db(c, drc);
}

/* Approves cl (pending, loaded) and writes its entry. */
static int approve(xf_ctx *c, xf_point_claim *cl, const xf_point_rule *r,
                   const char *reason, xf_point_result *res)
{
	xf_member m;
	int rc = xf_point_member_load(c, cl->member_id, &m);
	if (rc != XF_OK)
		return rc;
	xf_point_subject s = {
	    .member_id = m.id, .org_id = m.org_id, .org_path = m.org_path};
	const char *why = xf_arena_printf(c->a, "申报：%s", cl->description);
	rc = xf_point_write_entry(c, r, &s, xf_today(c), "claim",
	                          why ? why : "申报", cl->id, NULL, NULL, res);
	if (rc != XF_OK)
		return rc;
	return decide(c, cl, "approved", reason, res->entry.id,
	              res->entry.points, 1);
}

static int claim_create_tx(xf_ctx *c, const xf_point_claim_input *in,
                           xf_point_claim *cl, xf_point_result *res)
{
	xf_member m;
	int rc = xf_point_member_load(c, in->member_id, &m);
	if (rc != XF_OK)
		return rc;
	int self = c->scope && c->scope->member_id == m.id;
	if (!self && !xf_can_write(c, m.org_path))
		return xf_forbidden(c, "只能为本人或所管理组织的党员申报积分");
	xf_point_rule r;
	rc = xf_point_rule_load_for(c, in->rule_id, "member", m.org_path, &r);
	if (rc != XF_OK)
		return rc;
	const xf_point_version *v;
	rc = xf_point_version_on(c, &r, xf_today(c), "rule_id", &v);
	if (rc != XF_OK)
		return rc;
	if (v->veto || v->points < 0)
		return xf_invalid(c, "扣分项和一票否决项不能申报", "rule_id");
	if (v->record_kind)
		return xf_invalid(c, "该规则按记录自动记分，无需申报",
		                  "rule_id");
	if (v->needs_evidence && in->nevidence == 0)
		return xf_invalid(c, "该规则要求提供佐证材料", "evidence");
	memset(cl, 0, sizeof *cl);
	cl->member_id = m.id;
	cl->org_id = m.org_id;
	cl->org_path = m.org_path;
	cl->rule_id = r.id;
	cl->description = in->description;
	cl->evidence = in->evidence ? in->evidence : "[]";
	cl->status = "pending";
	cl->created_by = c->user_id;
	int drc = xf_store_point_claim_insert(c->db, cl, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int64_t id = cl->id;
	memset(res, 0, sizeof *res);
	if (!v->needs_approval) {
		rc = approve(c, cl, &r, "该规则无需审核，自动通过", res);
		if (rc != XF_OK)
			return rc;
	}
	drc = xf_store_point_claim_get(c->db, c->a, id, cl);
	return xf_audit_found(c, drc, "create", "point_claim", id, cl->org_path,
	                      NULL, xf_snap_point_claim(c->a, cl));
}

int xf_point_claim_create(xf_ctx *c, const xf_point_claim_input *in,
                          xf_point_claim *out, xf_point_result *res)
{
	int rc;
	/* a claim of a rule without approval is approved at once */
	int64_t key =
	    xf_store_point_write_org(c->db, XF_POINT_KEY_MEMBER, in->member_id);
	XF_TOTALS_TX(c, key, rc, claim_create_tx(c, in, out, res));
	if (rc == XF_OK)
		xf_notify_claim_pending(c, out);
	return rc;
}

/* Loads a claim to read it: staff over its org, or its member. */
static int load_claim(xf_ctx *c, int64_t id, xf_point_claim *cl)
{
	int found = xf_store_point_claim_get(c->db, c->a, id, cl);
	if (found == XF_DB_ROW && claim_readable(c, cl))
		return XF_OK;
	return xf_loaded(c, found, found == XF_DB_ROW ? cl->org_path : NULL,
	                 XF_FOR_READ, &claim);
}

int xf_point_claim_read(xf_ctx *c, int64_t id, xf_point_claim *out)
{
	XF_RETURN_READ_TX(c, load_claim(c, id, out));
}

/* Loads a pending claim the caller may decide, with its rule. */
static int load_decidable(xf_ctx *c, int64_t id, xf_point_claim *cl,
                          xf_point_rule *r)
{
	int drc = xf_store_point_claim_get(c->db, c->a, id, cl);
	if (drc != XF_DB_ROW) /* who may decide it is decided below */
		return xf_loaded(c, drc, NULL, XF_FOR_READ, &claim);
	int rc = xf_point_rule_load(c, cl->rule_id, r);
	if (rc != XF_OK)
		return rc;
	const xf_point_version *v = &r->versions[r->nversions - 1];
	if (!xf_point_may_award(c, v->approver_role, cl->org_path)) {
		if (!claim_readable(c, cl) && !xf_can_read(c, cl->org_path))
			return xf_forbidden(c, "无权审核该申报");
		return xf_forbidden(c,
		                    strcmp(v->approver_role, "committee") == 0
		                        ? "该规则的申报由机关工委审核"
		                        : "无权审核该申报");
	}
	if (c->scope && c->scope->member_id == cl->member_id)
		return xf_forbidden(c, "不能审核本人的申报");
	if (strcmp(cl->status, "pending") != 0)
		return xf_fail(c, XF_E_CONFLICT, "already_decided",
		               "该申报已处理", NULL);
	return XF_OK;
}

static int approve_tx(xf_ctx *c, int64_t id, const char *reason,
                      xf_point_claim *cl, xf_point_result *res)
{
	xf_point_rule r;
	int rc = load_decidable(c, id, cl, &r);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_point_claim(c->a, cl);
	rc = approve(c, cl, &r, reason, res);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_point_claim_get(c->db, c->a, id, cl);
	return xf_audit_found(c, drc, "approve", "point_claim", id,
	                      cl->org_path, before,
	                      xf_snap_point_claim(c->a, cl));
}

int xf_point_claim_approve(xf_ctx *c, int64_t id, const char *reason,
                           xf_point_claim *out, xf_point_result *res)
{
	int rc;
	int64_t key = xf_store_point_write_org(c->db, XF_POINT_KEY_CLAIM, id);
	XF_TOTALS_TX(c, key, rc, approve_tx(c, id, reason, out, res));
	return rc;
}

static int reject_tx(xf_ctx *c, int64_t id, const char *reason,
                     xf_point_claim *cl)
{
	xf_point_rule r;
	int rc = load_decidable(c, id, cl, &r);
	if (rc != XF_OK)
		return rc;
	const char *before = xf_snap_point_claim(c->a, cl);
	rc = decide(c, cl, "rejected", reason, 0, 0, 0);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_point_claim_get(c->db, c->a, id, cl);
	return xf_audit_found(c, drc, "reject", "point_claim", id, cl->org_path,
	                      before, xf_snap_point_claim(c->a, cl));
}

int xf_point_claim_reject(xf_ctx *c, int64_t id, const char *reason,
                          xf_point_claim *out)
{
	XF_RETURN_WRITE_TX(c, reject_tx(c, id, reason, out));
}

static int claims_tx(xf_ctx *c, int64_t org_id, xf_point_claim_filter *f,
                     xf_point_claim **out, int *n, int64_t *total)
{
	int rc = xf_point_list_scope(c, org_id, &f->ranges, &f->member_id);
	if (rc != XF_OK || f->ranges.n == 0)
		return rc;
	return xf_from_db(
	    c, xf_store_point_claim_list(c->db, c->a, f, out, n, total));
}

int xf_point_claim_list(xf_ctx *c, int64_t org_id, const char *status,
                        int offset, int limit, xf_point_claim **out, int *n,
                        int64_t *total)
{
	*n = 0;
	*total = 0;
	xf_point_claim_filter f = {
	    .status = status, .offset = offset, .limit = limit};
	XF_RETURN_READ_TX(c, claims_tx(c, org_id, &f, out, n, total));
}

/* ---- for the inbox ------------------------------------------------------ */

/* Keeps in *out the claims the caller may decide (the rule's approver
 * role over the claim's org, not its own). */
static int decidable_only(xf_ctx *c, xf_point_claim *cl, int *n)
{
	int64_t rule_ids[32];
	int may[32], nr = 0, k = 0;
	for (int i = 0; i < *n; i++) {
		if (c->scope && c->scope->member_id == cl[i].member_id)
			continue;
		int j = 0;
		while (j < nr && rule_ids[j] != cl[i].rule_id)
			j++;
		if (j == nr) {
			xf_point_rule r;
			int rc = xf_point_rule_load(c, cl[i].rule_id, &r);
			if (rc != XF_OK)
				return rc;
			const char *role =
			    r.nversions
			        ? r.versions[r.nversions - 1].approver_role
			        : "committee";
			j = nr < 32 ? nr++ : 31;
			rule_ids[j] = cl[i].rule_id;
			may[j] = xf_point_may_award(c, role, cl[i].org_path);
		}
		if (may[j])
			cl[k++] = cl[i];
	}
	*n = k;
	return XF_OK;
}

static int to_decide_tx(xf_ctx *c, xf_point_claim_filter *f,
                        xf_point_claim **out, int *n)
{
	int64_t total;
	int rc = claims_tx(c, 0, f, out, n, &total);
	if (rc != XF_OK || *n == 0 || f->member_id)
		return rc; /* a member-only caller decides nothing */
	return decidable_only(c, *out, n);
}

int xf_point_claims_to_decide(xf_ctx *c, int limit, xf_point_claim **out,
                              int *n)
{
	*n = 0;
	xf_point_claim_filter f = {.status = "pending", .limit = limit};
	XF_RETURN_READ_TX(c, to_decide_tx(c, &f, out, n));
}

static int decided_mine_tx(xf_ctx *c, int64_t since, xf_point_claim_filter *f,
                           xf_point_claim **out, int *n)
{
	int64_t total;
	int rc = xf_from_db(
	    c, xf_store_point_claim_list(c->db, c->a, f, out, n, &total));
	int k = 0;
	for (int i = 0; rc == XF_OK && i < *n; i++)
		if (strcmp((*out)[i].status, "pending") != 0 &&
		    (*out)[i].decided_at >= since)
			(*out)[k++] = (*out)[i];
	*n = k;
	return rc;
}

int xf_point_claims_decided_mine(xf_ctx *c, int64_t since, int limit,
                                 xf_point_claim **out, int *n)
{
	*n = 0;
	if (!c->scope || !c->scope->member_id)
		return XF_OK;
	xf_point_claim_filter f = {.member_id = c->scope->member_id,
	                           .limit = limit};
	f.ranges.n = 1;
	f.ranges.lo[0] = "/";
	f.ranges.hi[0] = "0";
	XF_RETURN_READ_TX(c, decided_mine_tx(c, since, &f, out, n));
}
