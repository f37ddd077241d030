/*
 * programs.h - SQL of creation programs (创建评选; schema v13): programs
 * with their criteria and eligible organizations, applications with their
 * items. Rows carry their organization's path, so a subtree is one range
 * scan. Return codes and string ownership as in plans.h: XF_DB_OK,
 * XF_DB_ROW (found), XF_DB_DONE (not found) or a negative XF_DB_* error;
 * strings are copied into the arena passed in.
 */
#ifndef XF_STORE_PROGRAMS_H
#define XF_STORE_PROGRAMS_H

#include "base/arena.h"
#include "model/program.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts p (its criteria and eligible list written separately) and sets
 * p->id. */
int xf_store_program_insert(xf_db *db, xf_program *p, int64_t now);
int xf_store_program_criterion_insert(xf_db *db, int64_t program_id, int pos,
                                      const xf_program_criterion *k);
int xf_store_program_eligible_insert(xf_db *db, int64_t program_id,
                                     int64_t org_id);
/* A program with its committee's name and level and its counts (not its
 * criteria or eligible list). */
int xf_store_program_get(xf_db *db, xf_arena *a, int64_t id, xf_program *out);
/* The criteria of a program in order (at most 200). */
int xf_store_program_criteria(xf_db *db, xf_arena *a, int64_t id,
                              xf_program_criterion **out, int *n);
/* The eligible organizations of a program (at most 1000). */
int xf_store_program_eligible(xf_db *db, xf_arena *a, int64_t id, int64_t **out,
                              int *n);
/* Sets the candidates' notice / the time of the decision, once:
 * XF_DB_DONE when it was set already (a concurrent request won). */
int xf_store_program_set_notice(xf_db *db, int64_t id, int64_t notice_id,
                                int64_t now);
int xf_store_program_set_decided(xf_db *db, int64_t id, int64_t now);
/* Clears the decision; XF_DB_DONE when there was none. */
int xf_store_program_clear_decided(xf_db *db, int64_t id, int64_t now);

/* What a list of programs is limited to. */
#define XF_PROGRAM_WITHIN 4
typedef struct xf_program_filter {
	const xf_ranges *ranges; /* programs of these subtrees, */
	/* or over one of these paths (NULL: none) */
	const char *within[XF_PROGRAM_WITHIN];
	int year;         /* 0: any */
	const char *kind; /* NULL: any */
} xf_program_filter;
/* Programs matching f, newest year first; paged. */
int xf_store_program_list(xf_db *db, xf_arena *a, const xf_program_filter *f,
                          int offset, int limit, xf_program **out, int *n,
                          int64_t *total);

/* Inserts an application (state, org, program) and sets a->id;
 * XF_DB_UNIQUE when the org has applied already. */
int xf_store_program_app_insert(xf_db *db, xf_program_application *a,
                                int64_t now);
/* An application with its program's title and path and its progress
 * (not its items). */
int xf_store_program_app_get(xf_db *db, xf_arena *a, int64_t id,
                             xf_program_application *out);
/* Writes state, conclusion, review notes, site visit and the times. */
int xf_store_program_app_update(xf_db *db, const xf_program_application *a,
                                int64_t now);
/* The items of an application: every criterion of its program in order,
 * with what was written of it (NULLs where nothing yet). */
int xf_store_program_app_items(xf_db *db, xf_arena *a, int64_t app_id,
                               int64_t program_id, xf_program_item **out,
                               int *n);
/* Writes the self-assessment and evidence of an item. */
int xf_store_program_item_assess(xf_db *db, int64_t app_id, const char *code,
                                 const char *self_assessment,
                                 const char *evidence, int64_t now);
/* Writes the committee's verdict and note of an item. */
int xf_store_program_item_verdict(xf_db *db, int64_t app_id, const char *code,
                                  const char *verdict, const char *note,
                                  int64_t now);

/* What a list of applications is limited to; 0 / NULL: any. */
typedef struct xf_program_app_filter {
	const xf_ranges *ranges; /* applications of orgs in these subtrees */
	int64_t program_id, org_id;
	const char *state;
} xf_program_app_filter;
/* Applications matching f, by organization path; paged. */
int xf_store_program_app_list(xf_db *db, xf_arena *a,
                              const xf_program_app_filter *f, int offset,
                              int limit, xf_program_application **out, int *n,
                              int64_t *total);

#endif
