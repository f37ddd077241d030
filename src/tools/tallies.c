/*
 * tallies.c - `tallies verify` and `tallies rebuild`: every kind of kept
 * tally (store/tallies.h) checked against a recount from its source rows
 * in one read transaction, or rebuilt from them in one write transaction.
 */
#include "tools/tools.h"

#include "store/tallies.h"

#include "store/org_counts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const struct tally {
	const char *name;
	xf_tally_check_fn check;
	xf_tally_rebuild_fn rebuild;
} tallies[] = {
    /* one line per kind of kept tally */
    {"org_counts", xf_store_org_counts_check, xf_store_org_counts_rebuild},
};
#define NTALLIES (sizeof tallies / sizeof tallies[0])

static void print_line(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
}

/* Every check in one read transaction; 0 none differs, 1 some does, 2
 * could not check. */
static int verify(xf_db *db)
{
	if (xf_db_begin_read(db) != XF_DB_OK) {
		fprintf(stderr, "xianfeng tallies verify: %s\n",
		        xf_db_errmsg(db));
		return 2;
	}
	int64_t all = 0;
	for (size_t i = 0; i < NTALLIES; i++) {
		int64_t checked = 0, diffs = 0;
		int rc =
		    tallies[i].check(db, print_line, NULL, &checked, &diffs);
		if (rc != XF_DB_OK) {
			fprintf(stderr, "xianfeng tallies verify: %s: %s\n",
			        tallies[i].name, xf_db_errmsg(db));
			xf_db_rollback(db);
			return 2;
		}
		printf("%s: %lld checked, %lld differences\n", tallies[i].name,
		       (long long)checked, (long long)diffs);
		all += diffs;
	}
	xf_db_rollback(db);
	return all ? 1 : 0;
}

/* Every rebuild in one write transaction; 0 done, 1 failed. */
static int rebuild(xf_db *db)
{
	int rc = xf_db_begin(db);
	for (size_t i = 0; i < NTALLIES && rc == XF_DB_OK; i++) {
		rc = tallies[i].rebuild(db);
		if (rc != XF_DB_OK)
			fprintf(stderr, "xianfeng tallies rebuild: %s: %s\n",
			        tallies[i].name, xf_db_errmsg(db));
		else
			printf("%s: rebuilt\n", tallies[i].name);
	}
	if (rc == XF_DB_OK)
		rc = xf_db_commit(db);
	else
		xf_db_rollback(db);
	return rc == XF_DB_OK ? 0 : 1;
}

int xf_cmd_tallies(int argc, char **argv)
{
	const char *db_url = XF_DEFAULT_DB;
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'}, {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int help = argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	                         strcmp(argv[1], "-h") == 0);
	for (int i = 2; i < argc; i++)
		help |= strcmp(argv[i], "--help") == 0;
	if (help) {
		printf("usage: xianfeng tallies verify|rebuild [--db DB]\n"
		       "verify: recounts every kept tally from its rows and "
		       "reports every difference (exit 1 if any).\n"
		       "rebuild: recounts every kept tally and writes it.\n");
		return 0;
	}
	int is_verify = argc >= 2 && strcmp(argv[1], "verify") == 0;
	if (argc < 2 || (!is_verify && strcmp(argv[1], "rebuild") != 0))
		return xf_cli_usage_error("tallies", "unknown subcommand");
	int ch;
	optind = 2;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else
			return xf_cli_bad_option("tallies", argv);
	}
	if (optind < argc)
		return xf_cli_usage_error("tallies", "unexpected argument");
	xf_db *db = xf_cli_open_db(db_url, 1);
	if (!db)
		return 2;
	int rc = is_verify ? verify(db) : rebuild(db);
	xf_db_close(db);
	return rc;
}
