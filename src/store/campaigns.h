/*
 * campaigns.h - SQL of special campaigns (schema v18): campaigns, their
 * items, participants and reports. Return codes and string ownership as
 * in lectures.h.
 */
#ifndef XF_STORE_CAMPAIGNS_H
#define XF_STORE_CAMPAIGNS_H

#include "base/arena.h"
#include "model/campaign.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts v (status, title, …) and sets v->id. */
int xf_store_campaign_insert(xf_db *db, xf_campaign *v, int64_t now);
/* Inserts an item of v->campaign_id and sets v->id. */
int xf_store_campaign_item_insert(xf_db *db, xf_campaign_item *v);
/* Adds one organization to the campaign. */
int xf_store_campaign_part_add(xf_db *db, int64_t campaign_id, int64_t org_id,
                               const char *org_path);
/* Adds every branch (党支部, 临时党支部, 党总支) with a path in [lo, hi)
 * but the campaign's own organization. */
int xf_store_campaign_parts_branches(xf_db *db, int64_t campaign_id,
                                     int64_t owner_id, const char *lo,
                                     const char *hi);
int xf_store_campaign_get(xf_db *db, xf_arena *a, int64_t id, xf_campaign *out);
/* Sets status closed, the summary and the time. */
int xf_store_campaign_close(xf_db *db, int64_t id, const char *summary,
                            int64_t now);

typedef struct xf_campaign_filter {
	const xf_ranges *ranges; /* campaigns of, or taking part within */
	int64_t org_id;          /* launched by it; 0: any */
	int64_t parent_id;       /* running under it; 0: any */
	const char *status;      /* NULL: any */
} xf_campaign_filter;
/* Campaigns launched within the ranges or with a participant there,
 * matching f, the newest first; paged. */
int xf_store_campaign_list(xf_db *db, xf_arena *a, const xf_campaign_filter *f,
                           int offset, int limit, xf_campaign **out, int *n,
                           int64_t *total);

/* The items, by position (at most 100). */
int xf_store_campaign_items(xf_db *db, xf_arena *a, int64_t campaign_id,
                            xf_campaign_item **out, int *n);
/* The participants with their progress, by path (at most 5000). */
int xf_store_campaign_parts(xf_db *db, xf_arena *a, int64_t campaign_id,
                            xf_campaign_part **out, int *n);
/* XF_DB_ROW with the participant's path, XF_DB_DONE when org_id does not
 * take part. */
int xf_store_campaign_part_get(xf_db *db, xf_arena *a, int64_t campaign_id,
                               int64_t org_id, const char **org_path);
/* XF_DB_ROW when item_id is an item of the campaign. */
int xf_store_campaign_item_get(xf_db *db, xf_arena *a, int64_t campaign_id,
                               int64_t item_id, xf_campaign_item *out);

/* Writes the report of (campaign, item, org), replacing the text of one
 * there (and clearing its rating); sets v->id. */
int xf_store_campaign_report_put(xf_db *db, xf_campaign_report *v);
int xf_store_campaign_report_get(xf_db *db, xf_arena *a, int64_t id,
                                 xf_campaign_report *out);
int xf_store_campaign_report_rate(xf_db *db, int64_t id, int rating, int64_t by,
                                  int64_t now);
/* The reports of a campaign, by organization path then item (at most
 * 5000). */
int xf_store_campaign_reports(xf_db *db, xf_arena *a, int64_t campaign_id,
                              xf_campaign_report **out, int *n);

#endif
