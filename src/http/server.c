/*
 * server.c - libmicrohttpd glue: request contexts, body limits, the route
 * index and its lookup, role checks, the validator's turn, error answers
 * and the request log line (written by reqlog.c's background thread).
 */
#include "http/server.h"

#include "base/changes.h"
#include "base/jw.h"
#include "http/cache.h"
#include "http/headers.h"
#include "http/reqlog.h"
#include "http/sse.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct hdr {
	const char *name, *value;
	struct hdr *next;
} hdr;

typedef struct server {
	struct MHD_Daemon *d;
	xf_http_config cfg;
	xf_route_index *index; /* cfg.routes, sorted for lookup */
	_Atomic int in_flight; /* requests begun and not yet completed */
	/* bumped after every request that may write, except those whose
	 * every commit named the organizations it changed: sessions resolved
	 * before it are stale (the answer cache is emptied with it) */
	_Atomic uint64_t writes;
	int log_thread; /* this server started the request log's writer */
} server;

static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind,
                               const char *key, const char *value)
{
	(void)kind;
	xf_buf *b = cls;
	xf_cache_key_add(b, key);
	if (value) {
		xf_buf_addc(b, '=');
		xf_cache_key_add(b, value);
	}
	xf_buf_addc(b, '&');
	return MHD_YES;
}

/* The cache key of a GET: credential, URL, query and Shanghai day, each
 * part escaped (headers.c) so that no two requests share a key unless all
 * their parts are equal; NULL when the request has no credential or the
 * key would be too long. The credential is the one the authenticator
 * reads (xf_req_credential), so a cached answer is only ever given to
 * the credential it was made for. */
static char *cache_key(xf_req *r)
{
	int via_cookie;
	const char *cred = xf_req_credential(r, &via_cookie);
	if (!cred)
		return NULL;
	xf_buf b;
	xf_buf_init(&b, 4096);
	xf_cache_key_add(&b, cred);
	xf_buf_addc(&b, '\n');
	xf_cache_key_add(&b, r->url);
	xf_buf_addc(&b, '?');
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, &b);
	xf_buf_addc(&b, '\n');
	xf_buf_addi(&b, (r->now + 8 * 3600) / 86400);
	char *key =
	    b.failed ? NULL : xf_arena_strndup(&r->arena, b.data, b.len);
	xf_buf_free(&b);
	return key;
}

int64_t xf_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

const char *xf_req_query(xf_req *r, const char *key)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, key);
}

const char *xf_req_header(xf_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *xf_req_cookie(xf_req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *xf_req_credential(xf_req *r, int *via_cookie)
{
	return xf_credential_pick(xf_req_header(r, "Authorization"),
	                          xf_req_cookie(r, "xf_session"), via_cookie);
}

void xf_reply_json(xf_req *r, int status)
{
	r->status = status;
	r->content_type = "application/json; charset=utf-8";
}

void xf_reply_error(xf_req *r, int status, const char *code,
                    const char *message, const char *field)
{
	xf_buf_clear(&r->out);
	r->static_body = NULL;
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	xf_jw_key(&w, "error");
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "code", code);
	xf_jw_kstr(&w, "message", message);
	if (field)
		xf_jw_kstr(&w, "field", field);
	xf_jw_obj_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

int xf_reply_bytes(xf_req *r, int status, const char *type, const void *data,
                   size_t len)
{
	xf_buf_clear(&r->out);
	r->static_body = NULL;
	const char *t = xf_arena_strdup(&r->arena, type);
	if (!t || xf_buf_add(&r->out, data, len) != 0) {
		xf_reply_error(r, 500, "internal", "服务器内部错误", NULL);
		return -1;
	}
	r->status = status;
	r->content_type = t;
	return 0;
}

void xf_reply_header(xf_req *r, const char *name, const char *value)
{
	hdr *h = xf_arena_alloc(&r->arena, sizeof *h);
	if (!h)
		return;
	h->name = xf_arena_strdup(&r->arena, name);
	h->value = xf_arena_strdup(&r->arena, value);
	if (!h->name || !h->value)
		return;
	h->next = r->extra_headers;
	r->extra_headers = h;
}

/*
 * Matches url against a pattern, capturing {x} segments into r->param.
 * Captured values are copied into the arena. Returns 1 on a match.
 */
int xf_http_match(xf_req *r, const char *pat, const char *url)
{
	int n = 0;
	const char *caps[XF_MAX_PARAMS];
	size_t lens[XF_MAX_PARAMS];
	while (*pat && *url) {
		if (*pat == '{') {
			const char *end = strchr(pat, '}');
			if (!end || n == XF_MAX_PARAMS)
				return 0;
			size_t len = strcspn(url, "/");
			if (len == 0)
				return 0;
			caps[n] = url;
			lens[n++] = len;
			url += len;
			pat = end + 1;
			continue;
		}
		if (*pat != *url)
			return 0;
		pat++;
		url++;
	}
	if (*pat || *url)
		return 0;
	for (int i = 0; i < n; i++) {
		r->param[i] = xf_arena_strndup(&r->arena, caps[i], lens[i]);
		if (!r->param[i])
			return 0;
	}
	r->nparam = n;
	return 1;
}

/* ---- the route index ---------------------------------------------------- */

/* One segment of a pattern: a literal, or a {x} (param). */
typedef struct segment {
	const char *s;
	size_t len;
	int param;
} segment;

/* A route with its pattern cut into segments. */
typedef struct route_key {
	const xf_route *route;
	int nseg;
	segment seg[XF_MAX_SEGMENTS];
} route_key;

struct xf_route_index {
	route_key *keys; /* sorted by cmp_keys */
	size_t n;
	/* the routes without {x}, by pattern then method (cmp_literal): a
	 * path equal to one of them is that route, no walk needed */
	const xf_route **lit;
	size_t nlit;
};

static int cmp_literal(const void *pa, const void *pb)
{
	const xf_route *a = *(const xf_route *const *)pa;
	const xf_route *b = *(const xf_route *const *)pb;
	int c = strcmp(a->pattern, b->pattern);
	return c ? c : strcmp(a->method, b->method);
}

/* Literal segments in byte order (a prefix first), all before {x}. */
static int cmp_segment(const segment *a, const segment *b)
{
	if (a->param || b->param)
		return a->param - b->param;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->s, b->s, n);
	if (c)
		return c;
	return (a->len > b->len) - (a->len < b->len);
}

/* The index's order: segment by segment, a pattern that ends first
 * before one that goes on; equal patterns by method. */
static int cmp_keys(const void *pa, const void *pb)
{
	const route_key *a = pa, *b = pb;
	for (int i = 0;; i++) {
		if (i == a->nseg || i == b->nseg) {
			if (a->nseg != b->nseg)
				return i == a->nseg ? -1 : 1;
			return strcmp(a->route->method, b->route->method);
		}
		int c = cmp_segment(&a->seg[i], &b->seg[i]);
		if (c)
			return c;
	}
}

/* Cuts a pattern into k's segments; -1 if it is not a pattern. */
static int cut_pattern(const char *pat, route_key *k)
{
	int params = 0;
	k->nseg = 0;
	if (*pat != '/')
		return -1;
	while (*pat == '/') {
		pat++;
		size_t len = strcspn(pat, "/");
		if (len == 0 || k->nseg == XF_MAX_SEGMENTS)
			return -1;
		segment *g = &k->seg[k->nseg++];
		g->s = pat;
		g->len = len;
		g->param = pat[0] == '{';
		size_t braces = 0;
		for (size_t i = 0; i < len; i++)
			braces += pat[i] == '{' || pat[i] == '}';
		if (g->param ? braces != 2 || len < 3 || pat[len - 1] != '}' ||
		                   ++params > XF_MAX_PARAMS
		             : braces != 0)
			return -1;
		pat += len;
	}
	return *pat ? -1 : 0;
}

xf_route_index *xf_route_index_new(const xf_route *routes, size_t n, char *err,
                                   size_t errlen)
{
	xf_route_index *ix = calloc(1, sizeof *ix);
	if (!ix || !(ix->keys = calloc(n ? n : 1, sizeof *ix->keys))) {
		snprintf(err, errlen, "out of memory");
		free(ix);
		return NULL;
	}
	ix->n = n;
	for (size_t i = 0; i < n; i++) {
		ix->keys[i].route = &routes[i];
		if (!routes[i].method || !*routes[i].method ||
		    !routes[i].pattern ||
		    cut_pattern(routes[i].pattern, &ix->keys[i]) != 0) {
			snprintf(err, errlen, "bad route pattern %s",
			         routes[i].pattern ? routes[i].pattern : "");
			xf_route_index_free(ix);
			return NULL;
		}
	}
	qsort(ix->keys, n, sizeof *ix->keys, cmp_keys);
	if (!(ix->lit = calloc(n ? n : 1, sizeof *ix->lit))) {
		snprintf(err, errlen, "out of memory");
		xf_route_index_free(ix);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		if (!strchr(routes[i].pattern, '{'))
			ix->lit[ix->nlit++] = &routes[i];
	qsort(ix->lit, ix->nlit, sizeof *ix->lit, cmp_literal);
	for (size_t i = 1; i < n; i++) {
		if (cmp_keys(&ix->keys[i - 1], &ix->keys[i]) == 0) {
			snprintf(err, errlen, "two routes %s %s and %s",
			         ix->keys[i].route->method,
			         ix->keys[i - 1].route->pattern,
			         ix->keys[i].route->pattern);
			xf_route_index_free(ix);
			return NULL;
		}
	}
	return ix;
}

void xf_route_index_free(xf_route_index *ix)
{
	if (!ix)
		return;
	free(ix->keys);
	free(ix->lit);
	free(ix);
}

/* A lookup: the path's segments and the method sought. */
typedef struct lookup {
	const xf_route_index *ix;
	const char *method;
	segment seg[XF_MAX_SEGMENTS];
	int nseg;
	int path_matched;
} lookup;

/* The first index in [lo, hi) whose key is not below the probe at
 * segment level (keys in [lo, hi) agree on the segments before it); a
 * key that ends before level counts as below. */
static size_t lower_bound(const lookup *q, size_t lo, size_t hi, int level,
                          const segment *probe)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const route_key *k = &q->ix->keys[mid];
		if (k->nseg <= level || cmp_segment(&k->seg[level], probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first index in [lo, hi) whose key is above the probe at level. */
static size_t upper_bound(const lookup *q, size_t lo, size_t hi, int level,
                          const segment *probe)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const route_key *k = &q->ix->keys[mid];
		if (k->nseg <= level || cmp_segment(&k->seg[level], probe) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The route of the path's segments from level on among keys [lo, hi),
 * which all match the segments before it: the path ending here, then
 * the keys with this literal segment, then those with a {x} (a trie
 * walk over the sorted table, backing up when a branch has the path but
 * not the method).
 */
static const route_key *walk(lookup *q, size_t lo, size_t hi, int level)
{
	static const segment any = {"", 0, 1};
	if (lo >= hi)
		return NULL;
	if (level == q->nseg) {
		/* the keys that end here come first, sorted by method */
		for (size_t i = lo; i < hi && q->ix->keys[i].nseg == level;
		     i++) {
			q->path_matched = 1;
			if (strcmp(q->ix->keys[i].route->method, q->method) ==
			    0)
				return &q->ix->keys[i];
		}
		return NULL;
	}
	const segment *s = &q->seg[level];
	size_t from = lower_bound(q, lo, hi, level, s);
	size_t to = upper_bound(q, from, hi, level, s);
	const route_key *k = walk(q, from, to, level + 1);
	if (k || s->len == 0)
		return k;
	return walk(q, lower_bound(q, to, hi, level, &any), hi, level + 1);
}

const xf_route *xf_route_find(const xf_route_index *ix, xf_req *r,
                              const char *method, const char *url,
                              int *path_matched)
{
	lookup q = {.ix = ix, .method = method};
	*path_matched = 0;
	if (*url != '/')
		return NULL;
	/* a path without {x} of the method: the walk would find the same,
	 * literal segments going before {x} at every level */
	size_t lo = 0, hi = ix->nlit;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const xf_route *m = ix->lit[mid];
		int c = strcmp(m->pattern, url);
		if (c == 0)
			c = strcmp(m->method, method);
		if (c == 0) {
			*path_matched = 1;
			r->nparam = 0;
			return m;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (*url == '/') {
		url++;
		if (q.nseg == XF_MAX_SEGMENTS)
			return NULL; /* longer than any pattern */
		size_t len = strcspn(url, "/");
		q.seg[q.nseg++] = (segment){url, len, 0};
		url += len;
	}
	const route_key *k = walk(&q, 0, ix->n, 0);
	*path_matched = q.path_matched;
	if (!k)
		return NULL;
	/* captures {x} segments into r->param; the key matched, so only
	 * memory can fail here */
	r->nparam = 0;
	for (int i = 0; i < k->nseg; i++) {
		if (!k->seg[i].param)
			continue;
		const char *p =
		    xf_arena_strndup(&r->arena, q.seg[i].s, q.seg[i].len);
		if (!p)
			return NULL;
		r->param[r->nparam++] = p;
	}
	return k->route;
}

/* Finds the route of a request when it arrives, so that its body limit
 * applies while the body is read. */
static void find_route(server *s, xf_req *r)
{
	if (strncmp(r->url, "/api/", 5) != 0)
		return;
	r->route =
	    xf_route_find(s->index, r, r->method, r->url, &r->path_matched);
}

/* The body limit of a request: its route's own, or the server's. */
static size_t body_cap(const xf_http_config *cfg, xf_req *r)
{
	if (r->route && r->route->max_body)
		return r->route->max_body;
	return cfg->max_body;
}

/* Authenticates the caller and checks the route's roles; 0, or the
 * status of the error answer written. */
static int authorize(const xf_http_config *cfg, xf_req *r,
                     const xf_route *route)
{
	int rc;
	if (cfg->authenticate && (rc = cfg->authenticate(r, route)) != 0)
		return rc;
	if (route->auth == XF_AUTH_PUBLIC)
		return 0;
	if (!r->principal) {
		xf_reply_error(r, 401, "unauthorized", "请先登录", NULL);
		return 401;
	}
	if (route->auth != XF_AUTH_USER && !(route->auth & r->roles)) {
		xf_reply_error(r, 403, "forbidden", "没有权限执行此操作", NULL);
		return 403;
	}
	return 0;
}

/* The key of an answer shared by the callers of one scope: the scope
 * cache_scope writes, then the URL, query and day as cache_key; NULL when
 * the answer is not shared (its anchor in *anchor otherwise). */
static char *scope_key(const xf_http_config *cfg, xf_req *r,
                       const char **anchor)
{
	xf_buf b;
	xf_buf_init(&b, 4096);
	xf_buf_adds(&b, "scope\n");
	*anchor = cfg->cache_scope(r, &b);
	if (!*anchor) {
		xf_buf_free(&b);
		return NULL;
	}
	xf_buf_addc(&b, '\n');
	xf_cache_key_add(&b, r->url);
	xf_buf_addc(&b, '?');
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, add_arg, &b);
	xf_buf_addc(&b, '\n');
	xf_buf_addi(&b, (r->now + 8 * 3600) / 86400);
	char *key =
	    b.failed ? NULL : xf_arena_strndup(&r->arena, b.data, b.len);
	xf_buf_free(&b);
	return key;
}

/* Answers r from the cache entry of key, if there is one: 1, else 0. */
static int answer_cached(xf_req *r, const char *key)
{
	char user[128];
	const char *body;
	size_t len;
	void *ref = xf_cache_get(key, &body, &len, user, sizeof user);
	if (!ref)
		return 0;
	/* sent from the entry itself, without a copy */
	r->cache_ref = ref;
	r->static_body = body;
	r->static_len = len;
	if (!r->user)
		r->user = xf_arena_strdup(&r->arena, user);
	xf_reply_json(r, 200);
	return 1;
}

static void dispatch(server *s, xf_req *r)
{
	const xf_http_config *cfg = &s->cfg;
	int is_api =
	    strncmp(r->url, "/api/", 5) == 0 || strcmp(r->url, "/api") == 0;
	if (!is_api) {
		if (cfg->fallback &&
		    (strcmp(r->method, "GET") == 0 ||
		     strcmp(r->method, "HEAD") == 0) &&
		    cfg->fallback(r) == 0)
			return;
		xf_reply_error(r, 404, "not_found", "页面不存在", NULL);
		return;
	}
	const xf_route *route = r->route;
	if (!route) {
		if (r->path_matched)
			xf_reply_error(r, 405, "method_not_allowed",
			               "不支持该请求方法", NULL);
		else
			xf_reply_error(r, 404, "not_found", "接口不存在", NULL);
		return;
	}
	if (r->body_too_large) {
		xf_reply_error(r, 413, "too_large", "请求内容过大", NULL);
		return;
	}
	int is_get = strcmp(r->method, "GET") == 0;
	char *key = NULL;
	const char *anchor = NULL;
	unsigned anchor_kinds = 0;
	int authorized = 0;
	/* read before any data is: a change heard after it keeps this
	 * answer out of the cache */
	uint64_t gen = xf_cache_generation();
	r->epoch = s->writes;
	xf_changes_reset();
	if (is_get && cfg->cache_bytes && route->auth != XF_AUTH_PUBLIC) {
		int kinds = cfg->cache_shared && cfg->cache_scope
		                ? cfg->cache_shared(route)
		                : -1;
		if (kinds >= 0) {
			/* the key names the caller's scope: known first */
			if (authorize(cfg, r, route) != 0)
				return;
			authorized = 1;
			key = scope_key(cfg, r, &anchor);
			anchor_kinds = (unsigned)kinds;
		}
		if (!key)
			key = cache_key(r);
		if (key && answer_cached(r, key))
			return;
	}
	if (!authorized && authorize(cfg, r, route) != 0)
		return;
	if (cfg->validate && cfg->validate(r, route) != 0)
		return;
	r->status = 0;
	route->handler(r);
	if (r->status == 0 || r->out.failed) {
		xf_reply_error(r, 500, "internal", "服务器内部错误", NULL);
	}
	if (!is_get) {
		/* a write whose every commit named the organizations it
		 * changed dropped what they concern (base/changes.h); any
		 * other drops every answer and every resolved session */
		if (!xf_changes_only_confined()) {
			s->writes++;
			xf_cache_invalidate(NULL, NULL, -1);
		}
	} else if (key && r->status == 200 && !r->static_body && !r->no_store &&
	           !r->extra_headers && r->content_type &&
	           strncmp(r->content_type, "application/json", 16) == 0)
		/* only JSON: a hit is answered as JSON, without extra
		 * headers (files are neither) */
		xf_cache_put(key, anchor, anchor_kinds, gen,
		             r->out.data ? r->out.data : "", r->out.len,
		             r->user);
}

/*
 * The last small answer each request thread built, kept to be queued
 * again (MHD counts the connections a response is queued on) when the
 * next answer of that thread is the same: status, type, API or not and
 * every byte of the body (the health check, {"ok":true}, a 401 or 404),
 * without building it and its eight headers again. Only answers without
 * a cookie, extra headers, a stream or a cache entry are kept; the
 * thread's last one is released when the thread ends.
 */
#define REUSE_MAX 512
typedef struct reuse {
	struct MHD_Response *resp;
	unsigned status;
	int is_api;
	const char *type; /* compared by content */
	size_t len;
	char body[REUSE_MAX];
	xf_buf log; /* the thread's log line, its memory kept between lines */
} reuse;

static pthread_key_t reuse_key;
static pthread_once_t reuse_once = PTHREAD_ONCE_INIT;

static void reuse_free(void *p)
{
	reuse *u = p;
	if (u && u->resp)
		MHD_destroy_response(u->resp);
	if (u)
		xf_buf_free(&u->log);
	free(u);
}

static void reuse_init(void)
{
	if (pthread_key_create(&reuse_key, reuse_free) != 0)
		reuse_key = (pthread_key_t)-1;
}

/* The thread's kept answer; NULL when there is none to keep. */
static reuse *reuse_slot(void)
{
	pthread_once(&reuse_once, reuse_init);
	if (reuse_key == (pthread_key_t)-1)
		return NULL;
	reuse *u = pthread_getspecific(reuse_key);
	if (!u && (u = calloc(1, sizeof *u)) != NULL) {
		xf_buf_init(&u->log, 8192);
		if (pthread_setspecific(reuse_key, u) != 0) {
			free(u);
			u = NULL;
		}
	}
	return u;
}

static enum MHD_Result send_answer(const server *s, struct MHD_Connection *c,
                                   xf_req *r)
{
	struct MHD_Response *resp;
	int is_api = strncmp(r->url, "/api/", 5) == 0;
	/* a small answer of its own bytes, with the usual headers only */
	reuse *u = NULL;
	if (!r->stream && !r->cache_ref && !r->set_cookie &&
	    !r->extra_headers && r->content_type && s->cfg.threads > 0) {
		const char *body =
		    r->static_body ? r->static_body : r->out.data;
		size_t len = r->static_body ? r->static_len : r->out.len;
		if (len <= REUSE_MAX && (u = reuse_slot()) != NULL) {
			if (u->resp && u->status == (unsigned)r->status &&
			    u->is_api == is_api && u->len == len &&
			    strcmp(u->type, r->content_type) == 0 &&
			    (len == 0 || memcmp(u->body, body, len) == 0))
				return MHD_queue_response(c, u->status,
				                          u->resp);
			if (u->resp)
				MHD_destroy_response(u->resp);
			u->resp = NULL;
			u->status = (unsigned)r->status;
			u->is_api = is_api;
			u->len = len;
			if (len)
				memcpy(u->body, body, len);
			u->type = NULL;
		}
	}
	if (r->stream) {
		resp = xf_sse_response(r);
		if (!resp)
			return MHD_NO;
	} else if (r->cache_ref) {
		/* MHD releases the cache entry when it is done with it */
		resp = MHD_create_response_from_buffer_with_free_callback_cls(
		    r->static_len, (void *)r->static_body, xf_cache_release,
		    r->cache_ref);
		if (resp)
			r->cache_ref = NULL;
	} else if (r->static_body)
		resp = MHD_create_response_from_buffer(r->static_len,
		                                       (void *)r->static_body,
		                                       MHD_RESPMEM_PERSISTENT);
	else
		resp = MHD_create_response_from_buffer(
		    r->out.len, r->out.data ? r->out.data : (char *)"",
		    MHD_RESPMEM_MUST_COPY);
	if (!resp)
		return MHD_NO;
	if (r->content_type)
		MHD_add_response_header(resp, "Content-Type", r->content_type);
	if (is_api)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	for (const xf_header *h = xf_security_headers(s->cfg.hsts); h->name;
	     h++)
		MHD_add_response_header(resp, h->name, h->value);
	if (r->set_cookie)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie);
	for (hdr *h = r->extra_headers; h; h = h->next)
		MHD_add_response_header(resp, h->name, h->value);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
	/* kept for the thread's next answer, with its own copy of the type */
	if (u && ret == MHD_YES &&
	    (u->type = MHD_get_response_header(resp, "Content-Type")) != NULL)
		u->resp = resp;
	else
		MHD_destroy_response(resp);
	return ret;
}

/* The client's address of a new request (see xf_client_addr_pick), in
 * its arena; "" when it cannot be told. */
static const char *client_addr(const server *s, xf_req *r)
{
	char peer[INET6_ADDRSTRLEN] = "";
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
	    r->conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;
	if (sa && sa->sa_family == AF_INET) {
		/* inet_ntop's dotted quad, without its sprintf */
		const unsigned char *b =
		    (const unsigned char *)&((const struct sockaddr_in *)sa)
		        ->sin_addr;
		char *p = peer;
		for (int i = 0; i < 4; i++) {
			if (i)
				*p++ = '.';
			if (b[i] >= 100)
				*p++ = (char)('0' + b[i] / 100);
			if (b[i] >= 10)
				*p++ = (char)('0' + b[i] / 10 % 10);
			*p++ = (char)('0' + b[i] % 10);
		}
		*p = 0;
	} else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
		          &((const struct sockaddr_in6 *)sa)->sin6_addr, peer,
		          sizeof peer);
	char out[INET6_ADDRSTRLEN];
	xf_client_addr_pick(peer, xf_req_header(r, "X-Forwarded-For"),
	                    s->cfg.trusted_proxies, out, sizeof out);
	const char *a = xf_arena_strdup(&r->arena, out);
	return a ? a : "";
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
	(void)version;
	server *s = cls;
	xf_req *r = *con_cls;
	if (!r) {
		r = calloc(1, sizeof *r);
		if (!r)
			return MHD_NO;
		r->t0_ns = xf_now_ns();
		r->now = (int64_t)time(NULL);
		s->in_flight++;
		xf_arena_init(&r->arena, 64u << 20);
		xf_buf_init(&r->body, s->cfg.max_body);
		xf_buf_init(&r->out, 256u << 20);
		r->conn = c;
		r->method = method;
		r->url = xf_arena_strdup(&r->arena, url);
		r->client_addr = client_addr(s, r);
		if (r->url)
			find_route(s, r);
		r->body.cap = body_cap(&s->cfg, r);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		                                             "Content-Length");
		if (cl && !xf_content_length_within(cl, r->body.cap))
			r->body_too_large = 1;
		*con_cls = r;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!r->body_too_large &&
		    xf_buf_add(&r->body, upload, *upload_size) != 0)
			r->body_too_large = 1;
		*upload_size = 0;
		return MHD_YES;
	}
	if (!r->url) {
		return MHD_NO;
	}
	dispatch(s, r);
	return send_answer(s, c, r);
}

static void log_line(const server *s, xf_req *r)
{
	/* a request thread's line goes to its own buffer, kept between
	 * lines (no allocation per line); without request threads (tests,
	 * fuzzing) to one of its own */
	xf_buf own;
	xf_buf_init(&own, 8192);
	reuse *u = s->cfg.threads > 0 ? reuse_slot() : NULL;
	xf_buf *b = u ? &u->log : &own;
	xf_buf_clear(b);
	xf_jw w;
	xf_jw_init(&w, b);
	/* the second's timestamp, formatted once per thread and second */
	static _Thread_local time_t ts_at = -1;
	static _Thread_local char ts[32];
	time_t now = time(NULL);
	if (now != ts_at) {
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%SZ", &tm);
		ts_at = now;
	}
	int64_t us = (xf_now_ns() - r->t0_ns) / 1000;
	xf_jw_obj(&w);
	xf_jw_kstr(&w, "ts", ts);
	xf_jw_kstr(&w, "method", r->method);
	/* The path is outside input: keep it bounded in the log. */
	size_t ul = r->url ? strlen(r->url) : 0;
	xf_jw_key(&w, "path");
	xf_jw_strn(&w, r->url ? r->url : "", ul > 512 ? 512 : ul);
	xf_jw_kint(&w, "status", r->status);
	xf_jw_kint(&w, "us", us);
	xf_jw_kstr(&w, "user", r->user);
	xf_jw_obj_end(&w);
	xf_buf_addc(b, '\n');
	if (!b->failed)
		xf_reqlog_append(b->data, b->len);
	xf_buf_free(&own);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	(void)c;
	(void)toe;
	server *s = cls;
	xf_req *r = *con_cls;
	if (!r)
		return;
	if (!s->cfg.quiet && r->status)
		log_line(s, r);
	if (r->cleanup)
		r->cleanup(r->cleanup_arg);
	if (r->cache_ref)
		xf_cache_release(r->cache_ref);
	xf_buf_free(&r->body);
	xf_buf_free(&r->out);
	xf_arena_reset(&r->arena);
	free(r);
	*con_cls = NULL;
	s->in_flight--;
}

void *xf_http_start(const xf_http_config *cfg)
{
	server *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->cfg = *cfg;
	char err[256];
	s->index =
	    xf_route_index_new(cfg->routes, cfg->nroutes, err, sizeof err);
	if (!s->index) {
		fprintf(stderr, "xianfeng: route table: %s\n", err);
		free(s);
		return NULL;
	}
	/* an entry lives until a change concerns it (this server's commits
	 * and, on PostgreSQL, the others' audited ones through NOTIFY); the
	 * guard against a change never heard of: 2 s for an answer kept per
	 * credential (any write of another server), a minute for a shared
	 * one (only audited writes of records of organizations change it) */
	xf_cache_configure(cfg->cache_bytes, 2000, 60000);
	xf_changes_listen(cfg->cache_bytes ? xf_cache_invalidate : NULL);
	if (cfg->threads == 0) {
		/* driven by the caller (tests, fuzzing): same limits */
		s->d = MHD_start_daemon(
		    MHD_USE_NO_LISTEN_SOCKET | MHD_ALLOW_SUSPEND_RESUME |
		        (cfg->quiet ? 0 : MHD_USE_ERROR_LOG),
		    0, NULL, NULL, on_request, s, MHD_OPTION_NOTIFY_COMPLETED,
		    on_completed, s, MHD_OPTION_CONNECTION_TIMEOUT,
		    (unsigned)60, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		    (size_t)(32 * 1024), MHD_OPTION_END);
		if (!s->d) {
			fprintf(stderr, "xianfeng: cannot start the server\n");
			xf_route_index_free(s->index);
			free(s);
			return NULL;
		}
		return s;
	}
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons(cfg->port);
	if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1) {
		fprintf(stderr, "xianfeng: bad listen address %s\n", cfg->host);
		xf_route_index_free(s->index);
		free(s);
		return NULL;
	}
	s->d = MHD_start_daemon(
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	        MHD_USE_ERROR_LOG | MHD_USE_ITC | MHD_ALLOW_SUSPEND_RESUME,
	    cfg->port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR,
	    (struct sockaddr *)&addr, MHD_OPTION_THREAD_POOL_SIZE,
	    (unsigned)cfg->threads, MHD_OPTION_NOTIFY_COMPLETED, on_completed,
	    s, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(32 * 1024),
	    MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
	if (!s->d) {
		fprintf(stderr, "xianfeng: cannot listen on %s:%u\n", cfg->host,
		        cfg->port);
		xf_route_index_free(s->index);
		free(s);
		return NULL;
	}
	/* request threads hand their log lines to a writer thread (1 MiB
	 * buffered at most); without it they write them themselves */
	if (!cfg->quiet && xf_reqlog_start(STDERR_FILENO, 1u << 20) == 0)
		s->log_thread = 1;
	return s;
}

int xf_http_add_connection(void *srv, int fd)
{
	server *s = srv;
	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return MHD_add_connection(s->d, fd, (struct sockaddr *)&addr,
	                          sizeof addr) == MHD_YES
	           ? 0
	           : -1;
}

unsigned xf_http_run(void *srv)
{
	server *s = srv;
	MHD_run(s->d);
	const union MHD_DaemonInfo *i =
	    MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
	return i ? i->num_connections : 0;
}

void xf_http_stop(void *srv)
{
	server *s = srv;
	if (!s)
		return;
	/* Stop accepting, let requests in flight finish (up to 10 s), then
	 * close the remaining (idle) connections. */
	MHD_quiesce_daemon(s->d);
	xf_sse_shutdown(); /* streams end: they are requests in flight too */
	for (int i = 0; i < 1000 && s->in_flight > 0; i++) {
		struct timespec ts = {0, 10000000L};
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(s->d);
	if (s->log_thread)
		xf_reqlog_stop(); /* every line of every request, written */
	xf_route_index_free(s->index);
	free(s);
}
