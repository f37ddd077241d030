/*
 * campaign.h - special campaigns (专项行动): a campaign launched by a
 * committee with its 亮/比 items, the organizations taking part with
 * their progress, and their reports with the committee's rating; each
 * with its one JSON form.
 *
 * Layer-neutral: includes only base/ and model/fields.h. Strings are borrowed:
 * they point into the arena of whoever filled the struct; optional ones are
 * NULL.
 */
#ifndef XF_MODEL_CAMPAIGN_H
#define XF_MODEL_CAMPAIGN_H

#include "base/jw.h"
#include "model/fields.h"

#include <stdint.h>

/* The fields of a campaign, an item, a participant and a report
 * (model/fields.h lists), in the order of their JSON forms and of the
 * store's columns. */
#define XF_CAMPAIGN_FIELDS(F, N, A, J, T)                                          \
	F(T, I64, id, "id")                                                        \
	F(T, STR, title, "title")                                                  \
	F(T, STR, goals, "goals")                                                  \
	F(T, STR, starts_on, "starts_on")                                          \
	F(T, STR, ends_on, "ends_on")                                              \
	F(T, STR, status, "status")   /* xf_campaign_statuses: open, closed */     \
	F(T, OPT, summary, "summary") /* written at the close, or NULL */          \
	F(T, WHEN, closed_at, "closed_at") /* 0 while open */                      \
	XF_ORG_FIELDS(F, N, A, J, T)                                               \
	F(T, ID, parent_id, "parent_id") /* the city campaign (市县联动), 0 */ \
	F(T, I64, item_count, "item_count")                                        \
	F(T, I64, participant_count, "participant_count")                          \
	F(T, I64, report_count, "report_count")                                    \
	F(T, I64, rated_count, "rated_count")                                      \
	XF_STAMP_FIELDS(F, N, A, J, T)
#define XF_CAMPAIGN_ITEM_FIELDS(F, N, A, J, T)                                 \
	F(T, I64, id, "id")                                                    \
	N(T, I64, campaign_id)                                                 \
	N(T, INT, pos)                                                         \
	F(T, STR, title, "title")                                              \
	F(T, STR, kind, "kind") /* xf_campaign_item_kinds: 亮, 比 */         \
	F(T, OPT, description, "description")
#define XF_CAMPAIGN_PART_FIELDS(F, N, A, J, T)                                 \
	N(T, I64, campaign_id)                                                 \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, I64, reported, "reported") /* items reported */                   \
	F(T, I64, rated, "rated")       /* of them rated */                    \
	N(T, I64, rating_sum)                                                  \
	J(T, X100, rating_avg_x100, "rating_avg") /* 0 when none rated */
#define XF_CAMPAIGN_REPORT_FIELDS(F, N, A, J, T)                               \
	F(T, I64, id, "id")                                                    \
	F(T, I64, campaign_id, "campaign_id")                                  \
	F(T, I64, item_id, "item_id")                                          \
	F(T, STR, item_title, "item_title")                                    \
	XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, STR, text, "text")                                                \
	N(T, INT, rating) /* 1..5, 0: not rated */                             \
	F(T, ID, rated_by, "rated_by")                                         \
	F(T, WHEN, rated_at, "rated_at")                                       \
	F(T, ID, reported_by, "reported_by")                                   \
	F(T, TIME, reported_at, "reported_at")                                 \
	F(T, I64, attachment_count, "attachment_count")

XF_FIELDS_STRUCT(xf_campaign, XF_CAMPAIGN_FIELDS);

XF_FIELDS_STRUCT(xf_campaign_item, XF_CAMPAIGN_ITEM_FIELDS);

typedef struct xf_campaign_part {
	XF_FIELDS_DECL(XF_CAMPAIGN_PART_FIELDS)
	int rank; /* in the ranking, else 0 */
} xf_campaign_part;

XF_FIELDS_STRUCT(xf_campaign_report, XF_CAMPAIGN_REPORT_FIELDS);

/* The JSON forms, each object left open for more keys. */
void xf_campaign_json_open(xf_jw *w, const xf_campaign *v);
/* The same, closed. */
void xf_campaign_json(xf_jw *w, const xf_campaign *v);
void xf_campaign_item_json(xf_jw *w, const xf_campaign_item *v);
/* total: the campaign's item count (progress reported/total). */
void xf_campaign_part_json(xf_jw *w, const xf_campaign_part *v, int64_t total);
void xf_campaign_report_json(xf_jw *w, const xf_campaign_report *v);

#endif
