/*
 * point_rules.c (service) - the rulebook: rules with their dated versions,
 * checked against the rules of the domain, and the yearly settings.
 */
#include "service/point_rules.h"

#include "domain/points.h"
#include "service/points_int.h"
#include "service/snapshot.h"
#include "store/orgs.h"

#include <string.h>

static int rule_not_found(xf_ctx *c)
{
	return xf_fail(c, XF_E_NOT_FOUND, "not_found", "积分规则不存在", NULL);
}

/* Checks a version's fields against the rules of the rulebook. */
static int check_version(xf_ctx *c, const char *kind, const xf_point_version *v)
{
	if (!xf_points_category_valid(v->category))
		return xf_invalid(c, "积分类别不在规则类别之内", "category");
	if (xf_points_item_forbidden(v->item))
		return xf_invalid(
		    c,
		    "积分只计已核实的实绩，不得按点赞、投票、转发、"
		    "点击、签到或学习时长计分",
		    "item");
	if (xf_points_item_forbidden(v->description))
		return xf_invalid(
		    c,
		    "积分只计已核实的实绩，不得按点赞、投票、转发、"
		    "点击、签到或学习时长计分",
		    "description");
	if (v->veto) {
		if (strcmp(kind, "member") != 0)
			return xf_invalid(c, "组织积分不设一票否决项", "veto");
		if (strcmp(v->category, XF_POINTS_NEGATIVE_CATEGORY) != 0)
			return xf_invalid(c, "一票否决项应属于负面清单",
			                  "category");
		if (v->points != 0)
			return xf_invalid(c, "一票否决项的分值应为 0",
			                  "points");
	} else if (v->points == 0) {
		return xf_invalid(c, "分值不能为 0", "points");
	}
	if (v->points > 0 &&
	    strcmp(v->category, XF_POINTS_NEGATIVE_CATEGORY) == 0)
		return xf_invalid(c, "负面清单的分值应为负数", "points");
	if (v->points < 0 &&
	    strcmp(v->category, XF_POINTS_NEGATIVE_CATEGORY) != 0)
		return xf_invalid(c, "扣分项应列入负面清单", "category");
	if (v->cap > 0 && v->cap < (v->points < 0 ? -v->points : v->points))
		return xf_invalid(c, "上限不能小于单次分值", "cap");
	if (!xf_points_approver_valid(v->approver_role))
		return xf_invalid(c, "审核角色应为党组织书记或机关工委",
		                  "approver_role");
	if (strcmp(kind, "org") == 0 &&
	    strcmp(v->approver_role, "committee") != 0)
		return xf_invalid(c, "组织积分由机关工委审核", "approver_role");
	switch (xf_points_record_rule_check(kind, v->record_kind,
	                                    v->record_qualifier, v->veto)) {
	case XF_RECORD_RULE_OK:
		return XF_OK;
	case XF_RECORD_RULE_UNKNOWN:
		return xf_invalid(c, "自动记分依据不正确", "record_kind");
	case XF_RECORD_RULE_SUBJECT:
		return xf_invalid(c,
		                  strcmp(kind, "org") == 0
		                      ? "该记录只能为党员记分"
		                      : "该记录只能为组织记分",
		                  "record_kind");
	case XF_RECORD_RULE_QUALIFIER:
		return xf_invalid(c,
		                  v->record_kind
		                      ? "该自动记分依据不能限定会议类型"
		                      : "限定会议类型须先选择自动记分依据",
		                  "record_qualifier");
	case XF_RECORD_RULE_VETO:
		return xf_invalid(c, "一票否决项不能按记录自动记分", "veto");
	}
	return XF_OK;
}

int xf_point_rule_load(xf_ctx *c, int64_t id, xf_point_rule *r)
{
	int rc = xf_store_point_rule_get(c->db, c->a, id, r);
	if (rc == XF_DB_DONE)
		return rule_not_found(c);
	return rc == XF_DB_ROW ? XF_OK : xf_fail_db(c, rc);
}

static int rule_create_tx(xf_ctx *c, const xf_point_rule_input *in,
                          xf_point_rule *r)
{
	memset(r, 0, sizeof *r);
	r->kind = in->kind ? in->kind : "member";
	if (in->org_id) {
		xf_org o;
		int rc = xf_org_for_committee(c, in->org_id, "发布组织不存在",
		                              "无权为该组织制定积分规则", &o);
		if (rc != XF_OK)
			return rc;
		XF_SET_ORG(r, o);
	} else if (!xf_is_admin(c)) {
		const xf_grant *g = xf_committee_grant(c);
		if (!g)
			return xf_forbidden(c, "无权制定积分规则");
		xf_org o;
		int rc = xf_store_org_get(c->db, c->a, g->org_id, &o);
		if (rc != XF_DB_ROW)
			return xf_fail_db(c,
			                  rc == XF_DB_DONE ? XF_DB_ERROR : rc);
		XF_SET_ORG(r, o);
	}
	xf_point_version *v = xf_arena_calloc(c->a, 1, sizeof *v);
	if (!v)
		return xf_oom(c);
	v->version = 1;
	v->valid_from = in->valid_from ? in->valid_from : xf_today(c);
	v->category = in->category;
	v->item = in->item;
	v->description = in->description ? in->description : "";
	v->points = in->points;
	v->cap = in->cap;
	v->cap_period = in->cap_period ? in->cap_period : "year";
	v->approver_role = in->approver_role             ? in->approver_role
	                   : strcmp(r->kind, "org") == 0 ? "committee"
	                                                 : "secretary";
	v->needs_evidence = in->has_needs_evidence ? in->needs_evidence : 0;
	v->needs_approval = in->has_needs_approval ? in->needs_approval : 1;
	v->veto = in->has_veto ? in->veto : 0;
	v->record_kind = in->record_kind;
	v->record_qualifier = in->record_qualifier;
	v->created_by = c->user_id;
	int rc = check_version(c, r->kind, v);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_point_rule_insert(c->db, r, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	v->rule_id = r->id;
	drc = xf_store_point_version_insert(c->db, v, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	r->versions = v;
	r->nversions = 1;
	r->shown = v;
	return xf_audit(c, "create", "point_rule", r->id, r->org_path, NULL,
	                xf_snap_point_rule(c->a, r));
}

int xf_point_rule_create(xf_ctx *c, const xf_point_rule_input *in,
                         xf_point_rule *out)
{
	XF_RETURN_WRITE_TX(c, rule_create_tx(c, in, out));
}

int xf_point_rule_read(xf_ctx *c, int64_t id, xf_point_rule *out)
{
	XF_RETURN_READ_TX(c, xf_point_rule_load(c, id, out));
}

static int rule_change_tx(xf_ctx *c, int64_t id, const xf_point_rule_input *in,
                          xf_point_rule *r)
{
	int rc = xf_point_rule_load(c, id, r);
	if (rc != XF_OK)
		return rc;
	if (r->org_path ? !xf_committee_over(c, r->org_path, 0)
	                : !xf_is_admin(c))
		return xf_forbidden(c, "无权修改该积分规则");
	const xf_point_version *last = &r->versions[r->nversions - 1];
	if (!xf_points_version_from_ok(last->valid_from, in->valid_from))
		return xf_invalid(c, "新版本的生效日期应晚于当前版本的生效日期",
		                  "valid_from");
	const char *before = xf_snap_point_rule(c->a, r);
	xf_point_version *v = xf_arena_calloc(c->a, 1, sizeof *v);
	if (!v)
		return xf_oom(c);
	*v = *last;
	v->version = last->version + 1;
	v->valid_from = in->valid_from;
	v->valid_to = NULL;
	v->created_by = c->user_id;
	XF_TAKE(v, in, category);
	XF_TAKE(v, in, item);
	XF_TAKE(v, in, description);
	XF_TAKE(v, in, points);
	XF_TAKE(v, in, cap);
	XF_TAKE(v, in, cap_period);
	XF_TAKE(v, in, approver_role);
	XF_TAKE(v, in, needs_evidence);
	XF_TAKE(v, in, needs_approval);
	XF_TAKE(v, in, veto);
	XF_TAKE(v, in, record_kind);
	XF_TAKE(v, in, record_qualifier);
	if (in->has_record_kind && !v->record_kind && !in->has_record_qualifier)
		v->record_qualifier = NULL; /* a manual rule again */
	if (!v->description)
		v->description = "";
	rc = check_version(c, r->kind, v);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_point_version_close(c->db, last->id, v->valid_from);
	if (drc == XF_DB_OK)
		drc = xf_store_point_version_insert(c->db, v, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = xf_point_rule_load(c, id, r);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "update", "point_rule", r->id, r->org_path, before,
	                xf_snap_point_rule(c->a, r));
}

int xf_point_rule_change(xf_ctx *c, int64_t id, const xf_point_rule_input *in,
                         xf_point_rule *out)
{
	XF_RETURN_WRITE_TX(c, rule_change_tx(c, id, in, out));
}

int xf_point_rule_list(xf_ctx *c, const char *kind, const char *on,
                       const char *category, xf_point_rule **out, int *n)
{
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_point_rules_on(c->db, c->a,
	                                             kind ? kind : "member",
	                                             on ? on : xf_today(c),
	                                             category, 1000, out, n)));
}

int xf_point_settings_read(xf_ctx *c, const char *kind, int year, int64_t *base,
                           int64_t *floor)
{
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_point_settings_get(c->db, kind, year,
	                                                 base, floor)));
}

static int settings_tx(xf_ctx *c, const char *kind, int year, int64_t base,
                       int64_t floor)
{
	if (!xf_is_admin(c))
		return xf_forbidden(c, "只有系统管理员可以设置基础分和保底分");
	if (floor > base)
		return xf_invalid(c, "保底分不能高于基础分", "floor");
	int64_t ob, of;
	int drc = xf_store_point_settings_get(c->db, kind, year, &ob, &of);
	if (drc == XF_DB_OK)
		drc = xf_store_point_settings_put(c->db, kind, year, base,
		                                  floor, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	char *before = xf_arena_printf(
	    c->a, "{\"kind\":\"%s\",\"year\":%d,\"base\":%lld,\"floor\":%lld}",
	    kind, year, (long long)ob, (long long)of);
	char *after = xf_arena_printf(
	    c->a, "{\"kind\":\"%s\",\"year\":%d,\"base\":%lld,\"floor\":%lld}",
	    kind, year, (long long)base, (long long)floor);
	return xf_audit(c, "update", "point_settings", year, NULL, before,
	                after);
}

int xf_point_settings_write(xf_ctx *c, const char *kind, int year, int64_t base,
                            int64_t floor)
{
	XF_RETURN_WRITE_TX(c, settings_tx(c, kind, year, base, floor));
}
