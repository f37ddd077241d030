/*
 * changes.c - the hand-over of committed changes (changes.h).
 */
#include "base/changes.h"

#include <stddef.h>

static xf_changes_fn listener;
static _Thread_local int confined, everything;

void xf_changes_listen(xf_changes_fn fn)
{
	listener = fn;
}

void xf_changes_publish(const char *const *paths, const unsigned *kinds, int n)
{
	if (n < 0)
		everything++;
	else
		confined++;
	if (listener)
		listener(paths, kinds, n);
}

void xf_changes_reset(void)
{
	confined = 0;
	everything = 0;
}

int xf_changes_only_confined(void)
{
	return confined > 0 && everything == 0;
}
