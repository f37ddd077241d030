/*
 * changes.h - what committed writes touched, handed from the service
 * (which knows it after a commit, service/ctx.c) to whoever keeps answers
 * computed before them (the answer cache of src/http), without either
 * layer including the other.
 *
 * A change is a list of organization paths ("/1/5/23/"), each with the
 * kinds of records written there (XF_CHANGE_*): only answers about an
 * organization on one of those paths or below one of them that read
 * records of those kinds may have changed; or "everything" (n < 0) when
 * the write is not known to be so confined.
 */
#ifndef XF_BASE_CHANGES_H
#define XF_BASE_CHANGES_H

/* The kinds of records a confined change writes. */
enum {
	XF_CHANGE_COMPLIANCE = 1, /* meetings, their rules and measures */
	XF_CHANGE_TASKS = 2,      /* tasks, milestones, progress, acceptance */
	XF_CHANGE_POINTS = 4,     /* point entries and claims */
	XF_CHANGE_KINDS = 7,      /* all of them */
};

/* The listener of changes: paths[0..n) with kinds[0..n) (borrowed for
 * the call), or everything when n < 0. Called on the thread that
 * committed (or that heard of another server's commit). */
typedef void (*xf_changes_fn)(const char *const *paths, const unsigned *kinds,
                              int n);

/* Sets the one listener (NULL: none). Call before threads start. */
void xf_changes_listen(xf_changes_fn fn);
/* Hands a change to the listener, if any, and counts it in this thread's
 * tally (below). */
void xf_changes_publish(const char *const *paths, const unsigned *kinds, int n);

/*
 * This thread's tally of committed writes since xf_changes_reset: the
 * server resets it before a request and asks after it whether every
 * write the request committed was confined to paths (1) or not, or
 * nothing was committed (0).
 */
void xf_changes_reset(void);
int xf_changes_only_confined(void);

#endif
