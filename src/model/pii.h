/*
 * pii.h - personal data (ID numbers, phones, birth dates) as a caller
 * sees it: the one place where values are masked. Whether the caller may
 * see a member's data unmasked is decided from its roles by the service
 * (xf_member_full_pii in service/members.h); the JSON writers pass that
 * decision here and never mask on their own.
 *
 * Layer-neutral: includes only base/. No allocation: masked copies go to
 * buffers of the caller's.
 */
#ifndef XF_MODEL_PII_H
#define XF_MODEL_PII_H

typedef enum {
	XF_PII_ID_NUMBER, /* masked: first 4 and last 4 kept */
	XF_PII_PHONE, /* masked: the head (mobile 3, area code) and last 4 */
	XF_PII_BIRTH_DATE /* masked: not shown at all (NULL) */
} xf_pii_kind;

/* Room for any masked value and its NUL. */
#define XF_PII_MAX 32

/*
 * The value as a caller sees it: value itself when may_see, else its
 * masked form, written to out (or NULL, for a birth date). NULL stays
 * NULL. The result is value, out or NULL; it lives as long as they do.
 */
const char *xf_pii_shown(xf_pii_kind kind, const char *value, int may_see,
                         char out[XF_PII_MAX]);

/* The masks behind xf_pii_shown, for tests and fuzzing; call
 * xf_pii_shown instead. */

/* Writes a masked copy for people who may not see the full number: first 4
 * and last 4 characters kept, the 10 between as '*' ("3302**********1234").
 * Input of another length keeps at most its last 4 characters (none when it
 * has 4 or fewer) and is cut to 18 characters. Only ASCII letters and digits
 * are ever copied; anything else becomes '*'. NULL s gives "". */
void xf_idnum_mask(const char *s, char out[19]);

/* Writes a masked copy and a NUL: a mobile keeps its first 3 and last 4
 * digits ("138****5678"); a landline keeps its area code and last 4 digits
 * ("0571-****1234", "0571****1234"; without '-' the area code is 010 and
 * 02x, else 4 digits). Anything else keeps at most its last 4 characters
 * (none when it has 4 or fewer), is cut to 31 characters, and copies only
 * ASCII digits and letters. NULL s gives "". */
void xf_phone_mask(const char *s, char out[32]);

#endif
