/*
 * schema_v29.c - migration 29: indexes for uncached boards.
 * - task_open_days_sums: the 晒绩 board sums the open tasks of each
 *   organization's days before today from an index that holds the
 *   counts, instead of looking up each day's row.
 * - members_left: the members who left the platform (few), so that the
 *   先锋榜 drops them by a lookup in a small index; without it
 *   PostgreSQL scans all members for each board.
 */
#include "store/schema.h"

const char xf_schema_v29[] =
    "CREATE INDEX task_open_days_sums ON task_open_days "
    "(org_id, year, on_day, next_count, due_count);"
    "CREATE INDEX members_left ON members (id) WHERE left_on IS NOT NULL;";
