/*
 * imports.h (service) - imports of the member roster and of the
 * organization tree from the rows of an uploaded file: each row is
 * created the way one create request creates it (the same checks and
 * messages, kept counts, audit), all of them in one write transaction
 * that commits only when no row has an error; a dry run checks every row
 * the same way and rolls back. Organizations are named in the rows by a
 * name unique within the caller's scope or a path of names joined by
 * "/" ("某党委/第一支部"); names outside the scope are not found.
 *
 * Results and errors live in c->a.
 */
#ifndef XF_SERVICE_IMPORTS_H
#define XF_SERVICE_IMPORTS_H

#include "service/members.h"
#include "service/orgs.h"

/* One error of a row: the spreadsheet's row number (the header is row 1),
 * the input field it is about (NULL: the row) and the Chinese message. */
typedef struct xf_import_error {
	int row;
	const char *field;
	const char *message;
	int seq; /* the order it was found in */
} xf_import_error;

typedef struct xf_import_result {
	int rows;    /* data rows read */
	int created; /* rows written (0 for a dry run or with errors) */
	int valid;   /* rows without an error */
	xf_import_error *errors;
	int nerrors, nalloc;
} xf_import_result;

/* Appends an error (message copied) to res; 0, or -1 out of memory. */
int xf_import_error_add(xf_arena *a, xf_import_result *res, int row,
                        const char *field, const char *message);

/* A member row: its number, the input (org_id unset) and the
 * organization as written in the file. bad: the row already has an
 * error (of its cells) and is only counted. */
typedef struct xf_member_row {
	int row;
	xf_member_input in;
	const char *org;
	int bad;
} xf_member_row;

/* An organization row: the input (parent_id unset), the parent as
 * written (NULL or "": a top-level organization) and the name of a
 * cluster (片区) to add it to (NULL or "": none). */
typedef struct xf_org_row {
	int row;
	xf_org_input in;
	const char *parent;
	const char *cluster;
	int bad;
} xf_org_row;

/*
 * Imports rows[0..n) (their errors added to res, which may hold the
 * cells' errors already). Writes only when !dry_run and res has no error
 * at the end. Returns XF_OK (res filled; for a commit with errors,
 * XF_E_INVALID with c->err set and res filled) or the error of a failure
 * that is not about a row (database, memory).
 */
int xf_import_members(xf_ctx *c, xf_member_row *rows, int n, int dry_run,
                      xf_import_result *res);
int xf_import_orgs(xf_ctx *c, xf_org_row *rows, int n, int dry_run,
                   xf_import_result *res);

#endif
