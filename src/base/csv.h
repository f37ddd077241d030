/*
 * csv.h - reads a CSV file (RFC 4180: comma-separated, fields quoted with
 * "..." and "" inside, CRLF, LF or CR line ends, a UTF-8 byte order mark)
 * in memory into a table of UTF-8 text. The encoding is detected: bytes
 * that are valid UTF-8 are UTF-8, anything else is read as GB18030 (a
 * superset of GBK and GB2312, what Excel saves on Chinese Windows)
 * through iconv.
 *
 * Memory: the table lives in the arena a (see table.h).
 */
#ifndef XF_BASE_CSV_H
#define XF_BASE_CSV_H

#include "base/table.h"

/* Reads data[0..len) into *t within lim (NULL: the defaults). Returns
 * XF_TABLE_OK or why the file is refused. */
xf_table_err xf_csv_read(xf_arena *a, const char *data, size_t len,
                         const xf_table_limits *lim, xf_table *t);

/* Converts GB18030 text src[0..len) to UTF-8 in a (NUL-terminated, its
 * length in *out_len). Returns NULL when it is not GB18030 or memory
 * runs out. */
char *xf_gb18030_to_utf8(xf_arena *a, const char *src, size_t len,
                         size_t *out_len);

#endif
