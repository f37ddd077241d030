/*
 * points_recount.h - the kept point totals recounted from the ledger: the
 * recount behind `points verify`, which compares them with the kept ones.
 *
 * One pass over the ledger in member order checks the member totals and
 * tallies the org side on the way (an xf_org_tally per worker); the
 * entries without a member are added to a tally by one more scan; the
 * merged tally is then compared with every kept org total. Ranges of
 * member ids may be checked on several connections at once, provided they
 * all read one snapshot (xf_db_snapshot_join): the org side adds up
 * across them.
 *
 * The rebuild writes the same recount into the kept totals instead: the
 * member rows range by range as they are folded, the org rows from the
 * tally at the end.
 */
#ifndef XF_STORE_POINTS_RECOUNT_H
#define XF_STORE_POINTS_RECOUNT_H

#include "store/db.h"

/* Called with one line of text per difference found. */
typedef void (*xf_verify_report)(void *arg, const char *line);

/* Org totals recounted so far, by (org, year). Owned by its creator;
 * xf_org_tally_free releases it. */
typedef struct xf_org_tally xf_org_tally;
xf_org_tally *xf_org_tally_new(void); /* NULL when out of memory */
void xf_org_tally_free(xf_org_tally *t);
/* Adds everything in from to into: XF_DB_OK, or XF_DB_ERROR when out of
 * memory. from is left as it was. */
int xf_org_tally_merge(xf_org_tally *into, const xf_org_tally *from);

/*
 * Recomputes the kept totals of member ids in [lo, hi) from the ledger and
 * compares them, reporting each difference; adds the org side of the
 * same entries to orgs. Sets *checked to the number of totals compared
 * and *diffs to the number of differences. Inside a read transaction.
 */
int xf_store_point_verify_members(xf_db *db, int64_t lo, int64_t hi,
                                  xf_org_tally *orgs, xf_verify_report report,
                                  void *arg, int64_t *checked, int64_t *diffs);
/* Adds the ledger's entries without a member (org points) to orgs. */
int xf_store_point_verify_org_entries(xf_db *db, xf_org_tally *orgs);
/* Compares every kept org total with orgs, which holds the whole ledger
 * by then, reporting each difference as above. */
int xf_store_point_verify_orgs(xf_db *db, const xf_org_tally *orgs,
                               xf_verify_report report, void *arg,
                               int64_t *checked, int64_t *diffs);
/* The smallest and largest member id in the ledger, 0 if none: where to
 * split the ranges. */
int xf_store_point_verify_keys(xf_db *db, int64_t *lo, int64_t *hi);

/*
 * Replaces every kept total (member and org) by the recount of the
 * ledger: the bulk path, which writes ledger rows without touching the
 * totals, calls it after its load. Reads the ledger's member ranges one
 * after the other on db and writes through the bulk loader, the totals'
 * secondary indexes dropped meanwhile and built again at the end. Inside
 * the caller's write transaction; XF_DB_OK or an error (then roll back).
 */
int xf_store_point_totals_rebuild(xf_db *db);

#endif
