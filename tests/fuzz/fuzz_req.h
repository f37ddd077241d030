/*
 * fuzz_req.h - a request of the API's kind for the body harnesses
 * (fuzz_input_body.c, fuzz_input_arrays.c): bytes as its body, its arena
 * and answer buffer as the server sizes them. The caller owns the request
 * and gives it back with fuzz_req_free.
 */
#ifndef XF_FUZZ_REQ_H
#define XF_FUZZ_REQ_H

#include "http/server.h"

#include <stdint.h>
#include <stdlib.h>

static inline xf_req *fuzz_req_new(const uint8_t *data, size_t size)
{
	xf_req *r = calloc(1, sizeof *r);
	if (!r)
		abort();
	xf_arena_init(&r->arena, 64u << 20);
	xf_buf_init(&r->body, 1u << 20);
	xf_buf_init(&r->out, 256u << 20);
	r->method = "POST";
	r->url = "/api/fuzz";
	if (size && xf_buf_add(&r->body, data, size) != 0)
		abort();
	return r;
}

static inline void fuzz_req_free(xf_req *r)
{
	if (r->cleanup)
		r->cleanup(r->cleanup_arg);
	xf_buf_free(&r->body);
	xf_buf_free(&r->out);
	xf_arena_reset(&r->arena);
	free(r);
}

#endif
