/*
 * server.h - the HTTP server (libmicrohttpd, epoll thread pool): the request
 * context handlers see, the route table type and its lookup, and the
 * server's lifecycle.
 *
 * src/http knows nothing of the API: main.c hands it a route table, an
 * authenticator and a validator. One request context per request, with its
 * own arena that is freed when the response has been sent.
 */
#ifndef XF_HTTP_SERVER_H
#define XF_HTTP_SERVER_H

#include "base/arena.h"
#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

#define XF_MAX_PARAMS 4

typedef struct xf_req xf_req;
typedef void (*xf_handler)(xf_req *r);

/* Who may call a route: 0 = anyone; XF_AUTH_USER = any logged-in user;
 * otherwise a bitmask of roles, one bit per role code (1u << role). */
#define XF_AUTH_PUBLIC 0u
#define XF_AUTH_USER   1u

/* The field tables of a route's input and the values checked against
 * them are the API's (api/input.h): the server only hands them on. */
struct xf_body_table;
struct xf_query_table;
struct xf_val;

/*
 * A route: one declaration of everything the server and the API need to
 * know about a request before its handler runs. The pattern is literal
 * segments and {x} segments, each of which matches one non-empty segment
 * of the path; lookup prefers literal segments to {x} ones, segment by
 * segment from the left, so the order of a table does not matter.
 */
typedef struct xf_route {
	const char *method;  /* "GET", "POST", "PATCH", "DELETE" */
	const char *pattern; /* "/api/orgs/{id}/tree" */
	xf_handler handler;
	unsigned auth;                    /* who may call it */
	const struct xf_body_table *body; /* the JSON body's fields, or NULL */
	const struct xf_query_table *query; /* the query string's, or NULL */
	size_t max_body; /* the body limit; 0: the server's */
} xf_route;

struct xf_req {
	xf_arena arena; /* freed when the response is sent */
	const char *method;
	const char *url;                  /* path without the query string */
	const char *param[XF_MAX_PARAMS]; /* captured segments, in order */
	int nparam;
	void *conn;            /* struct MHD_Connection * */
	xf_buf body;           /* request body (capped) */
	const xf_route *route; /* matched when the request arrives, or NULL */
	int path_matched;      /* some route has this path (for 405) */
	int body_too_large;
	uint64_t epoch; /* write requests answered before this one arrived */
	int64_t now;    /* Unix time when the request arrived */
	/* the client's address (text): the socket's peer, or the last hop of
	 * X-Forwarded-For when the peer is a trusted proxy */
	const char *client_addr;
	/* set by the authenticator */
	void *principal;  /* opaque to http; NULL when anonymous */
	unsigned roles;   /* bitmask (1u << role) */
	const char *user; /* username for the log line, or NULL */
	/* set by the validator: the values of the route's query and body
	 * tables, in the order of their fields (NULL without a table) */
	const struct xf_val *query_vals;
	const struct xf_val *body_vals;
	/* the answer */
	int status;
	xf_buf out;
	const char *content_type;
	const char *set_cookie;
	const void *static_body; /* if set, sent instead of out (not copied) */
	void *cache_ref;         /* the cache entry static_body belongs to */
	int no_store; /* set by a handler: never cache this answer (reading
	                 it has an effect, e.g. an audited read, or it shows
	                 such effects, e.g. the audit list) */
	size_t static_len;
	void *extra_headers; /* list kept by the server */
	void *stream;        /* an event stream to send instead (http/sse.c) */
	/* cleanup hook for what is not arena memory (e.g. a parsed JSON) */
	void (*cleanup)(void *);
	void *cleanup_arg;
	int64_t t0_ns;
};

typedef struct xf_http_config {
	const char *host;
	unsigned short port;
	unsigned threads; /* 0: no thread, driven by xf_http_run */
	size_t max_body;
	const xf_route *routes;
	size_t nroutes;
	/*
	 * Resolves the caller: fills principal, roles, user. Returns 0, or an
	 * HTTP status after writing the error answer itself (e.g. CSRF).
	 * Called for every /api/ request before role checks.
	 */
	int (*authenticate)(xf_req *r, const xf_route *route);
	/*
	 * Checks the request's input against its route (path, query string,
	 * body) once the caller may call it, and sets query_vals and
	 * body_vals. Returns 0, or an HTTP status after writing the error
	 * answer. NULL: handlers get the input unchecked.
	 */
	int (*validate)(xf_req *r, const xf_route *route);
	/* Answers requests that no route matched outside /api/ (static
	 * files); NULL answers 404. Returns 0 if it wrote an answer. */
	int (*fallback)(xf_req *r);
	int quiet;          /* no request log lines */
	size_t cache_bytes; /* answer cache for GET /api/ (0: none) */
	int hsts; /* send Strict-Transport-Security (served behind TLS) */
	/* addresses of reverse proxies whose X-Forwarded-For is believed
	 * (separated by commas or spaces); NULL: none */
	const char *trusted_proxies;
	/*
	 * Sharing of cached answers (both NULL: each answer is kept for the
	 * credential that asked and dropped by any write). cache_shared: -1
	 * unless answers of route may be shared by callers of one scope, else
	 * the kinds of records they read (XF_CHANGE_*, base/changes.h); for
	 * those, the caller is authenticated before the cache is looked at
	 * and cache_scope appends the caller's scope to key and returns the
	 * organization path the answer is anchored at (http/cache.h), or
	 * NULL to keep this answer per credential after all.
	 */
	int (*cache_shared)(const xf_route *route);
	const char *(*cache_scope)(xf_req *r, xf_buf *key);
} xf_http_config;

/*
 * Matches a URL path against a route pattern ("/api/orgs/{id}/tree": {x}
 * matches one non-empty segment), capturing the segments into r->param
 * (copied into r->arena). Returns 1 on a match, 0 otherwise.
 */
int xf_http_match(xf_req *r, const char *pattern, const char *url);

/*
 * A route table sorted for lookup: each pattern cut into its segments, the
 * routes ordered segment by segment (a path that ends before one that
 * goes on, literal segments in byte order before {x} segments), then by
 * method. The routes are kept by pointer, not copied.
 */
typedef struct xf_route_index xf_route_index;

/* Patterns longer than this many segments are refused. */
#define XF_MAX_SEGMENTS 8

/*
 * Builds the index of routes[0..n). Returns it (free with
 * xf_route_index_free), or NULL with a message in err: a pattern that is
 * not "/" followed by non-empty segments, each literal or a whole {x}
 * (at most XF_MAX_PARAMS of them, XF_MAX_SEGMENTS segments); two routes
 * with the same method whose patterns differ only in the names of their
 * {x}; out of memory.
 */
xf_route_index *xf_route_index_new(const xf_route *routes, size_t n, char *err,
                                   size_t errlen);
void xf_route_index_free(xf_route_index *ix);

/*
 * Finds the route of method and url (a path without the query string):
 * of the patterns that match the path, the first in the index's order
 * that has the method, with its {x} segments captured into r->param (in
 * r->arena). Returns it, or NULL; *path_matched says whether some pattern
 * matched the path at all (the answer is then 405, not 404).
 */
const xf_route *xf_route_find(const xf_route_index *ix, xf_req *r,
                              const char *method, const char *url,
                              int *path_matched);

/* Starts the server; returns an opaque handle or NULL (message to stderr). */
void *xf_http_start(const xf_http_config *cfg);
/*
 * With cfg->threads 0 the server has no thread and no listening socket
 * (host and port are ignored): the caller hands it connected sockets and
 * runs it, as tests/fuzz/fuzz_server.c does. xf_http_add_connection gives
 * it a socket it then owns and closes (0, or -1 with the socket closed);
 * xf_http_run does what its connections allow without blocking and
 * returns how many are still open.
 */
int xf_http_add_connection(void *server, int fd);
unsigned xf_http_run(void *server);
/* Stops accepting, finishes requests in flight, frees the server. */
void xf_http_stop(void *server);

/* Request accessors; the returned strings live as long as the request. */
const char *xf_req_query(xf_req *r, const char *key);
const char *xf_req_header(xf_req *r, const char *name);
const char *xf_req_cookie(xf_req *r, const char *name);
/* The session token the request presents (Authorization: Bearer, else the
 * xf_session cookie; see xf_credential_pick in headers.h), or NULL. */
const char *xf_req_credential(xf_req *r, int *via_cookie);

/* Writes the error answer {"error":{"code","message","field"}}. */
void xf_reply_error(xf_req *r, int status, const char *code,
                    const char *message, const char *field);
/* Sets the status; the body is whatever was written to r->out. */
void xf_reply_json(xf_req *r, int status);
/* Answers with len raw bytes of a media type (both copied into the
 * request: data into r->out). Such answers are never cached. Returns 0,
 * or -1 (out of memory, or len over r->out's cap) with a 500 answer. */
int xf_reply_bytes(xf_req *r, int status, const char *type, const void *data,
                   size_t len);
/* Adds an extra response header (copied); at most a few per request. */
void xf_reply_header(xf_req *r, const char *name, const char *value);

int64_t xf_now_ns(void);

#endif
