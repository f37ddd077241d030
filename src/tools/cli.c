/*
 * cli.c - what the commands share (see tools.h): their usage errors, all
 * worded alike, and opening the database with the reason printed.
 */
#include "tools/tools.h"

#include "store/audit.h"
#include "store/migrate.h"

#include <getopt.h>
#include <stdio.h>

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
	/* records written before the audit chain (migration 18) join it */
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
