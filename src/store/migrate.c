/*
 * migrate.c - the schema of xianfeng as a list of versioned migrations.
 *
 * DDL is written once; three tokens are replaced per driver: {ID} with the
 * driver's auto-assigned primary key type, {C} with its byte-order
 * collation (materialized paths are compared as bytes for range scans) and
 * {B} with its byte string type (BLOB, bytea). What stands between {PG}
 * and {/PG} runs on PostgreSQL only (e.g. moving an identity on after
 * rows were copied with their ids); what stands between {SQ} and {/SQ}
 * runs on SQLite only (e.g. an FTS5 virtual table).
 */
#include "store/migrate.h"

#include "base/buf.h"
#include "store/schema.h"

#include <stdio.h>
#include <string.h>

/* Migrations in order; migration N is migrations[N - 1]. Released
 * migrations never change: a change of schema is a new migration. */
static const char *const migrations[] = {
    xf_schema_v1,  /* core: orgs, members, users, audit, clusters */
    xf_schema_v2,  /* organizational life: meetings, attendance */
    xf_schema_v3,  /* points: rulebook, claims, ledger, totals */
    xf_schema_v4,  /* plans, tasks, milestones, duty lists */
    xf_schema_v5,  /* attachments of meetings, content-addressed */
    xf_schema_v6,  /* covering indexes for points verify */
    xf_schema_v7,  /* meetings by (org, counts_on) for the compliance tally */
    xf_schema_v8,  /* assessment: schemes, star ratings, notice subjects */
    xf_schema_v9,  /* review sessions: criteria, presenters, judges, scores */
    xf_schema_v10, /* one-time judge codes */
    xf_schema_v11, /* honors, brands; attachments of any subject */
    xf_schema_v12, /* points from records: rule record kinds, ledger groups */
    xf_schema_v13, /* case selection: calls, submissions, reviews */
    xf_schema_v14, /* creation programs: criteria, applications, items */
    xf_schema_v15, /* activities: sign-ups, waiting list, attendance */
    xf_schema_v16, /* 四必访: visit triggers and visits */
    xf_schema_v17, /* practice guide: versioned articles, full-text search */
    xf_schema_v18, /* 发展党员: recruits and their recorded steps */
    xf_schema_v19, /* 党费: dues bases and payments */
    xf_schema_v20, /* personal data sealed; ID numbers unique by blind index */
    xf_schema_v21, /* audit log as a hash chain, append-only */
    xf_schema_v22, /* sessions: idle timeout, throttle by address, TOTP */
    xf_schema_v23, /* cluster leads, joint projects, central-work tags */
    xf_schema_v24, /* 换届: terms of committees and their positions */
    xf_schema_v25, /* lecture library; special campaigns */
    xf_schema_v26, /* kept tallies of the 晒绩 board */
    xf_schema_v27, /* kept tally of meetings for the compliance board */
    xf_schema_v28, /* kept subtree counts (org_counts) and their triggers */
    xf_schema_v29, /* indexes of uncached boards (open task days, left) */
    xf_schema_v30, /* the compliance board's kept tally by year */
};

int xf_schema_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

static const char version_table[] =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)";
static const char version_get[] = "SELECT MAX(version) FROM schema_version";
static const char version_put[] =
    "INSERT INTO schema_version (version) VALUES ($1)";

int xf_schema_version(xf_db *db)
{
	if (xf_db_exec(db, version_table) != XF_DB_OK)
		return -1;
	xf_stmt *st = xf_db_stmt(db, version_get);
	if (!st)
		return -1;
	int64_t v;
	return xf_db_value(st, &v) == XF_DB_OK ? (int)v : -1;
}

/* Expands {ID}, {C}, {B}, {PG}...{/PG} and {SQ}...{/SQ} for the connection's
 * driver. */
static int expand(xf_db *db, const char *ddl, xf_buf *out)
{
	const char *id = db->drv->id_type, *coll = db->drv->collate_c;
	const char *blob = db->drv->blob_type;
	for (const char *p = ddl; *p; p++) {
		if (strncmp(p, "{ID}", 4) == 0) {
			xf_buf_adds(out, id);
			p += 3;
		} else if (strncmp(p, "{C}", 3) == 0) {
			xf_buf_adds(out, coll);
			p += 2;
		} else if (strncmp(p, "{B}", 3) == 0) {
			xf_buf_adds(out, blob);
			p += 2;
		} else if (strncmp(p, "{PG}", 4) == 0) {
			const char *end = strstr(p, "{/PG}");
			if (!end)
				return -1;
			if (strcmp(db->drv->name, "postgres") == 0)
				xf_buf_add(out, p + 4, (size_t)(end - p - 4));
			p = end + 4;
		} else if (strncmp(p, "{SQ}", 4) == 0) {
			const char *end = strstr(p, "{/SQ}");
			if (!end)
				return -1;
			if (strcmp(db->drv->name, "sqlite") == 0)
				xf_buf_add(out, p + 4, (size_t)(end - p - 4));
			p = end + 4;
		} else {
			xf_buf_addc(out, *p);
		}
	}
	return out->failed ? -1 : 0;
}

int xf_schema_migrate(xf_db *db, char *err, size_t errlen)
{
	int have = xf_schema_version(db);
	if (have < 0) {
		snprintf(err, errlen, "cannot read schema version: %s",
		         xf_db_errmsg(db));
		return -1;
	}
	if (have > xf_schema_latest()) {
		snprintf(err, errlen,
		         "database schema version %d is newer than this "
		         "program knows (%d): upgrade xianfeng",
		         have, xf_schema_latest());
		return -1;
	}
	for (int v = have + 1; v <= xf_schema_latest(); v++) {
		xf_buf sql;
		xf_buf_init(&sql, 1 << 20);
		int rc = expand(db, migrations[v - 1], &sql);
		if (rc == 0)
			rc = xf_db_begin(db);
		if (rc == 0)
			rc = xf_db_exec(db, sql.data ? sql.data : "");
		xf_stmt *st = rc == 0 ? xf_db_stmt(db, version_put) : NULL;
		if (st) {
			xf_db_bind_int(st, 1, v);
			rc = xf_db_step(st) == XF_DB_DONE ? 0 : -1;
			xf_db_reset(st);
		} else {
			rc = -1;
		}
		if (rc == 0)
			rc = xf_db_commit(db);
		xf_buf_free(&sql);
		if (rc != 0) {
			snprintf(err, errlen, "migration %d failed: %s", v,
			         xf_db_errmsg(db));
			xf_db_rollback(db);
			return -1;
		}
	}
	return 0;
}
