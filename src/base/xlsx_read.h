/*
 * xlsx_read.h - reads the first worksheet of an .xlsx workbook (Office
 * Open XML, as Microsoft Excel, WPS and LibreOffice save it) in memory
 * into a table of UTF-8 text: libzip over a memory buffer, expat over
 * the parts. No xlsx reader library is packaged for Debian.
 *
 * What it reads: the workbook's first sheet through the package and
 * workbook relationships; shared strings (rich text runs joined,
 * phonetic runs left out), inline strings, formula cells by their cached
 * value (never evaluated), booleans, numbers, and numbers in a date
 * format (styles.xml) as "YYYY-MM-DD". Cells are placed by their
 * reference ("C7"), so gaps stay gaps; a merged range repeats its
 * top-left value in every cell of the range.
 *
 * Limits (xf_table_limits): rows, columns, cell length, and the total of
 * uncompressed bytes read from the archive, counted as they are
 * inflated (a zip bomb is refused, whatever its headers claim). Documents
 * with a DTD are refused (no entity expansion).
 *
 * Memory: the table lives in the arena a (see table.h); nothing else is
 * kept.
 */
#ifndef XF_BASE_XLSX_READ_H
#define XF_BASE_XLSX_READ_H

#include "base/table.h"

/* Reads data[0..len) into *t within lim (NULL: the defaults). Returns
 * XF_TABLE_OK or why the file is refused. */
xf_table_err xf_xlsx_read(xf_arena *a, const void *data, size_t len,
                          const xf_table_limits *lim, xf_table *t);

#endif
