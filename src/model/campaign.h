/*
 * campaign.h - special campaigns (专项行动): a campaign launched by a
 * committee with its 亮/比 items, the organizations taking part with
 * their progress, and their reports with the committee's rating; each
 * with its one JSON form.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct; optional ones are NULL.
 */
#ifndef XF_MODEL_CAMPAIGN_H
#define XF_MODEL_CAMPAIGN_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_campaign {
	int64_t id, org_id;
	const char *org_path, *org_name;
	int64_t parent_id; /* the city campaign it runs under (市县联动), 0 */
	const char *title, *goals;
	const char *starts_on, *ends_on;
	const char *status;  /* xf_campaign_statuses: open, closed */
	const char *summary; /* written at the close, or NULL */
	int64_t closed_at;   /* 0 while open */
	int64_t item_count, participant_count, report_count, rated_count;
	int64_t created_by, created_at, updated_at;
} xf_campaign;

typedef struct xf_campaign_item {
	int64_t id, campaign_id;
	int pos;
	const char *title;
	const char *kind;        /* xf_campaign_item_kinds: 亮, 比 */
	const char *description; /* or NULL */
} xf_campaign_item;

/* An organization taking part, with its progress. */
typedef struct xf_campaign_part {
	int64_t campaign_id, org_id;
	const char *org_path, *org_name;
	int64_t reported; /* items reported */
	int64_t rated;    /* of them rated */
	int64_t rating_sum;
	int64_t rating_avg_x100; /* 0 when none rated */
	int rank;                /* in the ranking, else 0 */
} xf_campaign_part;

typedef struct xf_campaign_report {
	int64_t id, campaign_id, item_id, org_id;
	const char *org_path, *org_name, *item_title;
	const char *text;
	int rating; /* 1..5, 0: not rated */
	int64_t rated_by, rated_at;
	int64_t reported_by, reported_at;
	int64_t attachment_count;
} xf_campaign_report;

/* The JSON forms, each object left open for more keys. */
void xf_campaign_json_open(xf_jw *w, const xf_campaign *v);
/* The same, closed. */
void xf_campaign_json(xf_jw *w, const xf_campaign *v);
void xf_campaign_item_json(xf_jw *w, const xf_campaign_item *v);
/* total: the campaign's item count (progress reported/total). */
void xf_campaign_part_json(xf_jw *w, const xf_campaign_part *v, int64_t total);
void xf_campaign_report_json(xf_jw *w, const xf_campaign_report *v);

#endif
