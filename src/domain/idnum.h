/*
 * idnum.h - the resident identity card number of the People's Republic of
 * China (GB 11643-1999): 6-digit region code, birth date YYYYMMDD, 3-digit
 * sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 *
 * Pure functions: no allocation, no I/O. Output buffers are the caller's
 * and are always NUL-terminated within their stated size.
 */
#ifndef XF_IDNUM_H
#define XF_IDNUM_H

#include "base/date.h"

enum {
	XF_IDNUM_OK = 0,
	XF_IDNUM_LENGTH, /* not 18 characters */
	XF_IDNUM_CHARS,  /* not 17 digits and a digit or upper-case 'X' */
	XF_IDNUM_REGION, /* first two digits are no province code */
	XF_IDNUM_BIRTH,  /* digits 7-14 are no calendar date from 1900 on */
	XF_IDNUM_CHECK   /* check character does not match */
};

/* Checks an ID number, in the order of the codes above, and returns the
 * first failure or XF_IDNUM_OK. On success stores the birth date in *birth
 * and 1 (man) or 0 (woman) in *male; either may be NULL. Whether the birth
 * date lies in the past is the caller's check. */
int xf_idnum_check(const char *s, xf_date *birth, int *male);

/* A Chinese message for a code from xf_idnum_check(); static storage. */
const char *xf_idnum_error_text(int code);

/* Builds a valid number from a 6-digit region code, a birth date (written
 * as YYYYMMDD; the year must have 4 digits) and a sequence 0..999 (taken
 * modulo 1000), for demo data. */
void xf_idnum_make(const char region6[7], xf_date birth, int seq3,
                   char out[19]);

/* The check character ('0'..'9' or 'X') for the first 17 digits of s. */
char xf_idnum_check_char(const char *s17);

#endif
