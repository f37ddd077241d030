/*
 * bulk.c - bulk inserts for the generator and imports.
 */
#include "store/bulk.h"

#include <stdio.h>
#include <string.h>

static const char sql_org[] =
    "INSERT INTO orgs (parent_id, name, kind, level, path, depth, "
    "established_on, project, starts_on, ends_on, closed_on, "
    "created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) "
    "RETURNING id";
static const char sql_org_path[] = "UPDATE orgs SET path = $2 WHERE id = $1";

int xf_bulk_org(xf_db *db, xf_org *o, const char *parent_path, int64_t now,
                char *pathbuf, size_t n)
{
	static _Atomic long seq;
	char tmp[48];
	snprintf(tmp, sizeof tmp, "#bulk-%ld", ++seq);
	xf_stmt *st = xf_db_stmt(db, sql_org);
	if (!st)
		return XF_DB_ERROR;
	if (o->parent_id)
		xf_db_bind_int(st, 1, o->parent_id);
	else
		xf_db_bind_null(st, 1);
	xf_db_bind_str(st, 2, o->name);
	xf_db_bind_str(st, 3, o->kind);
	xf_db_bind_str(st, 4, o->level);
	xf_db_bind_str(st, 5, tmp);
	xf_db_bind_int(st, 6, o->depth);
	xf_db_bind_str(st, 7, o->established_on);
	xf_db_bind_str(st, 8, o->project);
	xf_db_bind_str(st, 9, o->starts_on);
	xf_db_bind_str(st, 10, o->ends_on);
	xf_db_bind_str(st, 11, o->closed_on);
	xf_db_bind_int(st, 12, now);
	int rc = xf_db_step(st);
	if (rc == XF_DB_ROW)
		o->id = xf_db_int(st, 0);
	xf_db_reset(st);
	if (rc != XF_DB_ROW)
		return rc;
	if (snprintf(pathbuf, n, "%s%lld/", parent_path ? parent_path : "/",
	             (long long)o->id) >= (int)n)
		return XF_DB_ERROR;
	o->path = pathbuf;
	st = xf_db_stmt(db, sql_org_path);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, o->id);
	xf_db_bind_str(st, 2, pathbuf);
	rc = xf_db_step(st);
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

static const char sql_member[] =
    "INSERT INTO members (org_id, org_path, name, gender, id_number, "
    "birth_date, phone, ethnicity, education, position, status, "
    "joined_on, full_on, created_at, updated_at) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)";

static const char sql_copy_members[] =
    "COPY members (org_id, org_path, name, gender, id_number, birth_date, "
    "phone, ethnicity, education, position, status, joined_on, full_on, "
    "created_at, updated_at) FROM STDIN";

/* The member indexes are dropped for the load and built again at the end
 * (one sort each instead of a b-tree insert per row); the unique index on
 * ID numbers is built again too, so a duplicate still fails the load. */
static const char sql_drop_member_indexes[] =
    "DROP INDEX members_id_number; DROP INDEX members_org_path; "
    "DROP INDEX members_org";
static const char sql_make_member_indexes[] =
    "CREATE UNIQUE INDEX members_id_number ON members(id_number);"
    "CREATE INDEX members_org_path ON members(org_path, id);"
    "CREATE INDEX members_org ON members(org_id)";

int xf_bulk_members_begin(xf_db *db)
{
	int rc = xf_db_exec(db, sql_drop_member_indexes);
	if (rc == XF_DB_OK && db->drv->copy_begin)
		rc = db->drv->copy_begin(db, sql_copy_members);
	return rc;
}

int xf_bulk_members_end(xf_db *db)
{
	int rc = db->drv->copy_end ? db->drv->copy_end(db) : XF_DB_OK;
	if (rc == XF_DB_OK)
		rc = xf_db_exec(db, sql_make_member_indexes);
	return rc;
}

int xf_bulk_member(xf_db *db, xf_member *m, int64_t now)
{
	if (db->drv->copy_row) {
		char org[24], at[24];
		snprintf(org, sizeof org, "%lld", (long long)m->org_id);
		snprintf(at, sizeof at, "%lld", (long long)now);
		const char *v[15] = {org,         m->org_path,  m->name,
		                     m->gender,   m->id_number, m->birth_date,
		                     m->phone,    m->ethnicity, m->education,
		                     m->position, m->status,    m->joined_on,
		                     m->full_on,  at,           at};
		return db->drv->copy_row(db, v, 15);
	}
	xf_stmt *st = xf_db_stmt(db, sql_member);
	if (!st)
		return XF_DB_ERROR;
	xf_db_bind_int(st, 1, m->org_id);
	xf_db_bind_str(st, 2, m->org_path);
	xf_db_bind_str(st, 3, m->name);
	xf_db_bind_str(st, 4, m->gender);
	xf_db_bind_str(st, 5, m->id_number);
	xf_db_bind_str(st, 6, m->birth_date);
	xf_db_bind_str(st, 7, m->phone);
	xf_db_bind_str(st, 8, m->ethnicity);
	xf_db_bind_str(st, 9, m->education);
	xf_db_bind_str(st, 10, m->position);
	xf_db_bind_str(st, 11, m->status);
	xf_db_bind_str(st, 12, m->joined_on);
	xf_db_bind_str(st, 13, m->full_on);
	xf_db_bind_int(st, 14, now);
	int rc = xf_db_step(st);
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

static const char sql_recount[] =
    "UPDATE orgs SET member_count = (SELECT COUNT(*) FROM members m "
    "WHERE m.org_id = orgs.id)";

int xf_bulk_recount(xf_db *db)
{
	xf_stmt *st = xf_db_stmt(db, sql_recount);
	if (!st)
		return XF_DB_ERROR;
	int rc = xf_db_step(st);
	xf_db_reset(st);
	return rc == XF_DB_DONE ? XF_DB_OK : rc;
}

static const char sql_scratch[] =
    "CREATE TABLE IF NOT EXISTS bench_scratch (a BIGINT, b TEXT, "
    "c TEXT, d TEXT, e BIGINT)";
static const char sql_scratch_ins[] =
    "INSERT INTO bench_scratch (a, b, c, d, e) VALUES ($1, $2, $3, $4, $5)";

int xf_bulk_ceiling(xf_db *db, int n)
{
	int rc = xf_db_exec(db, sql_scratch);
	if (rc == XF_DB_OK)
		rc = xf_db_begin(db);
	for (int i = 0; i < n && rc == XF_DB_OK; i++) {
		xf_stmt *st = xf_db_stmt(db, sql_scratch_ins);
		if (!st)
			return XF_DB_ERROR;
		xf_db_bind_int(st, 1, i);
		xf_db_bind_str(st, 2, "/1/23/456/7890/");
		xf_db_bind_str(st, 3, "张伟");
		xf_db_bind_str(st, 4, "330203199001011234");
		xf_db_bind_int(st, 5, i * 7);
		rc = xf_db_step(st);
		xf_db_reset(st);
		rc = rc == XF_DB_DONE ? XF_DB_OK : rc;
	}
	if (rc == XF_DB_OK)
		rc = xf_db_commit(db);
	else
		xf_db_rollback(db);
	return rc;
}
