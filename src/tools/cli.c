/*
 * cli.c - what the commands share (see tools.h): their usage errors, all
 * worded alike, opening the database with the reason printed, and the
 * data key that seals personal data (base/seal.h) with its checks.
 */
#include "tools/tools.h"

#include "base/seal.h"
#include "store/audit.h"
#include "store/migrate.h"
#include "store/pii.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static xf_seal_key data_key; /* the process's, once loaded */

int xf_cli_usage_error(const char *cmd, const char *what)
{
	fprintf(stderr, "xianfeng %s: %s (try 'xianfeng %s --help')\n", cmd,
	        what, cmd);
	return 2;
}

int xf_cli_bad_option(const char *cmd, char **argv)
{
	char msg[256];
	snprintf(msg, sizeof msg, "unknown or incomplete option '%s'",
	         argv[optind - 1]);
	return xf_cli_usage_error(cmd, msg);
}

int xf_cli_sub_db(int argc, char **argv, const char *cmd,
                  const char *const *subs, const char *usage, int *sub,
                  const char **db_url)
{
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'}, {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int help = argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	                         strcmp(argv[1], "-h") == 0);
	for (int i = 2; i < argc; i++)
		help |= strcmp(argv[i], "--help") == 0;
	if (help) {
		fputs(usage, stdout);
		return 0;
	}
	*sub = -1;
	for (int i = 0; argc >= 2 && subs[i]; i++)
		if (strcmp(argv[1], subs[i]) == 0)
			*sub = i;
	if (*sub < 0)
		return xf_cli_usage_error(cmd, "unknown subcommand");
	*db_url = XF_DEFAULT_DB;
	int ch;
	optind = 2;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			*db_url = optarg;
		else
			return xf_cli_bad_option(cmd, argv);
	}
	if (optind < argc)
		return xf_cli_usage_error(cmd, "unexpected argument");
	return -1;
}

xf_db *xf_cli_open_db(const char *url, int migrate)
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
	if (xf_cli_data_key(0) < 0 ||
	    (migrate && xf_cli_pii_check(db, 1) != 0)) {
		xf_db_close(db);
		return NULL;
	}
	/* records written before the audit chain (migration 21) join it, after
	 * the data step masked their snapshots (unchained rows may change) */
	int64_t chained = 0;
	if (migrate && xf_store_audit_chain_old(db, &chained) != XF_DB_OK) {
		fprintf(stderr, "xianfeng: cannot chain the audit log: %s\n",
		        xf_db_errmsg(db));
		xf_db_close(db);
		return NULL;
	}
	if (chained)
		fprintf(stderr, "xianfeng: %lld audit records chained\n",
		        (long long)chained);
	return db;
}

int xf_cli_data_key(int create)
{
	if (data_key.set)
		return 0;
	char err[512];
	int created = 0;
	int rc = xf_seal_key_load(&data_key, create, &created, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "xianfeng: %s\n", err);
		return -1;
	}
	if (rc == 0)
		xf_seal_set_current(&data_key);
	if (created)
		fprintf(stderr,
		        "xianfeng: created the data key %s (mode 0600); keep "
		        "a copy apart from the database and its backups\n",
		        xf_seal_key_source());
	return rc;
}

int xf_cli_pii_check(xf_db *db, int seal)
{
	int64_t clear = 0, n = 0;
	char kid[XF_SEAL_KID_LEN];
	const xf_seal_key *k = xf_seal_current();
	if (xf_store_pii_status(db, &clear, kid) != XF_DB_OK) {
		fprintf(stderr, "xianfeng: cannot read members: %s\n",
		        xf_db_errmsg(db));
		return -1;
	}
	if (*kid && (!k || strcmp(kid, k->kid) != 0)) {
		fprintf(
		    stderr,
		    "xianfeng: 数据密钥不匹配 / the data key %s (key id %s) "
		    "does not open this database's personal data, sealed "
		    "with key id %s\n",
		    k ? xf_seal_key_source() : "(none)", k ? k->kid : "-", kid);
		return -1;
	}
	if (!clear)
		return 0;
	if (!seal || !k) {
		fprintf(stderr,
		        "xianfeng: %lld members' ID numbers and phones are "
		        "still in clear; run 'xianfeng init' with the data key "
		        "to seal them\n",
		        (long long)clear);
		return seal ? 0 : -1;
	}
	xf_arena a;
	xf_arena_init(&a, 0);
	int rc = xf_db_begin(db);
	if (rc == XF_DB_OK)
		rc = xf_store_pii_reseal(db, &a, NULL, k, &n);
	rc = xf_db_end(db, rc);
	xf_arena_reset(&a);
	if (rc == XF_DB_OK)
		rc = xf_store_pii_compact(db);
	if (rc != XF_DB_OK) {
		fprintf(stderr, "xianfeng: cannot seal personal data: %s\n",
		        xf_db_errmsg(db));
		return -1;
	}
	fprintf(stderr,
	        "xianfeng: sealed the ID numbers and phones of %lld "
	        "members\n",
	        (long long)n);
	return 0;
}
