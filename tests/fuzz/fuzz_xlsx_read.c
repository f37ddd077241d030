/*
 * fuzz_xlsx_read.c - libFuzzer harness for the xlsx reader
 * (base/xlsx_read.c): the input is the file as uploaded (a zip archive,
 * or anything else), read with small limits so that they are reached.
 * The corpus holds small workbooks. Invariants:
 *   - the reader returns one of the table's codes and never more
 *     uncompressed bytes than its limit (ASan/LSan watch memory);
 *   - on success the table is within the row and column limits and
 *     every cell is a string within the cell limit.
 *
 * sources: src/base/xlsx_read.c src/base/table.c src/base/buf.c
 * sources: src/base/arena.c src/base/date.c src/base/utf8.c
 * libs: libzip expat
 */
#include "base/xlsx_read.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
	fprintf(stderr, "fuzz_xlsx_read: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xf_table_limits lim = {.max_rows = 200,
	                       .max_cols = 30,
	                       .max_cell = 500,
	                       .max_unpacked = 4 << 20};
	xf_arena a;
	xf_arena_init(&a, 0);
	xf_table t;
	xf_table_err e = xf_xlsx_read(&a, data, size, &lim, &t);
	if (e > XF_TABLE_BAD_XML)
		fail("unknown error code");
	if (e == XF_TABLE_OK) {
		if (t.nrows > lim.max_rows || t.ncols > lim.max_cols)
			fail("table over its limits");
		for (int i = 0; i < t.nrows; i++)
			for (int j = 0; j < t.rows[i].n; j++)
				if (strlen(xf_table_cell(&t, i, j)) >
				    lim.max_cell)
					fail("cell over its limit");
	}
	xf_arena_reset(&a);
	return 0;
}
