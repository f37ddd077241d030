/*
 * lectures.h - the code lists of the lecture library (党课库).
 */
#ifndef XF_DOMAIN_LECTURES_H
#define XF_DOMAIN_LECTURES_H

#include "domain/codes.h"

/* Kinds of lecture: 思政课, 微党课, Talk秀, 专题党课, 其他. */
extern const xf_code xf_lecture_kinds[];

#endif
