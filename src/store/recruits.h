/*
 * recruits.h - SQL of 发展党员 (schema v18): recruits (people in the
 * procedure) with their stage and what is due next kept on the row, and
 * their recorded steps. A recruit row carries its organization's path,
 * so a subtree is one range scan. Return codes and string ownership as
 * in plans.h: XF_DB_OK, XF_DB_ROW (found), XF_DB_DONE (not found) or a
 * negative XF_DB_* error; strings are copied into the arena passed in.
 */
#ifndef XF_STORE_RECRUITS_H
#define XF_STORE_RECRUITS_H

#include "base/arena.h"
#include "model/recruit.h"
#include "store/db.h"

#include <stdint.h>

/* Inserts r (organization, person, stage and due fields, created_by);
 * sets r->id. An ID number already in the procedure: XF_DB_UNIQUE. */
int xf_store_recruit_insert(xf_db *db, xf_recruit *r, int64_t now);
/* A recruit with its organization's name. */
int xf_store_recruit_get(xf_db *db, xf_arena *a, int64_t id, xf_recruit *out);
/* Writes r's stage, next_step, due_step, due_on, due_deadline and
 * member_id. */
int xf_store_recruit_update_state(xf_db *db, const xf_recruit *r, int64_t now);
/* Recruits within r at stage ("" any); due_only: those with a step still
 * to record, the earliest due first (undated last), else the latest
 * first; paged. */
int xf_store_recruit_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                          const char *stage, int due_only, int offset,
                          int limit, xf_recruit **out, int *n, int64_t *total);

/* Most steps one recruit may have recorded. */
#define XF_RECRUIT_STEPS_MAX 200
/* The steps recorded for recruit_id, by date then entry; at most
 * XF_RECRUIT_STEPS_MAX. */
int xf_store_recruit_steps(xf_db *db, xf_arena *a, int64_t recruit_id,
                           xf_recruit_entry **out, int *n);
/* Inserts e; sets e->id. */
int xf_store_recruit_step_insert(xf_db *db, xf_recruit_entry *e, int64_t now);

#endif
