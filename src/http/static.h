/*
 * static.h - the web UI's files: embedded into the binary at build time
 * (build/gen/web_assets.c, made by scripts/embed-web.mjs from web/dist), or
 * read from a folder with `serve --web-root DIR` for development.
 * Unknown paths fall back to index.html (the UI routes in the browser).
 */
#ifndef XF_HTTP_STATIC_H
#define XF_HTTP_STATIC_H

#include "http/server.h"

#include <stddef.h>

typedef struct xf_asset {
	const char *path; /* "/index.html", "/assets/app-1a2b.js" */
	const unsigned char *data;
	size_t len;
	const unsigned char *gz; /* gzip variant or NULL */
	size_t gz_len;
	const char *type;
	const char *etag; /* quoted */
	int immutable;    /* hashed file name: cache for a year */
} xf_asset;

extern const xf_asset xf_web_assets[];
extern const size_t xf_web_nassets;

/* Sets the folder to serve from instead of the embedded files (or NULL). */
void xf_static_set_root(const char *dir);
/* The server's fallback: answers GET/HEAD outside /api/. 0 if answered. */
int xf_static_serve(xf_req *r);

#endif
