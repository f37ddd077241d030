/*
 * visits.h - the rules of 四必访 (visits that must happen): the kinds of
 * trigger recorded for a member (生病住院, 家庭困难, 重大变故, 思想波动,
 * 其他), each with the days within which a visit is owed and the role
 * that owes it; the due date, the days left and the coverage of a year.
 *
 * Pure functions over plain values: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_VISITS_H
#define XF_DOMAIN_VISITS_H

#include "base/date.h"
#include "domain/codes.h"

#include <stdint.h>

/* illness 生病住院, hardship 家庭困难, major_event 重大变故, mood 思想波动,
 * other 其他 */
extern const xf_code xf_visit_kinds[];
/* Who owes the visit: secretary 支部书记, committee 上级党委 */
extern const xf_code xf_visit_owners[];

/* The deadline of a kind: a visit within days of the trigger, owed by
 * owner (a code of xf_visit_owners). */
typedef struct xf_visit_rule {
	const char *kind;
	int days;
	const char *owner;
} xf_visit_rule;
/* The rule of kind, or NULL when kind is not a code of xf_visit_kinds. */
const xf_visit_rule *xf_visit_rule_of(const char *kind);

/* Kinds the admin keeps: a code of 2 to 32 of [a-z0-9_] starting with a
 * letter, not a built-in code; days from 1 to 90. */
int xf_visit_kind_code_ok(const char *code);
#define XF_VISIT_DAYS_MAX 90

/* The day a visit is due: occurred_on plus days. */
xf_date xf_visit_due_on(xf_date occurred_on, int days);
/* Days from today to due_on: 0 on the day, negative when overdue. */
int xf_visit_days_left(xf_date due_on, xf_date today);
/* 1 if a visit on visited_on settles a trigger due on due_on in time. */
int xf_visit_on_time(xf_date visited_on, xf_date due_on);
/* The coverage of visits owed: visits on time per owed, in hundredths of
 * a percent (10000 = 100%); 0 when none is owed. */
int64_t xf_visit_coverage(int64_t on_time, int64_t owed);

#endif
