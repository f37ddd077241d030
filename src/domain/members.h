/*
 * members.h - the code lists of a party member's record: the status
 * (正式/预备) and the gender, with their Chinese labels (codes.h).
 */
#ifndef XF_DOMAIN_MEMBERS_H
#define XF_DOMAIN_MEMBERS_H

#include "domain/codes.h"

/* full 正式党员, probationary 预备党员. */
extern const xf_code xf_member_statuses[];
/* male 男, female 女. */
extern const xf_code xf_genders[];

#endif
