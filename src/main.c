/*
 * main.c - the command line: serve, init, demo, user. Each command parses
 * its flags, opens the database and calls the service layer; `serve` hands
 * the API's route table to the HTTP server.
 */
#include "api/api.h"
#include "http/server.h"
#include "http/static.h"
#include "service/auth.h"
#include "service/ctx.h"
#include "store/bulk.h"
#include "store/migrate.h"
#include "tools/demo.h"
#include "tools/generate.h"
#include "tools/generate_points.h"
#include "tools/points_verify.h"

#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define XF_VERSION "0.1.0"
#define DEFAULT_DB "sqlite:data/xianfeng.db"

static int usage_error(const char *cmd, const char *what)
{
	fprintf(stderr, "xianfeng %s: %s (try 'xianfeng %s --help')\n", cmd,
	        what, cmd);
	return 2;
}

/* Reports an unknown or malformed option the same way for every command. */
static int bad_option(const char *cmd, char **argv)
{
	char msg[256];
	snprintf(msg, sizeof msg, "unknown or incomplete option '%s'",
	         argv[optind - 1]);
	return usage_error(cmd, msg);
}

static xf_db *open_db(const char *url, int migrate)
{
	char err[512];
	xf_db *db = xf_db_open(url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "xianfeng: %s\n", err);
		return NULL;
	}
	if (migrate && xf_schema_migrate(db, err, sizeof err) != 0) {
		fprintf(stderr, "xianfeng: %s\n", err);
		xf_db_close(db);
		return NULL;
	}
	return db;
}

/* ---- init ---------------------------------------------------------------- */

static int cmd_init(int argc, char **argv)
{
	const char *db_url = DEFAULT_DB;
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'}, {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else if (ch == 'h') {
			printf("usage: xianfeng init [--db DB]\n"
			       "Creates or migrates the schema (idempotent).\n"
			       "DB is sqlite:PATH (default %s) or "
			       "postgres:CONNINFO.\n",
			       DEFAULT_DB);
			return 0;
		} else
			return bad_option("init", argv);
	}
	if (optind < argc)
		return usage_error("init", "unexpected argument");
	xf_db *db = open_db(db_url, 1);
	if (!db)
		return 1;
	printf("schema version %d\n", xf_schema_version(db));
	xf_db_close(db);
	return 0;
}

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

static int cmd_serve(int argc, char **argv)
{
	const char *db_url = DEFAULT_DB, *listen = "127.0.0.1:8080";
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
				return usage_error("serve",
				                   "--threads takes 1..256");
			break;
		case 'b':
			max_body = strtol(optarg, &end, 10);
			if (*end || max_body < 1024 || max_body > (64L << 20))
				return usage_error(
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
				return usage_error("serve",
				                   "--cache-mb takes 0..4096");
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
			       DEFAULT_DB);
			return 0;
		default:
			return bad_option("serve", argv);
		}
	}
	if (optind < argc)
		return usage_error("serve", "unexpected argument");
	char host[64];
	unsigned short port;
	if (parse_listen(listen, host, sizeof host, &port) != 0)
		return usage_error("serve", "--listen takes HOST:PORT");
	/* Check the schema before serving: refuse a newer one. */
	xf_db *db = open_db(db_url, 0);
	if (!db)
		return 1;
	int v = xf_schema_version(db);
	const char *db_name = xf_db_name(db);
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
	if (xf_auth_init() != 0 || xf_svc_init(db_url) != 0) {
		fprintf(stderr, "xianfeng: cannot initialise\n");
		return 1;
	}
	xf_api_set_info(XF_VERSION, db_name);
	xf_static_set_root(web_root);
	/* Block the stop signals in every thread; wait for them here. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	xf_http_config cfg = {
	    .host = host,
	    .port = port,
	    .threads = (unsigned)threads,
	    .max_body = (size_t)max_body,
	    .authenticate = xf_api_authenticate,
	    .fallback = xf_static_serve,
	    .cache_bytes = (size_t)cache_mb << 20,
	    .quiet = quiet,
	};
	cfg.routes = xf_api_routes(&cfg.nroutes);
	cfg.body_limits = xf_api_body_limits(&cfg.nbody_limits);
	void *srv = xf_http_start(&cfg);
	if (!srv)
		return 1;
	fprintf(stderr, "xianfeng %s serving http://%s:%u/ (%s)\n", XF_VERSION,
	        host, port, db_name);
	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "xianfeng: stopping (signal %d)\n", sig);
	xf_http_stop(srv);
	return 0;
}

/* ---- demo ---------------------------------------------------------------- */

static int cmd_demo(int argc, char **argv)
{
	const char *db_url = DEFAULT_DB;
	int scale = 0, history = 1;
	unsigned long long seed = 1;
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'},   {"scale", 1, NULL, 's'},
	    {"seed", 1, NULL, 'S'}, {"no-history", 0, NULL, 'n'},
	    {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int ch;
	char *end;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else if (ch == 's') {
			if (strcmp(optarg, "small") == 0)
				scale = 0;
			else if (strcmp(optarg, "city") == 0)
				scale = 1;
			else if (strcmp(optarg, "province") == 0)
				scale = 2;
			else
				return usage_error(
				    "demo",
				    "--scale takes small, city or province");
		} else if (ch == 'n') {
			history = 0;
		} else if (ch == 'S') {
			seed = strtoull(optarg, &end, 10);
			if (*end || !*optarg)
				return usage_error("demo",
				                   "--seed takes a number");
		} else if (ch == 'h') {
			printf("usage: xianfeng demo [--db DB] [--scale "
			       "small|city|province] [--seed N]\n"
			       "Loads a demo city into an empty database and "
			       "creates user 'admin' (password from "
			       "$XF_ADMIN_PASSWORD, else a random one printed "
			       "once).\n"
			       "small: a few hundred members with histories; "
			       "--no-history: only organizations, members "
			       "and accounts (city/province); "
			       "city: ~3,000 organizations and ~100,000 "
			       "members; province: ten times a city.\n");
			return 0;
		} else
			return bad_option("demo", argv);
	}
	if (optind < argc)
		return usage_error("demo", "unexpected argument");
	if (xf_auth_init() != 0)
		return 1;
	xf_db *db = open_db(db_url, 1);
	if (!db)
		return 1;
	const char *pw = getenv("XF_ADMIN_PASSWORD");
	char buf[32];
	int generated = 0;
	if (!pw || !*pw) {
		xf_demo_random_password(buf, sizeof buf);
		pw = buf;
		generated = 1;
	}
	char err[256] = "";
	int rc;
	if (scale == 0) {
		rc = xf_demo_load(db, pw, err, sizeof err);
	} else {
		xf_gen_stats st = {0};
		rc = xf_generate(db, scale, seed, pw, history, &st, err,
		                 sizeof err);
		/* rows/s: rows written per second of wall time from BEGIN
		 * to COMMIT, index builds and kept counts included */
		if (rc == 0)
			printf("generated %lld organizations and %lld members "
			       "in %.2f s (%.0f rows/s)\n",
			       (long long)st.orgs, (long long)st.members,
			       st.seconds, st.rows_per_s);
		if (rc == 0 && history) {
			int64_t n = st.meetings + st.tasks + st.milestones;
			printf("generated %lld meetings, %lld tasks and %lld "
			       "milestones in %.2f s (%.0f rows/s)\n",
			       (long long)st.meetings, (long long)st.tasks,
			       (long long)st.milestones, st.history_seconds,
			       (double)n / (st.history_seconds + 1e-9));
		}
		if (rc == 0 && history) {
			/* 20 ledger entries a member: ~2,000,000 for a city */
			xf_gen_points_stats ps = {0};
			rc = xf_generate_points(db, 20, seed,
			                        (int64_t)time(NULL), &ps, err,
			                        sizeof err);
			if (rc == 0)
				printf(
				    "generated %lld ledger entries in %.2f s "
				    "(%.0f rows/s; of which kept totals "
				    "rebuilt in %.2f s)\n",
				    (long long)ps.entries, ps.seconds,
				    ps.entries_per_s, ps.totals_seconds);
		}
		if (rc == 0 && xf_db_after_load(db) != XF_DB_OK) {
			snprintf(err, sizeof err,
			         "statistics after the load: %s",
			         xf_db_errmsg(db));
			rc = 1;
		}
	}
	xf_db_close(db);
	if (rc != 0) {
		fprintf(stderr, "xianfeng demo: %s\n", err);
		return 1;
	}
	if (generated)
		printf("demo city loaded; user 'admin' password: %s\n", pw);
	else
		printf("demo city loaded; user 'admin' password from "
		       "$XF_ADMIN_PASSWORD\n");
	return 0;
}

/* ---- user ---------------------------------------------------------------- */

static int cmd_user(int argc, char **argv)
{
	const char *db_url = DEFAULT_DB, *username = NULL, *password = NULL;
	const char *display = NULL;
	xf_user_role roles[XF_MAX_GRANTS];
	int nroles = 0;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		printf("usage: xianfeng user add|passwd|roles --username NAME "
		       "[--password PW] [--display-name NAME] "
		       "[--role ROLE[:ORG_ID]]... [--db DB]\n"
		       "  add     creates a user (password from --password "
		       "or $XF_PASSWORD)\n"
		       "  passwd  sets a new password\n"
		       "  roles   replaces the user's roles\n"
		       "Roles: admin, committee, secretary, member, judge, "
		       "screen.\n");
		return argc < 2 ? 2 : 0;
	}
	const char *sub = argv[1];
	if (strcmp(sub, "add") != 0 && strcmp(sub, "passwd") != 0 &&
	    strcmp(sub, "roles") != 0)
		return usage_error("user", "unknown subcommand");
	static const struct option opts[] = {{"db", 1, NULL, 'd'},
	                                     {"username", 1, NULL, 'u'},
	                                     {"password", 1, NULL, 'p'},
	                                     {"role", 1, NULL, 'r'},
	                                     {"display-name", 1, NULL, 'n'},
	                                     {"help", 0, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	int ch;
	optind = 2;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db_url = optarg;
			break;
		case 'u':
			username = optarg;
			break;
		case 'p':
			password = optarg;
			break;
		case 'n':
			display = optarg;
			break;
		case 'r': {
			if (nroles == XF_MAX_GRANTS)
				return usage_error("user", "too many roles");
			char *colon = strchr(optarg, ':');
			roles[nroles].org_id = 0;
			if (colon) {
				*colon = '\0';
				char *end;
				roles[nroles].org_id =
				    strtoll(colon + 1, &end, 10);
				if (*end || roles[nroles].org_id < 1)
					return usage_error(
					    "user", "--role ROLE[:ORG_ID]");
			}
			roles[nroles].role = optarg;
			roles[nroles].org_path = NULL;
			nroles++;
			break;
		}
		case 'h':
			return cmd_user(1, argv);
		default:
			return bad_option("user", argv);
		}
	}
	if (!username)
		return usage_error("user", "--username is required");
	if (!password)
		password = getenv("XF_PASSWORD");
	if (strcmp(sub, "roles") != 0 && (!password || strlen(password) < 8))
		return usage_error("user",
		                   "a password of 8 or more characters is "
		                   "required (--password or $XF_PASSWORD)");
	if (xf_auth_init() != 0)
		return 1;
	xf_db *db = open_db(db_url, 1);
	if (!db)
		return 1;
	xf_arena a;
	xf_arena_init(&a, 0);
	xf_ctx c;
	xf_ctx_init(&c, db, &a, NULL, "cli");
	int rc;
	xf_user u;
	if (strcmp(sub, "add") == 0) {
		xf_user_input in = {.username = username,
		                    .password = password,
		                    .display_name = display,
		                    .roles = roles,
		                    .nroles = nroles};
		rc = xf_user_create(&c, &in, &u);
	} else {
		rc = xf_user_find(&c, username, &u);
		if (rc == XF_OK) {
			int is_roles = strcmp(sub, "roles") == 0;
			xf_user_input in = {.password = password,
			                    .has_password = !is_roles,
			                    .roles = roles,
			                    .nroles = nroles,
			                    .has_roles = is_roles};
			rc = xf_user_update(&c, u.id, &in, &u);
		}
	}
	if (rc != XF_OK)
		fprintf(stderr, "xianfeng user %s: %s%s%s\n", sub,
		        c.err.message ? c.err.message : "failed",
		        c.err.field ? " " : "", c.err.field ? c.err.field : "");
	else
		printf("user %s: %s (id %lld)\n", sub, u.username,
		       (long long)u.id);
	xf_arena_reset(&a);
	xf_db_close(db);
	return rc == XF_OK ? 0 : 1;
}

/* ---- backup / restore ---------------------------------------------------- */

static int cmd_copy(int argc, char **argv, int backup)
{
	const char *cmd = backup ? "backup" : "restore";
	const char *db_url = DEFAULT_DB, *file = NULL;
	static const struct option opts[] = {{"db", 1, NULL, 'd'},
	                                     {"out", 1, NULL, 'o'},
	                                     {"from", 1, NULL, 'f'},
	                                     {"help", 0, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else if (ch == 'o' && backup)
			file = optarg;
		else if (ch == 'f' && !backup)
			file = optarg;
		else if (ch == 'h') {
			printf(backup
			           ? "usage: xianfeng backup [--db DB] --out "
			             "FILE\nA consistent copy of a SQLite "
			             "database, also while serving. For "
			             "PostgreSQL use pg_dump -Fc.\n"
			           : "usage: xianfeng restore [--db DB] "
			             "--from FILE\nReplaces the database's "
			             "content with a backup (stop serve "
			             "first). For PostgreSQL use "
			             "pg_restore.\n");
			return 0;
		} else
			return bad_option(cmd, argv);
	}
	if (!file)
		return usage_error(cmd, backup ? "--out FILE is required"
		                               : "--from FILE is required");
	if (strncmp(db_url, "sqlite:", 7) != 0) {
		fprintf(stderr,
		        "xianfeng %s: only for SQLite; for PostgreSQL use "
		        "pg_dump -Fc / pg_restore (see docs/operations.md)\n",
		        cmd);
		return 2;
	}
	if (!backup && access(file, R_OK) != 0) {
		fprintf(stderr, "xianfeng restore: cannot read %s\n", file);
		return 1;
	}
	xf_db *db = open_db(db_url, 0);
	if (!db)
		return 1;
	int rc = backup ? xf_db_backup(db, file) : xf_db_restore(db, file);
	if (rc != XF_DB_OK)
		fprintf(stderr, "xianfeng %s: %s\n", cmd, xf_db_errmsg(db));
	else
		printf("%s: done\n", cmd);
	xf_db_close(db);
	return rc == XF_DB_OK ? 0 : 1;
}

/* ---- bench-insert --------------------------------------------------------
 * The bare prepared-insert loops that the benchmark compares the generator
 * with (not for users; see bench/run.sh): five-column rows into a scratch
 * table, or with --members member rows into the members table of a new
 * database. */
static int cmd_bench_insert(int argc, char **argv)
{
	int members = argc == 4 && strcmp(argv[3], "--members") == 0;
	if (argc != 3 && !members)
		return usage_error("bench-insert",
		                   "usage: bench-insert DB ROWS [--members]");
	char *end;
	long n = strtol(argv[2], &end, 10);
	if (*end || n < 1 || n > 10000000)
		return usage_error("bench-insert", "ROWS is 1..10000000");
	xf_db *db = open_db(argv[1], members);
	if (!db)
		return 1;
	/* the ID numbers before the clock starts: unique, 18 characters */
	char *idbuf = members ? malloc((size_t)n * 19) : NULL;
	const char **ids = members ? malloc((size_t)n * sizeof *ids) : NULL;
	int rc = XF_DB_OK;
	if (members) {
		rc = idbuf && ids ? xf_bulk_ceiling_setup(db) : XF_DB_ERROR;
		for (long i = 0; rc == XF_DB_OK && i < n; i++) {
			ids[i] = idbuf + i * 19;
			snprintf(idbuf + i * 19, 19, "33020219%010u",
			         (unsigned)i);
		}
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (rc == XF_DB_OK)
		rc = members ? xf_bulk_ceiling_members(db, (int)n, ids)
		             : xf_bulk_ceiling(db, (int)n);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	xf_db_close(db);
	free(ids);
	free(idbuf);
	double s = (double)(t1.tv_sec - t0.tv_sec) +
	           (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (rc != XF_DB_OK)
		return 1;
	printf("%ld rows in %.3f s (%.0f rows/s)\n", n, s, (double)n / s);
	return 0;
}

/* ---- points -------------------------------------------------------------- */

static void print_line(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
}

/* `points verify`: recomputes every kept total from the ledger. */
static int cmd_points(int argc, char **argv)
{
	const char *db_url = DEFAULT_DB;
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'}, {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int help = argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	                         strcmp(argv[1], "-h") == 0);
	for (int i = 2; i < argc; i++)
		help |= strcmp(argv[i], "--help") == 0;
	if (help || argc < 2 || strcmp(argv[1], "verify") != 0) {
		if (help) {
			printf("usage: xianfeng points verify [--db DB]\n"
			       "Recomputes all point totals from the ledger "
			       "and reports every difference (exit 1 if "
			       "any).\n");
			return 0;
		}
		return usage_error("points", "unknown subcommand");
	}
	int ch;
	optind = 2;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else
			return bad_option("points", argv);
	}
	if (optind < argc)
		return usage_error("points", "unexpected argument");
	xf_db *db = open_db(db_url, 1);
	if (!db)
		return 1;
	if (xf_svc_init(db_url) != 0) { /* the checking threads' connections */
		xf_db_close(db);
		return 1;
	}
	xf_arena a;
	xf_arena_init(&a, 0);
	xf_ctx c;
	xf_ctx_init(&c, db, &a, NULL, "cli");
	int64_t checked = 0, diffs = 0;
	int rc = xf_points_verify(&c, print_line, NULL, &checked, &diffs);
	if (rc != XF_OK)
		fprintf(stderr, "xianfeng points verify: %s\n",
		        c.err.message ? c.err.message : "failed");
	else
		printf("points verify: %lld totals checked, %lld "
		       "differences\n",
		       (long long)checked, (long long)diffs);
	xf_arena_reset(&a);
	xf_db_close(db);
	return rc != XF_OK ? 2 : diffs ? 1 : 0;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: xianfeng COMMAND [options]\n"
	           "commands:\n"
	           "  serve   serve the platform over HTTP\n"
	           "  init    create or migrate the database schema\n"
	           "  demo    load a small demo city\n"
	           "  user    add users, set passwords and roles\n"
	           "  points  verify point totals against the ledger\n"
	           "  backup  copy a SQLite database while serving\n"
	           "  restore bring a backup back\n"
	           "'xianfeng COMMAND --help' tells more.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *cmd = argv[1];
	opterr = 0;
	if (strcmp(cmd, "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	if (strcmp(cmd, "init") == 0)
		return cmd_init(argc - 1, argv + 1);
	if (strcmp(cmd, "demo") == 0)
		return cmd_demo(argc - 1, argv + 1);
	if (strcmp(cmd, "user") == 0)
		return cmd_user(argc - 1, argv + 1);
	if (strcmp(cmd, "points") == 0)
		return cmd_points(argc - 1, argv + 1);
	if (strcmp(cmd, "backup") == 0)
		return cmd_copy(argc - 1, argv + 1, 1);
	if (strcmp(cmd, "restore") == 0)
		return cmd_copy(argc - 1, argv + 1, 0);
	if (strcmp(cmd, "bench-insert") == 0)
		return cmd_bench_insert(argc - 1, argv + 1);
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
