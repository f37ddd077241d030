/*
 * password.c - the password rule (password.h).
 */
#include "domain/password.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define LOWER_MAX 129 /* longer passwords are not in the list */

static int cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

int xf_password_is_common(const char *pw)
{
	char low[LOWER_MAX];
	size_t n = strlen(pw);
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)pw[i]);
	return bsearch(low, xf_common_passwords, (size_t)xf_common_passwords_n,
	               sizeof xf_common_passwords[0], cmp) != NULL;
}

static int same_ignoring_case(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

int xf_password_check(const xf_password_rules *rules, const char *username,
                      const char *pw)
{
	int chars = 0, lower = 0, upper = 0, digit = 0, other = 0;
	for (const unsigned char *p = (const unsigned char *)pw; *p; p++) {
		if ((*p & 0xC0) != 0x80)
			chars++;
		if (*p >= 'a' && *p <= 'z')
			lower = 1;
		else if (*p >= 'A' && *p <= 'Z')
			upper = 1;
		else if (*p >= '0' && *p <= '9')
			digit = 1;
		else
			other = 1;
	}
	if (chars < rules->min_length)
		return XF_PW_TOO_SHORT;
	if (lower + upper + digit + other < rules->min_classes)
		return XF_PW_FEW_CLASSES;
	if (username && *username && same_ignoring_case(pw, username))
		return XF_PW_IS_USERNAME;
	if (xf_password_is_common(pw))
		return XF_PW_COMMON;
	return XF_PW_OK;
}

const char *xf_password_rule_message(int failure)
{
	switch (failure) {
	case XF_PW_TOO_SHORT:
		return "密码长度不足";
	case XF_PW_FEW_CLASSES:
		return "密码须包含大写字母、小写字母、数字、其他符号中的多类字"
		       "符";
	case XF_PW_IS_USERNAME:
		return "密码不能与用户名相同";
	case XF_PW_COMMON:
		return "密码过于常见，请换一个";
	default:
		return "";
	}
}
