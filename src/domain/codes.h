/*
 * codes.h - catalogues: the code lists of the domain (organization kinds,
 * roles, meeting kinds, statuses ...) with the Chinese label people read.
 *
 * Each list is one table, kept next to the rules that use it (scope.h,
 * orgs.h, compliance.h, ...): an array of xf_code in the order pickers
 * show, ending with {NULL, NULL}. The same table validates input (the API's
 * XF_F_ENUM fields), names codes in answers and documents, and is served to
 * the web UI by GET /api/catalog, so a code and its label live in one
 * place. Tables are static data; the functions here only read them.
 */
#ifndef XF_DOMAIN_CODES_H
#define XF_DOMAIN_CODES_H

#include <stddef.h>

typedef struct xf_code {
	const char *code;  /* as stored and sent: "branch" */
	const char *label; /* as shown: "党支部" */
} xf_code;

/* The index of code s in t, or -1 (NULL s included). */
int xf_code_index(const xf_code *t, const char *s);
/* 1 if s is a code of t; 0 otherwise (NULL included). */
int xf_code_valid(const xf_code *t, const char *s);
/* The label of code s in t, or "" if s is not one of its codes. */
const char *xf_code_label(const xf_code *t, const char *s);
/* The number of codes in t. */
size_t xf_code_count(const xf_code *t);

#endif
