/*
 * dues.h - the rules of 党费 (party dues): the categories of member with
 * their rates, the monthly amount from a monthly after-tax income (all in
 * fen, integers, never floating point), and the months a member owes.
 *
 * Rates (组织部 rules on 党费收缴):
 *   在职 employed: income ≤ 3000 元 0.5%, ≤ 5000 元 1%, ≤ 10000 元 1.5%,
 *                 above 2%;
 *   离退休 retired: ≤ 5000 元 0.5%, above 1%;
 *   学生 student, 失业/低收入 low_income: 0.20 元 a month whatever the income.
 * The amount is income × rate rounded half up to the fen: 3000.00 元 at
 * 0.5% is 15.00 元; 3000.01 元 at 1% is 30.0001 元, so 30.00 元.
 *
 * A member owes dues from the month after the month of admission (入党,
 * joined_on; for 预备党员 the same day starts the probation), each month
 * up to now; a member who has left the party is no longer on the roster
 * and owes nothing.
 *
 * Pure functions over plain values: no allocation, no I/O.
 */
#ifndef XF_DOMAIN_DUES_H
#define XF_DOMAIN_DUES_H

#include "domain/codes.h"

#include <stdint.h>

/* employed 在职, retired 离退休, student 学生, low_income 失业/低收入 */
extern const xf_code xf_dues_categories[];
#define XF_DUES_DEFAULT_CATEGORY "employed"

/* The flat monthly amount of students and low-income members: 0.20 元. */
#define XF_DUES_FLAT_FEN 20
/* The largest monthly income accepted: 10,000,000.00 元 (no overflow in
 * income × rate). */
#define XF_DUES_INCOME_MAX 1000000000LL

/* The rate of category at income_fen in basis points (1/100 of a percent:
 * 50 = 0.5%); 0 for the flat categories; -1 for an unknown category or an
 * income out of [0, XF_DUES_INCOME_MAX]. */
int xf_dues_rate_bp(const char *category, int64_t income_fen);
/* The monthly dues in fen of category at income_fen (see above); -1 as
 * xf_dues_rate_bp. */
int64_t xf_dues_monthly_fen(const char *category, int64_t income_fen);

/* A month "YYYY-MM" (year 1900 to 2200, month 01 to 12) into *year and
 * *month; 0, or -1 when s is not one. */
int xf_dues_month_parse(const char *s, int *year, int *month);
/* Writes "YYYY-MM" into out. */
void xf_dues_month_format(int year, int month, char out[8]);

/* 1 if a member admitted on joined (YYYY-MM-DD) owes dues for month of
 * year: the month is after the month of admission. 0 otherwise, and 0
 * when joined is not a date. */
int xf_dues_month_owed(const char *joined, int year, int month);
/* The months of year owed up to (and including) the month of today
 * (YYYY-MM-DD), as a mask: bit m (1 << m) for month m, 1 to 12. */
int xf_dues_owed_mask(const char *joined, int year, const char *today);
/* The number of months in mask (bits 1 to 12). */
int xf_dues_months_in(int mask);

#endif
