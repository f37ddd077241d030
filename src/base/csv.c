/*
 * csv.c - the CSV reader: encoding detection (UTF-8, else GB18030 by
 * iconv) and an RFC 4180 field splitter into a table.
 */
#include "base/csv.h"

#include "base/buf.h"
#include "base/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

char *xf_gb18030_to_utf8(xf_arena *a, const char *src, size_t len,
                         size_t *out_len)
{
	/* each GB18030 sequence of n bytes is at most n + 1 bytes of UTF-8
	 * (1 -> 1, 2 -> 3, 4 -> 4) */
	size_t cap = len + len / 2 + 8;
	char *dst = xf_arena_alloc(a, cap);
	if (!dst)
		return NULL;
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	char *in = (char *)src;
	size_t inleft = len;
	char *out = dst;
	size_t outleft = cap - 1;
	size_t rc = iconv(cd, &in, &inleft, &out, &outleft);
	if (rc != (size_t)-1)
		rc = iconv(cd, NULL, NULL, &out, &outleft);
	iconv_close(cd);
	if (rc == (size_t)-1 || inleft != 0)
		return NULL;
	*out = '\0';
	*out_len = (size_t)(out - dst);
	return xf_utf8_valid(dst, *out_len) ? dst : NULL;
}

xf_table_err xf_csv_read(xf_arena *a, const char *data, size_t len,
                         const xf_table_limits *lim, xf_table *t)
{
	xf_table_builder b;
	xf_table_builder_init(&b, a, lim, t);
	if (len > 0 && memchr(data, '\0', len))
		return XF_TABLE_BINARY;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!xf_utf8_valid(data, len)) {
		data = xf_gb18030_to_utf8(a, data, len, &len);
		if (!data)
			return XF_TABLE_ENCODING;
	}
	xf_buf field;
	xf_buf_init(&field, b.lim->max_cell + 1);
	xf_table_err e = XF_TABLE_OK;
	size_t i = 0;
	int col = 0, row = 0;
	int in_row = 0; /* something of the current row was read */
	while (i < len && e == XF_TABLE_OK) {
		char ch = data[i];
		xf_buf_clear(&field);
		if (ch == '"') {
			/* a quoted field: up to the lone closing quote */
			i++;
			for (;;) {
				const char *q = memchr(data + i, '"', len - i);
				size_t end = q ? (size_t)(q - data) : len;
				xf_buf_add(&field, data + i, end - i);
				i = end;
				if (!q)
					break;
				i++; /* the quote */
				if (i < len && data[i] == '"') {
					xf_buf_addc(&field, '"');
					i++;
					continue;
				}
				break;
			}
			/* text after the closing quote belongs to the field */
			while (i < len && data[i] != ',' && data[i] != '\n' &&
			       data[i] != '\r')
				xf_buf_addc(&field, data[i++]);
		} else {
			size_t start = i;
			while (i < len && data[i] != ',' && data[i] != '\n' &&
			       data[i] != '\r')
				i++;
			xf_buf_add(&field, data + start, i - start);
		}
		if (field.failed) {
			e = XF_TABLE_CELL_TOO_LONG;
			break;
		}
		if (field.len)
			e = xf_table_set(&b, col, field.data, field.len);
		else if (col >= b.lim->max_cols)
			e = XF_TABLE_TOO_MANY_COLS;
		in_row = 1;
		if (e != XF_TABLE_OK)
			break;
		if (i < len && data[i] == ',') {
			i++;
			col++;
			if (i == len) /* "a," at the very end */
				break;
			continue;
		}
		/* end of line or of input */
		if (i < len && data[i] == '\r')
			i++;
		if (i < len && data[i] == '\n')
			i++;
		e = xf_table_end_row(&b, row++);
		col = 0;
		in_row = 0;
	}
	if (e == XF_TABLE_OK && in_row)
		e = xf_table_end_row(&b, row);
	xf_buf_free(&field);
	return e;
}
