/*
 * lectures.h - SQL of the lecture library (schema v18). Functions return
 * XF_DB_OK / XF_DB_ROW / XF_DB_DONE or an error (store/db.h); strings read
 * live in the arena given.
 */
#ifndef XF_STORE_LECTURES_H
#define XF_STORE_LECTURES_H

#include "base/arena.h"
#include "model/lecture.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts l and sets l->id. */
int xf_store_lecture_insert(xf_db *db, xf_lecture *l, int64_t now);
int xf_store_lecture_get(xf_db *db, xf_arena *a, int64_t id, xf_lecture *out);
/* Writes title, speaker, given_on, kind and summary. */
int xf_store_lecture_update(xf_db *db, const xf_lecture *l, int64_t now);
/* Deletes the lecture and its attachment rows. */
int xf_store_lecture_delete(xf_db *db, int64_t id);

typedef struct xf_lecture_filter {
	const xf_ranges *ranges; /* the subtrees in scope */
	int year;                /* 0: any */
	const char *kind;        /* NULL: any */
	const char *q;           /* in title or speaker; NULL: any */
} xf_lecture_filter;
/* Lectures matching f, the latest first; paged. */
int xf_store_lecture_list(xf_db *db, xf_arena *a, const xf_lecture_filter *f,
                          int offset, int limit, xf_lecture **out, int *n,
                          int64_t *total);

#endif
