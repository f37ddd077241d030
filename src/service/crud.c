/*
 * crud.c (service) - the shared use cases of records kept by an
 * organization, driven by an xf_crud descriptor (crud.h).
 */
#include "service/crud.h"

#include <string.h>

static const void *field(const void *item, size_t off)
{
	return (const char *)item + off;
}

const char *xf_crud_path(const xf_crud *k, const void *item)
{
	return *(const char *const *)field(item, k->org_path_off);
}

int xf_crud_load(xf_ctx *c, const xf_crud *k, int64_t id, int mode, void *item)
{
	if (k->load)
		return k->load(c, id, mode, item);
	memset(item, 0, k->size);
	int found = k->get(c->db, c->a, id, item);
	return xf_loaded(c, found,
	                 found == XF_DB_ROW ? xf_crud_path(k, item) : NULL,
	                 mode, k->rec);
}

int xf_crud_read(xf_ctx *c, const xf_crud *k, int64_t id, void *out)
{
	XF_RETURN_READ_TX(c, xf_crud_load(c, k, id, XF_FOR_READ, out));
}

int xf_crud_load_new(xf_ctx *c, const xf_crud *k, int64_t id, int mode,
                     void **item)
{
	*item = xf_arena_alloc(c->a, k->size);
	if (!*item)
		return xf_fail(c, XF_E_INTERNAL, "internal", "内存不足", NULL);
	return xf_crud_load(c, k, id, mode, *item);
}

int xf_crud_subject(xf_ctx *c, const xf_crud *k, int64_t id, int mode,
                    int64_t *org_id, const char **org_path)
{
	void *item;
	int rc = xf_crud_load_new(c, k, id, mode, &item);
	if (rc == XF_OK) {
		*org_id = *(const int64_t *)field(item, k->org_id_off);
		*org_path = xf_crud_path(k, item);
	}
	return rc;
}

int xf_crud_created(xf_ctx *c, const xf_crud *k, int db_rc, const void *item)
{
	if (db_rc != XF_DB_OK)
		return xf_fail_db(c, db_rc);
	return xf_audit(c, "create", k->entity,
	                *(const int64_t *)field(item, k->id_off),
	                xf_crud_path(k, item), NULL, k->snap(c->a, item));
}

int xf_crud_updated(xf_ctx *c, const xf_crud *k, int db_rc, int64_t id,
                    const char *before, void *item)
{
	if (db_rc == XF_DB_OK)
		db_rc = k->get(c->db, c->a, id, item);
	return xf_audit_found(c, db_rc, "update", k->entity, id,
	                      xf_crud_path(k, item), before,
	                      k->snap(c->a, item));
}

static int update_tx(xf_ctx *c, const xf_crud *k, int64_t id, const void *in,
                     void *out)
{
	int rc = xf_crud_load(c, k, id, XF_FOR_WRITE, out);
	if (rc != XF_OK)
		return rc;
	const char *before = k->snap(c->a, out);
	if ((rc = k->change(c, id, in, out)) != XF_OK)
		return rc;
	return xf_crud_updated(c, k, XF_DB_OK, id, before, out);
}

int xf_crud_update(xf_ctx *c, const xf_crud *k, int64_t id, const void *in,
                   void *out)
{
	XF_RETURN_WRITE_TX(c, update_tx(c, k, id, in, out));
}

static int list_tx(xf_ctx *c, int64_t org_id, xf_crud_rows rows,
                   const void *filter, int offset, int limit, void *out, int *n,
                   int64_t *total)
{
	xf_ranges r;
	int rc = xf_list_scope(c, org_id, "org", &r);
	if (rc != XF_OK || r.n == 0)
		return rc;
	return xf_from_db(
	    c, rows(c->db, c->a, &r, filter, offset, limit, out, n, total));
}

int xf_crud_list(xf_ctx *c, int64_t org_id, xf_crud_rows rows,
                 const void *filter, int offset, int limit, void *out, int *n,
                 int64_t *total)
{
	*(void **)out = NULL;
	*n = 0;
	*total = 0;
	XF_RETURN_READ_TX(
	    c, list_tx(c, org_id, rows, filter, offset, limit, out, n, total));
}

int xf_crud_remove_tx(xf_ctx *c, const xf_crud *k, int64_t id)
{
	void *item;
	int rc = xf_crud_load_new(c, k, id, XF_FOR_WRITE, &item);
	if (rc != XF_OK)
		return rc;
	if (k->before_delete && (rc = k->before_delete(c, id, item)) != XF_OK)
		return rc;
	int drc = k->del(c->db, id);
	if (drc != XF_DB_OK)
		return xf_fail_db(c, drc);
	if (k->after_delete && (rc = k->after_delete(c, id, item)) != XF_OK)
		return rc;
	return xf_audit(c, "delete", k->entity, id, xf_crud_path(k, item),
	                k->snap(c->a, item), NULL);
}

int xf_crud_remove(xf_ctx *c, const xf_crud *k, int64_t id)
{
	XF_RETURN_WRITE_TX(c, xf_crud_remove_tx(c, k, id));
}
