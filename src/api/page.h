/*
 * page.h - the JSON answers of the API: one value in its JSON form, and
 * lists, {"items":[...],"total":N[, ...]}.
 *
 * XF_ANSWER() answers one value written by its model writer.
 * xf_page_begin() starts a list answer in r->out up to the opening of the
 * items array; the handler writes each item in its JSON form (model/);
 * xf_page_end() closes the array, writes the total and
 * answers 200. Handlers that add members after the total close the items
 * with xf_page_items_end() and end the object themselves. XF_PAGE_ANSWER()
 * is the whole of a list answer whose items are written by one writer.
 */
#ifndef XF_API_PAGE_H
#define XF_API_PAGE_H

#include "base/jw.h"
#include "http/server.h"

#include <stdint.h>

void xf_page_begin(xf_req *r, xf_jw *w);
void xf_page_items_end(xf_jw *w, int64_t total);
void xf_page_end(xf_req *r, xf_jw *w, int64_t total);

/* Answers status with one value: write(w, ...), a model writer such as
 * xf_org_json, with the arguments after w. */
#define XF_ANSWER(r, status, write, ...)                                       \
	do {                                                                   \
		xf_jw w_;                                                      \
		xf_jw_init(&w_, &(r)->out);                                    \
		write(&w_, __VA_ARGS__);                                       \
		xf_reply_json(r, status);                                      \
	} while (0)

/* Answers 200 with the list of items[0..n), each written by write(w,
 * &items[i]), and total. */
#define XF_PAGE_ANSWER(r, write, items, n, total)                              \
	do {                                                                   \
		xf_jw w_;                                                      \
		xf_page_begin(r, &w_);                                         \
		for (int i_ = 0; i_ < (n); i_++)                               \
			write(&w_, &(items)[i_]);                              \
		xf_page_end(r, &w_, total);                                    \
	} while (0)

#endif
