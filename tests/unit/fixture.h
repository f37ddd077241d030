/* fixture.h - what the unit tests share: checks of one expression over a
 * list of inputs, a table of cases run through a check, and a throwaway
 * SQLite database in a temp directory.
 * Include after <cmocka.h>. */
#ifndef XF_TEST_FIXTURE_H
#define XF_TEST_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"

/* assert_true_for(EXPR, "a", "b", ...): EXPR, written in terms of the
 * string `str`, is true for every string given (NULL allowed), one check per
 * string, in order; a failure names the expression and the string.
 * assert_false_for is the same with false. */
#define XF_EACH_(want, expr, ...)                                              \
	do {                                                                   \
		const char *const xf_each_[] = {__VA_ARGS__};                  \
		for (size_t xf_i_ = 0;                                         \
		     xf_i_ < sizeof xf_each_ / sizeof xf_each_[0]; xf_i_++) {  \
			const char *str = xf_each_[xf_i_];                     \
			if ((bool)(expr) != (want))                            \
				fail_msg("%s is %s for \"%s\"", #expr,         \
				         (want) ? "false" : "true",            \
				         str ? str : "(NULL)");                \
		}                                                              \
	} while (0)
#define assert_true_for(expr, ...)  XF_EACH_(true, expr, __VA_ARGS__)
#define assert_false_for(expr, ...) XF_EACH_(false, expr, __VA_ARGS__)

/* assert_int_map(EXPR, {"a", 1}, {"b", 2}, ...): EXPR, written in terms of
 * the string `str`, gives the number paired with each string (NULL
 * allowed), one check per pair, in order; a failure names the expression,
 * the string, what it gave and what it should have. assert_string_map is
 * the same for an EXPR that gives a string. */
#define assert_int_map(expr, ...)                                              \
	do {                                                                   \
		const struct {                                                 \
			const char *in;                                        \
			long long want;                                        \
		} xf_map_[] = {__VA_ARGS__};                                   \
		for (size_t xf_i_ = 0;                                         \
		     xf_i_ < sizeof xf_map_ / sizeof xf_map_[0]; xf_i_++) {    \
			const char *str = xf_map_[xf_i_].in;                   \
			long long xf_got_ = (long long)(expr);                 \
			if (xf_got_ != xf_map_[xf_i_].want)                    \
				fail_msg("%s is %lld for \"%s\", not %lld",    \
				         #expr, xf_got_, str ? str : "(NULL)", \
				         xf_map_[xf_i_].want);                 \
		}                                                              \
	} while (0)
#define assert_string_map(expr, ...)                                           \
	do {                                                                   \
		const struct {                                                 \
			const char *in;                                        \
			const char *want;                                      \
		} xf_map_[] = {__VA_ARGS__};                                   \
		for (size_t xf_i_ = 0;                                         \
		     xf_i_ < sizeof xf_map_ / sizeof xf_map_[0]; xf_i_++) {    \
			const char *str = xf_map_[xf_i_].in;                   \
			const char *xf_got_ = (expr);                          \
			if (!xf_got_ || strcmp(xf_got_, xf_map_[xf_i_].want))  \
				fail_msg(                                      \
				    "%s is \"%s\" for \"%s\", not \"%s\"",     \
				    #expr, xf_got_ ? xf_got_ : "(NULL)",       \
				    str ? str : "(NULL)",                      \
				    xf_map_[xf_i_].want);                      \
		}                                                              \
	} while (0)

/* assert_each(TYPE, CHECK, {...}, {...}, ...): CHECK(&c), a function that
 * asserts what one case of a table says, for each case c of the table of
 * TYPE written out, in order. A test file defines its TYPE and CHECK and,
 * as a rule, an assert_NAME(...) that passes them. */
#define assert_each(type, check, ...)                                          \
	do {                                                                   \
		const type xf_cases_[] = {__VA_ARGS__};                        \
		for (size_t xf_i_ = 0;                                         \
		     xf_i_ < sizeof xf_cases_ / sizeof xf_cases_[0]; xf_i_++)  \
			check(&xf_cases_[xf_i_]);                              \
	} while (0)

/* A fresh temp directory from a mkdtemp template ("/tmp/xf-x.XXXXXX",
 * rewritten in place) and the URL "sqlite:<dir>/t.db" of a database in it.
 * Returns 0, or -1 if the directory could not be made. */
static inline int xf_test_sqlite_dir(char *dir, size_t dirsz, const char *tmpl,
                                     char *url, size_t urlsz)
{
	snprintf(dir, dirsz, "%s", tmpl);
	if (!mkdtemp(dir))
		return -1;
	snprintf(url, urlsz, "sqlite:%s/t.db", dir);
	return 0;
}

/* Removes a directory made by xf_test_sqlite_dir (nothing if dir is empty):
 * 0, or -1 if that failed. For a group teardown. */
static inline int xf_test_rm_dir(const char *dir)
{
	if (!dir[0])
		return 0;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Opens the database at url, asserting that it opens. */
static inline xf_db *xf_test_db_open(const char *url)
{
	char err[256];
	xf_db *db = xf_db_open(url, err, sizeof err);
	if (!db)
		print_error("%s: %s\n", url, err);
	assert_non_null(db);
	return db;
}

/* For a group setup: opens the database at url, runs fn on it and closes
 * it. Returns fn's result (0 for success), or -1 if it did not open. */
static inline int xf_test_db_with(const char *url, int (*fn)(xf_db *db))
{
	char err[256];
	xf_db *db = xf_db_open(url, err, sizeof err);
	if (!db) {
		fprintf(stderr, "%s: %s\n", url, err);
		return -1;
	}
	int rc = fn(db);
	xf_db_close(db);
	return rc;
}

#endif
