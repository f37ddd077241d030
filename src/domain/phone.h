/*
 * phone.h - mainland China telephone numbers: mobile (1[3-9] and 9 digits)
 * and landline (0, a 2-3 digit area code, an optional '-', 7-8 digits).
 *
 * Pure functions: no allocation, no I/O; output buffers are the caller's.
 */
#ifndef XF_PHONE_H
#define XF_PHONE_H

/* Returns 1 if s matches ^1[3-9][0-9]{9}$ or ^0[0-9]{2,3}-?[0-9]{7,8}$. */
int xf_phone_valid(const char *s);

/* Returns 1 if s is a valid mobile number (the first form above). */
int xf_phone_is_mobile(const char *s);

/* Writes a masked copy and a NUL: a mobile keeps its first 3 and last 4
 * digits ("138****5678"); a landline keeps its area code and last 4 digits
 * ("0571-****1234", "0571****1234"; without '-' the area code is 010 and
 * 02x, else 4 digits). Anything else keeps at most its last 4 characters
 * (none when it has 4 or fewer), is cut to 31 characters, and copies only
 * ASCII digits and letters. NULL s gives "". */
void xf_phone_mask(const char *s, char out[32]);

#endif
