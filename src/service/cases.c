/*
 * cases.c (service) - case selection: calls, submissions, blind review,
 * selection into tiers, 公示, decision into honors, the case library
 * (cases.h).
 */
#include "service/cases.h"

#include "base/date.h"
#include "domain/cases.h"
#include "domain/points.h"
#include "service/honors.h"
#include "service/reviews.h"
#include "service/snapshot.h"
#include "store/notices.h"
#include "store/users.h"

#include <stdlib.h>
#include <string.h>

static const xf_record call_rec = {
    "案例征集不存在", "只有发起征集的上级党委（党工委）或管理员可以操作", NULL};
static const xf_record sub_rec = {"案例不存在",
                                  "只有报送组织的管理人员可以修改案例", NULL};

/* The call's stage on today: an open call past its deadline is closed. */
static void set_status(xf_ctx *c, xf_case_call *k)
{
	k->status = xf_case_stage_on(k->stage, k->deadline, xf_today(c));
}

static int is_reviewer(const xf_ctx *c, const xf_case_call *k)
{
	for (int i = 0; i < k->nreviewers; i++)
		if (k->reviewers[i] == c->user_id)
			return 1;
	return 0;
}

/* 1 if the caller manages an organization within the call's subtree. */
static int manages_within(const xf_ctx *c, const char *path)
{
	if (!c->scope || xf_is_admin(c))
		return 1;
	for (int i = 0; i < c->scope->n; i++) {
		const xf_grant *g = &c->scope->g[i];
		if ((g->role == XF_ROLE_COMMITTEE ||
		     g->role == XF_ROLE_SECRETARY) &&
		    xf_path_within(g->org_path, path))
			return 1;
	}
	return 0;
}

/* Loads a call with the caller's part in it; 404 when it has none. */
static int load_call(xf_ctx *c, int64_t id, xf_case_call_view *v)
{
	memset(v, 0, sizeof *v);
	int found = xf_store_case_call_get(c->db, c->a, id, &v->call);
	if (found == XF_DB_ROW) {
		set_status(c, &v->call);
		v->committee = xf_committee_over(c, v->call.org_path, 0);
		v->reviewer = is_reviewer(c, &v->call);
		v->submitter = manages_within(c, v->call.org_path) ||
		               xf_can_write(c, v->call.org_path);
		if (v->committee || v->reviewer || v->submitter)
			return XF_OK;
	}
	return xf_loaded(c, found, found == XF_DB_ROW ? v->call.org_path : NULL,
	                 XF_FOR_READ, &call_rec);
}

/* Loads a call the caller runs (the committee over its org). */
static int load_committee(xf_ctx *c, int64_t id, xf_case_call_view *v)
{
	int rc = load_call(c, id, v);
	if (rc == XF_OK && !v->committee)
		return xf_forbidden(c, call_rec.forbidden);
	return rc;
}

static int closed_for_submissions(xf_ctx *c)
{
	return xf_fail(c, XF_E_CONFLICT, "submissions_closed",
	               "案例征集已截止，不能再报送、修改或撤回", NULL);
}

/* ---- calls -------------------------------------------------------------- */

static int create_tx(xf_ctx *c, xf_case_call *k)
{
	xf_org o;
	int rc = xf_org_for_committee(
	    c, k->org_id, "组织不存在",
	    "只有该组织的上级党委（党工委）或管理员可以发起案例征集", &o);
	if (rc != XF_OK)
		return rc;
	XF_SET_ORG(k, o);
	k->org_level = o.level;
	xf_date d;
	if (xf_date_parse(k->deadline, &d) != 0)
		return xf_invalid(c, "截止日期不正确", "deadline");
	if (strcmp(k->deadline, xf_today(c)) < 0)
		return xf_invalid(c, "截止日期不能早于今天", "deadline");
	k->year = d.y;
	for (int i = 0; i < k->nreviewers; i++) {
		const char *at = xf_arena_printf(c->a, "reviewer_ids[%d]", i);
		for (int j = 0; j < i; j++)
			if (k->reviewers[j] == k->reviewers[i])
				return xf_invalid(c, "评审专家重复", at);
		xf_user u;
		int drc = xf_store_user_get(c->db, c->a, k->reviewers[i], &u);
		if (drc == XF_DB_DONE || (drc == XF_DB_ROW && u.disabled))
			return xf_invalid(c, "用户不存在或已停用", at);
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
	}
	k->created_by = c->user_id;
	int drc = xf_store_case_call_insert(c->db, k, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_case_call_get(c->db, c->a, k->id, k);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	set_status(c, k);
	return xf_audit(c, "create", "case_call", k->id, k->org_path, NULL,
	                xf_snap_case_call(c->a, k));
}

int xf_case_call_create(xf_ctx *c, xf_case_call *in)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in));
}

int xf_case_call_read(xf_ctx *c, int64_t id, xf_case_call_view *out)
{
	XF_RETURN_READ_TX(c, load_call(c, id, out));
}

#define CALLS_SCANNED 1000

static int list_tx(xf_ctx *c, int offset, int limit, xf_case_call **out, int *n,
                   int64_t *total)
{
	xf_case_call *all;
	int nall;
	int drc = xf_store_case_calls(c->db, c->a, CALLS_SCANNED, &all, &nall);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int64_t *mine;
	int nmine;
	drc = xf_store_case_calls_reviewed(c->db, c->a, c->user_id, &mine,
	                                   &nmine);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*out = xf_arena_calloc(c->a, (size_t)(limit > 0 ? limit : 1),
	                       sizeof **out);
	if (!*out)
		return xf_oom(c);
	for (int i = 0; i < nall; i++) {
		xf_case_call *k = &all[i];
		int seen = xf_can_read(c, k->org_path) ||
		           manages_within(c, k->org_path);
		for (int j = 0; j < nmine && !seen; j++)
			seen = mine[j] == k->id;
		if (!seen)
			continue;
		set_status(c, k);
		if (*total >= offset && *n < limit)
			(*out)[(*n)++] = *k;
		(*total)++;
	}
	return XF_OK;
}

int xf_case_call_list(xf_ctx *c, int offset, int limit, xf_case_call **out,
                      int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(c, list_tx(c, offset, limit, out, n, total));
}

static int close_tx(xf_ctx *c, int64_t id, xf_case_call *out)
{
	xf_case_call_view v;
	int rc = load_committee(c, id, &v);
	if (rc != XF_OK)
		return rc;
	if (strcmp(v.call.stage, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, "wrong_stage",
		               "案例征集已结束", NULL);
	int drc = xf_store_case_call_stage(c->db, id, "closed", 0, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	v.call.stage = v.call.status = "closed";
	*out = v.call;
	return xf_audit(c, "update", "case_call", id, v.call.org_path, NULL,
	                xf_snap_case_call(c->a, out));
}

int xf_case_call_close(xf_ctx *c, int64_t id, xf_case_call *out)
{
	XF_RETURN_WRITE_TX(c, close_tx(c, id, out));
}

/* ---- submissions -------------------------------------------------------- */

static int sub_create_tx(xf_ctx *c, int64_t call_id, xf_case_submission *s)
{
	xf_case_call_view v;
	int rc = load_call(c, call_id, &v);
	if (rc != XF_OK)
		return rc;
	xf_org o;
	rc = xf_org_named(c, s->org_id, "组织不存在", "org_id", &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_path_within(o.path, v.call.org_path))
		return xf_invalid(c, "该组织不在本次征集范围内", "org_id");
	if (!xf_can_write(c, o.path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "只能为本人管理的组织报送案例", "org_id");
	if (strcmp(v.call.status, "open") != 0)
		return closed_for_submissions(c);
	XF_SET_ORG(s, o);
	s->call_id = call_id;
	s->created_by = c->user_id;
	s->score_x10 = -1;
	s->tier = -1;
	int drc = xf_store_case_sub_insert(c->db, s, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_case_sub_get(c->db, c->a, s->id, s);
	return xf_audit_found(c, drc, "create", "case_submission", s->id,
	                      s->org_path, NULL,
	                      xf_snap_case_submission(c->a, s));
}

int xf_case_sub_create(xf_ctx *c, int64_t call_id, xf_case_submission *in)
{
	XF_RETURN_WRITE_TX(c, sub_create_tx(c, call_id, in));
}

/* Loads a submission for its organization or the committee of its call
 * (reading), or its organization's managers (writing, 403 otherwise);
 * v gets the call. */
static int load_sub(xf_ctx *c, int64_t id, int mode, xf_case_submission *s,
                    xf_case_call_view *v)
{
	memset(s, 0, sizeof *s);
	int found = xf_store_case_sub_get(c->db, c->a, id, s);
	if (found != XF_DB_ROW)
		return xf_loaded(c, found, NULL, XF_FOR_READ, &sub_rec);
	memset(v, 0, sizeof *v);
	int drc = xf_store_case_call_get(c->db, c->a, s->call_id, &v->call);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	set_status(c, &v->call);
	v->committee = xf_committee_over(c, v->call.org_path, 0);
	v->reviewer = is_reviewer(c, &v->call);
	if (mode == XF_FOR_READ && v->committee)
		return XF_OK;
	return xf_loaded(c, found, s->org_path, mode, &sub_rec);
}

static int sub_update_tx(xf_ctx *c, int64_t id, const xf_case_submission *in,
                         xf_case_submission *s)
{
	xf_case_call_view v;
	int rc = load_sub(c, id, XF_FOR_WRITE, s, &v);
	if (rc != XF_OK)
		return rc;
	if (strcmp(v.call.status, "open") != 0)
		return closed_for_submissions(c);
	const char *before = xf_snap_case_submission(c->a, s);
	if (in->title)
		s->title = in->title;
	if (in->summary)
		s->summary = in->summary;
	if (in->text)
		s->text = in->text;
	int drc = xf_store_case_sub_update(c->db, s, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_case_sub_get(c->db, c->a, id, s);
	return xf_audit_found(c, drc, "update", "case_submission", id,
	                      s->org_path, before,
	                      xf_snap_case_submission(c->a, s));
}

int xf_case_sub_update(xf_ctx *c, int64_t id, const xf_case_submission *in,
                       xf_case_submission *out)
{
	XF_RETURN_WRITE_TX(c, sub_update_tx(c, id, in, out));
}

static int sub_remove_tx(xf_ctx *c, int64_t id)
{
	xf_case_submission s;
	xf_case_call_view v;
	int rc = load_sub(c, id, XF_FOR_WRITE, &s, &v);
	if (rc != XF_OK)
		return rc;
	if (strcmp(v.call.status, "open") != 0)
		return closed_for_submissions(c);
	int drc = xf_store_attachment_delete_subject(c->db, "case", id);
	if (drc == XF_DB_OK)
		drc = xf_store_case_sub_delete(c->db, id);
	return xf_audit_db(c, drc, "delete", "case_submission", id, s.org_path,
	                   xf_snap_case_submission(c->a, &s), NULL);
}

int xf_case_sub_remove(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, sub_remove_tx(c, id));
}

static int sub_read_tx(xf_ctx *c, int64_t id, xf_case_submission *s)
{
	xf_case_call_view v;
	return load_sub(c, id, XF_FOR_READ, s, &v);
}

int xf_case_sub_read(xf_ctx *c, int64_t id, xf_case_submission *out)
{
	XF_RETURN_READ_TX(c, sub_read_tx(c, id, out));
}

/* Best rank first, unranked last, then by id. */
static int by_rank(const void *pa, const void *pb)
{
	const xf_case_submission *a = pa, *b = pb;
	int ra = a->rank > 0 ? a->rank : 1 << 30;
	int rb = b->rank > 0 ? b->rank : 1 << 30;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int subs_tx(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                   xf_case_submission **out, int *n)
{
	int rc = load_call(c, call_id, v);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_case_subs(c->db, c->a, call_id, out, n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (!v->committee) {
		int m = 0;
		for (int i = 0; i < *n; i++)
			if (xf_can_read(c, (*out)[i].org_path))
				(*out)[m++] = (*out)[i];
		*n = m;
	}
	qsort(*out, (size_t)*n, sizeof **out, by_rank);
	return XF_OK;
}

int xf_case_subs_list(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                      xf_case_submission **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, subs_tx(c, call_id, v, out, n));
}

/* ---- review ------------------------------------------------------------- */

typedef struct my_scores {
	const xf_case_submission *subs;
	int n;
	int64_t reviewer;
	int *mine;
} my_scores;

static void on_my_score(void *arg, int64_t sub_id, int64_t reviewer_id,
                        int crit, int score_x10)
{
	my_scores *m = arg;
	if (reviewer_id != m->reviewer || crit < 0 || crit >= XF_CASE_CRIT_MAX)
		return;
	for (int i = 0; i < m->n; i++)
		if (m->subs[i].id == sub_id)
			m->mine[i * XF_CASE_CRIT_MAX + crit] = score_x10;
}

static int not_reviewer(xf_ctx *c)
{
	return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
	               "您不是本次案例评选的评审专家", NULL);
}

static int assignments_tx(xf_ctx *c, int64_t call_id, xf_case_call *call,
                          xf_case_submission **out, int **mine, int *n)
{
	xf_case_call_view v;
	int rc = load_call(c, call_id, &v);
	if (rc != XF_OK)
		return rc;
	if (!v.reviewer)
		return not_reviewer(c);
	*call = v.call;
	xf_case_submission *all;
	int nall;
	int drc = xf_store_case_subs(c->db, c->a, call_id, &all, &nall);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int m = 0;
	for (int i = 0; i < nall; i++) {
		if (xf_user_belongs_to(c, c->user_id, all[i].org_path, &rc))
			continue;
		if (rc != XF_OK)
			return rc;
		all[m++] = all[i];
	}
	*out = all;
	*n = m;
	*mine = xf_arena_calloc(c->a, (size_t)(m ? m : 1) * XF_CASE_CRIT_MAX,
	                        sizeof **mine);
	if (!*mine)
		return xf_oom(c);
	for (int i = 0; i < m * XF_CASE_CRIT_MAX; i++)
		(*mine)[i] = -1;
	my_scores ms = {all, m, c->user_id, *mine};
	return xf_from_db(
	    c, xf_store_case_scores(c->db, call_id, on_my_score, &ms));
}

int xf_case_assignments(xf_ctx *c, int64_t call_id, xf_case_call *call,
                        xf_case_submission **out, int **mine, int *n)
{
	*out = NULL;
	*mine = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, assignments_tx(c, call_id, call, out, mine, n));
}

static int score_tx(xf_ctx *c, int64_t sub_id, const char *const *names,
                    const int *values, int n)
{
	xf_case_submission s;
	memset(&s, 0, sizeof s);
	int found = xf_store_case_sub_get(c->db, c->a, sub_id, &s);
	if (found != XF_DB_ROW)
		return xf_loaded(c, found, NULL, XF_FOR_READ, &sub_rec);
	xf_case_call_view v;
	int rc = load_call(c, s.call_id, &v);
	if (rc != XF_OK)
		return xf_loaded(c, XF_DB_DONE, NULL, XF_FOR_READ, &sub_rec);
	if (!v.reviewer)
		return not_reviewer(c);
	if (xf_user_belongs_to(c, c->user_id, s.org_path, &rc))
		return xf_fail(c, XF_E_FORBIDDEN, "conflict_of_interest",
		               "评审专家不能评审本单位报送的案例", NULL);
	if (rc != XF_OK)
		return rc;
	if (strcmp(v.call.status, "closed") != 0)
		return xf_fail(c, XF_E_CONFLICT, "review_not_open",
		               strcmp(v.call.status, "open") == 0
		                   ? "案例征集尚未截止，评审尚未开始"
		                   : "评审已结束",
		               NULL);
	const xf_case_call *k = &v.call;
	int sc[XF_CASE_CRIT_MAX];
	for (int i = 0; i < k->ncrit; i++)
		sc[i] = -1;
	for (int j = 0; j < n; j++) {
		int i = 0;
		while (i < k->ncrit && strcmp(k->crit[i].name, names[j]) != 0)
			i++;
		const char *at = xf_arena_printf(c->a, "scores.%s", names[j]);
		if (i == k->ncrit)
			return xf_invalid(c, "没有这个评分项", at);
		if (values[j] < 0 || values[j] > k->crit[i].max_x10)
			return xf_invalid(c, "分数超出该评分项的范围", at);
		sc[i] = values[j];
	}
	for (int i = 0; i < k->ncrit; i++)
		if (sc[i] < 0)
			return xf_invalid(c, "每个评分项都须评分",
			                  xf_arena_printf(c->a, "scores.%s",
			                                  k->crit[i].name));
	int drc = xf_store_case_scores_put(c->db, sub_id, c->user_id, sc,
	                                   k->ncrit, c->now);
	return xf_audit_db(c, drc, "score", "case_submission", sub_id,
	                   s.org_path, NULL, NULL);
}

int xf_case_score_put(xf_ctx *c, int64_t sub_id, const char *const *names,
                      const int *values, int n)
{
	XF_RETURN_WRITE_TX(c, score_tx(c, sub_id, names, values, n));
}

/* ---- selection ---------------------------------------------------------- */

/* The sheets of one submission at a time, from scores ordered by
 * submission and reviewer. */
typedef struct tally {
	xf_case_submission *subs;
	int n, ncrit;
	int64_t sub_id, reviewer;
	xf_judge_sheet sheets[XF_CASE_REVIEW_MAX];
	int nsheets;
} tally;

static void tally_flush(tally *t)
{
	if (!t->sub_id)
		return;
	for (int i = 0; i < t->n; i++)
		if (t->subs[i].id == t->sub_id)
			t->subs[i].score_x10 =
			    xf_case_score(t->sheets, t->nsheets, t->ncrit);
	t->nsheets = 0;
	t->sub_id = 0;
	t->reviewer = 0;
}

static void on_score(void *arg, int64_t sub_id, int64_t reviewer_id, int crit,
                     int score_x10)
{
	tally *t = arg;
	if (sub_id != t->sub_id)
		tally_flush(t);
	t->sub_id = sub_id;
	if (reviewer_id != t->reviewer) {
		if (t->nsheets == XF_CASE_REVIEW_MAX)
			return;
		xf_judge_sheet *s = &t->sheets[t->nsheets++];
		s->weight = 1;
		for (int k = 0; k < XF_REVIEW_MAX_CRITERIA; k++)
			s->score_x10[k] = -1;
		t->reviewer = reviewer_id;
	}
	if (crit >= 0 && crit < t->ncrit)
		t->sheets[t->nsheets - 1].score_x10[crit] = score_x10;
}

/* Higher score first, then by id; unscored last. */
static int by_score(const void *pa, const void *pb)
{
	const xf_case_submission *a = pa, *b = pb;
	if (a->score_x10 != b->score_x10)
		return a->score_x10 > b->score_x10 ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

static int select_tx(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                     xf_case_submission **out, int *n)
{
	int rc = load_committee(c, call_id, v);
	if (rc != XF_OK)
		return rc;
	const char *st = v->call.status;
	if (strcmp(st, "closed") != 0 && strcmp(st, "selected") != 0)
		return xf_fail(c, XF_E_CONFLICT, "wrong_stage",
		               strcmp(st, "open") == 0
		                   ? "案例征集尚未截止，不能评定"
		                   : "评选结果已公示，不能重新评定",
		               NULL);
	xf_case_submission *s;
	int ns;
	int drc = xf_store_case_subs(c->db, c->a, call_id, &s, &ns);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	tally *t = xf_arena_calloc(c->a, 1, sizeof *t);
	if (!t)
		return xf_oom(c);
	t->subs = s;
	t->n = ns;
	t->ncrit = v->call.ncrit;
	for (int i = 0; i < ns; i++)
		s[i].score_x10 = -1;
	drc = xf_store_case_scores(c->db, call_id, on_score, t);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	tally_flush(t);
	qsort(s, (size_t)ns, sizeof *s, by_score);
	int scored = 0;
	while (scored < ns && s[scored].score_x10 >= 0)
		scored++;
	int64_t *scores = xf_arena_calloc(c->a, (size_t)ns + 1, sizeof *scores);
	int *ranks = xf_arena_calloc(c->a, (size_t)ns + 1, sizeof *ranks);
	int *tiers = xf_arena_calloc(c->a, (size_t)ns + 1, sizeof *tiers);
	if (!scores || !ranks || !tiers)
		return xf_oom(c);
	for (int i = 0; i < scored; i++)
		scores[i] = s[i].score_x10;
	xf_points_ranks(scores, scored, ranks);
	int places[XF_CASE_TIER_MAX];
	for (int i = 0; i < v->call.ntiers; i++)
		places[i] = v->call.tiers[i].places;
	xf_case_tiers(ranks, scored, places, v->call.ntiers, tiers);
	for (int i = 0; i < ns; i++) {
		s[i].rank = i < scored ? ranks[i] : 0;
		s[i].tier = i < scored ? tiers[i] : -1;
		s[i].tier_name =
		    s[i].tier >= 0 ? v->call.tiers[s[i].tier].name : NULL;
		drc = xf_store_case_sub_result(c->db, s[i].id, s[i].score_x10,
		                               s[i].rank, s[i].tier);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	drc = xf_store_case_call_stage(c->db, call_id, "selected", 0, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	v->call.stage = v->call.status = "selected";
	*out = s;
	*n = ns;
	return xf_audit(c, "review", "case_call", call_id, v->call.org_path,
	                NULL, xf_snap_case_call(c->a, &v->call));
}

int xf_case_select(xf_ctx *c, int64_t call_id, xf_case_call_view *v,
                   xf_case_submission **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_WRITE_TX(c, select_tx(c, call_id, v, out, n));
}

/* ---- 公示 and decision --------------------------------------------------- */

int xf_case_publish(xf_ctx *c, int64_t call_id, const char *opens_on,
                    const char *closes_on, const char *title,
                    xf_point_notice_full *out)
{
	xf_case_call_view v;
	int rc;
	XF_READ_TX(c, rc, load_committee(c, call_id, &v));
	if (rc != XF_OK)
		return rc;
	xf_point_notice_input in = {.subject = "case_selection",
	                            .subject_id = call_id,
	                            .org_id = v.call.org_id,
	                            .opens_on = opens_on,
	                            .closes_on = closes_on,
	                            .title = title};
	return xf_point_notice_publish(c, &in, out);
}

int xf_case_selection_rows_in_tx(xf_ctx *c, int64_t call_id, int64_t org_id,
                                 xf_case_submission **out, int *n)
{
	xf_case_call_view v;
	int rc = load_committee(c, call_id, &v);
	if (rc != XF_OK)
		return rc;
	if (v.call.org_id != org_id)
		return xf_invalid(c, "公示组织应为发起征集的组织", "org_id");
	if (strcmp(v.call.status, "selected") != 0)
		return xf_fail(c, XF_E_CONFLICT, "nothing_to_publish",
		               "须先评定入选案例，且只能公示一次", NULL);
	xf_case_submission *s;
	int ns;
	int drc = xf_store_case_subs(c->db, c->a, call_id, &s, &ns);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int m = 0;
	for (int i = 0; i < ns; i++)
		if (s[i].tier >= 0)
			s[m++] = s[i];
	if (m == 0)
		return xf_fail(c, XF_E_CONFLICT, "nothing_to_publish",
		               "没有入选的案例", NULL);
	qsort(s, (size_t)m, sizeof *s, by_rank);
	*out = s;
	*n = m;
	return XF_OK;
}

int xf_case_selection_published_in_tx(xf_ctx *c, int64_t call_id,
                                      int64_t notice_id)
{
	return xf_from_db(c,
	                  xf_store_case_call_stage(c->db, call_id, "published",
	                                           notice_id, c->now));
}

static int decide_tx(xf_ctx *c, int64_t call_id, int early, xf_case_call *out)
{
	xf_case_call_view v;
	int rc = load_committee(c, call_id, &v);
	if (rc != XF_OK)
		return rc;
	if (strcmp(v.call.stage, "published") != 0)
		return xf_fail(c, XF_E_CONFLICT, "wrong_stage",
		               strcmp(v.call.stage, "decided") == 0
		                   ? "评选结果已决定"
		                   : "须先公示评选结果",
		               NULL);
	xf_point_notice nt;
	memset(&nt, 0, sizeof nt);
	int drc = xf_store_point_notice_get(c->db, c->a, v.call.notice_id, &nt);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	const char *today = xf_today(c);
	if (!early && strcmp(today, nt.closes_on) <= 0)
		return xf_fail(
		    c, XF_E_CONFLICT, "notice_open",
		    "公示期尚未结束（如确需提前决定，请注明提前决定）", NULL);
	xf_case_submission *s;
	int ns;
	drc = xf_store_case_subs(c->db, c->a, call_id, &s, &ns);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < ns && rc == XF_OK; i++) {
		if (s[i].tier < 0 || s[i].tier >= v.call.ntiers)
			continue;
		xf_honor h = {
		    .org_id = s[i].org_id,
		    .title = s[i].title,
		    .category = "案例",
		    .level = xf_case_honor_level(v.call.org_level),
		    .grade = xf_case_honor_grade(v.call.tiers[s[i].tier].name),
		    .year = v.call.year,
		    .awarded_by = v.call.org_name,
		    .awarded_on = today,
		    .source = "case",
		    .source_ref =
		        xf_arena_printf(c->a, "case:%lld", (long long)s[i].id)};
		if (!h.source_ref)
			return xf_oom(c);
		rc = xf_honor_award_in_tx(c, &h);
	}
	if (rc != XF_OK)
		return rc;
	drc = xf_store_case_call_stage(c->db, call_id, "decided",
	                               v.call.notice_id, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	v.call.stage = v.call.status = "decided";
	*out = v.call;
	return xf_audit(c, "decide", "case_call", call_id, v.call.org_path,
	                early ? "{\"early\":true}" : NULL,
	                xf_snap_case_call(c->a, out));
}

int xf_case_decide(xf_ctx *c, int64_t call_id, int early, xf_case_call *out)
{
	XF_RETURN_WRITE_TX(c, decide_tx(c, call_id, early, out));
}

/* ---- the library -------------------------------------------------------- */

int xf_case_library(xf_ctx *c, const xf_case_filter *f, int offset, int limit,
                    xf_case_submission **out, int *n, int64_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, xf_from_db(c, xf_store_case_library(c->db, c->a, f, offset,
	                                           limit, out, n, total)));
}

static int library_read_tx(xf_ctx *c, int64_t id, xf_case_submission *out)
{
	int found = xf_store_case_library_get(c->db, c->a, id, out);
	if (found == XF_DB_ROW)
		return XF_OK;
	return xf_loaded(c, found, NULL, XF_FOR_READ, &sub_rec);
}

int xf_case_library_read(xf_ctx *c, int64_t id, xf_case_submission *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, library_read_tx(c, id, out));
}

/* ---- files -------------------------------------------------------------- */

/* A case's files: read by whoever reads the case and by the call's
 * reviewers (not of its own organization); added by its organization
 * while submissions are open. */
static int load_files(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
                      const char **org_path)
{
	xf_case_submission s;
	xf_case_call_view v;
	memset(&v, 0, sizeof v);
	int rc = load_sub(c, id, mode, &s, &v);
	if (rc != XF_OK && mode == XF_FOR_READ && v.reviewer &&
	    c->err.kind == XF_E_NOT_FOUND) {
		int crc;
		if (!xf_user_belongs_to(c, c->user_id, s.org_path, &crc) &&
		    crc == XF_OK) {
			c->err.kind = XF_OK;
			rc = XF_OK;
		}
	}
	if (rc == XF_OK && mode == XF_FOR_WRITE &&
	    strcmp(v.call.status, "open") != 0)
		return closed_for_submissions(c);
	if (rc == XF_OK) {
		*org_id = s.org_id;
		*org_path = s.org_path;
	}
	return rc;
}

const xf_attachment_subject xf_case_files = {
    "case", 20, "每个案例最多上传 20 个附件", .load = load_files};
