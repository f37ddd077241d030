/*
 * init.c - `xianfeng init`: creates the schema of a new database or
 * migrates an older one to the latest version (idempotent), creating the
 * data key file when none is configured and sealing personal data that an
 * older version stored in clear (cli.c).
 */
#include "tools/tools.h"

#include "base/seal.h"
#include "store/migrate.h"

#include <getopt.h>
#include <stdio.h>

int xf_cmd_init(int argc, char **argv)
{
	const char *db_url = XF_DEFAULT_DB;
	static const struct option opts[] = {
	    {"db", 1, NULL, 'd'}, {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else if (ch == 'h') {
			printf("usage: xianfeng init [--db DB]\n"
			       "Creates or migrates the schema (idempotent) "
			       "and seals personal data still in clear.\n"
			       "The data key: XF_DATA_KEY, else the file "
			       "XF_DATA_KEY_FILE (default " XF_DATA_KEY_DEFAULT
			       ", created when missing).\n"
			       "DB is sqlite:PATH (default %s) or "
			       "postgres:CONNINFO.\n",
			       XF_DEFAULT_DB);
			return 0;
		} else
			return xf_cli_bad_option("init", argv);
	}
	if (optind < argc)
		return xf_cli_usage_error("init", "unexpected argument");
	if (xf_cli_data_key(1) < 0) /* the demo's key, made if missing */
		return 1;
	xf_db *db = xf_cli_open_db(db_url, 1);
	if (!db)
		return 1;
	printf("schema version %d\n", xf_schema_version(db));
	xf_db_close(db);
	return 0;
}
