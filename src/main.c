/*
 * main.c - the command line: a table of commands and the dispatch to them.
 * `serve` lives here, since it hands the API's route table to the HTTP
 * server; every other command is a tool of src/tools (tools.h).
 */
#include "api/api.h"
#include "api/imports.h"
#include "base/seal.h"
#include "http/server.h"
#include "http/static.h"
#include "http/webhook.h"
#include "service/auth.h"
#include "service/ctx.h"
#include "service/live.h"
#include "service/notify.h"
#include "store/migrate.h"
#include "tools/tools.h"

#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define XF_VERSION "0.1.0"

/* ---- serve --------------------------------------------------------------- */

static int parse_listen(const char *s, char *host, size_t n,
                        unsigned short *port)
{
	const char *colon = strrchr(s, ':');
	if (!colon || (size_t)(colon - s) >= n || colon == s)
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	char *end;
	long p = strtol(colon + 1, &end, 10);
	if (*end || p < 1 || p > 65535)
		return -1;
	*port = (unsigned short)p;
	return 0;
}

/*
 * Outside channels from the environment (docs/operations.md): the
 * webhook when XF_WEBHOOK_URL is set (XF_WEBHOOK_SECRET required,
 * XF_WEBHOOK_TIMEOUT_MS default 5000), the kinds that send from
 * XF_NOTIFY_KINDS, the first retry's delay from XF_NOTIFY_RETRY_MS.
 * Nothing set: no messages. 0, or -1 after saying what is wrong.
 */
static int env_ms(const char *name, long dflt, long max, long *out)
{
	const char *v = getenv(name);
	char *end;
	*out = dflt;
	if (!v || !*v)
		return 0;
	*out = strtol(v, &end, 10);
	if (*end || *out < 1 || *out > max) {
		fprintf(stderr, "xianfeng: %s takes 1..%ld (ms)\n", name, max);
		return -1;
	}
	return 0;
}

/* An integer setting from the environment in [min, max]; unset or empty
 * leaves *out as it is. 0, or -1 after saying what is wrong. */
static int env_int(const char *name, long min, long max, int *out)
{
	const char *v = getenv(name);
	char *end;
	if (!v || !*v)
		return 0;
	long n = strtol(v, &end, 10);
	if (*end || n < min || n > max) {
		fprintf(stderr, "xianfeng: %s takes %ld..%ld\n", name, min,
		        max);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/*
 * Accounts and sessions from the environment (docs/security.md): idle
 * timeout and lifetime of sessions, the login throttle and budget, the
 * password rule; the hashing pool from the number of threads, so that
 * logins never hold every thread. 0, or -1.
 */
static int auth_setup(long threads)
{
	xf_auth_settings s = {0};
	int idle_min = 0;
	if (env_int("XF_SESSION_IDLE_MIN", 1, 24 * 60, &idle_min) != 0 ||
	    env_int("XF_SESSION_IDLE_SEC", 1, 24 * 3600, &s.idle_seconds) !=
	        0 ||
	    env_int("XF_SESSION_MAX_SEC", 1, 30 * 86400, &s.max_seconds) != 0 ||
	    env_int("XF_LOGIN_MAX_FAILURES", 1, 1000, &s.max_failures) != 0 ||
	    env_int("XF_LOGIN_LOCK_SEC", 1, 86400, &s.failure_window) != 0 ||
	    env_int("XF_LOGIN_BUDGET", 1, 100000, &s.budget) != 0 ||
	    env_int("XF_LOGIN_BUDGET_SEC", 1, 86400, &s.budget_window) != 0 ||
	    env_int("XF_PASSWORD_MIN_LENGTH", 6, 128, &s.password.min_length) !=
	        0 ||
	    env_int("XF_PASSWORD_MIN_CLASSES", 1, 4, &s.password.min_classes) !=
	        0)
		return -1;
	if (idle_min && !s.idle_seconds)
		s.idle_seconds = idle_min * 60;
	s.hash_workers = threads > 1 ? (int)threads / 2 : 1;
	s.hash_waiters = (int)threads - s.hash_workers - 1;
	if (env_int("XF_HASH_WORKERS", 1, 256, &s.hash_workers) != 0 ||
	    env_int("XF_HASH_WAITERS", 0, 1024, &s.hash_waiters) != 0)
		return -1;
	xf_auth_configure(&s);
	return 0;
}

static int notify_setup(void)
{
	const char *url = getenv("XF_WEBHOOK_URL");
	if (!url || !*url)
		return 0;
	const char *secret = getenv("XF_WEBHOOK_SECRET");
	long timeout, retry;
	if (env_ms("XF_WEBHOOK_TIMEOUT_MS", 5000, 60000, &timeout) != 0 ||
	    env_ms("XF_NOTIFY_RETRY_MS", 1000, 600000, &retry) != 0)
		return -1;
	if (!secret || !*secret) {
		fprintf(stderr, "xianfeng: XF_WEBHOOK_URL needs "
		                "XF_WEBHOOK_SECRET\n");
		return -1;
	}
	xf_sender *s = xf_webhook_sender_new(url, secret, (int)timeout);
	if (!s) {
		fprintf(
		    stderr,
		    "xianfeng: XF_WEBHOOK_URL must be http://host[:port]/path "
		    "(HTTPS through a local relay)\n");
		return -1;
	}
	if (xf_notify_register(s) != 0 ||
	    xf_notify_start(getenv("XF_NOTIFY_KINDS"), (int)retry) != 0) {
		fprintf(stderr,
		        "xianfeng: cannot start the outside channels\n");
		return -1;
	}
	fprintf(stderr, "xianfeng: webhook on for %s\n",
	        getenv("XF_NOTIFY_KINDS") ? getenv("XF_NOTIFY_KINDS")
	                                  : "claim,objection");
	return 0;
}

static int cmd_serve(int argc, char **argv)
{
	const char *db_url = XF_DEFAULT_DB, *listen = "127.0.0.1:8080";
	long threads = sysconf(_SC_NPROCESSORS_ONLN);
	long max_body = 1 << 20;
	int quiet = 0;
	long cache_mb = 64;
	const char *web_root = NULL;
	static const struct option opts[] = {
	    {"cache-mb", 1, NULL, 'c'}, {"web-root", 1, NULL, 'w'},
	    {"db", 1, NULL, 'd'},       {"listen", 1, NULL, 'l'},
	    {"threads", 1, NULL, 't'},  {"max-body", 1, NULL, 'b'},
	    {"quiet", 0, NULL, 'q'},    {"help", 0, NULL, 'h'},
	    {NULL, 0, NULL, 0}};
	int ch;
	char *end;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db_url = optarg;
			break;
		case 'l':
			listen = optarg;
			break;
		case 't':
			threads = strtol(optarg, &end, 10);
			if (*end || threads < 1 || threads > 256)
				return xf_cli_usage_error(
				    "serve", "--threads takes 1..256");
			break;
		case 'b':
			max_body = strtol(optarg, &end, 10);
			if (*end || max_body < 1024 || max_body > (64L << 20))
				return xf_cli_usage_error(
				    "serve",
				    "--max-body takes 1024..67108864 bytes");
			break;
		case 'q':
			quiet = 1;
			break;
		case 'w':
			web_root = optarg;
			break;
		case 'c':
			cache_mb = strtol(optarg, &end, 10);
			if (*end || cache_mb < 0 || cache_mb > 4096)
				return xf_cli_usage_error(
				    "serve", "--cache-mb takes 0..4096");
			break;
		case 'h':
			printf("usage: xianfeng serve [--db DB] [--listen "
			       "HOST:PORT] [--threads N] [--max-body BYTES] "
			       "[--web-root DIR] [--cache-mb N] [--quiet]\n"
			       "--cache-mb bounds the cache of GET answers "
			       "(default 64; 0 turns it off).\n"
			       "--web-root serves the web UI from DIR instead "
			       "of the files built into the binary.\n"
			       "Serves the platform (default %s on "
			       "127.0.0.1:8080).\n",
			       XF_DEFAULT_DB);
			return 0;
		default:
			return xf_cli_bad_option("serve", argv);
		}
	}
	if (optind < argc)
		return xf_cli_usage_error("serve", "unexpected argument");
	/* Requests' arenas and large answers come from the heap and stay there
	 * for the next request: by default glibc maps and unmaps each block
	 * over 128 KiB, a page fault per page every time (the city's tree of
	 * 0.5 MB: 17 -> 3 ms CPU a request). The price: freed memory stays
	 * with the process (peak RSS of a city's mixed load 37 -> 54 MB). */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	char host[64];
	unsigned short port;
	if (parse_listen(listen, host, sizeof host, &port) != 0)
		return xf_cli_usage_error("serve", "--listen takes HOST:PORT");
	/* Check the schema before serving: refuse a newer one. */
	xf_db *db = xf_cli_open_db(db_url, 0);
	if (!db)
		return 1;
	int v = xf_schema_version(db);
	const char *db_name = xf_db_name(db);
	/* personal data is sealed: no key, no server (docs/security.md) */
	if (!xf_seal_current()) {
		fprintf(stderr,
		        "xianfeng: 缺少数据密钥 / no data key: set "
		        "XF_DATA_KEY_FILE or XF_DATA_KEY, or run 'xianfeng "
		        "init' to create %s\n",
		        XF_DATA_KEY_DEFAULT);
		xf_db_close(db);
		return 1;
	}
	if (v == xf_schema_latest() && xf_cli_pii_check(db, 0) != 0) {
		xf_db_close(db);
		return 1;
	}
	xf_db_close(db);
	if (v > xf_schema_latest()) {
		fprintf(stderr,
		        "xianfeng: database schema version %d is newer than "
		        "this program knows (%d); upgrade xianfeng\n",
		        v, xf_schema_latest());
		return 1;
	}
	if (v < xf_schema_latest()) {
		fprintf(stderr,
		        "xianfeng: database schema version %d is older than "
		        "%d; run 'xianfeng init --db %s' first\n",
		        v, xf_schema_latest(), db_url);
		return 1;
	}
	if (auth_setup(threads) != 0)
		return 1;
	if (xf_auth_init() != 0 || xf_svc_init(db_url) != 0 ||
	    xf_live_start(db_url) != 0) {
		fprintf(stderr, "xianfeng: cannot initialise\n");
		return 1;
	}
	xf_api_set_info(XF_VERSION, db_name);
	if (xf_import_limits_from_env() != 0)
		return 1;
	xf_static_set_root(web_root);
	/* Block the stop signals in every thread; wait for them here. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* after the mask: its worker thread inherits it */
	if (notify_setup() != 0)
		return 1;
	xf_http_config cfg = {
	    .host = host,
	    .port = port,
	    .threads = (unsigned)threads,
	    .max_body = (size_t)max_body,
	    .authenticate = xf_api_authenticate,
	    .validate = xf_api_validate,
	    .fallback = xf_static_serve,
	    .cache_bytes = (size_t)cache_mb << 20,
	    .cache_shared = xf_api_cache_shared,
	    .cache_scope = xf_api_cache_scope,
	    .quiet = quiet,
	    /* XF_HSTS=1: every request arrives through the TLS proxy
	     * (deploy/nginx/xianfeng.conf), so browsers may be told to
	     * come back over HTTPS only */
	    .hsts = getenv("XF_HSTS") && strcmp(getenv("XF_HSTS"), "1") == 0,
	    /* reverse proxies whose X-Forwarded-For names the client */
	    .trusted_proxies = getenv("XF_TRUSTED_PROXY"),
	};
	cfg.routes = xf_api_routes(&cfg.nroutes);
	void *srv = xf_http_start(&cfg);
	if (!srv)
		return 1;
	fprintf(stderr, "xianfeng %s serving http://%s:%u/ (%s)\n", XF_VERSION,
	        host, port, db_name);
	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "xianfeng: stopping (signal %d)\n", sig);
	xf_http_stop(srv);
	xf_live_stop();
	xf_notify_stop();
	return 0;
}

/* ---- the table ----------------------------------------------------------- */

typedef struct command {
	const char *name;
	const char *help; /* one line for `xianfeng --help`; NULL: unlisted */
	int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
    {"serve", "serve the platform over HTTP", cmd_serve},
    {"init", "create or migrate the database schema", xf_cmd_init},
    {"demo", "load a small demo city", xf_cmd_demo},
    {"user", "add users, set passwords and roles", xf_cmd_user},
    {"points", "verify point totals against the ledger", xf_cmd_points},
    {"backup", "copy a SQLite database while serving", xf_cmd_backup},
    {"restore", "bring a backup back", xf_cmd_restore},
    {"keys", "new data keys; rotate the key of personal data", xf_cmd_keys},
    {"audit", "verify the audit log's hash chain", xf_cmd_audit},
    {"tallies", "verify or rebuild the kept tallies", xf_cmd_tallies},
    /* the benchmark's bare insert loops (bench/run.sh), not for users */
    {"bench-insert", NULL, xf_cmd_bench_insert},
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void usage(FILE *f)
{
	fprintf(f, "usage: xianfeng COMMAND [options]\ncommands:\n");
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (commands[i].help)
			fprintf(f, "  %-7s %s\n", commands[i].name,
			        commands[i].help);
	fprintf(f, "'xianfeng COMMAND --help' tells more.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	opterr = 0;
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strcmp(cmd, commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
	    strcmp(cmd, "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0) {
		printf("xianfeng %s\n", XF_VERSION);
		return 0;
	}
	fprintf(stderr,
	        "xianfeng: unknown command '%s' (try 'xianfeng "
	        "--help')\n",
	        cmd);
	return 2;
}
