/*
 * keys.c - `xianfeng keys`: the data key that seals personal data
 * (base/seal.h). `keys new --out FILE` writes a new random key (mode
 * 0600); `keys rotate --db DB --old-key-file OLD --new-key-file NEW`
 * re-seals every member's ID number and phone under NEW and recomputes the
 * blind indexes, in one transaction: afterwards OLD opens nothing.
 */
#include "tools/tools.h"

#include "base/seal.h"
#include "store/pii.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static int usage(FILE *f)
{
	fprintf(f, "usage: xianfeng keys new --out FILE\n"
	           "       xianfeng keys rotate [--db DB] --old-key-file OLD "
	           "--new-key-file NEW\n"
	           "new: writes a new random data key to FILE (mode 0600).\n"
	           "rotate: re-seals every ID number and phone under NEW in "
	           "one transaction;\nstop the servers first, then start them "
	           "with XF_DATA_KEY_FILE=NEW.\n");
	return f == stdout ? 0 : 2;
}

static int key_new(int argc, char **argv)
{
	const char *out = NULL;
	static const struct option opts[] = {
	    {"out", 1, NULL, 'o'}, {"help", 0, NULL, 'h'}, {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'o')
			out = optarg;
		else if (ch == 'h')
			return usage(stdout);
		else
			return xf_cli_bad_option("keys", argv);
	}
	if (!out || optind < argc)
		return xf_cli_usage_error("keys", "new takes --out FILE");
	char err[512];
	if (xf_seal_key_create_file(out, err, sizeof err) != 0) {
		fprintf(stderr, "xianfeng: %s\n", err);
		return 1;
	}
	xf_seal_key k;
	if (xf_seal_key_read_file(&k, out, err, sizeof err) != 0) {
		fprintf(stderr, "xianfeng: %s\n", err);
		return 1;
	}
	printf("key id %s written to %s\n", k.kid, out);
	xf_seal_key_wipe(&k);
	return 0;
}

static int rotate(xf_db *db, const xf_seal_key *from, const xf_seal_key *to)
{
	int64_t clear = 0, n = 0;
	char kid[XF_SEAL_KID_LEN];
	if (xf_store_pii_status(db, &clear, kid) != XF_DB_OK) {
		fprintf(stderr, "xianfeng: %s\n", xf_db_errmsg(db));
		return 1;
	}
	if (clear) {
		fprintf(stderr,
		        "xianfeng: %lld members are still in clear; run "
		        "'xianfeng init' with the old key first\n",
		        (long long)clear);
		return 1;
	}
	if (*kid && strcmp(kid, from->kid) != 0) {
		fprintf(stderr,
		        "xianfeng: the old key (key id %s) is not the one that "
		        "sealed this database (key id %s); nothing changed\n",
		        from->kid, kid);
		return 1;
	}
	xf_arena a;
	xf_arena_init(&a, 0);
	int rc = xf_db_begin(db);
	if (rc == XF_DB_OK)
		rc = xf_store_pii_reseal(db, &a, from, to, &n);
	rc = xf_db_end(db, rc);
	xf_arena_reset(&a);
	if (rc == XF_DB_OK && xf_store_pii_compact(db) != XF_DB_OK)
		fprintf(
		    stderr,
		    "xianfeng: re-sealed, but the tables were not compacted "
		    "(%s): run VACUUM\n",
		    xf_db_errmsg(db));
	if (rc != XF_DB_OK) {
		fprintf(stderr,
		        "xianfeng: rotation failed, nothing changed: %s\n",
		        *xf_db_errmsg(db) ? xf_db_errmsg(db)
		                          : "a value did not open with the old "
		                            "key");
		return 1;
	}
	printf("re-sealed %lld members: key id %s -> %s\n", (long long)n,
	       from->kid, to->kid);
	return 0;
}

static int key_rotate(int argc, char **argv)
{
	const char *db_url = XF_DEFAULT_DB, *old_file = NULL, *new_file = NULL;
	static const struct option opts[] = {{"db", 1, NULL, 'd'},
	                                     {"old-key-file", 1, NULL, 'o'},
	                                     {"new-key-file", 1, NULL, 'n'},
	                                     {"help", 0, NULL, 'h'},
	                                     {NULL, 0, NULL, 0}};
	int ch;
	while ((ch = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (ch == 'd')
			db_url = optarg;
		else if (ch == 'o')
			old_file = optarg;
		else if (ch == 'n')
			new_file = optarg;
		else if (ch == 'h')
			return usage(stdout);
		else
			return xf_cli_bad_option("keys", argv);
	}
	if (!old_file || !new_file || optind < argc)
		return xf_cli_usage_error(
		    "keys", "rotate takes --old-key-file and --new-key-file");
	xf_seal_key from, to;
	char err[512];
	if (xf_seal_key_read_file(&from, old_file, err, sizeof err) != 0 ||
	    xf_seal_key_read_file(&to, new_file, err, sizeof err) != 0) {
		fprintf(stderr, "xianfeng: %s\n", err);
		return 1;
	}
	if (strcmp(from.kid, to.kid) == 0) {
		fprintf(stderr,
		        "xianfeng: the old and new keys are the same\n");
		return 1;
	}
	xf_db *db = xf_cli_open_db(db_url, 0);
	int rc = db ? rotate(db, &from, &to) : 1;
	if (db)
		xf_db_close(db);
	xf_seal_key_wipe(&from);
	xf_seal_key_wipe(&to);
	return rc;
}

int xf_cmd_keys(int argc, char **argv)
{
	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "new") == 0)
		return key_new(argc - 1, argv + 1);
	if (strcmp(argv[1], "rotate") == 0)
		return key_rotate(argc - 1, argv + 1);
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return usage(stdout);
	return xf_cli_usage_error("keys", "takes new or rotate");
}
