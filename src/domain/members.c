/*
 * members.c - the statuses and genders of party members (members.h).
 */
#include "domain/members.h"

const xf_code xf_member_statuses[] = {
    {"full", "正式党员"},
    {"probationary", "预备党员"},
    {NULL, NULL},
};

const xf_code xf_genders[] = {
    {"male", "男"},
    {"female", "女"},
    {NULL, NULL},
};
