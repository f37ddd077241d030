/*
 * brands.c (api) - /api/brands: party-building brands (党建品牌) with the
 * honors linked to them and their yearly reviews.
 */
#include "api/honors.h"

#include "api/api.h"
#include "api/input.h"
#include "api/page.h"
#include "base/jw.h"
#include "domain/honors.h"
#include "model/honor.h"
#include "service/brands.h"

#include <string.h>

/* The fields of a brand after its organization (a brand stays with its
 * organization: a change names no org_id); required when creating. */
enum { B_NAME, B_SLOGAN, B_DESC, B_YEAR, B_ORG, B_COUNT };
#define BRAND_FIELDS(req)                                                          \
	{"name", XF_F_STR, req, 0, 1, 60, NULL, "品牌名称"},                       \
	    {"slogan", XF_F_STR, 0, 1, 0, 100, NULL, "品牌口号"},                  \
	    {"description", XF_F_STR, 0, 1, 0, 5000, NULL, "品牌简介"},            \
	{                                                                          \
		"started_year", XF_F_INT, req, 0, 1900, 2200, NULL, "创建年份" \
	}

static const xf_field create_fields[B_COUNT] = {
    BRAND_FIELDS(1),
    {"org_id", XF_F_ID, 1, 0, 0, 0, NULL, "所属组织"},
};
const xf_body_table xf_brands_create_body = XF_BODY_TABLE(create_fields);
static const xf_field patch_fields[B_ORG] = {BRAND_FIELDS(0)};
const xf_body_table xf_brands_patch_body = XF_BODY_TABLE(patch_fields);

static void brand_input(const xf_val *v, int with_org, xf_brand_input *in)
{
	memset(in, 0, sizeof *in);
	XF_TAKE_STR(in, name, v[B_NAME]);
	XF_TAKE_STR(in, slogan, v[B_SLOGAN]);
	XF_TAKE_STR(in, description, v[B_DESC]);
	XF_TAKE_INT(in, started_year, v[B_YEAR]);
	if (with_org)
		in->org_id = v[B_ORG].i;
}

/* The brand with its reviews and honors. */
static void answer_brand(xf_req *r, int status, xf_ctx *c, int64_t id)
{
	xf_brand_page p;
	if (xf_api_failed(r, c, xf_brand_read(c, id, &p)))
		return;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_brand_json_open(&w, &p.brand);
	xf_jw_key(&w, "reviews");
	xf_jw_arr(&w);
	for (int i = 0; i < p.nreviews; i++) {
		xf_brand_review_json_open(&w, &p.reviews[i]);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_key(&w, "honors");
	xf_jw_arr(&w);
	for (int i = 0; i < p.nhonors; i++)
		xf_honor_json(&w, &p.honors[i]);
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* POST /api/brands: 201 with the brand. */
XF_CTX_HANDLER(xf_h_brands_create, xf_brand_input in; xf_brand b;
               brand_input(r->body_vals, 1, &in), xf_brand_create(&c, &in, &b),
               answer_brand(r, 201, &c, b.id))

XF_ID_HANDLER(xf_h_brands_patch, xf_brand_input in; xf_brand b;
              brand_input(r->body_vals, 0, &in),
              xf_brand_update(&c, id, &in, &b), answer_brand(r, 200, &c, id))

XF_ID_HANDLER(xf_h_brands_get, (void)0, XF_OK, answer_brand(r, 200, &c, id))

XF_ID_OK_HANDLER(xf_h_brands_delete, xf_brand_remove(&c, id))

/* GET /api/brands?org= */
const xf_query_table xf_brands_list_query = XF_QUERY_TABLE(xf_org_page_params);

XF_LIST_HANDLER(xf_h_brands_list, xf_brand, xf_brand_json,
                xf_brand_list(&c, q[XF_QP_ORG].i, XF_LIST_OUT))

static const xf_field review_fields[] = {
    {"grade", XF_F_ENUM, 1, 0, 0, 0, xf_brand_grades, "评价等次"},
    {"notes", XF_F_STR, 0, 1, 0, 2000, NULL, "评价意见"},
};
const xf_body_table xf_brands_review_body = XF_BODY_TABLE(review_fields);

/* PUT /api/brands/{id}/reviews/{year} {"grade","notes"}: the brand. */
XF_ID_YEAR_HANDLER(xf_h_brands_review, const xf_val *v = r->body_vals;
                   xf_brand_review out,
                   xf_brand_review_put(&c, id, year, v[0].s, xf_val_str(&v[1]),
                                       &out),
                   answer_brand(r, 200, &c, id))
