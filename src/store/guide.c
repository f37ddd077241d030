/*
 * guide.c - SQL of the practice guide: articles, versions, tags, search.
 *
 * Search differs by driver (the one place here that asks db->drv->name):
 * on SQLite terms of three or more characters go to the FTS5 trigram
 * table (which matches substrings) and rank by bm25; every term is also
 * a LIKE '%term%' condition, which is how terms of two characters (the
 * trigram tokenizer cannot match them) are found. On PostgreSQL every
 * term is an ILIKE '%term%' condition, served by the pg_trgm GIN indexes
 * for three characters or more, ranked by similarity of the title.
 */
#include "store/guide.h"

#include "base/buf.h"

#include <string.h>

static int is_sqlite(const xf_db *db)
{
	return strcmp(db->drv->name, "sqlite") == 0;
}

#define ARTICLE_COLS                                                           \
	"g.id, g.version, g.title, g.body, g.tags, COALESCE(g.edited_by, 0), " \
	"u.username, g.created_at, g.updated_at"
#define ARTICLE_FROM                                                           \
	" FROM guide_articles g LEFT JOIN users u ON u.id = g.edited_by"

static const xf_db_col article_cols[] = {
    XF_COL(I64, xf_guide_article, id),
    XF_COL(INT, xf_guide_article, version),
    XF_COL(STR, xf_guide_article, title),
    XF_COL(STR, xf_guide_article, body),
    XF_COL(STR, xf_guide_article, tags),
    XF_COL(I64, xf_guide_article, edited_by),
    XF_COL(OPT, xf_guide_article, editor_name),
    XF_COL(I64, xf_guide_article, created_at),
    XF_COL(I64, xf_guide_article, updated_at),
    XF_COL(INT, xf_guide_article, title_hits),
};
#define NCOLS_ARTICLE (XF_NCOLS(article_cols) - 1)

static void read_article(xf_arena *a, xf_stmt *st, void *item)
{
	xf_db_read_cols(a, st, article_cols, NCOLS_ARTICLE, item);
}

XF_DB_READER(read_hit, article_cols);

static const char sql_insert[] =
    "INSERT INTO guide_articles (version, title, body, tags, edited_by, "
    "created_at, updated_at) VALUES (1, $1, $2, $3, $4, $5, $5) "
    "RETURNING id";
static const char sql_update[] =
    "UPDATE guide_articles SET version = $2, title = $3, body = $4, "
    "tags = $5, edited_by = $6, updated_at = $7 WHERE id = $1";
static const char sql_version[] =
    "INSERT INTO guide_versions (article_id, version, title, body, tags, "
    "edited_by, edited_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
static const char sql_tags_clear[] =
    "DELETE FROM guide_tags WHERE article_id = $1";
static const char sql_tag_put[] =
    "INSERT INTO guide_tags (article_id, tag) VALUES ($1, $2) "
    "ON CONFLICT DO NOTHING";
static const char sql_fts_clear[] = "DELETE FROM guide_fts WHERE rowid = $1";
static const char sql_fts_put[] =
    "INSERT INTO guide_fts (rowid, title, body) VALUES ($1, $2, $3)";

/* The version row, tag rows and search entry of g (after its article row
 * is written). */
static int write_version(xf_db *db, const xf_guide_article *g)
{
	int rc = xf_db_run(
	    XF_DB_BOUND(db, sql_version, XF_INT(g->id), XF_INT(g->version),
	                XF_STR(g->title), XF_STR(g->body), XF_STR(g->tags),
	                XF_ID(g->edited_by), XF_INT(g->updated_at)));
	if (rc == XF_DB_OK)
		rc = xf_db_run_id(db, sql_tags_clear, g->id);
	for (const char *p = g->tags; rc == XF_DB_OK && p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char tag[XF_GUIDE_TAG_CHARS * 4 + 1];
		if (n >= sizeof tag)
			return XF_DB_ERROR;
		memcpy(tag, p, n);
		tag[n] = '\0';
		rc = xf_db_run(
		    XF_DB_BOUND(db, sql_tag_put, XF_INT(g->id), XF_STR(tag)));
		p += n + (nl ? 1 : 0);
	}
	if (rc != XF_DB_OK || !is_sqlite(db))
		return rc;
	rc = xf_db_run_id(db, sql_fts_clear, g->id);
	if (rc == XF_DB_OK)
		rc = xf_db_run(XF_DB_BOUND(db, sql_fts_put, XF_INT(g->id),
		                           XF_STR(g->title), XF_STR(g->body)));
	return rc;
}

int xf_store_guide_insert(xf_db *db, xf_guide_article *g)
{
	xf_stmt *st = XF_DB_BOUND(db, sql_insert, XF_STR(g->title),
	                          XF_STR(g->body), XF_STR(g->tags),
	                          XF_ID(g->edited_by), XF_INT(g->created_at));
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_insert(st, &g->id);
	if (rc != XF_DB_OK)
		return rc;
	g->version = 1;
	return write_version(db, g);
}

int xf_store_guide_update(xf_db *db, const xf_guide_article *g)
{
	int rc = xf_db_run(
	    XF_DB_BOUND(db, sql_update, XF_INT(g->id), XF_INT(g->version),
	                XF_STR(g->title), XF_STR(g->body), XF_STR(g->tags),
	                XF_ID(g->edited_by), XF_INT(g->updated_at)));
	return rc == XF_DB_OK ? write_version(db, g) : rc;
}

static const char sql_get[] =
    "SELECT " ARTICLE_COLS ARTICLE_FROM " WHERE g.id = $1";

XF_DB_GETTER(xf_store_guide_get, xf_guide_article, sql_get, read_article);

static const char sql_delete_versions[] =
    "DELETE FROM guide_versions WHERE article_id = $1";
static const char sql_delete[] = "DELETE FROM guide_articles WHERE id = $1";

int xf_store_guide_delete(xf_db *db, int64_t id)
{
	int rc = xf_db_run_id(db, sql_delete_versions, id);
	if (rc == XF_DB_OK)
		rc = xf_db_run_id(db, sql_tags_clear, id);
	if (rc == XF_DB_OK && is_sqlite(db))
		rc = xf_db_run_id(db, sql_fts_clear, id);
	if (rc == XF_DB_OK)
		rc = xf_db_run_id(db, sql_delete, id);
	return rc;
}

static const char sql_versions[] =
    "SELECT v.article_id, v.version, v.title, v.body, v.tags, "
    "COALESCE(v.edited_by, 0), u.username, g.created_at, v.edited_at "
    "FROM guide_versions v JOIN guide_articles g ON g.id = v.article_id "
    "LEFT JOIN users u ON u.id = v.edited_by WHERE v.article_id = $1 "
    "ORDER BY v.version DESC LIMIT 200";

XF_DB_ROWS_OF(xf_store_guide_versions, xf_guide_article, sql_versions,
              read_article, 200);

#define LIST_WHERE                                                             \
	" WHERE (CAST($1 AS TEXT) IS NULL OR g.id IN (SELECT t.article_id "    \
	"FROM guide_tags t "                                                   \
	"WHERE t.tag = $1))"
static const char sql_count[] =
    "SELECT COUNT(*) FROM guide_articles g" LIST_WHERE;
static const char sql_list[] =
    "SELECT " ARTICLE_COLS ARTICLE_FROM LIST_WHERE
    " ORDER BY g.updated_at DESC, g.id DESC LIMIT $2 OFFSET $3";

int xf_store_guide_list(xf_db *db, xf_arena *a, const char *tag, int offset,
                        int limit, xf_guide_article **out, int *n,
                        int64_t *total)
{
	int rc = xf_db_value(XF_DB_BOUND(db, sql_count, XF_STR(tag)), total);
	if (rc != XF_DB_OK)
		return rc;
	return xf_db_rows(XF_DB_BOUND(db, sql_list, XF_STR(tag), XF_INT(limit),
	                              XF_INT(offset)),
	                  a, limit, sizeof **out, read_article, out, n);
}

/* One term's LIKE parameter $n: in the title or the body. */
#define TERM(op, n)                                                            \
	" AND (CAST($" #n " AS TEXT) IS NULL OR g.title " op " $" #n           \
	" ESCAPE '\\' OR "                                                     \
	"g.body " op " $" #n " ESCAPE '\\')"
#define TERMS(op) TERM(op, 2) TERM(op, 3) TERM(op, 4) TERM(op, 5) TERM(op, 6)
/* How many terms the title holds. */
#define HIT(op, n)                                                             \
	"(CASE WHEN CAST($" #n " AS TEXT) IS NOT NULL AND g.title " op " $" #n \
	" ESCAPE '\\' THEN 1 ELSE 0 END)"
#define HITS(op)                                                               \
	", " HIT(op, 2) " + " HIT(op, 3) " + " HIT(op, 4) " + " HIT(           \
	    op, 5) " + " HIT(op, 6) " AS hits"

/* SQLite with terms of three characters or more: $1 an FTS5 query. */
static const char sql_search_fts[] =
    "SELECT " ARTICLE_COLS HITS("LIKE") ARTICLE_FROM
    " JOIN (SELECT rowid AS rid, bm25(guide_fts, 10.0, 1.0) AS score "
    "FROM guide_fts WHERE guide_fts MATCH $1) f ON f.rid = g.id "
    "WHERE 1 = 1" TERMS("LIKE") " ORDER BY hits DESC, f.score, g.updated_at "
                                "DESC, g.id DESC LIMIT $7";
/* SQLite with short terms only: $1 is NULL. */
static const char sql_search_like[] =
    "SELECT " ARTICLE_COLS HITS("LIKE") ARTICLE_FROM " WHERE $1 IS NULL" TERMS(
        "LIKE") " ORDER BY hits DESC, g.updated_at DESC, g.id DESC LIMIT $7";
/* PostgreSQL: $1 the whole query, for the title's similarity. */
static const char sql_search_pg[] =
    "SELECT " ARTICLE_COLS HITS("ILIKE") ARTICLE_FROM
    " WHERE 1 = 1" TERMS("ILIKE") " ORDER BY hits DESC, similarity(g.title, "
                                  "$1) DESC, g.updated_at DESC, "
                                  "g.id DESC LIMIT $7";

/* '%term%' with the LIKE wildcards and the escape character escaped. */
static const char *like_pattern(xf_arena *a, const char *term)
{
	size_t n = strlen(term);
	char *p = xf_arena_alloc(a, 2 * n + 3);
	if (!p)
		return NULL;
	char *q = p;
	*q++ = '%';
	for (const char *s = term; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*q++ = '\\';
		*q++ = *s;
	}
	*q++ = '%';
	*q = '\0';
	return p;
}

/* The FTS5 query of the terms of three characters or more, each a quoted
 * string (a trigram phrase matches anywhere); NULL when there is none. */
static const char *fts_query(xf_arena *a, const char *const *terms, int n)
{
	xf_buf b;
	xf_buf_init(&b, 4096);
	for (int i = 0; i < n; i++) {
		size_t chars = 0;
		for (const char *s = terms[i]; *s; s++)
			chars += ((unsigned char)*s & 0xC0) != 0x80;
		if (chars < 3)
			continue;
		if (b.len)
			xf_buf_addc(&b, ' ');
		xf_buf_addc(&b, '"');
		for (const char *s = terms[i]; *s; s++) {
			if (*s == '"')
				xf_buf_addc(&b, '"');
			xf_buf_addc(&b, *s);
		}
		xf_buf_addc(&b, '"');
	}
	const char *q = NULL;
	if (!b.failed && b.len)
		q = xf_arena_strndup(a, b.data, b.len);
	xf_buf_free(&b);
	return q;
}

int xf_store_guide_search(xf_db *db, xf_arena *a, const char *query,
                          const char *const *terms, int nterms,
                          xf_guide_article **out, int *n)
{
	const char *like[XF_GUIDE_TERMS_MAX] = {NULL};
	if (nterms < 1 || nterms > XF_GUIDE_TERMS_MAX)
		return XF_DB_ERROR;
	for (int i = 0; i < nterms; i++)
		if (!(like[i] = like_pattern(a, terms[i])))
			return XF_DB_ERROR;
	const char *sql = sql_search_pg, *first = query;
	if (is_sqlite(db)) {
		first = fts_query(a, terms, nterms);
		sql = first ? sql_search_fts : sql_search_like;
	}
	xf_stmt *st =
	    XF_DB_BOUND(db, sql, XF_STR(first), XF_STR(like[0]),
	                XF_STR(like[1]), XF_STR(like[2]), XF_STR(like[3]),
	                XF_STR(like[4]), XF_INT(XF_GUIDE_SEARCH_MAX));
	return xf_db_rows(st, a, XF_GUIDE_SEARCH_MAX, sizeof **out, read_hit,
	                  out, n);
}
