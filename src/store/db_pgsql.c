/*
 * db_pgsql.c - the PostgreSQL driver of db.h, over libpq.
 *
 * Statements are prepared on the server under per-connection names (s1, s2,
 * ...), run with text parameters (byte strings in binary format) and text
 * results (bytea in hex, decoded by column_blob), and each keeps its
 * PGresult while the caller reads its rows. Sessions speak UTF-8 and UTC.
 *
 * A broken connection is reset once at the start of the next call. Server
 * statements die with the session, so each statement remembers the session
 * it was prepared in and is prepared again, lazily, on its next execution.
 * A transaction cut by a lost connection is not silently continued in
 * autocommit: every call fails until the caller rolls back.
 */
#include "store/db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/select.h>
#include <time.h>

/* Highest $N the PostgreSQL protocol can carry. */
#define PG_MAX_PARAMS 65535

typedef struct {
	struct xf_db base; /* must be first */
	PGconn *h;
	unsigned
	    session; /* bumped at every reset: server statements are gone */
	unsigned next_id; /* statement names: s1, s2, ... */
	int tx_lost;      /* reset inside a transaction: fail until ROLLBACK */
	int64_t changes;  /* rows written by the last INSERT/UPDATE/DELETE */
	unsigned *stale;  /* finalized statements still to DEALLOCATE */
	size_t nstale, stale_cap;
	char err[512];
} pg_db;

typedef struct {
	size_t off; /* value offset in the statement's buffer */
	size_t len; /* value length (binary values) */
	int set;    /* 0: unbound or NULL, sent as SQL NULL */
	int binary; /* 1: bytes sent in binary format (bind_blob) */
} pg_param;

/* Buffers larger than this are released at reset, so that a statement
 * that once carried a file does not keep its memory for good. */
#define PG_KEEP_BYTES (1u << 20)

typedef struct {
	struct xf_stmt base; /* must be first */
	char *sql;           /* own copy, to prepare again after a reset */
	unsigned id;         /* server name is "s<id>" */
	char name[16];
	unsigned session; /* session the server statement belongs to */
	int nparams;
	int ncols; /* -1 until known */
	pg_param *params;
	const char **values; /* parameter pointers, filled at execution */
	int *lengths;        /* parameter lengths and formats (binary ones) */
	int *formats;
	char *buf; /* NUL-terminated parameter values */
	size_t len, cap;
	unsigned char *blob; /* the last value decoded by column_blob */
	size_t blob_cap;
	PGresult *res;     /* rows of the current execution, or NULL */
	int cur;           /* current row of res, -1 before the first */
	int plan_per_call; /* the SQL holds XF_SQL_PLAN_PER_CALL */
} pg_stmt;

static int is_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '$' ||
	       (unsigned char)c >= 0x80;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Copies prefix and msg into the error buffer as one line: libpq's
 * connection messages span lines and end with a newline.
 */
static void set_err(pg_db *d, const char *prefix, const char *msg)
{
	char text[sizeof d->err];
	snprintf(text, sizeof text, "%s%s", prefix, msg ? msg : "?");
	size_t n = 0;
	for (const char *p = text; *p; p++) {
		int blank = *p == '\n' || *p == '\t' || *p == '\r' || *p == ' ';
		if (blank && (n == 0 || d->err[n - 1] == ' '))
			continue;
		d->err[n++] = blank ? ' ' : *p;
	}
	while (n > 0 && d->err[n - 1] == ' ')
		n--;
	d->err[n] = '\0';
}

/*
 * Records the failure carried by r (or by the connection when r has no
 * error fields) and maps its SQLSTATE to an XF_DB_* code. Only the primary
 * message is kept: DETAIL quotes key values, which may be personal data.
 */
static int fail(pg_db *d, const PGresult *r)
{
	const char *state = NULL, *msg = NULL;
	if (r) {
		state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		msg = PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
	}
	if (!msg)
		msg = PQerrorMessage(d->h);
	if (!msg || !*msg)
		msg = r ? PQresStatus(PQresultStatus(r)) : "no result";
	set_err(d, "", msg);
	if (!state)
		return XF_DB_ERROR;
	if (strcmp(state, "23505") == 0)
		return XF_DB_UNIQUE;
	if (strcmp(state, "23503") == 0)
		return XF_DB_FOREIGN;
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
	    strcmp(state, "55P03") == 0)
		return XF_DB_BUSY;
	return XF_DB_ERROR;
}

/* Discards notices (e.g. "relation already exists, skipping"). */
static void quiet_notice(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/* Session settings that do not survive a reset: run after every connect. */
static int setup_session(pg_db *d)
{
	PGresult *r =
	    PQexec(d->h, "SET TimeZone TO 'UTC'; SET bytea_output TO 'hex'");
	int rc = XF_DB_OK;
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = fail(d, r);
	PQclear(r);
	return rc;
}

/*
 * Makes sure the connection is up, resetting it once if it broke. A reset
 * loses every server statement (the session number moves on) and, inside a
 * transaction, the transaction itself (tx_lost).
 */
static int connected(pg_db *d)
{
	if (PQstatus(d->h) != CONNECTION_BAD)
		return XF_DB_OK;
	PQreset(d->h);
	d->session++;
	d->nstale = 0;
	if (d->base.in_tx)
		d->tx_lost = 1;
	if (PQstatus(d->h) != CONNECTION_OK) {
		set_err(d, "connection lost: ", PQerrorMessage(d->h));
		return XF_DB_ERROR;
	}
	return setup_session(d);
}

/* connected(), and refuses to run statements of a lost transaction. */
static int usable(pg_db *d)
{
	int rc = connected(d);
	if (rc != XF_DB_OK)
		return rc;
	if (d->tx_lost) {
		set_err(d, "",
		        "connection lost inside a transaction; roll back");
		return XF_DB_ERROR;
	}
	return XF_DB_OK;
}

/* Notes the row count of a command that writes, as sqlite3_changes does. */
static void note_changes(pg_db *d, const PGresult *r)
{
	const char *tag = PQcmdStatus((PGresult *)r);
	if (strncmp(tag, "INSERT", 6) == 0 || strncmp(tag, "UPDATE", 6) == 0 ||
	    strncmp(tag, "DELETE", 6) == 0 || strncmp(tag, "MERGE", 5) == 0)
		d->changes = strtoll(PQcmdTuples((PGresult *)r), NULL, 10);
}

/* Does sql start with the keyword kw (any case, after blanks)? */
static int starts_with_word(const char *sql, const char *kw)
{
	sql += strspn(sql, " \t\r\n");
	size_t n = strlen(kw);
	return strncasecmp(sql, kw, n) == 0 && !is_ident_char(sql[n]);
}

static xf_db *pg_open(const char *conninfo, char *err, size_t errlen)
{
	/*
	 * expand_dbname: conninfo may be "key=value ...", a URI or a bare
	 * database name. Keys later in the list win, so the session is always
	 * UTF-8 whatever the conninfo says.
	 */
	static const char *const keys[] = {"dbname", "client_encoding",
	                                   "fallback_application_name", NULL};
	const char *const vals[] = {conninfo, "UTF8", "xianfeng", NULL};
	pg_db *d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	d->session = 1;
	d->h = PQconnectdbParams(keys, vals, 1);
	if (!d->h || PQstatus(d->h) != CONNECTION_OK) {
		set_err(d, "cannot connect to PostgreSQL: ",
		        d->h ? PQerrorMessage(d->h) : "out of memory");
		goto fail;
	}
	PQsetNoticeProcessor(d->h, quiet_notice, NULL);
	if (setup_session(d) != XF_DB_OK)
		goto fail;
	return &d->base;
fail:
	snprintf(err, errlen, "%s", d->err);
	PQfinish(d->h);
	free(d);
	return NULL;
}

static void pg_close(xf_db *db)
{
	pg_db *d = (pg_db *)db;
	PQfinish(d->h);
	free(d->stale);
	free(d);
}

/* Gets the connection out of a COPY that exec() does not support. */
static void end_copy(pg_db *d, ExecStatusType st)
{
	if (st == PGRES_COPY_IN) {
		PQputCopyEnd(d->h, "COPY FROM STDIN is not supported here");
	} else if (st == PGRES_COPY_OUT) {
		char *row;
		while (PQgetCopyData(d->h, &row, 0) > 0)
			PQfreemem(row);
	}
	PGresult *r;
	while ((r = PQgetResult(d->h)) != NULL)
		PQclear(r);
}

/*
 * Runs one or more statements without parameters. COMMIT of a transaction
 * that an earlier error aborted is reported as an error: PostgreSQL answers
 * it with a ROLLBACK.
 */
static int pg_exec(xf_db *db, const char *sql)
{
	pg_db *d = (pg_db *)db;
	int rc = connected(d);
	if (rc != XF_DB_OK)
		return rc;
	if (d->tx_lost) {
		if (starts_with_word(sql, "ROLLBACK")) {
			d->tx_lost = 0; /* the server already forgot it */
			return XF_DB_OK;
		}
		return usable(d);
	}
	PGresult *r = PQexec(d->h, sql);
	ExecStatusType st = PQresultStatus(r);
	switch (st) {
	case PGRES_COMMAND_OK:
	case PGRES_TUPLES_OK:
	case PGRES_EMPTY_QUERY:
		note_changes(d, r);
		rc = XF_DB_OK;
		if ((starts_with_word(sql, "COMMIT") ||
		     starts_with_word(sql, "END")) &&
		    strcmp(PQcmdStatus(r), "ROLLBACK") == 0) {
			set_err(d, "",
			        "transaction rolled back: an earlier statement "
			        "in it failed");
			rc = XF_DB_ERROR;
		}
		break;
	case PGRES_COPY_IN:
	case PGRES_COPY_OUT:
	case PGRES_COPY_BOTH:
		set_err(d, "", "COPY is not supported by exec");
		end_copy(d, st);
		rc = XF_DB_ERROR;
		break;
	default:
		rc = fail(d, r);
		break;
	}
	PQclear(r);
	return rc;
}

/* Skips a quoted literal or identifier; p is just past the opening quote. */
static const char *skip_quoted(const char *p, char q, int backslash)
{
	while (*p) {
		if (backslash && *p == '\\' && p[1]) {
			p += 2;
		} else if (*p == q) {
			if (p[1] != q)
				return p + 1;
			p += 2; /* doubled quote */
		} else {
			p++;
		}
	}
	return p;
}

/* Skips a (nestable) block comment; p is at its opening slash. */
static const char *skip_comment(const char *p)
{
	int depth = 0;
	while (*p) {
		if (p[0] == '/' && p[1] == '*') {
			depth++;
			p += 2;
		} else if (p[0] == '*' && p[1] == '/') {
			p += 2;
			if (--depth == 0)
				return p;
		} else {
			p++;
		}
	}
	return p;
}

/* Skips a $tag$...$tag$ string if one starts at p; else returns p + 1. */
static const char *skip_dollar_quoted(const char *p)
{
	const char *t = p + 1;
	while (*t && *t != '$' && is_ident_char(*t))
		t++;
	if (*t != '$')
		return p + 1;
	size_t taglen = (size_t)(t - p) + 1;
	for (const char *q = t + 1; *q; q++)
		if (*q == '$' && strncmp(q, p, taglen) == 0)
			return q + taglen;
	return p + strlen(p);
}

/*
 * Returns the highest $N placeholder of sql outside literals, quoted
 * identifiers and comments (PostgreSQL numbers parameters by it), or -1
 * when it is beyond what the protocol carries.
 */
static int count_params(const char *sql)
{
	long max = 0;
	const char *p = sql;
	while (*p) {
		int after_ident = p > sql && is_ident_char(p[-1]);
		if (*p == '\'') {
			int esc = p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
			          (p - 1 == sql || !is_ident_char(p[-2]));
			p = skip_quoted(p + 1, '\'', esc);
		} else if (*p == '"') {
			p = skip_quoted(p + 1, '"', 0);
		} else if (p[0] == '-' && p[1] == '-') {
			p += strcspn(p, "\n");
		} else if (p[0] == '/' && p[1] == '*') {
			p = skip_comment(p);
		} else if (*p == '$' && !after_ident && is_digit(p[1])) {
			long n = 0;
			for (p++; is_digit(*p); p++)
				if (n <= PG_MAX_PARAMS)
					n = n * 10 + (*p - '0');
			if (n > max)
				max = n;
		} else if (*p == '$' && !after_ident) {
			p = skip_dollar_quoted(p);
		} else {
			p++;
		}
	}
	return max > PG_MAX_PARAMS ? -1 : (int)max;
}

/* Prepares s on the server in the current session. */
static int server_prepare(pg_db *d, pg_stmt *s)
{
	PGresult *r = PQprepare(d->h, s->name, s->sql, 0, NULL);
	int rc = XF_DB_OK;
	if (PQresultStatus(r) == PGRES_COMMAND_OK)
		s->session = d->session;
	else
		rc = fail(d, r);
	PQclear(r);
	return rc;
}

/*
 * Drops the server statements of finalized xf_stmts, in one round trip,
 * when no transaction is open (a failing DEALLOCATE must not abort one).
 */
static void flush_stale(pg_db *d)
{
	if (d->nstale == 0 || PQtransactionStatus(d->h) != PQTRANS_IDLE)
		return;
	size_t cap = d->nstale * 24 + 1, len = 0;
	char *sql = malloc(cap);
	if (sql) {
		for (size_t i = 0; i < d->nstale; i++)
			len += (size_t)snprintf(sql + len, cap - len,
			                        "DEALLOCATE s%u;", d->stale[i]);
		PQclear(PQexec(d->h, sql));
		free(sql);
	}
	d->nstale = 0;
}

static void free_stmt(pg_stmt *s)
{
	PQclear(s->res);
	free(s->sql);
	free(s->params);
	free(s->values);
	free(s->lengths);
	free(s->formats);
	free(s->buf);
	free(s->blob);
	free(s);
}

static int pg_prepare(xf_db *db, const char *sql, xf_stmt **out)
{
	pg_db *d = (pg_db *)db;
	int rc = usable(d);
	if (rc != XF_DB_OK)
		return rc;
	flush_stale(d);
	int n = count_params(sql);
	if (n < 0) {
		set_err(d, "", "too many parameters");
		return XF_DB_ERROR;
	}
	pg_stmt *s = calloc(1, sizeof *s);
	if (!s)
		goto oom;
	s->base.db = db;
	s->nparams = n;
	s->ncols = -1;
	s->cur = -1;
	s->id = ++d->next_id;
	snprintf(s->name, sizeof s->name, "s%u", s->id);
	s->sql = strdup(sql);
	s->plan_per_call = strstr(sql, XF_SQL_PLAN_PER_CALL) != NULL;
	s->params = calloc((size_t)n + 1, sizeof *s->params);
	s->values = calloc((size_t)n + 1, sizeof *s->values);
	s->lengths = calloc((size_t)n + 1, sizeof *s->lengths);
	s->formats = calloc((size_t)n + 1, sizeof *s->formats);
	if (!s->sql || !s->params || !s->values || !s->lengths || !s->formats)
		goto oom;
	rc = server_prepare(d, s);
	if (rc != XF_DB_OK) {
		free_stmt(s);
		return rc;
	}
	*out = &s->base;
	return XF_DB_OK;
oom:
	if (s)
		free_stmt(s);
	set_err(d, "", "out of memory");
	return XF_DB_ERROR;
}

static void pg_finalize(xf_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	pg_db *d = (pg_db *)st->db;
	/* Queue the server statement for DEALLOCATE; if the queue cannot
	 * grow, it lives until the session ends. */
	if (s->session == d->session && PQstatus(d->h) == CONNECTION_OK) {
		if (d->nstale == d->stale_cap) {
			size_t cap = d->stale_cap ? d->stale_cap * 2 : 16;
			unsigned *p = realloc(d->stale, cap * sizeof *p);
			if (p) {
				d->stale = p;
				d->stale_cap = cap;
			}
		}
		if (d->nstale < d->stale_cap)
			d->stale[d->nstale++] = s->id;
	}
	free_stmt(s);
}

/*
 * Reserves room for a value of len bytes (plus NUL) for parameter idx and
 * returns where to write it, or NULL with the error recorded.
 */
static char *param_slot(pg_stmt *s, int idx, size_t len)
{
	pg_db *d = (pg_db *)s->base.db;
	if (idx < 1 || idx > s->nparams) {
		snprintf(d->err, sizeof d->err,
		         "parameter %d out of range (statement has %d)", idx,
		         s->nparams);
		return NULL;
	}
	if (len >= ((size_t)-1 / 2) - s->len) {
		set_err(d, "", "parameter too large");
		return NULL;
	}
	if (s->len + len + 1 > s->cap) {
		size_t cap = s->cap ? s->cap : 256;
		while (cap < s->len + len + 1)
			cap *= 2;
		char *b = realloc(s->buf, cap);
		if (!b) {
			set_err(d, "", "out of memory");
			return NULL;
		}
		s->buf = b;
		s->cap = cap;
	}
	s->params[idx - 1].off = s->len;
	s->params[idx - 1].len = len;
	s->params[idx - 1].set = 1;
	s->params[idx - 1].binary = 0;
	char *p = s->buf + s->len;
	s->len += len + 1;
	p[len] = '\0';
	return p;
}

static int pg_bind_int64(xf_stmt *st, int idx, int64_t v)
{
	char tmp[24];
	size_t n = 0;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		tmp[n++] = '-';
	char *p = param_slot((pg_stmt *)st, idx, n);
	if (!p)
		return XF_DB_ERROR;
	for (size_t i = 0; i < n; i++)
		p[i] = tmp[n - 1 - i];
	return XF_DB_OK;
}

static int pg_bind_text(xf_stmt *st, int idx, const char *t, size_t len)
{
	if (len > 0 && memchr(t, '\0', len)) {
		set_err((pg_db *)st->db, "", "text parameter contains NUL");
		return XF_DB_ERROR;
	}
	char *p = param_slot((pg_stmt *)st, idx, len);
	if (!p)
		return XF_DB_ERROR;
	if (len > 0)
		memcpy(p, t, len);
	return XF_DB_OK;
}

/* Bytes go in binary format: no escaping, NUL allowed, as bytea. */
static int pg_bind_blob(xf_stmt *st, int idx, const void *v, size_t len)
{
	pg_stmt *s = (pg_stmt *)st;
	if (len > 0x7fffffff) {
		set_err((pg_db *)st->db, "", "parameter too large");
		return XF_DB_ERROR;
	}
	char *p = param_slot(s, idx, len);
	if (!p)
		return XF_DB_ERROR;
	if (len > 0)
		memcpy(p, v, len);
	s->params[idx - 1].binary = 1;
	return XF_DB_OK;
}

static int pg_bind_null(xf_stmt *st, int idx)
{
	pg_stmt *s = (pg_stmt *)st;
	if (idx < 1 || idx > s->nparams) {
		pg_db *d = (pg_db *)st->db;
		snprintf(d->err, sizeof d->err,
		         "parameter %d out of range (statement has %d)", idx,
		         s->nparams);
		return XF_DB_ERROR;
	}
	s->params[idx - 1].set = 0;
	return XF_DB_OK;
}

/* Runs the statement with its bindings and keeps the result in s->res. */
static int execute(pg_stmt *s)
{
	pg_db *d = (pg_db *)s->base.db;
	int rc = usable(d);
	if (rc != XF_DB_OK)
		return rc;
	if (s->session != d->session) {
		rc = server_prepare(d, s);
		if (rc != XF_DB_OK)
			return rc;
	}
	int binary = 0;
	for (int i = 0; i < s->nparams; i++) {
		const pg_param *pp = &s->params[i];
		s->values[i] = pp->set ? s->buf + pp->off : NULL;
		s->formats[i] = pp->set && pp->binary;
		s->lengths[i] = pp->set && pp->binary ? (int)pp->len : 0;
		binary |= s->formats[i];
	}
	/* lengths and formats only matter for binary values; a statement
	 * marked XF_SQL_PLAN_PER_CALL is planned for its values each time */
	PGresult *r = s->plan_per_call
	                  ? PQexecParams(d->h, s->sql, s->nparams, NULL,
	                                 s->values, binary ? s->lengths : NULL,
	                                 binary ? s->formats : NULL, 0)
	                  : PQexecPrepared(d->h, s->name, s->nparams, s->values,
	                                   binary ? s->lengths : NULL,
	                                   binary ? s->formats : NULL, 0);
	switch (PQresultStatus(r)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK:
		note_changes(d, r);
		s->res = r;
		s->ncols = PQnfields(r);
		s->cur = -1;
		return XF_DB_OK;
	default:
		rc = fail(d, r);
		PQclear(r);
		return rc;
	}
}

/*
 * Executes on the first step after a reset, then walks the rows. After
 * XF_DB_DONE the next step executes again with the same bindings, as
 * SQLite does.
 */
static int pg_step(xf_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	if (!s->res) {
		int rc = execute(s);
		if (rc != XF_DB_OK)
			return rc;
	}
	if (s->cur + 1 < PQntuples(s->res)) {
		s->cur++;
		return XF_DB_ROW;
	}
	PQclear(s->res);
	s->res = NULL;
	s->cur = -1;
	return XF_DB_DONE;
}

static int pg_reset(xf_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	PQclear(s->res);
	s->res = NULL;
	s->cur = -1;
	s->len = 0;
	for (int i = 0; i < s->nparams; i++)
		s->params[i].set = 0;
	if (s->cap > PG_KEEP_BYTES) {
		free(s->buf);
		s->buf = NULL;
		s->cap = 0;
	}
	if (s->blob_cap > PG_KEEP_BYTES) {
		free(s->blob);
		s->blob = NULL;
		s->blob_cap = 0;
	}
	return XF_DB_OK;
}

/* Known after the first execution; before it, asks the server once. */
static int pg_column_count(xf_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	pg_db *d = (pg_db *)st->db;
	if (s->ncols >= 0)
		return s->ncols;
	if (usable(d) != XF_DB_OK)
		return 0;
	if (s->session != d->session && server_prepare(d, s) != XF_DB_OK)
		return 0;
	PGresult *r = PQdescribePrepared(d->h, s->name);
	if (PQresultStatus(r) == PGRES_COMMAND_OK)
		s->ncols = PQnfields(r);
	else
		fail(d, r);
	PQclear(r);
	return s->ncols >= 0 ? s->ncols : 0;
}

/* The current row's cell, or NULL when there is none or it is SQL NULL. */
static const char *cell(pg_stmt *s, int col, size_t *len)
{
	*len = 0;
	if (!s->res || s->cur < 0 || col < 0 || col >= PQnfields(s->res) ||
	    PQgetisnull(s->res, s->cur, col))
		return NULL;
	*len = (size_t)PQgetlength(s->res, s->cur, col);
	return PQgetvalue(s->res, s->cur, col);
}

static int64_t pg_column_int64(xf_stmt *st, int col)
{
	size_t len;
	const char *v = cell((pg_stmt *)st, col, &len);
	return v ? strtoll(v, NULL, 10) : 0;
}

static const char *pg_column_text(xf_stmt *st, int col, size_t *len)
{
	return cell((pg_stmt *)st, col, len);
}

static int pg_column_is_null(xf_stmt *st, int col)
{
	size_t len;
	return cell((pg_stmt *)st, col, &len) == NULL;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes a bytea cell (hex output, "\x" then two digits a byte; the
 * session sets bytea_output) into the statement's blob buffer.
 */
static const void *pg_column_blob(xf_stmt *st, int col, size_t *len)
{
	pg_stmt *s = (pg_stmt *)st;
	pg_db *d = (pg_db *)st->db;
	size_t n;
	const char *v = cell(s, col, &n);
	*len = 0;
	if (!v)
		return NULL;
	if (n < 2 || v[0] != '\\' || v[1] != 'x' || n % 2 != 0) {
		set_err(d, "", "bytea value not in hex format");
		return NULL;
	}
	size_t out = (n - 2) / 2;
	if (out + 1 > s->blob_cap) {
		unsigned char *b = realloc(s->blob, out + 1);
		if (!b) {
			set_err(d, "", "out of memory");
			return NULL;
		}
		s->blob = b;
		s->blob_cap = out + 1;
	}
	for (size_t i = 0; i < out; i++) {
		int hi = hex_value(v[2 + 2 * i]), lo = hex_value(v[3 + 2 * i]);
		if (hi < 0 || lo < 0) {
			set_err(d, "", "bytea value not in hex format");
			return NULL;
		}
		s->blob[i] = (unsigned char)(hi << 4 | lo);
	}
	*len = out;
	return s->blob;
}

static int64_t pg_changes(xf_db *db)
{
	return ((pg_db *)db)->changes;
}

/* ---- COPY FROM STDIN (bulk loads) ---------------------------------------- */

static int pg_copy_begin(xf_db *db, const char *sql)
{
	pg_db *d = (pg_db *)db;
	PGresult *r = PQexec(d->h, sql);
	int ok = r && PQresultStatus(r) == PGRES_COPY_IN;
	if (!ok)
		set_err(d, "",
		        r ? PQresultErrorMessage(r) : PQerrorMessage(d->h));
	PQclear(r);
	return ok ? XF_DB_OK : XF_DB_ERROR;
}

/* One row in COPY's text format: tab-separated, \N for NULL, with
 * backslash, tab, newline and carriage return escaped. */
static int pg_copy_row(xf_db *db, const char *const *v, int n)
{
	pg_db *d = (pg_db *)db;
	char buf[8192];
	size_t len = 0;
	for (int i = 0; i < n; i++) {
		if (i && len < sizeof buf)
			buf[len++] = '\t';
		if (!v[i]) {
			if (len + 2 > sizeof buf)
				goto too_long;
			buf[len++] = '\\';
			buf[len++] = 'N';
			continue;
		}
		for (const char *p = v[i]; *p; p++) {
			char c = *p, e = 0;
			if (c == '\\')
				e = '\\';
			else if (c == '\t')
				e = 't';
			else if (c == '\n')
				e = 'n';
			else if (c == '\r')
				e = 'r';
			if (len + 2 > sizeof buf)
				goto too_long;
			if (e) {
				buf[len++] = '\\';
				buf[len++] = e;
			} else {
				buf[len++] = c;
			}
		}
	}
	if (len + 1 > sizeof buf)
		goto too_long;
	buf[len++] = '\n';
	if (PQputCopyData(d->h, buf, (int)len) != 1) {
		set_err(d, "", PQerrorMessage(d->h));
		return XF_DB_ERROR;
	}
	return XF_DB_OK;
too_long:
	set_err(d, "", "COPY row too long");
	return XF_DB_ERROR;
}

static int pg_copy_end(xf_db *db)
{
	pg_db *d = (pg_db *)db;
	int rc = XF_DB_OK;
	if (PQputCopyEnd(d->h, NULL) != 1) {
		set_err(d, "", PQerrorMessage(d->h));
		rc = XF_DB_ERROR;
	}
	PGresult *r;
	while ((r = PQgetResult(d->h)) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			set_err(d, "", PQresultErrorMessage(r));
			rc = XF_DB_ERROR;
		}
		PQclear(r);
	}
	return rc;
}

static const char *pg_errmsg(xf_db *db)
{
	return ((pg_db *)db)->err;
}

/* ---- LISTEN (db.h: xf_db_listen) ----------------------------------------- */

static void sleep_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

void xf_pg_listen(const char *conninfo, const char *channel,
                  void (*fn)(void *arg, const char *payload), void *arg,
                  volatile int *stop)
{
	static const char *const keys[] = {"dbname", "client_encoding",
	                                   "fallback_application_name", NULL};
	const char *const vals[] = {conninfo, "UTF8", "xianfeng-listen", NULL};
	while (!*stop) {
		PGconn *h = PQconnectdbParams(keys, vals, 1);
		char *ident =
		    h ? PQescapeIdentifier(h, channel, strlen(channel)) : NULL;
		char sql[256];
		PGresult *res = NULL;
		if (ident && PQstatus(h) == CONNECTION_OK) {
			snprintf(sql, sizeof sql, "LISTEN %s", ident);
			res = PQexec(h, sql);
		}
		int ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
		PQclear(res);
		PQfreemem(ident);
		while (ok && !*stop) {
			int fd = PQsocket(h);
			fd_set in;
			FD_ZERO(&in);
			FD_SET(fd, &in);
			struct timeval tv = {1, 0};
			if (select(fd + 1, &in, NULL, NULL, &tv) < 0 ||
			    !PQconsumeInput(h))
				break;
			PGnotify *n;
			while ((n = PQnotifies(h)) != NULL) {
				fn(arg, n->extra);
				PQfreemem(n);
			}
		}
		PQfinish(h);
		if (!*stop)
			sleep_ms(1000); /* the connection was lost: again */
	}
}

const xf_db_driver xf_db_pgsql_driver = {
    .name = "postgres",
    .kind = XF_DB_PGSQL,
    .begin_write_sql = "BEGIN ISOLATION LEVEL SERIALIZABLE",
    .begin_read_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
    .begin_rows_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ",
    .id_type = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    .collate_c = " COLLATE \"C\"",
    .blob_type = "BYTEA",
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .prepare = pg_prepare,
    .finalize = pg_finalize,
    .bind_int64 = pg_bind_int64,
    .bind_text = pg_bind_text,
    .bind_text_ref = pg_bind_text, /* parameters are copied anyway */
    .bind_null = pg_bind_null,
    .bind_blob = pg_bind_blob,
    .step = pg_step,
    .reset = pg_reset,
    .column_count = pg_column_count,
    .column_int64 = pg_column_int64,
    .column_text = pg_column_text,
    .column_is_null = pg_column_is_null,
    .column_blob = pg_column_blob,
    .changes = pg_changes,
    .errmsg = pg_errmsg,
    .copy_begin = pg_copy_begin,
    .copy_row = pg_copy_row,
    .copy_end = pg_copy_end,
    .index_list_sql =
        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE "
        "i.schemaname = current_schema() AND i.tablename = $1 AND NOT "
        "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = "
        "(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))"
        "::regclass) ORDER BY i.indexname",
    .id_bump_sql = "SELECT setval(pg_get_serial_sequence($1, 'id'), $2)",
    /* the grouped rebuilds of kept totals and the index builds after a
     * load sort in memory instead of in temporary files */
    .load_mode_on_sql = "SET work_mem = '256MB'; "
                        "SET maintenance_work_mem = '512MB'",
    .load_mode_off_sql = "RESET work_mem; RESET maintenance_work_mem",
    /* without it, freshly loaded tables have no statistics (the planner
     * then picked a 27 ms plan for a 1 ms member list) and no visibility
     * map (no index-only scans) until autovacuum comes by */
    .after_load_sql = "VACUUM ANALYZE",
    .snapshot_export_sql = "SELECT pg_export_snapshot()",
    .snapshot_join_sql = "SET TRANSACTION SNAPSHOT",
};
