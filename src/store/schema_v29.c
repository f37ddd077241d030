/*
 * schema_v29.c - migration 29: the 晒绩 board sums the open tasks of each
 * organization's days before today (task_open_days) from an index that
 * holds the counts, instead of looking up each day's row.
 */
#include "store/schema.h"

const char xf_schema_v29[] =
    "CREATE INDEX task_open_days_sums ON task_open_days "
    "(org_id, year, on_day, next_count, due_count);";
