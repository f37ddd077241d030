/*
 * schemes.h (service) - assessment schemes (考核办法): drafts checked by
 * the rules of domain/assessment.h, publication that freezes a version,
 * new versions that replace it from a date, and adoption by a lower
 * committee that fills the 个性 slots the higher scheme left open
 * (层层传导).
 *
 * Rights: a committee over the scheme's organization (at it or above), or
 * admin, writes; whoever reads an organization at, above or below the
 * scheme's reads it (a scheme applies downwards, so a branch reads the
 * city's). Every function returns XF_OK or an error kind with c->err
 * filled; results are allocated in c->a.
 */
#ifndef XF_SERVICE_SCHEMES_H
#define XF_SERVICE_SCHEMES_H

#include "base/jw.h"
#include "domain/assessment.h"
#include "service/ctx.h"
#include "store/schemes.h"

typedef struct xf_scheme_input {
	const char *name;
	int year;
	int64_t org_id;
	const char *org_kinds; /* "branch,general_branch"; NULL: as adopted or
	                          the template's, else "branch" */
	int64_t adopts_id;     /* 0: none */
	const char *template_code; /* NULL: none */
	xf_indicator *ind; /* NULL: the template's (or none when adopting) */
	int nind;
	int has_stars;
	xf_star_rules stars;
} xf_scheme_input;

int xf_scheme_create(xf_ctx *c, const xf_scheme_input *in, xf_scheme *out);
/* A draft only (409 once published). */
int xf_scheme_update(xf_ctx *c, int64_t id, const xf_scheme_input *in,
                     xf_scheme *out);
int xf_scheme_get(xf_ctx *c, int64_t id, xf_scheme *out);
int xf_scheme_delete(xf_ctx *c, int64_t id);
/* Publishes a draft from effective_from (NULL: today). */
int xf_scheme_publish(xf_ctx *c, int64_t id, const char *effective_from,
                      xf_scheme *out);
/* A new draft version of a published scheme, with its indicators. */
int xf_scheme_new_version(xf_ctx *c, int64_t id, xf_scheme *out);
/* Schemes the caller reads (of org_id's subtree when set), of a year (0:
 * any). */
int xf_scheme_list(xf_ctx *c, int64_t org_id, int year, int offset, int limit,
                   xf_scheme **out, int *n, int64_t *total);

/* The published schemes of a year over org_id (at it or above: those
 * that may apply to it and that a committee there may adopt), deepest
 * first, with their indicators; whoever reads org_id. */
int xf_scheme_applicable(xf_ctx *c, int64_t org_id, int year, xf_scheme **out,
                         int *n);

/* The JSON of a scheme with its indicators (labels from the catalogues). */
void xf_scheme_write(xf_jw *w, const xf_scheme *s);
/* The JSON of the templates (GET /api/schemes/templates). */
void xf_scheme_templates_write(xf_jw *w);

/* Checks the tree of s (kinds, sources, weights; open slots filled only
 * by the adopter's own indicators) and fills its computed fields. */
int xf_scheme_check(xf_ctx *c, xf_scheme *s);

#endif
