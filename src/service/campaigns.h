/*
 * campaigns.h (service) - special campaigns (专项行动): a committee
 * launches a campaign (title, period, goals, the 亮/比 items each
 * participant reports) for the organizations below it (every branch of
 * its subtree, or those it names); a district committee's campaign may
 * run under the city's (parent_id, 市县联动), whose page rolls the
 * districts' progress up. Each participant reports its items with
 * evidence (attachments of subject "campaign_report"); the committee
 * rates each report 1-5, sees progress and the ranking (items reported,
 * then the average rating; ties share a rank), and closes the campaign
 * with a summary, after which reports are refused.
 *
 * Who: the launching committee and those above it (and the admin)
 * manage: rate, close, see every report; whoever manages a participant
 * reports for it and sees its own reports; nobody else sees the campaign
 * (404).
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_CAMPAIGNS_H
#define XF_SERVICE_CAMPAIGNS_H

#include "service/attachments.h"
#include "service/ctx.h"
#include "store/campaigns.h"

/* A report's evidence: 20 files each; added by whoever may report for
 * its organization while the campaign is open. */
extern const xf_attachment_subject xf_campaign_report_files;

#define XF_CAMPAIGN_ITEMS_MAX 50
#define XF_CAMPAIGN_PARTS_MAX 500

typedef struct xf_campaign_input {
	int64_t org_id, parent_id;
	const char *title, *goals, *starts_on, *ends_on;
	xf_campaign_item items[XF_CAMPAIGN_ITEMS_MAX];
	int nitems;
	int64_t parts[XF_CAMPAIGN_PARTS_MAX]; /* none: every branch below */
	int nparts;
} xf_campaign_input;

int xf_campaign_create(xf_ctx *c, const xf_campaign_input *in,
                       xf_campaign *out);

/* A campaign as the caller sees it. */
typedef struct xf_campaign_page {
	xf_campaign campaign;
	int manager; /* rates, closes, sees every report */
	xf_campaign_item *items;
	int nitems;
	xf_campaign_part *parts; /* with progress, by path */
	int nparts;
	xf_campaign_report *reports; /* those the caller may see */
	int nreports;
	xf_campaign *children; /* campaigns under it the caller may see */
	int nchildren;
} xf_campaign_page;
int xf_campaign_read(xf_ctx *c, int64_t id, xf_campaign_page *out);

/* Campaigns launched in, or with participants in, org_id's subtree (0:
 * the caller's scope), of that status (NULL: any); paged. */
int xf_campaign_list(xf_ctx *c, int64_t org_id, const char *status, int offset,
                     int limit, xf_campaign **out, int *n, int64_t *total);

/* A participant's report of an item (a second one replaces the text and
 * clears the rating); 409 campaign_closed once closed. */
int xf_campaign_report_put(xf_ctx *c, int64_t id, int64_t org_id,
                           int64_t item_id, const char *text,
                           xf_campaign_report *out);
/* The committee's rating of a report, 1 to 5. */
int xf_campaign_report_rate(xf_ctx *c, int64_t id, int64_t report_id,
                            int rating, xf_campaign_report *out);
/* The participants ranked best first (domain/campaigns.h). */
int xf_campaign_ranking(xf_ctx *c, int64_t id, xf_campaign *campaign,
                        xf_campaign_part **out, int *n);
/* Closes the campaign with its summary (409 when closed already). */
int xf_campaign_close(xf_ctx *c, int64_t id, const char *summary,
                      xf_campaign *out);

#endif
