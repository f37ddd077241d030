/*
 * catalog.h - every catalogue of codes and labels (codes.h) by the name
 * GET /api/catalog serves it under, in one table: what the web UI needs to
 * show codes in Chinese and to fill its pickers.
 */
#ifndef XF_DOMAIN_CATALOG_H
#define XF_DOMAIN_CATALOG_H

#include "domain/codes.h"

typedef struct xf_catalogue {
	const char *name;     /* "org_kinds" */
	const xf_code *codes; /* the table it reads */
	/* NULL, or the test a code of the table passes to be in this
	 * catalogue (duty levels are the organization kinds with duty
	 * lists). */
	int (*only)(const char *code);
} xf_catalogue;

/* The catalogues, ending with {NULL, NULL, NULL}. */
extern const xf_catalogue xf_catalogues[];

#endif
