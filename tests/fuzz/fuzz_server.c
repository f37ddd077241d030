/*
 * fuzz_server.c - libFuzzer harness that sends raw bytes to the real HTTP
 * server: libmicrohttpd parses the request line, headers, cookies, query
 * strings and bodies, and our code routes, checks Content-Length against
 * the body limit, looks up the answer cache, authenticates (Bearer token or
 * xf_session cookie, X-CSRF-Token on writes) against a throwaway SQLite
 * database, runs the real GET handlers, and serves static files
 * (Accept-Encoding, If-None-Match) from a small asset table defined here.
 *
 * The server runs without threads (cfg.threads 0): each connection is one
 * end of a socketpair handed to it, and the harness runs it until it has
 * answered and closed. The input is up to three connections separated by
 * the line "~~~~"; they share the server, its cache and its database.
 *
 * Routes: the API's GET routes (reads only, so the database and the two
 * sessions below stay as they are) and GET/POST /api/fuzz/echo, whose
 * handler answers "echo-for-<user>". Invariants:
 *   - a connection is answered "echo-for-<user>" only if its bytes hold
 *     that user's token (no answer, cached or not, reaches another
 *     credential);
 *   - the echo handler sees the user whose token the request presents,
 *     and a write presented by cookie carries that session's CSRF token;
 *   - the server closes every connection after the client has sent all
 *     and shut its side; no crash, no leak.
 * FUZZ_SERVER_SHOW=1 build/fuzz/fuzz_server FILE prints the answers.
 *
 * sources: src/base/ src/model/ src/domain/ src/store/
 * sources: src/service/ src/http/ src/api/ src/render/
 * libs: libmicrohttpd jansson sqlite3 libpq libsodium xlsxwriter libqrencode
 * libs: libzip expat pangocairo liboath
 */
#define _GNU_SOURCE /* memmem */

#include "api/api.h"
#include "http/server.h"
#include "http/static.h"
#include "service/auth.h"
#include "service/ctx.h"
#include "store/migrate.h"
#include "store/users.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_server: %s\n", what);
	abort();
}

/* ---- the two sessions ---------------------------------------------------- */

typedef struct account {
	const char *username, *token, *csrf, *marker;
	const char *role; /* or NULL */
} account;

static const account accounts[] = {
    {"fuzz-admin",
     "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90",
     "c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c5", "echo-for-fuzz-admin", "admin"},
    {"fuzz-user",
     "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
     "d6d6d6d6d6d6d6d6d6d6d6d6d6d6d6d6", "echo-for-fuzz-user", NULL},
};
#define NACCOUNTS (sizeof accounts / sizeof accounts[0])

/* ---- static files ------------------------------------------------------ */

static const unsigned char index_html[] = "<!doctype html><title>x</title>";
static const unsigned char index_gz[] = "\x1f\x8b not really gzip";
static const unsigned char app_js[] = "console.log(1)";

const xf_asset xf_web_assets[] = {
    {"/index.html", index_html, sizeof index_html - 1, index_gz,
     sizeof index_gz - 1, "text/html; charset=utf-8", "\"idx-1\"", 0},
    {"/assets/app-1a2b.js", app_js, sizeof app_js - 1, NULL, 0,
     "text/javascript; charset=utf-8", "\"app-1a2b\"", 1},
};
const size_t xf_web_nassets = sizeof xf_web_assets / sizeof xf_web_assets[0];

/* ---- the echo route ------------------------------------------------------ */

static void h_echo(xf_req *r)
{
	int via_cookie;
	const char *tok = xf_req_credential(r, &via_cookie);
	const account *a = NULL;
	for (size_t i = 0; i < NACCOUNTS; i++)
		if (tok && strcmp(tok, accounts[i].token) == 0)
			a = &accounts[i];
	if (!a || !r->user || strcmp(r->user, a->username) != 0)
		fail("the handler runs for another user than the token's");
	if (via_cookie && strcmp(r->method, "GET") != 0) {
		const char *sent = xf_req_header(r, "X-CSRF-Token");
		if (!sent || strcmp(sent, a->csrf) != 0)
			fail("a write by cookie without its CSRF token");
	}
	xf_buf_printf(&r->out, "{\"echo\":\"%s\"}", a->marker);
	xf_reply_json(r, 200);
}

/* ---- setup -----------------------------------------------------------------
 */

static char dir[64];
static void *srv;

static void remove_db(void)
{
	static const char *const files[] = {"fuzz.db", "fuzz.db-wal",
	                                    "fuzz.db-shm", "fuzz.db-journal"};
	char p[128];
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", dir, files[i]);
		unlink(p);
	}
	rmdir(dir);
}

static void add_account(xf_db *db, const account *a)
{
	xf_user_role role = {a->role, 0, "", ""};
	xf_user u = {0};
	u.username = a->username;
	u.display_name = a->username;
	u.password_hash = "not-a-hash";
	u.roles = a->role ? &role : NULL;
	u.nroles = a->role ? 1 : 0;
	int64_t now = (int64_t)time(NULL);
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[sizeof h * 2 + 1];
	crypto_hash_sha256(h, (const unsigned char *)a->token,
	                   strlen(a->token));
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	if (xf_store_user_insert(db, &u, now) != XF_DB_OK)
		fail("cannot insert a user");
	if (xf_store_session_insert(db, hex, u.id, a->csrf, now,
	                            now + 10 * 365 * 86400, "127.0.0.1",
	                            "fuzz") != XF_DB_OK)
		fail("cannot insert a session");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	signal(SIGPIPE, SIG_IGN);
	const char *tmp = getenv("TMPDIR");
	snprintf(dir, sizeof dir, "%s/xf-fuzz-XXXXXX",
	         tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	if (!mkdtemp(dir))
		fail("cannot make a temporary directory");
	atexit(remove_db);
	char url[128];
	snprintf(url, sizeof url, "sqlite:%s/fuzz.db", dir);
	char err[512];
	if (xf_auth_init() != 0 || xf_svc_init(url) != 0)
		fail("cannot initialise");
	xf_db *db = xf_svc_db();
	if (!db || xf_schema_migrate(db, err, sizeof err) != 0)
		fail(db ? err : "cannot open the database");
	for (size_t i = 0; i < NACCOUNTS; i++)
		add_account(db, &accounts[i]);
	xf_api_set_info("fuzz", "sqlite");

	/* the API's GET routes and the echo route */
	size_t n;
	const xf_route *api = xf_api_routes(&n);
	static xf_route routes[512];
	size_t k = 0;
	routes[k++] =
	    (xf_route){"GET", "/api/fuzz/echo", h_echo, 1u, NULL, NULL, 0};
	routes[k++] =
	    (xf_route){"POST", "/api/fuzz/echo", h_echo, 1u, NULL, NULL, 0};
	for (size_t i = 0; i < n && k < sizeof routes / sizeof routes[0]; i++)
		if (strcmp(api[i].method, "GET") == 0)
			routes[k++] = api[i];
	xf_http_config cfg = {
	    .threads = 0,
	    .max_body = 4096,
	    .routes = routes,
	    .nroutes = k,
	    .authenticate = xf_api_authenticate,
	    .validate = xf_api_validate,
	    .fallback = xf_static_serve,
	    .quiet = 1,
	    .cache_bytes = 1u << 20,
	};
	srv = xf_http_start(&cfg);
	if (!srv)
		fail("cannot start the server");
	return 0;
}

/* ---- one connection ---------------------------------------------------- */

/* Sends req on a new connection, runs the server until it has closed it,
 * and returns what it answered (malloc'd, NUL-terminated, *len bytes). */
static char *exchange(const char *req, size_t n, size_t *len)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		fail("socketpair");
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	fcntl(sv[1], F_SETFL, O_NONBLOCK);
	if (xf_http_add_connection(srv, sv[1]) != 0)
		fail("the server refused a connection");
	size_t cap = 1u << 20, got = 0, sent = 0;
	char *out = malloc(cap + 1);
	if (!out)
		fail("out of memory");
	int closed = 0, shut = 0;
	for (int round = 0; round < 10000 && !closed; round++) {
		if (sent < n) {
			ssize_t w = send(sv[0], req + sent, n - sent, 0);
			if (w > 0)
				sent += (size_t)w;
			else if (w < 0 && errno != EAGAIN)
				sent = n; /* the server closed early */
		}
		if (sent == n && !shut) {
			shutdown(sv[0], SHUT_WR);
			shut = 1;
		}
		xf_http_run(srv);
		for (;;) {
			char buf[16384];
			ssize_t r = recv(sv[0], buf, sizeof buf, 0);
			if (r == 0 || (r < 0 && errno != EAGAIN)) {
				closed = 1;
				break;
			}
			if (r < 0)
				break;
			size_t m =
			    (size_t)r < cap - got ? (size_t)r : cap - got;
			memcpy(out + got, buf, m);
			got += m;
		}
	}
	if (!closed)
		fail("the server did not close a connection");
	close(sv[0]);
	for (int round = 0; round < 100 && xf_http_run(srv) > 0; round++)
		;
	if (xf_http_run(srv) > 0)
		fail("a connection stays open");
	out[got] = '\0';
	*len = got;
	return out;
}

static void check(const char *req, size_t n, const char *ans, size_t len)
{
	for (size_t i = 0; i < NACCOUNTS; i++) {
		const account *a = &accounts[i];
		if (!memmem(ans, len, a->marker, strlen(a->marker)))
			continue;
		if (!memmem(req, n, a->token, strlen(a->token)) &&
		    !memmem(req, n, a->marker, strlen(a->marker)))
			fail(
			    "an answer reached a connection without its token");
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	static const char sep[] = "\n~~~~\n";
	const char *p = (const char *)data, *end = p + size;
	for (int i = 0; i < 3 && p <= end; i++) {
		const char *s =
		    i < 2 ? memmem(p, (size_t)(end - p), sep, sizeof sep - 1)
		          : NULL;
		const char *e = s ? s : end;
		size_t len;
		char *ans = exchange(p, (size_t)(e - p), &len);
		if (getenv("FUZZ_SERVER_SHOW")) /* to see what it answers */
			fprintf(stderr, "---- answer %d:\n%s\n", i, ans);
		check(p, (size_t)(e - p), ans, len);
		free(ans);
		if (!s)
			break;
		p = s + sizeof sep - 1;
	}
	return 0;
}
