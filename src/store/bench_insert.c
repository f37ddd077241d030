/*
 * bench_insert.c - the SQL of `xianfeng bench-insert` (tools/bench_insert.c):
 * the bare-SQLite ceilings that the benchmark compares the bulk path with,
 * one prepared single-row INSERT per row (see bench_insert.h).
 */
#include "store/bench_insert.h"

static const char sql_scratch[] =
    "CREATE TABLE IF NOT EXISTS bench_scratch (a BIGINT, b TEXT, "
    "c TEXT, d TEXT, e BIGINT)";
static const char sql_scratch_ins[] =
    "INSERT INTO bench_scratch (a, b, c, d, e) VALUES ($1, $2, $3, $4, $5)";

int xf_bench_ceiling(xf_db *db, int n)
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
		rc = xf_db_run(st);
	}
	return xf_db_end(db, rc);
}

static const char sql_ceiling_org[] =
    "INSERT INTO orgs (id, name, kind, level, path, depth, "
    "established_on, created_at, updated_at) VALUES (1, '基准党支部', "
    "'branch', 'city', '/1/', 0, '2020-01-01', 0, 0)";
static const char sql_ceiling_member[] =
    "INSERT INTO members (" /* the columns of bulk.c's members */
    "org_id, org_path, name, gender, id_number, birth_date, phone, "
    "ethnicity, education, position, status, joined_on, full_on, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
    "$10, $11, $12, $13, $14, $15)";

int xf_bench_ceiling_setup(xf_db *db)
{
	return xf_db_exec(db, sql_ceiling_org);
}

int xf_bench_ceiling_members(xf_db *db, int n, const char *const *ids)
{
	int rc = xf_db_begin(db);
	for (int i = 0; i < n && rc == XF_DB_OK; i++) {
		xf_stmt *st = xf_db_stmt(db, sql_ceiling_member);
		if (!st) {
			rc = XF_DB_ERROR;
			break;
		}
		xf_db_bind_int(st, 1, 1);
		xf_db_bind_str(st, 2, "/1/");
		xf_db_bind_str(st, 3, i % 2 ? "王秀英" : "张伟");
		xf_db_bind_str(st, 4, i % 2 ? "female" : "male");
		xf_db_bind_str(st, 5, ids[i]);
		xf_db_bind_str(st, 6, "1990-01-01");
		xf_db_bind_str(st, 7, "13812345678");
		xf_db_bind_str(st, 8, "汉族");
		xf_db_bind_str(st, 9, "大学本科");
		xf_db_bind_str(st, 10, "一级主任科员");
		xf_db_bind_str(st, 11, "full");
		xf_db_bind_str(st, 12, "2012-07-01");
		xf_db_bind_str(st, 13, "2013-07-01");
		xf_db_bind_int(st, 14, 1700000000);
		xf_db_bind_int(st, 15, 1700000000);
		rc = xf_db_run(st);
	}
	return xf_db_end(db, rc);
}
