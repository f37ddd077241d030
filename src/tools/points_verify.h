/*
 * points_verify.h - `points verify`: every kept point total recomputed
 * from the ledger and compared with the kept one (points_verify.c).
 */
#ifndef XF_TOOLS_POINTS_VERIFY_H
#define XF_TOOLS_POINTS_VERIFY_H

#include "service/ctx.h"

#include <stdint.h>

/*
 * Recomputes the totals from the ledger (the command line): ranges of
 * member ids are checked at once, one connection per core (from
 * xf_svc_db(); on c->db alone when that is the only one), all in one
 * snapshot that c->db holds while they join (on SQLite, writers wait
 * for those milliseconds); the org totals are compared with what the
 * member pass tallied. report gets the differences in id order, at most
 * XF_VERIFY_LINES per range (the rest are counted in *diffs only).
 */
#define XF_VERIFY_LINES 1000
int xf_points_verify(xf_ctx *c, void (*report)(void *arg, const char *line),
                     void *arg, int64_t *checked, int64_t *diffs);

#endif
