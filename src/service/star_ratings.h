/*
 * star_ratings.h (service) - 星级评定 of an organization's year:
 *   self_assessed  the branch claims its stars with evidence (whoever
 *                  writes the organization); the stars the scheme
 *                  computes are recorded beside the claim;
 *   reviewed       the committee above adjusts them with a reason (and
 *                  the notes of its visit); a veto caps at 1★;
 *   (公示)         a star_ratings notice (service/notices.h) freezes the
 *                  reviewed ratings of a subtree for 5 working days or
 *                  the window given, open to objections;
 *   decided        once that notice has closed, the committee decides:
 *                  the reviewed stars become the year's stars.
 * One rating per organization and year; earlier years stay as history.
 * Returns XF_OK or an error kind with c->err filled; results in c->a.
 */
#ifndef XF_SERVICE_STAR_RATINGS_H
#define XF_SERVICE_STAR_RATINGS_H

#include "model/assessment.h"
#include "service/ctx.h"
#include "store/db.h"

#define XF_EVIDENCE_MAX 20

int xf_star_rating_create(xf_ctx *c, int64_t org_id, int year, int claimed,
                          const char *note, const char *const *evidence,
                          int nevidence, xf_star_rating *out);
int xf_star_rating_review(xf_ctx *c, int64_t id, int stars, const char *reason,
                          const char *visit_notes, xf_star_rating *out);
int xf_star_rating_decide(xf_ctx *c, int64_t id, xf_star_rating *out);
int xf_star_rating_get(xf_ctx *c, int64_t id, xf_star_rating *out);
/* Ratings of org_id's subtree (0: the caller's scope), of a year (0:
 * any), in a state (NULL: any). */
int xf_star_rating_list(xf_ctx *c, int64_t org_id, int year, const char *state,
                        int offset, int limit, xf_star_rating **out, int *n,
                        int64_t *total);

/* The decided stars of a subtree's year: how many organizations hold
 * each level, four stars and above with their share, per child of the
 * root, and the organizations behind every count. */
typedef struct xf_star_child {
	int64_t org_id;
	const char *name;
	int orgs, by_stars[6], four_plus;
} xf_star_child;
typedef struct xf_star_summary {
	int64_t org_id;
	const char *org_name;
	int year;
	int orgs, by_stars[6], four_plus;
	int four_plus_share_x10; /* percent with one decimal */
	xf_star_child *children;
	int nchildren;
	xf_star_rating *items; /* the decided ratings, path order */
	int nitems;
	int64_t *child_of; /* per item: the child of the root it lies in */
} xf_star_summary;
int xf_star_summary_get(xf_ctx *c, int64_t org_id, int year,
                        xf_star_summary *out);

/* For a star_ratings notice, in the caller's write transaction: with
 * notice_id 0, the reviewed ratings of the subtree at path of a year that
 * no notice holds yet, most stars first (*out, *n); with a notice_id,
 * marks those same ratings as held by it (out and n unused). */
int xf_star_ratings_freeze(xf_ctx *c, const char *path, int year,
                           int64_t notice_id, xf_star_rating **out, int *n);

#endif
