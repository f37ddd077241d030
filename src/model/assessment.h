/*
 * assessment.h - the assessment of organizations as every layer sees it:
 * a committee's score of an indicator (评分, with its reason), the index
 * (硬核指数) of an organization with every indicator's outcome, and a star
 * rating (星级评定) on its way from self-assessment to decision; with
 * their one JSON form.
 *
 * Layer-neutral: includes only base/ and model/. Strings are borrowed:
 * they point into the arena of whoever filled the struct and live as long
 * as it; optional ones are NULL.
 */
#ifndef XF_MODEL_ASSESSMENT_H
#define XF_MODEL_ASSESSMENT_H

#include "base/jw.h"
#include "model/scheme.h"

#include <stdint.h>

/* A committee's score of one indicator of an organization's year. */
typedef struct xf_assessment_score {
	int64_t org_id;
	int year;
	const char *code, *org_path;
	int points_x10; /* veto items: 10 (one point) set, 0 not */
	const char *reason;
	int64_t scored_by, scored_at;
	const char *scored_by_name; /* when read */
} xf_assessment_score;

void xf_assessment_score_json(xf_jw *w, const xf_assessment_score *s);

/* One indicator's outcome for one organization. */
typedef struct xf_ind_result {
	int has_raw; /* data: a raw value was measured */
	double raw;
	int no_data;     /* data: nothing to measure */
	int scored;      /* a score exists (manual items; groups) */
	int points_x10;  /* earned; for deductions: taken off (>= 0) */
	int lost_x10;    /* scored items: max - points */
	int set;         /* veto items: set */
	int rank, peers; /* rank mappings */
	const xf_assessment_score *score; /* the committee's, or NULL */
} xf_ind_result;

/* An organization's index of a year under its scheme. */
typedef struct xf_assessment {
	int64_t org_id, org_parent_id;
	const char *org_name, *org_path, *org_kind, *org_parent_name;
	int64_t scheme_id;
	int score_x10, scored_x10, bonus_x10, deduction_x10;
	int vetoed, stars, capped; /* capped: lowered by a quota */
	int rank;
	int has_prev; /* an index of the year before exists */
	int prev_score_x10;
	xf_ind_result *res; /* one per indicator of the scheme, or NULL */
} xf_assessment;

/* A row of the ranked index: rank, org, parent, score, stars, vetoed,
 * change (against the year before, or null). */
void xf_assessment_row_json(xf_jw *w, const xf_assessment *x);

/* A record behind an indicator (a missing meeting, a late task ...). */
typedef struct xf_evidence_item {
	const char *kind;   /* "missing_meeting", "late_meeting", "late_task",
	                       "missing_first_topic", "honor" */
	const char *title;  /* what it is, in Chinese */
	const char *period; /* "2026-03", "2026Q1", "2026" or NULL */
	int64_t ref_id;     /* the task, meeting ... or 0 */
} xf_evidence_item;

/* A star rating of an organization's year. */
typedef struct xf_star_rating {
	int64_t id, org_id;
	const char *org_path, *org_name;
	int year;
	const char *state; /* self_assessed, reviewed, decided */
	int claimed, computed, score_x10;
	const char *self_note;
	int reviewed_stars; /* 0 until reviewed */
	const char *review_reason, *visit_notes;
	int64_t reviewed_by, reviewed_at;
	int64_t notice_id; /* the 公示 that froze it, or 0 */
	int decided_stars; /* 0 until decided */
	int64_t decided_by, decided_at;
	int64_t created_by, created_at;
	const char **evidence; /* when read */
	int nevidence;
	const char *notice_state; /* when read: upcoming, open, closed */
} xf_star_rating;

void xf_star_rating_json(xf_jw *w, const xf_star_rating *r);

#endif
