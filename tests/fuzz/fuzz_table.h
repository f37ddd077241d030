/*
 * fuzz_table.h - what the harnesses of the table readers (base/csv.c,
 * base/xlsx_read.c) share: the check of a reader's answer against the
 * limits it was given. A harness that includes it links base/table.c
 * (and base/utf8.c when it asks for the UTF-8 check).
 */
#ifndef XF_FUZZ_TABLE_H
#define XF_FUZZ_TABLE_H

#include "base/table.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Prints "harness: what" and aborts. */
static inline void fuzz_table_fail(const char *harness, const char *what)
{
	fprintf(stderr, "%s: %s\n", harness, what);
	abort();
}

/*
 * Checks what a reader answered (e, and on success the table t) against
 * lim: e is one of the table's codes; on success the table is within the
 * row and column limits and every cell within the cell limit (and valid
 * UTF-8 when utf8 is set). Aborts, naming harness, on the first breach.
 */
static inline void fuzz_table_check(const char *harness, xf_table_err e,
                                    const xf_table *t,
                                    const xf_table_limits *lim, int utf8)
{
	if (e > XF_TABLE_BAD_XML)
		fuzz_table_fail(harness, "unknown error code");
	if (e != XF_TABLE_OK)
		return;
	if (t->nrows > lim->max_rows || t->ncols > lim->max_cols)
		fuzz_table_fail(harness, "table over its limits");
	for (int i = 0; i < t->nrows; i++)
		for (int j = 0; j < t->rows[i].n; j++) {
			const char *s = xf_table_cell(t, i, j);
			size_t n = strlen(s);
			if (n > lim->max_cell)
				fuzz_table_fail(harness, "cell over its limit");
			if (utf8 && !xf_utf8_valid(s, n))
				fuzz_table_fail(harness, "cell not UTF-8");
		}
}

#endif
