/*
 * backup.c - `xianfeng backup` and `xianfeng restore`: a consistent copy of
 * a SQLite database, also while serving, and bringing one back. One
 * command in two directions; PostgreSQL has pg_dump and pg_restore.
 */
#include "tools/tools.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int cmd_copy(int argc, char **argv, int backup)
{
	const char *cmd = backup ? "backup" : "restore";
	const char *db_url = XF_DEFAULT_DB, *file = NULL;
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
			return xf_cli_bad_option(cmd, argv);
	}
	if (!file)
		return xf_cli_usage_error(cmd, backup
		                                   ? "--out FILE is required"
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
	xf_db *db = xf_cli_open_db(db_url, 0);
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

int xf_cmd_backup(int argc, char **argv)
{
	return cmd_copy(argc, argv, 1);
}

int xf_cmd_restore(int argc, char **argv)
{
	return cmd_copy(argc, argv, 0);
}
