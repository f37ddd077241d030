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

/* ---- points written from records (自动记分) ------------------------------*/

/*
 * The kinds of record a rule may score by itself (record_kind of a rule
 * version): meeting_attendance 出席会议 (member rules), meeting_held
 * 召开会议 and milestone_on_time 按期完成时间节点 (org rules), first_topic
 * 学习第一议题 (either: the org that held the meeting, or each member
 * present), duty_evidence_accepted 履职记实 (member rules: evidence the
 * organization recorded for a post holder).
 */
extern const xf_code xf_point_record_kinds[];

typedef enum {
	XF_RECORD_RULE_OK = 0,
	XF_RECORD_RULE_UNKNOWN,   /* not a record kind */
	XF_RECORD_RULE_SUBJECT,   /* not for this subject (member/org) */
	XF_RECORD_RULE_QUALIFIER, /* the qualifier is not a meeting kind, or
	                             the record kind takes none */
	XF_RECORD_RULE_VETO,      /* a veto is never written from a record */
} xf_record_rule_check;

/*
 * Whether a rule version of subject ("member" or "org") may name record
 * kind (NULL or "": a manual rule, always fine) with qualifier (NULL or
 * "": any; for the meeting kinds, a code of xf_meeting_kinds); veto: the
 * version is a veto item.
 */
xf_record_rule_check xf_points_record_rule_check(const char *subject,
                                                 const char *kind,
                                                 const char *qualifier,
                                                 int veto);
/* 1 if a rule naming (rule_kind, rule_qualifier) scores a record of kind
 * with qualifier: same kind, and the rule's qualifier empty or equal. */
int xf_points_record_matches(const char *rule_kind, const char *rule_qualifier,
                             const char *kind, const char *qualifier);
/* 1 if an attendance status counts as attending (present or late). */
int xf_points_attended(const char *status);
/* 1 if a milestone done on done_on (NULL: not done) was done by due_on
 * (dates "YYYY-MM-DD"). */
int xf_points_milestone_on_time(const char *due_on, const char *done_on);

/* 1 if duty evidence of kind (xf_duty_evidence_kinds) scores: a record,
 * task or meeting; not a ledger entry, which has its points already. */
int xf_points_duty_evidence_counts(const char *kind);

/* An entry keyed by what makes it unique: its rule, the record part it
 * scores and the day it counts on. keep: set by xf_points_records_diff. */
typedef struct xf_point_record_key {
	int64_t rule_id;
	const char *ref, *occurred_on;
	int keep;
} xf_point_record_key;

/*
 * Compares the entries a record's group has in the ledger (have) with
 * those its facts call for now (want): have[i].keep = 1 when an equal
 * want exists (the first such have only: a double is not kept), and
 * want[j].keep = 1 when an equal have is kept or an equal want comes
 * before it. The haves not kept are to
 * be reversed, the wants not kept to be written.
 */
void xf_points_records_diff(xf_point_record_key *have, int nhave,
                            xf_point_record_key *want, int nwant);

/* Competition ranks of scores sorted best first: equal scores share the
 * rank of the first of them (100, 100, 90 → 1, 1, 3). */
void xf_points_ranks(const int64_t *scores, int n, int *ranks);

/* sum / count in hundredths, rounded half away from zero; 0 if count <= 0. */
int64_t xf_points_average_x100(int64_t sum, int64_t count);

#endif
