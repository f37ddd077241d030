/*
 * codes.c - lookups in the catalogues of codes and labels (codes.h).
 */
#include "domain/codes.h"

#include <assert.h>
#include <string.h>

int xf_code_index(const xf_code *t, const char *s)
{
	assert(t);
	for (int i = 0; s && t[i].code; i++)
		if (strcmp(t[i].code, s) == 0)
			return i;
	return -1;
}

int xf_code_valid(const xf_code *t, const char *s)
{
	return xf_code_index(t, s) >= 0;
}

const char *xf_code_label(const xf_code *t, const char *s)
{
	int i = xf_code_index(t, s);
	return i >= 0 ? t[i].label : "";
}

size_t xf_code_count(const xf_code *t)
{
	size_t n = 0;
	assert(t);
	while (t[n].code)
		n++;
	return n;
}
