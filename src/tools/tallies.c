/*
 * tallies.c - `xianfeng tallies verify` and `xianfeng tallies rebuild`:
 * every kind of kept tally (the aggregates the boards read instead of
 * the history) recomputed from its source rows and compared, all in one
 * read transaction; or rebuilt, all in one write transaction. Each kind
 * is one line of the table below, its SQL in its store file.
 */
#include "store/tallies.h"
#include "store/meeting_tallies.h"
#include "store/org_counts.h"
#include "store/task_tallies.h"
#include "tools/tools.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const struct tally {
	const char *name;
	xf_tally_check_fn check;
	xf_tally_rebuild_fn rebuild;
} tallies[] = {
    /* one line per kind of kept tally */
    {"tasks", xf_store_task_tallies_check, xf_store_task_tallies_rebuild},
    {"compliance", xf_store_meeting_tallies_check,
     xf_store_meeting_tallies_rebuild},
    {"compliance_years", xf_store_meeting_year_tallies_check,
     xf_store_meeting_year_tallies_rebuild},
    {"org_counts", xf_store_org_counts_check, xf_store_org_counts_rebuild},
};
#define NTALLIES (sizeof tallies / sizeof tallies[0])

static void print_line(void *arg, const char *line)
{
	(void)arg;
	printf("%s\n", line);
}

/* Runs every check in one read transaction. Returns the exit status:
 * 0 all equal, 1 a difference, 2 a failure. */
static int verify(xf_db *db)
{
	if (xf_db_begin_read(db) != XF_DB_OK) {
		fprintf(stderr, "xianfeng tallies: %s\n", xf_db_errmsg(db));
		return 2;
	}
	int status = 0;
	for (size_t i = 0; i < NTALLIES; i++) {
		int64_t checked = 0, diffs = 0;
		int rc =
		    tallies[i].check(db, print_line, NULL, &checked, &diffs);
		if (rc != XF_DB_OK) {
			fprintf(stderr, "xianfeng tallies verify: %s: %s\n",
			        tallies[i].name, xf_db_errmsg(db));
			status = 2;
			break;
		}
		printf("%s: %" PRId64 " checked, %" PRId64 " differences\n",
		       tallies[i].name, checked, diffs);
		if (diffs && status == 0)
			status = 1;
	}
	xf_db_rollback(db);
	return status;
}

/* Rebuilds every tally in one write transaction. */
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
	rc = xf_db_end(db, rc);
	return rc == XF_DB_OK ? 0 : 2;
}

int xf_cmd_tallies(int argc, char **argv)
{
	static const char *const subs[] = {"verify", "rebuild", NULL};
	const char *db_url;
	int which;
	int st = xf_cli_sub_db(
	    argc, argv, "tallies", subs,
	    "usage: xianfeng tallies verify|rebuild [--db DB]\n"
	    "verify: recomputes every kept tally from its source rows and "
	    "reports every difference (exit 1 if any).\n"
	    "rebuild: recomputes and replaces them all.\n",
	    &which, &db_url);
	if (st >= 0)
		return st;
	xf_db *db = xf_cli_open_db(db_url, 1);
	if (!db)
		return 2;
	int status = which == 0 ? verify(db) : rebuild(db);
	xf_db_close(db);
	return status;
}
