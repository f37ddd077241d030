/*
 * notices.c (service) - publication (公示) and objections (异议); see
 * notices.h. The board is computed by leaderboards.c inside the
 * transaction that writes the notice, so the frozen rows are exactly the
 * board of that moment.
 */
#include "service/notices.h"

#include "base/date.h"
#include "domain/points.h"
#include "service/cases.h"
#include "service/leaderboards.h"
#include "service/notify.h"
#include "service/programs.h"
#include "service/snapshot.h"
#include "service/star_ratings.h"
#include "store/members.h"
#include "store/orgs.h"

#include <stdio.h>
#include <string.h>

#define MAX_WINDOW_DAYS 90

static const xf_record notice = {"公示不存在", NULL, NULL};
static const xf_record objection = {"异议不存在", NULL, NULL};

const char *xf_point_notice_today(xf_ctx *c)
{
	char d[11];
	xf_date_format(xf_date_today(c->now), d);
	return xf_arena_strdup(c->a, d);
}

const char *xf_point_notice_state(const xf_point_notice *n, const char *today)
{
	if (strcmp(today, n->opens_on) < 0)
		return "upcoming";
	return strcmp(today, n->closes_on) <= 0 ? "open" : "closed";
}

/* Admin or a committee grant over path: publishes and answers. */
static int committee_over(const xf_ctx *c, const char *path)
{
	if (xf_is_admin(c))
		return 1;
	for (int i = 0; i < c->scope->n; i++) {
		const xf_grant *g = &c->scope->g[i];
		if (g->role == XF_ROLE_COMMITTEE &&
		    xf_path_within(path, g->org_path))
			return 1;
	}
	return 0;
}

/* The caller's member record, if any (drc XF_DB_DONE: none). */
static int own_member(xf_ctx *c, xf_member *m)
{
	if (!c->scope || !c->scope->member_id)
		return XF_DB_DONE;
	return xf_store_member_get(c->db, c->a, c->scope->member_id, m);
}

/*
 * Loads a notice the caller may read: staff reading its org, or a member
 * of its subtree once the window has opened. Sets *committee when the
 * caller may answer its objections. 404 otherwise.
 */
static int load_readable(xf_ctx *c, int64_t id, xf_point_notice *n,
                         int *committee)
{
	int found = xf_store_point_notice_get(c->db, c->a, id, n);
	if (found == XF_DB_ROW)
		*committee = committee_over(c, n->org_path);
	if (found == XF_DB_ROW && !xf_can_read(c, n->org_path)) {
		xf_member m;
		int drc = own_member(c, &m);
		if (drc != XF_DB_ROW && drc != XF_DB_DONE)
			return xf_fail_db(c, drc);
		if (drc == XF_DB_ROW &&
		    xf_path_within(m.org_path, n->org_path) &&
		    strcmp(xf_point_notice_state(n, xf_point_notice_today(c)),
		           "upcoming") != 0)
			return XF_OK;
	}
	return xf_loaded(c, found, found == XF_DB_ROW ? n->org_path : NULL,
	                 XF_FOR_READ, &notice);
}

/* ---- publication --------------------------------------------------------*/

static int check_window(xf_ctx *c, const char *opens_on, const char *closes_on)
{
	xf_date a, b;
	if (xf_date_parse(opens_on, &a) != 0)
		return xf_fail(c, XF_E_INVALID, "invalid_field",
		               "公示开始日期不正确", "opens_on");
	if (xf_date_parse(closes_on, &b) != 0)
		return xf_fail(c, XF_E_INVALID, "invalid_field",
		               "公示截止日期不正确", "closes_on");
	int64_t days = xf_date_days(b) - xf_date_days(a);
	if (days < 0)
		return xf_fail(c, XF_E_INVALID, "invalid_field",
		               "公示截止日期不能早于开始日期", "closes_on");
	if (days > MAX_WINDOW_DAYS)
		return xf_fail(c, XF_E_INVALID, "invalid_field",
		               "公示期不能超过90天", "closes_on");
	return XF_OK;
}

/* Starts the notice of subject that o publishes from the input: its
 * organization, kind of rows, title (NULL when the input has none),
 * window and n rows; the rest is zero. */
static void notice_head(xf_ctx *c, xf_point_notice *nt, const char *subject,
                        const char *kind, const xf_org *o,
                        const xf_point_notice_input *in, const char *opens,
                        int n)
{
	*nt = (xf_point_notice){.subject = subject,
	                        .org_id = o->id,
	                        .org_path = o->path,
	                        .org_name = o->name,
	                        .kind = kind,
	                        .title = in->title,
	                        .opens_on = opens,
	                        .closes_on = in->closes_on,
	                        .nrows = n,
	                        .created_by = c->user_id};
}

/* Writes the n rows of out->rows with the notice out->n, and sets
 * out->nrows. */
static int rows_insert(xf_ctx *c, xf_point_notice_full *out, int n)
{
	for (int i = 0; i < n; i++) {
		int drc = xf_store_point_notice_row_insert(c->db, out->n.id,
		                                           &out->rows[i]);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	out->nrows = n;
	return XF_OK;
}

/* The end of a publication: its publisher answers objections, and the
 * audit row of the notice. */
static int published(xf_ctx *c, xf_point_notice_full *out)
{
	const xf_point_notice *nt = &out->n;
	out->committee = 1;
	return xf_audit(c, "publish", "point_notice", nt->id, nt->org_path,
	                NULL,
	                xf_snap_point_notice(
	                    c->a, nt, xf_point_notice_state(nt, xf_today(c))));
}

/* Copies the board's rows into the notice. */
static int freeze(xf_ctx *c, const xf_board *b, int orgs,
                  xf_point_notice_full *out)
{
	out->rows = xf_arena_calloc(c->a, (size_t)(b->n ? b->n : 1),
	                            sizeof(xf_point_notice_row));
	if (!out->rows)
		return xf_oom(c);
	for (int i = 0; i < b->n; i++) {
		const xf_board_item *it = &b->items[i];
		xf_point_notice_row *r = &out->rows[i];
		r->pos = i + 1;
		r->rank = it->rank;
		r->points = it->points;
		r->vetoed = it->vetoed;
		if (orgs) {
			r->org_id = it->id;
			r->name = it->name;
			r->org_name = it->name;
			r->headcount = it->headcount;
			r->average_x100 = it->average_x100;
		} else {
			r->member_id = it->id;
			r->org_id = it->org_id;
			r->name = it->name;
			r->org_name = it->org_name;
		}
	}
	return rows_insert(c, out, b->n);
}

/* The reviewed star ratings of o's subtree of a year, frozen. */
static int publish_stars(xf_ctx *c, const xf_point_notice_input *in,
                         const xf_org *o, const char *opens,
                         xf_point_notice_full *out)
{
	xf_star_rating *r;
	int n;
	int rc = xf_star_ratings_freeze(c, o->path, in->year, 0, &r, &n);
	if (rc != XF_OK)
		return rc;
	if (n == 0)
		return xf_fail(c, XF_E_CONFLICT, "nothing_to_publish",
		               "没有待公示的星级评定（须先由上级评定）", NULL);
	if (n > XF_NOTICE_MAX_ROWS)
		n = XF_NOTICE_MAX_ROWS;
	xf_point_notice *nt = &out->n;
	notice_head(c, nt, "star_ratings", "orgs", o, in, opens, n);
	nt->period = xf_arena_printf(c->a, "%04d", in->year);
	if (!nt->title)
		nt->title = xf_arena_printf(c->a, "%s%d年度星级评定公示",
		                            o->name, in->year);
	if (!nt->period || !nt->title)
		return xf_oom(c);
	int drc = xf_store_point_notice_insert(c->db, nt, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = xf_star_ratings_freeze(c, o->path, in->year, nt->id, NULL, NULL);
	if (rc != XF_OK)
		return rc;
	out->rows = xf_arena_calloc(c->a, (size_t)n, sizeof *out->rows);
	int64_t *ids = xf_arena_calloc(c->a, (size_t)n, sizeof *ids);
	xf_org_parent *parents =
	    xf_arena_calloc(c->a, (size_t)n, sizeof *parents);
	if (!out->rows || !ids || !parents)
		return xf_oom(c);
	for (int i = 0; i < n; i++)
		ids[i] = r[i].org_id;
	drc = xf_store_org_parents(c->db, c->a, ids, n, parents);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < n; i++) {
		xf_point_notice_row *w = &out->rows[i];
		*w = (xf_point_notice_row){
		    .pos = i + 1,
		    .rank =
		        i > 0 && r[i].reviewed_stars == r[i - 1].reviewed_stars
		            ? out->rows[i - 1].rank
		            : i + 1,
		    .org_id = r[i].org_id,
		    .name = r[i].org_name,
		    .org_name = parents[i].name ? parents[i].name : "",
		    .points = r[i].score_x10,
		    .stars = r[i].reviewed_stars};
	}
	rc = rows_insert(c, out, n);
	return rc == XF_OK ? published(c, out) : rc;
}

/* The selected cases of a call (service/cases.h), frozen: name the
 * case's title, org_name its organization, points its score x10. */
static int publish_cases(xf_ctx *c, const xf_point_notice_input *in,
                         const xf_org *o, const char *opens,
                         xf_point_notice_full *out)
{
	xf_case_submission *s;
	int n;
	int rc = xf_case_selection_rows_in_tx(c, in->subject_id, o->id, &s, &n);
	if (rc != XF_OK)
		return rc;
	if (n > XF_NOTICE_MAX_ROWS)
		n = XF_NOTICE_MAX_ROWS;
	xf_point_notice *nt = &out->n;
	/* rows of cases: name, org_id, org_name */
	notice_head(c, nt, "case_selection", "cases", o, in, opens, n);
	nt->period = xf_arena_printf(c->a, "%04d", s[0].year);
	if (!nt->title)
		nt->title =
		    xf_arena_printf(c->a, "%s评选结果公示", s[0].call_title);
	out->rows = xf_arena_calloc(c->a, (size_t)n, sizeof *out->rows);
	if (!nt->period || !nt->title || !out->rows)
		return xf_oom(c);
	int drc = xf_store_point_notice_insert(c->db, nt, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < n; i++)
		out->rows[i] = (xf_point_notice_row){.pos = i + 1,
		                                     .rank = s[i].rank,
		                                     .org_id = s[i].org_id,
		                                     .name = s[i].title,
		                                     .org_name = s[i].org_name,
		                                     .points = s[i].score_x10};
	rc = rows_insert(c, out, n);
	if (rc == XF_OK)
		rc = xf_case_selection_published_in_tx(c, in->subject_id,
		                                       nt->id);
	return rc == XF_OK ? published(c, out) : rc;
}

/* The candidates of a creation program (in->subject_id), frozen: the
 * reviewed applications concluded as candidates, in org order. */
static int publish_programs(xf_ctx *c, const xf_point_notice_input *in,
                            const xf_org *o, const char *opens,
                            xf_point_notice_full *out)
{
	xf_program_application *as;
	int n;
	int rc = xf_program_candidates_freeze(c, in->subject_id, 0, &as, &n);
	if (rc != XF_OK)
		return rc;
	if (n == 0)
		return xf_fail(c, XF_E_CONFLICT, "nothing_to_publish",
		               "没有评审列为候选的组织", NULL);
	xf_point_notice *nt = &out->n;
	notice_head(c, nt, "program_candidates", "orgs", o, in, opens, n);
	nt->period = xf_arena_printf(c->a, "%04d", in->year);
	if (!nt->period)
		return xf_oom(c);
	int drc = xf_store_point_notice_insert(c->db, nt, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->rows = xf_arena_calloc(c->a, (size_t)n, sizeof *out->rows);
	if (!out->rows)
		return xf_oom(c);
	for (int i = 0; i < n; i++) {
		xf_point_notice_row *w = &out->rows[i];
		*w = (xf_point_notice_row){.pos = i + 1,
		                           .rank = i + 1,
		                           .org_id = as[i].org_id,
		                           .name = as[i].org_name,
		                           .org_name = as[i].org_name};
	}
	rc = rows_insert(c, out, n);
	if (rc == XF_OK)
		rc = xf_program_candidates_freeze(c, in->subject_id, nt->id,
		                                  NULL, NULL);
	return rc == XF_OK ? published(c, out) : rc;
}

static int publish_tx(xf_ctx *c, const xf_point_notice_input *in,
                      xf_point_notice_full *out)
{
	xf_org o;
	int drc = xf_store_org_get(c->db, c->a, in->org_id, &o);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_INVALID, "invalid_field", "组织不存在",
		               "org_id");
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (!committee_over(c, o.path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权发布该组织的积分公示", "org_id");
	const char *opens =
	    in->opens_on ? in->opens_on : xf_point_notice_today(c);
	int rc = check_window(c, opens, in->closes_on);
	if (rc != XF_OK)
		return rc;
	if (in->subject && strcmp(in->subject, "star_ratings") == 0)
		return publish_stars(c, in, &o, opens, out);
	if (in->subject && strcmp(in->subject, "case_selection") == 0)
		return publish_cases(c, in, &o, opens, out);
	if (in->subject && strcmp(in->subject, "program_candidates") == 0)
		return publish_programs(c, in, &o, opens, out);
	int orgs = strcmp(in->kind, "orgs") == 0;
	int limit = in->limit > 0 ? in->limit : 100;
	xf_board b;
	if (orgs)
		rc = xf_board_orgs_in_tx(c, o.id,
		                         in->org_kind ? in->org_kind : "branch",
		                         in->period, "average", limit, &b);
	else
		rc = xf_board_members_in_tx(c, o.id, in->period, limit, &b);
	if (rc != XF_OK)
		return rc;
	xf_point_notice *n = &out->n;
	notice_head(c, n, "points_board", orgs ? "orgs" : "members", &o, in,
	            opens, b.n);
	n->period = xf_arena_strdup(c->a, b.period);
	n->org_kind = orgs ? (in->org_kind ? in->org_kind : "branch") : NULL;
	if (!n->title) {
		char t[512];
		snprintf(t, sizeof t, "%s%s%s先锋榜公示", o.name, b.period,
		         orgs ? "组织" : "党员");
		n->title = xf_arena_strdup(c->a, t);
	}
	n->base = b.base;
	if (!n->period || !n->title)
		return xf_oom(c);
	drc = xf_store_point_notice_insert(c->db, n, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = freeze(c, &b, orgs, out);
	return rc == XF_OK ? published(c, out) : rc;
}

int xf_point_notice_publish(xf_ctx *c, const xf_point_notice_input *in,
                            xf_point_notice_full *out)
{
	int rc;
	XF_WRITE_TX(c, rc,
	            (memset(out, 0, sizeof *out), publish_tx(c, in, out)));
	return rc;
}

/* ---- reading ------------------------------------------------------------*/

static int read_tx(xf_ctx *c, int64_t id, xf_point_notice_full *out)
{
	int rc = load_readable(c, id, &out->n, &out->committee);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(
	    c, xf_store_point_notice_rows(c->db, c->a, id, out->n.nrows,
	                                  &out->rows, &out->nrows));
}

int xf_point_notice_read(xf_ctx *c, int64_t id, xf_point_notice_full *out)
{
	memset(out, 0, sizeof *out);
	int rc;
	XF_READ_TX(c, rc, read_tx(c, id, out));
	return rc;
}

static int list_tx(xf_ctx *c, int64_t org_id, int offset, int limit,
                   xf_point_notice **out, int *n, int64_t *total)
{
	xf_ranges rg = {0};
	const char *within = NULL;
	if (org_id) {
		xf_org o;
		int drc = xf_store_org_get(c->db, c->a, org_id, &o);
		if (drc == XF_DB_DONE)
			return xf_fail(c, XF_E_NOT_FOUND, "not_found",
			               "组织不存在", "org");
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
		if (xf_can_read(c, o.path)) {
			rg.n = 1;
			if (xf_subtree_range(c, o.path, &rg.lo[0], &rg.hi[0]) !=
			    0)
				return xf_oom(c);
		} else {
			within = o.path; /* a member: notices over it */
		}
	} else {
		xf_list_ranges(c, &rg);
	}
	if (rg.n > 0)
		return xf_from_db(
		    c, xf_store_point_notice_list(c->db, c->a, &rg, offset,
		                                  limit, out, n, total));
	/* A member: the notices over its org that have opened. */
	xf_member m;
	int drc = own_member(c, &m);
	if (drc != XF_DB_ROW && drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	if (drc == XF_DB_DONE && !within)
		return XF_OK;
	if (drc == XF_DB_DONE ||
	    (within && !xf_path_within(m.org_path, within)))
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "组织不存在",
		               "org");
	xf_point_notice *all;
	int nall;
	int rc = xf_point_notices_concerning(c, m.org_path, m.id, &all, &nall);
	if (rc != XF_OK)
		return rc;
	int k = 0;
	for (int i = 0; i < nall; i++)
		if (!within || xf_path_within(all[i].org_path, within))
			all[k++] = all[i];
	*total = k;
	*out = all + (offset < k ? offset : k);
	*n = k - offset > limit ? limit : (k > offset ? k - offset : 0);
	return XF_OK;
}

int xf_point_notice_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                         xf_point_notice **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	int rc;
	XF_READ_TX(c, rc, list_tx(c, org_id, offset, limit, out, n, total));
	return rc;
}

#define MAX_CONCERNING 200

int xf_point_notices_concerning(xf_ctx *c, const char *path, int64_t member_id,
                                xf_point_notice **out, int *n)
{
	int drc = xf_store_point_notices_over(c->db, c->a, path, member_id,
	                                      xf_point_notice_today(c),
	                                      MAX_CONCERNING, out, n);
	return xf_from_db(c, drc);
}

/* ---- objections ---------------------------------------------------------*/

static int object_tx(xf_ctx *c, int64_t notice_id, int64_t member_id,
                     const char *text, xf_point_objection *out)
{
	xf_point_notice n;
	int committee;
	int rc = load_readable(c, notice_id, &n, &committee);
	if (rc != XF_OK)
		return rc;
	xf_member m;
	int drc = own_member(c, &m);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_FORBIDDEN, "not_a_member",
		               "当前账号未关联党员信息，不能提出异议", NULL);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (member_id && member_id != m.id)
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "只能以本人名义提出异议", "member_id");
	if (!xf_path_within(m.org_path, n.org_path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "不在公示范围内的党员不能提出异议", NULL);
	const char *state = xf_point_notice_state(&n, xf_point_notice_today(c));
	if (strcmp(state, "upcoming") == 0)
		return xf_fail(c, XF_E_CONFLICT, "window_not_open",
		               "公示尚未开始，暂不能提出异议", NULL);
	if (strcmp(state, "closed") == 0)
		return xf_fail(c, XF_E_CONFLICT, "window_closed",
		               "公示期已结束，不能再提出异议", NULL);
	memset(out, 0, sizeof *out);
	out->notice_id = n.id;
	out->member_id = m.id;
	out->member_name = m.name;
	out->org_path = m.org_path;
	out->user_id = c->user_id;
	out->text = text;
	out->notice_path = n.org_path;
	drc = xf_store_point_objection_insert(c->db, out, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "objection_open",
		               "您对该公示已有尚未答复的异议", NULL);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "object", "point_objection", out->id, n.org_path,
	                NULL, xf_snap_point_objection(c->a, out));
}

int xf_point_objection_create(xf_ctx *c, int64_t notice_id, int64_t member_id,
                              const char *text, xf_point_objection *out)
{
	int rc;
	XF_WRITE_TX(c, rc, object_tx(c, notice_id, member_id, text, out));
	if (rc == XF_OK)
		xf_notify_objection(c, out);
	return rc;
}

static int answer_tx(xf_ctx *c, int64_t id, const char *answer,
                     const char *outcome, xf_point_objection *out)
{
	/* readable by staff over the notice and by the objecting member */
	int found = xf_store_point_objection_get(c->db, c->a, id, out);
	int own = found == XF_DB_ROW && c->scope &&
	          c->scope->member_id == out->member_id;
	int rc = own ? XF_OK
	             : xf_loaded(c, found,
	                         found == XF_DB_ROW ? out->notice_path : NULL,
	                         XF_FOR_READ, &objection);
	if (rc != XF_OK)
		return rc;
	if (!committee_over(c, out->notice_path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden", "无权答复该异议",
		               NULL);
	if (strcmp(out->status, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, "already_answered",
		               "该异议已答复", NULL);
	char *before = xf_snap_point_objection(c->a, out);
	out->status = outcome;
	out->answer = answer;
	out->answered_by = c->user_id;
	out->answered_at = c->now;
	int drc = xf_store_point_objection_answer(c->db, out);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "already_answered",
		               "该异议已答复", NULL);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "answer", "point_objection", out->id,
	                out->notice_path, before,
	                xf_snap_point_objection(c->a, out));
}

int xf_point_objection_answer(xf_ctx *c, int64_t id, const char *answer,
                              const char *outcome, xf_point_objection *out)
{
	int rc;
	XF_WRITE_TX(c, rc, answer_tx(c, id, answer, outcome, out));
	return rc;
}

static int objection_list_tx(xf_ctx *c, int64_t notice_id, int offset,
                             int limit, xf_point_objection **out, int *n,
                             int64_t *total)
{
	xf_point_notice nt;
	int committee;
	int rc = load_readable(c, notice_id, &nt, &committee);
	if (rc != XF_OK)
		return rc;
	int64_t only = 0;
	if (!committee) {
		only = c->scope ? c->scope->member_id : 0;
		if (!only)
			return XF_OK; /* neither committee nor member: none */
	}
	return xf_from_db(
	    c, xf_store_point_objection_list(c->db, c->a, notice_id, only,
	                                     offset, limit, out, n, total));
}

int xf_point_objection_list(xf_ctx *c, int64_t notice_id, int offset, int limit,
                            xf_point_objection **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	int rc;
	XF_READ_TX(
	    c, rc,
	    objection_list_tx(c, notice_id, offset, limit, out, n, total));
	return rc;
}
