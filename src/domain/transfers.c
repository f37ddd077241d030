/*
 * transfers.c - the workflow of 组织关系转接: kinds, states, the side
 * that acts next, the moves allowed, and the letter's deadline.
 */
#include "domain/transfers.h"

#include "domain/terms.h"

#include <string.h>

const xf_code xf_transfer_kinds[] = {
    {"in_tree", "系统内转接"},
    {"out", "转出（系统外）"},
    {"in", "转入（系统外）"},
    {NULL, NULL},
};

const xf_code xf_transfer_states[] = {
    {"applied", "申请"},
    {"out_approved", "转出方已审批"},
    {"in_approved", "转入方已审批"},
    {"arrived", "已到达"},
    {"returned", "已退回"},
    {NULL, NULL},
};

/* One row per open state of a kind: the side that acts, the state an
 * approval leads to (NULL: it is arrival's turn). */
static const struct {
	const char *kind, *state;
	char side;
	const char *approved;
} steps[] = {
    {"in_tree", "applied", 'f', "out_approved"},
    {"in_tree", "out_approved", 't', "in_approved"},
    {"in_tree", "in_approved", 't', NULL},
    {"out", "applied", 'f', "out_approved"},
    {"out", "out_approved", 'f', NULL},
    {"in", "applied", 't', "in_approved"},
    {"in", "in_approved", 't', NULL},
};

static int step_of(const char *kind, const char *state)
{
	if (!kind || !state)
		return -1;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (strcmp(steps[i].kind, kind) == 0 &&
		    strcmp(steps[i].state, state) == 0)
			return (int)i;
	return -1;
}

char xf_transfer_side(const char *kind, const char *state)
{
	int i = step_of(kind, state);
	return i < 0 ? 0 : steps[i].side;
}

const char *xf_transfer_next(const char *kind, const char *state,
                             xf_transfer_action action)
{
	int i = step_of(kind, state);
	if (i < 0)
		return NULL;
	switch (action) {
	case XF_TR_APPROVE:
		return steps[i].approved;
	case XF_TR_REJECT:
		return "returned";
	case XF_TR_ARRIVE:
		return steps[i].approved ? NULL : "arrived";
	}
	return NULL;
}

int xf_transfer_closed(const char *state)
{
	return state && (strcmp(state, "arrived") == 0 ||
	                 strcmp(state, "returned") == 0);
}

xf_date xf_transfer_deadline(xf_date issued_on)
{
	return xf_term_add_months(issued_on, XF_TRANSFER_MONTHS);
}

int xf_transfer_days_left(xf_date deadline, xf_date today)
{
	return (int)(xf_date_days(deadline) - xf_date_days(today));
}

int xf_transfer_overdue(const char *state, xf_date deadline, xf_date today)
{
	return !xf_transfer_closed(state) && xf_date_cmp(today, deadline) > 0;
}
