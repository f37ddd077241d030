/*
 * lectures.c - the code lists of the lecture library.
 */
#include "domain/lectures.h"

const xf_code xf_lecture_kinds[] = {
    {"思政课", "思政课"},     {"微党课", "微党课"}, {"Talk秀", "Talk秀"},
    {"专题党课", "专题党课"}, {"其他", "其他"},     {NULL, NULL},
};
