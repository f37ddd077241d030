/*
 * page.h - the list answers of the API: {"items":[...],"total":N[, ...]}.
 *
 * xf_page_begin() starts the answer in r->out up to the opening of the
 * items array; the handler writes each item in its JSON form (model/);
 * xf_page_end() closes the array, writes the total and
 * answers 200. Handlers that add members after the total close the items
 * with xf_page_items_end() and end the object themselves.
 */
#ifndef XF_API_PAGE_H
#define XF_API_PAGE_H

#include "base/jw.h"
#include "http/server.h"

#include <stdint.h>

void xf_page_begin(xf_req *r, xf_jw *w);
void xf_page_items_end(xf_jw *w, int64_t total);
void xf_page_end(xf_req *r, xf_jw *w, int64_t total);

#endif
