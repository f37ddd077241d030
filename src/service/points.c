/*
 * points.c (service) - the ledger: awards, entries from records, reversals
 * and reading entries. All entries are written by xf_point_write_entry(),
 * which asks the domain for caps, floors and vetoes and keeps the totals
 * in the same transaction. The rulebook is in point_rules.c, claims in
 * point_claims.c; what they share with this file is in points_int.h.
 */
#include "service/points.h"

#include "base/date.h"
#include "domain/points.h"
#include "service/points_int.h"
#include "service/snapshot.h"
#include "store/orgs.h"

#include <string.h>

/*
 * Whether the caller may decide points needing role ("secretary" or
 * "committee") for a subject at path: admin; a committee grant over the
 * path; a secretary grant over the path when the rule names secretaries.
 */
int xf_point_may_award(const xf_ctx *c, const char *role, const char *path)
{
	if (xf_is_admin(c))
		return 1;
	int sec = role && strcmp(role, "secretary") == 0;
	for (int i = 0; i < c->scope->n; i++) {
		const xf_grant *g = &c->scope->g[i];
		if (!xf_path_within(path, g->org_path))
			continue;
		if (g->role == XF_ROLE_COMMITTEE ||
		    (sec && g->role == XF_ROLE_SECRETARY))
			return 1;
	}
	return 0;
}

/* ---- writing entries ----------------------------------------------------*/

static xf_period_kind period_kind(const char *s)
{
	if (strcmp(s, "month") == 0)
		return XF_PERIOD_MONTH;
	if (strcmp(s, "quarter") == 0)
		return XF_PERIOD_QUARTER;
	return XF_PERIOD_YEAR;
}

/* The version of rule r in force on date; 422 on field if none. */
int xf_point_version_on(xf_ctx *c, const xf_point_rule *r, const char *date,
                        const char *field, const xf_point_version **out)
{
	xf_point_span spans[64];
	int n = r->nversions < 64 ? r->nversions : 64;
	for (int i = 0; i < n; i++) {
		spans[i].valid_from = r->versions[i].valid_from;
		spans[i].valid_to = r->versions[i].valid_to;
	}
	int i = xf_points_version_on(spans, n, date);
	if (i < 0)
		return xf_invalid(c, "该积分规则在该日期不适用", field);
	*out = &r->versions[i];
	return XF_OK;
}

/* Adds e to the kept totals of its month, quarter and year. seen: whether
 * the member already had entries in the org in each (for member counts). */
static int add_totals(xf_ctx *c, const xf_point_entry *e, const int seen[3])
{
	const char *periods[3] = {e->month, e->quarter, e->year};
	for (int i = 0; i < 3; i++) {
		int drc;
		if (e->member_id) {
			drc = xf_store_point_member_total_add(c->db, e,
			                                      periods[i]);
			if (drc == XF_DB_OK)
				drc = xf_store_point_org_total_add(
				    c->db, e->org_id, periods[i], e->points, 1,
				    seen[i] ? 0 : 1, 0, 0);
		} else {
			drc = xf_store_point_org_total_add(c->db, e->org_id,
			                                   periods[i], 0, 0, 0,
			                                   e->points, 1);
		}
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	return XF_OK;
}

/* Inserts e and keeps the totals; e carries everything but its id. res
 * gets the entry as stored, re-read for display. */
static int insert_entry(xf_ctx *c, xf_point_entry *e, xf_point_result *res)
{
	int seen[3] = {1, 1, 1};
	int drc = XF_DB_OK;
	if (e->member_id)
		drc = xf_store_point_member_seen(c->db, e->member_id, e->org_id,
		                                 e->year, e->quarter, e->month,
		                                 seen);
	if (drc == XF_DB_OK)
		drc = xf_store_point_entry_insert(c->db, e, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int rc = add_totals(c, e, seen);
	if (rc != XF_OK)
		return rc;
	memset(res, 0, sizeof *res);
	drc = xf_store_point_entry_get(c->db, c->a, e->id, &res->entry);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	res->has_entry = 1;
	return XF_OK;
}

/*
 * Writes the entry of rule r for subject s on date under the caps, floor
 * and veto of the domain. source: claim, award or record. Fills res (the
 * entry re-read for display) and audits.
 */
int xf_point_write_entry(xf_ctx *c, const xf_point_rule *r,
                         const xf_point_subject *s, const char *date,
                         const char *source, const char *reason,
                         int64_t claim_id, const char *record_ref,
                         const char *record_group, xf_point_result *res)
{
	const xf_point_version *v;
	int rc = xf_point_version_on(c, r, date, "rule_id", &v);
	if (rc != XF_OK)
		return rc;
	xf_date d;
	xf_date_parse(date, &d);
	char month[12], quarter[12], year[12];
	xf_points_periods(d, month, quarter, year);
	const char *cap_col = v->cap_period;
	const char *cap_per = period_kind(cap_col) == XF_PERIOD_MONTH ? month
	                      : period_kind(cap_col) == XF_PERIOD_QUARTER
	                          ? quarter
	                          : year;
	xf_point_state st = {0};
	int64_t base = 0;
	int drc = xf_store_point_rule_used(c->db, s->member_id, s->org_id,
	                                   r->id, cap_col, cap_per, &st.used);
	if (drc == XF_DB_OK)
		drc = xf_store_point_settings_get(c->db, r->kind, d.y, &base,
		                                  &st.floor);
	int64_t year_points = 0;
	if (drc == XF_DB_OK && s->member_id)
		drc = xf_store_point_member_period(c->db, s->member_id, year,
		                                   &year_points, &st.vetoed);
	else if (drc == XF_DB_OK)
		drc = xf_store_point_org_period(c->db, s->org_id, year,
		                                &year_points);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	st.year_total = base + year_points;
	xf_point_terms t = {.points = v->points,
	                    .cap = v->cap,
	                    .cap_period = period_kind(v->cap_period),
	                    .veto = v->veto};
	xf_point_grant g;
	if (xf_points_grant(&t, &st, &g) == XF_POINTS_VETOED)
		return xf_fail(c, XF_E_CONFLICT, "vetoed",
		               "该党员本年度已被一票否决，不再计分", NULL);
	static const char *const per_names[] = {"", "年度", "季度", "月度"};
	const char *note = "";
	if (g.veto)
		note = "一票否决：本年度积分清零";
	else if (g.capped)
		note = xf_arena_printf(
		    c->a, "申报%lld分，已达%s上限%lld分，实计%lld分",
		    (long long)v->points, per_names[period_kind(v->cap_period)],
		    (long long)v->cap, (long long)g.points);
	else if (g.floored)
		note = xf_arena_printf(
		    c->a, "扣%lld分，受保底分%lld分限制，实扣%lld分",
		    (long long)-v->points, (long long)st.floor,
		    (long long)-g.points);
	xf_point_entry e = {
	    .member_id = s->member_id,
	    .org_id = s->org_id,
	    .org_path = s->org_path,
	    .rule_id = r->id,
	    .rule_version_id = v->id,
	    .points = g.points,
	    .asked = v->points,
	    .occurred_on = date,
	    .month = month,
	    .quarter = quarter,
	    .year = year,
	    .source = source,
	    .reason = reason,
	    .note = note,
	    .claim_id = claim_id,
	    .record_ref = record_ref,
	    .record_group = record_group,
	    .veto = g.veto ? 1 : 0,
	    .actor_id = c->user_id,
	    .actor_name = c->username,
	};
	rc = insert_entry(c, &e, res);
	if (rc != XF_OK)
		return rc;
	res->capped = g.capped;
	res->floored = g.floored;
	res->veto = g.veto;
	res->message = *note ? note : NULL;
	return xf_audit(c, "create", "point_entry", e.id, s->org_path, NULL,
	                xf_snap_point_entry(c->a, &res->entry));
}

/* Loads a member as the subject of an entry; a write: out of scope is
 * 403 unless the caller is the member (claims). */
int xf_point_member_load(xf_ctx *c, int64_t id, xf_member *m)
{
	int rc = xf_store_member_get(c->db, c->a, id, m);
	if (rc == XF_DB_DONE)
		return xf_invalid(c, "党员不存在", "member_id");
	return rc == XF_DB_ROW ? XF_OK : xf_fail_db(c, rc);
}

/* The rule must exist, be of kind and apply to the subject's org. */
int xf_point_rule_load_for(xf_ctx *c, int64_t rule_id, const char *kind,
                           const char *path, xf_point_rule *r)
{
	int rc = xf_store_point_rule_get(c->db, c->a, rule_id, r);
	if (rc == XF_DB_DONE)
		return xf_invalid(c, "积分规则不存在", "rule_id");
	if (rc != XF_DB_ROW)
		return xf_fail_db(c, rc);
	if (strcmp(r->kind, kind) != 0)
		return xf_invalid(c,
		                  strcmp(kind, "org") == 0
		                      ? "该规则不是组织积分规则"
		                      : "该规则不是党员积分规则",
		                  "rule_id");
	if (r->org_path && !xf_path_within(path, r->org_path))
		return xf_invalid(c, "该规则不适用于该组织", "rule_id");
	return XF_OK;
}

static int award_tx(xf_ctx *c, const xf_point_award_input *in,
                    xf_point_result *res)
{
	xf_point_subject s = {0};
	xf_point_rule r;
	int rc;
	const char *date = in->occurred_on ? in->occurred_on : xf_today(c);
	xf_date d, now = xf_date_today(c->now);
	if (xf_date_parse(date, &d) != 0 || xf_date_cmp(d, now) > 0)
		return xf_invalid(c, "发生日期不能晚于今天", "occurred_on");
	if (in->member_id) {
		xf_member m;
		rc = xf_point_member_load(c, in->member_id, &m);
		if (rc != XF_OK)
			return rc;
		s.member_id = m.id;
		s.org_id = m.org_id;
		s.org_path = m.org_path;
		rc = xf_point_rule_load_for(c, in->rule_id, "member",
		                            m.org_path, &r);
	} else {
		xf_org o;
		rc = xf_org_named(c, in->org_id, "组织不存在", "org_id", &o);
		if (rc != XF_OK)
			return rc;
		s.org_id = o.id;
		s.org_path = o.path;
		rc = xf_point_rule_load_for(c, in->rule_id, "org", o.path, &r);
	}
	if (rc != XF_OK)
		return rc;
	const xf_point_version *v = &r.versions[r.nversions - 1];
	if (s.member_id ? !xf_point_may_award(c, v->approver_role, s.org_path)
	                : !xf_committee_over(c, s.org_path, 1))
		return xf_forbidden(c, "无权为其记分");
	if (in->occurred_on && !xf_committee_over(c, s.org_path, 0))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "只有机关工委可以补记以往日期的积分",
		               "occurred_on");
	if (v->record_kind)
		return xf_invalid(c, "该规则按记录自动记分，不能直接认定",
		                  "rule_id");
	return xf_point_write_entry(c, &r, &s, date, "award", in->reason, 0,
	                            in->record_ref, NULL, res);
}

int xf_point_award(xf_ctx *c, const xf_point_award_input *in,
                   xf_point_result *res)
{
	int rc;
	if (!in->member_id == !in->org_id)
		return xf_invalid(c, "应指定党员或组织之一", "member_id");
	int64_t key = in->org_id
	                  ? in->org_id
	                  : xf_store_point_write_org(c->db, XF_POINT_KEY_MEMBER,
	                                             in->member_id);
	XF_TOTALS_TX(c, key, rc, award_tx(c, in, res));
	return rc;
}

/* ---- reversals ----------------------------------------------------------*/

static const xf_record entry = {"积分记录不存在", NULL, NULL};

static int reverse_tx(xf_ctx *c, int64_t id, const char *reason,
                      xf_point_result *res)
{
	xf_point_entry o;
	int drc = xf_store_point_entry_get(c->db, c->a, id, &o);
	if (drc != XF_DB_ROW) /* who may reverse it is decided below */
		return xf_loaded(c, drc, NULL, XF_FOR_READ, &entry);
	xf_point_rule r;
	int rc = xf_point_rule_load(c, o.rule_id, &r);
	if (rc != XF_OK)
		return rc;
	const xf_point_version *v = &r.versions[r.nversions - 1];
	if (o.member_id ? !xf_point_may_award(c, v->approver_role, o.org_path)
	                : !xf_committee_over(c, o.org_path, 1))
		return xf_forbidden(c, "无权冲正该积分记录");
	return xf_point_reverse_in_tx(c, &o, reason, res);
}

/*
 * Reverses entry o inside the caller's write transaction, whoever the
 * caller is (the caller decided it may): refused while o is a reversal,
 * already reversed, or a veto of its year is in force.
 */
int xf_point_reverse_in_tx(xf_ctx *c, const xf_point_entry *op,
                           const char *reason, xf_point_result *res)
{
	const xf_point_entry o = *op;
	int drc, rc;
	if (o.reverses_id)
		return xf_fail(c, XF_E_CONFLICT, "is_reversal",
		               "冲正记录不能再冲正", NULL);
	if (o.reversed_by)
		return xf_fail(c, XF_E_CONFLICT, "already_reversed",
		               "该积分记录已被冲正", NULL);
	if (o.member_id) {
		int64_t p;
		int vetoed = 0;
		drc = xf_store_point_member_period(c->db, o.member_id, o.year,
		                                   &p, &vetoed);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		if (!xf_points_reversal_allowed(o.veto > 0, vetoed))
			return xf_fail(
			    c, XF_E_CONFLICT, "vetoed",
			    "本年度一票否决生效期间，请先冲正否决记录", NULL);
	}
	xf_point_entry e = o;
	e.id = 0;
	e.points = -o.points;
	e.asked = -o.points;
	e.source = "reversal";
	e.reason = reason;
	e.note = xf_arena_printf(c->a, "冲正第%lld号记录", (long long)o.id);
	e.claim_id = 0;
	e.record_ref = NULL;
	e.record_group = NULL;
	e.reverses_id = o.id;
	e.reversed_by = 0;
	e.veto = o.veto > 0 ? -1 : 0;
	e.actor_id = c->user_id;
	e.actor_name = c->username;
	rc = insert_entry(c, &e, res);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "reverse", "point_entry", e.id, o.org_path,
	                xf_snap_point_entry(c->a, &o),
	                xf_snap_point_entry(c->a, &res->entry));
}

int xf_point_reverse(xf_ctx *c, int64_t entry_id, const char *reason,
                     xf_point_result *res)
{
	int rc;
	int64_t key =
	    xf_store_point_write_org(c->db, XF_POINT_KEY_ENTRY, entry_id);
	XF_TOTALS_TX(c, key, rc, reverse_tx(c, entry_id, reason, res));
	return rc;
}

/* Whether the caller reads the ledger rows of a subject at path. */
int xf_point_reads_of(const xf_ctx *c, int64_t member_id, const char *path)
{
	return xf_can_read(c, path) ||
	       (member_id && c->scope && c->scope->member_id == member_id);
}

/* Loads an entry to read it: staff over its org, or its member. */
static int load_entry(xf_ctx *c, int64_t id, xf_point_entry *e)
{
	int found = xf_store_point_entry_get(c->db, c->a, id, e);
	if (found == XF_DB_ROW &&
	    xf_point_reads_of(c, e->member_id, e->org_path))
		return XF_OK;
	return xf_loaded(c, found, found == XF_DB_ROW ? e->org_path : NULL,
	                 XF_FOR_READ, &entry);
}

int xf_point_entry_read(xf_ctx *c, int64_t id, xf_point_entry *out)
{
	XF_RETURN_READ_TX(c, load_entry(c, id, out));
}

/* The ranges a list of claims or entries is limited to; a member-only
 * caller gets its own records (*self set). Returns XF_OK or an error. */
int xf_point_list_scope(xf_ctx *c, int64_t org_id, xf_ranges *rg, int64_t *self)
{
	*self = 0;
	int rc = xf_list_scope(c, org_id, "org", rg);
	if (rc != XF_OK || rg->n > 0 || org_id)
		return rc;
	if (!c->scope || !c->scope->member_id)
		return XF_OK; /* nothing */
	*self = c->scope->member_id;
	rg->n = 1;
	rg->lo[0] = "/";
	rg->hi[0] = "0";
	return XF_OK;
}

static int entries_tx(xf_ctx *c, int64_t org_id, xf_point_entry_filter *f,
                      xf_point_entry **out, int *n, int64_t *total)
{
	int64_t self;
	int rc = xf_point_list_scope(c, org_id, &f->ranges, &self);
	if (rc != XF_OK)
		return rc;
	if (self) {
		if (f->member_id && f->member_id != self)
			return XF_OK; /* another member's: none */
		f->member_id = self;
	}
	if (f->ranges.n == 0)
		return XF_OK;
	return xf_from_db(
	    c, xf_store_point_entry_list(c->db, c->a, f, out, n, total));
}

int xf_point_entry_list(xf_ctx *c, int64_t member_id, int64_t org_id,
                        const char *period, int offset, int limit,
                        xf_point_entry **out, int *n, int64_t *total)
{
	*n = 0;
	*total = 0;
	xf_point_entry_filter f = {.member_id = member_id,
	                           .period = period,
	                           .offset = offset,
	                           .limit = limit};
	XF_RETURN_READ_TX(c, entries_tx(c, org_id, &f, out, n, total));
}
