/*
 * schemes.c (service) - assessment schemes: create (from indicators, a
 * template or by adopting a higher scheme), edit drafts, publish, new
 * versions, list (schemes.h).
 */
#include "service/schemes.h"

#include "domain/orgs.h"
#include "service/snapshot.h"
#include "store/orgs.h"

#include <stdio.h>
#include <string.h>

static const xf_record scheme_record = {"考核办法不存在", "无权修改该考核办法",
                                        NULL};

/* 1 if the caller reads an organization at, above or below path. */
static int reads_scheme(const xf_ctx *c, const char *path)
{
	if (!c->scope || xf_is_admin(c) || xf_can_read(c, path))
		return 1;
	for (int i = 0; i < c->scope->n; i++)
		if (xf_path_within(c->scope->g[i].org_path, path))
			return 1;
	return 0;
}

/* The scheme with its indicators, left open. */
static void scheme_write_open(xf_jw *w, const xf_scheme *s)
{
	xf_scheme_json_open(w, s);
	if (s->ind) {
		xf_jw_key(w, "indicators");
		xf_jw_arr(w);
		for (int i = 0; i < s->nind; i++) {
			const xf_indicator *d = &s->ind[i];
			xf_indicator_json_open(
			    w, d, xf_code_label(xf_indicator_kinds, d->kind),
			    xf_code_label(xf_assessment_sources, d->source));
			xf_jw_obj_end(w);
		}
		xf_jw_arr_end(w);
		int total = 0, bonus = 0;
		for (int i = 0; i < s->nind; i++) {
			if (s->ind[i].parent)
				continue;
			if (strcmp(s->ind[i].kind, "bonus") == 0)
				bonus += s->ind[i].max_x10;
			else if (strcmp(s->ind[i].kind, "data") == 0 ||
			         strcmp(s->ind[i].kind, "manual") == 0)
				total += s->ind[i].max_x10;
		}
		xf_jw_kx10(w, "total", total);
		xf_jw_kx10(w, "bonus_total", bonus);
	}
}

void xf_scheme_write(xf_jw *w, const xf_scheme *s)
{
	scheme_write_open(w, s);
	xf_jw_obj_end(w);
}

void xf_scheme_templates_write(xf_jw *w)
{
	xf_jw_obj(w);
	xf_jw_key(w, "items");
	xf_jw_arr(w);
	for (int t = 0; t < xf_scheme_template_count; t++) {
		const xf_scheme_template *st = &xf_scheme_templates[t];
		xf_indicator ind[XF_IND_MAX];
		memcpy(ind, st->ind, (size_t)st->nind * sizeof *ind);
		xf_tree_totals tot;
		char msg[200];
		const char *field;
		xf_indicators_check(ind, st->nind, 1000, &tot, msg, &field);
		xf_scheme s = {.name = st->name,
		               .org_kinds = st->org_kinds,
		               .state = "template",
		               .stars = st->stars,
		               .ind = ind,
		               .nind = st->nind};
		scheme_write_open(w, &s);
		xf_jw_kstr(w, "code", st->code);
		xf_jw_kstr(w, "description", st->description);
		xf_jw_obj_end(w);
	}
	xf_jw_arr_end(w);
	xf_jw_obj_end(w);
}

static int stars_check(xf_ctx *c, const xf_scheme *s)
{
	const xf_star_rules *r = &s->stars;
	for (int i = 0; i < 4; i++)
		if (r->min_x10[i] < 0 || r->min_x10[i] > 2000 ||
		    (i > 0 && r->min_x10[i] > r->min_x10[i - 1]))
			return xf_invalid(
			    c,
			    "星级分数线须从五星到二星依次不增，且在 "
			    "0 到 200 之间",
			    "stars.thresholds");
	for (int i = 0; i < 2; i++)
		if (r->quota_pct[i] < 0 || r->quota_pct[i] > 100)
			return xf_invalid(c, "星级名额比例须在 0 到 100 之间",
			                  "stars.quotas");
	if (r->five_requires) {
		for (int i = 0; i < s->nind; i++)
			if (strcmp(s->ind[i].code, r->five_requires) == 0 &&
			    s->ind[i].k == XF_IND_BONUS)
				return XF_OK;
		return xf_invalid(c, "五星条件须为本办法的一项加分项",
		                  "stars.five_requires");
	}
	return XF_OK;
}

int xf_scheme_check(xf_ctx *c, xf_scheme *s)
{
	xf_tree_totals tot;
	char msg[200];
	const char *field = NULL;
	int bad = xf_indicators_check(s->ind, s->nind, 1000, &tot, msg, &field);
	if (bad >= 0) {
		const char *f =
		    bad < s->nind
		        ? xf_arena_printf(c->a, "indicators[%d].%s", bad, field)
		        : "indicators";
		return xf_invalid(c, xf_arena_strdup(c->a, msg), f);
	}
	/* the adopter's own indicators hang below an open slot of the
	 * adopted scheme, and inherited ones keep their places */
	for (int i = 0; i < s->nind; i++) {
		const xf_indicator *d = &s->ind[i];
		if (d->inherited)
			continue;
		int top = i;
		while (s->ind[top].parent_ix >= 0)
			top = s->ind[top].parent_ix;
		if (s->adopts_id &&
		    (top == i || !s->ind[top].open || !s->ind[top].inherited))
			return xf_invalid(
			    c, "个性指标须放在上级办法留出的个性指标之下",
			    xf_arena_printf(c->a, "indicators[%d].parent", i));
	}
	return stars_check(c, s);
}

static int kinds_check(xf_ctx *c, const char *kinds)
{
	if (!kinds || !*kinds)
		return xf_invalid(c, "适用组织类型不能为空", "org_kinds");
	char buf[200];
	snprintf(buf, sizeof buf, "%s", kinds);
	for (char *save = NULL, *k = strtok_r(buf, ",", &save); k;
	     k = strtok_r(NULL, ",", &save))
		if (xf_org_kind_parse(k) < 0)
			return xf_invalid(c, "适用组织类型不正确", "org_kinds");
	return XF_OK;
}

/* The caller may write schemes of org: a committee over it, or admin. */
static int may_write(xf_ctx *c, const char *path)
{
	if (xf_committee_over(c, path, 0))
		return XF_OK;
	return xf_forbidden(c, "只有本级或上级党委（工委）可以制定考核办法");
}

/* Fills s from the input: the template's or the adopted scheme's
 * indicators, with the input's own. */
static int build(xf_ctx *c, const xf_scheme_input *in, const xf_org *o,
                 xf_scheme *s)
{
	const xf_scheme_template *t = NULL;
	if (in->template_code) {
		for (int i = 0; i < xf_scheme_template_count; i++)
			if (strcmp(xf_scheme_templates[i].code,
			           in->template_code) == 0)
				t = &xf_scheme_templates[i];
		if (!t)
			return xf_invalid(c, "没有这个模板", "template");
	}
	xf_scheme base = {0};
	if (in->adopts_id) {
		int found =
		    xf_store_scheme_get(c->db, c->a, in->adopts_id, &base);
		if (found == XF_DB_DONE ||
		    (found == XF_DB_ROW && !reads_scheme(c, base.org_path)))
			return xf_invalid(c, "所采用的考核办法不存在",
			                  "adopts");
		if (found != XF_DB_ROW)
			return xf_fail_db(c, found);
		if (strcmp(base.state, "published") != 0)
			return xf_invalid(c, "只能采用已发布的考核办法",
			                  "adopts");
		if (base.year != in->year)
			return xf_invalid(c, "所采用的考核办法年度不同",
			                  "adopts");
		if (strcmp(base.org_path, o->path) == 0 ||
		    !xf_path_within(o->path, base.org_path))
			return xf_invalid(c, "只能采用上级党组织的考核办法",
			                  "adopts");
	}
	const xf_indicator *own = in->ind;
	int nown = in->nind;
	if (!own && t) {
		own = t->ind;
		nown = t->nind;
	}
	int n = base.nind + nown;
	if (n > XF_IND_MAX)
		return xf_invalid(c, "指标须有 1 到 64 项", "indicators");
	xf_indicator *ind = xf_arena_calloc(c->a, (size_t)n + 1, sizeof *ind);
	if (!ind)
		return xf_oom(c);
	for (int i = 0; i < base.nind; i++) {
		ind[i] = base.ind[i];
		ind[i].inherited = 1;
	}
	for (int i = 0; i < nown; i++) {
		ind[base.nind + i] = own[i];
		ind[base.nind + i].inherited = 0;
	}
	s->ind = ind;
	s->nind = n;
	s->name = in->name;
	s->year = in->year;
	s->org_id = o->id;
	s->org_path = o->path;
	s->org_name = o->name;
	s->adopts_id = in->adopts_id;
	s->org_kinds = in->org_kinds   ? in->org_kinds
	               : in->adopts_id ? base.org_kinds
	               : t             ? t->org_kinds
	                               : "branch";
	if (in->has_stars)
		s->stars = in->stars;
	else if (in->adopts_id)
		s->stars = base.stars;
	else if (t)
		s->stars = t->stars;
	else
		xf_star_rules_default(&s->stars);
	int rc = kinds_check(c, s->org_kinds);
	return rc == XF_OK ? xf_scheme_check(c, s) : rc;
}

static int create_tx(xf_ctx *c, const xf_scheme_input *in, xf_scheme *out)
{
	xf_org o;
	int rc = xf_org_readable(c, in->org_id, &o);
	if (rc == XF_OK)
		rc = may_write(c, o.path);
	if (rc != XF_OK)
		return rc;
	memset(out, 0, sizeof *out);
	rc = build(c, in, &o, out);
	if (rc != XF_OK)
		return rc;
	out->version = 1;
	out->created_by = c->user_id;
	int drc = xf_store_scheme_insert(c->db, out, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->lineage_id = out->id;
	return xf_audit(c, "create", "scheme", out->id, out->org_path, NULL,
	                xf_snap_scheme(c->a, out));
}

int xf_scheme_create(xf_ctx *c, const xf_scheme_input *in, xf_scheme *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

/* Loads scheme id for mode (read: 404 beyond what the caller reads;
 * write: 403 without a committee grant over its org). */
static int load(xf_ctx *c, int64_t id, int mode, xf_scheme *s)
{
	int found = xf_store_scheme_get(c->db, c->a, id, s);
	if (found == XF_DB_ROW && !reads_scheme(c, s->org_path))
		found = XF_DB_DONE;
	if (found != XF_DB_ROW) /* not found, or an error */
		return xf_loaded(c, found, NULL, XF_FOR_READ, &scheme_record);
	if (mode == XF_FOR_READ)
		return XF_OK;
	return may_write(c, s->org_path);
}

static int draft_only(xf_ctx *c, const xf_scheme *s)
{
	if (strcmp(s->state, "draft") == 0)
		return XF_OK;
	return xf_fail(c, XF_E_CONFLICT, "published",
	               "考核办法已发布，不能修改；请建立新版本", NULL);
}

static int update_tx(xf_ctx *c, int64_t id, const xf_scheme_input *in,
                     xf_scheme *out)
{
	xf_scheme s;
	int rc = load(c, id, XF_FOR_WRITE, &s);
	if (rc == XF_OK)
		rc = draft_only(c, &s);
	if (rc != XF_OK)
		return rc;
	char *before = xf_snap_scheme(c->a, &s);
	xf_org o = {.id = s.org_id, .path = s.org_path, .name = s.org_name};
	xf_scheme_input v = *in;
	v.year = s.year;
	v.adopts_id = s.adopts_id;
	if (!v.ind && !v.template_code) {
		/* keep the draft's own indicators */
		int k = 0;
		xf_indicator *own =
		    xf_arena_calloc(c->a, (size_t)s.nind + 1, sizeof *own);
		if (!own)
			return xf_oom(c);
		for (int i = 0; i < s.nind; i++)
			if (!s.ind[i].inherited)
				own[k++] = s.ind[i];
		v.ind = own;
		v.nind = k;
	}
	if (!v.name)
		v.name = s.name;
	if (!v.org_kinds)
		v.org_kinds = s.org_kinds;
	if (!v.has_stars) {
		v.has_stars = 1;
		v.stars = s.stars;
	}
	xf_scheme n = {0};
	rc = build(c, &v, &o, &n);
	if (rc != XF_OK)
		return rc;
	n.id = s.id;
	n.lineage_id = s.lineage_id;
	n.version = s.version;
	n.state = s.state;
	n.created_by = s.created_by;
	n.created_at = s.created_at;
	int drc = xf_store_scheme_update(c->db, &n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*out = n;
	return xf_audit(c, "update", "scheme", id, s.org_path, before,
	                xf_snap_scheme(c->a, out));
}

int xf_scheme_update(xf_ctx *c, int64_t id, const xf_scheme_input *in,
                     xf_scheme *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, id, in, out));
}

static int get_tx(xf_ctx *c, int64_t id, xf_scheme *out)
{
	int rc = load(c, id, XF_FOR_READ, out);
	return rc == XF_OK ? xf_scheme_check(c, out) : rc;
}

int xf_scheme_get(xf_ctx *c, int64_t id, xf_scheme *out)
{
	XF_RETURN_READ_TX(c, get_tx(c, id, out));
}

static int delete_tx(xf_ctx *c, int64_t id)
{
	xf_scheme s;
	int rc = load(c, id, XF_FOR_WRITE, &s);
	if (rc == XF_OK)
		rc = draft_only(c, &s);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_scheme_delete(c->db, id);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return xf_audit(c, "delete", "scheme", id, s.org_path,
	                xf_snap_scheme(c->a, &s), NULL);
}

int xf_scheme_delete(xf_ctx *c, int64_t id)
{
	XF_RETURN_WRITE_TX(c, delete_tx(c, id));
}

static int publish_tx(xf_ctx *c, int64_t id, const char *from, xf_scheme *out)
{
	int rc = load(c, id, XF_FOR_WRITE, out);
	if (rc == XF_OK)
		rc = draft_only(c, out);
	if (rc == XF_OK)
		rc = xf_scheme_check(c, out);
	if (rc != XF_OK)
		return rc;
	char *before = xf_snap_scheme(c->a, out);
	out->effective_from = from ? from : xf_today(c);
	int drc = xf_store_scheme_publish(c->db, out, c->user_id, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->state = "published";
	out->published_by = c->user_id;
	out->published_at = c->now;
	return xf_audit(c, "publish", "scheme", id, out->org_path, before,
	                xf_snap_scheme(c->a, out));
}

int xf_scheme_publish(xf_ctx *c, int64_t id, const char *effective_from,
                      xf_scheme *out)
{
	XF_RETURN_WRITE_TX(c, publish_tx(c, id, effective_from, out));
}

static int version_tx(xf_ctx *c, int64_t id, xf_scheme *out)
{
	xf_scheme s;
	int rc = load(c, id, XF_FOR_WRITE, &s);
	if (rc != XF_OK)
		return rc;
	if (strcmp(s.state, "published") != 0)
		return xf_fail(c, XF_E_CONFLICT, "not_published",
		               "只有已发布（现行）的考核办法可以建立新版本",
		               NULL);
	int64_t last = 0;
	int drc = xf_store_scheme_last_version(c->db, s.lineage_id, &last);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	*out = s;
	out->id = 0;
	out->version = (int)last + 1;
	out->effective_from = NULL;
	out->published_by = out->published_at = 0;
	out->created_by = c->user_id;
	drc = xf_store_scheme_insert(c->db, out, c->now);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = xf_scheme_check(c, out);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "create", "scheme", out->id, out->org_path, NULL,
	                xf_snap_scheme(c->a, out));
}

int xf_scheme_new_version(xf_ctx *c, int64_t id, xf_scheme *out)
{
	XF_RETURN_WRITE_TX(c, version_tx(c, id, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_scheme **out, int *n, int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK)
		return rc;
	*n = 0;
	*total = 0;
	if (r.n == 0)
		return XF_OK;
	return xf_from_db(c, xf_store_scheme_list(c->db, c->a, &r, year, offset,
	                                          limit, out, n, total));
}

int xf_scheme_list(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_scheme **out, int *n, int64_t *total)
{
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, year, offset, limit, out, n, total));
}

static int applicable_tx(xf_ctx *c, int64_t org_id, int year, xf_scheme **out,
                         int *n)
{
	xf_org o;
	static const xf_record org_record = {"组织不存在", NULL, "org"};
	int found = xf_store_org_get(c->db, c->a, org_id, &o);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? o.path : NULL,
	                   XF_FOR_READ, &org_record);
	if (rc != XF_OK)
		return rc;
	rc = xf_from_db(
	    c, xf_store_schemes_over(c->db, c->a, o.path, year, out, n));
	for (int i = 0; rc == XF_OK && i < *n; i++)
		rc = xf_scheme_check(c, &(*out)[i]);
	return rc;
}

int xf_scheme_applicable(xf_ctx *c, int64_t org_id, int year, xf_scheme **out,
                         int *n)
{
	XF_RETURN_READ_TX(c, applicable_tx(c, org_id, year, out, n));
}
