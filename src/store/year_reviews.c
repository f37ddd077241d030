/*
 * year_reviews.c - the column tables and steps of the yearly reviews'
 * tables (store/year_reviews.h), written once for brands and joint
 * projects, whose files keep their own SQL.
 */
#include "store/year_reviews.h"

static const xf_db_col review_cols[] = {
    XF_COL(I64, xf_year_review, subject_id),
    XF_COL(INT, xf_year_review, year),
    XF_COL(STR, xf_year_review, grade),
    XF_COL(OPT, xf_year_review, notes),
    XF_COL(ID, xf_year_review, reviewed_by),
    XF_COL(I64, xf_year_review, reviewed_at),
    XF_COL(OPT, xf_year_review, reviewer_name),
};

/* The upsert binds the first six columns: all but the reviewer's name.
 * reviewed_by is an optional reference, bound as SQL NULL for 0 and read
 * as an integer (the SELECT gives 0 for none). */
#define NPUT 6

int xf_store_year_review_put(xf_db *db, const char *sql,
                             const xf_year_review *v)
{
	return xf_db_run_cols(xf_db_stmt(db, sql), 1, review_cols, NPUT, v);
}

XF_DB_READER(read_review, review_cols);

int xf_store_year_reviews(xf_db *db, xf_arena *a, const char *sql, int64_t id,
                          xf_year_review **out, int *n)
{
	return xf_db_rows(XF_DB_BOUND(db, sql, XF_INT(id)), a, 100,
	                  sizeof **out, read_review, out, n);
}
