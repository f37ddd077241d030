/*
 * fuzz_csv.c - libFuzzer harness for the CSV reader (base/csv.c): the
 * input is the file (not NUL-terminated, so AddressSanitizer sees a read
 * past its end), read with small limits so that they are reached.
 * Invariants:
 *   - the reader returns one of the table's codes;
 *   - on success every cell is valid UTF-8 within the cell limit, and
 *     the table is within the row and column limits.
 *
 * sources: src/base/csv.c src/base/table.c src/base/utf8.c
 * sources: src/base/buf.c src/base/arena.c src/base/date.c
 * libs:
 */
#include "base/csv.h"
#include "fuzz_table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	xf_table_limits lim = {.max_rows = 50,
	                       .max_cols = 12,
	                       .max_cell = 200,
	                       .max_unpacked = 1 << 20};
	char *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	xf_arena a;
	xf_arena_init(&a, 0);
	xf_table t;
	xf_table_err e = xf_csv_read(&a, copy, size, &lim, &t);
	fuzz_table_check("fuzz_csv", e, &t, &lim, 1);
	xf_arena_reset(&a);
	free(copy);
	return 0;
}
