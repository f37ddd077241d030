/*
 * brands.c (service) - party-building brands and their yearly reviews.
 */
#include "service/brands.h"

#include "base/date.h"
#include "domain/honors.h"
#include "service/crud.h"
#include "service/snapshot.h"
#include "service/year_reviews.h"

#include <string.h>

static const xf_record brand = {"党建品牌不存在", "无权修改该组织的党建品牌",
                                NULL};

static int change(xf_ctx *c, int64_t id, const void *input, void *item);

XF_CRUD_FNS(brand_fns, xf_brand, xf_store_brand_get, xf_snap_brand);
static const xf_crud brands = {XF_CRUD_OF(brand_fns, xf_brand, "brand"),
                               .rec = &brand, .del = xf_store_brand_delete,
                               .change = change};

static int load(xf_ctx *c, int64_t id, int mode, xf_brand *b)
{
	return xf_crud_load(c, &brands, id, mode, b);
}

static int check_year(xf_ctx *c, int year)
{
	xf_date today = xf_date_today(c->now);
	if (year < 1921 || year > today.y)
		return xf_invalid(c, "创建年份应在 1921 年至今年之间",
		                  "started_year");
	return XF_OK;
}

/* A write's store answer: a second brand of the same name is a 409. */
static int written(xf_ctx *c, int drc)
{
	if (drc == XF_DB_UNIQUE)
		return xf_fail(c, XF_E_CONFLICT, "duplicate_name",
		               "本组织已有同名党建品牌", "name");
	return xf_from_db(c, drc);
}

static int create_tx(xf_ctx *c, const xf_brand_input *in, xf_brand *b)
{
	xf_org o;
	int rc = xf_org_for_write(c, in->org_id, "组织不存在",
	                          "无权为该组织创建党建品牌", &o);
	if (rc != XF_OK)
		return rc;
	if ((rc = check_year(c, in->started_year)) != XF_OK)
		return rc;
	memset(b, 0, sizeof *b);
	XF_SET_ORG(b, o);
	b->name = in->name;
	b->slogan = in->slogan;
	b->description = in->description;
	b->started_year = in->started_year;
	b->created_by = c->user_id;
	b->created_at = b->updated_at = c->now;
	if ((rc = written(c, xf_store_brand_insert(c->db, b, c->now))) != XF_OK)
		return rc;
	return xf_crud_created(c, &brands, XF_DB_OK, b);
}

int xf_brand_create(xf_ctx *c, const xf_brand_input *in, xf_brand *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int change(xf_ctx *c, int64_t id, const void *input, void *item)
{
	(void)id;
	const xf_brand_input *in = input;
	xf_brand *b = item;
	int rc;
	XF_TAKE(b, in, name);
	XF_TAKE(b, in, slogan);
	XF_TAKE(b, in, description);
	XF_TAKE(b, in, started_year);
	if (in->has_started_year &&
	    (rc = check_year(c, b->started_year)) != XF_OK)
		return rc;
	return written(c, xf_store_brand_update(c->db, b, c->now));
}

int xf_brand_update(xf_ctx *c, int64_t id, const xf_brand_input *in,
                    xf_brand *out)
{
	return xf_crud_update(c, &brands, id, in, out);
}

int xf_brand_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &brands, id);
}

static int read_tx(xf_ctx *c, int64_t id, xf_brand_page *p)
{
	int rc = load(c, id, XF_FOR_READ, &p->brand);
	if (rc != XF_OK)
		return rc;
	int drc =
	    xf_store_brand_reviews(c->db, c->a, id, &p->reviews, &p->nreviews);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	/* the brand's honors, as far as the caller may read them */
	xf_ranges r;
	if ((rc = xf_list_scope(c, 0, "org", &r)) != XF_OK || r.n == 0)
		return rc;
	xf_honor_filter f = {.ranges = &r, .brand_id = id};
	int64_t total;
	return xf_from_db(c,
	                  xf_store_honor_list(c->db, c->a, &f, 0, 200,
	                                      &p->honors, &p->nhonors, &total));
}

int xf_brand_read(xf_ctx *c, int64_t id, xf_brand_page *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, read_tx(c, id, out));
}

/* The brands under the caller's ranges (no filter of their own). */
static int brand_rows(xf_db *db, xf_arena *a, const xf_ranges *r,
                      const void *filter, int offset, int limit, void *out,
                      int *n, int64_t *total)
{
	(void)filter;
	return xf_store_brand_list(db, a, r, 0, offset, limit, out, n, total);
}

int xf_brand_list(xf_ctx *c, int64_t org_id, int offset, int limit,
                  xf_brand **out, int *n, int64_t *total)
{
	return xf_crud_list(c, org_id, brand_rows, NULL, offset, limit, out, n,
	                    total);
}

/* A brand is reviewed from the year it started. */
static const xf_year_review_kind brand_reviews = {
    &brands,
    offsetof(xf_brand, started_year),
    xf_store_brand_review_put,
    xf_snap_brand_review,
    "brand_review",
    "品牌年度评价由上级党委（党工委）作出",
    "评价年度应在品牌创建年份至今年之间",
};

int xf_brand_review_put(xf_ctx *c, int64_t id, int year, const char *grade,
                        const char *notes, xf_brand_review *out)
{
	return xf_year_review_put(c, &brand_reviews, id, year, grade, notes,
	                          out);
}
