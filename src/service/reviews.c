/*
 * reviews.c (service) - live review sessions (reviews.h).
 */
#include "service/reviews.h"

#include "base/buf.h"
#include "base/jw.h"
#include "domain/reviews.h"
#include "domain/scope.h"
#include "service/auth.h"
#include "service/live.h"
#include "store/members.h"
#include "store/orgs.h"
#include "store/reviews.h"
#include "store/users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const xf_record review_record = {
    "评议活动不存在", "只有主持评议的党委（工委）可以操作", NULL};

/* Loads the session and decides the caller's part in it: chair, judge or
 * reader (404 for anyone else). */
static int load(xf_ctx *c, int64_t id, xf_review_full *f)
{
	memset(f, 0, sizeof *f);
	int found = xf_store_review_get(c->db, c->a, id, &f->r);
	if (found != XF_DB_ROW)
		return xf_loaded(c, found, NULL, XF_FOR_READ, &review_record);
	f->chair = xf_committee_over(c, f->r.org_path, 0);
	xf_review_judge j;
	int drc = xf_store_judge_of(c->db, c->a, id, c->user_id, &j);
	if (drc == XF_DB_ROW)
		f->my_judge_id = j.id;
	else if (drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	if (f->chair || f->my_judge_id || xf_can_read(c, f->r.org_path))
		return XF_OK;
	return xf_loaded(c, XF_DB_DONE, NULL, XF_FOR_READ, &review_record);
}

static int load_chair(xf_ctx *c, int64_t id, xf_review_full *f)
{
	int rc = load(c, id, f);
	if (rc == XF_OK && !f->chair)
		return xf_forbidden(c, review_record.forbidden);
	return rc;
}

static int still_open(xf_ctx *c, const xf_review *r)
{
	if (strcmp(r->state, "open") == 0)
		return XF_OK;
	return xf_fail(c, XF_E_CONFLICT, "review_closed",
	               "评议活动已结束，结果不再改变", NULL);
}

typedef struct mine_arg {
	int64_t judge_id;
	int *x10;
} mine_arg;

static void take_mine(void *arg, int64_t judge_id, int crit, int score_x10)
{
	mine_arg *m = arg;
	if (judge_id == m->judge_id && crit >= 0 &&
	    crit < XF_REVIEW_MAX_CRITERIA)
		m->x10[crit] = score_x10;
}

/* A judge's own scores of every presenter, so that a reloaded scoring
 * sheet shows what was submitted. */
static int fill_mine(xf_ctx *c, xf_review_full *f)
{
	f->my_x10 = xf_arena_calloc(c->a, (size_t)f->npresenters + 1,
	                            sizeof *f->my_x10);
	if (!f->my_x10)
		return xf_fail_db(c, XF_DB_ERROR);
	int drc = XF_DB_OK;
	for (int i = 0; i < f->npresenters && drc == XF_DB_OK; i++) {
		for (int k = 0; k < XF_REVIEW_MAX_CRITERIA; k++)
			f->my_x10[i][k] = -1;
		mine_arg m = {f->my_judge_id, f->my_x10[i]};
		drc = xf_store_scores_of(c->db, f->presenters[i].id, take_mine,
		                         &m);
	}
	return xf_from_db(c, drc);
}

/* The presenters, the judges for the chair, a judge's own scores. */
static int fill(xf_ctx *c, xf_review_full *f)
{
	int drc = xf_store_presenters(c->db, c->a, f->r.id, &f->presenters,
	                              &f->npresenters);
	if (drc == XF_DB_OK && f->chair)
		drc = xf_store_judges(c->db, c->a, f->r.id, &f->judges,
		                      &f->njudges);
	if (drc != XF_DB_OK)
		return xf_from_db(c, drc);
	return f->my_judge_id ? fill_mine(c, f) : XF_OK;
}

static int create_tx(xf_ctx *c, const xf_review_input *in, xf_review_full *f)
{
	xf_org o;
	int rc = xf_org_readable(c, in->org_id, &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_committee_over(c, o.path, 0))
		return xf_forbidden(c,
		                    "只有本级或上级党委（工委）可以组织评议");
	memset(f, 0, sizeof *f);
	xf_review *r = &f->r;
	XF_SET_ORG(r, o);
	r->title = in->title;
	r->held_on = in->held_on;
	r->method = in->method;
	r->ncrit = in->ncrit;
	memcpy(r->crit, in->crit, sizeof r->crit);
	xf_grade_rules g;
	xf_grade_rules_default(&g);
	r->grades_x10[0] = in->has_grades ? in->grades_x10[0] : g.good_x10;
	r->grades_x10[1] = in->has_grades ? in->grades_x10[1] : g.fair_x10;
	r->grades_x10[2] = in->has_grades ? in->grades_x10[2] : g.pass_x10;
	if (r->grades_x10[0] < r->grades_x10[1] ||
	    r->grades_x10[1] < r->grades_x10[2])
		return xf_invalid(c, "等次分数线须依次不增（好≥较好≥一般）",
		                  "grades");
	r->created_by = c->user_id;
	int drc = xf_store_review_insert(c->db, r, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < in->npresenters; i++) {
		const xf_presenter_input *pi = &in->presenters[i];
		xf_review_presenter p = {.review_id = r->id,
		                         .pos = i + 1,
		                         .name = pi->name,
		                         .org_id = pi->org_id,
		                         .member_id = pi->member_id};
		const char *f_org =
		    xf_arena_printf(c->a, "presenters[%d].org_id", i);
		if (pi->member_id && !pi->org_id) {
			xf_member m;
			drc =
			    xf_store_member_get(c->db, c->a, pi->member_id, &m);
			if (drc == XF_DB_DONE ||
			    (drc == XF_DB_ROW &&
			     !xf_path_within(m.org_path, o.path)))
				return xf_invalid(
				    c, "述职人应为本组织或下级组织的党员",
				    xf_arena_printf(
				        c->a, "presenters[%d].member_id", i));
			if (drc != XF_DB_ROW)
				return xf_fail_db(c, drc);
			p.org_id = m.org_id;
		}
		if (p.org_id) {
			xf_org po;
			rc =
			    xf_org_named(c, p.org_id, "组织不存在", f_org, &po);
			if (rc != XF_OK)
				return rc;
			if (!xf_path_within(po.path, o.path))
				return xf_invalid(
				    c, "述职组织应为本组织或其下级组织", f_org);
			p.org_path = po.path;
		}
		drc = xf_store_presenter_insert(c->db, &p);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	f->chair = 1;
	rc = fill(c, f);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "create", "review", r->id, r->org_path, NULL, NULL);
}

int xf_review_create(xf_ctx *c, const xf_review_input *in, xf_review_full *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int read_tx(xf_ctx *c, int64_t id, xf_review_full *f)
{
	int rc = load(c, id, f);
	return rc == XF_OK ? fill(c, f) : rc;
}

int xf_review_read(xf_ctx *c, int64_t id, xf_review_full *out)
{
	XF_RETURN_READ_TX(c, read_tx(c, id, out));
}

static int list_tx(xf_ctx *c, int offset, int limit, xf_review **out, int *n,
                   int64_t *total)
{
	xf_ranges r = {0};
	xf_list_ranges(c, &r);
	return xf_from_db(c,
	                  xf_store_review_list(c->db, c->a, &r, c->user_id,
	                                       offset, limit, out, n, total));
}

int xf_review_list(xf_ctx *c, int offset, int limit, xf_review **out, int *n,
                   int64_t *total)
{
	XF_RETURN_READ_TX(c, list_tx(c, offset, limit, out, n, total));
}

static int judges_tx(xf_ctx *c, int64_t id, const int64_t *user_ids, int n,
                     int weight, const char *weight_role, xf_review_full *f)
{
	int rc = load_chair(c, id, f);
	if (rc == XF_OK)
		rc = still_open(c, &f->r);
	if (rc != XF_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		xf_user u;
		int drc = xf_store_user_get(c->db, c->a, user_ids[i], &u);
		if (drc == XF_DB_DONE || (drc == XF_DB_ROW && u.disabled))
			return xf_invalid(
			    c, "用户不存在或已停用",
			    xf_arena_printf(c->a, "user_ids[%d]", i));
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
		xf_review_judge j = {.review_id = id,
		                     .user_id = u.id,
		                     .weight = weight,
		                     .weight_role = weight_role};
		drc = xf_store_judge_insert(c->db, &j, c->now);
		if (drc == XF_DB_UNIQUE)
			continue; /* invited already */
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	rc = fill(c, f);
	return rc == XF_OK ? xf_audit(c, "update", "review", id, f->r.org_path,
	                              NULL, NULL)
	                   : rc;
}

int xf_review_judges_add(xf_ctx *c, int64_t id, const int64_t *user_ids, int n,
                         int weight, const char *weight_role,
                         xf_review_full *out)
{
	XF_RETURN_WRITE_TX(
	    c, judges_tx(c, id, user_ids, n, weight, weight_role, out));
}

static int codes_tx(xf_ctx *c, int64_t id, int n, int weight,
                    const char *weight_role, xf_review_full *f)
{
	int rc = load_chair(c, id, f);
	if (rc == XF_OK)
		rc = still_open(c, &f->r);
	if (rc != XF_OK)
		return rc;
	xf_user_role role = {"judge", f->r.org_id, f->r.org_name,
	                     f->r.org_path};
	for (int i = 0; i < n; i++) {
		char code[XF_JUDGE_CODE_LEN + 1], name[48];
		xf_random_code(code, XF_JUDGE_CODE_LEN);
		xf_user u = {.username = xf_arena_printf(c->a, "judge-%lld-%s",
		                                         (long long)id, code),
		             .display_name = name,
		             .password_hash =
		                 "!", /* no password: by code only */
		             .roles = &role,
		             .nroles = 1};
		snprintf(name, sizeof name, "外部评委%s", code + 4);
		u.display_name = xf_arena_strdup(c->a, name);
		int drc = xf_store_user_insert(c->db, &u, c->now);
		xf_review_judge j = {.review_id = id,
		                     .user_id = u.id,
		                     .weight = weight,
		                     .weight_role = weight_role,
		                     .code = xf_arena_strdup(c->a, code)};
		if (drc == XF_DB_OK)
			drc = xf_store_judge_insert(c->db, &j, c->now);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	rc = fill(c, f);
	return rc == XF_OK ? xf_audit(c, "update", "review", id, f->r.org_path,
	                              NULL, NULL)
	                   : rc;
}

int xf_review_codes_add(xf_ctx *c, int64_t id, int n, int weight,
                        const char *weight_role, xf_review_full *out)
{
	XF_RETURN_WRITE_TX(c, codes_tx(c, id, n, weight, weight_role, out));
}

static int join_tx(xf_ctx *c, const char *code, xf_review_judge *j,
                   const char **token, const char **csrf)
{
	int drc = xf_store_judge_by_code(c->db, c->a, code, j);
	if (drc == XF_DB_DONE)
		return xf_invalid(c, "评委码不正确", "code");
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	xf_review r;
	drc = xf_store_review_get(c->db, c->a, j->review_id, &r);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	int rc = still_open(c, &r);
	if (rc != XF_OK)
		return rc;
	drc = xf_store_judge_use(c->db, j->id, c->now);
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_CONFLICT, "code_used",
		               "该评委码已使用，每个评委码只能使用一次",
		               "code");
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_user u;
	drc = xf_store_user_get(c->db, c->a, j->user_id, &u);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	return xf_session_open_in_tx(c, &u, token, csrf);
}

int xf_review_join(xf_ctx *c, const char *code, xf_review_judge *j,
                   const char **token, const char **csrf)
{
	XF_RETURN_WRITE_TX(c, join_tx(c, code, j, token, csrf));
}

/* The presenter pid of session f (404 when it is not one of its). */
static int presenter(xf_ctx *c, const xf_review_full *f, int64_t pid,
                     xf_review_presenter *p)
{
	int drc = xf_store_presenter_get(c->db, c->a, pid, p);
	if (drc == XF_DB_ROW && p->review_id != f->r.id)
		drc = XF_DB_DONE;
	if (drc == XF_DB_DONE)
		return xf_fail(c, XF_E_NOT_FOUND, "not_found", "述职人不存在",
		               NULL);
	return drc == XF_DB_ROW ? XF_OK : xf_fail_db(c, drc);
}

/* The chair's step on presenter pid of an open session. */
static int chair_presenter(xf_ctx *c, int64_t id, int64_t pid,
                           xf_review_full *f, xf_review_presenter *p)
{
	int rc = load_chair(c, id, f);
	if (rc == XF_OK)
		rc = still_open(c, &f->r);
	return rc == XF_OK ? presenter(c, f, pid, p) : rc;
}

static int open_tx(xf_ctx *c, int64_t id, int64_t pid, xf_review_presenter *p)
{
	xf_review_full f;
	int rc = chair_presenter(c, id, pid, &f, p);
	if (rc == XF_OK)
		rc = fill(c, &f);
	if (rc != XF_OK)
		return rc;
	if (strcmp(p->state, "waiting") != 0)
		return xf_fail(c, XF_E_CONFLICT, "not_waiting",
		               "该述职人已评过或正在评分", NULL);
	for (int i = 0; i < f.npresenters; i++)
		if (strcmp(f.presenters[i].state, "open") == 0)
			return xf_fail(c, XF_E_CONFLICT, "another_open",
			               "另一位述职人正在评分，请先结束", NULL);
	p->state = "open";
	p->opened_at = c->now;
	return xf_audit_db(c, xf_store_presenter_update(c->db, p), "update",
	                   "review", id, f.r.org_path, NULL, NULL);
}

/* ---- live events: channel "review:<id>", after each commit ------------ */

/* Publishes event on the session's channel with the JSON that write
 * writes (NULL: {}). */
static void publish(xf_ctx *c, int64_t id, const char *event,
                    void (*write)(xf_jw *w, const void *arg), const void *arg)
{
	xf_buf b;
	xf_buf_init(&b, 1 << 20);
	xf_jw w;
	xf_jw_init(&w, &b);
	if (write)
		write(&w, arg);
	else
		xf_jw_raw(&w, "{}");
	char ch[40];
	snprintf(ch, sizeof ch, "review:%lld", (long long)id);
	if (!b.failed && xf_buf_add(&b, "", 1) == 0)
		xf_live_publish(c, ch, event, b.data);
	xf_buf_free(&b);
}

static void presenter_event(xf_jw *w, const void *arg)
{
	xf_review_presenter_json(w, arg);
}

int xf_review_presenter_open(xf_ctx *c, int64_t id, int64_t pid,
                             xf_review_presenter *out)
{
	int rc;
	XF_WRITE_TX(c, rc, open_tx(c, id, pid, out));
	if (rc == XF_OK)
		publish(c, id, "open", presenter_event, out);
	return rc;
}

static int close_p_tx(xf_ctx *c, int64_t id, int64_t pid, const char *rect,
                      xf_review_presenter *p)
{
	xf_review_full f;
	int rc = chair_presenter(c, id, pid, &f, p);
	if (rc != XF_OK)
		return rc;
	if (strcmp(p->state, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, "not_open",
		               "该述职人未在评分中", NULL);
	p->state = "closed";
	p->closed_at = c->now;
	if (rect)
		p->rectification = rect;
	return xf_audit_db(c, xf_store_presenter_update(c->db, p), "update",
	                   "review", id, f.r.org_path, NULL, NULL);
}

typedef struct ranking {
	const xf_review_presenter *closed;
	const xf_review_full *f;
	const xf_review_row *rows;
	int n;
} ranking;

static void ranking_event(xf_jw *w, const void *arg)
{
	const ranking *k = arg;
	xf_jw_obj(w);
	xf_jw_key(w, "presenter");
	xf_review_presenter_json(w, k->closed);
	xf_jw_key(w, "ranking");
	xf_jw_arr(w);
	for (int i = 0; i < k->n; i++)
		xf_review_row_json(w, &k->rows[i], k->f->r.ncrit);
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

int xf_review_presenter_close(xf_ctx *c, int64_t id, int64_t pid,
                              const char *rectification,
                              xf_review_presenter *out)
{
	int rc;
	XF_WRITE_TX(c, rc, close_p_tx(c, id, pid, rectification, out));
	if (rc != XF_OK)
		return rc;
	/* the result of the presenter and the ranking so far */
	xf_review_full f;
	ranking k = {out, &f, NULL, 0};
	xf_review_row *rows;
	if (xf_review_results(c, id, &f, &rows, &k.n) == XF_OK) {
		k.rows = rows;
		publish(c, id, "closed", ranking_event, &k);
	}
	c->err.kind = XF_OK; /* the close stands even if the event failed */
	return XF_OK;
}

int xf_user_belongs_to(xf_ctx *c, int64_t user_id, const char *path, int *rc)
{
	*rc = XF_OK;
	if (!path)
		return 0;
	xf_user u;
	int drc = xf_store_user_get(c->db, c->a, user_id, &u);
	if (drc != XF_DB_ROW) {
		*rc = xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
		return 0;
	}
	for (int i = 0; i < u.nroles; i++)
		if (strcmp(u.roles[i].role, "judge") != 0 &&
		    strcmp(u.roles[i].role, "admin") != 0 &&
		    u.roles[i].org_path && *u.roles[i].org_path &&
		    xf_path_within(u.roles[i].org_path, path))
			return 1;
	if (u.member_id) {
		xf_member m;
		drc = xf_store_member_get(c->db, c->a, u.member_id, &m);
		if (drc == XF_DB_ROW && xf_path_within(m.org_path, path))
			return 1;
	}
	return 0;
}

typedef struct scored {
	xf_review_presenter p;
	int64_t judge_id;
} scored;

static void scored_event(xf_jw *w, const void *arg)
{
	const scored *s = arg;
	xf_jw_obj(w);
	xf_jw_kint(w, "presenter_id", s->p.id);
	xf_jw_kint(w, "scored_by", s->p.scored_by);
	xf_jw_kint(w, "judge_id", s->judge_id);
	xf_jw_obj_end(w);
}

static int score_tx(xf_ctx *c, int64_t id, int64_t pid,
                    const char *const *names, const int *values, int n,
                    int64_t *judge)
{
	xf_review_full f;
	xf_review_presenter p;
	int rc = load(c, id, &f);
	if (rc == XF_OK && !f.my_judge_id)
		rc = xf_forbidden(c, "只有受邀评委可以评分");
	if (rc == XF_OK)
		rc = still_open(c, &f.r);
	if (rc == XF_OK)
		rc = presenter(c, &f, pid, &p);
	if (rc != XF_OK)
		return rc;
	int closed = strcmp(p.state, "closed") == 0;
	if (strcmp(p.state, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, closed ? "closed" : "not_open",
		               closed ? "该述职人的评分已结束，不能再改"
		                      : "该述职人尚未开始评分",
		               NULL);
	if (xf_user_belongs_to(c, c->user_id, p.org_path, &rc))
		return xf_fail(c, XF_E_FORBIDDEN, "conflict_of_interest",
		               "评委不能为本单位（本组织）的述职人评分", NULL);
	if (rc != XF_OK)
		return rc;
	int s[XF_REVIEW_MAX_CRITERIA];
	for (int k = 0; k < XF_REVIEW_MAX_CRITERIA; k++)
		s[k] = -1;
	for (int i = 0; i < n; i++) {
		const char *field =
		    xf_arena_printf(c->a, "scores.%s", names[i]);
		int k = 0;
		while (k < f.r.ncrit && strcmp(f.r.crit[k].name, names[i]) != 0)
			k++;
		if (k == f.r.ncrit)
			return xf_invalid(c, "没有这个评分项", field);
		if (values[i] < 0 || values[i] > f.r.crit[k].max_x10)
			return xf_invalid(
			    c,
			    xf_arena_printf(
			        c->a, "“%s”的分数须在 0 到 %.1f 之间",
			        f.r.crit[k].name, f.r.crit[k].max_x10 / 10.0),
			    field);
		s[k] = values[i];
	}
	*judge = f.my_judge_id;
	return xf_from_db(c, xf_store_scores_put(c->db, pid, f.my_judge_id, s,
	                                         f.r.ncrit, c->now));
}

int xf_review_score(xf_ctx *c, int64_t id, int64_t pid,
                    const char *const *names, const int *values, int n)
{
	int rc;
	int64_t judge = 0;
	XF_WRITE_TX(c, rc, score_tx(c, id, pid, names, values, n, &judge));
	/* who scored and how many have: never the scores */
	scored s = {.judge_id = judge};
	if (rc == XF_OK &&
	    xf_store_presenter_get(c->db, c->a, pid, &s.p) == XF_DB_ROW)
		publish(c, id, "scored", scored_event, &s);
	return rc;
}

static int close_tx(xf_ctx *c, int64_t id, xf_review_full *f)
{
	int rc = load_chair(c, id, f);
	if (rc == XF_OK)
		rc = still_open(c, &f->r);
	if (rc == XF_OK)
		rc = fill(c, f);
	if (rc != XF_OK)
		return rc;
	for (int i = 0; i < f->npresenters; i++)
		if (strcmp(f->presenters[i].state, "closed") != 0)
			return xf_fail(c, XF_E_CONFLICT, "presenters_pending",
			               "还有述职人未完成评分", NULL);
	f->r.state = "closed";
	f->r.closed_at = c->now;
	return xf_audit_db(
	    c, xf_store_review_set_state(c->db, id, "closed", c->now), "update",
	    "review", id, f->r.org_path, NULL, NULL);
}

int xf_review_close(xf_ctx *c, int64_t id, xf_review_full *out)
{
	int rc;
	XF_WRITE_TX(c, rc, close_tx(c, id, out));
	if (rc == XF_OK)
		publish(c, id, "ended", NULL, NULL);
	return rc;
}

/* ---- results ------------------------------------------------------------ */

typedef struct sheets {
	const xf_review_judge *judges;
	int njudges;
	xf_judge_sheet *s; /* one per judge, in judges' order */
} sheets;

static void on_score(void *arg, int64_t judge_id, int crit, int score_x10)
{
	sheets *sh = arg;
	if (crit < 0 || crit >= XF_REVIEW_MAX_CRITERIA)
		return;
	for (int j = 0; j < sh->njudges; j++)
		if (sh->judges[j].id == judge_id) {
			sh->s[j].score_x10[crit] = score_x10;
			return;
		}
}

static int cmp_rows(const void *a, const void *b)
{
	const xf_review_row *x = a, *y = b;
	if (x->total_x10 != y->total_x10)
		return y->total_x10 - x->total_x10;
	return x->p->pos - y->p->pos;
}

int xf_review_results_in_tx(xf_ctx *c, int64_t id, xf_review_full *f,
                            xf_review_row **rows, int *n)
{
	int rc = load(c, id, f);
	if (rc == XF_OK)
		rc = fill(c, f);
	if (rc != XF_OK)
		return rc;
	xf_review_judge *judges;
	int nj;
	int drc = xf_store_judges(c->db, c->a, id, &judges, &nj);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*rows =
	    xf_arena_calloc(c->a, (size_t)f->npresenters + 1, sizeof **rows);
	sheets sh = {judges, nj,
	             calloc((size_t)nj + 1, sizeof(xf_judge_sheet))};
	if (!*rows || !sh.s) {
		free(sh.s);
		return xf_oom(c);
	}
	int method = xf_code_index(xf_review_methods, f->r.method);
	xf_grade_rules g = {f->r.grades_x10[0], f->r.grades_x10[1],
	                    f->r.grades_x10[2]};
	int max = 0;
	for (int k = 0; k < f->r.ncrit; k++)
		max += f->r.crit[k].max_x10;
	*n = 0;
	for (int i = 0; i < f->npresenters && rc == XF_OK; i++) {
		const xf_review_presenter *p = &f->presenters[i];
		if (strcmp(p->state, "closed") != 0)
			continue;
		for (int j = 0; j < nj; j++) {
			sh.s[j].weight = judges[j].weight;
			for (int k = 0; k < XF_REVIEW_MAX_CRITERIA; k++)
				sh.s[j].score_x10[k] = -1;
		}
		drc = xf_store_scores_of(c->db, p->id, on_score, &sh);
		if (drc != XF_DB_OK) {
			rc = xf_fail_db(c, drc);
			break;
		}
		xf_review_result res;
		xf_review_aggregate(method < 0 ? XF_RM_MEAN : method, sh.s, nj,
		                    f->r.ncrit, &res);
		xf_review_row *row = &(*rows)[(*n)++];
		row->p = p;
		memcpy(row->crit_x10, res.crit_x10, sizeof row->crit_x10);
		memcpy(row->counted, res.counted, sizeof row->counted);
		row->total_x10 = res.total_x10;
		row->spread_x10 = res.spread_x10;
		row->judges = res.judges;
		row->grade = xf_review_grade(&g, res.total_x10, max);
		row->grade_title = xf_code_label(xf_review_grades, row->grade);
	}
	free(sh.s);
	if (rc != XF_OK)
		return rc;
	qsort(*rows, (size_t)*n, sizeof **rows, cmp_rows);
	for (int i = 0; i < *n; i++)
		(*rows)[i].rank =
		    i > 0 && (*rows)[i].total_x10 == (*rows)[i - 1].total_x10
		        ? (*rows)[i - 1].rank
		        : i + 1;
	return XF_OK;
}

int xf_review_results(xf_ctx *c, int64_t id, xf_review_full *out,
                      xf_review_row **rows, int *n)
{
	XF_RETURN_READ_TX(c, xf_review_results_in_tx(c, id, out, rows, n));
}
