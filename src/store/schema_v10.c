/*
 * schema_v10.c - migration 10: one-time judge codes of review sessions.
 * A judge invited by code (an outside judge) has a user of its own with
 * the judge role and no password; the code, shown as a QR code, opens a
 * session for it once (used_at).
 */
#include "store/schema.h"

const char xf_schema_v10[] =
    "ALTER TABLE review_judges ADD COLUMN code TEXT;"
    "ALTER TABLE review_judges ADD COLUMN used_at BIGINT;"
    "CREATE UNIQUE INDEX review_judges_code ON review_judges(code);";
