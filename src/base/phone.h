/*
 * phone.h - the shapes of mainland China telephone numbers: mobile
 * (1[3-9] and 9 digits) and landline (0, a 2-3 digit area code, an
 * optional '-', 7-8 digits). Masking them is model/pii.h's.
 *
 * Pure functions over the text: no allocation, no I/O.
 */
#ifndef XF_PHONE_H
#define XF_PHONE_H

#include <stddef.h>

/* Returns 1 if s matches ^1[3-9][0-9]{9}$ or ^0[0-9]{2,3}-?[0-9]{7,8}$. */
int xf_phone_valid(const char *s);

/* Returns 1 if s is a valid mobile number (the first form above). */
int xf_phone_is_mobile(const char *s);

/* The length of the area code (with its leading 0) of a valid landline
 * number: 3 or 4; 0 if s is not one (NULL included). */
size_t xf_phone_area_len(const char *s);

#endif
