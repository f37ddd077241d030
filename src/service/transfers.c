/*
 * transfers.c (service) - 组织关系转接: the checks of a new transfer, the
 * side that may act at each step, what arrival does to the roster, the
 * list with the letter's countdown, and a member's history rows.
 */
#include "service/transfers.h"

#include "base/date.h"
#include "service/members.h"
#include "store/members.h"
#include "store/orgs.h"

#include <string.h>

static const xf_record transfer_rec = {"转接记录不存在", NULL, NULL};

static void fill_countdown(xf_ctx *c, xf_org_transfer *t)
{
	xf_date dl;
	if (!t->deadline_on || xf_date_parse(t->deadline_on, &dl) != 0)
		return;
	xf_date today = xf_date_today(c->now);
	t->days_left = xf_transfer_days_left(dl, today);
	t->overdue = xf_transfer_overdue(t->state, dl, today);
}

/* 1 if the caller reads either side of t. */
static int readable(const xf_ctx *c, const xf_org_transfer *t)
{
	return (t->from_path && xf_can_read(c, t->from_path)) ||
	       (t->to_path && xf_can_read(c, t->to_path));
}

/* Loads an inside organization named by field (422 when missing). */
static int inside_org(xf_ctx *c, int64_t id, const char *field, xf_org *o)
{
	if (!id)
		return xf_invalid(c, "请选择转入的党组织", field);
	return xf_org_named(c, id, "党组织不存在", field, o);
}

static int need_text(xf_ctx *c, const char *s, const char *message,
                     const char *field)
{
	return s && s[0] ? XF_OK : xf_invalid(c, message, field);
}

static int create_tx(xf_ctx *c, const xf_org_transfer *in, xf_org_transfer *t)
{
	*t = *in;
	t->id = 0;
	t->state = "applied";
	t->created_by = c->user_id;
	t->from_org_id = t->to_org_id = 0;
	t->from_path = t->to_path = NULL;
	int rc = XF_OK;
	int is_in = strcmp(in->kind, "in") == 0;
	if (!is_in) {
		/* in_tree, out: the member's organization sends */
		if (!in->member_id)
			return xf_invalid(c, "请选择转出的党员", "member_id");
		xf_member m;
		rc =
		    xf_member_for_write(c, in->member_id,
		                        "只有转出党员所在组织的书记、上级党委或"
		                        "管理员可以办理转出",
		                        &m);
		if (rc != XF_OK)
			return rc;
		int64_t left = 0, open = 0;
		int drc = xf_store_member_has_left(c->db, m.id, &left);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		if (left)
			return xf_fail(c, XF_E_CONFLICT, "member_left",
			               "该党员已转出，不在党员名册中",
			               "member_id");
		drc = xf_store_transfer_case_open(c->db, m.id, &open);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
		if (open)
			return xf_fail(c, XF_E_CONFLICT, "transfer_open",
			               "该党员已有正在办理的组织关系转接",
			               "member_id");
		t->person_name = m.name;
		t->from_org_id = m.org_id;
		t->from_path = m.org_path;
		t->gender = t->id_number = t->phone = t->status = t->joined_on =
		    NULL;
		t->outside_from = NULL;
	}
	if (strcmp(in->kind, "out") == 0) {
		rc = need_text(c, in->outside_to,
		               "请填写转入的系统外党组织名称", "outside_org");
		t->outside_from = NULL;
	} else {
		xf_org o;
		rc = inside_org(c, in->to_org_id, "to_org_id", &o);
		if (rc == XF_OK && t->from_org_id == o.id)
			rc = xf_invalid(c, "转入组织与当前组织相同",
			                "to_org_id");
		if (rc == XF_OK && is_in && !xf_can_write(c, o.path))
			return xf_fail(
			    c, XF_E_FORBIDDEN, "forbidden",
			    "只有转入组织的书记、上级党委或管理员可以"
			    "登记转入",
			    "to_org_id");
		/* within the tree, any organization of the platform may
		 * receive: its side approves the next step */
		t->to_org_id = o.id;
		t->to_path = o.path;
		t->outside_to = NULL;
	}
	if (rc != XF_OK)
		return rc;
	if (is_in) {
		rc = need_text(c, in->outside_from,
		               "请填写转出的系统外党组织名称", "outside_org");
		if (rc == XF_OK)
			rc = need_text(c, in->person_name, "请填写转入党员姓名",
			               "person_name");
		if (rc == XF_OK &&
		    (!in->gender || !in->id_number || !in->phone ||
		     !in->status || !in->joined_on))
			rc = xf_invalid(
			    c,
			    "转入党员须填写性别、身份证号码、手机号码、"
			    "党员类别和入党日期",
			    "person");
		if (rc != XF_OK)
			return rc;
		t->member_id = 0;
	}
	xf_date issued;
	if (xf_date_parse(in->issued_on, &issued) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "issued_on");
	if (xf_date_cmp(issued, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "介绍信开具日期不能晚于今天", "issued_on");
	char dl[11];
	xf_date_format(xf_transfer_deadline(issued), dl);
	t->deadline_on = xf_arena_strdup(c->a, dl);
	if (!t->deadline_on)
		return xf_oom(c);
	int drc = xf_store_transfer_case_insert(c->db, t, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_transfer_case_get(c->db, c->a, t->id, t);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	fill_countdown(c, t);
	return xf_audit(c, "create", "transfer", t->id,
	                t->from_path ? t->from_path : t->to_path, NULL, NULL);
}

int xf_transfer_create(xf_ctx *c, const xf_org_transfer *in,
                       xf_org_transfer *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int load(xf_ctx *c, int64_t id, xf_org_transfer *t)
{
	memset(t, 0, sizeof *t);
	int found = xf_store_transfer_case_get(c->db, c->a, id, t);
	if (found == XF_DB_ROW && readable(c, t)) {
		fill_countdown(c, t);
		return XF_OK;
	}
	/* out of scope on both sides: not found */
	return xf_loaded(c, found == XF_DB_ROW ? XF_DB_DONE : found, NULL,
	                 XF_FOR_READ, &transfer_rec);
}

/* What arrival does: the member moves (in_tree), leaves the roster (out)
 * or is created in the receiving organization (in). */
static int arrive(xf_ctx *c, xf_org_transfer *t, const char *day)
{
	if (strcmp(t->kind, "in") == 0) {
		xf_member_input mi;
		memset(&mi, 0, sizeof mi);
		mi.name = t->person_name;
		mi.gender = t->gender;
		mi.id_number = t->id_number;
		mi.phone = t->phone;
		mi.status = t->status;
		mi.joined_on = t->joined_on;
		mi.org_id = t->to_org_id;
		xf_member m;
		int rc = xf_member_create_in_tx(c, &mi, &m);
		if (rc != XF_OK)
			return rc;
		t->member_id = m.id;
		return XF_OK;
	}
	xf_member m;
	memset(&m, 0, sizeof m);
	int drc = xf_store_member_get(c->db, c->a, t->member_id, &m);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "member_gone",
		               "该党员已不在名册中", NULL);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (m.org_id != t->from_org_id)
		return xf_fail(c, XF_E_CONFLICT, "member_moved",
		               "该党员已不在转出组织", NULL);
	if (strcmp(t->kind, "out") == 0) {
		drc = xf_store_member_leave(c->db, m.id, day, c->now);
		if (drc == XF_DB_OK)
			drc = xf_store_org_add_members(c->db, m.org_id, -1);
		return xf_from_db(c, drc);
	}
	xf_org o;
	drc = xf_store_org_get(c->db, c->a, t->to_org_id, &o);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	XF_SET_ORG(&m, o);
	drc = xf_store_member_update(c->db, &m, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_org_add_members(c->db, t->from_org_id, -1);
	if (drc == XF_DB_OK)
		drc = xf_store_org_add_members(c->db, o.id, 1);
	return xf_from_db(c, drc);
}

static const char *const action_names[] = {"approve", "reject", "transfer"};

static int act_tx(xf_ctx *c, int64_t id, xf_transfer_action action,
                  const char *day, const char *note, xf_org_transfer *t)
{
	int rc = load(c, id, t);
	if (rc != XF_OK)
		return rc;
	char side = xf_transfer_side(t->kind, t->state);
	if (!side)
		return xf_fail(c, XF_E_CONFLICT, "transfer_closed",
		               "该转接已办结", NULL);
	const char *path = side == 'f' ? t->from_path : t->to_path;
	if (!path || !xf_can_write(c, path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               side == 'f' ? "此步骤应由转出方党组织办理"
		                           : "此步骤应由转入方党组织办理",
		               NULL);
	const char *next = xf_transfer_next(t->kind, t->state, action);
	if (!next)
		return xf_fail(c, XF_E_CONFLICT, "wrong_step",
		               action == XF_TR_ARRIVE
		                   ? "尚未完成审批，不能登记到达"
		                   : "审批已完成，请登记到达",
		               NULL);
	char today[11];
	xf_date_format(xf_date_today(c->now), today);
	if (action == XF_TR_ARRIVE) {
		xf_date d, issued;
		if (!day)
			day = xf_arena_strdup(c->a, today);
		if (!day || xf_date_parse(day, &d) != 0 ||
		    xf_date_parse(t->issued_on, &issued) != 0)
			return xf_invalid(c, "日期格式应为 YYYY-MM-DD",
			                  "arrived_on");
		if (strcmp(day, today) > 0)
			return xf_invalid(c, "到达日期不能晚于今天",
			                  "arrived_on");
		if (xf_date_cmp(d, issued) < 0)
			return xf_invalid(c, "到达日期不能早于介绍信开具日期",
			                  "arrived_on");
		rc = arrive(c, t, day);
		if (rc != XF_OK)
			return rc;
		t->arrived_on = day;
	}
	t->state = next;
	t->note = note;
	int drc = xf_store_transfer_case_move(c->db, t, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_transfer_case_get(c->db, c->a, t->id, t);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	fill_countdown(c, t);
	return xf_audit(c, action_names[action], "transfer", t->id, path, NULL,
	                NULL);
}

int xf_transfer_act(xf_ctx *c, int64_t id, xf_transfer_action action,
                    const char *day, const char *note, xf_org_transfer *out)
{
	XF_RETURN_WRITE_TX(c, act_tx(c, id, action, day, note, out));
}

int xf_transfer_read(xf_ctx *c, int64_t id, xf_org_transfer *out)
{
	XF_RETURN_READ_TX(c, load(c, id, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, const char *state,
                   int overdue_only, int offset, int limit,
                   xf_org_transfer **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	char today[11] = "";
	if (overdue_only)
		xf_date_format(xf_date_today(c->now), today);
	rc = xf_from_db(c, xf_store_transfer_case_list(c->db, c->a, &r, state,
	                                               today, offset, limit,
	                                               out, n, total));
	for (int i = 0; rc == XF_OK && i < *n; i++)
		fill_countdown(c, &(*out)[i]);
	return rc;
}

int xf_transfer_list(xf_ctx *c, int64_t org_id, const char *state,
                     int overdue_only, int offset, int limit,
                     xf_org_transfer **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, list_tx(c, org_id, state, overdue_only, offset,
	                             limit, out, n, total));
}

int xf_transfer_history_rows(xf_ctx *c, int64_t member_id, xf_transfer **items,
                             int *n)
{
	xf_org_transfer *ts;
	int nt;
	int drc =
	    xf_store_transfer_case_of_member(c->db, c->a, member_id, &ts, &nt);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (!nt)
		return XF_OK;
	xf_transfer *all =
	    xf_arena_calloc(c->a, (size_t)(*n + nt) + 1, sizeof *all);
	if (!all)
		return xf_oom(c);
	for (int i = 0; i < nt; i++) {
		const xf_org_transfer *t = &ts[i];
		all[i] = (xf_transfer){
		    .id = t->id,
		    .from_org_id = t->from_org_id,
		    .to_org_id = t->to_org_id,
		    .user_id = t->created_by,
		    .at = t->created_at,
		    .from_org_name =
		        t->from_org_name ? t->from_org_name : t->outside_from,
		    .to_org_name =
		        t->to_org_name ? t->to_org_name : t->outside_to,
		    .reason = t->reason ? t->reason : "",
		    .kind = t->kind,
		    .state = t->state,
		    .letter_no = t->letter_no,
		    .deadline_on = t->deadline_on,
		    .arrived_on = t->arrived_on,
		};
	}
	for (int i = 0; i < *n; i++)
		all[nt + i] = (*items)[i];
	*items = all;
	*n += nt;
	return XF_OK;
}
