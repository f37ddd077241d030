/*
 * inbox.h - an item of a user's inbox (待办): something due for the
 * caller (a meeting its branch owes, a milestone due, an objection to
 * answer, a claim to approve, its own claim decided), with its one JSON
 * form. The items are computed by service/inbox.c, never stored.
 *
 * Layer-neutral: includes only base/. Strings are borrowed: they point
 * into the arena of whoever filled the struct; optional ones are NULL.
 */
#ifndef XF_MODEL_INBOX_H
#define XF_MODEL_INBOX_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_inbox_item {
	const char *kind;   /* a code of xf_inbox_kinds (domain/inbox.h) */
	const char *title;  /* Chinese, for the user */
	const char *due_on; /* YYYY-MM-DD, or NULL: already overdue, no day */
	int days_left;      /* due_on - today (negative: overdue) */
	int has_days_left;  /* 0: days_left is null */
	int64_t org_id;     /* 0: none */
	const char *link;   /* the web route to drill into */
	const char *ref;    /* what it is about: "claim:12", "task:3", ... */
} xf_inbox_item;

/* {"kind","title","due_on","days_left","org_id","link","ref"}. */
void xf_inbox_item_json(xf_jw *w, const xf_inbox_item *it);

#endif
