/*
 * fields.h - field tables for the JSON writers of model/: one row per key,
 * naming the key, how its value is written and where it sits in the
 * entity's struct. A writer lists its plain fields in a table and walks it
 * with xf_jw_fields(); what is not a plain field (nested objects, values
 * worked out from several fields) stays code in the writer.
 *
 * Layer-neutral: includes only base/.
 */
#ifndef XF_MODEL_FIELDS_H
#define XF_MODEL_FIELDS_H

#include "base/jw.h"

#include <stddef.h>
#include <stdint.h>

typedef enum {
	XF_JF_I64 = 1, /* int64_t, as a number */
	XF_JF_INT,     /* int, as a number */
	XF_JF_ID,      /* int64_t reference, null when 0 (xf_jw_kid) */
	XF_JF_STR,     /* const char *, null when NULL */
	XF_JF_BOOL,    /* int, true when nonzero */
	XF_JF_TIME,    /* int64_t unix seconds, as ISO 8601 UTC text */
	XF_JF_WHEN,    /* the same, null when 0 (a time not reached yet) */
	XF_JF_X100,    /* int64_t in hundredths, as 12.35 (xf_jw_x100) */
	XF_JF_ARG, /* const char *: args[off] of xf_jw_fields, not a field */
} xf_jfield_type;

typedef struct xf_jfield {
	const char *key;
	xf_jfield_type type;
	size_t off; /* offset of the field in the struct; ARG: index of args */
} xf_jfield;

/* The C type each kind reads, checked when the table is compiled. */
#define XF_JF_C_I64  int64_t
#define XF_JF_C_INT  int
#define XF_JF_C_ID   int64_t
#define XF_JF_C_STR  const char *
#define XF_JF_C_BOOL int
#define XF_JF_C_TIME int64_t
#define XF_JF_C_WHEN int64_t
#define XF_JF_C_X100 int64_t

/*
 * A row: XF_JF(STR, xf_org, "name", name) writes "name" from the field
 * name of an xf_org as a string. The field's type must be the kind's C
 * type (XF_JF_C_*), or the table does not compile.
 */
#define XF_JF(kind, st, key, field)                                            \
	{                                                                      \
		key, XF_JF_##kind,                                             \
		    offsetof(st, field) +                                      \
		        0 * sizeof(_Generic(((st *)0)->field,                  \
		                            XF_JF_C_##kind : 1))               \
	}
/* A row whose string is args[i] of xf_jw_fields (a code's Chinese name
 * the writer is given), written in its place among the fields. */
#define XF_JF_ARG_ROW(key, i)                                                  \
	{                                                                      \
		key, XF_JF_ARG, i                                              \
	}

/*
 * Entity field lists: an entity's fields written once, as an X-macro in
 * its model header, from which its struct members, its JSON table and its
 * store column table are generated. A list takes five arguments, (F, N, A,
 * J, T), and is a run of rows:
 *   F(T, kind, field, "key")  a field, read from its column, written as key
 *   N(T, kind, field)         a field read from its column, not in the JSON
 *   A(T, i, "key")            a JSON-only row: args[i] of xf_jw_fields
 *   J(T, kind, field, "key")  a field written as key but not read from the
 *                             columns (the service sets it)
 * in the order of the struct, of the JSON keys and of the statement's
 * result columns alike. The kinds (the C type; the JSON kind; the column
 * kind of store/db.h):
 *   I64 int64_t I64 I64    INT  int     INT  INT   ID  int64_t ID  ID
 *   STR char *  STR STR    OPT  char *  STR  OPT   TXT char *  STR TXT
 *   BOOL int    BOOL INT   TIME int64_t TIME I64   WHEN int64_t WHEN I64
 *   X100 int64_t X100 I64
 * (ID reads as I64; a table of reads may use it for a NOT NULL column.)
 * Members the list does not hold (counts, joined values read elsewhere)
 * are declared by hand next to XF_FIELDS_DECL.
 */
#define XF_FT_I64  int64_t
#define XF_FT_INT  int
#define XF_FT_ID   int64_t
#define XF_FT_STR  const char *
#define XF_FT_OPT  const char *
#define XF_FT_TXT  const char *
#define XF_FT_BOOL int
#define XF_FT_TIME int64_t
#define XF_FT_WHEN int64_t
#define XF_FT_X100 int64_t

#define XF_FK_JSON_I64  I64
#define XF_FK_JSON_INT  INT
#define XF_FK_JSON_ID   ID
#define XF_FK_JSON_STR  STR
#define XF_FK_JSON_OPT  STR
#define XF_FK_JSON_TXT  STR
#define XF_FK_JSON_BOOL BOOL
#define XF_FK_JSON_TIME TIME
#define XF_FK_JSON_WHEN WHEN
#define XF_FK_JSON_X100 X100

/* Row makers for the lists: a member, nothing, a JSON row, an ARG row. */
#define XF_FIELD_DECL(T, k, f, ...) XF_FT_##k f;
#define XF_FIELD_NONE(...)
#define XF_JF_KIND_(kind, T, key, f) XF_JF(kind, T, key, f)
#define XF_JF_FIELD(T, k, f, key)    XF_JF_KIND_(XF_FK_JSON_##k, T, key, f),
#define XF_JF_ARGF(T, i, key)        XF_JF_ARG_ROW(key, i),

/* Rows many lists share: the organization a record belongs to (its path,
 * for the scope checks, is read, not written), and who created it when
 * (and when it last changed). */
#define XF_ORG_FIELDS(F, N, A, J, T)                                           \
	F(T, I64, org_id, "org_id")                                            \
	N(T, STR, org_path) F(T, STR, org_name, "org_name")
#define XF_CREATED_FIELDS(F, N, A, J, T)                                       \
	F(T, ID, created_by, "created_by") F(T, TIME, created_at, "created_at")
#define XF_STAMP_FIELDS(F, N, A, J, T)                                         \
	XF_CREATED_FIELDS(F, N, A, J, T) F(T, TIME, updated_at, "updated_at")

/* The struct members of list L (inside its struct definition). */
#define XF_FIELDS_DECL(L)                                                      \
	L(XF_FIELD_DECL, XF_FIELD_DECL, XF_FIELD_NONE, XF_FIELD_DECL, _)
/* Defines the struct T whose members are exactly those of list L: at
 * file scope, XF_FIELDS_STRUCT(xf_talk, XF_TALK_FIELDS); */
#define XF_FIELDS_STRUCT(T, L)                                                 \
	typedef struct T {                                                     \
		XF_FIELDS_DECL(L)                                              \
	} T
/* The rows of the JSON table of list L for struct T (inside the table's
 * initializer): its F, A and J rows, in order. */
#define XF_JF_LIST(L, T)                                                       \
	L(XF_JF_FIELD, XF_FIELD_NONE, XF_JF_ARGF, XF_JF_FIELD, T)

#define XF_NFIELDS(t) (sizeof(t) / sizeof((t)[0]))

/*
 * Writes the keys of fields[0..n) with their values read from obj (a
 * pointer to the struct the table was made for), in order, into the
 * object w has open. args: the strings of XF_JF_ARG rows, or NULL when
 * the table has none.
 */
void xf_jw_fields(xf_jw *w, const void *obj, const xf_jfield *fields, size_t n,
                  const char *const *args);

/*
 * Writes key and an array of the n structs from items (size bytes each),
 * each an object of fields[0..nf) (no args).
 */
void xf_jw_records(xf_jw *w, const char *key, const void *items, size_t n,
                   size_t size, const xf_jfield *fields, size_t nf);

/* xf_jw_fields over a whole table t, with no args and with args. */
#define XF_JW_FIELDS(w, obj, t) xf_jw_fields(w, obj, t, XF_NFIELDS(t), NULL)
#define XF_JW_FIELDS_ARGS(w, obj, t, args)                                     \
	xf_jw_fields(w, obj, t, XF_NFIELDS(t), args)
/* xf_jw_records of the n items of an array, each written by table t. */
#define XF_JW_RECORDS(w, key, items, n, t)                                     \
	xf_jw_records(w, key, items, (size_t)(n), sizeof *(items), t,          \
	              XF_NFIELDS(t))

#endif
