/*
 * schema_v19.c - migration 19: 党费 (party dues).
 * - dues_bases: a member's monthly after-tax income of a year as the
 *   secretary set it, the category (在职, 离退休, …) and the monthly
 *   amount the rules gave (domain/dues.h), fixed when set; one per
 *   member and year.
 * - dues_payments: one row per member and month paid ("YYYY-MM" kept as
 *   year and month), with the amount, the day, who recorded it and, for
 *   a payment on the member's behalf (代缴), the payer's name.
 * Amounts are integers in fen.
 */
#include "store/schema.h"

const char xf_schema_v19[] =
    "CREATE TABLE dues_bases ("
    " member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    " year INTEGER NOT NULL,"
    " category TEXT NOT NULL,"
    " income_fen BIGINT NOT NULL,"
    " monthly_fen BIGINT NOT NULL,"
    " set_by BIGINT,"
    " set_at BIGINT NOT NULL,"
    " PRIMARY KEY (member_id, year));"
    "CREATE TABLE dues_payments ("
    " id {ID},"
    " member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
    " year INTEGER NOT NULL,"
    " month INTEGER NOT NULL,"
    " amount_fen BIGINT NOT NULL,"
    " paid_on TEXT NOT NULL,"
    " payer TEXT,"
    " recorded_by BIGINT,"
    " created_at BIGINT NOT NULL,"
    " UNIQUE (member_id, year, month));";
