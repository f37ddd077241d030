/*
 * fuzz_dues.c - libFuzzer harness for the rules of 党费 (domain/dues.c):
 * months "YYYY-MM" from outside input, the monthly amount in fen, the
 * months owed.
 *
 * The input, cut at its first NUL, is a month, and its bytes also make an
 * income and a category. Invariants:
 *   - xf_dues_month_parse accepts exactly 7 characters, gives a year of
 *     1900 to 2200 and a month of 1 to 12, and xf_dues_month_format
 *     writes the same text back;
 *   - the monthly amount of a known category and an income in range is
 *     0 to 2% of the income (20 fen for the flat categories), never
 *     decreasing with the income within a category; -1 out of range;
 *   - the owed mask has only bits 1 to 12 and is within the year's mask.
 *
 * sources: src/domain/dues.c src/base/date.c
 * libs:
 */
#include "domain/dues.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *s)
{
	fprintf(stderr, "fuzz_dues: %s: \"%s\"\n", what, s);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size);
	int y = 0, m = 0;
	if (xf_dues_month_parse(s, &y, &m) == 0) {
		char back[8];
		if (strlen(s) != 7 || y < 1900 || y > 2200 || m < 1 || m > 12)
			fail("month out of range", s);
		xf_dues_month_format(y, m, back);
		if (strcmp(back, s) != 0)
			fail("month does not round-trip", s);
		char joined[11];
		snprintf(joined, sizeof joined, "%04d-%02d-15", y, m);
		int all = xf_dues_owed_mask(joined, y, "2200-12-31");
		int now = xf_dues_owed_mask(joined, y, "2026-06-30");
		if ((all & ~0x1ffe) || (now & ~all))
			fail("owed mask", s);
		if (xf_dues_months_in(all) != 12 - m)
			fail("months after admission", s);
	}
	/* an income from the bytes, in and just out of range */
	uint64_t bytes = 0;
	for (size_t i = 0; i < size && i < 8; i++)
		bytes = bytes * 256 + data[i];
	int64_t income = (int64_t)(bytes % (uint64_t)(XF_DUES_INCOME_MAX + 2));
	const char *cat = xf_dues_categories[size % 4].code;
	int64_t fen = xf_dues_monthly_fen(cat, income);
	if (income > XF_DUES_INCOME_MAX) {
		if (fen != -1)
			fail("income out of range accepted", cat);
	} else {
		int bp = xf_dues_rate_bp(cat, income);
		if (fen < 0 || bp < 0 || bp > 200)
			fail("amount or rate out of range", cat);
		if (bp == 0 && fen != XF_DUES_FLAT_FEN)
			fail("flat amount", cat);
		if (bp > 0 && fen > income / 50 + 1)
			fail("amount above 2%", cat);
		if (income > 0 && xf_dues_monthly_fen(cat, income - 1) > fen)
			fail("amount decreases with income", cat);
	}
	free(s);
	return 0;
}
