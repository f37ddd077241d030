/*
 * case.h - case selection (案例评选) as every layer sees it: a call with
 * its criteria, tiers and reviewers, and its submissions; their JSON
 * forms. Strings are borrowed (the arena of whoever filled the struct).
 */
#ifndef XF_MODEL_CASE_H
#define XF_MODEL_CASE_H

#include "base/jw.h"

#include <stdint.h>

#define XF_CASE_CRIT_MAX   10
#define XF_CASE_TIER_MAX   5
#define XF_CASE_REVIEW_MAX 50

typedef struct xf_case_criterion {
	const char *name;
	int max_x10;
} xf_case_criterion;

typedef struct xf_case_tier {
	const char *name;
	int places;
} xf_case_tier;

typedef struct xf_case_call {
	int64_t id, org_id;
	const char *org_path, *org_name, *org_level;
	const char *title, *deadline;
	int year;
	const char *stage;  /* as stored: open, closed, selected, ... */
	const char *status; /* the effective stage (open past its deadline:
	                       closed), set by the service */
	int64_t notice_id;
	xf_case_criterion crit[XF_CASE_CRIT_MAX];
	int ncrit;
	xf_case_tier tiers[XF_CASE_TIER_MAX];
	int ntiers;
	int64_t reviewers[XF_CASE_REVIEW_MAX];
	int nreviewers;
	int64_t submission_count;
	int64_t created_by, created_at, updated_at;
} xf_case_call;

typedef struct xf_case_submission {
	int64_t id, call_id, org_id;
	const char *org_path, *org_name;
	const char *title, *summary, *text;
	int score_x10; /* -1: none */
	int rank;      /* 0: none */
	int tier;      /* -1: not selected */
	const char *tier_name;
	int64_t reviews; /* reviewers who scored it */
	int64_t attachment_count;
	int64_t created_by, created_at, updated_at;
	/* the library: the call's title and year */
	const char *call_title;
	int year;
} xf_case_submission;

/* The call; its criteria, tiers and reviewers' ids. */
void xf_case_call_json(xf_jw *w, const xf_case_call *c);
/* A submission as its organization and the committee see it; with_text:
 * the full text too. */
void xf_case_submission_json(xf_jw *w, const xf_case_submission *s,
                             int with_text);
/* A submission as a reviewer sees it: no organization (blind), with the
 * reviewer's own scores (x10 per criterion, -1 none) over ncrit. */
void xf_case_blind_json(xf_jw *w, const xf_case_submission *s,
                        const xf_case_call *call, const int *mine);
/* A case of the library (decided and selected). */
void xf_case_library_json(xf_jw *w, const xf_case_submission *s, int with_text);

#endif
