/*
 * org.h - an organization (党组织) of the tree and a cluster (片区) of
 * organizations, as every layer sees them, with their one JSON form.
 *
 * Layer-neutral: includes only base/. The store fills these structs, the
 * service and the API read them. Strings are borrowed: they point into the
 * arena of whoever filled the struct and live as long as it; optional ones
 * are NULL.
 */
#ifndef XF_MODEL_ORG_H
#define XF_MODEL_ORG_H

#include "base/jw.h"

#include <stdint.h>

typedef struct xf_org {
	int64_t id, parent_id;
	const char *name, *kind, *level, *path;
	int depth;
	const char *established_on;
	const char *project, *starts_on, *ends_on, *closed_on; /* or NULL */
	int64_t member_count; /* members directly in this org */
	int64_t child_count;
	/* members of the whole subtree; only xf_store_org_children reads it
	 * (-1 elsewhere) */
	int64_t subtree_member_count;
} xf_org;

typedef struct xf_cluster {
	int64_t id;
	const char *name, *description;
	xf_org *orgs;
	int norgs;
	/* its lead of lead_year (this year), 0 and NULL when none is set */
	int64_t lead_org_id;
	const char *lead_org_name;
	int lead_year;
} xf_cluster;

/*
 * The JSON form of an org. _open leaves the object open for more keys;
 * brief leaves out the founding and project dates (established_on,
 * project, starts_on, ends_on), as the nodes of the tree do.
 */
void xf_org_json_open(xf_jw *w, const xf_org *o, int brief);
void xf_org_json(xf_jw *w, const xf_org *o);
/* The org a record belongs to, as two keys of its open object: org_id and
 * org_name. */
void xf_org_ref_json(xf_jw *w, int64_t id, const char *name);
/* A cluster with its orgs, each as {id, name, kind, path}, and its lead
 * of this year (lead_org_id, lead_org_name: null when none). */
void xf_cluster_json(xf_jw *w, const xf_cluster *c);
/* The same, the object left open for more keys. */
void xf_cluster_json_open(xf_jw *w, const xf_cluster *c);

#endif
