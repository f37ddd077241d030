/*
 * terms.c (service) - 换届: who may record an election and who approves
 * it, the checks of its dates, votes and positions, the history of an
 * organization and the board of current terms with their countdown.
 */
#include "service/terms.h"

#include "base/date.h"
#include "service/snapshot.h"
#include "store/members.h"
#include "store/orgs.h"

#include <string.h>

static const xf_record org_rec = {
    "组织不存在", "只有本组织书记、上级党委或管理员可以登记换届选举", NULL};
static const xf_record term_rec = {"换届记录不存在",
                                   "只有上级党委可以批复选举结果", NULL};

/* Fills the countdown of t (a term, id != 0) from today. */
static void fill_countdown(xf_ctx *c, xf_term *t)
{
	xf_date end;
	if (!t->id || !t->ends_on || xf_date_parse(t->ends_on, &end) != 0)
		return;
	xf_date today = xf_date_today(c->now);
	char buf[11];
	xf_date_format(xf_term_reminder_on(end), buf);
	t->reminder_on = xf_arena_strdup(c->a, buf);
	t->days_left = xf_term_days_left(end, today);
	t->reminder_due = xf_term_reminder_due(end, today);
	t->overdue = xf_term_overdue(end, today);
}

static int check_positions(xf_ctx *c, const xf_org *o, const xf_term *in,
                           xf_term_position *ps)
{
	int secretaries = 0;
	if (in->npositions < 1 || in->npositions > XF_TERM_POSITIONS_MAX)
		return xf_invalid(c, "请填写当选的书记、副书记和委员",
		                  "positions");
	for (int i = 0; i < in->npositions; i++) {
		const xf_term_position *p = &in->positions[i];
		if (!xf_code_valid(xf_term_positions, p->position))
			return xf_invalid(c, "职务应为书记、副书记或委员",
			                  "positions");
		if (strcmp(p->position, "secretary") == 0)
			secretaries++;
		for (int j = 0; j < i; j++)
			if (in->positions[j].member_id == p->member_id)
				return xf_invalid(c, "同一党员只能担任一个职务",
				                  "positions");
		if (p->votes && (p->votes > in->present ||
		                 !xf_term_elected(p->votes, in->present)))
			return xf_invalid(
			    c, "当选人得票须超过到会有选举权党员人数的一半",
			    "positions");
		xf_member m;
		memset(&m, 0, sizeof m);
		int drc = xf_store_member_get(c->db, c->a, p->member_id, &m);
		if (drc == XF_DB_DONE ||
		    (drc == XF_DB_ROW && !xf_path_within(m.org_path, o->path)))
			return xf_invalid(c, "当选人须为本组织的党员",
			                  "positions");
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
		ps[i] = *p;
		ps[i].member_name = m.name;
	}
	if (secretaries != 1)
		return xf_invalid(c, "每届委员会须选出一名书记", "positions");
	return XF_OK;
}

static int create_tx(xf_ctx *c, int64_t org_id, const xf_term *in, xf_term *t)
{
	memset(t, 0, sizeof *t);
	xf_org o;
	int found = xf_store_org_get(c->db, c->a, org_id, &o);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? o.path : NULL,
	                   XF_FOR_WRITE, &org_rec);
	if (rc != XF_OK)
		return rc;
	int years = xf_term_years_of(o.kind);
	if (!years)
		return xf_fail(c, XF_E_INVALID, "no_term",
		               "该类组织不设委员会，不进行换届选举", "org_id");
	if (in->years) {
		if (!xf_term_years_ok(in->years))
			return xf_invalid(c, "任期应为 3 年或 5 年", "years");
		years = in->years;
	}
	xf_date elected;
	if (xf_date_parse(in->elected_on, &elected) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "elected_on");
	if (xf_date_cmp(elected, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "选举日期不能晚于今天", "elected_on");
	const char *last;
	int drc = xf_store_term_last_elected(c->db, c->a, o.id, &last);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (last[0] && strcmp(in->elected_on, last) <= 0)
		return xf_invalid(c, "选举日期应晚于上一届的选举日期",
		                  "elected_on");
	if (in->present > in->entitled)
		return xf_invalid(c, "实到会人数不能多于应到会人数", "present");
	if (!xf_term_quorum_ok(in->present, in->entitled))
		return xf_fail(c, XF_E_INVALID, "no_quorum",
		               "有选举权的到会党员须超过应到会人数的五分之四，"
		               "选举方为有效",
		               "present");
	xf_term_position *ps =
	    xf_arena_calloc(c->a, (size_t)in->npositions + 1, sizeof *ps);
	if (!ps)
		return xf_oom(c);
	rc = check_positions(c, &o, in, ps);
	if (rc != XF_OK)
		return rc;
	char end[11];
	xf_date_format(xf_term_ends_on(elected, years), end);
	t->org_id = o.id;
	t->org_name = o.name;
	t->org_path = o.path;
	t->org_kind = o.kind;
	t->elected_on = in->elected_on;
	t->years = years;
	t->ends_on = xf_arena_strdup(c->a, end);
	t->entitled = in->entitled;
	t->present = in->present;
	t->state = "pending";
	t->created_by = c->user_id;
	t->positions = ps;
	t->npositions = in->npositions;
	if (!t->ends_on)
		return xf_oom(c);
	drc = xf_store_term_insert(c->db, t, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_invalid(c, "同一党员只能担任一个职务", "positions");
	if (drc == XF_DB_OK) /* the positions as they read back: 书记 first */
		drc = xf_store_term_positions(c->db, c->a, t);
	fill_countdown(c, t);
	return xf_audit_db(c, drc, "create", "term", t->id, t->org_path, NULL,
	                   xf_snap_term(c->a, t));
}

int xf_term_create(xf_ctx *c, int64_t org_id, const xf_term *in, xf_term *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, org_id, in, out));
}

/* 1 if the caller may read the committee of the organization at path:
 * whoever reads the organization, and its own party members (a member
 * grant in its subtree): who sits on one's committee is no secret. */
static int may_read(const xf_ctx *c, const char *path)
{
	if (xf_can_read(c, path))
		return 1;
	for (int i = 0; i < c->scope->n; i++) {
		const xf_grant *g = &c->scope->g[i];
		if (g->role == XF_ROLE_MEMBER &&
		    xf_path_within(g->org_path, path))
			return 1;
	}
	return 0;
}

/* xf_loaded for a read of the committee of an organization (may_read). */
static int loaded_for_read(xf_ctx *c, int found, const char *path,
                           const xf_record *r)
{
	if (found == XF_DB_ROW && may_read(c, path))
		return XF_OK;
	return xf_loaded(c, found, path, XF_FOR_READ, r);
}

/* Loads term id (404 out of read scope) with its positions and
 * countdown. */
static int load(xf_ctx *c, int64_t id, xf_term *t)
{
	memset(t, 0, sizeof *t);
	int found = xf_store_term_get(c->db, c->a, id, t);
	int rc = loaded_for_read(
	    c, found, found == XF_DB_ROW ? t->org_path : NULL, &term_rec);
	if (rc != XF_OK)
		return rc;
	rc = xf_from_db(c, xf_store_term_positions(c->db, c->a, t));
	fill_countdown(c, t);
	return rc;
}

/* The organization strictly above path on whose behalf the caller
 * approves: its committee or secretary grant there, or for the admin the
 * parent of org; 0 when the caller is not above. */
static int64_t approver_org(xf_ctx *c, const xf_org *org)
{
	if (!c->scope || xf_is_admin(c))
		return org->parent_id ? org->parent_id : org->id;
	for (int i = 0; i < c->scope->n; i++) {
		const xf_grant *g = &c->scope->g[i];
		if ((g->role == XF_ROLE_COMMITTEE ||
		     g->role == XF_ROLE_SECRETARY) &&
		    xf_path_within(org->path, g->org_path) &&
		    strcmp(org->path, g->org_path) != 0)
			return g->org_id;
	}
	return 0;
}

static int approve_tx(xf_ctx *c, int64_t id, const char *approved_on,
                      const char *approval_no, xf_term *t)
{
	int rc = load(c, id, t);
	if (rc != XF_OK)
		return rc;
	xf_org o;
	int drc = xf_store_org_get(c->db, c->a, t->org_id, &o);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	int64_t by = approver_org(c, &o);
	if (!by)
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               term_rec.forbidden, NULL);
	if (strcmp(t->state, "pending") != 0)
		return xf_fail(c, XF_E_CONFLICT, "already_approved",
		               "该届选举结果已批复", NULL);
	xf_date day, elected;
	if (xf_date_parse(approved_on, &day) != 0 ||
	    xf_date_parse(t->elected_on, &elected) != 0)
		return xf_invalid(c, "日期格式应为 YYYY-MM-DD", "approved_on");
	if (xf_date_cmp(day, xf_date_today(c->now)) > 0)
		return xf_invalid(c, "批复日期不能晚于今天", "approved_on");
	if (xf_date_cmp(day, elected) < 0)
		return xf_invalid(c, "批复日期不能早于选举日期", "approved_on");
	char *before = xf_snap_term(c->a, t);
	drc = xf_store_term_approve(c->db, t->id, by, approved_on, approval_no);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = load(c, id, t);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "approve", "term", t->id, t->org_path, before,
	                xf_snap_term(c->a, t));
}

int xf_term_approve(xf_ctx *c, int64_t id, const char *approved_on,
                    const char *approval_no, xf_term *out)
{
	XF_RETURN_WRITE_TX(c, approve_tx(c, id, approved_on, approval_no, out));
}

int xf_term_read(xf_ctx *c, int64_t id, xf_term *out)
{
	XF_RETURN_READ_TX(c, load(c, id, out));
}

static int history_tx(xf_ctx *c, int64_t org_id, xf_term **out, int *n)
{
	xf_org o;
	int found = xf_store_org_get(c->db, c->a, org_id, &o);
	int rc = loaded_for_read(c, found, found == XF_DB_ROW ? o.path : NULL,
	                         &org_rec);
	if (rc != XF_OK)
		return rc;
	rc = xf_from_db(c, xf_store_term_history(c->db, c->a, org_id,
	                                         XF_TERM_HISTORY_MAX, out, n));
	for (int i = 0; rc == XF_OK && i < *n; i++) {
		rc = xf_from_db(
		    c, xf_store_term_positions(c->db, c->a, &(*out)[i]));
		fill_countdown(c, &(*out)[i]);
	}
	return rc;
}

int xf_term_history(xf_ctx *c, int64_t org_id, xf_term **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, history_tx(c, org_id, out, n));
}

static int board_tx(xf_ctx *c, int64_t org_id, int due_only, int offset,
                    int limit, xf_term **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	char due_by[11] = "";
	if (due_only)
		xf_date_format(xf_term_remind_horizon(xf_date_today(c->now)),
		               due_by);
	rc = xf_from_db(c, xf_store_term_board(c->db, c->a, &r, due_by, offset,
	                                       limit, out, n, total));
	for (int i = 0; rc == XF_OK && i < *n; i++)
		fill_countdown(c, &(*out)[i]);
	return rc;
}

int xf_term_board(xf_ctx *c, int64_t org_id, int due_only, int offset,
                  int limit, xf_term **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, board_tx(c, org_id, due_only, offset, limit, out, n, total));
}
