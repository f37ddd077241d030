/*
 * campaign.c - the JSON forms of special campaigns, their items, their
 * participants' progress and their reports.
 */
#include "model/campaign.h"

#include "model/fields.h"

static const xf_jfield campaign_fields[] = {
    XF_JF(I64, xf_campaign, "id", id),
    XF_JF(STR, xf_campaign, "title", title),
    XF_JF(STR, xf_campaign, "goals", goals),
    XF_JF(STR, xf_campaign, "starts_on", starts_on),
    XF_JF(STR, xf_campaign, "ends_on", ends_on),
    XF_JF(STR, xf_campaign, "status", status),
    XF_JF(STR, xf_campaign, "summary", summary),
    XF_JF(WHEN, xf_campaign, "closed_at", closed_at),
    XF_JF(I64, xf_campaign, "org_id", org_id),
    XF_JF(STR, xf_campaign, "org_name", org_name),
    XF_JF(ID, xf_campaign, "parent_id", parent_id),
    XF_JF(I64, xf_campaign, "item_count", item_count),
    XF_JF(I64, xf_campaign, "participant_count", participant_count),
    XF_JF(I64, xf_campaign, "report_count", report_count),
    XF_JF(I64, xf_campaign, "rated_count", rated_count),
    XF_JF(ID, xf_campaign, "created_by", created_by),
    XF_JF(TIME, xf_campaign, "created_at", created_at),
    XF_JF(TIME, xf_campaign, "updated_at", updated_at),
};

void xf_campaign_json_open(xf_jw *w, const xf_campaign *v)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, v, campaign_fields);
}

void xf_campaign_json(xf_jw *w, const xf_campaign *v)
{
	xf_campaign_json_open(w, v);
	xf_jw_obj_end(w);
}

static const xf_jfield item_fields[] = {
    XF_JF(I64, xf_campaign_item, "id", id),
    XF_JF(STR, xf_campaign_item, "title", title),
    XF_JF(STR, xf_campaign_item, "kind", kind),
    XF_JF(STR, xf_campaign_item, "description", description),
};

void xf_campaign_item_json(xf_jw *w, const xf_campaign_item *v)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, v, item_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield part_fields[] = {
    XF_JF(I64, xf_campaign_part, "org_id", org_id),
    XF_JF(STR, xf_campaign_part, "org_name", org_name),
    XF_JF(I64, xf_campaign_part, "reported", reported),
    XF_JF(I64, xf_campaign_part, "rated", rated),
    XF_JF(X100, xf_campaign_part, "rating_avg", rating_avg_x100),
};

void xf_campaign_part_json(xf_jw *w, const xf_campaign_part *v, int64_t total)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, v, part_fields);
	xf_jw_kint(w, "total", total);
	if (v->rank)
		xf_jw_kint(w, "rank", v->rank);
	xf_jw_obj_end(w);
}

static const xf_jfield report_fields[] = {
    XF_JF(I64, xf_campaign_report, "id", id),
    XF_JF(I64, xf_campaign_report, "campaign_id", campaign_id),
    XF_JF(I64, xf_campaign_report, "item_id", item_id),
    XF_JF(STR, xf_campaign_report, "item_title", item_title),
    XF_JF(I64, xf_campaign_report, "org_id", org_id),
    XF_JF(STR, xf_campaign_report, "org_name", org_name),
    XF_JF(STR, xf_campaign_report, "text", text),
    XF_JF(ID, xf_campaign_report, "rated_by", rated_by),
    XF_JF(WHEN, xf_campaign_report, "rated_at", rated_at),
    XF_JF(ID, xf_campaign_report, "reported_by", reported_by),
    XF_JF(TIME, xf_campaign_report, "reported_at", reported_at),
    XF_JF(I64, xf_campaign_report, "attachment_count", attachment_count),
};

void xf_campaign_report_json(xf_jw *w, const xf_campaign_report *v)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, v, report_fields);
	xf_jw_key(w, "rating");
	if (v->rating)
		xf_jw_int(w, v->rating);
	else
		xf_jw_null(w);
	xf_jw_obj_end(w);
}
