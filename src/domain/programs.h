/*
 * programs.h - the rules of creation programs (创建评选: 模范机关、清廉机关、
 * 文明机关创建): the code lists (kinds, application states, verdicts,
 * evidence kinds), the state machine of an application with what each
 * side may do, the timetable checked against the server's today, and
 * the conclusion an application's per-criterion verdicts allow.
 *
 * Pure functions over plain values: no allocation, no I/O. Dates are
 * "YYYY-MM-DD" strings, compared as text.
 */
#ifndef XF_DOMAIN_PROGRAMS_H
#define XF_DOMAIN_PROGRAMS_H

#include "domain/codes.h"

#include <stddef.h>

/* model / clean / civil / other: 模范机关 / 清廉机关 / 文明机关 / 其他 */
extern const xf_code xf_program_kinds[];
/* draft, submitted, reviewed, candidate, rejected, awarded, not_awarded,
 * withdrawn */
extern const xf_code xf_program_app_states[];
/* met / partly / not_met: 达标 / 部分达标 / 未达标 */
extern const xf_code xf_program_verdicts[];
/* candidate / rejected: a review's conclusion (列为候选 / 不予推荐) */
extern const xf_code xf_program_conclusions[];
/* meeting, task, duty (records of the platform), link, text */
extern const xf_code xf_program_evidence_kinds[];

/* Who acts on an application. */
enum {
	XF_PROGRAM_APPLICANT = 1, /* whoever manages the applying org */
	XF_PROGRAM_COMMITTEE = 2, /* the program's committee (or admin) */
};

/* What is done to an application. */
typedef enum {
	XF_PA_EDIT = 1, /* self-assessment of an item (draft only) */
	XF_PA_SUBMIT,   /* draft -> submitted */
	XF_PA_WITHDRAW, /* draft | submitted -> withdrawn */
	XF_PA_REVIEW,   /* submitted | reviewed -> reviewed */
	XF_PA_PUBLISH,  /* reviewed -> candidate | rejected (by conclusion) */
	XF_PA_AWARD,    /* candidate -> awarded */
	XF_PA_PASS,     /* candidate -> not_awarded */
	XF_PA_UNDECIDE, /* awarded | not_awarded -> candidate */
} xf_program_action;

/* Results of xf_program_transition. */
enum {
	XF_PT_OK = 0,
	XF_PT_ROLE = -1,  /* this side may not do it */
	XF_PT_STATE = -2, /* not from this state */
};

/*
 * The state an application in state goes to when who does action
 * (conclusion: the review's, for XF_PA_PUBLISH), in *next (a code of
 * xf_program_app_states, static). Returns XF_PT_OK, XF_PT_ROLE or
 * XF_PT_STATE; a side's wrong action is XF_PT_ROLE before any state.
 */
int xf_program_transition(const char *state, xf_program_action action, int who,
                          const char *conclusion, const char **next);

/* The timetable of a program. */
typedef struct xf_program_dates {
	const char *applications_open, *applications_close, *review_by;
} xf_program_dates;

/* Checks a timetable: open <= close <= review_by. Returns 0, or the
 * number of the field at fault: 2 close before open, 3 review_by before
 * close. */
int xf_program_dates_check(const xf_program_dates *d);

/* Where today lies: before the window, in it, or after it. */
enum { XF_WINDOW_BEFORE = -1, XF_WINDOW_OPEN = 0, XF_WINDOW_AFTER = 1 };
/* Applying, filling items and submitting are allowed only while the
 * window is open: open <= today <= close. */
int xf_program_window(const xf_program_dates *d, const char *today);

/* One criterion's verdict and whether the criterion is required. */
typedef struct xf_program_verdict {
	const char *verdict; /* met, partly, not_met; NULL: not given */
	int required;
} xf_program_verdict;

/*
 * The conclusion the verdicts allow: "candidate" only if every required
 * criterion is met (optional criteria do not block), else "rejected".
 * NULL when a verdict is missing (the review is incomplete).
 */
const char *xf_program_conclusion(const xf_program_verdict *v, int n);

/*
 * Whether the committee may decide after the notice of its candidates:
 * the window [opens_on, closes_on] has closed (today > closes_on) and no
 * objection is still unanswered. Returns 0, 1 the notice is still
 * open or upcoming, 2 an objection awaits its answer.
 */
int xf_program_may_decide(const char *today, const char *closes_on,
                          long open_objections);

/* The registry level of an honor a committee at org level awards:
 * city 市级, county and township 县级 (codes of xf_honor_levels). */
const char *xf_program_honor_level(const char *org_level);

/* The honor's title: "<year>年度<kind label>" for the named kinds, the
 * program's own title for "other", into out[0..cap). */
void xf_program_honor_title(int year, const char *kind, const char *title,
                            char *out, size_t cap);

#endif
