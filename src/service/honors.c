/*
 * honors.c (service) - the honors and results registry: who may enter an
 * honor (the committee over its organization, or the admin), the checks
 * of its fields against the organization, member and brand it names,
 * and the year's counts over a subtree.
 */
#include "service/honors.h"

#include "base/date.h"
#include "service/crud.h"
#include "service/snapshot.h"
#include "store/attachments.h"
#include "store/brands.h"
#include "store/members.h"

#include <stdio.h>
#include <string.h>

static const xf_record honor = {
    "荣誉成果不存在", "只有上级党委（党工委）或管理员可以登记荣誉成果", NULL};

/* Loads an honor to read it or to change it: read within scope, changed
 * by the committee over its organization (or the admin). */
static int load(xf_ctx *c, int64_t id, int mode, xf_honor *h)
{
	memset(h, 0, sizeof *h);
	int found = xf_store_honor_get(c->db, c->a, id, h);
	/* a change out of the caller's rights is refused, readable or not */
	if (found == XF_DB_ROW && mode == XF_FOR_WRITE &&
	    !xf_committee_over(c, h->org_path, 0))
		return xf_forbidden(c, honor.forbidden);
	return xf_loaded(c, found, found == XF_DB_ROW ? h->org_path : NULL,
	                 XF_FOR_READ, &honor);
}

static int load_any(xf_ctx *c, int64_t id, int mode, void *h)
{
	return load(c, id, mode, h);
}

/* A removed honor is one entered by hand; its files go with it. */
static int before_delete(xf_ctx *c, int64_t id, const void *item)
{
	const xf_honor *h = item;
	if (strcmp(h->source, "manual") != 0)
		return xf_fail(c, XF_E_CONFLICT, "honor_from_selection",
		               "该荣誉由评选决定生成，请在评选中撤销", NULL);
	return xf_from_db(
	    c, xf_store_attachment_delete_subject(c->db, "honor", id));
}

static int change(xf_ctx *c, int64_t id, const void *input, void *item);

XF_CRUD_FNS(honor_fns, xf_honor, xf_store_honor_get, xf_snap_honor);
static const xf_crud honors = {
    XF_CRUD_OF(honor_fns, xf_honor, "honor"), .del = xf_store_honor_delete,
    .load = load_any, .before_delete = before_delete, .change = change};

const xf_attachment_subject xf_honor_files = {
    "honor", 20, "每项荣誉最多上传 20 个佐证材料", .crud = &honors};

/* Fills the organization (and member) of h from the input's org_id and
 * member_id: a member's honor belongs to the member's organization. */
static int set_holder(xf_ctx *c, const xf_honor_input *in, xf_honor *h)
{
	int64_t org_id = in->has_org_id ? in->org_id : 0;
	int64_t member_id = in->has_member_id ? in->member_id : 0;
	if (!in->has_org_id && !in->has_member_id)
		return XF_OK; /* an update that keeps them */
	if (!in->has_member_id && in->has_org_id)
		member_id = h->member_id;
	if (!in->has_org_id && in->has_member_id)
		org_id = 0;
	if (member_id) {
		xf_member m;
		int rc = xf_member_named(c, member_id, &m);
		if (rc != XF_OK)
			return rc;
		if (org_id && org_id != m.org_id)
			return xf_invalid(c, "该党员不属于所填组织",
			                  "member_id");
		XF_SET_MEMBER(h, m);
		return XF_OK;
	}
	if (!org_id)
		return xf_invalid(c, "请填写获得荣誉的组织或党员", "org_id");
	xf_org o;
	int rc = xf_org_named(c, org_id, "组织不存在", "org_id", &o);
	if (rc != XF_OK)
		return rc;
	h->member_id = 0;
	h->member_name = NULL;
	XF_SET_ORG(h, o);
	return XF_OK;
}

/* The checks of a complete entry h, after the input is merged. */
static int check(xf_ctx *c, xf_honor *h)
{
	if (!xf_committee_over(c, h->org_path, 0))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden", honor.forbidden,
		               h->member_id ? "member_id" : "org_id");
	if (h->member_id && !xf_honor_category_personal(h->category))
		return xf_invalid(c, "先进集体、品牌类荣誉应登记给组织",
		                  "category");
	if (!h->member_id && !xf_honor_category_collective(h->category))
		return xf_invalid(c, "先进个人应登记给党员（member_id）",
		                  "category");
	xf_date today = xf_date_today(c->now);
	if (h->year > today.y + 1 || h->year < 1921)
		return xf_invalid(c, "年度应在 1921 年至明年之间", "year");
	if (strcmp(h->awarded_on, xf_today(c)) > 0)
		return xf_invalid(c, "获奖日期不能晚于今天", "awarded_on");
	if (h->brand_id) {
		xf_brand b;
		memset(&b, 0, sizeof b);
		int drc = xf_store_brand_get(c->db, c->a, h->brand_id, &b);
		if (drc == XF_DB_DONE ||
		    (drc == XF_DB_ROW && !xf_can_read(c, b.org_path)))
			return xf_invalid(c, "党建品牌不存在", "brand_id");
		if (drc != XF_DB_ROW)
			return xf_fail_db(c, drc);
		if (!xf_path_within(h->org_path, b.org_path))
			return xf_invalid(
			    c, "荣誉所属组织应为品牌所属组织或其下级",
			    "brand_id");
		h->brand_name = b.name;
	}
	return XF_OK;
}

/* Merges the given fields of in into h. */
static void merge(xf_honor *h, const xf_honor_input *in)
{
	XF_TAKE(h, in, title);
	XF_TAKE(h, in, category);
	XF_TAKE(h, in, level);
	XF_TAKE(h, in, grade);
	XF_TAKE(h, in, year);
	XF_TAKE(h, in, awarded_by);
	XF_TAKE(h, in, awarded_on);
	XF_TAKE(h, in, brand_id);
}

static int create_tx(xf_ctx *c, const xf_honor_input *in, xf_honor *h)
{
	memset(h, 0, sizeof *h);
	merge(h, in);
	h->source = "manual";
	h->created_by = c->user_id;
	if (!in->has_org_id && !in->has_member_id)
		return xf_invalid(c, "请填写获得荣誉的组织或党员", "org_id");
	int rc = set_holder(c, in, h);
	if (rc == XF_OK)
		rc = check(c, h);
	if (rc != XF_OK)
		return rc;
	return xf_crud_created(c, &honors,
	                       xf_store_honor_insert(c->db, h, c->now), h);
}

int xf_honor_create(xf_ctx *c, const xf_honor_input *in, xf_honor *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

int xf_honor_award_in_tx(xf_ctx *c, xf_honor *h)
{
	xf_honor had;
	memset(&had, 0, sizeof had);
	int drc = xf_store_honor_by_source(c->db, c->a, h->source_ref, &had);
	if (drc == XF_DB_ROW) {
		*h = had;
		return XF_OK;
	}
	if (drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	xf_org o;
	int rc = xf_org_named(c, h->org_id, "组织不存在", "org_id", &o);
	if (rc != XF_OK)
		return rc;
	h->org_path = o.path;
	h->org_name = o.name;
	h->created_by = c->user_id;
	return xf_crud_created(c, &honors,
	                       xf_store_honor_insert(c->db, h, c->now), h);
}

int xf_honor_withdraw_in_tx(xf_ctx *c, const char *source_ref)
{
	xf_honor h;
	memset(&h, 0, sizeof h);
	int drc = xf_store_honor_by_source(c->db, c->a, source_ref, &h);
	if (drc == XF_DB_DONE)
		return XF_OK;
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	drc = xf_store_attachment_delete_subject(c->db, "honor", h.id);
	if (drc == XF_DB_OK)
		drc = xf_store_honor_delete(c->db, h.id);
	return xf_audit_db(c, drc, "delete", "honor", h.id, h.org_path,
	                   xf_snap_honor(c->a, &h), NULL);
}

static int change(xf_ctx *c, int64_t id, const void *input, void *item)
{
	(void)id;
	const xf_honor_input *in = input;
	xf_honor *h = item;
	merge(h, in);
	int rc = set_holder(c, in, h);
	if (rc == XF_OK)
		rc = check(c, h);
	if (rc != XF_OK)
		return rc;
	return xf_from_db(c, xf_store_honor_update(c->db, h, c->now));
}

int xf_honor_update(xf_ctx *c, int64_t id, const xf_honor_input *in,
                    xf_honor *out)
{
	return xf_crud_update(c, &honors, id, in, out);
}

int xf_honor_remove(xf_ctx *c, int64_t id)
{
	return xf_crud_remove(c, &honors, id);
}

int xf_honor_read(xf_ctx *c, int64_t id, xf_honor *out)
{
	return xf_crud_read(c, &honors, id, out);
}

XF_CRUD_ROWS(honor_rows, xf_honor_filter, xf_honor, xf_store_honor_list);

int xf_honor_list(xf_ctx *c, int64_t org_id, const xf_honor_filter *f,
                  int offset, int limit, xf_honor **out, int *n, int64_t *total)
{
	return xf_crud_list(c, org_id, honor_rows, f, offset, limit, out, n,
	                    total);
}

static int summary_tx(xf_ctx *c, int64_t org_id, int year, xf_honor_summary *s)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	xf_honor_filter f = {.ranges = &r, .year = year};
	xf_honor_count *k;
	int nk;
	int drc = xf_store_honor_counts(c->db, c->a, &f, &k, &nk);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	for (int i = 0; i < nk; i++) {
		int m = (int)k[i].count;
		s->total += m;
		xf_code_counts_add(&s->by_category, k[i].category, m);
		xf_code_counts_add(&s->by_level, k[i].level, m);
		xf_code_counts_add(&s->by_grade, k[i].grade, m);
	}
	int64_t total;
	return xf_from_db(
	    c, xf_store_honor_list(c->db, c->a, &f, 0, XF_HONOR_SUMMARY_ITEMS,
	                           &s->items, &s->nitems, &total));
}

int xf_honor_summary_read(xf_ctx *c, int64_t org_id, int year,
                          xf_honor_summary *out)
{
	memset(out, 0, sizeof *out);
	out->by_category.table = xf_honor_categories;
	out->by_level.table = xf_honor_levels;
	out->by_grade.table = xf_honor_grades;
	XF_RETURN_READ_TX(c, summary_tx(c, org_id, year, out));
}
