/*
 * year_reviews.c (service) - the yearly review use case of
 * service/year_reviews.h, shared by brands and joint projects.
 */
#include "service/year_reviews.h"

#include "base/date.h"

#include <string.h>

static int put_tx(xf_ctx *c, const xf_year_review_kind *k, int64_t id,
                  xf_year_review *v)
{
	void *rec;
	int rc = xf_crud_load_new(c, k->crud, id, XF_FOR_READ, &rec);
	if (rc != XF_OK)
		return rc;
	const char *org_path = xf_crud_path(k->crud, rec);
	int first_year = *(const int *)((const char *)rec + k->first_year_off);
	if (!xf_committee_over(c, org_path, 1))
		return xf_forbidden(c, k->forbidden);
	xf_date today = xf_date_today(c->now);
	if (v->year < first_year || v->year > today.y)
		return xf_invalid(c, k->bad_year, "year");
	v->subject_id = id;
	v->reviewed_by = c->user_id;
	v->reviewed_at = c->now;
	v->reviewer_name = c->username;
	return xf_audit_db(c, k->put(c->db, v), "update", k->entity, id,
	                   org_path, NULL, k->snap(c->a, v));
}

int xf_year_review_put(xf_ctx *c, const xf_year_review_kind *k, int64_t id,
                       int year, const char *grade, const char *notes,
                       xf_year_review *out)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	out->grade = grade;
	out->notes = notes;
	XF_RETURN_WRITE_TX(c, put_tx(c, k, id, out));
}
