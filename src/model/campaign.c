/*
 * campaign.c - the JSON forms of special campaigns, their items, their
 * participants' progress and their reports.
 */
#include "model/campaign.h"

#include "model/fields.h"

static const xf_jfield campaign_fields[] = {
    XF_JF_LIST(XF_CAMPAIGN_FIELDS, xf_campaign)};

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
    XF_JF_LIST(XF_CAMPAIGN_ITEM_FIELDS, xf_campaign_item)};

void xf_campaign_item_json(xf_jw *w, const xf_campaign_item *v)
{
	xf_jw_obj(w);
	XF_JW_FIELDS(w, v, item_fields);
	xf_jw_obj_end(w);
}

static const xf_jfield part_fields[] = {
    XF_JF_LIST(XF_CAMPAIGN_PART_FIELDS, xf_campaign_part)};

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
    XF_JF_LIST(XF_CAMPAIGN_REPORT_FIELDS, xf_campaign_report)};

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
