/*
 * password.h - the password rule (等保 2.0): a minimum length, a minimum
 * number of character classes (lower case, upper case, digits, others),
 * not the username, not one of the common passwords shipped with the
 * project (data/common-passwords.txt, compared in lower case).
 * Pure: no I/O, nothing allocated.
 */
#ifndef XF_DOMAIN_PASSWORD_H
#define XF_DOMAIN_PASSWORD_H

typedef struct xf_password_rules {
	int min_length;  /* in characters (UTF-8 code points); default 10 */
	int min_classes; /* of the four classes; default 3 */
} xf_password_rules;

/* The rule's failures, in the order they are checked. */
enum {
	XF_PW_OK = 0,
	XF_PW_TOO_SHORT,
	XF_PW_FEW_CLASSES,
	XF_PW_IS_USERNAME,
	XF_PW_COMMON,
};

/* Checks pw against rules (username may be NULL). Returns XF_PW_OK or the
 * first rule it breaks. */
int xf_password_check(const xf_password_rules *rules, const char *username,
                      const char *pw);
/* The Chinese message naming a broken rule (static text; the numbers of
 * the rule are the caller's to add). */
const char *xf_password_rule_message(int failure);
/* 1 if pw, in lower case, is in the list of common passwords. */
int xf_password_is_common(const char *pw);

/* The list (common_passwords.c, generated): sorted, lower case. */
extern const char *const xf_common_passwords[];
extern const int xf_common_passwords_n;

#endif
