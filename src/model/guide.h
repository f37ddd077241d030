/*
 * guide.h - an article of the practice guide (实务指南): how to hold a
 * 支部委员会, templates of minutes and the like. Articles are versioned:
 * every change is a new version and the old ones are kept; the same
 * struct holds the latest version and a kept one.
 *
 * Strings are borrowed (they live in the arena of whoever filled it).
 */
#ifndef XF_MODEL_GUIDE_H
#define XF_MODEL_GUIDE_H

#include "base/jw.h"

#include <stdint.h>

/* Most tags of an article, and most characters of a tag. */
#define XF_GUIDE_TAGS_MAX    10
#define XF_GUIDE_TAG_CHARS   20
#define XF_GUIDE_TITLE_CHARS 100
#define XF_GUIDE_BODY_CHARS  50000

typedef struct xf_guide_article {
	int64_t id;
	int version;
	const char *title;
	const char *body;
	const char *tags;  /* the tags, each followed by '\n'; "" for none */
	int64_t edited_by; /* who wrote this version; 0: unknown */
	const char *editor_name;
	int64_t created_at; /* the article's first version */
	int64_t updated_at; /* this version */
	int title_hits;     /* in a search: query terms found in the title */
} xf_guide_article;

/* {"id","version","title","body","tags":[..],"edited_by","editor_name",
 * "created_at","updated_at"}; with_body 0 leaves the body out. */
void xf_guide_article_json(xf_jw *w, const xf_guide_article *g, int with_body);

#endif
