/*
 * star_ratings.c (service) - 星级评定 from self-assessment to decision
 * (star_ratings.h).
 */
#include "service/star_ratings.h"

#include "service/assessments.h"
#include "service/notices.h"
#include "service/snapshot.h"
#include "store/assessments.h"
#include "store/notices.h"
#include "store/orgs.h"

#include <stdlib.h>
#include <string.h>

static const xf_record rating_record = {"星级评定不存在",
                                        "只有上级党委（工委）可以评定", NULL};
static const xf_record org_record = {"组织不存在", NULL, "org_id"};

/* Fills the notice's state of r (when in a notice). */
static int notice_state(xf_ctx *c, xf_star_rating *r)
{
	if (!r->notice_id)
		return XF_OK;
	xf_point_notice n;
	int drc = xf_store_point_notice_get(c->db, c->a, r->notice_id, &n);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	r->notice_state = xf_point_notice_state(&n, xf_today(c));
	return XF_OK;
}

static int with_evidence(xf_ctx *c, xf_star_rating *r)
{
	int drc = xf_store_star_rating_evidence(c->db, c->a, r->id,
	                                        &r->evidence, &r->nevidence);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	return notice_state(c, r);
}

static int create_tx(xf_ctx *c, int64_t org_id, int year, int claimed,
                     const char *note, const char *const *ev, int nev,
                     xf_star_rating *out)
{
	xf_org o;
	int rc = xf_org_readable(c, org_id, &o);
	if (rc != XF_OK)
		return rc;
	if (!xf_can_write(c, o.path))
		return xf_forbidden(c, "无权为该组织申报星级");
	xf_star_rating prev;
	int found = xf_store_star_rating_of(c->db, c->a, org_id, year, &prev);
	if (found == XF_DB_ROW)
		return xf_fail(c, XF_E_CONFLICT, "exists",
		               "该组织本年度已申报星级评定", NULL);
	if (found != XF_DB_DONE)
		return xf_fail_db(c, found);
	xf_assessment x;
	int has;
	rc = xf_assessment_of_in_tx(c, &o, year, &x, &has);
	if (rc != XF_OK)
		return rc;
	if (!has)
		return xf_fail(c, XF_E_CONFLICT, "no_scheme",
		               "该组织本年度没有适用的已发布考核办法", NULL);
	*out = (xf_star_rating){.org_id = o.id,
	                        .org_path = o.path,
	                        .org_name = o.name,
	                        .year = year,
	                        .state = "self_assessed",
	                        .claimed = claimed,
	                        .computed = x.stars,
	                        .score_x10 = x.score_x10,
	                        .self_note = note,
	                        .created_by = c->user_id};
	int drc = xf_store_star_rating_insert(c->db, out, c->now);
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "exists",
		               "该组织本年度已申报星级评定", NULL);
	if (drc == XF_DB_OK)
		drc =
		    xf_store_star_rating_evidence_put(c->db, out->id, ev, nev);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->evidence = (const char **)ev;
	out->nevidence = nev;
	return xf_audit(c, "create", "star_rating", out->id, o.path, NULL,
	                xf_snap_star_rating(c->a, out));
}

int xf_star_rating_create(xf_ctx *c, int64_t org_id, int year, int claimed,
                          const char *note, const char *const *evidence,
                          int nevidence, xf_star_rating *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, org_id, year, claimed, note,
	                                evidence, nevidence, out));
}

/* Loads rating id: read scope for reading; a committee strictly above
 * its organization for writing. */
static int load(xf_ctx *c, int64_t id, int mode, xf_star_rating *r)
{
	int found = xf_store_star_rating_get(c->db, c->a, id, r);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? r->org_path : NULL,
	                   XF_FOR_READ, &rating_record);
	if (rc != XF_OK)
		return rc;
	if (mode == XF_FOR_WRITE && !xf_committee_over(c, r->org_path, 1))
		return xf_forbidden(c, rating_record.forbidden);
	return XF_OK;
}

static int review_tx(xf_ctx *c, int64_t id, int stars, const char *reason,
                     const char *visit, xf_star_rating *out)
{
	int rc = load(c, id, XF_FOR_WRITE, out);
	if (rc != XF_OK)
		return rc;
	if (out->notice_id || strcmp(out->state, "decided") == 0)
		return xf_fail(c, XF_E_CONFLICT, "frozen",
		               "评定结果已公示，不能再修改", NULL);
	char *before = xf_snap_star_rating(c->a, out);
	/* the index as it stands now */
	xf_org o;
	int drc = xf_store_org_get(c->db, c->a, out->org_id, &o);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	xf_assessment x;
	int has;
	rc = xf_assessment_of_in_tx(c, &o, out->year, &x, &has);
	if (rc != XF_OK)
		return rc;
	if (has) {
		out->computed = x.stars;
		out->score_x10 = x.score_x10;
		if (x.vetoed && stars > 1)
			return xf_invalid(c, "触发一票否决的组织只能评为一星",
			                  "stars");
	}
	if (stars != out->computed && (!reason || !*reason))
		return xf_invalid(c, "评定星级与测算星级不同，须说明理由",
		                  "reason");
	out->state = "reviewed";
	out->reviewed_stars = stars;
	out->review_reason = reason;
	out->visit_notes = visit;
	out->reviewed_by = c->user_id;
	out->reviewed_at = c->now;
	drc = xf_store_star_rating_update(c->db, out);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = with_evidence(c, out);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "review", "star_rating", id, out->org_path, before,
	                xf_snap_star_rating(c->a, out));
}

int xf_star_rating_review(xf_ctx *c, int64_t id, int stars, const char *reason,
                          const char *visit_notes, xf_star_rating *out)
{
	XF_RETURN_WRITE_TX(c,
	                   review_tx(c, id, stars, reason, visit_notes, out));
}

static int decide_tx(xf_ctx *c, int64_t id, xf_star_rating *out)
{
	int rc = load(c, id, XF_FOR_WRITE, out);
	if (rc == XF_OK)
		rc = notice_state(c, out);
	if (rc != XF_OK)
		return rc;
	if (strcmp(out->state, "decided") == 0)
		return xf_fail(c, XF_E_CONFLICT, "decided", "该评定已认定",
		               NULL);
	if (!out->notice_id)
		return xf_fail(c, XF_E_CONFLICT, "not_noticed",
		               "评定结果尚未公示，不能认定", NULL);
	if (strcmp(out->notice_state, "closed") != 0)
		return xf_fail(c, XF_E_CONFLICT, "notice_open",
		               "公示期尚未结束，不能认定", NULL);
	char *before = xf_snap_star_rating(c->a, out);
	out->state = "decided";
	out->decided_stars = out->reviewed_stars;
	out->decided_by = c->user_id;
	out->decided_at = c->now;
	int drc = xf_store_star_rating_update(c->db, out);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	rc = with_evidence(c, out);
	if (rc != XF_OK)
		return rc;
	return xf_audit(c, "decide", "star_rating", id, out->org_path, before,
	                xf_snap_star_rating(c->a, out));
}

int xf_star_rating_decide(xf_ctx *c, int64_t id, xf_star_rating *out)
{
	XF_RETURN_WRITE_TX(c, decide_tx(c, id, out));
}

static int get_tx(xf_ctx *c, int64_t id, xf_star_rating *out)
{
	int rc = load(c, id, XF_FOR_READ, out);
	return rc == XF_OK ? with_evidence(c, out) : rc;
}

int xf_star_rating_get(xf_ctx *c, int64_t id, xf_star_rating *out)
{
	XF_RETURN_READ_TX(c, get_tx(c, id, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, int year, const char *state,
                   int offset, int limit, xf_star_rating **out, int *n,
                   int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	*n = 0;
	*total = 0;
	if (rc != XF_OK || r.n == 0)
		return rc;
	int drc = xf_store_star_rating_list(c->db, c->a, &r, year, state,
	                                    offset, limit, out, n, total);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < *n && rc == XF_OK; i++)
		rc = notice_state(c, &(*out)[i]);
	return rc;
}

int xf_star_rating_list(xf_ctx *c, int64_t org_id, int year, const char *state,
                        int offset, int limit, xf_star_rating **out, int *n,
                        int64_t *total)
{
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, year, state, offset, limit, out, n, total));
}

/* ---- the year's figure ------------------------------------------------ */

static void count(int *orgs, int *by, int *four, int stars)
{
	(*orgs)++;
	if (stars >= 1 && stars <= 5)
		by[stars]++;
	if (stars >= 4)
		(*four)++;
}

static int summary_tx(xf_ctx *c, int64_t org_id, int year, xf_star_summary *out)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	xf_org root;
	int found = xf_store_org_get(c->db, c->a, org_id, &root);
	int rc = xf_loaded(c, found, found == XF_DB_ROW ? root.path : NULL,
	                   XF_FOR_READ, &org_record);
	if (rc != XF_OK)
		return rc;
	out->org_id = root.id;
	out->org_name = root.name;
	xf_ranges r = {1, {NULL}, {NULL}};
	rc = xf_subtree_range(c, root.path, &r.lo[0], &r.hi[0]);
	if (rc != XF_OK)
		return rc;
	int drc =
	    xf_store_star_ratings_within(c->db, c->a, &r, year, "decided",
	                                 100000, &out->items, &out->nitems);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_org_page kids;
	drc = xf_store_org_children(c->db, c->a, root.id, &kids);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	out->children =
	    xf_arena_calloc(c->a, (size_t)kids.n + 1, sizeof *out->children);
	out->child_of =
	    xf_arena_calloc(c->a, (size_t)out->nitems + 1, sizeof(int64_t));
	if (!out->children || !out->child_of)
		return xf_oom(c);
	out->nchildren = kids.n;
	for (int k = 0; k < kids.n; k++) {
		out->children[k].org_id = kids.items[k].id;
		out->children[k].name = kids.items[k].name;
	}
	for (int i = 0; i < out->nitems; i++) {
		const xf_star_rating *it = &out->items[i];
		count(&out->orgs, out->by_stars, &out->four_plus,
		      it->decided_stars);
		for (int k = 0; k < kids.n; k++)
			if (xf_path_within(it->org_path, kids.items[k].path)) {
				xf_star_child *ch = &out->children[k];
				count(&ch->orgs, ch->by_stars, &ch->four_plus,
				      it->decided_stars);
				out->child_of[i] = ch->org_id;
				break;
			}
	}
	if (out->orgs)
		out->four_plus_share_x10 =
		    (int)((out->four_plus * 2000LL + out->orgs) /
		          (2LL * out->orgs));
	return XF_OK;
}

int xf_star_summary_get(xf_ctx *c, int64_t org_id, int year,
                        xf_star_summary *out)
{
	XF_RETURN_READ_TX(c, summary_tx(c, org_id, year, out));
}

/* ---- frozen by a notice ----------------------------------------------- */

static int cmp_frozen(const void *a, const void *b)
{
	const xf_star_rating *x = a, *y = b;
	if (x->reviewed_stars != y->reviewed_stars)
		return y->reviewed_stars - x->reviewed_stars;
	if (x->score_x10 != y->score_x10)
		return y->score_x10 - x->score_x10;
	return (x->org_id > y->org_id) - (x->org_id < y->org_id);
}

int xf_star_ratings_freeze(xf_ctx *c, const char *path, int year,
                           int64_t notice_id, xf_star_rating **out, int *n)
{
	xf_ranges r = {1, {NULL}, {NULL}};
	int rc = xf_subtree_range(c, path, &r.lo[0], &r.hi[0]);
	if (rc != XF_OK)
		return rc;
	if (notice_id)
		return xf_from_db(c, xf_store_star_ratings_notice(
		                         c->db, &r, year, notice_id));
	xf_star_rating *all;
	int nall;
	int drc = xf_store_star_ratings_within(c->db, c->a, &r, year,
	                                       "reviewed", 100000, &all, &nall);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int m = 0;
	for (int i = 0; i < nall; i++)
		if (!all[i].notice_id)
			all[m++] = all[i];
	qsort(all, (size_t)m, sizeof *all, cmp_frozen);
	*out = all;
	*n = m;
	return XF_OK;
}
