/*
 * plans.h - SQL of year plans (年初部署) and their items. Return codes and
 * string ownership as in tasks.h.
 */
#ifndef XF_STORE_PLANS_H
#define XF_STORE_PLANS_H

#include "base/arena.h"
#include "model/plan.h"
#include "store/db.h"

#include <stdint.h>

int xf_store_plan_insert(xf_db *db, xf_plan *p, int64_t now);
int xf_store_plan_get(xf_db *db, xf_arena *a, int64_t id, xf_plan *out);
/* Updates title and year. */
int xf_store_plan_update(xf_db *db, const xf_plan *p, int64_t now);
/* Deletes the plan and its items (the caller checks it has no tasks). */
int xf_store_plan_delete(xf_db *db, int64_t id);
/* How many tasks carry the plan (cascaded ones included) and how many
 * of them have their year-end acceptance. */
int xf_store_plan_usage(xf_db *db, int64_t id, int64_t *tasks,
                        int64_t *accepted);
int xf_store_plan_item_insert(xf_db *db, xf_plan_item *it);
/* The items of a plan in order, each with the id of its top task. */
int xf_store_plan_items(xf_db *db, xf_arena *a, int64_t plan_id,
                        xf_plan_item **out, int *n);
/* Plans within the ranges (of org_id only when set), of a year (0: any),
 * newest first; paged. */
int xf_store_plan_list(xf_db *db, xf_arena *a, const xf_ranges *r,
                       int64_t org_id, int year, int offset, int limit,
                       xf_plan **out, int *n, int64_t *total);

#endif
