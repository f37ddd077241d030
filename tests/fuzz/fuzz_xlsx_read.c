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
#include "fuzz_table.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	fuzz_table_check("fuzz_xlsx_read", e, &t, &lim, 0);
	xf_arena_reset(&a);
	return 0;
}
