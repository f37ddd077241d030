/*
 * crud.h (service) - the use cases every record kept by an organization
 * shares (load it scope-checked, read it, end its create or update with
 * the audit, remove it), written once and driven by a descriptor per
 * kind of record (an xf_crud).
 *
 * Memory: what these functions read lives in c->a; the item pointers
 * are the caller's (a record of the descriptor's type, k->size bytes).
 */
#ifndef XF_SERVICE_CRUD_H
#define XF_SERVICE_CRUD_H

#include "service/ctx.h"

#include <stddef.h>

/*
 * A kind of record: an item of struct T with fields id, org_id and
 * org_path; rec its 404 / 403 messages; entity its audit entity code.
 * get and snap adapt the store getter (XF_DB_GETTER) and the audit
 * snapshot to items of any type (XF_CRUD_FNS defines them); del is the
 * store delete by key. load, when set, replaces the generic load (a
 * kind with rights of its own); before_delete and after_delete, when
 * set, run around del in the remove's transaction (a refusal, or the
 * rows that go with the record) and return XF_OK or the error recorded
 * in c.
 */
typedef struct xf_crud {
	const char *entity;
	const xf_record *rec;
	size_t size, id_off, org_id_off, org_path_off;
	int (*get)(xf_db *db, xf_arena *a, int64_t id, void *out);
	const char *(*snap)(xf_arena *a, const void *item);
	int (*del)(xf_db *db, int64_t id);
	int (*load)(xf_ctx *c, int64_t id, int mode, void *item);
	int (*before_delete)(xf_ctx *c, int64_t id, const void *item);
	int (*after_delete)(xf_ctx *c, int64_t id, const void *item);
	/* For xf_crud_update: merges the input into the loaded record
	 * item, checks it and writes it; XF_OK or the error recorded in c. */
	int (*change)(xf_ctx *c, int64_t id, const void *in, void *item);
} xf_crud;

/* Defines name_get and name_snap, the typed-erased getter and snapshot of
 * records of type T for an xf_crud (at file scope). */
#define XF_CRUD_FNS(name, T, getter, snapper)                                  \
	static int name##_get(xf_db *db, xf_arena *a, int64_t id, void *out)   \
	{                                                                      \
		return getter(db, a, id, (T *)out);                            \
	}                                                                      \
	static const char *name##_snap(xf_arena *a, const void *item)          \
	{                                                                      \
		return snapper(a, (const T *)item);                            \
	}                                                                      \
	_Static_assert(sizeof(T) > 0, "a record type")
/* The fields of an xf_crud that XF_CRUD_FNS(name, T, …) and T give:
 * static const xf_crud brands = {XF_CRUD_OF(brand_fns, xf_brand,
 * "brand"), .rec = &brand, .del = xf_store_brand_delete};
 * XF_CRUD_PATH_OF for a T without org_id (no xf_crud_subject then). */
#define XF_CRUD_PATH_OF(name, T, entity_)                                      \
	.entity = (entity_), .size = sizeof(T), .id_off = offsetof(T, id),     \
	.org_path_off = offsetof(T, org_path), .get = name##_get,              \
	.snap = name##_snap
#define XF_CRUD_OF(name, T, entity_)                                           \
	XF_CRUD_PATH_OF(name, T, entity_), .org_id_off = offsetof(T, org_id)

/* A page of a list under the caller's ranges r and the use case's
 * filter: the store's list, typed-erased (XF_CRUD_ROWS defines one);
 * out is a T ** as xf_db_rows takes it. */
typedef int (*xf_crud_rows)(xf_db *db, xf_arena *a, const xf_ranges *r,
                            const void *filter, int offset, int limit,
                            void *out, int *n, int64_t *total);
/* Defines name, an xf_crud_rows calling store_list(db, a, &g, offset,
 * limit, out, n, total) with g a copy of the filter (of type F) whose
 * field ranges is r (at file scope). */
#define XF_CRUD_ROWS(name, F, T, store_list)                                   \
	static int name(xf_db *db, xf_arena *a, const xf_ranges *r,            \
	                const void *filter, int offset, int limit, void *out,  \
	                int *n, int64_t *total)                                \
	{                                                                      \
		F g = *(const F *)filter;                                      \
		g.ranges = r;                                                  \
		return store_list(db, a, &g, offset, limit, (T **)out, n,      \
		                  total);                                      \
	}                                                                      \
	_Static_assert(sizeof(F) > 0, "a list filter")

/* The use case listing a page of records in a read transaction: those
 * of the subtree of org_id, an organization the caller may read (else
 * 404 at "org"), or without it of the caller's readable subtrees, read
 * by rows with filter. *out (a T *), *n and *total are reset first;
 * nothing in scope is an empty page. */
int xf_crud_list(xf_ctx *c, int64_t org_id, xf_crud_rows rows,
                 const void *filter, int offset, int limit, void *out, int *n,
                 int64_t *total);
/* The organization path of item, a record of kind k. */
const char *xf_crud_path(const xf_crud *k, const void *item);
/* Loads record id into item (zeroed first) to read it (XF_FOR_READ) or
 * to change it (XF_FOR_WRITE), as xf_loaded with k->rec (or k->load).
 * Returns XF_OK or the error recorded in c. */
int xf_crud_load(xf_ctx *c, const xf_crud *k, int64_t id, int mode, void *item);
/* As xf_crud_load into *item, a record allocated in c->a. */
int xf_crud_load_new(xf_ctx *c, const xf_crud *k, int64_t id, int mode,
                     void **item);
/* The use case reading record id in a read transaction. */
int xf_crud_read(xf_ctx *c, const xf_crud *k, int64_t id, void *out);
/* As xf_crud_load, giving the record's organization: the load of an
 * xf_attachment_subject. */
int xf_crud_subject(xf_ctx *c, const xf_crud *k, int64_t id, int mode,
                    int64_t *org_id, const char **org_path);
/* The end of a create: db_rc is the insert's answer (a failure as
 * xf_fail_db), then the audit row "create" of item. */
int xf_crud_created(xf_ctx *c, const xf_crud *k, int db_rc, const void *item);
/* The end of an update of record id: db_rc is the write's answer; on
 * XF_DB_OK the record is read again into item, then ends as
 * xf_audit_found with action "update", before and item's snapshot. */
int xf_crud_updated(xf_ctx *c, const xf_crud *k, int db_rc, int64_t id,
                    const char *before, void *item);
/* The use case changing record id by input in (k->change) in a write
 * transaction: loaded for writing, changed, read again into out and
 * audited "update" with its snapshots before and after. */
int xf_crud_update(xf_ctx *c, const xf_crud *k, int64_t id, const void *in,
                   void *out);
/* The use case removing record id in a write transaction: loaded for
 * writing, before_delete, del, after_delete, then the audit row
 * "delete". */
int xf_crud_remove(xf_ctx *c, const xf_crud *k, int64_t id);
/* The same inside the caller's transaction. */
int xf_crud_remove_tx(xf_ctx *c, const xf_crud *k, int64_t id);

#endif
