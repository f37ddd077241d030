/*
 * xlsx_read.c - the xlsx reader: the package's relationships to find the
 * workbook, its first sheet, shared strings and styles; expat parsers
 * for each part; cells placed by reference; merged ranges filled.
 */
#include "base/xlsx_read.h"

#include "base/buf.h"

#include <expat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* Most relationships, shared strings, styles and merged ranges read. */
#define MAX_RELS   1000
#define MAX_STYLES 100000
#define MAX_MERGES 100000

typedef struct reader {
	zip_t *z;
	xf_arena *a;
	const xf_table_limits *lim;
	size_t unpacked; /* uncompressed bytes read so far */
} reader;

/* Reads the entry name (no leading "/") into a NUL-terminated malloc'd
 * buffer the caller frees. *out NULL when the archive has no such
 * entry. */
static xf_table_err read_entry(reader *rd, const char *name, char **out,
                               size_t *len)
{
	*out = NULL;
	*len = 0;
	while (*name == '/')
		name++;
	zip_int64_t idx = zip_name_locate(rd->z, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return XF_TABLE_OK;
	zip_file_t *f = zip_fopen_index(rd->z, (zip_uint64_t)idx, 0);
	if (!f)
		return XF_TABLE_NOT_XLSX;
	size_t room = rd->lim->max_unpacked - rd->unpacked;
	xf_buf b;
	xf_buf_init(&b, room);
	char chunk[16384];
	xf_table_err e = XF_TABLE_OK;
	for (;;) {
		zip_int64_t n = zip_fread(f, chunk, sizeof chunk);
		if (n < 0) {
			e = XF_TABLE_NOT_XLSX;
			break;
		}
		if (n == 0)
			break;
		if (xf_buf_add(&b, chunk, (size_t)n) != 0) {
			e = b.len + (size_t)n > room ? XF_TABLE_TOO_BIG
			                             : XF_TABLE_NOMEM;
			break;
		}
	}
	zip_fclose(f);
	if (e == XF_TABLE_OK) {
		rd->unpacked += b.len;
		*len = b.len;
		*out = b.data ? xf_buf_detach(&b) : strdup("");
		if (!*out)
			e = XF_TABLE_NOMEM;
	}
	xf_buf_free(&b);
	return e;
}

/* The local part of an element or attribute name ("x:c" -> "c"). */
static const char *local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

/* What every part parser shares: the error that stopped it. */
typedef struct parse_state {
	XML_Parser p;
	xf_table_err err;
} parse_state;

static void stop(parse_state *ps, xf_table_err e)
{
	if (ps->err == XF_TABLE_OK)
		ps->err = e;
	XML_StopParser(ps->p, XML_FALSE);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name,
                               const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	stop(ud, XF_TABLE_BAD_XML);
}

/* Parses text[0..len) with the handlers; ud starts with a parse_state. */
static xf_table_err parse(const char *text, size_t len, void *ud,
                          XML_StartElementHandler start,
                          XML_EndElementHandler end,
                          XML_CharacterDataHandler chars)
{
	parse_state *ps = ud;
	XML_Parser p = XML_ParserCreate("UTF-8");
	if (!p)
		return XF_TABLE_NOMEM;
	ps->p = p;
	ps->err = XF_TABLE_OK;
	XML_SetUserData(p, ud);
	XML_SetElementHandler(p, start, end);
	if (chars)
		XML_SetCharacterDataHandler(p, chars);
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	if (len > INT32_MAX) {
		XML_ParserFree(p);
		return XF_TABLE_TOO_BIG;
	}
	enum XML_Status st = XML_Parse(p, text, (int)len, 1);
	xf_table_err e = ps->err;
	if (st == XML_STATUS_ERROR && e == XF_TABLE_OK)
		e = XF_TABLE_BAD_XML;
	XML_ParserFree(p);
	return e;
}

/* Reads the entry name and parses it with the handlers (ud as in
 * parse); *found says whether the archive has it. */
static xf_table_err parse_entry(reader *rd, const char *name, int *found,
                                void *ud, XML_StartElementHandler start,
                                XML_EndElementHandler end,
                                XML_CharacterDataHandler chars)
{
	char *text;
	size_t len;
	xf_table_err e = read_entry(rd, name, &text, &len);
	*found = text != NULL;
	if (e == XF_TABLE_OK && text)
		e = parse(text, len, ud, start, end, chars);
	free(text);
	return e;
}

/* ---- relationships ----------------------------------------------------- */

typedef struct rel {
	const char *id, *type, *target;
} rel;

typedef struct rels_state {
	parse_state ps;
	xf_arena *a;
	rel items[MAX_RELS];
	int n;
} rels_state;

static void XMLCALL rels_start(void *ud, const XML_Char *name,
                               const XML_Char **atts)
{
	rels_state *s = ud;
	if (strcmp(local(name), "Relationship") != 0 || s->n >= MAX_RELS)
		return;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"),
	           *target = attr(atts, "Target");
	if (!id || !type || !target)
		return;
	rel *r = &s->items[s->n];
	r->id = xf_arena_strdup(s->a, id);
	r->type = xf_arena_strdup(s->a, type);
	r->target = xf_arena_strdup(s->a, target);
	if (!r->id || !r->type || !r->target)
		stop(&s->ps, XF_TABLE_NOMEM);
	else
		s->n++;
}

static void XMLCALL no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* The target of type (ending) or id in s, or NULL. */
static const char *rel_find(const rels_state *s, const char *type,
                            const char *id)
{
	for (int i = 0; i < s->n; i++)
		if ((type && ends_with(s->items[i].type, type)) ||
		    (id && strcmp(s->items[i].id, id) == 0))
			return s->items[i].target;
	return NULL;
}

/* A target relative to the directory dir ("xl/") as an entry name. */
static const char *resolve(xf_arena *a, const char *dir, const char *target)
{
	if (target[0] == '/')
		return target + 1;
	while (strncmp(target, "./", 2) == 0)
		target += 2;
	return xf_arena_printf(a, "%s%s", dir, target);
}

/* ---- workbook: the first sheet's relationship id ---------------------- */

typedef struct workbook_state {
	parse_state ps;
	xf_arena *a;
	const char *sheet_rid;
} workbook_state;

static void XMLCALL workbook_start(void *ud, const XML_Char *name,
                                   const XML_Char **atts)
{
	workbook_state *s = ud;
	if (s->sheet_rid || strcmp(local(name), "sheet") != 0)
		return;
	const char *id = attr(atts, "id");
	if (id)
		s->sheet_rid = xf_arena_strdup(s->a, id);
}

/* ---- shared strings ----------------------------------------------------- */

typedef struct strings_state {
	parse_state ps;
	xf_arena *a;
	const xf_table_limits *lim;
	const char **items;
	int n, alloc;
	int in_si, in_t, in_rph;
	xf_buf text;
} strings_state;

static void XMLCALL strings_start(void *ud, const XML_Char *name,
                                  const XML_Char **atts)
{
	(void)atts;
	strings_state *s = ud;
	const char *l = local(name);
	if (strcmp(l, "si") == 0) {
		s->in_si = 1;
		xf_buf_clear(&s->text);
	} else if (strcmp(l, "rPh") == 0) {
		s->in_rph = 1;
	} else if (strcmp(l, "t") == 0 && s->in_si && !s->in_rph) {
		s->in_t = 1;
	}
}

static void XMLCALL strings_end(void *ud, const XML_Char *name)
{
	strings_state *s = ud;
	const char *l = local(name);
	if (strcmp(l, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(l, "rPh") == 0) {
		s->in_rph = 0;
	} else if (strcmp(l, "si") == 0 && s->in_si) {
		s->in_si = 0;
		if (s->text.failed) {
			stop(&s->ps, XF_TABLE_CELL_TOO_LONG);
			return;
		}
		if (s->n == s->alloc) {
			int na = s->alloc ? s->alloc * 2 : 256;
			const char **p =
			    xf_arena_calloc(s->a, (size_t)na, sizeof *p);
			if (!p) {
				stop(&s->ps, XF_TABLE_NOMEM);
				return;
			}
			if (s->n)
				memcpy(p, s->items, (size_t)s->n * sizeof *p);
			s->items = p;
			s->alloc = na;
		}
		const char *v = xf_arena_strndup(
		    s->a, s->text.data ? s->text.data : "", s->text.len);
		if (!v) {
			stop(&s->ps, XF_TABLE_NOMEM);
			return;
		}
		s->items[s->n++] = v;
	}
}

static void XMLCALL strings_chars(void *ud, const XML_Char *text, int len)
{
	strings_state *s = ud;
	if (s->in_t)
		xf_buf_add(&s->text, text, (size_t)len);
}

/* ---- styles: which cell formats are dates ------------------------------ */

typedef struct styles_state {
	parse_state ps;
	xf_arena *a;
	/* custom number formats that show a date */
	int date_fmts[256];
	int ndate_fmts;
	int in_xfs;
	unsigned char *is_date; /* per cellXfs index */
	int n, alloc;
} styles_state;

/* Whether a number format code shows a date: a d, m or y outside quoted
 * text, brackets ([Red], [h]) and escapes. */
static int code_is_date(const char *code)
{
	int quoted = 0, bracket = 0;
	for (const char *p = code; *p; p++) {
		if (quoted) {
			quoted = *p != '"';
			continue;
		}
		if (bracket) {
			bracket = *p != ']';
			continue;
		}
		switch (*p) {
		case '"':
			quoted = 1;
			break;
		case '[':
			bracket = 1;
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1])
				p++;
			break;
		case 'd':
		case 'D':
		case 'y':
		case 'Y':
			return 1;
		case 'h': /* a time (h:mm) is not a date */
		case 'H':
		case 's':
			return 0;
		default:
			break;
		}
	}
	return 0;
}

/* Built-in date formats: 14-22 (incl. times), 27-36 and 50-58 (East
 * Asian dates), 45-47 (times). Times count: their serial is a date. */
static int builtin_is_date(int id)
{
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

static void XMLCALL styles_start(void *ud, const XML_Char *name,
                                 const XML_Char **atts)
{
	styles_state *s = ud;
	const char *l = local(name);
	if (strcmp(l, "numFmt") == 0) {
		const char *id = attr(atts, "numFmtId"),
		           *code = attr(atts, "formatCode");
		if (id && code && code_is_date(code) && s->ndate_fmts < 256)
			s->date_fmts[s->ndate_fmts++] = atoi(id);
	} else if (strcmp(l, "cellXfs") == 0) {
		s->in_xfs = 1;
	} else if (strcmp(l, "xf") == 0 && s->in_xfs) {
		if (s->n >= MAX_STYLES)
			return;
		if (s->n == s->alloc) {
			int na = s->alloc ? s->alloc * 2 : 64;
			unsigned char *p = xf_arena_calloc(s->a, (size_t)na, 1);
			if (!p) {
				stop(&s->ps, XF_TABLE_NOMEM);
				return;
			}
			if (s->n)
				memcpy(p, s->is_date, (size_t)s->n);
			s->is_date = p;
			s->alloc = na;
		}
		const char *id = attr(atts, "numFmtId");
		int fmt = id ? atoi(id) : 0;
		int date = builtin_is_date(fmt);
		for (int i = 0; i < s->ndate_fmts && !date; i++)
			date = s->date_fmts[i] == fmt;
		s->is_date[s->n++] = (unsigned char)date;
	}
}

static void XMLCALL styles_end(void *ud, const XML_Char *name)
{
	styles_state *s = ud;
	if (strcmp(local(name), "cellXfs") == 0)
		s->in_xfs = 0;
}

/* ---- the sheet ---------------------------------------------------------- */

typedef struct merge {
	int r1, c1, r2, c2;
} merge;

typedef struct sheet_state {
	parse_state ps;
	xf_table_builder b;
	const strings_state *strings;
	const styles_state *styles;
	int row;      /* 0-based index of the current row */
	int next_row; /* the row a <row> without r= is */
	int col;      /* 0-based column of the current cell */
	int next_col;
	char type[16];
	int style;
	int in_v, in_t, in_is, in_rph, in_cell;
	xf_buf text;
	merge *merges;
	int nmerges;
} sheet_state;

/* Parses a cell reference "C7" into 0-based column and row; returns 0,
 * or -1 when it is not one. Either part may be missing (-1). */
static int parse_ref(const char *ref, int *col, int *row)
{
	long c = 0, r = 0;
	const char *p = ref;
	while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) {
		c = c * 26 + ((*p | 0x20) - 'a' + 1);
		if (c > 16384)
			return -1;
		p++;
	}
	while (*p >= '0' && *p <= '9') {
		r = r * 10 + (*p - '0');
		if (r > 1048576)
			return -1;
		p++;
	}
	if (*p)
		return -1;
	*col = (int)c - 1;
	*row = (int)r - 1;
	return 0;
}

static void XMLCALL sheet_start(void *ud, const XML_Char *name,
                                const XML_Char **atts)
{
	sheet_state *s = ud;
	const char *l = local(name);
	if (strcmp(l, "row") == 0) {
		const char *r = attr(atts, "r");
		int col, row;
		s->row = s->next_row;
		if (r && parse_ref(r, &col, &row) == 0 && row >= 0)
			s->row = row;
		if (s->row < s->b.t->nrows)
			s->row = s->b.t->nrows;
		if (s->row >= s->b.lim->max_rows) {
			stop(&s->ps, XF_TABLE_TOO_MANY_ROWS);
			return;
		}
		s->next_col = 0;
	} else if (strcmp(l, "c") == 0) {
		const char *r = attr(atts, "r"), *t = attr(atts, "t"),
		           *st = attr(atts, "s");
		int col, row;
		s->col = s->next_col;
		if (r && parse_ref(r, &col, &row) == 0 && col >= 0)
			s->col = col;
		s->next_col = s->col + 1;
		snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
		s->style = st ? atoi(st) : 0;
		s->in_cell = 1;
		xf_buf_clear(&s->text);
	} else if (!s->in_cell) {
		if (strcmp(l, "mergeCell") == 0) {
			const char *ref = attr(atts, "ref");
			const char *colon = ref ? strchr(ref, ':') : NULL;
			if (!colon || s->nmerges >= MAX_MERGES)
				return;
			char first[16];
			size_t n = (size_t)(colon - ref);
			if (n >= sizeof first)
				return;
			memcpy(first, ref, n);
			first[n] = '\0';
			merge m;
			if (parse_ref(first, &m.c1, &m.r1) != 0 ||
			    parse_ref(colon + 1, &m.c2, &m.r2) != 0 ||
			    m.c1 < 0 || m.r1 < 0 || m.c2 < m.c1 || m.r2 < m.r1)
				return;
			if (s->nmerges % 256 == 0) {
				merge *p = xf_arena_calloc(
				    s->b.a, (size_t)s->nmerges + 256,
				    sizeof *p);
				if (!p) {
					stop(&s->ps, XF_TABLE_NOMEM);
					return;
				}
				if (s->nmerges)
					memcpy(p, s->merges,
					       (size_t)s->nmerges * sizeof *p);
				s->merges = p;
			}
			s->merges[s->nmerges++] = m;
		}
	} else if (strcmp(l, "v") == 0) {
		s->in_v = 1;
	} else if (strcmp(l, "is") == 0) {
		s->in_is = 1;
	} else if (strcmp(l, "rPh") == 0) {
		s->in_rph = 1;
	} else if (strcmp(l, "t") == 0 && s->in_is && !s->in_rph) {
		s->in_t = 1;
	}
}

/* A plain number as Excel wrote it; integers in exponent form
 * ("1.3800138E10") written out in digits. */
static const char *number_text(sheet_state *s, const char *v, char *tmp,
                               size_t n)
{
	if (!strpbrk(v, "eE"))
		return v;
	char *end;
	double d = strtod(v, &end);
	if (*end || !(d > -1e15 && d < 1e15) || d != (double)(int64_t)d)
		return v;
	(void)s;
	snprintf(tmp, n, "%lld", (long long)d);
	return tmp;
}

static void end_cell(sheet_state *s)
{
	if (s->text.failed) {
		stop(&s->ps, XF_TABLE_CELL_TOO_LONG);
		return;
	}
	const char *v = s->text.data ? s->text.data : "";
	char tmp[32];
	if (strcmp(s->type, "s") == 0) {
		char *end;
		long i = strtol(v, &end, 10);
		v = (*v && !*end && i >= 0 && i < s->strings->n)
		        ? s->strings->items[i]
		        : "";
	} else if (strcmp(s->type, "b") == 0) {
		v = strcmp(v, "1") == 0 ? "TRUE" : "FALSE";
	} else if (strcmp(s->type, "d") == 0) {
		if (strlen(v) > 10 && v[10] == 'T') {
			memcpy(tmp, v, 10);
			tmp[10] = '\0';
			v = tmp;
		}
	} else if (strcmp(s->type, "n") == 0 && *v) {
		if (s->style >= 0 && s->style < s->styles->n &&
		    s->styles->is_date[s->style] &&
		    xf_excel_serial_date(v, tmp) == 0)
			v = tmp;
		else
			v = number_text(s, v, tmp, sizeof tmp);
	}
	if (*v) {
		xf_table_err e = xf_table_set(&s->b, s->col, v, strlen(v));
		if (e != XF_TABLE_OK)
			stop(&s->ps, e);
	}
}

static void XMLCALL sheet_end(void *ud, const XML_Char *name)
{
	sheet_state *s = ud;
	const char *l = local(name);
	if (strcmp(l, "c") == 0) {
		s->in_cell = s->in_v = s->in_is = s->in_t = s->in_rph = 0;
		end_cell(s);
	} else if (strcmp(l, "row") == 0) {
		xf_table_err e = xf_table_end_row(&s->b, s->row);
		if (e != XF_TABLE_OK)
			stop(&s->ps, e);
		s->next_row = s->row + 1;
	} else if (strcmp(l, "v") == 0) {
		s->in_v = 0;
	} else if (strcmp(l, "t") == 0) {
		s->in_t = 0;
	} else if (strcmp(l, "is") == 0) {
		s->in_is = 0;
	} else if (strcmp(l, "rPh") == 0) {
		s->in_rph = 0;
	}
}

static void XMLCALL sheet_chars(void *ud, const XML_Char *text, int len)
{
	sheet_state *s = ud;
	if (s->in_v || s->in_t)
		xf_buf_add(&s->text, text, (size_t)len);
}

/* Repeats the top-left value of each merged range over the range,
 * within the rows read and the column limit. */
static xf_table_err fill_merges(sheet_state *s)
{
	xf_table *t = s->b.t;
	/* the cells all ranges may visit: as many as a full table has */
	size_t budget = (size_t)s->b.lim->max_rows * (size_t)s->b.lim->max_cols;
	for (int k = 0; k < s->nmerges; k++) {
		merge m = s->merges[k];
		if (m.r1 >= t->nrows)
			continue;
		const char *v = xf_table_cell(t, m.r1, m.c1);
		if (!*v)
			continue;
		if (m.c2 >= s->b.lim->max_cols)
			m.c2 = s->b.lim->max_cols - 1;
		if (m.r2 >= t->nrows)
			m.r2 = t->nrows - 1;
		size_t area =
		    (size_t)(m.r2 - m.r1 + 1) * (size_t)(m.c2 - m.c1 + 1);
		if (area > budget)
			return XF_TABLE_TOO_BIG;
		budget -= area;
		for (int i = m.r1; i <= m.r2; i++) {
			xf_table_row *row = &t->rows[i];
			if (row->n <= m.c2) {
				const char **c = xf_arena_calloc(
				    s->b.a, (size_t)m.c2 + 1, sizeof *c);
				if (!c)
					return XF_TABLE_NOMEM;
				if (row->n)
					memcpy(c, row->cells,
					       (size_t)row->n * sizeof *c);
				row->cells = c;
				row->n = m.c2 + 1;
				if (row->n > t->ncols)
					t->ncols = row->n;
			}
			for (int j = m.c1; j <= m.c2; j++)
				if (!row->cells[j] || !*row->cells[j])
					row->cells[j] = v;
		}
	}
	return XF_TABLE_OK;
}

/* The directory part of an entry name ("xl/workbook.xml" -> "xl/"). */
static const char *dir_of(xf_arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xf_arena_strndup(a, path, (size_t)(slash - path + 1))
	             : "";
}

static xf_table_err read_book(reader *rd, xf_table *t)
{
	xf_arena *a = rd->a;
	xf_table_err e;
	int found;
	/* the package's relationships name the workbook */
	rels_state *rels = xf_arena_calloc(a, 1, sizeof *rels);
	if (!rels)
		return XF_TABLE_NOMEM;
	rels->a = a;
	const char *book = "xl/workbook.xml";
	e = parse_entry(rd, "_rels/.rels", &found, rels, rels_start, no_end,
	                NULL);
	if (e != XF_TABLE_OK)
		return e;
	const char *target = rel_find(rels, "/officeDocument", NULL);
	if (target)
		book = resolve(a, "", target);
	if (!book)
		return XF_TABLE_NOMEM;
	workbook_state wb = {.a = a};
	e = parse_entry(rd, book, &found, &wb, workbook_start, no_end, NULL);
	if (e != XF_TABLE_OK)
		return e;
	if (!found)
		return XF_TABLE_NOT_XLSX;
	/* the workbook's relationships name its parts */
	const char *dir = dir_of(a, book);
	const char *base = strrchr(book, '/') ? strrchr(book, '/') + 1 : book;
	const char *wrels = xf_arena_printf(a, "%s_rels/%s.rels", dir, base);
	if (!dir || !wrels)
		return XF_TABLE_NOMEM;
	memset(rels, 0, sizeof *rels);
	rels->a = a;
	e = parse_entry(rd, wrels, &found, rels, rels_start, no_end, NULL);
	if (e != XF_TABLE_OK)
		return e;
	const char *sheet =
	    wb.sheet_rid ? rel_find(rels, NULL, wb.sheet_rid) : NULL;
	sheet = sheet ? resolve(a, dir, sheet)
	              : xf_arena_printf(a, "%sworksheets/sheet1.xml", dir);
	const char *ss = rel_find(rels, "/sharedStrings", NULL);
	ss = ss ? resolve(a, dir, ss)
	        : xf_arena_printf(a, "%ssharedStrings.xml", dir);
	const char *sty = rel_find(rels, "/styles", NULL);
	sty = sty ? resolve(a, dir, sty)
	          : xf_arena_printf(a, "%sstyles.xml", dir);
	if (!sheet || !ss || !sty)
		return XF_TABLE_NOMEM;

	strings_state *strings = xf_arena_calloc(a, 1, sizeof *strings);
	styles_state *styles = xf_arena_calloc(a, 1, sizeof *styles);
	sheet_state *sh = xf_arena_calloc(a, 1, sizeof *sh);
	if (!strings || !styles || !sh)
		return XF_TABLE_NOMEM;
	strings->a = styles->a = a;
	strings->lim = rd->lim;
	xf_buf_init(&strings->text, rd->lim->max_cell);
	e = parse_entry(rd, ss, &found, strings, strings_start, strings_end,
	                strings_chars);
	xf_buf_free(&strings->text);
	if (e != XF_TABLE_OK)
		return e;
	e = parse_entry(rd, sty, &found, styles, styles_start, styles_end,
	                NULL);
	if (e != XF_TABLE_OK)
		return e;

	xf_table_builder_init(&sh->b, a, rd->lim, t);
	sh->strings = strings;
	sh->styles = styles;
	xf_buf_init(&sh->text, rd->lim->max_cell);
	e = parse_entry(rd, sheet, &found, sh, sheet_start, sheet_end,
	                sheet_chars);
	xf_buf_free(&sh->text);
	if (e == XF_TABLE_OK && !found)
		e = XF_TABLE_NOT_XLSX;
	if (e == XF_TABLE_OK)
		e = fill_merges(sh);
	return e;
}

xf_table_err xf_xlsx_read(xf_arena *a, const void *data, size_t len,
                          const xf_table_limits *lim, xf_table *t)
{
	memset(t, 0, sizeof *t);
	if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
		return XF_TABLE_NOT_ZIP;
	zip_error_t zerr;
	zip_error_init(&zerr);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &zerr);
	if (!src) {
		zip_error_fini(&zerr);
		return XF_TABLE_NOMEM;
	}
	zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	zip_error_fini(&zerr);
	if (!z) {
		zip_source_free(src);
		return XF_TABLE_NOT_ZIP;
	}
	reader rd = {
	    .z = z, .a = a, .lim = lim ? lim : &xf_table_default_limits};
	xf_table_err e = read_book(&rd, t);
	zip_discard(z); /* frees src too */
	if (e != XF_TABLE_OK)
		memset(t, 0, sizeof *t);
	return e;
}
