/*
 * point_rules.h - SQL of the rulebook of points and the yearly settings.
 *
 * Return codes and string ownership as in orgs.h: XF_DB_OK, XF_DB_ROW
 * (found), XF_DB_DONE (not found) or a negative XF_DB_* error; strings are
 * copied into the arena passed in.
 */
#ifndef XF_STORE_POINT_RULES_H
#define XF_STORE_POINT_RULES_H

#include "base/arena.h"
#include "model/point.h"
#include "store/db.h"

#include <stdint.h>

int xf_store_point_rule_insert(xf_db *db, xf_point_rule *r, int64_t now);
/* Inserts v (rule_id, version set by the caller); sets v->id. */
int xf_store_point_version_insert(xf_db *db, xf_point_version *v, int64_t now);
int xf_store_point_version_close(xf_db *db, int64_t version_id,
                                 const char *valid_to);
/* The rule with its versions (the latest 256), oldest first; shown =
 * the latest. */
int xf_store_point_rule_get(xf_db *db, xf_arena *a, int64_t id,
                            xf_point_rule *out);
/* Rules of a kind with the version in force on date (one per rule),
 * optionally of one category; at most max. */
int xf_store_point_rules_on(xf_db *db, xf_arena *a, const char *kind,
                            const char *date, const char *category, int max,
                            xf_point_rule **out, int *n);

/* Rules of a kind ("member", "org") whose version in force on date scores
 * records of record_kind by itself, with that version; at most max. */
int xf_store_point_record_rules_on(xf_db *db, xf_arena *a, const char *kind,
                                   const char *record_kind, const char *date,
                                   int max, xf_point_rule **out, int *n);

/* Base score and floor of a year (0, 0 when never set). */
int xf_store_point_settings_get(xf_db *db, const char *kind, int year,
                                int64_t *base, int64_t *floor);
int xf_store_point_settings_put(xf_db *db, const char *kind, int year,
                                int64_t base, int64_t floor, int64_t now);

#endif
