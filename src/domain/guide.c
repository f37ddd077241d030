/*
 * guide.c (domain) - cutting a search query of the practice guide into
 * its terms.
 */
#include "domain/guide.h"

#include <stddef.h>

/* The length of the space at p (0: not a space). */
static size_t space_at(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if ((unsigned char)p[0] == 0xE3 && (unsigned char)p[1] == 0x80 &&
	    (unsigned char)p[2] == 0x80)
		return 3;
	return 0;
}

int xf_guide_terms(char *q, const char **terms, int max)
{
	int n = 0;
	char *p = q;
	while (*p) {
		size_t s;
		while ((s = space_at(p)) != 0) {
			for (size_t i = 0; i < s; i++)
				*p++ = '\0';
		}
		if (!*p)
			break;
		if (n == max)
			return -1;
		terms[n++] = p;
		while (*p && space_at(p) == 0)
			p++;
	}
	return n;
}
