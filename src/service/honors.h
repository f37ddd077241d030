/*
 * honors.h (service) - the honors and results registry (荣誉与成果): the
 * achievements a year is counted by, entered by the committee over the
 * organization or member (or the admin), read within scope, with their
 * proof as attachments (service/attachments.h), and the year's counts
 * ("一等奖1个、二等奖5个…") over a subtree.
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_HONORS_H
#define XF_SERVICE_HONORS_H

#include "domain/honors.h"
#include "service/attachments.h"
#include "service/ctx.h"
#include "store/honors.h"

/* An honor's proof: 20 files each; added by whoever may change it. */
extern const xf_attachment_subject xf_honor_files;

/* The fields of a new entry, or of a change (has_* set for those given;
 * a NULL grade or 0 brand_id given clears it). */
typedef struct xf_honor_input {
	const char *title, *category, *level, *grade;
	int year;
	const char *awarded_by, *awarded_on;
	int64_t org_id, member_id, brand_id;
	int has_title, has_category, has_level, has_grade, has_year,
	    has_awarded_by, has_awarded_on, has_org_id, has_member_id,
	    has_brand_id;
} xf_honor_input;

int xf_honor_create(xf_ctx *c, const xf_honor_input *in, xf_honor *out);
/*
 * The entry a selection's decision writes (a creation program's award, a
 * selected case), inside the caller's open write transaction, which has
 * checked the caller's rights: h names org_id (and member_id or 0),
 * title, category, level, grade (or NULL), year, awarded_by, awarded_on,
 * source ("program", "case") and source_ref (unique: "program:3:12").
 * Writing the same source_ref again changes nothing (*h is then the
 * stored entry). Audited as any entry.
 */
int xf_honor_award_in_tx(xf_ctx *c, xf_honor *h);
/* Deletes the entry a selection wrote (source_ref), if any, with its
 * files: the decision was withdrawn. Inside the caller's transaction. */
int xf_honor_withdraw_in_tx(xf_ctx *c, const char *source_ref);
int xf_honor_update(xf_ctx *c, int64_t id, const xf_honor_input *in,
                    xf_honor *out);
int xf_honor_remove(xf_ctx *c, int64_t id);
int xf_honor_read(xf_ctx *c, int64_t id, xf_honor *out);
/* Honors of org_id's subtree (0: the caller's whole scope) matching the
 * rest of f (its ranges are set here); paged. */
int xf_honor_list(xf_ctx *c, int64_t org_id, const xf_honor_filter *f,
                  int offset, int limit, xf_honor **out, int *n,
                  int64_t *total);

/* Most entries a summary lists (its counts cover all). */
#define XF_HONOR_SUMMARY_ITEMS 2000

typedef struct xf_honor_summary {
	int64_t total;
	xf_code_counts by_category, by_level, by_grade;
	xf_honor *items; /* the first XF_HONOR_SUMMARY_ITEMS */
	int nitems;
} xf_honor_summary;
/* The year's honors of org_id's subtree (0: the caller's scope). */
int xf_honor_summary_read(xf_ctx *c, int64_t org_id, int year,
                          xf_honor_summary *out);

#endif
