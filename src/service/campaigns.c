/*
 * campaigns.c (service) - special campaigns: launch with cascade,
 * reports, ratings, the ranking and the close.
 */
#include "service/campaigns.h"

#include "base/buf.h"
#include "base/date.h"
#include "base/jw.h"
#include "domain/campaigns.h"
#include "service/crud.h"

#include <string.h>

static const xf_record campaign = {"专项行动不存在", "无权管理该专项行动",
                                   NULL};

/* The audit snapshot of any entity through its JSON writer. */
#define SNAP_WITH(a, out, call)                                                \
	do {                                                                   \
		xf_buf b_;                                                     \
		xf_buf_init(&b_, 1 << 16);                                     \
		xf_jw w;                                                       \
		xf_jw_init(&w, &b_);                                           \
		call;                                                          \
		out = b_.failed ? NULL : xf_arena_strndup(a, b_.data, b_.len); \
		xf_buf_free(&b_);                                              \
	} while (0)

static char *snap_campaign(xf_arena *a, const xf_campaign *v)
{
	char *s;
	SNAP_WITH(a, s, xf_campaign_json(&w, v));
	return s;
}

static char *snap_report(xf_arena *a, const xf_campaign_report *v)
{
	char *s;
	SNAP_WITH(a, s, xf_campaign_report_json(&w, v));
	return s;
}

/* Whether the caller manages a participant of campaign id (reads it as
 * one); a store failure counts as no. */
static int takes_part(xf_ctx *c, int64_t id)
{
	xf_campaign_part *p;
	int n;
	if (xf_store_campaign_parts(c->db, c->a, id, &p, &n) != XF_DB_OK)
		return 0;
	for (int i = 0; i < n; i++)
		if (xf_can_read(c, p[i].org_path))
			return 1;
	return 0;
}

/*
 * Loads a campaign: readable by its committee and those above it, and by
 * whoever manages a participant; managed (XF_FOR_WRITE) only by the
 * committee over its organization. *manager tells which.
 */
static int load(xf_ctx *c, int64_t id, int mode, xf_campaign *v, int *manager)
{
	memset(v, 0, sizeof *v);
	int found = xf_store_campaign_get(c->db, c->a, id, v);
	if (found != XF_DB_ROW)
		return xf_loaded(c, found, NULL, XF_FOR_READ, &campaign);
	*manager = xf_committee_over(c, v->org_path, 0);
	if (*manager)
		return XF_OK;
	if (mode == XF_FOR_WRITE)
		return xf_forbidden(c, campaign.forbidden);
	if (xf_can_read(c, v->org_path) || takes_part(c, id))
		return XF_OK;
	return xf_loaded(c, XF_DB_DONE, NULL, XF_FOR_READ, &campaign);
}

/* The parent campaign of a district's: open, of an organization strictly
 * above the new campaign's. */
static int check_parent(xf_ctx *c, int64_t parent_id, const xf_org *o)
{
	xf_campaign p;
	memset(&p, 0, sizeof p);
	int drc = xf_store_campaign_get(c->db, c->a, parent_id, &p);
	if (drc != XF_DB_ROW && drc != XF_DB_DONE)
		return xf_fail_db(c, drc);
	const char *lo, *hi;
	int rc = drc == XF_DB_ROW ? xf_subtree_range(c, p.org_path, &lo, &hi)
	                          : XF_OK;
	if (rc != XF_OK)
		return rc;
	if (drc == XF_DB_DONE || p.org_id == o->id || strcmp(o->path, lo) < 0 ||
	    strcmp(o->path, hi) >= 0)
		return xf_invalid(c, "上级专项行动不存在或不属于上级组织",
		                  "parent_id");
	if (strcmp(p.status, "open") != 0)
		return xf_invalid(c, "上级专项行动已结束", "parent_id");
	return XF_OK;
}

/* The named participants: organizations strictly below o. */
static int add_parts(xf_ctx *c, const xf_campaign_input *in, const xf_org *o,
                     const char *lo, const char *hi, int64_t id)
{
	for (int i = 0; i < in->nparts; i++) {
		xf_org p;
		int rc = xf_org_named(c, in->parts[i], "组织不存在",
		                      "participants", &p);
		if (rc != XF_OK)
			return rc;
		if (p.id == o->id || strcmp(p.path, lo) < 0 ||
		    strcmp(p.path, hi) >= 0)
			return xf_invalid(c, "参加组织应为发起组织的下级组织",
			                  "participants");
		int drc = xf_store_campaign_part_add(c->db, id, p.id, p.path);
		if (drc != XF_DB_OK)
			return xf_fail_db(c, drc);
	}
	return XF_OK;
}

static int create_tx(xf_ctx *c, const xf_campaign_input *in, xf_campaign *v)
{
	xf_org o;
	int rc =
	    xf_org_for_committee(c, in->org_id, "组织不存在",
	                         "专项行动由该组织的党委（党工委）发起", &o);
	if (rc != XF_OK)
		return rc;
	if (strcmp(in->starts_on, in->ends_on) > 0)
		return xf_invalid(c, "结束日期不能早于开始日期", "ends_on");
	if (in->nitems < 1)
		return xf_invalid(c, "亮比事项不能为空", "items");
	if (in->parent_id && (rc = check_parent(c, in->parent_id, &o)) != XF_OK)
		return rc;
	memset(v, 0, sizeof *v);
	XF_SET_ORG(v, o);
	v->parent_id = in->parent_id;
	v->title = in->title;
	v->goals = in->goals;
	v->starts_on = in->starts_on;
	v->ends_on = in->ends_on;
	v->status = "open";
	v->created_by = c->user_id;
	int drc = xf_store_campaign_insert(c->db, v, c->now);
	for (int i = 0; i < in->nitems && drc == XF_DB_OK; i++) {
		xf_campaign_item it = in->items[i];
		it.campaign_id = v->id;
		it.pos = i;
		drc = xf_store_campaign_item_insert(c->db, &it);
	}
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	const char *lo, *hi;
	if ((rc = xf_subtree_range(c, o.path, &lo, &hi)) != XF_OK)
		return rc;
	if (in->nparts)
		rc = add_parts(c, in, &o, lo, hi, v->id);
	else if ((drc = xf_store_campaign_parts_branches(c->db, v->id, o.id, lo,
	                                                 hi)) != XF_DB_OK)
		rc = xf_fail_db(c, drc);
	if (rc != XF_OK)
		return rc;
	drc = xf_store_campaign_get(c->db, c->a, v->id, v);
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc == XF_DB_DONE ? XF_DB_ERROR : drc);
	if (v->participant_count == 0)
		return xf_invalid(c, "没有可参加的下级组织", "participants");
	return xf_audit(c, "create", "campaign", v->id, v->org_path, NULL,
	                snap_campaign(c->a, v));
}

int xf_campaign_create(xf_ctx *c, const xf_campaign_input *in, xf_campaign *out)
{
	XF_RETURN_WRITE_TX(c, create_tx(c, in, out));
}

static int read_tx(xf_ctx *c, int64_t id, xf_campaign_page *p)
{
	int rc = load(c, id, XF_FOR_READ, &p->campaign, &p->manager);
	if (rc != XF_OK)
		return rc;
	int drc =
	    xf_store_campaign_items(c->db, c->a, id, &p->items, &p->nitems);
	if (drc == XF_DB_OK)
		drc = xf_store_campaign_parts(c->db, c->a, id, &p->parts,
		                              &p->nparts);
	xf_campaign_report *all = NULL;
	int nall = 0;
	if (drc == XF_DB_OK)
		drc = xf_store_campaign_reports(c->db, c->a, id, &all, &nall);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	xf_campaign_averages(p->parts, p->nparts);
	p->reports = all;
	for (int i = 0; i < nall; i++)
		if (p->manager || xf_can_read(c, all[i].org_path))
			p->reports[p->nreports++] = all[i];
	/* the campaigns running under it (市县联动) the caller may see */
	xf_ranges r;
	if ((rc = xf_list_scope(c, 0, "org", &r)) != XF_OK || r.n == 0)
		return rc;
	xf_campaign_filter f = {.ranges = &r, .parent_id = id};
	int64_t total;
	return xf_from_db(c, xf_store_campaign_list(c->db, c->a, &f, 0, 200,
	                                            &p->children, &p->nchildren,
	                                            &total));
}

int xf_campaign_read(xf_ctx *c, int64_t id, xf_campaign_page *out)
{
	memset(out, 0, sizeof *out);
	XF_RETURN_READ_TX(c, read_tx(c, id, out));
}

XF_CRUD_ROWS(campaign_rows, xf_campaign_filter, xf_campaign,
             xf_store_campaign_list);

int xf_campaign_list(xf_ctx *c, int64_t org_id, const char *status, int offset,
                     int limit, xf_campaign **out, int *n, int64_t *total)
{
	xf_campaign_filter f = {.status = status};
	return xf_crud_list(c, org_id, campaign_rows, &f, offset, limit, out, n,
	                    total);
}

static int report_tx(xf_ctx *c, int64_t id, xf_campaign_report *v)
{
	xf_campaign k;
	int manager;
	int rc = load(c, id, XF_FOR_READ, &k, &manager);
	if (rc != XF_OK)
		return rc;
	const char *path;
	int drc = xf_store_campaign_part_get(c->db, c->a, id, v->org_id, &path);
	if (drc == XF_DB_DONE)
		return xf_invalid(c, "该组织未参加本专项行动", "org_id");
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	if (!xf_can_write(c, path))
		return xf_fail(c, XF_E_FORBIDDEN, "forbidden",
		               "无权为该组织报送", "org_id");
	if (strcmp(k.status, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, "campaign_closed",
		               "专项行动已结束，不能再报送", NULL);
	xf_campaign_item it;
	drc = xf_store_campaign_item_get(c->db, c->a, id, v->item_id, &it);
	if (drc == XF_DB_DONE)
		return xf_invalid(c, "亮比事项不存在", "item_id");
	if (drc != XF_DB_ROW)
		return xf_fail_db(c, drc);
	v->campaign_id = id;
	v->org_path = path;
	v->reported_by = c->user_id;
	v->reported_at = c->now;
	drc = xf_store_campaign_report_put(c->db, v);
	if (drc == XF_DB_OK)
		drc = xf_store_campaign_report_get(c->db, c->a, v->id, v);
	return xf_audit_found(c, drc, "create", "campaign_report", v->id,
	                      v->org_path, NULL, snap_report(c->a, v));
}

int xf_campaign_report_put(xf_ctx *c, int64_t id, int64_t org_id,
                           int64_t item_id, const char *text,
                           xf_campaign_report *out)
{
	memset(out, 0, sizeof *out);
	out->org_id = org_id;
	out->item_id = item_id;
	out->text = text;
	XF_RETURN_WRITE_TX(c, report_tx(c, id, out));
}

/* A report of campaign id, or 404. */
static int load_report(xf_ctx *c, int64_t id, int64_t report_id,
                       xf_campaign_report *v)
{
	memset(v, 0, sizeof *v);
	int drc = xf_store_campaign_report_get(c->db, c->a, report_id, v);
	if (drc == XF_DB_ROW && v->campaign_id != id)
		drc = XF_DB_DONE;
	static const xf_record report = {"报送记录不存在", NULL, NULL};
	return drc == XF_DB_ROW ? XF_OK
	                        : xf_loaded(c, drc, NULL, XF_FOR_READ, &report);
}

static int rate_tx(xf_ctx *c, int64_t id, int64_t report_id, int rating,
                   xf_campaign_report *v)
{
	xf_campaign k;
	int manager;
	int rc = load(c, id, XF_FOR_WRITE, &k, &manager);
	if (rc == XF_OK)
		rc = load_report(c, id, report_id, v);
	if (rc != XF_OK)
		return rc;
	if (strcmp(k.status, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, "campaign_closed",
		               "专项行动已结束，不能再评分", NULL);
	const char *before = snap_report(c->a, v);
	int drc = xf_store_campaign_report_rate(c->db, report_id, rating,
	                                        c->user_id, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_campaign_report_get(c->db, c->a, report_id, v);
	return xf_audit_found(c, drc, "update", "campaign_report", report_id,
	                      v->org_path, before, snap_report(c->a, v));
}

int xf_campaign_report_rate(xf_ctx *c, int64_t id, int64_t report_id,
                            int rating, xf_campaign_report *out)
{
	XF_RETURN_WRITE_TX(c, rate_tx(c, id, report_id, rating, out));
}

static int ranking_tx(xf_ctx *c, int64_t id, xf_campaign *k,
                      xf_campaign_part **out, int *n)
{
	int manager;
	int rc = load(c, id, XF_FOR_READ, k, &manager);
	if (rc != XF_OK)
		return rc;
	int drc = xf_store_campaign_parts(c->db, c->a, id, out, n);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	int64_t *scores = xf_arena_alloc(c->a, (size_t)(*n + 1) * 8);
	int *ranks = xf_arena_alloc(c->a, (size_t)(*n + 1) * sizeof *ranks);
	if (!scores || !ranks)
		return xf_fail(c, XF_E_INTERNAL, "internal", "内存不足", NULL);
	xf_campaign_averages(*out, *n);
	xf_campaign_rank(*out, *n, scores, ranks);
	return XF_OK;
}

int xf_campaign_ranking(xf_ctx *c, int64_t id, xf_campaign *k,
                        xf_campaign_part **out, int *n)
{
	*out = NULL;
	*n = 0;
	XF_RETURN_READ_TX(c, ranking_tx(c, id, k, out, n));
}

static int close_tx(xf_ctx *c, int64_t id, const char *summary, xf_campaign *v)
{
	int manager;
	int rc = load(c, id, XF_FOR_WRITE, v, &manager);
	if (rc != XF_OK)
		return rc;
	if (strcmp(v->status, "open") != 0)
		return xf_fail(c, XF_E_CONFLICT, "campaign_closed",
		               "专项行动已结束", NULL);
	const char *before = snap_campaign(c->a, v);
	int drc = xf_store_campaign_close(c->db, id, summary, c->now);
	if (drc == XF_DB_OK)
		drc = xf_store_campaign_get(c->db, c->a, id, v);
	return xf_audit_found(c, drc, "update", "campaign", id, v->org_path,
	                      before, snap_campaign(c->a, v));
}

int xf_campaign_close(xf_ctx *c, int64_t id, const char *summary,
                      xf_campaign *out)
{
	XF_RETURN_WRITE_TX(c, close_tx(c, id, summary, out));
}

/* A report as a subject of attachments: read as its campaign's reports
 * are, written by whoever may report for its organization while open. */
static int load_report_subject(xf_ctx *c, int64_t id, int mode, int64_t *org_id,
                               const char **org_path)
{
	xf_campaign_report v;
	memset(&v, 0, sizeof v);
	int drc = xf_store_campaign_report_get(c->db, c->a, id, &v);
	static const xf_record report = {"报送记录不存在",
	                                 "无权修改该组织的报送", NULL};
	if (drc != XF_DB_ROW)
		return xf_loaded(c, drc, NULL, mode, &report);
	xf_campaign k;
	int manager;
	int rc = load(c, v.campaign_id, XF_FOR_READ, &k, &manager);
	if (rc != XF_OK)
		return rc;
	if (!manager && !xf_can_read(c, v.org_path))
		return xf_loaded(c, XF_DB_DONE, NULL, XF_FOR_READ, &report);
	if (mode == XF_FOR_WRITE) {
		if (!xf_can_write(c, v.org_path))
			return xf_forbidden(c, report.forbidden);
		if (strcmp(k.status, "open") != 0)
			return xf_fail(c, XF_E_CONFLICT, "campaign_closed",
			               "专项行动已结束，不能再报送", NULL);
	}
	*org_id = v.org_id;
	*org_path = v.org_path;
	return XF_OK;
}

const xf_attachment_subject xf_campaign_report_files = {
    "campaign_report", 20, "每条报送最多上传 20 个佐证材料",
    .load = load_report_subject};
