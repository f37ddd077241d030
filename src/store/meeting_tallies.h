/*
 * meeting_tallies.h - the compliance board's kept tallies (schema v27,
 * v30): meetings counted per organization, month and kind, and per
 * organization, year and kind, kept by triggers on meetings in the
 * transaction of every write. Here: the board's reads of them, and
 * their checks against a recompute from the meetings and their rebuilds,
 * for `xianfeng tallies`.
 */
#ifndef XF_STORE_MEETING_TALLIES_H
#define XF_STORE_MEETING_TALLIES_H

#include "store/tallies.h"

/*
 * Calls fn for the kept rows of the orgs in [lo, hi) whose month is in
 * the months of the days [from, to] (dates "YYYY-MM-DD"; the board's
 * ranges are whole months), in org path order (all of an org's rows
 * together) and, within an org, in month order: month is "YYYY-MM",
 * on_time and late count the meetings, no_ft those without a first
 * topic. fn returns nonzero to stop. A few rows per organization: the
 * subtree's orgs in path order, each with an index range of its tally
 * (the primary key). Returns XF_DB_OK or an error.
 */
typedef int (*xf_tally_fn)(void *arg, int64_t org_id, const char *kind,
                           const char *month, int on_time, int late, int no_ft);
int xf_store_meeting_tally(xf_db *db, const char *lo, const char *hi,
                           const char *from, const char *to, xf_tally_fn fn,
                           void *arg);

/* The same for the kept tally by year (schema v30) of the orgs in
 * [lo, hi) for year: fn gets the year ("YYYY") as month, one row per org
 * and kind, in org path order. */
int xf_store_meeting_year_tally(xf_db *db, const char *lo, const char *hi,
                                int year, xf_tally_fn fn, void *arg);

/* The check (xf_tally_check_fn) of tally "compliance": every kept row
 * against the GROUP BY of the meetings, each difference reported to fn
 * (a key kept or recomputed only on one side counts as zero on the other;
 * a kept row of zeros is a difference too). In the caller's read
 * transaction. */
int xf_store_meeting_tallies_check(xf_db *db, xf_tally_diff_fn fn, void *arg,
                                   int64_t *checked, int64_t *diffs);

/* The rebuild (xf_tally_rebuild_fn): the kept rows deleted and written
 * again from the meetings, in the caller's write transaction. */
int xf_store_meeting_tallies_rebuild(xf_db *db);

/* The check and the rebuild of tally "compliance_years", the kept tally
 * by year (meeting_year_tallies), alike. */
int xf_store_meeting_year_tallies_check(xf_db *db, xf_tally_diff_fn fn,
                                        void *arg, int64_t *checked,
                                        int64_t *diffs);
int xf_store_meeting_year_tallies_rebuild(xf_db *db);

#endif
