/*
 * bulk_load.c - the loader of the store's bulk path: rows of one table go
 * in value by value and out to the database in batches. On PostgreSQL a
 * load is one COPY FROM STDIN; on SQLite it is a multi-row INSERT of a few
 * dozen rows per step whose values are bound without copies (they sit in
 * the loader's buffer until the step). Optionally the table's indexes are
 * dropped for the load and built again at its end: one sort per index
 * instead of a b-tree insert per row and index; a unique index built again
 * still fails the load on a duplicate.
 */
#include "store/bulk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bound parameters per multi-row INSERT on SQLite (its limit is 32766);
 * a few hundred measured as well as more. */
#define LOAD_PARAMS 480

enum { V_NULL, V_INT, V_TEXT };

typedef struct load_val {
	int kind;
	int64_t i;       /* V_INT */
	size_t off, len; /* V_TEXT: bytes in the loader's text buffer */
} load_val;

struct xf_loader {
	xf_db *db;
	const char *table;
	int ncols;
	int batch;      /* rows per multi-row INSERT (SQLite) */
	int copy;       /* 1: through COPY (PostgreSQL) */
	int copying;    /* the COPY has started */
	xf_stmt *many;  /* INSERT of batch rows, owned by the loader */
	xf_stmt *one;   /* INSERT of one row, for the rest at the end */
	load_val *vals; /* batch * ncols values */
	int nvals;      /* values so far in the batch */
	char *text;     /* text of the values of the batch */
	size_t len, cap;
	xf_indexes *dropped; /* indexes dropped for the load, or NULL */
	int64_t rows;
	int rc; /* the first failure; later calls do nothing */
};

/* Appends piece to the malloc'd string s; NULL on failure (s freed). */
static char *append(char *s, size_t *len, size_t *cap, const char *piece)
{
	if (!s)
		return NULL;
	size_t n = strlen(piece);
	if (*len + n + 1 > *cap) {
		size_t c = *cap ? *cap : 256;
		while (c < *len + n + 1)
			c *= 2;
		char *t = realloc(s, c);
		if (!t) {
			free(s);
			return NULL;
		}
		s = t;
		*cap = c;
	}
	memcpy(s + *len, piece, n + 1);
	*len += n;
	return s;
}

/* "INSERT INTO table (cols) VALUES ($1, ..), (..)" for rows rows; the
 * caller frees it. */
static char *insert_sql(const char *table, const char *cols, int ncols,
                        int rows)
{
	size_t len = 0, cap = 0;
	char *s = malloc(1), piece[32];
	if (s)
		*s = '\0';
	s = append(s, &len, &cap, "INSERT INTO ");
	s = append(s, &len, &cap, table);
	s = append(s, &len, &cap, " (");
	s = append(s, &len, &cap, cols);
	s = append(s, &len, &cap, ") VALUES ");
	for (int r = 0, k = 1; r < rows; r++) {
		s = append(s, &len, &cap, r ? ", (" : "(");
		for (int c = 0; c < ncols; c++, k++) {
			snprintf(piece, sizeof piece, "%s$%d", c ? ", " : "",
			         k);
			s = append(s, &len, &cap, piece);
		}
		s = append(s, &len, &cap, ")");
	}
	return s;
}

static int prepare(xf_loader *l, const char *cols, int rows, xf_stmt **out)
{
	char *sql = insert_sql(l->table, cols, l->ncols, rows);
	if (!sql)
		return XF_DB_ERROR;
	int rc = l->db->drv->prepare(l->db, sql, out);
	free(sql);
	return rc;
}

struct xf_indexes {
	char **sql; /* the statements that build them again */
	int n;
};

int xf_bulk_indexes_drop(xf_db *db, const char *table, xf_indexes **out)
{
	xf_indexes *ix = calloc(1, sizeof *ix);
	*out = ix;
	if (!ix)
		return XF_DB_ERROR;
	xf_stmt *st = xf_db_stmt(db, db->drv->index_list_sql);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_str(st, 1, table);
	char **names = NULL;
	int rc, cap = 0;
	while ((rc = xf_db_step(st)) == XF_DB_ROW) {
		if (ix->n == cap) {
			cap = cap ? cap * 2 : 8;
			char **n = realloc(names, (size_t)cap * sizeof *n);
			if (n)
				names = n;
			char **d = realloc(ix->sql, (size_t)cap * sizeof *d);
			if (d)
				ix->sql = d;
			if (!n || !d) {
				rc = XF_DB_ERROR;
				break;
			}
		}
		names[ix->n] = strdup(xf_db_text(st, 0));
		ix->sql[ix->n] = strdup(xf_db_text(st, 1));
		ix->n++;
		if (!names[ix->n - 1] || !ix->sql[ix->n - 1]) {
			rc = XF_DB_ERROR;
			break;
		}
	}
	xf_db_reset(st);
	rc = rc == XF_DB_DONE ? XF_DB_OK : rc;
	for (int i = 0; i < ix->n; i++) {
		/* names come from the catalog, not from input; DDL takes no
		 * parameters */
		char sql[200];
		if (rc == XF_DB_OK && snprintf(sql, sizeof sql, "DROP INDEX %s",
		                               names[i]) >= (int)sizeof sql)
			rc = XF_DB_ERROR;
		if (rc == XF_DB_OK)
			rc = xf_db_exec(db, sql);
		free(names[i]);
	}
	free(names);
	return rc;
}

int xf_bulk_indexes_build(xf_db *db, xf_indexes *ix, int rc)
{
	if (!ix)
		return rc == XF_DB_OK ? XF_DB_ERROR : rc;
	for (int i = 0; i < ix->n; i++) {
		if (rc == XF_DB_OK)
			rc = xf_db_exec(db, ix->sql[i]);
		free(ix->sql[i]);
	}
	free(ix->sql);
	free(ix);
	return rc;
}

int xf_load_begin(xf_db *db, const char *table, const char *cols, int ncols,
                  int flags, xf_loader **out)
{
	*out = NULL;
	xf_loader *l = calloc(1, sizeof *l);
	if (!l)
		return XF_DB_ERROR;
	l->db = db;
	l->table = table;
	l->ncols = ncols;
	l->copy = db->drv->copy_begin != NULL;
	l->batch = l->copy ? 1 : LOAD_PARAMS / ncols;
	if (l->batch < 1)
		l->batch = 1;
	l->vals = calloc((size_t)(l->batch * ncols), sizeof *l->vals);
	int rc = l->vals ? XF_DB_OK : XF_DB_ERROR;
	if (rc == XF_DB_OK && (flags & XF_LOAD_DROP_INDEXES))
		rc = xf_bulk_indexes_drop(db, table, &l->dropped);
	if (rc == XF_DB_OK && l->copy) {
		char sql[1024];
		if (snprintf(sql, sizeof sql, "COPY %s (%s) FROM STDIN", table,
		             cols) >= (int)sizeof sql)
			rc = XF_DB_ERROR;
		else
			rc = db->drv->copy_begin(db, sql);
		l->copying = rc == XF_DB_OK;
	} else if (rc == XF_DB_OK) {
		rc = prepare(l, cols, l->batch, &l->many);
		if (rc == XF_DB_OK)
			rc = prepare(l, cols, 1, &l->one);
	}
	l->rc = rc;
	*out = l;
	return rc;
}

static void add(xf_loader *l, load_val v)
{
	if (l->rc != XF_DB_OK)
		return;
	if (l->nvals >= l->batch * l->ncols) {
		l->rc = XF_DB_ERROR; /* more values than columns in a row */
		return;
	}
	l->vals[l->nvals++] = v;
}

void xf_load_int(xf_loader *l, int64_t v)
{
	add(l, (load_val){.kind = V_INT, .i = v});
}

void xf_load_id(xf_loader *l, int64_t id)
{
	add(l, (load_val){.kind = id ? V_INT : V_NULL, .i = id});
}

void xf_load_str(xf_loader *l, const char *s)
{
	if (!s) {
		add(l, (load_val){.kind = V_NULL});
		return;
	}
	size_t n = strlen(s);
	if (l->rc == XF_DB_OK && l->len + n + 1 > l->cap) {
		size_t c = l->cap ? l->cap : 16384;
		while (c < l->len + n + 1)
			c *= 2;
		char *t = realloc(l->text, c);
		if (!t) {
			l->rc = XF_DB_ERROR;
			return;
		}
		l->text = t;
		l->cap = c;
	}
	if (l->rc != XF_DB_OK)
		return;
	memcpy(l->text + l->len, s, n + 1);
	add(l, (load_val){.kind = V_TEXT, .off = l->len, .len = n});
	l->len += n + 1;
}

/* Binds the values of rows rows from vals and runs st. */
static int run_rows(xf_loader *l, xf_stmt *st, const load_val *vals, int rows)
{
	int rc = XF_DB_OK;
	for (int k = 0; k < rows * l->ncols && rc == XF_DB_OK; k++) {
		const load_val *v = &vals[k];
		if (v->kind == V_INT)
			rc = xf_db_bind_int(st, k + 1, v->i);
		else if (v->kind == V_TEXT)
			rc =
			    xf_db_bind_ref(st, k + 1, l->text + v->off, v->len);
		else
			rc = xf_db_bind_null(st, k + 1);
	}
	if (rc == XF_DB_OK)
		rc = xf_db_step(st);
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

/* One row in COPY's text form: ints formatted into the text buffer. */
static int copy_row(xf_loader *l)
{
	const char *v[64];
	char num[64][24];
	if (l->ncols > 64)
		return XF_DB_ERROR;
	for (int c = 0; c < l->ncols; c++) {
		const load_val *x = &l->vals[c];
		if (x->kind == V_INT) {
			snprintf(num[c], sizeof num[c], "%lld",
			         (long long)x->i);
			v[c] = num[c];
		} else {
			v[c] = x->kind == V_TEXT ? l->text + x->off : NULL;
		}
	}
	return l->db->drv->copy_row(l->db, v, l->ncols);
}

void xf_load_cols(xf_loader *l, const xf_db_col *cols, int n, const void *item)
{
	for (int i = 0; i < n; i++) {
		const void *f = (const char *)item + cols[i].off;
		switch (cols[i].kind) {
		case XF_COL_I64:
			xf_load_int(l, *(const int64_t *)f);
			break;
		case XF_COL_ID:
			xf_load_id(l, *(const int64_t *)f);
			break;
		case XF_COL_INT:
			xf_load_int(l, *(const int *)f);
			break;
		case XF_COL_STR:
		case XF_COL_OPT:
			xf_load_str(l, *(const char *const *)f);
			break;
		case XF_COL_TXT: {
			const char *t = *(const char *const *)f;
			xf_load_str(l, t ? t : "");
			break;
		}
		}
	}
}

int xf_load_row(xf_loader *l)
{
	if (l->rc != XF_DB_OK)
		return l->rc;
	if (l->nvals % l->ncols != 0)
		return l->rc = XF_DB_ERROR; /* a row with missing values */
	l->rows++;
	if (l->nvals < l->batch * l->ncols)
		return XF_DB_OK;
	l->rc = l->copy ? copy_row(l) : run_rows(l, l->many, l->vals, l->batch);
	l->nvals = 0;
	l->len = 0;
	return l->rc;
}

int xf_load_row_at(xf_loader *l, int64_t now)
{
	xf_load_int(l, now);
	xf_load_int(l, now);
	return xf_load_row(l);
}

int xf_load_end(xf_loader *l, int64_t *rows)
{
	if (!l)
		return XF_DB_ERROR;
	int rc = l->rc;
	if (rc == XF_DB_OK && l->nvals % l->ncols != 0)
		rc = XF_DB_ERROR;
	/* the rows of an unfinished batch, one by one */
	for (int r = 0; rc == XF_DB_OK && !l->copy && r < l->nvals / l->ncols;
	     r++)
		rc = run_rows(l, l->one, l->vals + r * l->ncols, 1);
	if (l->copying) {
		int erc = l->db->drv->copy_end(l->db); /* also after errors */
		if (rc == XF_DB_OK)
			rc = erc;
	}
	if (l->dropped)
		rc = xf_bulk_indexes_build(l->db, l->dropped, rc);
	if (l->many)
		l->db->drv->finalize(l->many);
	if (l->one)
		l->db->drv->finalize(l->one);
	if (rows)
		*rows = l->rows;
	free(l->vals);
	free(l->text);
	free(l);
	return rc;
}

int xf_load_ids_used(xf_db *db, const char *table, int64_t last)
{
	if (!db->drv->id_bump_sql || last <= 0)
		return XF_DB_OK;
	xf_stmt *st = xf_db_stmt(db, db->drv->id_bump_sql);
	xf_db_bind_str(st, 1, table);
	xf_db_bind_int(st, 2, last);
	return xf_db_run(st);
}
