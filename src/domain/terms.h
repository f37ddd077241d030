/*
 * terms.h - the rules of 换届 (terms of party committees): the length of
 * a term by the kind of organization, the day a term ends, the day the
 * reminder of the coming election is due (6 months before), days left,
 * overdue, the validity of an election's votes, and the positions of a
 * committee (书记, 副书记, 委员).
 *
 * Term length (configurable per term: 3 or 5 years may be entered):
 * 党委 (party_committee, organ_committee) and 党总支 (general_branch)
 * 5 years, 党支部 (branch) 3 years, as 《中国共产党党和国家机关基层组织
 * 工作条例》(2019) and 《中国共产党支部工作条例（试行）》 have it for
 * committees and branches of organs. 机关工委 (appointed, not elected),
 * 临时党支部 and 党小组 have no term.
 *
 * Pure functions over plain values: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_TERMS_H
#define XF_DOMAIN_TERMS_H

#include "base/date.h"
#include "domain/codes.h"

#include <stdint.h>

/* secretary 书记, deputy_secretary 副书记, member 委员 */
extern const xf_code xf_term_positions[];
/* pending 待上级批复, approved 已批复 */
extern const xf_code xf_term_states[];

/* The reminder is due this many months before a term ends. */
#define XF_TERM_REMIND_MONTHS 6

/* Years of a term of an organization of kind (a code of xf_org_kinds):
 * 5, 3, or 0 when the kind has no elected committee (NULL included). */
int xf_term_years_of(const char *org_kind);
/* 1 if years is a term length that may be entered (3 or 5). */
int xf_term_years_ok(int years);

/* d moved by months (negative: back); a day past the end of the month
 * it lands in becomes that month's last day (08-31 - 6 months = 02-28). */
xf_date xf_term_add_months(xf_date d, int months);
/* The day the term elected on elected_on ends: elected_on plus years
 * (2024-02-29 + 3 years = 2027-02-28). */
xf_date xf_term_ends_on(xf_date elected_on, int years);
/* The day the reminder of the next election is due: ends_on minus
 * XF_TERM_REMIND_MONTHS months. */
xf_date xf_term_reminder_on(xf_date ends_on);
/* Days from today to ends_on: 0 on the day the term ends, negative after. */
int xf_term_days_left(xf_date ends_on, xf_date today);
/* 1 from the reminder day on (the election is to be prepared). */
int xf_term_reminder_due(xf_date ends_on, xf_date today);
/* The last end of a term whose reminder is due by today: a term ending
 * on or before it has xf_term_reminder_due; one ending after it has not.
 * today + 6 months, or the last day of that month when today is the last
 * day of its own (02-28 → 08-31). */
xf_date xf_term_remind_horizon(xf_date today);
/* 1 once the term has ended (the day after ends_on) with no new one. */
int xf_term_overdue(xf_date ends_on, xf_date today);

/* Votes of an election (《中国共产党基层组织选举工作条例》): present
 * voters out of entitled ones must be more than four fifths for the
 * election to be valid; 0 otherwise or when present > entitled. */
int xf_term_quorum_ok(int64_t present, int64_t entitled);
/* 1 if votes_for are more than half of the present voters (elected). */
int xf_term_elected(int64_t votes_for, int64_t present);

#endif
