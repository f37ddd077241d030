/*
 * dues.c - 党费 rates, the monthly amount in fen and the months owed.
 */
#include "domain/dues.h"

#include "base/date.h"

#include <string.h>

const xf_code xf_dues_categories[] = {
    {"employed", "在职"},          {"retired", "离退休"}, {"student", "学生"},
    {"low_income", "失业/低收入"}, {NULL, NULL},
};

/* The brackets of a category: income up to `upto` fen (inclusive; -1:
 * no bound) at `bp` basis points. */
typedef struct bracket {
	int64_t upto;
	int bp;
} bracket;

static const bracket employed[] = {
    {300000, 50}, {500000, 100}, {1000000, 150}, {-1, 200}};
static const bracket retired[] = {{500000, 50}, {-1, 100}};

static int is_flat(const char *category)
{
	return strcmp(category, "student") == 0 ||
	       strcmp(category, "low_income") == 0;
}

int xf_dues_rate_bp(const char *category, int64_t income_fen)
{
	if (!category || income_fen < 0 || income_fen > XF_DUES_INCOME_MAX)
		return -1;
	const bracket *b;
	if (strcmp(category, "employed") == 0)
		b = employed;
	else if (strcmp(category, "retired") == 0)
		b = retired;
	else if (is_flat(category))
		return 0;
	else
		return -1;
	while (b->upto >= 0 && income_fen > b->upto)
		b++;
	return b->bp;
}

int64_t xf_dues_monthly_fen(const char *category, int64_t income_fen)
{
	int bp = xf_dues_rate_bp(category, income_fen);
	if (bp < 0)
		return -1;
	if (bp == 0)
		return XF_DUES_FLAT_FEN;
	/* income × bp / 10000, half up: exact in integers */
	return (income_fen * bp + 5000) / 10000;
}

int xf_dues_month_parse(const char *s, int *year, int *month)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	        (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1900 || y > 2200 || m < 1 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 0;
}

void xf_dues_month_format(int year, int month, char out[8])
{
	unsigned y = (unsigned)year % 10000, m = (unsigned)month % 100;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '\0';
}

int xf_dues_month_owed(const char *joined, int year, int month)
{
	xf_date j;
	if (!joined || xf_date_parse(joined, &j) != 0)
		return 0;
	return year * 12 + month > j.y * 12 + j.m;
}

int xf_dues_owed_mask(const char *joined, int year, const char *today)
{
	xf_date t;
	if (!today || xf_date_parse(today, &t) != 0 || year > t.y)
		return 0;
	int last = year < t.y ? 12 : t.m;
	int mask = 0;
	for (int m = 1; m <= last; m++)
		if (xf_dues_month_owed(joined, year, m))
			mask |= 1 << m;
	return mask;
}

int xf_dues_months_in(int mask)
{
	int n = 0;
	for (int m = 1; m <= 12; m++)
		n += (mask >> m) & 1;
	return n;
}
