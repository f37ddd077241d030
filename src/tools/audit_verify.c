/*
 * audit_verify.c - `xianfeng audit verify`: walks the audit log's hash
 * chain (store/audit.c) and names the first record that was edited,
 * removed, reordered or inserted behind the program's back. Exit 0 when
 * the chain holds, 1 when it is broken, 2 when it could not be checked.
 * It only reads: the database is not migrated.
 */
#include "tools/tools.h"

#include "store/audit.h"
#include "store/migrate.h"

#include <stdio.h>
#include <string.h>

int xf_cmd_audit(int argc, char **argv)
{
	static const char *const subs[] = {"verify", NULL};
	const char *db_url;
	int which;
	int st = xf_cli_sub_db(
	    argc, argv, "audit", subs,
	    "usage: xianfeng audit verify [--db DB]\n"
	    "Checks the audit log's hash chain: prints OK and the number of "
	    "records, or the first record that was edited, removed, "
	    "reordered or inserted (exit 1).\n",
	    &which, &db_url);
	if (st >= 0)
		return st;
	xf_db *db = xf_cli_open_db(db_url, 0);
	if (!db)
		return 2;
	int v = xf_schema_version(db);
	if (v != xf_schema_latest()) {
		fprintf(stderr,
		        "xianfeng audit verify: schema version %d, this "
		        "program's is %d; run 'xianfeng init --db %s' first\n",
		        v, xf_schema_latest(), db_url);
		xf_db_close(db);
		return 2;
	}
	xf_audit_verdict verdict;
	int rc = xf_store_audit_verify(db, &verdict);
	if (rc != XF_DB_OK) {
		fprintf(stderr, "xianfeng audit verify: %s\n",
		        xf_db_errmsg(db));
		xf_db_close(db);
		return 2;
	}
	xf_db_close(db);
	if (!verdict.bad) {
		printf("OK %lld records\n", (long long)verdict.checked);
		return 0;
	}
	if (verdict.id)
		printf("BROKEN record id %lld (#%lld) %s: %s\n",
		       (long long)verdict.id, (long long)verdict.seq,
		       verdict.what, verdict.why);
	else
		printf("BROKEN record #%lld %s: %s\n", (long long)verdict.seq,
		       verdict.what, verdict.why);
	return 1;
}
