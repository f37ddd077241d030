/*
 * points.h - the rules of points (积分): categories and forbidden items,
 * caps per period, the yearly floor, vetoes (一票否决), rule versions by
 * date, and competition ranks with ties (1, 1, 3).
 *
 * Every path that writes points (claims, direct awards, automatic entries,
 * reversals) asks xf_points_grant() or xf_points_reversal_allowed() first,
 * so the rules live here once. Pure functions: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_POINTS_H
#define XF_DOMAIN_POINTS_H

#include "base/date.h"
#include "domain/codes.h"

#include <stdint.h>

/* The categories of the rulebook (codes.h); a category's code is its
 * Chinese name. */
extern const xf_code xf_point_categories[];
/* The category of negative items (负面清单): the only home of vetoes. */
#define XF_POINTS_NEGATIVE_CATEGORY "负面清单"

/* Returns 1 if s is one of xf_point_categories. */
int xf_points_category_valid(const char *s);

/* Who points are for: member 党员, org 党组织. */
extern const xf_code xf_point_subjects[];
/* Periods of a rule's cap: month, quarter, year. */
extern const xf_code xf_point_cap_periods[];
/* A claim (申报): pending, approved, rejected. */
extern const xf_code xf_claim_statuses[];
/* Where a ledger entry comes from: claim, award, record, reversal. */
extern const xf_code xf_ledger_sources[];
/* A public notice (公示) of a board: of members or of organizations; its
 * state on a day: upcoming, open, closed; an objection (异议) to it: open,
 * then upheld or dismissed when answered (the rows after the first). */
extern const xf_code xf_point_notice_kinds[];
extern const xf_code xf_point_notice_states[];
extern const xf_code xf_point_objection_statuses[];

/* 1 if a rule may name this role as the one who approves its claims: a
 * branch secretary (secretary) or the work committee (committee). */
int xf_points_approver_valid(const char *role);

/*
 * Returns 1 if a rule text counts what public policy forbids ranking
 * people by: likes, votes, shares, clicks, sign-ins or study time
 * (点赞, 投票, 转发, 分享, 点击, 浏览, 阅读量, 签到, 打卡, 学习时长, 在线时长,
 * 积分商城 ...). Such rules are refused: points count verified outcomes
 * only. NULL is not forbidden.
 */
int xf_points_item_forbidden(const char *s);

/* The terms of one rule version that decide an entry. */
typedef struct xf_point_terms {
	int64_t points;            /* per entry; negative for deductions */
	int64_t cap;               /* most |points| per cap period; 0: none */
	xf_period_kind cap_period; /* month, quarter or year */
	int veto;                  /* 一票否决 item */
} xf_point_terms;

/* What the ledger already holds for the subject. */
typedef struct xf_point_state {
	int64_t used;       /* net points of this rule in the cap period */
	int64_t year_total; /* the year's total, base score included */
	int64_t floor;      /* the year's floor */
	int vetoed;         /* vetoes in force in the year */
} xf_point_state;

typedef enum {
	XF_POINTS_GRANTED = 0,
	XF_POINTS_VETOED = 1, /* the year is vetoed: nothing more is written */
} xf_point_outcome;

typedef struct xf_point_grant {
	int64_t points; /* what the entry gets */
	int capped;     /* cut by the cap (possibly to 0) */
	int floored;    /* cut by the floor (possibly to 0) */
	int veto;       /* the entry is a veto: it zeroes the year */
} xf_point_grant;

/*
 * Decides the points of a new entry under terms t given state s:
 * - a vetoed year takes no more entries (XF_POINTS_VETOED);
 * - a veto item writes -year_total, so the year becomes zero;
 * - otherwise the points are cut so that |used + points| <= cap, and a
 *   deduction is cut so that the year does not fall below the floor.
 * Returns the outcome and fills *g.
 */
xf_point_outcome xf_points_grant(const xf_point_terms *t,
                                 const xf_point_state *s, xf_point_grant *g);

/*
 * A reversal undoes an entry exactly (caps and floors do not apply: it
 * corrects a mistake). While a veto is in force in the year, only the veto
 * itself may be reversed. Returns 1 if allowed.
 */
int xf_points_reversal_allowed(int entry_is_veto, int vetoed);

/* The validity span of one rule version: dates "YYYY-MM-DD"; valid_to is
 * the exclusive end, NULL while the version is current. */
typedef struct xf_point_span {
	const char *valid_from, *valid_to;
} xf_point_span;

/* Index of the version valid on date (YYYY-MM-DD), or -1 if none. */
int xf_points_version_on(const xf_point_span *v, int n, const char *date);
/* A new version must start after the start of the latest one. */
int xf_points_version_from_ok(const char *latest_from, const char *new_from);

/* The month ("2024-07"), quarter ("2024Q3") and year ("2024") of d. */
void xf_points_periods(xf_date d, char month[12], char quarter[12],
                       char year[12]);

/* Competition ranks of scores sorted best first: equal scores share the
 * rank of the first of them (100, 100, 90 → 1, 1, 3). */
void xf_points_ranks(const int64_t *scores, int n, int *ranks);

/* sum / count in hundredths, rounded half away from zero; 0 if count <= 0. */
int64_t xf_points_average_x100(int64_t sum, int64_t count);

#endif
