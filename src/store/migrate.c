/*
 * migrate.c - the schema of xianfeng as a list of versioned migrations.
 *
 * DDL is written once; two tokens are replaced per driver: {ID} with the
 * driver's auto-assigned primary key type and {C} with its byte-order
 * collation (materialized paths are compared as bytes for range scans).
 */
#include "store/migrate.h"

#include "base/buf.h"

#include <stdio.h>
#include <string.h>

static const char *const migrations[] = {
	/* 1: organizations, members, users, sessions, audit, clusters */
	"CREATE TABLE orgs ("
	" id {ID},"
	" parent_id BIGINT REFERENCES orgs(id),"
	" name TEXT NOT NULL,"
	" kind TEXT NOT NULL,"
	" level TEXT NOT NULL,"
	" path TEXT{C} NOT NULL UNIQUE,"
	" depth INTEGER NOT NULL,"
	" established_on TEXT NOT NULL,"
	" project TEXT, starts_on TEXT, ends_on TEXT, closed_on TEXT,"
	" member_count INTEGER NOT NULL DEFAULT 0,"
	" created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
	"CREATE UNIQUE INDEX orgs_sibling_name ON orgs(COALESCE(parent_id, 0), name);"
	"CREATE INDEX orgs_parent ON orgs(parent_id);"
	"CREATE TABLE members ("
	" id {ID},"
	" org_id BIGINT NOT NULL REFERENCES orgs(id),"
	" org_path TEXT{C} NOT NULL,"
	" name TEXT NOT NULL,"
	" gender TEXT NOT NULL,"
	" id_number TEXT NOT NULL UNIQUE,"
	" birth_date TEXT NOT NULL,"
	" phone TEXT,"
	" ethnicity TEXT, education TEXT, position TEXT,"
	" status TEXT NOT NULL,"
	" joined_on TEXT NOT NULL, full_on TEXT,"
	" created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
	"CREATE INDEX members_org_path ON members(org_path, id);"
	"CREATE INDEX members_org ON members(org_id);"
	"CREATE TABLE member_transfers ("
	" id {ID},"
	" member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	" from_org_id BIGINT NOT NULL, to_org_id BIGINT NOT NULL,"
	" reason TEXT NOT NULL, at BIGINT NOT NULL, user_id BIGINT);"
	"CREATE INDEX member_transfers_member ON member_transfers(member_id);"
	"CREATE TABLE users ("
	" id {ID},"
	" username TEXT NOT NULL UNIQUE,"
	" display_name TEXT NOT NULL,"
	" password_hash TEXT NOT NULL,"
	" member_id BIGINT REFERENCES members(id) ON DELETE SET NULL,"
	" disabled INTEGER NOT NULL DEFAULT 0,"
	" created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);"
	"CREATE TABLE user_roles ("
	" user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL,"
	" org_id BIGINT REFERENCES orgs(id),"
	" UNIQUE (user_id, role, org_id));"
	"CREATE INDEX user_roles_org ON user_roles(org_id);"
	"CREATE TABLE sessions ("
	" token_hash TEXT NOT NULL PRIMARY KEY,"
	" user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
	" csrf TEXT NOT NULL,"
	" created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL);"
	"CREATE INDEX sessions_user ON sessions(user_id);"
	"CREATE TABLE login_failures ("
	" id {ID}, username TEXT NOT NULL, at BIGINT NOT NULL);"
	"CREATE INDEX login_failures_user ON login_failures(username, at);"
	"CREATE TABLE audit ("
	" id {ID},"
	" at BIGINT NOT NULL,"
	" user_id BIGINT,"
	" username TEXT,"
	" action TEXT NOT NULL,"
	" entity TEXT NOT NULL,"
	" entity_id BIGINT,"
	" org_path TEXT{C},"
	" before_json TEXT, after_json TEXT);"
	"CREATE INDEX audit_path ON audit(org_path, id);"
	"CREATE INDEX audit_entity ON audit(entity, entity_id);"
	"CREATE TABLE clusters ("
	" id {ID},"
	" name TEXT NOT NULL UNIQUE,"
	" description TEXT NOT NULL DEFAULT '',"
	" created_at BIGINT NOT NULL);"
	"CREATE TABLE cluster_orgs ("
	" cluster_id BIGINT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,"
	" org_id BIGINT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,"
	" PRIMARY KEY (cluster_id, org_id));",
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
	int v = -1;
	if (xf_db_step(st) == XF_DB_ROW)
		v = (int)xf_db_int(st, 0);
	xf_db_reset(st);
	return v;
}

/* Expands {ID} and {C} for the connection's driver. */
static int expand(xf_db *db, const char *ddl, xf_buf *out)
{
	const char *id = db->drv->id_type, *coll = db->drv->collate_c;
	for (const char *p = ddl; *p; p++) {
		if (strncmp(p, "{ID}", 4) == 0) {
			xf_buf_adds(out, id);
			p += 3;
		} else if (strncmp(p, "{C}", 3) == 0) {
			xf_buf_adds(out, coll);
			p += 2;
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
			rc = xf_db_exec(db, sql.data);
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
