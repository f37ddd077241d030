/*
 * tools.h - the commands of the command line that are not use cases, and
 * what every command shares: the default database, the two usage errors
 * and opening the database. main.c lists the commands in its table.
 *
 * A command takes the arguments from its own name on (argv[0] is the
 * command) and returns the exit status: 0 done, 1 failed, 2 usage error
 * (points verify: 1 when totals differ, 2 when it could not check; audit
 * verify: 1 when the chain is broken, 2 when it could not check).
 */
#ifndef XF_TOOLS_TOOLS_H
#define XF_TOOLS_TOOLS_H

#include "store/db.h"

#define XF_DEFAULT_DB "sqlite:data/xianfeng.db"

/* Prints "xianfeng CMD: WHAT (try ...)" to stderr and returns 2. */
int xf_cli_usage_error(const char *cmd, const char *what);
/* The usage error for the option getopt_long() just refused. */
int xf_cli_bad_option(const char *cmd, char **argv);
/* Reads `xianfeng CMD SUB [--db DB]`, SUB one of the NULL-ended subs.
 * Returns -1 to go on, with *sub the index of SUB and *db_url the
 * database (XF_DEFAULT_DB unless --db); otherwise the exit status: 0
 * after printing usage for --help or -h, 2 after a usage error. */
int xf_cli_sub_db(int argc, char **argv, const char *cmd,
                  const char *const *subs, const char *usage, int *sub,
                  const char **db_url);
/* Opens the database at url, migrated to the latest schema if migrate is
 * set (then also sealing personal data still in clear, when the data key
 * is there); NULL after printing why. Loads the data key when there is
 * one (xf_cli_data_key). The caller closes it. */
xf_db *xf_cli_open_db(const char *url, int migrate);
/* Loads the data key of the environment (base/seal.h), creating its file
 * when create and it is missing, and makes it the process's current key.
 * 0, 1 when there is none, -1 after printing why. */
int xf_cli_data_key(int create);
/* Checks the database's personal data against the current key: sealed
 * with another key fails; values in clear are sealed when seal (and a
 * key is there), else fail. 0, or -1 after printing why. */
int xf_cli_pii_check(xf_db *db, int seal);

int xf_cmd_init(int argc, char **argv);         /* init.c */
int xf_cmd_user(int argc, char **argv);         /* user.c */
int xf_cmd_demo(int argc, char **argv);         /* demo.c */
int xf_cmd_points(int argc, char **argv);       /* points_verify.c */
int xf_cmd_backup(int argc, char **argv);       /* backup.c */
int xf_cmd_restore(int argc, char **argv);      /* backup.c */
int xf_cmd_bench_insert(int argc, char **argv); /* bench_insert.c */
int xf_cmd_keys(int argc, char **argv);         /* keys.c */
int xf_cmd_audit(int argc, char **argv);        /* audit_verify.c */
int xf_cmd_tallies(int argc, char **argv);      /* tallies.c */

#endif
