/*
 * names.h - the name rule for people (members, accounts' display names):
 * what a person's name may hold, so that a roster never carries text
 * such as a spreadsheet formula as someone's name. Pure; no I/O.
 */
#ifndef XF_DOMAIN_NAMES_H
#define XF_DOMAIN_NAMES_H

/* Longest name, in characters. */
#define XF_PERSON_NAME_MAX 50

/* The message of a refused name (Chinese, for the error answer). */
#define XF_PERSON_NAME_RULE "姓名只能包含汉字、字母和间隔号“·”，不超过50个字"

/*
 * 1 if s (NUL-terminated UTF-8) is a person's name: 1 to 50 characters,
 * each a Han character (CJK Unified Ideographs, extensions A to H and the
 * compatibility ideographs), an ASCII letter, or a middle dot between two
 * parts of the name (· U+00B7, and the look-alikes people type for it:
 * ・ U+30FB, ‧ U+2027, • U+2022); a space only between two Latin letters.
 * Digits, punctuation, symbols, leading or doubled dots are refused. NULL
 * is refused.
 */
int xf_person_name_ok(const char *s);

#endif
