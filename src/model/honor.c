/*
 * honor.c - the JSON forms of registry entries, brands and brand reviews.
 */
#include "model/honor.h"

#include "model/fields.h"

static const xf_jfield honor_fields[] = {XF_JF_LIST(XF_HONOR_FIELDS, xf_honor)};

void xf_honor_json_open(xf_jw *w, const xf_honor *h)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, h, honor_fields);
}

void xf_honor_json(xf_jw *w, const xf_honor *h)
{
	xf_honor_json_open(w, h);
	xf_jw_obj_end(w);
}

static const xf_jfield brand_fields[] = {XF_JF_LIST(XF_BRAND_FIELDS, xf_brand)};

void xf_brand_json_open(xf_jw *w, const xf_brand *b)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, b, brand_fields);
	xf_jw_key(w, "last_year");
	if (b->last_year)
		xf_jw_int(w, b->last_year);
	else
		xf_jw_null(w);
}

void xf_brand_json(xf_jw *w, const xf_brand *b)
{
	xf_brand_json_open(w, b);
	xf_jw_obj_end(w);
}

void xf_brand_review_json_open(xf_jw *w, const xf_brand_review *v)
{
	xf_jw_obj(w);
	xf_jw_kint(w, "brand_id", v->subject_id);
	xf_year_review_fields(w, v);
}
