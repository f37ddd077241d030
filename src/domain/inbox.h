/*
 * inbox.h - the rules of the inbox (待办): the kinds of item with their
 * Chinese names, the order items are listed in, and the last day of the
 * slot a meeting is owed for.
 *
 * Pure functions: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_INBOX_H
#define XF_DOMAIN_INBOX_H

#include "base/date.h"
#include "domain/codes.h"
#include "model/inbox.h"

/* The kinds of inbox item, served by /api/catalog as inbox_kinds. */
extern const xf_code xf_inbox_kinds[];

/* Tasks and milestones are listed when due within this many days. */
#define XF_INBOX_DAYS 7

/*
 * The order of the inbox: meetings overdue without a day first, then the
 * items with a due day, earliest first, then the undated ones (claims to
 * approve, decided claims), each group by kind and ref. For qsort.
 */
int xf_inbox_cmp(const void *a, const void *b);

/*
 * The last day of the slot of frequency freq (XF_PERIOD_MONTH, _QUARTER,
 * _YEAR of base/date.h) that contains today: the day by which a meeting
 * still pending in that slot is owed.
 */
xf_date xf_inbox_slot_end(int freq, xf_date today);

/* Sets it->due_on's days_left from today (due_on a valid day), or leaves
 * days_left null. due_on is the text of due. */
void xf_inbox_set_due(xf_inbox_item *it, const char *due_on, xf_date due,
                      xf_date today);

#endif
