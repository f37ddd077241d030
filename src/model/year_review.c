/*
 * year_review.c - the JSON keys of a yearly review (model/year_review.h),
 * written once for brands and joint projects.
 */
#include "model/year_review.h"

#include "model/fields.h"

static const xf_jfield review_fields[] = {
    XF_JF(INT, xf_year_review, "year", year),
    XF_JF(STR, xf_year_review, "grade", grade),
    XF_JF(STR, xf_year_review, "notes", notes),
    XF_JF(ID, xf_year_review, "reviewed_by", reviewed_by),
    XF_JF(STR, xf_year_review, "reviewer_name", reviewer_name),
    XF_JF(TIME, xf_year_review, "reviewed_at", reviewed_at),
};

void xf_year_review_fields(xf_jw *w, const xf_year_review *v)
{
	XF_JW_FIELDS(w, v, review_fields);
}
