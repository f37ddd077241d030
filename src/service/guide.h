/*
 * guide.h (service) - the practice guide (实务指南): versioned articles
 * and templates, searched in Chinese. The guide is city-wide: every
 * logged-in user reads it (no organization scope); the admin and the
 * committee write it (the route table admits only them).
 *
 * Returns XF_OK or an error kind with c->err filled; results live in c->a.
 */
#ifndef XF_SERVICE_GUIDE_H
#define XF_SERVICE_GUIDE_H

#include "service/ctx.h"
#include "store/guide.h"

/* A new article, or a change (has_* for the fields given); tags are
 * each followed by '\n' (checked by the API). */
typedef struct xf_guide_input {
	const char *title, *body, *tags;
	int has_title, has_body, has_tags;
} xf_guide_input;

int xf_guide_create(xf_ctx *c, const xf_guide_input *in, xf_guide_article *out);
/* Writes a new version; the old ones are kept. */
int xf_guide_update(xf_ctx *c, int64_t id, const xf_guide_input *in,
                    xf_guide_article *out);
int xf_guide_remove(xf_ctx *c, int64_t id);
int xf_guide_read(xf_ctx *c, int64_t id, xf_guide_article *out);
int xf_guide_versions(xf_ctx *c, int64_t id, xf_guide_article **out, int *n);
int xf_guide_list(xf_ctx *c, const char *tag, int offset, int limit,
                  xf_guide_article **out, int *n, int64_t *total);
/* q: 1..50 characters, terms split on spaces (at most 5, all must be
 * found in the title or body); 422 naming "q" otherwise. */
int xf_guide_search(xf_ctx *c, const char *q, xf_guide_article **out, int *n);

#endif
