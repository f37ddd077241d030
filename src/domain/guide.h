/*
 * guide.h (domain) - the rules of the practice guide's search query: a
 * query is cut into terms on spaces (ASCII space, tab, and the full-width
 * space U+3000 that Chinese input methods type), every term must be found.
 */
#ifndef XF_DOMAIN_GUIDE_H
#define XF_DOMAIN_GUIDE_H

/* Cuts q in place into its terms: terms[0..n) point into q. Returns n
 * (0: only spaces), or -1 when q holds more than max terms. */
int xf_guide_terms(char *q, const char **terms, int max);

#endif
