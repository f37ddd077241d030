/*
 * guide.h - SQL of the practice guide (实务指南, schema v17): articles,
 * their kept versions, tags, and the Chinese full-text search (SQLite
 * FTS5 trigram / PostgreSQL pg_trgm). Functions return XF_DB_OK (or
 * XF_DB_ROW / XF_DB_DONE for a get) or an error code; what they read
 * lives in the arena they are given.
 */
#ifndef XF_STORE_GUIDE_H
#define XF_STORE_GUIDE_H

#include "base/arena.h"
#include "model/guide.h"
#include "store/db.h"

/* Most terms of a search, and most articles a search answers. */
#define XF_GUIDE_TERMS_MAX  5
#define XF_GUIDE_SEARCH_MAX 50

/* Inserts g as version 1 (with its version row, tags and search entry)
 * and sets g->id. */
int xf_store_guide_insert(xf_db *db, xf_guide_article *g);
/* Writes g as the article's new version g->version, keeping the old. */
int xf_store_guide_update(xf_db *db, const xf_guide_article *g);
int xf_store_guide_get(xf_db *db, xf_arena *a, int64_t id,
                       xf_guide_article *out);
/* Deletes the article with its versions, tags and search entry. */
int xf_store_guide_delete(xf_db *db, int64_t id);
/* The versions of an article, the latest first (at most 200). */
int xf_store_guide_versions(xf_db *db, xf_arena *a, int64_t id,
                            xf_guide_article **out, int *n);
/* Articles (with tag only when tag is not NULL), the latest change
 * first; paged. */
int xf_store_guide_list(xf_db *db, xf_arena *a, const char *tag, int offset,
                        int limit, xf_guide_article **out, int *n,
                        int64_t *total);
/* The articles whose title or body holds every one of terms[0..n)
 * (1..XF_GUIDE_TERMS_MAX), ranked: more terms in the title first, then
 * bm25 (SQLite) or title similarity (PostgreSQL), then the latest
 * change; at most XF_GUIDE_SEARCH_MAX. query is the whole query. */
int xf_store_guide_search(xf_db *db, xf_arena *a, const char *query,
                          const char *const *terms, int nterms,
                          xf_guide_article **out, int *n);

#endif
