/*
 * imports.c (api) - /api/import: reads the uploaded file (xlsx or CSV)
 * into a table, finds the header row and the columns the template names,
 * checks every cell with the field tables of the create routes (the same
 * messages as the API), hands the rows to the import use case and
 * answers {"dry_run","rows","valid","created","errors":[{"row","column",
 * "field","message"}]}; and writes the templates (libxlsxwriter, with a
 * sheet 填写说明 listing the allowed values from the catalogue).
 */
#include "api/imports.h"
#include "api/api.h"
#include "api/members.h"
#include "api/orgs.h"
#include "api/xlsx.h"

#include "api/input.h"
#include "base/csv.h"
#include "base/date.h"
#include "base/jw.h"
#include "base/xlsx_read.h"
#include "domain/members.h"
#include "domain/orgs.h"
#include "http/upload.h"
#include "service/imports.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static xf_table_limits limits = {
    .max_rows = 20001,
    .max_cols = 200,
    .max_cell = 32 * 1024,
    .max_unpacked = 100u * 1024 * 1024,
};

static int env_long(const char *name, long lo, long hi, long *out)
{
	const char *s = getenv(name);
	if (!s || !*s)
		return 0;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end || errno || v < lo || v > hi) {
		fprintf(stderr, "xianfeng: %s takes %ld..%ld\n", name, lo, hi);
		return -1;
	}
	*out = v;
	return 1;
}

int xf_import_limits_from_env(void)
{
	long v;
	int rc = env_long("XF_IMPORT_MAX_ROWS", 1, 1000000, &v);
	if (rc < 0)
		return -1;
	if (rc > 0)
		limits.max_rows = (int)v + 1; /* the header too */
	rc = env_long("XF_IMPORT_MAX_UNPACKED_MB", 1, 4096, &v);
	if (rc < 0)
		return -1;
	if (rc > 0)
		limits.max_unpacked = (size_t)v << 20;
	return 0;
}

/* ?dry_run= of a POST (query tables are for GETs): the one rule of
 * every flag. */
static const xf_param dry_run_param = {.name = "dry_run", .type = XF_Q_BOOL};

/* ---- the columns of a template ----------------------------------------- */

/* A column of a template: its header, the create route's field it fills
 * (NULL: the organization named by text), whether the template marks it
 * required, an example and a note for 填写说明. */
typedef struct column {
	const char *header;
	const char *field; /* the create route's field, or the error's name */
	int required;
	const char *example;
	const char *note;
	int raw;        /* the trimmed text, not a field: at text_at */
	size_t text_at; /* raw: offset of a const char * in the row */
	size_t str_at;  /* a field: offset of the input's value, */
	size_t has_at;  /* and of its has_ flag, in the row */
	int has_if_set; /* has_ only when a value was given */
} column;

/* A member column filling in.F; an organization column filling in.F. */
#define MEMBER_COL(h, f, req, ex, note)                                        \
	{                                                                      \
		h, #f, req, ex, note, 0, 0, offsetof(xf_member_row, in.f),     \
		    offsetof(xf_member_row, in.has_##f), 0                     \
	}
#define ORG_COL(h, f, req, ex, note, if_set)                                   \
	{                                                                      \
		h, #f, req, ex, note, 0, 0, offsetof(xf_org_row, in.f),        \
		    offsetof(xf_org_row, in.has_##f), if_set                   \
	}
/* A column whose trimmed text the row keeps at member M of type T. */
#define RAW_COL(h, field, req, ex, note, T, m)                                 \
	{                                                                      \
		h, field, req, ex, note, 1, offsetof(T, m), 0, 0, 0            \
	}

static const column member_cols[] = {
    MEMBER_COL("姓名", name, 1, "（示例）张三",
               "示例行以“（示例）”开头，导入时跳过"),
    MEMBER_COL("性别", gender, 1, "男", NULL),
    MEMBER_COL("身份证号码", id_number, 1, "110101199003071234",
               "18 位，末位 X 可大写或小写；请设为文本格式"),
    MEMBER_COL("手机号码", phone, 1, "13800138000", "11 位大陆手机号"),
    RAW_COL("所属党组织", "org_id", 1, "某机关党委/第一党支部",
            "组织名称（在您的管理范围内唯一时），或用“/”连接的上级路径",
            xf_member_row, org),
    MEMBER_COL("党员状态", status, 1, "正式党员", NULL),
    MEMBER_COL("入党日期", joined_on, 1, "2010-07-01",
               "日期格式如 2010-07-01、2010/7/1 或 2010年7月1日"),
    MEMBER_COL("转正日期", full_on, 0, "2011-07-01", "预备党员可不填"),
    MEMBER_COL("民族", ethnicity, 0, "汉族", NULL),
    MEMBER_COL("学历", education, 0, "大学本科", NULL),
    MEMBER_COL("职务", position, 0, "科员", NULL),
};
#define N_MEMBER_COLS (int)(sizeof member_cols / sizeof member_cols[0])

static const column org_cols[] = {
    ORG_COL("组织名称", name, 1, "（示例）第一党支部",
            "示例行以“（示例）”开头，导入时跳过", 0),
    RAW_COL("上级组织", "parent_id", 0, "某机关党委",
            "上级组织名称或用“/”连接的路径；可以是本文件中前面各行新建的组织",
            xf_org_row, parent),
    ORG_COL("组织类型", kind, 1, "党支部", NULL, 0),
    ORG_COL("层级", level, 1, "市级", NULL, 0),
    ORG_COL("成立日期", established_on, 0, "2020-01-01", "不填则为导入当天", 1),
    RAW_COL("片区", "cluster", 0, "",
            "片区名称，须已在“片区联建”中建立；只有机关工委或管理员可以填写",
            xf_org_row, cluster),
};
#define N_ORG_COLS (int)(sizeof org_cols / sizeof org_cols[0])

static const xf_field *field_of(const xf_body_table *t, const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return &t->fields[i];
	return NULL;
}

/* The catalogue of the values of an enum field, or NULL. */
static const xf_code *codes_of(const xf_body_table *t, const char *field)
{
	const xf_field *f = field ? field_of(t, field) : NULL;
	return f && f->type == XF_F_ENUM ? f->codes : NULL;
}

/* ---- cells --------------------------------------------------------------- */

/* s without leading and trailing blanks (ASCII, U+3000, U+00A0), in a. */
static const char *trim(xf_arena *a, const char *s)
{
	size_t n = strlen(s);
	for (;;) {
		if (n &&
		    (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
			s++;
			n--;
		} else if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
			s += 3;
			n -= 3;
		} else if (n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0) {
			s += 2;
			n -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		if (n && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
		          s[n - 1] == '\r' || s[n - 1] == '\n'))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else if (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0)
			n -= 2;
		else
			break;
	}
	const char *copy = xf_arena_strndup(a, s, n);
	return copy ? copy : ""; /* out of memory: the row reads as empty */
}

/* A date as people type it (2010-7-1, 2010/07/01, 2010.7.1,
 * 2010年7月1日, 20100701) or an Excel serial number, as YYYY-MM-DD;
 * anything else unchanged (the field check then names it). */
static const char *date_text(xf_arena *a, const char *s)
{
	int y, m, d, n = 0;
	char out[11];
	size_t len = strlen(s);
	if ((sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 ||
	     sscanf(s, "%4d/%2d/%2d%n", &y, &m, &d, &n) == 3 ||
	     sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &n) == 3 ||
	     sscanf(s, "%4d年%2d月%2d日%n", &y, &m, &d, &n) == 3) &&
	    (size_t)n == len) {
		xf_date dt = {y, m, d};
		if (!xf_date_valid(dt))
			return s;
		xf_date_format(dt, out);
		return xf_arena_strdup(a, out);
	}
	if (len == 8 && strspn(s, "0123456789") == 8) {
		xf_date dt = {(s[0] - '0') * 1000 + (s[1] - '0') * 100 +
		                  (s[2] - '0') * 10 + (s[3] - '0'),
		              (s[4] - '0') * 10 + (s[5] - '0'),
		              (s[6] - '0') * 10 + (s[7] - '0')};
		if (!xf_date_valid(dt))
			return s;
		xf_date_format(dt, out);
		return xf_arena_strdup(a, out);
	}
	if (len <= 9 && strspn(s, "0123456789.") == len &&
	    xf_excel_serial_date(s, out) == 0)
		return xf_arena_strdup(a, out);
	return s;
}

/* An enum cell: the code itself, or the code of its Chinese label. */
static const char *code_text(const xf_code *codes, const char *s)
{
	for (const xf_code *c = codes; c->code; c++)
		if (strcmp(c->code, s) == 0 || strcmp(c->label, s) == 0)
			return c->code;
	return s;
}

/* ---- reading the upload ------------------------------------------------- */

/* The file of the request as a table; 0, or -1 with the answer written. */
static int read_table(xf_req *r, xf_table *t)
{
	const char *data, *name;
	size_t len;
	if (xf_req_upload(r, "file", &data, &len, &name) != 0 || len == 0) {
		xf_reply_error(r, 422, "invalid_field", "请选择要导入的文件",
		               "file");
		return -1;
	}
	xf_table_err e;
	if (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) {
		e = xf_xlsx_read(&r->arena, data, len, &limits, t);
	} else if (len >= 4 && memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0) {
		xf_reply_error(
		    r, 422, "unsupported_file",
		    "不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV 后导入",
		    "file");
		return -1;
	} else if (name && strlen(name) > 5 &&
	           strcasecmp(name + strlen(name) - 5, ".xlsx") == 0) {
		e = XF_TABLE_NOT_ZIP;
	} else {
		e = xf_csv_read(&r->arena, data, len, &limits, t);
	}
	if (e == XF_TABLE_OK)
		return 0;
	if (e == XF_TABLE_TOO_MANY_ROWS) {
		char *msg =
		    xf_arena_printf(&r->arena, "文件超过 %d 行数据，请分批导入",
		                    limits.max_rows - 1);
		xf_reply_error(r, 413, "too_many_rows",
		               msg ? msg : xf_table_error_text(e), "file");
		return -1;
	}
	int status = e == XF_TABLE_TOO_BIG || e == XF_TABLE_NOMEM ? 413 : 422;
	xf_reply_error(r, status,
	               e == XF_TABLE_TOO_BIG ? "file_too_large" : "bad_file",
	               xf_table_error_text(e), "file");
	return -1;
}

/* The header of a cell: trimmed, without a trailing "*" or "（必填）". */
static const char *header_text(xf_arena *a, const char *s)
{
	const char *h = trim(a, s);
	if (!h)
		return "";
	size_t n = strlen(h);
	if (n >= 1 && h[n - 1] == '*')
		n--;
	if (n >= 12 && strcmp(h + n - 12, "（必填）") == 0)
		n -= 12;
	return xf_arena_strndup(a, h, n);
}

/*
 * Finds the header row (the first of the first 10 rows with the first
 * column's header) and the table column of each template column (-1:
 * absent). Returns the header's row index, or -1 with a 422 answer
 * naming the missing or repeated columns.
 */
static int find_header(xf_req *r, const xf_table *t, const column *cols,
                       int ncols, int *at)
{
	int hrow = -1;
	for (int i = 0; i < t->nrows && i < 10 && hrow < 0; i++)
		for (int j = 0; j < t->rows[i].n; j++)
			if (strcmp(
			        header_text(&r->arena, xf_table_cell(t, i, j)),
			        cols[0].header) == 0) {
				hrow = i;
				break;
			}
	xf_buf msg;
	xf_buf_init(&msg, 4096);
	if (hrow < 0) {
		xf_buf_printf(&msg,
		              "未找到表头：第一行应为模板的列名（%s、%s…）",
		              cols[0].header, cols[1].header);
	} else {
		for (int k = 0; k < ncols; k++)
			at[k] = -1;
		for (int j = 0; j < t->rows[hrow].n; j++) {
			const char *h =
			    header_text(&r->arena, xf_table_cell(t, hrow, j));
			for (int k = 0; k < ncols; k++)
				if (strcmp(h, cols[k].header) == 0) {
					if (at[k] >= 0 && !msg.len)
						xf_buf_printf(
						    &msg, "表头中“%s”列重复",
						    h);
					at[k] = j;
				}
		}
		int missing = 0;
		for (int k = 0; k < ncols && !msg.len; k++)
			if (cols[k].required && at[k] < 0)
				missing++;
		if (missing) {
			xf_buf_adds(&msg, "表头缺少必填列：");
			int first = 1;
			for (int k = 0; k < ncols; k++)
				if (cols[k].required && at[k] < 0) {
					if (!first)
						xf_buf_adds(&msg, "、");
					xf_buf_adds(&msg, cols[k].header);
					first = 0;
				}
		}
	}
	if (msg.len) {
		char *m = xf_arena_strndup(&r->arena, msg.data, msg.len);
		xf_buf_free(&msg);
		xf_reply_error(r, 422, "bad_header", m ? m : "表头不正确",
		               "file");
		return -1;
	}
	xf_buf_free(&msg);
	return hrow;
}

/* Whether row i has no text in the template's columns. */
static int blank_row(xf_arena *a, const xf_table *t, int i, const int *at,
                     int ncols)
{
	for (int k = 0; k < ncols; k++)
		if (at[k] >= 0 && *trim(a, xf_table_cell(t, i, at[k])))
			return 0;
	return 1;
}

/*
 * The checked value of column k in row i into *val (val->present 0 when
 * the cell is empty and optional); 0, or -1 after adding the row's error
 * to res.
 */
static int cell_value(xf_req *r, const xf_body_table *body, const column *col,
                      const char *text, int row, xf_import_result *res,
                      xf_val *val)
{
	memset(val, 0, sizeof *val);
	const xf_field *f = field_of(body, col->field);
	if (!f)
		return 0;
	const char *s = trim(&r->arena, text);
	if (!s)
		s = "";
	const char *what = NULL;
	if (!*s) {
		if (!col->required)
			return 0;
		what = "不能为空";
	} else {
		if (f->type == XF_F_DATE)
			s = date_text(&r->arena, s);
		else if (f->type == XF_F_ENUM)
			s = code_text(f->codes, s);
		else if (strcmp(f->name, "id_number") == 0 && strlen(s) == 18 &&
		         s[17] == 'x')
			((char *)s)[17] = 'X';
		json_t *j = json_stringn(s, strlen(s));
		what = j ? xf_field_check(&r->arena, f, j, val) : "无法读取";
		json_decref(j);
	}
	if (!what)
		return 0;
	char *m = xf_arena_printf(&r->arena, "%s%s", f->label, what);
	xf_import_error_add(&r->arena, res, row, f->name, m ? m : what);
	return -1;
}

/* The answer: the counts and the errors, each with its column's header. */
static void answer(xf_req *r, int status, const xf_ctx *c, int dry_run,
                   const xf_import_result *res, const column *cols, int ncols)
{
	xf_jw w;
	xf_jw_init(&w, &r->out);
	xf_jw_obj(&w);
	if (status != 200) {
		xf_jw_key(&w, "error");
		xf_jw_obj(&w);
		xf_jw_kstr(&w, "code", "import_invalid");
		xf_jw_kstr(&w, "message", c->err.message);
		xf_jw_kstr(&w, "field", "file");
		xf_jw_obj_end(&w);
	}
	xf_jw_kbool(&w, "dry_run", dry_run);
	xf_jw_kint(&w, "rows", res->rows);
	xf_jw_kint(&w, "valid", res->valid);
	xf_jw_kint(&w, "created", res->created);
	xf_jw_key(&w, "errors");
	xf_jw_arr(&w);
	for (int k = 0; k < res->nerrors; k++) {
		const xf_import_error *e = &res->errors[k];
		const char *header = NULL;
		for (int j = 0; j < ncols && e->field; j++) {
			if (strcmp(cols[j].field, e->field) == 0)
				header = cols[j].header;
		}
		xf_jw_obj(&w);
		xf_jw_kint(&w, "row", e->row);
		xf_jw_kstr(&w, "column", header);
		xf_jw_kstr(&w, "field", e->field);
		xf_jw_kstr(&w, "message", e->message);
		xf_jw_obj_end(&w);
	}
	xf_jw_arr_end(&w);
	xf_jw_obj_end(&w);
	xf_reply_json(r, status);
}

/* Orders errors by row, then as they were found. */
static int by_row(const void *a, const void *b)
{
	const xf_import_error *x = a, *y = b;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void sort_errors(xf_import_result *res)
{
	if (res->nerrors > 1)
		qsort(res->errors, (size_t)res->nerrors, sizeof *res->errors,
		      by_row);
}

/* What both imports share before and after their use case. */
typedef struct import_job {
	xf_table t;
	int hrow;
	int at[16];
	int dry_run;
	xf_import_result res;
} import_job;

static int begin(xf_req *r, import_job *job, const column *cols, int ncols)
{
	memset(job, 0, sizeof *job);
	xf_val v = {0};
	if (xf_input_param(r, &dry_run_param, xf_req_query(r, "dry_run"), &v) !=
	    0)
		return -1;
	job->dry_run = v.present && v.i;
	if (read_table(r, &job->t) != 0)
		return -1;
	job->hrow = find_header(r, &job->t, cols, ncols, job->at);
	return job->hrow < 0 ? -1 : 0;
}

static void end(xf_req *r, xf_ctx *c, import_job *job, int rc,
                const column *cols, int ncols)
{
	if (rc != XF_OK && !(rc == XF_E_INVALID &&
	                     strcmp(c->err.code, "import_invalid") == 0)) {
		xf_api_fail(r, c);
		return;
	}
	sort_errors(&job->res);
	answer(r, rc == XF_OK ? 200 : 422, c, job->dry_run, &job->res, cols,
	       ncols);
}

/* Whether row i is the template's example row. */
static int example_row(xf_req *r, const import_job *job, int i)
{
	const char *s = trim(&r->arena, xf_table_cell(&job->t, i, job->at[0]));
	return s && strncmp(s, "（示例）", strlen("（示例）")) == 0;
}

/* Reads row i of the file into row (an xf_member_row or xf_org_row,
 * by the columns' offsets): raw columns' trimmed text, and each field
 * checked by the create route's table; *bad set by a failed check. */
static void read_cells(xf_req *r, import_job *job, const xf_body_table *body,
                       const column *cols, int ncols, int i, char *row,
                       int rownum, int *bad)
{
	for (int k = 0; k < ncols; k++) {
		const column *col = &cols[k];
		const char *text = job->at[k] >= 0
		                       ? xf_table_cell(&job->t, i, job->at[k])
		                       : "";
		if (col->raw) {
			*(const char **)(void *)(row + col->text_at) =
			    trim(&r->arena, text);
			continue;
		}
		xf_val v;
		if (cell_value(r, body, col, text, rownum, &job->res, &v) !=
		    0) {
			*bad = 1;
			continue;
		}
		const char *str = v.present ? v.s : NULL;
		*(const char **)(void *)(row + col->str_at) = str;
		*(int *)(void *)(row + col->has_at) =
		    col->has_if_set ? str != NULL : 1;
	}
}

/* POST /api/import/members[?dry_run=1]: multipart field "file" (or the
 * file as the body). */
void xf_h_import_members(xf_req *r)
{
	import_job job;
	xf_ctx c;
	if (begin(r, &job, member_cols, N_MEMBER_COLS) != 0 ||
	    xf_api_ctx(r, &c) != 0)
		return;
	const xf_body_table *body = &xf_members_create_body;
	int n = 0;
	xf_member_row *rows =
	    xf_input_calloc(r, (size_t)(job.t.nrows - job.hrow), sizeof *rows);
	if (!rows)
		return;
	for (int i = job.hrow + 1; i < job.t.nrows; i++) {
		if (blank_row(&r->arena, &job.t, i, job.at, N_MEMBER_COLS) ||
		    example_row(r, &job, i))
			continue;
		xf_member_row *row = &rows[n++];
		row->row = i + 1;
		read_cells(r, &job, body, member_cols, N_MEMBER_COLS, i,
		           (char *)row, row->row, &row->bad);
		if (!row->bad && (!row->org || !*row->org)) {
			row->bad = 1;
			xf_import_error_add(&r->arena, &job.res, row->row,
			                    "org_id", "所属党组织不能为空");
		}
	}
	int rc = xf_import_members(&c, rows, n, job.dry_run, &job.res);
	end(r, &c, &job, rc, member_cols, N_MEMBER_COLS);
}

/* POST /api/import/orgs[?dry_run=1]. */
void xf_h_import_orgs(xf_req *r)
{
	import_job job;
	xf_ctx c;
	if (begin(r, &job, org_cols, N_ORG_COLS) != 0 || xf_api_ctx(r, &c) != 0)
		return;
	const xf_body_table *body = &xf_orgs_create_body;
	int n = 0;
	xf_org_row *rows =
	    xf_input_calloc(r, (size_t)(job.t.nrows - job.hrow), sizeof *rows);
	if (!rows)
		return;
	for (int i = job.hrow + 1; i < job.t.nrows; i++) {
		if (blank_row(&r->arena, &job.t, i, job.at, N_ORG_COLS) ||
		    example_row(r, &job, i))
			continue;
		xf_org_row *row = &rows[n++];
		row->row = i + 1;
		read_cells(r, &job, body, org_cols, N_ORG_COLS, i, (char *)row,
		           row->row, &row->bad);
	}
	int rc = xf_import_orgs(&c, rows, n, job.dry_run, &job.res);
	end(r, &c, &job, rc, org_cols, N_ORG_COLS);
}

/* ---- templates ------------------------------------------------------------
 */

typedef struct template_args {
	const column *cols;
	int ncols;
	const xf_body_table *body;
	const char *sheet;
} template_args;

static int write_template(lxw_workbook *wb, void *arg)
{
	const template_args *t = arg;
	xf_xlsx_formats f;
	xf_xlsx_formats_make(wb, &f);
	lxw_format *text = workbook_add_format(wb);
	format_set_num_format(text, "@");
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->sheet);
	lxw_worksheet *help = workbook_add_worksheet(wb, "填写说明");
	if (!ws || !help)
		return -1;
	for (int k = 0; k < t->ncols; k++) {
		worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k,
		                     k == 2 || k == 4 ? 24 : 14, text);
		worksheet_write_string(ws, 0, (lxw_col_t)k, t->cols[k].header,
		                       f.head);
		worksheet_write_string(ws, 1, (lxw_col_t)k, t->cols[k].example,
		                       text);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_column(help, 0, 0, 14, NULL);
	worksheet_set_column(help, 1, 1, 8, NULL);
	worksheet_set_column(help, 2, 2, 70, NULL);
	worksheet_write_string(help, 0, 0, "列名", f.head);
	worksheet_write_string(help, 0, 1, "必填", f.head);
	worksheet_write_string(help, 0, 2, "填写要求与可选值", f.head);
	for (int k = 0; k < t->ncols; k++) {
		const column *c = &t->cols[k];
		char buf[1024] = "";
		size_t len = 0;
		const xf_code *codes = codes_of(t->body, c->field);
		if (codes) {
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			                        "可选值：");
			for (const xf_code *x = codes; x->code; x++)
				len += (size_t)snprintf(
				    buf + len, sizeof buf - len, "%s%s",
				    x == codes ? "" : "、", x->label);
		}
		if (c->note && len < sizeof buf)
			snprintf(buf + len, sizeof buf - len, "%s%s",
			         len ? "；" : "", c->note);
		worksheet_write_string(help, (lxw_row_t)k + 1, 0, c->header,
		                       NULL);
		worksheet_write_string(help, (lxw_row_t)k + 1, 1,
		                       c->required ? "是" : "否", NULL);
		worksheet_write_string(help, (lxw_row_t)k + 1, 2, buf, NULL);
	}
	return 0;
}

void xf_h_import_template_members(xf_req *r)
{
	template_args t = {member_cols, N_MEMBER_COLS, &xf_members_create_body,
	                   "党员名册"};
	xf_xlsx_reply(r, "党员名册导入模板.xlsx", "members-template.xlsx",
	              "党员名册导入模板", write_template, &t);
}

void xf_h_import_template_orgs(xf_req *r)
{
	template_args t = {org_cols, N_ORG_COLS, &xf_orgs_create_body,
	                   "党组织"};
	xf_xlsx_reply(r, "党组织导入模板.xlsx", "orgs-template.xlsx",
	              "党组织导入模板", write_template, &t);
}
