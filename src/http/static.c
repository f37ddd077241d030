/*
 * static.c - serving the web UI: embedded assets with ETags, long cache
 * headers for hashed files and gzip variants; or files from a folder.
 */
#include "http/static.h"

#include "http/headers.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *root;

void xf_static_set_root(const char *dir)
{
	root = dir;
}

static const char *type_of(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
	    {".html", "text/html; charset=utf-8"},
	    {".js", "text/javascript; charset=utf-8"},
	    {".mjs", "text/javascript; charset=utf-8"},
	    {".css", "text/css; charset=utf-8"},
	    {".json", "application/json; charset=utf-8"},
	    {".svg", "image/svg+xml"},
	    {".png", "image/png"},
	    {".jpg", "image/jpeg"},
	    {".ico", "image/x-icon"},
	    {".woff2", "font/woff2"},
	    {".woff", "font/woff"},
	    {".ttf", "font/ttf"},
	    {".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(path, '.');
	if (dot)
		for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
			if (strcmp(dot, types[i].ext) == 0)
				return types[i].type;
	return "application/octet-stream";
}

/* Only plain relative names: letters, digits, '-', '_', '.', '/', no "..". */
static int safe_path(const char *p)
{
	if (p[0] != '/' || strstr(p, "..") || strstr(p, "//"))
		return 0;
	return strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                 "0123456789-_./") == strlen(p) &&
	       strlen(p) < 512;
}

static const xf_asset *find(const char *path)
{
	for (size_t i = 0; i < xf_web_nassets; i++)
		if (strcmp(xf_web_assets[i].path, path) == 0)
			return &xf_web_assets[i];
	return NULL;
}

static int accepts_gzip(xf_req *r)
{
	return xf_accepts_gzip(xf_req_header(r, "Accept-Encoding"));
}

static int serve_embedded(xf_req *r, const char *path)
{
	const xf_asset *a = safe_path(path) ? find(path) : NULL;
	int fallback = !a;
	if (!a)
		a = find("/index.html");
	if (!a)
		return -1;
	/* A missing hashed asset is a real 404, not the UI's index. */
	if (fallback && strncmp(path, "/assets/", 8) == 0)
		return -1;
	xf_reply_header(r, "ETag", a->etag);
	xf_reply_header(r, "Cache-Control",
	                a->immutable ? "public, max-age=31536000, immutable"
	                             : "no-cache");
	xf_reply_header(r, "Vary", "Accept-Encoding");
	r->content_type = a->type;
	if (xf_etag_matches(xf_req_header(r, "If-None-Match"), a->etag)) {
		r->status = 304;
		r->static_body = "";
		r->static_len = 0;
		return 0;
	}
	if (a->gz && accepts_gzip(r)) {
		xf_reply_header(r, "Content-Encoding", "gzip");
		r->static_body = a->gz;
		r->static_len = a->gz_len;
	} else {
		r->static_body = a->data;
		r->static_len = a->len;
	}
	r->status = 200;
	return 0;
}

/* Reads root + path into the out buffer; -1 if it is not a regular file. */
static int read_file(xf_req *r, const char *path)
{
	char full[1024];
	if (snprintf(full, sizeof full, "%s%s", root, path) >= (int)sizeof full)
		return -1;
	int fd = open(full, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > (64 << 20)) {
		close(fd);
		return -1;
	}
	char buf[65536];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		xf_buf_add(&r->out, buf, (size_t)n);
	close(fd);
	return n < 0 || r->out.failed ? -1 : 0;
}

static int serve_folder(xf_req *r, const char *path)
{
	const char *p = path;
	if (strcmp(p, "/") == 0 || !safe_path(p) || read_file(r, p) != 0) {
		if (strncmp(path, "/assets/", 8) == 0)
			return -1;
		xf_buf_clear(&r->out);
		p = "/index.html";
		if (read_file(r, p) != 0)
			return -1;
	}
	r->content_type = type_of(p);
	xf_reply_header(r, "Cache-Control", "no-cache");
	r->status = 200;
	return 0;
}

int xf_static_serve(xf_req *r)
{
	const char *path = r->url;
	if (strcmp(path, "/") == 0)
		path = "/index.html";
	if (root)
		return serve_folder(r, path);
	return serve_embedded(r, path);
}
